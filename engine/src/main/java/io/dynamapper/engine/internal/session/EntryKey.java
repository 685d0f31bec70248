package io.dynamapper.engine.internal.session;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The identity of a managed entity: its table and encoded key attributes. Key arguments of any
 * numeric type encode to the same attribute value, so they find the same entry.
 */
record EntryKey(String table, Map<String, AttributeValue> key) {
}
