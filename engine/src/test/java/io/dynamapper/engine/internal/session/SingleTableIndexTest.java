package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.IndexTemplate;
import io.dynamapper.KeyTemplate;
import io.dynamapper.MappingException;
import io.dynamapper.Session;
import io.dynamapper.Table;
import io.dynamapper.Throughput;
import io.dynamapper.TypeName;
import io.dynamapper.Version;
import io.dynamapper.engine.internal.session.SingleTableSessionTest.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** @IndexTemplate indexes and a table created for several classes. */
class SingleTableIndexTest extends SessionTestSupport {
    static final Instant T1 = Instant.parse("2026-11-01T09:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-02T09:00:00Z");

    @Table("store")
    @KeyTemplate(hash = "CUSTOMER#{id}", range = "PROFILE")
    @IndexTemplate(index = "by_email", hash = "EMAIL#{email}")
    static class Client {
        String id;
        String email;

        Client() {
        }

        Client(String id, String email) {
            this.id = id;
            this.email = email;
        }
    }

    @Table("store")
    @KeyTemplate(hash = "CUSTOMER#{customerId}", range = "ORDER#{orderId}")
    @IndexTemplate(index = "by_status", hash = "STATUS#{status}", range = "{created}#{orderId}")
    @TypeName("Order")
    static class Purchase {
        String customerId;
        String orderId;
        Instant created;
        Status status;
        @Version Long version;

        Purchase() {
        }

        Purchase(String customerId, String orderId, Instant created, Status status) {
            this.customerId = customerId;
            this.orderId = orderId;
            this.created = created;
            this.status = status;
        }
    }

    /** An unversioned record: an index key change is guarded by the old values. */
    @Table("store")
    @KeyTemplate(hash = "CUSTOMER#{customerId}", range = "TICKET#{ticketId}")
    @IndexTemplate(index = "by_status", hash = "STATUS#{state}", range = "{opened}#{ticketId}")
    record Ticket(String customerId, String ticketId, Instant opened, Status state) {
    }

    @Table("store")
    @KeyTemplate(hash = "CUSTOMER#{id}", range = "OTHER", hashAttribute = "PK")
    record OtherKeyName(String id) {
    }

    @Table("store")
    @KeyTemplate(hash = "CUSTOMER#{id}", range = "OTHER")
    @IndexTemplate(index = "by_status", hash = "STATUS#{id}", hashAttribute = "gsi1pk")
    record OtherIndexKey(String id) {
    }

    @BeforeEach
    void storeTable() {
        sessions.schema().createTable(Throughput.onDemand(), Client.class, Purchase.class, Ticket.class);
    }

    private List<String> byStatus(Session s, Status status) {
        return s.query(Purchase.class).index("by_status").hashKey(status).list().stream()
                .map(p -> p.orderId).collect(Collectors.toList());
    }

    @Test
    void theSharedTableHasTheUnionOfTheClassesIndexes() {
        TableDescription table = LOCAL.describeTable(DescribeTableRequest.builder().tableName("store").build()).table();
        assertEquals(List.of("by_email", "by_status"), table.globalSecondaryIndexes().stream()
                .map(i -> i.indexName()).sorted().toList());
        assertEquals(Map.of("pk", "S", "sk", "S", "by_email_pk", "S", "by_status_pk", "S", "by_status_sk", "S"),
                table.attributeDefinitions().stream().collect(Collectors.toMap(d -> d.attributeName(),
                        d -> d.attributeTypeAsString())));
    }

    @Test
    void classesThatDisagreeOnKeysOrIndexesAreAClearMappingError() {
        MappingException keys = assertThrows(MappingException.class,
                () -> sessions.schema().createTable(Throughput.onDemand(), Client.class, OtherKeyName.class));
        assertTrue(keys.getMessage().contains("OtherKeyName") && keys.getMessage().contains("(PK S, sk S)"),
                keys.getMessage());
        MappingException index = assertThrows(MappingException.class,
                () -> sessions.schema().createTable(Throughput.onDemand(), Purchase.class, OtherIndexKey.class));
        assertTrue(index.getMessage().contains("index 'by_status'") && index.getMessage().contains("gsi1pk"),
                index.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sessions.schema().createTable(Throughput.onDemand()));
    }

    @Test
    void anEntityWithANullIndexTemplateFieldIsLeftOutOfTheIndex() {
        try (Session s = sessions.openSession()) {
            s.save(new Purchase("alice", "o1", T1, Status.OPEN));
            s.save(new Purchase("alice", "o2", T2, null));
            s.save(new Ticket("alice", "t1", T2, Status.OPEN));
            s.save(new Client("alice", null));
            s.commit();
        }
        Map<String, AttributeValue> o2 = getRaw("store", Map.of("pk", s("CUSTOMER#alice"), "sk", s("ORDER#o2")));
        assertFalse(o2.containsKey("by_status_pk"));
        assertEquals("2026-11-02T09:00:00.000000000Z#o2", o2.get("by_status_sk").s());
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("o1"), byStatus(s, Status.OPEN), "the ticket in the same index is of another type");
            assertEquals(List.of(), byStatus(s, Status.SHIPPED));
        }
    }

    @Test
    void changingAFieldOnlyAnIndexTemplateUsesRewritesTheIndexKeysAtCommit() {
        try (Session s = sessions.openSession()) {
            s.save(new Purchase("alice", "o1", T1, Status.OPEN));
            s.save(new Purchase("alice", "o2", T2, null));
            s.save(new Ticket("alice", "t1", T2, Status.OPEN));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            s.get(Purchase.class, "alice", "o1").status = Status.SHIPPED;
            s.get(Purchase.class, "alice", "o2").status = Status.OPEN;
            s.get(Ticket.class, "alice", "t1");
            s.save(new Ticket("alice", "t1", T2, Status.SHIPPED)); // a record: saved anew, guarded by old values
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("o2"), byStatus(s, Status.OPEN));
            assertEquals(List.of("o1"), byStatus(s, Status.SHIPPED));
            assertEquals(List.of("t1"), s.query(Ticket.class).index("by_status").hashKey(Status.SHIPPED).list()
                    .stream().map(Ticket::ticketId).toList());
            s.get(Purchase.class, "alice", "o1").status = null;
            s.commit();
        }
        assertFalse(getRaw("store", Map.of("pk", s("CUSTOMER#alice"), "sk", s("ORDER#o1"))).containsKey("by_status_pk"),
                "a field set to null removes the index key: the item leaves the index");
    }
}
