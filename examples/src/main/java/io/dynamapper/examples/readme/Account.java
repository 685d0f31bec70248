package io.dynamapper.examples.readme;

// @snippet account

import io.dynamapper.HashKey;
import io.dynamapper.Table;
import io.dynamapper.Version;

/** A bank account: the entity of the "Testing your code" example in docs/testing.md. */
@Table("accounts")
public class Account {
    @HashKey String id;
    long balance;
    @Version Long version;

    Account() {            // for Dynamapper
    }

    public Account(String id, long balance) {
        this.id = id;
        this.balance = balance;
    }
}
// @end
