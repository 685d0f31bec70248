package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.DynamapperException;
import io.dynamapper.Filter;
import io.dynamapper.ItemCollection;
import io.dynamapper.ItemNotFoundException;
import io.dynamapper.KeyCondition;
import io.dynamapper.KeyTemplate;
import io.dynamapper.MappingException;
import io.dynamapper.Session;
import io.dynamapper.Table;
import io.dynamapper.TypeName;
import io.dynamapper.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** Several entity types in one table through key templates, on the in-memory DynamoDB. */
class SingleTableSessionTest extends SessionTestSupport {
    static final Instant T1 = Instant.parse("2026-11-01T09:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-30T10:15:30.25Z");

    @Table("shop")
    @KeyTemplate(hash = "CUSTOMER#{id}", range = "PROFILE")
    static class Customer {
        String id;
        String name;
        @Version Long version;

        Customer() {
        }

        Customer(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    enum Status { OPEN, SHIPPED }

    @Table("shop")
    @KeyTemplate(hash = "CUSTOMER#{customerId}", range = "ORDER#{created}#{orderId}")
    @TypeName("Order")
    static class ShopOrder {
        String customerId;
        Instant created;
        String orderId;
        Status status;
        @Version Long version;

        ShopOrder() {
        }

        ShopOrder(String customerId, Instant created, String orderId, Status status) {
            this.customerId = customerId;
            this.created = created;
            this.orderId = orderId;
            this.status = status;
        }
    }

    /** No constant prefix in the range template: queries narrow by the type attribute. */
    @Table("shop")
    @KeyTemplate(hash = "CUSTOMER#{customerId}", range = "{noteId}")
    record Note(String customerId, String noteId, String text) {
    }

    @BeforeEach
    void shopTable() {
        createTable(Customer.class);
    }

    private void storeAlice() {
        try (Session s = sessions.openSession()) {
            s.save(new Customer("alice", "Alice"));
            s.save(new ShopOrder("alice", T2, "o2", Status.OPEN));
            s.save(new ShopOrder("alice", T1, "o1", Status.SHIPPED));
            s.save(new ShopOrder("bob", T1, "o3", Status.OPEN));
            s.save(new Note("alice", "n1", "call back"));
            s.commit();
        }
        recording.clearRequests();
    }

    @Test
    void itemsCarryTheComposedKeysTheFieldsAndTheTypeName() {
        storeAlice();
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> order = getRaw("shop",
                Map.of("pk", s("CUSTOMER#alice"), "sk", s("ORDER#2026-11-30T10:15:30.250000000Z#o2")));
        assertEquals("Order", order.get("_type").s());
        assertEquals("o2", order.get("orderId").s());
        assertEquals("OPEN", order.get("status").s());
        assertEquals("1", order.get("version").n());
        var customer = getRaw("shop", Map.of("pk", s("CUSTOMER#alice"), "sk", s("PROFILE")));
        assertEquals("Customer", customer.get("_type").s());
        assertEquals("Alice", customer.get("name").s());
    }

    @Test
    void getAndFindTakeTheTemplateFieldValuesInOrderAndKeepOneInstancePerKey() {
        storeAlice();
        try (Session s = sessions.openSession()) {
            ShopOrder o = s.get(ShopOrder.class, "alice", T2, "o2");
            assertSame(o, s.find(ShopOrder.class, "alice", T2, "o2").orElseThrow());
            assertEquals(Status.OPEN, o.status);
            Customer c = s.get(Customer.class, "alice");
            assertEquals("Alice", c.name);
            assertTrue(s.find(ShopOrder.class, "alice", T2, "nope").isEmpty());
            assertThrows(ItemNotFoundException.class, () -> s.get(ShopOrder.class, "alice", T1, "nope"));
            IllegalArgumentException arity = assertThrows(IllegalArgumentException.class,
                    () -> s.get(ShopOrder.class, "alice", T2));
            assertTrue(arity.getMessage().contains("[customerId, created, orderId]"), arity.getMessage());
            assertThrows(MappingException.class, () -> s.get(TestEntities.DoomMap.class, 1, 1, 1));
        }
    }

    @Test
    void aQueryOfOneTypeIsNarrowedByTheRangeTemplatesConstantPrefix() {
        storeAlice();
        try (Session s = sessions.openSession()) {
            List<ShopOrder> orders = s.query(ShopOrder.class).hashKey("alice").list();
            assertEquals(List.of("o1", "o2"), orders.stream().map(o -> o.orderId).toList(), "in created order");
            QueryRequest request = recording.requests(QueryRequest.class).get(0);
            assertTrue(request.keyConditionExpression().contains("begins_with("), request.keyConditionExpression());
            assertTrue(request.expressionAttributeValues().containsValue(s("ORDER#")));
            assertNull(request.filterExpression());

            List<Customer> customers = s.query(Customer.class).hashKey("alice").list();
            assertEquals(1, customers.size());
            assertSame(s.get(Customer.class, "alice"), customers.get(0));
        }
    }

    @Test
    void aQueryWithoutAConstantPrefixIsNarrowedByTheTypeAttribute() {
        storeAlice();
        try (Session s = sessions.openSession()) {
            List<Note> notes = s.query(Note.class).hashKey("alice").list();
            assertEquals(List.of(new Note("alice", "n1", "call back")), notes);
            QueryRequest request = recording.requests(QueryRequest.class).get(0);
            assertTrue(request.filterExpression() != null
                    && request.expressionAttributeValues().containsValue(s("Note")), String.valueOf(request));
        }
    }

    @Test
    void rangeConditionsTakeFieldValuesAndAPrefixOfThem() {
        storeAlice();
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("o2"), s.query(ShopOrder.class).hashKey("alice")
                    .rangeKey(KeyCondition.beginsWith(T2)).list().stream().map(o -> o.orderId).toList());
            assertEquals(List.of("o1"), s.query(ShopOrder.class).hashKey("alice")
                    .rangeKey(KeyCondition.eq(List.of(T1, "o1"))).list().stream().map(o -> o.orderId).toList());
            assertEquals(List.of("o2"), s.query(ShopOrder.class).hashKey("alice")
                    .rangeKey(KeyCondition.gt(List.of(T1, "o1"))).list().stream().map(o -> o.orderId).toList(),
                    "gt narrows by type as well: the customer's PROFILE and the note sort after ORDER#");
            assertEquals(List.of("o1", "o2"), s.query(ShopOrder.class).hashKey("alice")
                    .rangeKey(KeyCondition.gt(T1)).list().stream().map(o -> o.orderId).toList(),
                    "a prefix of the fields compares as the prefix: every key that starts with it is greater");
            assertEquals(List.of("o2"), s.query(ShopOrder.class).hashKey("alice")
                    .filter(Filter.eq("status", Status.OPEN)).list().stream().map(o -> o.orderId).toList());
        }
    }

    @Test
    void aScanOfOneTypeReadsOnlyItsItems() {
        storeAlice();
        try (Session s = sessions.openSession()) {
            assertEquals(3, s.scan(ShopOrder.class).list().size());
            assertEquals(1, s.scan(Customer.class).list().size());
            assertTrue(recording.requests(ScanRequest.class).get(0).filterExpression().contains("#"));
        }
    }

    @Test
    void changesAcrossTypesCommitInOneTransactionWithVersions() {
        storeAlice();
        try (Session s = sessions.openSession()) {
            Customer c = s.get(Customer.class, "alice");
            ShopOrder o = s.get(ShopOrder.class, "alice", T2, "o2");
            c.name = "Alice B.";
            o.status = Status.SHIPPED;
            s.commit();
            assertEquals(1, recording.requests(TransactWriteItemsRequest.class).size());
            assertEquals(2L, c.version);
            assertEquals(2L, o.version);
        }
        try (Session s = sessions.openSession()) {
            assertEquals("Alice B.", s.get(Customer.class, "alice").name);
            assertEquals(Status.SHIPPED, s.get(ShopOrder.class, "alice", T2, "o2").status);
        }
    }

    @Test
    void changingAFieldAKeyTemplateUsesIsAnErrorNamingTheField() {
        storeAlice();
        try (Session s = sessions.openSession()) {
            ShopOrder o = s.get(ShopOrder.class, "alice", T2, "o2");
            o.orderId = "o9";
            DynamapperException e = assertThrows(DynamapperException.class, s::commit);
            assertTrue(e.getMessage().contains("ShopOrder.orderId"), e.getMessage());
            assertTrue(recording.requests(TransactWriteItemsRequest.class).isEmpty());
        }
    }

    @Test
    void deleteByTemplateValuesRemovesTheItemWithoutReadingIt() {
        storeAlice();
        try (Session s = sessions.openSession()) {
            s.delete(ShopOrder.class, "alice", T1, "o1");
            s.delete(Note.class, "alice", "n1");
            s.commit();
        }
        assertNull(getRaw("shop", Map.of("pk", s("CUSTOMER#alice"), "sk", s("ORDER#2026-11-01T09:00:00.000000000Z#o1"))));
        assertNull(getRaw("shop", Map.of("pk", s("CUSTOMER#alice"), "sk", s("n1"))));
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("o2"), s.query(ShopOrder.class).hashKey("alice").list().stream().map(o -> o.orderId).toList());
        }
    }

    @Test
    void anItemOfAnotherTypeAtAClasssKeyIsAMappingError() {
        putRaw("shop", Map.of("pk", s("CUSTOMER#carol"), "sk", s("n1"), "_type", s("Invoice"),
                "customerId", s("carol"), "noteId", s("n1")));
        try (Session s = sessions.openSession()) {
            MappingException e = assertThrows(MappingException.class, () -> s.get(Note.class, "carol", "n1"));
            assertTrue(e.getMessage().contains("'Invoice'") && e.getMessage().contains("'Note'"), e.getMessage());
        }
    }

    @Test
    void anItemCollectionReadsSeveralTypesOfOnePartitionEachManagedByTheSession() {
        storeAlice();
        try (Session s = sessions.openSession()) {
            ShopOrder before = s.get(ShopOrder.class, "alice", T1, "o1");
            ItemCollection all = s.collection(Customer.class, ShopOrder.class).hashKey("alice").list();
            assertEquals(3, all.size(), "the note is of a type the call did not name: skipped");
            assertEquals(List.of("o1", "o2"), all.of(ShopOrder.class).stream().map(o -> o.orderId).toList());
            assertSame(before, all.of(ShopOrder.class).get(0), "the identity map's instance");
            Customer alice = all.of(Customer.class).get(0);
            assertSame(alice, s.get(Customer.class, "alice"));
            assertTrue(all.all().get(0) instanceof ShopOrder, "key order: ORDER# before PROFILE");
            assertEquals(1, recording.requests(QueryRequest.class).size());

            alice.name = "Alice C.";
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            assertEquals("Alice C.", s.get(Customer.class, "alice").name);
            MappingException unknown = assertThrows(MappingException.class, () -> s.collection(Customer.class,
                    ShopOrder.class).hashKey("alice").failOnUnknownTypes().list());
            assertTrue(unknown.getMessage().contains("'Note'"), unknown.getMessage());
            assertEquals(4, s.collection(Customer.class, ShopOrder.class, Note.class).hashKey("alice").list().size());
            assertThrows(MappingException.class, () -> s.collection(Customer.class, TestEntities.DoomMap.class));
            assertThrows(IllegalStateException.class, () -> s.collection(Customer.class).list());
        }
    }
}
