package io.dynamapper.engine.internal.reliability;

import io.dynamapper.HashKey;
import io.dynamapper.Table;
import io.dynamapper.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A versioned account, the entity of the fault matrix and the lost-update tests. */
@Table("rel_account")
final class Account {
    static final String TABLE = "rel_account";

    @HashKey String id;
    long balance;
    /** How many committed operations touched the account. */
    long ops;
    String owner;
    @Version Long version;

    Account() {
    }

    Account(String id, long balance, String owner) {
        this.id = id;
        this.balance = balance;
        this.owner = owner;
    }

    /** The raw item of an account, written independently of the engine. */
    static Map<String, AttributeValue> item(String id, long balance, long ops, String owner, long version) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.fromS(id));
        item.put("balance", AttributeValue.fromN(Long.toString(balance)));
        item.put("ops", AttributeValue.fromN(Long.toString(ops)));
        item.put("owner", AttributeValue.fromS(owner));
        item.put("version", AttributeValue.fromN(Long.toString(version)));
        return item;
    }

    /** The state of a stored account as the test compares it. */
    record State(long balance, long ops, String owner, long version) {
        static State of(Map<String, AttributeValue> item) {
            if (item == null) {
                return null;
            }
            AttributeValue ops = item.get("ops");
            AttributeValue owner = item.get("owner");
            return new State(Long.parseLong(item.get("balance").n()), ops == null ? 0 : Long.parseLong(ops.n()),
                    owner == null ? null : owner.s(), Long.parseLong(item.get("version").n()));
        }
    }
}
