package io.dynamapper.examples.readme;

// @snippet bank-extend-with
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynamapper.SessionFactory;
import io.dynamapper.testkit.DynamapperExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamapperExtension.class)
@DynamapperExtension.Entities(Account.class)
class BankExtendWithTest {
    @Test
    void transfersMoney(SessionFactory sessions) {
        sessions.useTransaction(s -> {
            s.save(new Account("alice", 100));
            s.save(new Account("bob", 0));
        });
        new Bank(sessions).transfer("alice", "bob", 30);
        assertEquals(30, new Bank(sessions).balance("bob"));
    }
}
// @end
