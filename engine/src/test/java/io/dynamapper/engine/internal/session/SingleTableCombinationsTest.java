package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import io.dynamapper.AutoIncrement;
import io.dynamapper.AutoUuid;
import io.dynamapper.BulkWriter;
import io.dynamapper.Cached;
import io.dynamapper.Counter;
import io.dynamapper.CounterLimitException;
import io.dynamapper.Cursor;
import io.dynamapper.Isolation;
import io.dynamapper.ItemMapper;
import io.dynamapper.Key;
import io.dynamapper.KeyTemplate;
import io.dynamapper.MappingException;
import io.dynamapper.Migrate;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.Page;
import io.dynamapper.SchemaVersion;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.Table;
import io.dynamapper.Version;
import io.dynamapper.engine.internal.cache.SecondLevelCache;
import io.dynamapper.engine.internal.listener.Listeners;
import io.dynamapper.engine.internal.mapping.EntityModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Single-table entities (key templates, type names, polymorphism) with the rest of the session:
 * counters, generated keys, lazy migrations, the bulk writer, the item mapper, the second-level
 * cache, SERIALIZABLE isolation and pagination. One table, several classes, on the in-memory DynamoDB.
 */
class SingleTableCombinationsTest extends SessionTestSupport {
    static final Instant T1 = Instant.parse("2026-11-01T09:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-02T09:00:00Z");
    static final Instant T3 = Instant.parse("2026-11-03T09:00:00Z");

    @Table("combo")
    @KeyTemplate(hash = "PAGE#{pageId}", range = "STATS")
    static class PageStats {
        String pageId;
        @Counter(min = 0) long views;
        @Version Long version;

        PageStats() {
        }

        PageStats(String pageId) {
            this.pageId = pageId;
        }
    }

    @Table("combo")
    @KeyTemplate(hash = "USER#{userId}", range = "TICKET#{ticketId}")
    static class Ticket {
        String userId;
        @AutoUuid String ticketId;
        String subject;

        Ticket() {
        }

        Ticket(String userId, String subject) {
            this.userId = userId;
            this.subject = subject;
        }
    }

    @Table("combo")
    @KeyTemplate(hash = "USER#{userId}", range = "NUMBERED#{number}")
    static class Numbered {
        String userId;
        @AutoIncrement long number;
    }

    @Table("combo")
    @KeyTemplate(hash = "USER#{userId}", range = "PROFILE")
    @SchemaVersion(2)
    static class Profile {
        String userId;
        String fullName;
        @Version Long version;

        @Migrate(from = 1)
        static Map<String, AttributeValue> splitName(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> next = new HashMap<>(item);
            next.put("fullName", next.remove("name"));
            return next;
        }
    }

    @Table("combo")
    @KeyTemplate(hash = "USER#{userId}", range = "LOG#{at}#{seq}")
    record LogLine(String userId, Instant at, int seq, String text, @Version Long version) {
    }

    @Cached
    @Table("combo")
    @KeyTemplate(hash = "DOC#{docId}", range = "{rev}")
    sealed interface Doc permits Draft, Published {
    }

    record Draft(String docId, int rev, String body, @Version Long version) implements Doc {
    }

    record Published(String docId, int rev, String url, @Version Long version) implements Doc {
    }

    /** A polymorphic base whose subtypes have a counter and a schema version of their own. */
    @Table("combo")
    @KeyTemplate(hash = "METRIC#{name}", range = "{day}")
    sealed interface Metric permits Hits, Label {
    }

    static final class Hits implements Metric {
        String name;
        LocalDate day;
        @Counter long count;
        @Version Long version;

        Hits() {
        }

        Hits(String name, LocalDate day) {
            this.name = name;
            this.day = day;
        }
    }

    @SchemaVersion(2)
    record Label(String name, LocalDate day, String label) implements Metric {
        @Migrate(from = 1)
        static Map<String, AttributeValue> renameTitle(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> next = new HashMap<>(item);
            next.put("label", next.remove("title"));
            return next;
        }
    }

    @BeforeEach
    void comboTable() {
        createTable(PageStats.class);
    }

    @Test
    void countersOfATemplateEntityAreDeltasThatConcurrentSessionsAdd() {
        try (Session s = sessions.openSession()) {
            s.save(new PageStats("home"));
            s.commit();
        }
        try (Session a = sessions.openSession(); Session b = sessions.openSession()) {
            a.get(PageStats.class, "home").views += 2;
            b.get(PageStats.class, "home").views += 3;
            a.commit();
            b.commit(); // a counter delta does not conflict with another delta
            List<TransactWriteItemsRequest> txs = recording.requests(TransactWriteItemsRequest.class);
            assertTrue(txs.get(txs.size() - 1).transactItems().get(0).update().updateExpression().contains("ADD"),
                    "a delta, sent with a request token so that a retry cannot add it twice");
        }
        try (Session s = sessions.openSession()) {
            PageStats stats = s.get(PageStats.class, "home");
            assertEquals(5, stats.views);
            stats.views -= 6;
            assertThrows(CounterLimitException.class, s::commit);
        }
    }

    @Test
    void anAutoUuidTemplateFieldIsAssignedAtSaveAndComposesTheKey() {
        Ticket t = new Ticket("ann", "printer");
        try (Session s = sessions.openSession()) {
            s.save(t);
            assertNotNull(t.ticketId);
            UUID.fromString(t.ticketId);
            s.commit();
        }
        Map<String, AttributeValue> raw = getRaw("combo", Map.of("pk", s("USER#ann"), "sk", s("TICKET#" + t.ticketId)));
        assertEquals("printer", raw.get("subject").s());
        try (Session s = sessions.openSession()) {
            assertEquals("printer", s.get(Ticket.class, "ann", t.ticketId).subject);
        }
    }

    @Test
    void anAutoIncrementTemplateFieldIsAClearError() {
        MappingException e = assertThrows(MappingException.class, () -> EntityModel.of(Numbered.class));
        assertTrue(e.getMessage().contains("Numbered.number") && e.getMessage().contains("@AutoUuid"), e.getMessage());
    }

    @Test
    void anOlderSchemaVersionIsMigratedOnReadAndWrittenBackWithTheTemplateKeys() {
        putRaw("combo", Map.of("pk", s("USER#ann"), "sk", s("PROFILE"), "_type", s("Profile"), "userId", s("ann"),
                "name", s("Ann Lee"), "version", n(1)));
        try (Session s = sessions.openSession()) {
            Profile p = s.get(Profile.class, "ann");
            assertEquals("Ann Lee", p.fullName);
            s.commit();
            assertEquals(2L, p.version);
        }
        Map<String, AttributeValue> raw = getRaw("combo", Map.of("pk", s("USER#ann"), "sk", s("PROFILE")));
        assertEquals("2", raw.get("_schema").n());
        assertEquals("Ann Lee", raw.get("fullName").s());
        assertNull(raw.get("name"));
        assertEquals("Profile", raw.get("_type").s());
    }

    @Test
    void theBulkWriterPutsAndDeletesTemplateEntitiesAndSubtypes() {
        try (BulkWriter writer = sessions.bulkWriter()) {
            writer.put(new LogLine("ann", T1, 1, "a", null));
            writer.put(new LogLine("ann", T2, 2, "b", null));
            writer.put(new Draft("d1", 1, "text", null));
            writer.put(new Published("d1", 2, "https://x", null));
        }
        assertEquals(1, recording.requests(BatchWriteItemRequest.class).size());
        try (Session s = sessions.openSession()) {
            assertEquals(List.of(Draft.class, Published.class),
                    s.query(Doc.class).hashKey("d1").list().stream().map(Object::getClass).toList());
            assertEquals(2, s.query(LogLine.class).hashKey("ann").list().size());
        }
        try (BulkWriter writer = sessions.bulkWriter()) {
            writer.delete(Doc.class, "d1", 1);                 // by key through the base
            writer.delete(new LogLine("ann", T1, 1, null, null)); // by entity: the template composes the key
        }
        assertNull(getRaw("combo", Map.of("pk", s("DOC#d1"), "sk", s("0000000001"))));
        assertNull(getRaw("combo", Map.of("pk", s("USER#ann"), "sk", s("LOG#2026-11-01T09:00:00.000000000Z#0000000001"))));
        assertNotNull(getRaw("combo", Map.of("pk", s("DOC#d1"), "sk", s("0000000002"))));
    }

    @Test
    void theItemMapperWritesTheKeysAndTypeAndReadsSubtypesThroughTheBase() {
        ItemMapper mapper = sessions.mapper();
        Map<String, AttributeValue> item = mapper.toItem(new LogLine("ann", T1, 7, "x", 3L));
        assertEquals("USER#ann", item.get("pk").s());
        assertEquals("LOG#2026-11-01T09:00:00.000000000Z#0000000007", item.get("sk").s());
        assertEquals("LogLine", item.get("_type").s());
        assertEquals(new LogLine("ann", T1, 7, "x", 3L), mapper.fromItem(LogLine.class, item));
        Map<String, AttributeValue> published = mapper.toItem(new Published("d", 1, "u", 1L));
        assertEquals(new Published("d", 1, "u", 1L), assertInstanceOf(Published.class, mapper.fromItem(Doc.class,
                published)));
    }

    @Test
    void theCacheOfAPolymorphicBaseServesItsSubtypesAndCommitsOfSubtypesKeepItFresh() {
        SessionFactory cached = new DefaultSessionFactory(LOCAL, policy, SessionOptions.defaults(),
                SecondLevelCache.create(Ticker.systemTicker()), Listeners.none());
        try (Session s = cached.openSession()) {
            s.save(new Draft("d2", 1, "v1", null));
            s.commit();
        }
        recording.clearRequests();
        try (Session s = cached.openSession()) {
            Draft d = assertInstanceOf(Draft.class, s.get(Doc.class, "d2", 1));
            assertEquals("v1", d.body());
            s.save(new Draft("d2", 1, "v2", d.version()));
            s.commit();
        }
        try (Session s = cached.openSession()) {
            assertEquals("v2", s.get(Draft.class, "d2", 1).body(), "read through the subtype after its commit");
        }
        try (Session s = cached.openSession()) {
            assertEquals("v2", ((Draft) s.get(Doc.class, "d2", 1)).body(), "and through the base");
        }
        assertEquals(1, recording.requests(GetItemRequest.class).size(), "the put of session 1 filled the cache for "
                + "the base's read; the update left a placeholder for version 2, filled by the subtype's read");
        int gets = recording.requests(GetItemRequest.class).size();
        try (Session s = cached.openSession()) {
            s.get(Published.class, "d2", 5).hashCode();
        } catch (io.dynamapper.ItemNotFoundException expected) {
            // not stored
        }
        try (Session s = cached.openSession()) {
            assertEquals("v2", s.get(Draft.class, "d2", 1).body());
        }
        assertEquals(gets + 1, recording.requests(GetItemRequest.class).size(), "d2/1 came from the cache");
    }

    @Test
    void serializableChecksTheVersionOfEveryTemplateEntityReadAcrossTypes() {
        try (Session s = sessions.openSession()) {
            s.save(new LogLine("ann", T1, 1, "a", null));
            s.save(new Draft("d3", 1, "body", null));
            s.commit();
        }
        try (Session mine = sessions.openSession(SessionOptions.defaults().withIsolation(Isolation.SERIALIZABLE));
             Session theirs = sessions.openSession()) {
            LogLine line = mine.get(LogLine.class, "ann", T1, 1);
            Doc doc = mine.get(Doc.class, "d3", 1);
            mine.save(new LogLine("ann", T2, 2, "derived from " + line.text() + " and " + ((Draft) doc).body(), null));
            theirs.save(new Draft("d3", 1, "changed", 1L));
            theirs.commit();
            recording.clearRequests();
            OptimisticLockException e = assertThrows(OptimisticLockException.class, mine::commit);
            TransactWriteItemsRequest tx = recording.requests(TransactWriteItemsRequest.class).get(0);
            assertEquals(3, tx.transactItems().size(), "one put and a read check of each versioned entity read");
            assertEquals(1, e.conflicts().size(), String.valueOf(e.conflicts()));
            assertEquals(Draft.class, e.conflicts().get(0).entityType());
        }
    }

    @Test
    void cursorsOfAThreeFieldTemplateResumeAfterTheLastKey() {
        try (Session s = sessions.openSession()) {
            s.save(new LogLine("ann", T1, 1, "a", null));
            s.save(new LogLine("ann", T2, 1, "b", null));
            s.save(new LogLine("ann", T2, 2, "c", null));
            s.save(new LogLine("ann", T3, 1, "d", null));
            s.save(new Ticket("ann", "not a log line"));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            StringBuilder texts = new StringBuilder();
            Optional<Cursor> after = Optional.empty();
            int pages = 0;
            do {
                Page<LogLine> page = s.query(LogLine.class).hashKey("ann").page(3, after);
                page.items().forEach(l -> texts.append(l.text()));
                after = page.next();
                pages++;
            } while (after.isPresent());
            assertEquals("abcd", texts.toString());
            assertTrue(pages >= 2, "pages: " + pages);
            Page<LogLine> firstTwo = s.query(LogLine.class).hashKey("ann").descending().page(2, Optional.empty());
            assertSame(s.get(LogLine.class, "ann", T3, 1), firstTwo.items().get(0));
        }
    }

    @Test
    void getAllAndBulkDeletesTakeKeysOfThreeFieldsAsLists() {
        try (Session s = sessions.openSession()) {
            s.save(new LogLine("ann", T1, 1, "a", null));
            s.save(new LogLine("ann", T2, 2, "b", null));
            s.save(new LogLine("bob", T3, 3, "c", null));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            List<LogLine> lines = s.getAll(LogLine.class, List.of(Key.of("bob", List.of(T3, 3)),
                    Key.of(List.of("ann", T1), 1), Key.of(List.of("ann", T2, 2)), Key.of("ann", List.of(T3, 9))));
            assertEquals(List.of("c", "a", "b"), lines.stream().map(LogLine::text).toList(), "in key order, none for T3/9");
            assertSame(lines.get(1), s.get(LogLine.class, "ann", T1, 1));
            IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                    () -> s.getAll(LogLine.class, List.of(Key.of("ann", T1))));
            assertTrue(tooFew.getMessage().contains("[userId, at, seq]") && tooFew.getMessage().contains("key #0"),
                    tooFew.getMessage());
        }
        try (BulkWriter writer = sessions.bulkWriter()) {
            writer.delete(LogLine.class, "ann", List.of(T2, 2));
        }
        assertNull(getRaw("combo", Map.of("pk", s("USER#ann"), "sk", s("LOG#2026-11-02T09:00:00.000000000Z#0000000002"))));
    }

    @Test
    void subtypesOfAPolymorphicBaseKeepTheirCountersAndMigrations() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        try (Session s = sessions.openSession()) {
            s.save(new Hits("home", day));
            s.commit();
        }
        putRaw("combo", Map.of("pk", s("METRIC#home"), "sk", s("2026-11-30"), "_type", s("Label"),
                "name", s("home"), "day", s("2026-11-30"), "title", s("Home page"), "_schema", n(1)));
        try (Session a = sessions.openSession(); Session b = sessions.openSession()) {
            List<Metric> metrics = a.query(Metric.class).hashKey("home").list();
            assertEquals(List.of(Label.class, Hits.class), metrics.stream().map(Object::getClass).toList());
            assertEquals("Home page", ((Label) metrics.get(0)).label(), "migrated on read");
            ((Hits) metrics.get(1)).count += 2;
            ((Hits) b.get(Metric.class, "home", day)).count += 3;
            b.commit();
            a.commit(); // the delta and the write-back of the migrated Label, in one transaction
            assertEquals(2, recording.requests(TransactWriteItemsRequest.class).get(1).transactItems().size());
        }
        try (Session s = sessions.openSession()) {
            assertEquals(5, s.get(Hits.class, "home", day).count);
        }
        Map<String, AttributeValue> label = getRaw("combo", Map.of("pk", s("METRIC#home"), "sk", s("2026-11-30")));
        assertEquals("2", label.get("_schema").n());
        assertEquals("Home page", label.get("label").s());
    }
}
