package io.dynamapper.examples.readme;

// @snippet bank-test

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dynamapper.SessionFactory;
import io.dynamapper.testkit.DynamapperExtension;
import io.dynamapper.inmemory.Fault;
import io.dynamapper.inmemory.Operation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The test of the "Testing your code" example in docs/testing.md; keep the two in step. */
class BankTest {
    @RegisterExtension
    static final DynamapperExtension db = DynamapperExtension.inMemory().withEntities(Account.class);

    private Bank bank;

    @BeforeEach
    void openAccounts(SessionFactory sessions) {        // a fresh, empty "accounts" table every time
        sessions.useTransaction(s -> {
            s.save(new Account("alice", 100));
            s.save(new Account("bob", 0));
        });
        bank = new Bank(sessions);
    }

    @Test
    void transfersMoney() {
        bank.transfer("alice", "bob", 30);

        assertEquals(70, bank.balance("alice"));
        assertEquals(30, bank.balance("bob"));
        assertThrows(IllegalStateException.class, () -> bank.transfer("bob", "alice", 31));
    }

    @Test
    void retriesWhenDynamoDbReportsAConflict() {
        db.memory().faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(2, Fault.TRANSACTION_CONFLICT);

        bank.transfer("alice", "bob", 30);                 // the third attempt goes through

        assertEquals(2, db.memory().faults().injected(Operation.TRANSACT_WRITE_ITEMS));
        assertEquals(70, bank.balance("alice"));
        assertEquals(30, bank.balance("bob"));
    }
}
// @end
