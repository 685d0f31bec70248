package io.dynamapper.inmemory;

import static io.dynamapper.inmemory.Fixtures.def;
import static io.dynamapper.inmemory.Fixtures.item;
import static io.dynamapper.inmemory.Fixtures.key;
import static io.dynamapper.inmemory.Fixtures.n;
import static io.dynamapper.inmemory.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/** What the streams of the in-memory DynamoDB do over time (its clock) and on time-to-live expiry. */
class StreamsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private InMemoryDynamoDb ddb;
    private String arn;

    private void at(Instant instant) {
        ddb.setClock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    @BeforeEach
    void streamTable() {
        ddb = InMemoryDynamoDb.create();
        at(T0);
        ddb.createTable(b -> b.tableName("events").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(def("pk", "S"))
                .streamSpecification(sp -> sp.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        arn = ddb.describeTable(b -> b.tableName("events")).table().latestStreamArn();
    }

    private String iterator(ShardIteratorType type, String sequenceNumber) {
        String shard = ddb.streams().describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        return ddb.streams().getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(type)
                .sequenceNumber(sequenceNumber)).shardIterator();
    }

    private List<Record> all() {
        return ddb.streams().getRecords(b -> b.shardIterator(iterator(ShardIteratorType.TRIM_HORIZON, null))).records();
    }

    private void put(Map<String, AttributeValue> item) {
        ddb.putItem(b -> b.tableName("events").item(item));
    }

    @Test
    void theStreamArnExtendsTheTableArnAndIsTheSameClientEveryTime() {
        String table = ddb.describeTable(b -> b.tableName("events")).table().tableArn();
        assertTrue(arn.startsWith(table + "/stream/2026-01-01T00:00:00.000"), arn);
        assertSame(ddb.streams(), ddb.streams());
        assertEquals("dynamodb", ddb.streams().serviceName());
    }

    @Test
    void recordTimesComeFromTheClockRoundedDownToTheSecond() {
        at(T0.plusMillis(1500));
        put(item("pk", s("a")));
        assertEquals(T0.plusSeconds(1), all().get(0).dynamodb().approximateCreationDateTime());
    }

    @Test
    void recordSizeCountsKeysAndImages() {
        put(item("pk", s("a"), "v", s("xyz")));
        // keys: "pk" + "a" = 3 bytes; new image: 3 + "v" + "xyz" = 7 bytes
        assertEquals(10L, all().get(0).dynamodb().sizeBytes());
    }

    @Test
    void expiredTimeToLiveItemsAreRemovedByTheService() {
        ddb.updateTimeToLive(b -> b.tableName("events").timeToLiveSpecification(t -> t.enabled(true).attributeName("exp")));
        long now = T0.getEpochSecond();
        put(item("pk", s("past"), "exp", n(Long.toString(now - 10))));
        put(item("pk", s("now"), "exp", n(Long.toString(now))));
        put(item("pk", s("future"), "exp", n(Long.toString(now + 10))));
        put(item("pk", s("text"), "exp", s(Long.toString(now - 10))));
        put(item("pk", s("ancient"), "exp", n(Long.toString(now - Duration.ofDays(6 * 365).toSeconds()))));
        put(item("pk", s("none")));

        assertEquals(2, ddb.expireItems());

        List<Record> records = all();
        List<Record> removals = records.stream().filter(r -> r.eventName() == OperationType.REMOVE).toList();
        assertEquals(java.util.Set.of("past", "now"),
                removals.stream().map(r -> r.dynamodb().keys().get("pk").s()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(2, removals.size());
        for (Record r : removals) {
            assertEquals("dynamodb.amazonaws.com", r.userIdentity().principalId());
            assertEquals("Service", r.userIdentity().type());
            assertEquals("past".equals(r.dynamodb().keys().get("pk").s()) ? n(Long.toString(now - 10)) : n(Long.toString(now)),
                    r.dynamodb().oldImage().get("exp"));
        }
        assertTrue(records.stream().filter(r -> r.eventName() == OperationType.INSERT).allMatch(r -> r.userIdentity() == null));
        assertFalse(ddb.getItem(b -> b.tableName("events").key(item("pk", s("past")))).hasItem());
        assertTrue(ddb.getItem(b -> b.tableName("events").key(item("pk", s("future")))).hasItem());
        assertEquals(0, ddb.expireItems());
    }

    @Test
    void getRecordsAnswersAtMostOneMegabyte() {
        String big = "x".repeat(300 * 1024);
        for (int i = 0; i < 5; i++) {
            put(item("pk", s("k" + i), "v", s(big)));
        }
        // each record carries the new image (~300 KB): three fit in 1 MB, the other two come next
        var first = ddb.streams().getRecords(b -> b.shardIterator(iterator(ShardIteratorType.TRIM_HORIZON, null)));
        assertEquals(3, first.records().size());
        assertEquals(2, ddb.streams().getRecords(b -> b.shardIterator(first.nextShardIterator())).records().size());
    }

    @Test
    void nothingExpiresWithoutTimeToLive() {
        put(item("pk", s("past"), "exp", n("1")));
        assertEquals(0, ddb.expireItems());
        assertEquals(1, all().size());
    }

    @Test
    void shardIteratorsExpireAfterFifteenMinutes() {
        put(item("pk", s("a")));
        String it = iterator(ShardIteratorType.TRIM_HORIZON, null);
        at(T0.plus(Duration.ofMinutes(15)).minusMillis(1));
        assertEquals(1, ddb.streams().getRecords(b -> b.shardIterator(it)).records().size());
        at(T0.plus(Duration.ofMinutes(15)));
        assertThrows(ExpiredIteratorException.class, () -> ddb.streams().getRecords(b -> b.shardIterator(it)));
    }

    @Test
    void recordsOlderThanADayAreTrimmed() {
        put(item("pk", s("old")));
        String oldIterator = iterator(ShardIteratorType.TRIM_HORIZON, null);
        String oldSequence = all().get(0).dynamodb().sequenceNumber();
        at(T0.plus(Duration.ofHours(12)));
        put(item("pk", s("new")));
        at(T0.plus(Duration.ofHours(24)));
        assertEquals(List.of("new"), all().stream().map(r -> r.dynamodb().keys().get("pk").s()).toList());
        at(T0.plus(Duration.ofHours(24)).plusSeconds(1));
        assertThrows(ExpiredIteratorException.class, () -> ddb.streams().getRecords(b -> b.shardIterator(oldIterator)));
        assertThrows(TrimmedDataAccessException.class, () -> iterator(ShardIteratorType.AT_SEQUENCE_NUMBER, oldSequence));
    }

    @Test
    void anIteratorBeforeTheTrimHorizonCannotRead() {
        put(item("pk", s("old")));
        at(T0.plus(Duration.ofHours(23)).plusSeconds(59 * 60));
        String it = iterator(ShardIteratorType.TRIM_HORIZON, null);
        at(T0.plus(Duration.ofHours(24)).plusSeconds(1));
        assertThrows(TrimmedDataAccessException.class, () -> ddb.streams().getRecords(b -> b.shardIterator(it)));
    }

    @Test
    void aDisabledStreamIsGoneADayLater() {
        ddb.updateTable(b -> b.tableName("events").streamSpecification(sp -> sp.streamEnabled(false)));
        at(T0.plus(Duration.ofHours(24)).minusSeconds(1));
        assertEquals(1, ddb.streams().listStreams(b -> b.tableName("events")).streams().size());
        at(T0.plus(Duration.ofHours(24)));
        assertTrue(ddb.streams().listStreams(b -> b.tableName("events")).streams().isEmpty());
        assertThrows(ResourceNotFoundException.class, () -> ddb.streams().describeStream(b -> b.streamArn(arn)));
    }

    @Test
    void faultsAreInjectedPerStreamOperation() {
        put(item("pk", s("a")));
        String it = iterator(ShardIteratorType.TRIM_HORIZON, null);
        ddb.faults().on(Operation.GET_RECORDS).failNext(1, Fault.PROVISIONED_THROUGHPUT_EXCEEDED);
        assertThrows(ProvisionedThroughputExceededException.class,
                () -> ddb.streams().getRecords(b -> b.shardIterator(it)));
        assertEquals(1, ddb.streams().getRecords(b -> b.shardIterator(it)).records().size());
        assertEquals(1, ddb.faults().injected(Operation.GET_RECORDS));
    }

    @Test
    void resetForgetsStreams() {
        ddb.reset();
        assertTrue(ddb.streams().listStreams().streams().isEmpty());
        assertNull(ddb.streams().listStreams().lastEvaluatedStreamArn());
    }
}
