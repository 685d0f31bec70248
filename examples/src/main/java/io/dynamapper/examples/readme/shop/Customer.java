package io.dynamapper.examples.readme.shop;

import io.dynamapper.KeyTemplate;
import io.dynamapper.Table;
import io.dynamapper.Version;

// @snippet shop-entities
@Table("shop")
@KeyTemplate(hash = "CUSTOMER#{id}", range = "PROFILE")
public class Customer {
    String id;
    String name;
    @Version Long version;

    Customer() {
    }

    /**
     * A new customer.
     *
     * @param id the customer id
     * @param name the display name
     */
    public Customer(String id, String name) {
        this.id = id;
        this.name = name;
    }

    /** @return the display name */
    public String name() {
        return name;
    }

    /** @param name the new display name */
    public void rename(String name) {
        this.name = name;
    }
}
// @end
