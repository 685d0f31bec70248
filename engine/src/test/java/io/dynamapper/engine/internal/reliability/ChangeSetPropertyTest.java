package io.dynamapper.engine.internal.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.HashKey;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.Table;
import io.dynamapper.Version;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Random change sets — fields set, cleared, mutated in place, entities deleted and inserted — produce
 * exactly the items a model computed independently by the test expects (compared with the raw
 * stored items), and the requests sent write only what changed: a put per new entity, a delete per
 * deleted one, and per changed entity an update naming exactly its changed attributes (plus the
 * version). Seeded; on the fake.
 */
class ChangeSetPropertyTest {
    private static final long SEED = 7_2025L;
    private static final int ROUNDS = 40;
    private static final String TABLE = "rel_doc";

    @Table(TABLE)
    static final class Doc {
        @HashKey String id;
        String title;
        Long count;
        BigDecimal amount;
        Set<String> tags = new HashSet<>();
        Map<String, Long> attrs;
        List<String> items;
        Boolean flag;
        @Version Long version;
    }

    /** The fields a change set may touch; attribute names equal field names. */
    private static final List<String> FIELDS = List.of("title", "count", "amount", "tags", "attrs", "items", "flag");

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.class)
    void randomChangeSetsWriteExactlyWhatChanged(Backends backend) {
        DynamoDbClient raw = backend.fresh();
        Backends.createTables(raw, Doc.class);
        InMemoryDynamoDb client = Backends.recording(raw);
        SessionFactory sessions = Backends.sessions(client, 3);
        Generator g = new Generator(SEED);
        /** id -> attribute -> canonical value: what the table must hold. */
        Map<String, Map<String, Object>> model = new TreeMap<>();
        int nextId = 0;
        int writesSeen = 0;

        for (int round = 0; round < ROUNDS; round++) {
            client.clearRequests();
            Set<String> inserted = new TreeSet<>();
            Set<String> deleted = new TreeSet<>();
            Map<String, Set<String>> changed = new TreeMap<>();
            try (Session s = sessions.openSession()) {
                List<String> ids = new ArrayList<>(model.keySet());
                java.util.Collections.shuffle(ids, g.random);
                for (String id : ids.subList(0, Math.min(ids.size(), g.between(0, 8)))) {
                    Doc doc = s.get(Doc.class, id);
                    int what = g.random.nextInt(10);
                    if (what == 0) {
                        s.delete(doc);
                        deleted.add(id);
                    } else if (what >= 3) {
                        Map<String, Object> before = model.get(id);
                        for (String field : FIELDS) {
                            if (g.chance(35)) {
                                change(doc, field, g);
                            }
                        }
                        Map<String, Object> after = attributes(doc);
                        Set<String> diff = new TreeSet<>();
                        for (String field : FIELDS) {
                            if (!java.util.Objects.equals(before.get(field), after.get(field))) {
                                diff.add(field);
                            }
                        }
                        if (!diff.isEmpty()) {
                            changed.put(id, diff);
                            after.put("version", BigDecimal.valueOf(doc.version + 1));
                            model.put(id, after); // applied below, once the commit succeeded
                        }
                    } // else: read only, nothing to write
                }
                for (int n = g.between(0, 3); n > 0; n--) {
                    Doc doc = new Doc();
                    doc.id = "doc-" + nextId++;
                    for (String field : FIELDS) {
                        if (g.chance(70)) {
                            change(doc, field, g);
                        }
                    }
                    s.save(doc);
                    inserted.add(doc.id);
                }
                s.commit();
                assertFalse(s.isDirty());
                // the model, computed from the Java values by the test's own encoding
                for (String id : deleted) {
                    model.remove(id);
                }
                for (String id : inserted) {
                    Doc doc = s.get(Doc.class, id); // the managed instance, not re-read
                    Map<String, Object> attributes = attributes(doc);
                    attributes.put("version", BigDecimal.ONE);
                    model.put(id, attributes);
                }
            }

            assertEquals(model, stored(raw), "stored items after round " + round + " (seed " + SEED + ")");
            writesSeen += assertRequests(Backends.writes(client), inserted, deleted, changed, round);
        }
        assertTrue(writesSeen > ROUNDS, "the change sets wrote something: " + writesSeen + " writes");
    }

    /**
     * DynamoDB keeps a number's value, not its scale: 1.5 and 1.50 are the same stored attribute, so
     * setting one where the other was stored changes nothing and must write nothing (a needless
     * write bumps the version and fails every concurrent session that read the item).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.class)
    void anEqualNumberWithAnotherScaleIsNoChange(Backends backend) {
        DynamoDbClient raw = backend.fresh();
        Backends.createTables(raw, Doc.class);
        raw.putItem(b -> b.tableName(TABLE).item(Map.of("id", AttributeValue.fromS("d"),
                "amount", AttributeValue.fromN("1.5"), "version", AttributeValue.fromN("1"))));
        InMemoryDynamoDb client = Backends.recording(raw);
        SessionFactory sessions = Backends.sessions(client, 3);
        try (Session s = sessions.openSession()) {
            Doc doc = s.get(Doc.class, "d");
            doc.amount = new BigDecimal("1.50");
            assertFalse(s.isDirty(), "1.50 is stored as 1.5: nothing changed");
            s.commit();
        }
        assertEquals(List.of(), Backends.writes(client));
        assertEquals("1", Backends.rawGet(raw, TABLE, Backends.key("id", "d")).get("version").n());
    }

    /** Sets, clears or mutates one field in place. */
    private static void change(Doc doc, String field, Generator g) {
        boolean clear = g.chance(25);
        switch (field) {
            case "title" -> doc.title = clear ? null : g.pick(List.of("", "a", "b", "Hangar", "ünïcödé", "𝄞"));
            case "count" -> doc.count = clear ? null : (long) g.between(-3, 3);
            case "amount" -> doc.amount = clear ? null : new BigDecimal(g.pick(List.of("0", "1.5", "-2", "1000", "0.001")));
            case "tags" -> {
                if (clear) {
                    doc.tags = g.chance(50) ? null : new HashSet<>();
                } else if (doc.tags != null && g.chance(50)) {
                    String t = g.pick(List.of("x", "y", "z"));
                    if (!doc.tags.remove(t)) {
                        doc.tags.add(t); // in place: found by dirty checking
                    }
                } else {
                    doc.tags = new HashSet<>(List.of(g.pick(List.of("x", "y", "z"))));
                }
            }
            case "attrs" -> {
                if (clear) {
                    doc.attrs = null;
                } else if (doc.attrs != null && g.chance(50)) {
                    doc.attrs.put(g.pick(List.of("p", "q")), (long) g.between(0, 2));
                } else {
                    doc.attrs = new HashMap<>(Map.of(g.pick(List.of("p", "q")), (long) g.between(0, 2)));
                }
            }
            case "items" -> {
                if (clear) {
                    doc.items = g.chance(50) ? null : new ArrayList<>();
                } else if (doc.items != null && g.chance(50)) {
                    doc.items.add(g.pick(List.of("i", "j")));
                } else {
                    doc.items = new ArrayList<>(List.of(g.pick(List.of("i", "j"))));
                }
            }
            case "flag" -> doc.flag = clear ? null : g.random.nextBoolean();
            default -> throw new AssertionError(field);
        }
    }

    /** The attributes a Doc must be stored as, by the rules of docs/type-mapping.md, without the engine. */
    private static Map<String, Object> attributes(Doc doc) {
        Map<String, Object> a = new TreeMap<>();
        a.put("id", doc.id);
        if (doc.title != null) {
            a.put("title", doc.title);
        }
        if (doc.count != null) {
            a.put("count", number(BigDecimal.valueOf(doc.count)));
        }
        if (doc.amount != null) {
            a.put("amount", number(doc.amount));
        }
        if (doc.tags != null && !doc.tags.isEmpty()) {
            a.put("tags", new TreeSet<>(doc.tags)); // no empty sets in DynamoDB
        }
        if (doc.attrs != null) {
            Map<String, Object> m = new TreeMap<>();
            doc.attrs.forEach((k, v) -> m.put(k, number(BigDecimal.valueOf(v))));
            a.put("attrs", m);
        }
        if (doc.items != null) {
            a.put("items", List.copyOf(doc.items));
        }
        if (doc.flag != null) {
            a.put("flag", doc.flag);
        }
        return a;
    }

    private static BigDecimal number(BigDecimal n) {
        return n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros();
    }

    /** The raw table as canonical values. */
    private static Map<String, Map<String, Object>> stored(DynamoDbClient raw) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        raw.scanPaginator(b -> b.tableName(TABLE).consistentRead(true)).items().forEach(item -> {
            Map<String, Object> m = new TreeMap<>();
            item.forEach((k, v) -> m.put(k, canonical(v)));
            out.put(item.get("id").s(), m);
        });
        return out;
    }

    private static Object canonical(AttributeValue v) {
        if (v.s() != null) {
            return v.s();
        }
        if (v.n() != null) {
            return number(new BigDecimal(v.n()));
        }
        if (v.bool() != null) {
            return v.bool();
        }
        if (v.hasSs()) {
            return new TreeSet<>(v.ss());
        }
        if (v.hasM()) {
            Map<String, Object> m = new TreeMap<>();
            v.m().forEach((k, x) -> m.put(k, canonical(x)));
            return m;
        }
        if (v.hasL()) {
            return v.l().stream().map(ChangeSetPropertyTest::canonical).toList();
        }
        throw new AssertionError("unexpected attribute value " + v);
    }

    /** Checks the write requests of one commit; returns how many writes it made. */
    private static int assertRequests(List<DynamoDbRequest> requests, Set<String> inserted, Set<String> deleted,
                                      Map<String, Set<String>> changed, int round) {
        int expected = inserted.size() + deleted.size() + changed.size();
        Set<String> puts = new TreeSet<>();
        Set<String> deletes = new TreeSet<>();
        Map<String, Set<String>> updates = new TreeMap<>();
        if (expected == 0) {
            assertEquals(List.of(), requests, "round " + round + ": nothing changed, nothing sent");
            return 0;
        }
        assertEquals(1, requests.size(), "round " + round + ": one request per commit");
        DynamoDbRequest r = requests.get(0);
        if (expected == 1) {
            assertFalse(r instanceof TransactWriteItemsRequest, "round " + round + ": one write is a single request");
            if (r instanceof PutItemRequest p) {
                puts.add(p.item().get("id").s());
            } else if (r instanceof DeleteItemRequest d) {
                deletes.add(d.key().get("id").s());
            } else {
                UpdateItemRequest u = (UpdateItemRequest) r;
                updates.put(u.key().get("id").s(), touched(u.expressionAttributeNames(), u.updateExpression()));
            }
        } else {
            TransactWriteItemsRequest t = (TransactWriteItemsRequest) r;
            assertEquals(expected, t.transactItems().size(), "round " + round + ": actions");
            for (TransactWriteItem item : t.transactItems()) {
                if (item.put() != null) {
                    puts.add(item.put().item().get("id").s());
                } else if (item.delete() != null) {
                    deletes.add(item.delete().key().get("id").s());
                } else {
                    updates.put(item.update().key().get("id").s(),
                            touched(item.update().expressionAttributeNames(), item.update().updateExpression()));
                }
            }
        }
        assertEquals(inserted, puts, "round " + round + ": puts");
        assertEquals(deleted, deletes, "round " + round + ": deletes");
        assertEquals(changed, updates, "round " + round + ": attributes each update writes");
        return expected;
    }

    /** The attributes (but the version) an update expression SETs or REMOVEs. */
    private static Set<String> touched(Map<String, String> names, String expression) {
        Set<String> out = new TreeSet<>();
        for (String token : expression.split("[\\s,=]+")) {
            if (token.startsWith("#")) {
                String name = names.get(token);
                if (!"version".equals(name)) {
                    out.add(name);
                }
            }
        }
        return out;
    }
}
