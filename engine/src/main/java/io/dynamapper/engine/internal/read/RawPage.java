package io.dynamapper.engine.internal.read;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One response of a Query or Scan, before the session sees it.
 *
 * @param items the items returned (after the filter); empty for {@code Select.COUNT}
 * @param count how many items matched (DynamoDB's {@code Count})
 * @param lastEvaluatedKey where to continue; empty when DynamoDB has nothing more to read
 */
record RawPage(List<Map<String, AttributeValue>> items, int count, Optional<Map<String, AttributeValue>> lastEvaluatedKey) {
    /** Normalises DynamoDB's "no LastEvaluatedKey" (absent or empty map) to an empty Optional. */
    static Optional<Map<String, AttributeValue>> next(boolean present, Map<String, AttributeValue> lastEvaluatedKey) {
        return present && lastEvaluatedKey != null && !lastEvaluatedKey.isEmpty()
                ? Optional.of(lastEvaluatedKey) : Optional.empty();
    }
}
