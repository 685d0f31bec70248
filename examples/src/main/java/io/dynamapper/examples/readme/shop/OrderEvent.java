package io.dynamapper.examples.readme.shop;

import io.dynamapper.KeyTemplate;
import io.dynamapper.Table;
import io.dynamapper.TypeName;
import java.time.Instant;

/** What happened to an order, in the order's own partition of the shop table: a polymorphic entity. */
// @snippet shop-events
@Table("shop")
@KeyTemplate(hash = "ORDER#{orderId}", range = "EVENT#{seq}")
public sealed interface OrderEvent permits OrderEvent.Placed, OrderEvent.Shipped, OrderEvent.Delivered {
    String orderId();   // every subtype has the fields the templates name

    int seq();

    @TypeName("OrderPlaced")   // stored in _type (default: the simple name, "Placed")
    record Placed(String orderId, int seq, Instant at) implements OrderEvent {
    }

    @TypeName("OrderShipped")
    record Shipped(String orderId, int seq, Instant at, String carrier) implements OrderEvent {
    }

    @TypeName("OrderDelivered")
    record Delivered(String orderId, int seq, Instant at) implements OrderEvent {
    }
}
// @end
