package io.dynamapper.engine.internal.read;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Sends one Query or Scan request of a compiled read (one segment of a parallel scan). */
@FunctionalInterface
interface PageFetcher {
    /**
     * Reads one page.
     *
     * @param exclusiveStartKey where to start, or null for the beginning
     * @param limit DynamoDB's {@code Limit} (items evaluated, before the filter), or null for none
     * @param countOnly whether to ask for {@code Select.COUNT}
     */
    RawPage fetch(Map<String, AttributeValue> exclusiveStartKey, Integer limit, boolean countOnly);
}
