package io.dynamapper.engine.internal.session;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The identity of a managed entity: its table and encoded key attributes. Key arguments of any
 * numeric type encode to the same attribute value, so they find the same entry.
 *
 * <p>Equal when table and key attributes are equal. The hash is computed once, from the key's
 * string, number or binary contents only: {@link AttributeValue#hashCode()} hashes every one of its
 * fields on each call, and an identity-map lookup, the load that follows it and the insertion each
 * hash the same key.
 */
final class EntryKey {
    private final String table;
    private final Map<String, AttributeValue> key;
    private final int hash;

    EntryKey(String table, Map<String, AttributeValue> key) {
        this.table = table;
        this.key = key;
        int h = table.hashCode();
        for (Map.Entry<String, AttributeValue> e : key.entrySet()) {
            h += e.getKey().hashCode() ^ valueHash(e.getValue()); // a sum: independent of the map's order
        }
        this.hash = h;
    }

    /** Equal attribute values (key attributes are S, N or B) have equal contents, so equal hashes. */
    private static int valueHash(AttributeValue v) {
        if (v == null) {
            return 0;
        }
        if (v.s() != null) {
            return v.s().hashCode();
        }
        if (v.n() != null) {
            return 31 * v.n().hashCode();
        }
        return Objects.hashCode(v.b());
    }

    /** @return the table */
    String table() {
        return table;
    }

    /** @return the encoded key attributes */
    Map<String, AttributeValue> key() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof EntryKey other && hash == other.hash && table.equals(other.table)
                && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "EntryKey[table=" + table + ", key=" + key + "]";
    }
}
