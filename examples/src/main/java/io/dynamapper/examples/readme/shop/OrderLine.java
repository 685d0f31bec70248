package io.dynamapper.examples.readme.shop;

import io.dynamapper.KeyTemplate;
import io.dynamapper.Table;

/**
 * A line of an order, in the customer's partition next to the order.
 *
 * @param customerId the customer
 * @param orderId the order
 * @param line the line number
 * @param product the product
 * @param quantity how many
 */
@Table("shop")
@KeyTemplate(hash = "CUSTOMER#{customerId}", range = "LINE#{orderId}#{line}")
public record OrderLine(String customerId, String orderId, int line, String product, int quantity) {
}
