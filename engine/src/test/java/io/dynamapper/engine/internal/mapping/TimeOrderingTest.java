package io.dynamapper.engine.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.HashKey;
import io.dynamapper.RangeKey;
import io.dynamapper.Table;
import io.dynamapper.Throughput;
import io.dynamapper.engine.internal.schema.TableManager;
import io.dynamapper.engine.testing.TestDynamoDb;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Time types stored as strings (or numbers, for Duration) sort in time order: as range keys, an
 * in-memory DynamoDB query returns them in the order of their instants, and each reads back exactly.
 */
class TimeOrderingTest {
    private final DynamoDbClient ddb = TestDynamoDb.client();

    @BeforeEach
    @AfterEach
    void clean() {
        TestDynamoDb.deleteAllTables();
    }

    @Table("offsets")
    record ByOffset(@HashKey String h, @RangeKey OffsetDateTime at) {
    }

    @Table("zoned")
    record ByZoned(@HashKey String h, @RangeKey ZonedDateTime at) {
    }

    @Table("instants")
    record ByInstant(@HashKey String h, @RangeKey Instant at) {
    }

    @Table("local_times")
    record ByLocal(@HashKey String h, @RangeKey LocalDateTime at) {
    }

    @Table("durations")
    record ByDuration(@HashKey String h, @RangeKey Duration at) {
    }

    /** Saves every value as the range key of one partition, queries it ascending, returns what it read. */
    private <T> List<T> saveAndQuery(Class<T> type, List<T> values) {
        EntityModel<T> model = EntityModel.of(type);
        new TableManager(ddb).createTable(type, Throughput.onDemand());
        for (T value : values) {
            ddb.putItem(b -> b.tableName(model.tableName()).item(model.toItem(value)));
        }
        List<T> read = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(model.tableName()).consistentRead(true)
                    .keyConditionExpression("h = :h").expressionAttributeValues(Map.of(":h", AttributeValue.fromS("p")));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            var page = ddb.query(query.build());
            page.items().forEach(item -> read.add(model.fromItem(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return read;
    }

    private static <T, K extends Comparable<K>> void assertSortedBy(List<T> read, Function<T, K> key) {
        for (int i = 1; i < read.size(); i++) {
            K previous = key.apply(read.get(i - 1));
            K current = key.apply(read.get(i));
            assertTrue(previous.compareTo(current) <= 0, "out of order at " + i + ": " + read.get(i - 1) + " before "
                    + read.get(i));
        }
    }

    @Test
    void offsetDateTimesSortByInstantAndRoundTrip() {
        RandomValues random = new RandomValues(7);
        List<ByOffset> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            values.add(new ByOffset("p", random.offsetDateTime()));
        }
        // the same instant under several offsets, and instants a nanosecond apart
        Instant instant = Instant.parse("2024-03-31T01:30:00.000000001Z");
        values.add(new ByOffset("p", OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(-5))));
        values.add(new ByOffset("p", OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(9))));
        values.add(new ByOffset("p", OffsetDateTime.ofInstant(instant.plusNanos(1), ZoneOffset.ofHours(-12))));
        List<ByOffset> read = saveAndQuery(ByOffset.class, values);
        assertEquals(values.size(), read.size());
        assertSortedBy(read, r -> r.at().toInstant());
        List<ByOffset> expected = new ArrayList<>(values);
        assertTrue(read.containsAll(expected) && expected.containsAll(read), "every value reads back equal");
    }

    @Test
    void zonedDateTimesSortByInstantAndRoundTripWithTheirZone() {
        RandomValues random = new RandomValues(8);
        List<ByZoned> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            values.add(new ByZoned("p", random.zonedDateTime()));
        }
        // the repeated hour of a DST change: same local time, two offsets
        ZonedDateTime early = ZonedDateTime.of(LocalDateTime.of(2024, 10, 27, 2, 30), ZoneId.of("Europe/Paris"));
        values.add(new ByZoned("p", early.withEarlierOffsetAtOverlap()));
        values.add(new ByZoned("p", early.withLaterOffsetAtOverlap()));
        List<ByZoned> read = saveAndQuery(ByZoned.class, values);
        assertEquals(values.size(), read.size());
        assertSortedBy(read, r -> r.at().toInstant());
        assertTrue(read.containsAll(values) && values.containsAll(read), "every value reads back equal, zone included");
    }

    @Test
    void instantsLocalDateTimesAndDurationsSortAndRoundTrip() {
        RandomValues random = new RandomValues(9);
        List<ByInstant> instants = new ArrayList<>();
        List<ByLocal> locals = new ArrayList<>();
        List<ByDuration> durations = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            instants.add(new ByInstant("p", random.instant()));
            locals.add(new ByLocal("p", LocalDateTime.ofInstant(random.instant(), ZoneOffset.UTC)));
            durations.add(new ByDuration("p", random.duration()));
        }
        durations.add(new ByDuration("p", Duration.ofNanos(-1)));
        durations.add(new ByDuration("p", Duration.ZERO));
        List<ByInstant> readInstants = saveAndQuery(ByInstant.class, instants);
        instants.sort(Comparator.comparing(ByInstant::at));
        assertEquals(instants, readInstants);
        List<ByLocal> readLocals = saveAndQuery(ByLocal.class, locals);
        locals.sort(Comparator.comparing(ByLocal::at));
        assertEquals(locals, readLocals);
        List<ByDuration> readDurations = saveAndQuery(ByDuration.class, durations);
        durations.sort(Comparator.comparing(ByDuration::at));
        assertEquals(durations, readDurations);
    }

    @Test
    void storedFormIsTheUtcInstantWithFixedFractionAndTheZoneInBrackets() {
        EntityModel<ByZoned> zoned = EntityModel.of(ByZoned.class);
        ZonedDateTime paris = ZonedDateTime.of(LocalDateTime.of(2024, 7, 14, 10, 0), ZoneId.of("Europe/Paris"));
        assertEquals("2024-07-14T08:00:00.000000000Z[Europe/Paris]",
                zoned.toItem(new ByZoned("p", paris)).get("at").s());
        EntityModel<ByOffset> offset = EntityModel.of(ByOffset.class);
        assertEquals("2024-07-14T08:00:00.000000000Z[+02:00]",
                offset.toItem(new ByOffset("p", paris.toOffsetDateTime())).get("at").s());
    }
}
