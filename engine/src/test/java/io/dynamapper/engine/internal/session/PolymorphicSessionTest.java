package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Cursor;
import io.dynamapper.DynamapperException;
import io.dynamapper.Filter;
import io.dynamapper.IndexTemplate;
import io.dynamapper.ItemCollection;
import io.dynamapper.Key;
import io.dynamapper.KeyCondition;
import io.dynamapper.KeyTemplate;
import io.dynamapper.MappingException;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.Page;
import io.dynamapper.Session;
import io.dynamapper.Subtypes;
import io.dynamapper.Table;
import io.dynamapper.Throughput;
import io.dynamapper.TypeName;
import io.dynamapper.Version;
import io.dynamapper.engine.internal.mapping.EntityItemMapper;
import io.dynamapper.engine.internal.mapping.ModelRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Polymorphic entities: a sealed interface with record and class subtypes, an abstract class with @Subtypes. */
class PolymorphicSessionTest extends SessionTestSupport {
    static final Instant T1 = Instant.parse("2026-11-01T09:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-30T10:15:30Z");

    @Table("events")
    @KeyTemplate(hash = "{streamId}", range = "{seq}")
    sealed interface Event permits Created, Shipped {
    }

    record Created(String streamId, long seq, String by, @Version Long version) implements Event {
    }

    @TypeName("shipped")
    static final class Shipped implements Event {
        String streamId;
        long seq;
        String carrier;
        @Version Long version;

        Shipped() {
        }

        Shipped(String streamId, long seq, String carrier) {
            this.streamId = streamId;
            this.seq = seq;
            this.carrier = carrier;
        }
    }

    /** Another class of the same table, not an Event. */
    @Table("events")
    @KeyTemplate(hash = "{streamId}", range = "INFO")
    record StreamInfo(String streamId, String title) {
    }

    /** An abstract class with three template fields, its subtypes listed. */
    @Table("ledger")
    @KeyTemplate(hash = "ACCOUNT#{account}", range = "ENTRY#{at}#{entryId}")
    @Subtypes({Deposit.class, Withdrawal.class})
    abstract static class LedgerEntry {
        String account;
        Instant at;
        String entryId;
        long amount;
        @Version Long version;
    }

    static class Deposit extends LedgerEntry {
        String source;

        Deposit() {
        }

        Deposit(String account, Instant at, String entryId, long amount, String source) {
            this.account = account;
            this.at = at;
            this.entryId = entryId;
            this.amount = amount;
            this.source = source;
        }
    }

    static class Withdrawal extends LedgerEntry {
        String reason;

        Withdrawal() {
        }

        Withdrawal(String account, Instant at, String entryId, long amount, String reason) {
            this.account = account;
            this.at = at;
            this.entryId = entryId;
            this.amount = amount;
            this.reason = reason;
        }
    }

    @Table("tasks")
    @KeyTemplate(hash = "{project}", range = "TASK#{taskId}")
    @IndexTemplate(index = "by_owner", hash = "OWNER#{owner}", range = "{taskId}")
    sealed interface Task permits Bug, Feature {
    }

    record Bug(String project, String taskId, String owner, int severity) implements Task {
    }

    record Feature(String project, String taskId, String owner) implements Task {
    }

    /** Shares the table but names the index's hash key attribute differently. */
    @Table("tasks")
    @KeyTemplate(hash = "{project}", range = "NOTE#{noteId}")
    @IndexTemplate(index = "by_owner", hash = "OWNER#{owner}", hashAttribute = "owner_key")
    record TaskNote(String project, String noteId, String owner) {
    }

    /** Its subtypes disagree on the type of a template field: the keys they compose would not agree. */
    @Table("conflicted")
    @KeyTemplate(hash = "{id}", range = "{seq}")
    sealed interface Conflicted permits WideSeq, NarrowSeq {
    }

    record WideSeq(String id, long seq) implements Conflicted {
    }

    record NarrowSeq(String id, int seq) implements Conflicted {
    }

    @BeforeEach
    void tables() {
        createTable(Event.class);
        createTable(LedgerEntry.class);
    }

    private void storeEvents() {
        try (Session s = sessions.openSession()) {
            s.save(new Created("s1", 1, "ann", null));
            s.save(new Shipped("s1", 2, "dhl"));
            s.save(new Created("s1", 10, "bob", null));
            s.save(new Shipped("s2", 1, "ups"));
            s.save(new StreamInfo("s1", "first stream"));
            s.commit();
        }
        recording.clearRequests();
    }

    @Test
    void itemsCarryTheSubtypesTypeNameAndTheBasesKeys() {
        storeEvents();
        Map<String, AttributeValue> created = getRaw("events", Map.of("pk", s("s1"), "sk", s("0000000000000000001")));
        assertEquals("Created", created.get("_type").s());
        assertEquals("ann", created.get("by").s());
        Map<String, AttributeValue> shipped = getRaw("events", Map.of("pk", s("s1"), "sk", s("0000000000000000002")));
        assertEquals("shipped", shipped.get("_type").s());
        assertEquals("dhl", shipped.get("carrier").s());
    }

    @Test
    void aQueryOfTheBaseReturnsEverySubtypeInKeyOrderAllManaged() {
        storeEvents();
        try (Session s = sessions.openSession()) {
            List<Event> events = s.query(Event.class).hashKey("s1").list();
            assertEquals(List.of(Created.class, Shipped.class, Created.class),
                    events.stream().map(Object::getClass).toList(), "the StreamInfo of s1 is not an Event");
            assertEquals(new Created("s1", 1, "ann", 1L), events.get(0));
            assertEquals(10, ((Created) events.get(2)).seq());
            QueryRequest request = recording.requests(QueryRequest.class).get(0);
            assertTrue(request.filterExpression().contains(" IN ("), request.filterExpression());
            assertTrue(request.expressionAttributeValues().containsValue(s("Created"))
                    && request.expressionAttributeValues().containsValue(s("shipped")), String.valueOf(request));

            assertSame(events.get(1), s.get(Event.class, "s1", 2L), "one instance per key");
            assertSame(events.get(1), s.get(Shipped.class, "s1", 2), "read as the subtype: the same instance");
            assertSame(events.get(0), s.find(Created.class, "s1", 1).orElseThrow());
            assertEquals(1, recording.requests(QueryRequest.class).size());
            assertEquals(1, recording.requestCount(), "the later reads came from the identity map");
        }
    }

    @Test
    void getOfTheBaseReturnsTheStoredSubtypeAndGetOfAnotherSubtypeIsAClearError() {
        storeEvents();
        try (Session s = sessions.openSession()) {
            Event e = s.get(Event.class, "s1", 2L);
            Shipped shipped = assertInstanceOf(Shipped.class, e);
            assertEquals("dhl", shipped.carrier);
            assertTrue(s.find(Event.class, "s1", 99).isEmpty());
            DynamapperException managed = assertThrows(DynamapperException.class, () -> s.get(Created.class, "s1", 2));
            assertTrue(managed.getMessage().contains("managed as") && managed.getMessage().contains("Shipped"),
                    managed.getMessage());
        }
        try (Session s = sessions.openSession()) {
            MappingException wrong = assertThrows(MappingException.class, () -> s.get(Created.class, "s1", 2));
            assertTrue(wrong.getMessage().contains("'shipped'") && wrong.getMessage().contains("read it as Event"),
                    wrong.getMessage());
        }
    }

    @Test
    void aQueryOfOneSubtypeIsNarrowedToItsTypeName() {
        storeEvents();
        try (Session s = sessions.openSession()) {
            List<Created> created = s.query(Created.class).hashKey("s1").list();
            assertEquals(List.of(1L, 10L), created.stream().map(Created::seq).toList());
            QueryRequest request = recording.requests(QueryRequest.class).get(0);
            assertTrue(request.filterExpression().contains(" = "), request.filterExpression());
            assertTrue(request.expressionAttributeValues().containsValue(s("Created")));
            assertEquals(List.of(2L), s.query(Shipped.class).hashKey("s1").list().stream().map(x -> x.seq).toList());
        }
    }

    @Test
    void filtersOfABaseQueryUseTheFieldsEverySubtypeHas() {
        storeEvents();
        try (Session s = sessions.openSession()) {
            assertEquals(List.of(10L), s.query(Event.class).hashKey("s1").filter(Filter.gt("seq", 2)).list().stream()
                    .map(e -> ((Created) e).seq()).toList());
            assertEquals(List.of(Shipped.class, Created.class), s.query(Event.class).hashKey("s1")
                    .rangeKey(KeyCondition.ge(2)).list().stream().map(Object::getClass).toList(),
                    "range conditions take the template field's values");
            IllegalArgumentException onlyOne = assertThrows(IllegalArgumentException.class,
                    () -> s.query(Event.class).hashKey("s1").filter(Filter.eq("carrier", "dhl")).list());
            assertTrue(onlyOne.getMessage().contains("carrier"), onlyOne.getMessage());
        }
    }

    @Test
    void scansCollectionsAndGetAllOfTheBaseReadEverySubtype() {
        storeEvents();
        try (Session s = sessions.openSession()) {
            List<Event> all = s.scan(Event.class).list();
            assertEquals(4, all.size(), String.valueOf(all));
            assertTrue(recording.requests(ScanRequest.class).get(0).filterExpression().contains(" IN ("));

            ItemCollection s1 = s.collection(Event.class, StreamInfo.class).hashKey("s1").list();
            assertEquals(4, s1.size());
            assertEquals(List.of(new StreamInfo("s1", "first stream")), s1.of(StreamInfo.class));
            assertEquals(2, s1.of(Created.class).size());
            assertEquals(3, s1.of(Event.class).size());
            assertSame(all.stream().filter(e -> e instanceof Shipped sh && sh.streamId.equals("s1")).findFirst()
                    .orElseThrow(), s1.of(Shipped.class).get(0), "managed: one instance per key");

            recording.clearRequests();
            try (Session fresh = sessions.openSession()) {
                List<Event> got = fresh.getAll(Event.class, List.of(Key.of("s2", 1), Key.of("s1", 1), Key.of("s1", 5)));
                assertEquals(List.of(Shipped.class, Created.class), got.stream().map(Object::getClass).toList());
                assertEquals(1, recording.requests(BatchGetItemRequest.class).size());
                assertSame(got.get(0), fresh.get(Shipped.class, "s2", 1));
            }
        }
    }

    @Test
    void anUnknownTypeIsSkippedByQueriesOfTheBaseAndAnErrorWhenReadByKey() {
        storeEvents();
        putRaw("events", Map.of("pk", s("s1"), "sk", s("0000000000000000005"), "_type", s("Cancelled"),
                "streamId", s("s1"), "seq", n(5)));
        try (Session s = sessions.openSession()) {
            assertEquals(3, s.query(Event.class).hashKey("s1").list().size(), "skipped, like collection's default");
            assertEquals(4, s.scan(Event.class).list().size());
            assertEquals(3, s.collection(Event.class).hashKey("s1").list().size());
            MappingException strict = assertThrows(MappingException.class,
                    () -> s.collection(Event.class).hashKey("s1").failOnUnknownTypes().list());
            assertTrue(strict.getMessage().contains("'Cancelled'"), strict.getMessage());
            MappingException byKey = assertThrows(MappingException.class, () -> s.get(Event.class, "s1", 5));
            assertTrue(byKey.getMessage().contains("'Cancelled'") && byKey.getMessage().contains("permits"),
                    byKey.getMessage());
        }
    }

    @Test
    void pagesOfTheBaseResumeFromTheirCursor() {
        storeEvents();
        try (Session s = sessions.openSession()) {
            Page<Event> first = s.query(Event.class).hashKey("s1").page(2, Optional.empty());
            assertEquals(2, first.items().size());
            Cursor cursor = first.next().orElseThrow();
            Page<Event> second = s.query(Event.class).hashKey("s1").page(2, Optional.of(cursor));
            assertEquals(List.of(10L), second.items().stream().map(e -> ((Created) e).seq()).toList());
        }
    }

    @Test
    void changesAcrossSubtypesCommitInOneTransactionWithEachSubtypesVersion() {
        storeEvents();
        try (Session s = sessions.openSession()) {
            List<Event> events = s.query(Event.class).hashKey("s1").list();
            Created first = (Created) events.get(0);
            Shipped shipped = (Shipped) events.get(1);
            shipped.carrier = "fedex";                                   // dirty checking of a class subtype
            s.save(new Created(first.streamId(), first.seq(), "carl", first.version())); // a record: a new instance
            s.delete(events.get(2));                                      // delete through the base's reference
            s.save(new Shipped("s1", 11, "dhl"));                        // new
            assertTrue(s.isDirty());
            s.commit();
            TransactWriteItemsRequest tx = recording.requests(TransactWriteItemsRequest.class).get(0);
            assertEquals(4, tx.transactItems().size());
            assertEquals(2L, shipped.version);
            assertEquals(2L, ((Created) s.get(Event.class, "s1", 1)).version());
        }
        try (Session s = sessions.openSession()) {
            List<Event> events = s.query(Event.class).hashKey("s1").list();
            assertEquals(List.of(1L, 2L, 11L), events.stream().map(e -> e instanceof Created c ? c.seq()
                    : ((Shipped) e).seq).toList());
            assertEquals("carl", ((Created) events.get(0)).by());
            assertEquals("fedex", ((Shipped) events.get(1)).carrier);
            recording.clearRequests();
            s.commit();
            assertEquals(0, recording.requestCount(), "nothing changed: nothing sent");
        }
    }

    @Test
    void aConcurrentChangeOfASubtypeIsAConflict() {
        storeEvents();
        try (Session s = sessions.openSession(); Session other = sessions.openSession()) {
            Shipped mine = (Shipped) s.get(Event.class, "s1", 2);
            Shipped theirs = other.get(Shipped.class, "s1", 2);
            theirs.carrier = "ups";
            other.commit();
            mine.carrier = "fedex";
            assertThrows(OptimisticLockException.class, s::commit);
            assertEquals("fedex", mine.carrier, "the session is as before commit()");
        }
    }

    @Test
    void deleteByKeyOfTheBaseDeletesWhicheverSubtypeIsStored() {
        storeEvents();
        try (Session s = sessions.openSession()) {
            s.delete(Event.class, "s1", 2);
            assertTrue(s.find(Event.class, "s1", 2).isEmpty(), "a pending delete hides the key");
            s.commit();
            assertEquals(1, recording.requests(DeleteItemRequest.class).size());
        }
        assertNull(getRaw("events", Map.of("pk", s("s1"), "sk", s("0000000000000000002"))));
        try (Session s = sessions.openSession()) {
            Event managed = s.get(Event.class, "s1", 1);
            s.delete(Event.class, "s1", 1);
            assertThrows(IllegalArgumentException.class, () -> s.current(managed), "its delete is pending");
            s.commit();
        }
        assertNull(getRaw("events", Map.of("pk", s("s1"), "sk", s("0000000000000000001"))));
    }

    @Test
    void anAbstractClassWithListedSubtypesAndThreeTemplateFields() {
        try (Session s = sessions.openSession()) {
            s.save(new Deposit("acc", T2, "e2", 50, "salary"));
            s.save(new Withdrawal("acc", T1, "e1", 20, "rent"));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            List<LedgerEntry> entries = s.query(LedgerEntry.class).hashKey("acc").list();
            assertEquals(List.of(Withdrawal.class, Deposit.class), entries.stream().map(Object::getClass).toList(),
                    "in key order: by time");
            assertSame(entries.get(1), s.get(LedgerEntry.class, "acc", T2, "e2"));
            assertSame(entries.get(0), s.get(Withdrawal.class, "acc", T1, "e1"));
            entries.get(1).amount = 60;
            s.commit();
            assertEquals(2L, entries.get(1).version);
            assertEquals(1, recording.requests(UpdateItemRequest.class).size());
        }
        putRaw("ledger", Map.of("pk", s("ACCOUNT#acc"), "sk", s("ENTRY#2026-11-15T00:00:00.000000000Z#e9"),
                "_type", s("Fee"), "account", s("acc"), "entryId", s("e9"), "amount", n(1)));
        try (Session s = sessions.openSession()) {
            assertEquals(2, s.query(LedgerEntry.class).hashKey("acc").list().size(),
                    "the constant prefix ENTRY# narrows the key; the type filter skips the unknown type");
            QueryRequest request = recording.requests(QueryRequest.class).get(recording.requests(QueryRequest.class)
                    .size() - 1);
            assertTrue(request.keyConditionExpression().contains("begins_with("), request.keyConditionExpression());
            assertTrue(request.filterExpression().contains(" IN ("), request.filterExpression());
        }
    }

    @Test
    void theItemMapperDecodesAnItemOfTheBaseToItsSubtype() {
        EntityItemMapper mapper = new EntityItemMapper(ModelRegistry.DEFAULT);
        Map<String, AttributeValue> item = mapper.toItem(new Shipped("s9", 3, "dhl"));
        assertEquals("shipped", item.get("_type").s());
        Shipped back = assertInstanceOf(Shipped.class, mapper.fromItem(Event.class, item));
        assertEquals("dhl", back.carrier);
        assertEquals(new Created("s9", 4, "x", null), mapper.fromItem(Event.class,
                mapper.toItem(new Created("s9", 4, "x", null))));
    }

    @Test
    void createTableOfTheBaseMakesItsKeysAndIndexesAndADisagreeingClassIsAnError() {
        MappingException conflict = assertThrows(MappingException.class,
                () -> sessions.schema().createTable(Throughput.onDemand(), Task.class, TaskNote.class));
        assertTrue(conflict.getMessage().contains("by_owner") && conflict.getMessage().contains("owner_key"),
                conflict.getMessage());
        MappingException subtypes = assertThrows(MappingException.class,
                () -> sessions.schema().createTable(Throughput.onDemand(), Conflicted.class));
        assertTrue(subtypes.getMessage().contains("WideSeq.seq") && subtypes.getMessage().contains("NarrowSeq.seq"),
                subtypes.getMessage());
        assertEquals(0, recording.requestCount(), "nothing was sent");
        sessions.schema().createTable(Throughput.onDemand(), Task.class);
        TableDescription table = LOCAL.describeTable(DescribeTableRequest.builder().tableName("tasks").build()).table();
        assertEquals(Map.of("pk", "S", "sk", "S", "by_owner_pk", "S", "by_owner_sk", "S"),
                table.attributeDefinitions().stream().collect(Collectors.toMap(d -> d.attributeName(),
                        d -> d.attributeTypeAsString())));
        assertEquals(List.of("by_owner"), table.globalSecondaryIndexes().stream().map(i -> i.indexName()).toList());
        try (Session s = sessions.openSession()) {
            s.save(new Bug("p", "t1", "ann", 2));
            s.save(new Feature("p", "t2", "ann"));
            s.save(new Feature("p", "t3", null)); // left out of the sparse index
            s.save(new Bug("p", "t4", "bob", 1));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            List<Task> anns = s.query(Task.class).index("by_owner").hashKey("ann").list();
            assertEquals(List.of(Bug.class, Feature.class), anns.stream().map(Object::getClass).toList());
            assertEquals(List.of(new Feature("p", "t2", "ann")), s.query(Feature.class).index("by_owner")
                    .hashKey("ann").list());
            assertEquals(4, s.query(Task.class).hashKey("p").list().size());
        }
    }

    @Test
    void inTransactionReRunsAUnitOfWorkOverSeveralSubtypesAfterAConflict() {
        storeEvents();
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        String result = sessions.inTransaction(s -> {
            List<Event> events = s.query(Event.class).hashKey("s1").list();
            Shipped shipped = (Shipped) events.get(1);
            Created created = (Created) events.get(0);
            if (attempts.incrementAndGet() == 1) { // someone else changes the shipment meanwhile
                try (Session other = sessions.openSession()) {
                    other.get(Shipped.class, "s1", 2).carrier = "ups";
                    other.commit();
                }
            }
            shipped.carrier = shipped.carrier + "+express";
            s.save(new Created(created.streamId(), created.seq(), created.by() + "!", created.version()));
            return shipped.carrier;
        });
        assertEquals(2, attempts.get());
        assertEquals("ups+express", result, "the re-run started from the other writer's state");
        try (Session s = sessions.openSession()) {
            assertEquals("ups+express", s.get(Shipped.class, "s1", 2).carrier);
            assertEquals("ann!", s.get(Created.class, "s1", 1).by(), "applied once");
            assertEquals(2L, s.get(Created.class, "s1", 1).version());
        }
    }
}
