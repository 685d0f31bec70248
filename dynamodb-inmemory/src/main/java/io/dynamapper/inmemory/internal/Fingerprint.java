package io.dynamapper.inmemory.internal;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.DefaultSdkAutoConstructList;
import software.amazon.awssdk.core.util.DefaultSdkAutoConstructMap;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A 128-bit digest of an SDK model object (a request or part of one) that follows the SDK's
 * {@code equals}: every field of every {@link SdkPojo}, lists in order, maps regardless of order, and
 * an unset list or map apart from an empty one. Objects the SDK finds equal get equal fingerprints;
 * different ones get different fingerprints unless two independent 64-bit hashes both collide (a
 * non-cryptographic hash: negligible for the requests a test sends, not a defence against crafted
 * collisions). Lets the fake remember a request without keeping it.
 */
record Fingerprint(long high, long low) {
    private static final long SEED_HIGH = 0x243F6A8885A308D3L;
    private static final long SEED_LOW = 0x13198A2E03707344L;

    /**
     * Whether the SDK's transaction classes have exactly the fields {@link Hasher#transactWriteItem} reads,
     * in that order; if a future SDK adds one, every object is walked through its {@code sdkFields()}.
     */
    private static final boolean DIRECT = fields(TransactWriteItem.builder().build(), "ConditionCheck", "Put", "Delete",
            "Update")
            && fields(Put.builder().build(), "Item", "TableName", "ConditionExpression", "ExpressionAttributeNames",
                    "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure")
            && fields(Update.builder().build(), "Key", "UpdateExpression", "TableName", "ConditionExpression",
                    "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure")
            && fields(Delete.builder().build(), "Key", "TableName", "ConditionExpression", "ExpressionAttributeNames",
                    "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure")
            && fields(ConditionCheck.builder().build(), "Key", "TableName", "ConditionExpression",
                    "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure");

    static Fingerprint of(Object value) {
        Hasher h = new Hasher(DIRECT);
        h.value(value);
        return new Fingerprint(fmix(h.high), fmix(h.low));
    }

    /** The same digest computed through {@code sdkFields()} only: what {@link #of} must agree with (tests). */
    static Fingerprint ofGeneric(Object value) {
        Hasher h = new Hasher(false);
        h.value(value);
        return new Fingerprint(fmix(h.high), fmix(h.low));
    }

    /** Whether the transaction classes are read directly (false: a future SDK changed their fields). */
    static boolean direct() {
        return DIRECT;
    }

    private static boolean fields(SdkPojo pojo, String... names) {
        List<SdkField<?>> fields = pojo.sdkFields();
        if (fields.size() != names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            if (!fields.get(i).memberName().equals(names[i])) {
                return false;
            }
        }
        return true;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }

    /** Two independent streaming 64-bit hashes fed with the same words. */
    private static final class Hasher {
        private static final int NULL = 1;
        private static final int STRING = 2;
        private static final int BYTES = 3;
        private static final int LIST = 4;
        private static final int MAP = 5;
        private static final int UNSET_LIST = 6;
        private static final int UNSET_MAP = 7;
        private static final int POJO = 8;
        private static final int OTHER = 9;
        private static final int ATTRIBUTE_VALUE = 10;
        private static final int TRUE = 11;
        private static final int FALSE = 12;

        private final boolean direct;
        long high = SEED_HIGH;
        long low = SEED_LOW;
        /** Strings are copied here first: indexing a char[] is cheaper than String.charAt. */
        private char[] chars = new char[64];

        Hasher(boolean direct) {
            this.direct = direct;
        }

        void word(long v) {
            high = Long.rotateLeft((high ^ v) * 0x9E3779B97F4A7C15L, 29);
            low = (low + v) * 0xC2B2AE3D27D4EB4FL;
            low ^= low >>> 31;
        }

        /**
         * Final classes are tested first: on JDK 17 a failed {@code instanceof} against an interface
         * scans the class's interfaces every time, which made this 20 times slower.
         */
        void value(Object v) {
            if (v == null) {
                word(NULL);
            } else if (v instanceof String s) {
                word(STRING);
                string(s);
            } else if (v instanceof AttributeValue a) {
                attributeValue(a);
            } else if (v instanceof SdkBytes b) {
                word(BYTES);
                bytes(b.asByteArrayUnsafe());
            } else if (v instanceof Boolean b) {
                word(b ? TRUE : FALSE);
            } else if (direct && v instanceof TransactWriteItem t) {
                transactWriteItem(t);
            } else if (v instanceof SdkPojo p) {
                pojo(p);
            } else if (v instanceof List<?> l) {
                if (l == DefaultSdkAutoConstructList.getInstance() || l instanceof SdkAutoConstructList) {
                    word(UNSET_LIST);
                    return;
                }
                word(LIST);
                word(l.size());
                for (Object e : l) {
                    value(e);
                }
            } else if (v instanceof Map<?, ?> m) {
                map(m);
            } else {
                // Numbers, instants: no such field in a transaction's items today, but kept exact.
                word(OTHER);
                string(v.getClass().getName());
                string(v.toString());
            }
        }

        /**
         * The bulk of a request: its ten fields read directly, with no generic dispatch. One word says
         * which are set (most are null or unset), then only those are hashed.
         */
        private void attributeValue(AttributeValue a) {
            int set = (a.s() != null ? 1 : 0) | (a.n() != null ? 2 : 0) | (a.b() != null ? 4 : 0)
                    | (a.hasSs() ? 8 : 0) | (a.hasNs() ? 16 : 0) | (a.hasBs() ? 32 : 0) | (a.hasM() ? 64 : 0)
                    | (a.hasL() ? 128 : 0) | (a.bool() != null ? 256 : 0) | (a.nul() != null ? 512 : 0);
            word(ATTRIBUTE_VALUE | (long) set << 8);
            if (a.s() != null) {
                string(a.s());
            }
            if (a.n() != null) {
                string(a.n());
            }
            if (a.b() != null) {
                bytes(a.b().asByteArrayUnsafe());
            }
            if (a.hasSs()) {
                stringList(a.ss());
            }
            if (a.hasNs()) {
                stringList(a.ns());
            }
            if (a.hasBs()) {
                word(a.bs().size());
                for (SdkBytes b : a.bs()) {
                    bytes(b.asByteArrayUnsafe());
                }
            }
            if (a.hasM()) {
                map(a.m());
            }
            if (a.hasL()) {
                word(a.l().size());
                for (AttributeValue e : a.l()) {
                    attributeValue(e);
                }
            }
            if (a.bool() != null) {
                word(a.bool() ? TRUE : FALSE);
            }
            if (a.nul() != null) {
                word(a.nul() ? TRUE : FALSE);
            }
        }

        /**
         * A transaction's action, read through its getters: the same words as {@link #pojo} (checked by
         * {@code DIRECT} and by a test), without the generic per-field dispatch, a sixth of a transaction's
         * cost in the fake when measured.
         */
        private void transactWriteItem(TransactWriteItem t) {
            word(POJO);
            word(4);
            ConditionCheck c = t.conditionCheck();
            if (c == null) {
                word(NULL);
            } else {
                word(POJO);
                word(6);
                nullableMap(c.key());
                tail(c.tableName(), c.conditionExpression(), c.expressionAttributeNames(),
                        c.expressionAttributeValues(), c.returnValuesOnConditionCheckFailureAsString());
            }
            Put p = t.put();
            if (p == null) {
                word(NULL);
            } else {
                word(POJO);
                word(6);
                nullableMap(p.item());
                tail(p.tableName(), p.conditionExpression(), p.expressionAttributeNames(),
                        p.expressionAttributeValues(), p.returnValuesOnConditionCheckFailureAsString());
            }
            Delete d = t.delete();
            if (d == null) {
                word(NULL);
            } else {
                word(POJO);
                word(6);
                nullableMap(d.key());
                tail(d.tableName(), d.conditionExpression(), d.expressionAttributeNames(),
                        d.expressionAttributeValues(), d.returnValuesOnConditionCheckFailureAsString());
            }
            Update u = t.update();
            if (u == null) {
                word(NULL);
            } else {
                word(POJO);
                word(7);
                nullableMap(u.key());
                nullableString(u.updateExpression());
                tail(u.tableName(), u.conditionExpression(), u.expressionAttributeNames(),
                        u.expressionAttributeValues(), u.returnValuesOnConditionCheckFailureAsString());
            }
        }

        /** The fields every action ends with, in the SDK's order. */
        private void tail(String table, String condition, Map<String, String> names, Map<String, AttributeValue> values,
                String returnValues) {
            nullableString(table);
            nullableString(condition);
            nullableMap(names);
            nullableMap(values);
            nullableString(returnValues);
        }

        private void nullableMap(Map<?, ?> m) {
            if (m == null) {
                word(NULL);
            } else {
                map(m);
            }
        }

        private void nullableString(String s) {
            if (s == null) {
                word(NULL);
            } else {
                word(STRING);
                string(s);
            }
        }

        private void stringList(List<String> l) {
            word(l.size());
            for (String s : l) {
                if (s == null) {
                    word(NULL);
                } else {
                    word(STRING);
                    string(s);
                }
            }
        }

        private void pojo(SdkPojo p) {
            List<SdkField<?>> fields = p.sdkFields();
            word(POJO);
            word(fields.size());
            for (SdkField<?> f : fields) {
                value(f.getValueOrDefault(p));
            }
        }

        /** Entries are hashed alone and summed, so their order does not matter. */
        private void map(Map<?, ?> m) {
            if (m == DefaultSdkAutoConstructMap.getInstance() || m instanceof SdkAutoConstructMap) {
                word(UNSET_MAP);
                return;
            }
            long savedHigh = high;
            long savedLow = low;
            long sumHigh = 0;
            long sumLow = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                high = SEED_HIGH;
                low = SEED_LOW;
                value(e.getKey());
                value(e.getValue());
                sumHigh += fmix(high);
                sumLow += fmix(low);
            }
            high = savedHigh;
            low = savedLow;
            word(MAP);
            word(m.size());
            word(sumHigh);
            word(sumLow);
        }

        private void string(String s) {
            int n = s.length();
            word(n);
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            s.getChars(0, n, chars, 0);
            char[] c = chars;
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                word(c[i] | (long) c[i + 1] << 16 | (long) c[i + 2] << 32 | (long) c[i + 3] << 48);
            }
            long last = 0;
            for (int shift = 0; i < n; i++, shift += 16) {
                last |= (long) c[i] << shift;
            }
            word(last);
        }

        private void bytes(byte[] b) {
            word(b.length);
            long w = 0;
            for (int i = 0; i < b.length; i++) {
                w = w << 8 | (b[i] & 0xFF);
                if ((i & 7) == 7) {
                    word(w);
                    w = 0;
                }
            }
            word(w);
        }
    }
}
