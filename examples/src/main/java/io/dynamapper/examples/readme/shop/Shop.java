package io.dynamapper.examples.readme.shop;

import io.dynamapper.ItemCollection;
import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import java.util.List;
import java.util.Objects;

/** The single-table shop of the README: customers, orders and order lines in one table. */
public final class Shop {
    private final SessionFactory sessions;

    /**
     * A shop on these sessions.
     *
     * @param sessions the session factory
     */
    public Shop(SessionFactory sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions == null");
    }

    /** Creates the shared table with the union of the classes' indexes. */
    public void createTable() {
        // @snippet shop-create-table
        sessions.schema().createTable(Throughput.onDemand(), Customer.class, Order.class, OrderLine.class,
                OrderEvent.class);
        // @end
    }

    /**
     * Places an order with its lines, atomically.
     *
     * @param order the order
     * @param lines its lines
     */
    public void place(Order order, List<OrderLine> lines) {
        sessions.useTransaction(s -> {
            s.save(order);
            lines.forEach(s::save);
        });
    }

    /**
     * A customer and everything in its partition, in one query.
     *
     * @param customerId the customer
     * @return the customer, its orders and their lines
     */
    public ItemCollection customerPage(String customerId) {
        return sessions.inTransaction(s ->
                // @snippet shop-collection
                s.collection(Customer.class, Order.class, OrderLine.class).hashKey(customerId).list()
                // @end
        );
    }

    /**
     * The orders of one status, oldest first, across customers (the by_status index).
     *
     * @param status the status
     * @return the orders
     */
    public List<Order> byStatus(Order.Status status) {
        return sessions.inTransaction(s -> s.query(Order.class).index("by_status").hashKey(status).list());
    }

    /**
     * Records an event of an order's history.
     *
     * @param event the event, of any {@link OrderEvent} subtype
     */
    public void record(OrderEvent event) {
        sessions.useTransaction(s -> s.save(event));
    }

    /**
     * The history of an order, oldest first: each event of its own subtype.
     *
     * @param orderId the order
     * @return its events
     */
    public List<OrderEvent> history(String orderId) {
        return sessions.inTransaction(s ->
                // @snippet shop-history
                s.query(OrderEvent.class).hashKey(orderId).list()   // Placed, Shipped, ... in seq order
                // @end
        );
    }

    /**
     * Ships an order: its status changes, and so does its by_status index key.
     *
     * @param customerId the customer
     * @param created when the order was placed
     * @param orderId the order
     */
    public void ship(String customerId, java.time.Instant created, String orderId) {
        sessions.useTransaction(s -> {
            // @snippet shop-get
            Order order = s.get(Order.class, customerId, created, orderId);   // template fields in order
            // @end
            s.save(order.with(Order.Status.SHIPPED));
        });
    }
}
