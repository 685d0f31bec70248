package io.dynamapper.examples.readme.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.ItemCollection;
import io.dynamapper.SessionFactory;
import io.dynamapper.examples.readme.shop.Order.Status;
import io.dynamapper.testkit.DynamapperExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The single-table shop of the README on the in-memory DynamoDB. */
class ShopTest {
    @RegisterExtension
    static final DynamapperExtension db = DynamapperExtension.inMemory();

    static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");

    private Shop shop;

    @BeforeEach
    void openShop(SessionFactory sessions) {
        shop = new Shop(sessions);
        shop.createTable();
        sessions.useTransaction(s -> s.save(new Customer("alice", "Alice")));
        shop.place(new Order("alice", TUESDAY, "o2", Status.OPEN, new BigDecimal("5.00"), null),
                List.of(new OrderLine("alice", "o2", 1, "pen", 5)));
        shop.place(new Order("alice", MONDAY, "o1", Status.OPEN, new BigDecimal("12.50"), null),
                List.of(new OrderLine("alice", "o1", 1, "book", 1), new OrderLine("alice", "o1", 2, "lamp", 1)));
    }

    @Test
    void aCustomerPageIsOneQueryOfMixedTypes() {
        ItemCollection page = shop.customerPage("alice");
        assertEquals(6, page.size());
        assertEquals("Alice", page.of(Customer.class).get(0).name());
        assertEquals(List.of("o1", "o2"), page.of(Order.class).stream().map(Order::orderId).toList());
        assertEquals(List.of("book", "lamp", "pen"), page.of(OrderLine.class).stream().map(OrderLine::product).toList());
    }

    @Test
    void shippingMovesTheOrderInTheStatusIndex() {
        assertEquals(List.of("o1", "o2"), shop.byStatus(Status.OPEN).stream().map(Order::orderId).toList());
        shop.ship("alice", MONDAY, "o1");
        assertEquals(List.of("o2"), shop.byStatus(Status.OPEN).stream().map(Order::orderId).toList());
        List<Order> shipped = shop.byStatus(Status.SHIPPED);
        assertEquals(1, shipped.size());
        assertEquals(2L, shipped.get(0).version());
        assertTrue(shop.customerPage("alice").of(Order.class).stream().anyMatch(o -> o.status() == Status.SHIPPED));
    }

    @Test
    void anOrdersHistoryIsOneQueryOfThePolymorphicBase(SessionFactory sessions) {
        shop.record(new OrderEvent.Placed("o1", 1, MONDAY));
        shop.record(new OrderEvent.Delivered("o1", 3, TUESDAY));
        shop.record(new OrderEvent.Shipped("o1", 2, MONDAY.plusSeconds(3600), "dhl"));
        List<OrderEvent> history = shop.history("o1");
        assertEquals(List.of(OrderEvent.Placed.class, OrderEvent.Shipped.class, OrderEvent.Delivered.class),
                history.stream().map(Object::getClass).toList());
        assertEquals(List.of(1, 2, 3), history.stream().map(OrderEvent::seq).toList());
        sessions.useTransaction(s -> {
            OrderEvent second = s.get(OrderEvent.class, "o1", 2);
            assertEquals("dhl", ((OrderEvent.Shipped) second).carrier());
            assertTrue(s.find(OrderEvent.Placed.class, "o1", 1).isPresent());
        });
        assertEquals(6, shop.customerPage("alice").size(), "the events live in the order's partition");
    }
}
