package io.dynamapper.inmemory.internal.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class StreamsUnitTest {
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Streams streams = new Streams(() -> now);
    private final List<KeySchemaElement> keys = List.of(KeySchemaElement.builder().attributeName("pk")
            .keyType(KeyType.HASH).build());

    @Test
    void sequenceNumbersAreFixedWidthIncreasingAndMapBackToRecords() {
        StreamLog s = streams.create("t", "arn:aws:dynamodb:r:1:table/t", keys, StreamViewType.KEYS_ONLY);
        Map<String, AttributeValue> k = Map.of("pk", AttributeValue.fromS("a"));
        streams.append(s, k, null, k, 3, false);
        streams.append(s, k, k, null, 3, false);
        String first = s.records.get(0).dynamodb().sequenceNumber();
        String second = s.records.get(1).dynamodb().sequenceNumber();
        assertEquals(21, first.length());
        assertEquals(1, second.compareTo(first));
        assertEquals(0, s.recordNumber(first));
        assertEquals(1, s.recordNumber(second));
        assertEquals(-1, s.recordNumber("12x"));
        assertEquals(-1, s.recordNumber(s.sequenceNumber(2)));
    }

    @Test
    void twoStreamsOfOneTableGetDistinctLabels() {
        StreamLog a = streams.create("t", "arn:aws:dynamodb:r:1:table/t", keys, StreamViewType.KEYS_ONLY);
        StreamLog b = streams.create("t", "arn:aws:dynamodb:r:1:table/t", keys, StreamViewType.KEYS_ONLY);
        assertEquals("2026-01-01T00:00:00.000", a.label());
        assertEquals("2026-01-01T00:00:00.001", b.label());
    }

    @Test
    void iteratorsRoundTripAndGarbageIsRejected() {
        Streams.Position p = new Streams.Position("arn:x|", "shard", 7, now);
        assertThrows(DynamoDbException.class, () -> Streams.Position.decode(p.encode()));
        Streams.Position q = new Streams.Position("arn:aws:dynamodb:r:1:table/t/stream/l", "shard", 7, now);
        assertEquals(q, Streams.Position.decode(q.encode()));
        assertThrows(DynamoDbException.class, () -> Streams.Position.decode("%%%"));
    }
}
