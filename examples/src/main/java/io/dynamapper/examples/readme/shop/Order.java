package io.dynamapper.examples.readme.shop;

import io.dynamapper.IndexTemplate;
import io.dynamapper.KeyTemplate;
import io.dynamapper.Table;
import io.dynamapper.TypeName;
import io.dynamapper.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order of a customer, in the customer's partition; the {@code by_status} index lists orders
 * by status, oldest first.
 *
 * @param customerId the customer
 * @param created when it was placed
 * @param orderId the order id
 * @param status its status
 * @param total the amount
 * @param version the optimistic-locking version
 */
// @snippet shop-order
@Table("shop")
@KeyTemplate(hash = "CUSTOMER#{customerId}", range = "ORDER#{created}#{orderId}")
@IndexTemplate(index = "by_status", hash = "STATUS#{status}", range = "{created}#{orderId}")
@TypeName("Order")
public record Order(String customerId, Instant created, String orderId, Status status, BigDecimal total,
                    @Version Long version) {
    /** The states of an order. */
    public enum Status {
        /** Placed, not shipped yet. */
        OPEN,
        /** Sent to the customer. */
        SHIPPED
    }

    /**
     * This order with another status.
     *
     * @param newStatus the status
     * @return a copy to save
     */
    public Order with(Status newStatus) {
        return new Order(customerId, created, orderId, newStatus, total, version);
    }
}
// @end
