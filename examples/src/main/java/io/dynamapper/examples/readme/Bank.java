package io.dynamapper.examples.readme;

// @snippet bank

import io.dynamapper.SessionFactory;

/** The domain service of the "Testing your code" example in docs/testing.md. */
public class Bank {
    private final SessionFactory sessions;

    public Bank(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Moves {@code amount} between two accounts in one atomic commit, re-run on conflicts. */
    public void transfer(String from, String to, long amount) {
        sessions.useTransaction(s -> {
            Account source = s.get(Account.class, from);
            if (source.balance < amount) {
                throw new IllegalStateException("insufficient funds in " + from);
            }
            source.balance -= amount;
            s.get(Account.class, to).balance += amount;
        });
    }

    public long balance(String id) {
        return sessions.inTransaction(s -> s.get(Account.class, id).balance);
    }
}
// @end
