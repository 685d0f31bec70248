package io.dynamapper.engine.internal.session;

import io.dynamapper.DynamapperException;
import io.dynamapper.Key;
import io.dynamapper.engine.internal.commit.ArrayMap;
import io.dynamapper.engine.internal.commit.ItemSize;
import io.dynamapper.engine.internal.commit.Write;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.PropertyModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds the {@link Write} of one session entry. Expressions always go through placeholders
 * ({@code #a0 = :v0}, {@code #v}, {@code :expected}, {@code :next}), so attribute names that are
 * DynamoDB reserved words work; they are built with a StringBuilder, no regex, no reflection. The
 * names and values go into {@link ArrayMap}s (the SDK copies them into the request anyway), and the
 * update expression of a versioned update that sets {@code n} attributes is built once per {@code n}.
 */
final class WritePlanner {
    private static final int CACHED = 64;
    private static final String[] NAMES = new String[CACHED];
    private static final String[] VALUES = new String[CACHED];

    static {
        for (int i = 0; i < CACHED; i++) {
            NAMES[i] = "#a" + i;
            VALUES[i] = ":v" + i;
        }
    }

    /** {@code SET #a0 = :v0, ..., #v = :next} by the number of attributes set, built on first use. */
    private static final String[] VERSIONED_SET = new String[CACHED];

    private static final String VERSION = "#v";
    private static final String HASH = "#h";
    private static final String EXPECTED = ":expected";
    private static final String NEXT = ":next";

    private WritePlanner() {
    }

    private static String name(int i) {
        return i < CACHED ? NAMES[i] : "#a" + i;
    }

    private static String value(int i) {
        return i < CACHED ? VALUES[i] : ":v" + i;
    }

    /** A new entity: put with {@code attribute_not_exists(hash key)}, version 1 if versioned. */
    static Write put(Entry e) {
        EntityModel<Object> model = e.model;
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>(model.toItem(e.instance));
        String versionAttribute = null;
        if (model.version().isPresent()) {
            versionAttribute = model.version().get().attributeName();
            item.put(versionAttribute, AttributeValue.fromN("1"));
        }
        Map<String, String> names = Map.of(HASH, model.hashKey().attributeName());
        return new Write.Put(model.type(), key(e), model.tableName(), e.id.key(), item,
                "attribute_not_exists(" + HASH + ")", names, Map.of(), versionAttribute, "expected no item",
                ItemSize.of(item));
    }

    /** A changed managed entity: SET the changed attributes, REMOVE the cleared ones, bump the version. */
    static Write.Update update(Entry e, List<PropertyModel> changed) {
        return update(e, changed, e.version);
    }

    /** A detached copy: SET every non-null mapped attribute but the key, REMOVE the null ones. */
    static Write.Update updateAll(Entry e) {
        EntityModel<Object> model = e.model;
        PropertyModel hash = model.hashKey();
        PropertyModel range = model.rangeKey().orElse(null);
        PropertyModel version = model.version().orElse(null);
        List<PropertyModel> all = new ArrayList<>(model.properties().size());
        for (PropertyModel p : model.properties()) {
            if (p != hash && p != range && p != version) {
                all.add(p);
            }
        }
        all.addAll(model.indexTemplateProperties());
        return update(e, all, e.version);
    }

    private static Write.Update update(Entry e, List<PropertyModel> properties, long expected) {
        EntityModel<Object> model = e.model;
        Object instance = e.instance;
        if (model.version().isPresent() && expected >= model.maxVersion()) {
            throw new DynamapperException("Cannot update " + model.type().getSimpleName() + " " + key(e)
                    + ": its version " + expected + " is the largest its @Version field "
                    + model.version().get().fieldName() + " (" + model.version().get().javaType().getSimpleName()
                    + ") can hold, so the next version would overflow. Nothing was sent; widen the field to long.");
        }
        int n = properties.size();
        Map<String, String> names = new ArrayMap<>(n + 2);
        Map<String, AttributeValue> values = new ArrayMap<>(n + 2);
        Map<String, AttributeValue> written = new ArrayMap<>(n + 1);
        List<String> removed = new ArrayList<>(2);
        long setBytes = 0;
        StringBuilder set = new StringBuilder(16 * n + 24);
        StringBuilder remove = null;
        for (int i = 0; i < n; i++) {
            PropertyModel p = properties.get(i);
            String name = name(i);
            names.put(name, p.attributeName());
            AttributeValue v = p.encode(p.read(instance));
            model.keys().checkIndexKey(p, v, instance);
            if (v == null) {
                if (remove == null) {
                    remove = new StringBuilder(8 * n);
                } else {
                    remove.append(", ");
                }
                remove.append(name);
                removed.add(p.attributeName());
            } else {
                String placeholder = value(i);
                if (set.length() > 0) {
                    set.append(", ");
                }
                set.append(name).append(" = ").append(placeholder);
                values.put(placeholder, v);
                written.put(p.attributeName(), v);
                setBytes += ItemSize.utf8Length(p.attributeName()) + ItemSize.valueSize(v);
            }
        }
        String condition = null;
        String versionAttribute = null;
        Long expectedVersion = null;
        String reason = "unconditional";
        if (model.version().isPresent()) {
            versionAttribute = model.version().get().attributeName();
            names.put(VERSION, versionAttribute);
            AttributeValue next = AttributeValue.fromN(Long.toString(expected + 1));
            values.put(NEXT, next);
            setBytes += ItemSize.utf8Length(versionAttribute) + ItemSize.valueSize(next);
            written.put(versionAttribute, next);
            if (set.length() > 0) {
                set.append(", ");
            }
            set.append(VERSION).append(" = ").append(NEXT);
            condition = versionCondition(model, expected, names, values);
            expectedVersion = expected;
            reason = null; // Write.Update says "expected version N" when a conflict is described
        }
        Map<String, AttributeValue> expectedOld = Map.of();
        if (versionAttribute == null && model.optimisticLocking()) {
            expectedOld = new HashMap<>(2 * n);
            StringBuilder guard = new StringBuilder(24 * n + 24).append("attribute_exists(").append(HASH).append(')');
            names.put(HASH, model.hashKey().attributeName());
            for (int i = 0; i < n; i++) {
                PropertyModel p = properties.get(i);
                AttributeValue old = e.snapshot == null ? null : model.dirty().snapshotValue(e.snapshot, p);
                guard.append(" AND ");
                if (old == null) {
                    guard.append("attribute_not_exists(").append(name(i)).append(')');
                    expectedOld.put(p.attributeName(), Write.ABSENT);
                } else {
                    String placeholder = ":o" + i;
                    guard.append(name(i)).append(" = ").append(placeholder);
                    values.put(placeholder, old);
                    expectedOld.put(p.attributeName(), old);
                }
            }
            condition = guard.toString();
            reason = "expected the item with the values it was read with";
        }
        if (remove == null && versionAttribute != null && n < CACHED) {
            return new Write.Update(model.type(), key(e), model.tableName(), e.id.key(), versionedSet(n, set), condition,
                    names, values, written, removed, versionAttribute, expectedVersion, reason, expectedOld,
                    updatedSize(e, properties, setBytes));
        }
        StringBuilder expression = new StringBuilder(set.length() + (remove == null ? 0 : remove.length()) + 12);
        if (set.length() > 0) {
            expression.append("SET ").append(set);
        }
        if (remove != null) {
            if (expression.length() > 0) {
                expression.append(' ');
            }
            expression.append("REMOVE ").append(remove);
        }
        return new Write.Update(model.type(), key(e), model.tableName(), e.id.key(), expression.toString(), condition, names, values, written, removed, versionAttribute, expectedVersion,
                reason, expectedOld, updatedSize(e, properties, setBytes));
    }

    /** {@code "SET " + set}, where {@code set} sets {@code n} attributes and the version, kept once per n. */
    private static String versionedSet(int n, StringBuilder set) {
        String expression = VERSIONED_SET[n];
        if (expression == null) {
            expression = "SET " + set; // the same for every update of n attributes: #a0 = :v0, ..., #v = :next
            VERSIONED_SET[n] = expression; // a benign race: every thread stores an equal string
        }
        return expression;
    }

    /**
     * The item's size after an update. Cheaply, an upper bound: what was stored plus what is set
     * (removing only shrinks it). When that bound passes the 400 KB limit, exactly: what was stored,
     * minus the attributes replaced (as the snapshot recorded them), plus the new ones; attributes
     * the entity does not map stay counted. A detached copy, whose stored item is unknown, is
     * measured by its own attributes.
     */
    private static long updatedSize(Entry e, List<PropertyModel> properties, long setBytes) {
        if (e.storedSize < 0 || e.snapshot == null) {
            return ItemSize.of(e.model.toItem(e.instance));
        }
        long size = e.storedSize + setBytes;
        if (size <= ItemSize.MAX_ITEM_BYTES) {
            return size;
        }
        for (PropertyModel p : properties) {
            AttributeValue old = e.model.dirty().snapshotValue(e.snapshot, p);
            if (old != null) {
                size -= ItemSize.utf8Length(p.attributeName()) + ItemSize.valueSize(old);
            }
        }
        if (e.model.version().isPresent() && e.version > 0) {
            size -= ItemSize.utf8Length(e.model.version().get().attributeName())
                    + ItemSize.valueSize(AttributeValue.fromN(Long.toString(e.version)));
        }
        return size;
    }

    /**
     * A pending delete: on condition of the version the session read (or the detached copy's version,
     * if set); for a managed unversioned entity, on the item existing (unless its table opted out of
     * optimistic locking); unconditional for unmanaged entities without a version (a delete by key).
     */
    static Write delete(Entry e) {
        EntityModel<Object> model = e.model;
        boolean checked = model.version().isPresent() && (e.state == Entry.State.MANAGED || e.version > 0);
        if (!checked) {
            if (model.version().isEmpty() && e.state == Entry.State.MANAGED && model.optimisticLocking()) {
                return new Write.Delete(model.type(), key(e), model.tableName(), e.id.key(),
                        "attribute_exists(" + HASH + ")", Map.of(HASH, model.hashKey().attributeName()), Map.of(),
                        null, null, "expected the item to exist", ItemSize.of(e.id.key()));
            }
            return new Write.Delete(model.type(), key(e), model.tableName(), e.id.key(), null, Map.of(), Map.of(),
                    null, null, "unconditional", ItemSize.of(e.id.key()));
        }
        Map<String, String> names = new ArrayMap<>(2);
        Map<String, AttributeValue> values = new ArrayMap<>(1);
        names.put(VERSION, model.version().get().attributeName());
        String condition = versionCondition(model, e.version, names, values);
        return new Write.Delete(model.type(), key(e), model.tableName(), e.id.key(), condition, names, values,
                model.version().get().attributeName(), e.version, "expected version " + e.version,
                ItemSize.of(e.id.key()));
    }

    /** A SERIALIZABLE read check: the version is still the one read. */
    static Write check(Entry e) {
        EntityModel<Object> model = e.model;
        Map<String, String> names = new ArrayMap<>(2);
        Map<String, AttributeValue> values = new ArrayMap<>(1);
        names.put(VERSION, model.version().get().attributeName());
        String condition = versionCondition(model, e.version, names, values);
        return new Write.Check(model.type(), key(e), model.tableName(), e.id.key(), condition, names, values,
                model.version().get().attributeName(), e.version, "read with version " + e.version
                + ", expected unchanged", ItemSize.of(e.id.key()));
    }

    /**
     * {@code #v = :expected}; for an item read without a version attribute (version 0), also accepts
     * a missing version as long as the item exists.
     */
    private static String versionCondition(EntityModel<Object> model, long expected, Map<String, String> names,
                                           Map<String, AttributeValue> values) {
        values.put(EXPECTED, AttributeValue.fromN(Long.toString(expected)));
        if (expected > 0) {
            return VERSION + " = " + EXPECTED;
        }
        names.put(HASH, model.hashKey().attributeName());
        return "attribute_exists(" + HASH + ") AND (attribute_not_exists(" + VERSION + ") OR " + VERSION + " = "
                + EXPECTED + ")";
    }

    private static Key key(Entry e) {
        return e.model.keys().keyValue(e.id.key());
    }
}
