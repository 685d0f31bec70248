package io.dynamapper.engine.internal.mapping;

import io.dynamapper.AttributeCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Codecs of sets, lists, maps, optionals and user-supplied {@link AttributeCodec}s. */
final class ContainerCodecs {
    private ContainerCodecs() {
    }

    /**
     * A set of scalars stored as SS, NS or BS by the element's key type. DynamoDB has no empty
     * sets: an empty set is stored as no attribute and a missing attribute reads as an empty set;
     * inside a list, a map or an Optional, where an element cannot be missing, an empty set is stored
     * as an empty list (L) and read back as an empty set.
     *
     * <p>DynamoDB rejects a set with two equal elements. Elements that differ in Java but are stored
     * alike (1.5 and 1.50 as BigDecimal, 0.0 and -0.0, two byte arrays with the same bytes) are
     * reported as an error naming both, rather than sent and rejected.
     */
    static final class SetCodec implements ValueCodec {
        private final ValueCodec element;
        private final ScalarAttributeType setType;
        private final boolean sorted;

        /** Whether elements unequal in Java can be stored alike; only then is the set checked for duplicates. */
        private final boolean mayCollide;

        SetCodec(ValueCodec element, ScalarAttributeType setType, boolean sorted) {
            this.element = element;
            this.setType = setType;
            this.sorted = sorted;
            this.mayCollide = element instanceof ScalarCodecs.BigDecimalCodec
                    || element instanceof ScalarCodecs.FloatingCodec || element instanceof ScalarCodecs.ByteArrayCodec
                    || element instanceof UserCodec;
        }

        @Override
        public AttributeValue encode(Object value) {
            Collection<?> set = (Collection<?>) value;
            if (set.isEmpty()) {
                return null;
            }
            switch (setType) {
                case S -> {
                    List<String> out = new ArrayList<>(set.size());
                    Map<Object, Object> seen = mayCollide ? new java.util.HashMap<>(set.size() * 2) : null;
                    for (Object e : set) {
                        String s = element.encode(nonNull(e)).s();
                        unique(seen, s, e);
                        out.add(s);
                    }
                    return AttributeValue.fromSs(out);
                }
                case N -> {
                    List<String> out = new ArrayList<>(set.size());
                    Map<Object, Object> seen = mayCollide ? new java.util.HashMap<>(set.size() * 2) : null;
                    for (Object e : set) {
                        String n = element.encode(nonNull(e)).n();
                        unique(seen, n, e);
                        out.add(n);
                    }
                    return AttributeValue.fromNs(out);
                }
                default -> {
                    List<SdkBytes> out = new ArrayList<>(set.size());
                    Map<Object, Object> seen = mayCollide ? new java.util.HashMap<>(set.size() * 2) : null;
                    for (Object e : set) {
                        SdkBytes b = element.encode(nonNull(e)).b();
                        unique(seen, b, e);
                        out.add(b);
                    }
                    return AttributeValue.fromBs(out);
                }
            }
        }

        private void unique(Map<Object, Object> seen, Object stored, Object element) {
            if (!mayCollide) {
                return;
            }
            Object other = seen.putIfAbsent(stored, element);
            if (other != null) {
                throw new IllegalArgumentException("the set holds " + show(other) + " and " + show(element)
                        + ", which DynamoDB stores as the same value " + (stored instanceof SdkBytes b
                        ? "<" + b.asByteArray().length + " bytes>" : stored) + " and rejects as duplicates; "
                        + "keep one of them");
            }
        }

        private static String show(Object element) {
            return element instanceof byte[] bytes ? "byte[" + bytes.length + "]" + java.util.Arrays.toString(bytes)
                    : String.valueOf(element);
        }

        @Override
        public AttributeValue encodeNested(Object value) {
            if (value != null && ((Collection<?>) value).isEmpty()) {
                return EMPTY_LIST;
            }
            return ValueCodec.super.encodeNested(value);
        }

        private static Object nonNull(Object element) {
            if (element == null) {
                throw new IllegalArgumentException("a set stored in DynamoDB cannot contain null");
            }
            return element;
        }

        @Override
        public Object decode(AttributeValue value) {
            Set<Object> out = newSet();
            if (value.hasL() && value.l().isEmpty()) {
                return out; // an empty set nested in a list, map or Optional
            }
            switch (setType) {
                case S -> {
                    if (!value.hasSs()) {
                        throw DecodeException.typeMismatch("SS", value);
                    }
                    value.ss().forEach(s -> out.add(element.decode(AttributeValue.fromS(s))));
                }
                case N -> {
                    if (!value.hasNs()) {
                        throw DecodeException.typeMismatch("NS", value);
                    }
                    value.ns().forEach(n -> out.add(element.decode(AttributeValue.fromN(n))));
                }
                default -> {
                    if (!value.hasBs()) {
                        throw DecodeException.typeMismatch("BS", value);
                    }
                    value.bs().forEach(b -> out.add(element.decode(AttributeValue.fromB(b))));
                }
            }
            return out;
        }

        private Set<Object> newSet() {
            return sorted ? new TreeSet<>() : new LinkedHashSet<>();
        }

        @Override
        public boolean isAbsent(Object value) {
            return ((Collection<?>) value).isEmpty();
        }

        /**
         * A copy of the set when its elements are immutable strings; for numbers, the set of their
         * stored values (1.5 and 1.50 are one number in DynamoDB); otherwise the encoded set.
         */
        @Override
        public Object snapshot(Object value) {
            if (setType == ScalarAttributeType.N) {
                return storedNumbers((Collection<?>) value);
            }
            return element.immutable() ? new HashSet<>((Collection<?>) value) : ValueCodec.super.snapshot(value);
        }

        @Override
        public boolean same(Object snapshot, Object value) {
            if (setType == ScalarAttributeType.N) {
                return snapshot.equals(storedNumbers((Collection<?>) value));
            }
            return element.immutable() ? snapshot.equals(value) : ValueCodec.super.same(snapshot, value);
        }

        private Set<java.math.BigDecimal> storedNumbers(Collection<?> numbers) {
            Set<java.math.BigDecimal> stored = new HashSet<>(numbers.size() * 2);
            for (Object n : numbers) {
                stored.add(new java.math.BigDecimal(element.encode(nonNull(n)).n()).stripTrailingZeros());
            }
            return stored;
        }

        @Override
        public Object restore(Object snapshot) {
            if (setType == ScalarAttributeType.N) {
                Set<Object> out = newSet();
                for (Object n : (Collection<?>) snapshot) {
                    out.add(element.decode(AttributeValue.fromN(((java.math.BigDecimal) n).toPlainString())));
                }
                return out;
            }
            if (!element.immutable()) {
                return ValueCodec.super.restore(snapshot);
            }
            Set<Object> out = newSet();
            out.addAll((Collection<?>) snapshot);
            return out;
        }

        @Override
        public Optional<ValueCodec> elementCodec() {
            return Optional.of(element);
        }

        @Override
        public String dynamoType() {
            return setType + "S";
        }

        @Override
        public boolean immutable() {
            return false;
        }

        @Override
        public Object missingValue() {
            return newSet();
        }
    }

    /** A list stored as L; null elements are stored as NULL. */
    static final class ListCodec implements ValueCodec {
        private final ValueCodec element;
        private final Supplier<List<Object>> factory;

        ListCodec(ValueCodec element, Supplier<List<Object>> factory) {
            this.element = element;
            this.factory = factory;
        }

        /** The codec of the elements. */
        ValueCodec element() {
            return element;
        }

        @Override
        public AttributeValue encode(Object value) {
            Collection<?> list = (Collection<?>) value;
            List<AttributeValue> out = new ArrayList<>(list.size());
            for (Object e : list) {
                out.add(element.encodeNested(e));
            }
            return AttributeValue.fromL(out);
        }

        @Override
        public Object decode(AttributeValue value) {
            if (!value.hasL()) {
                throw DecodeException.typeMismatch("L", value);
            }
            List<Object> out = factory.get();
            List<AttributeValue> stored = value.l();
            for (int i = 0; i < stored.size(); i++) {
                AttributeValue e = stored.get(i);
                try {
                    out.add(Boolean.TRUE.equals(e.nul()) ? element.decodeNull() : element.decode(e));
                } catch (DecodeException failure) {
                    throw failure.atIndex(i);
                }
            }
            return out;
        }

        /**
         * The element snapshots, in order, in a flat {@code Object[]}: one object to reach, and an
         * immutable element is the element itself, so that a clean check compares references.
         */
        @Override
        public Object snapshot(Object value) {
            Object[] snapshot = ((Collection<?>) value).toArray(new Object[0]); // a new Object[]: safe to fill
            for (int i = 0; i < snapshot.length; i++) {
                Object e = snapshot[i];
                if (e != null) {
                    snapshot[i] = element.snapshot(e);
                }
            }
            return snapshot;
        }

        /** Compares element by element, by reference first (an unchanged immutable element is the same object). */
        @Override
        public boolean same(Object snapshot, Object value) {
            Object[] before = (Object[]) snapshot;
            Collection<?> now = (Collection<?>) value;
            if (before.length != now.size()) {
                return false;
            }
            if (now instanceof RandomAccess && now instanceof List<?> list) {
                for (int i = 0; i < before.length; i++) {
                    Object b = before[i];
                    Object e = list.get(i);
                    if (b != e && !sameElement(element, b, e)) {
                        return false;
                    }
                }
                return true;
            }
            int i = 0;
            for (Object e : now) {
                Object b = before[i++];
                if (b != e && !sameElement(element, b, e)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Object restore(Object snapshot) {
            List<Object> out = factory.get();
            for (Object e : (Object[]) snapshot) {
                out.add(e == null ? null : element.restore(e));
            }
            return out;
        }

        @Override
        public Optional<ValueCodec> elementCodec() {
            return Optional.of(element);
        }

        @Override
        public String dynamoType() {
            return "L";
        }

        @Override
        public boolean immutable() {
            return false;
        }
    }

    /** A map with non-empty string keys stored as M; null values are stored as NULL. */
    static final class MapCodec implements ValueCodec {
        private final ValueCodec value;
        private final boolean sorted;

        MapCodec(ValueCodec value, boolean sorted) {
            this.value = value;
            this.sorted = sorted;
        }

        /** The codec of the map's values. */
        ValueCodec valueCodec() {
            return value;
        }

        @Override
        public AttributeValue encode(Object map) {
            Map<?, ?> in = (Map<?, ?>) map;
            Map<String, AttributeValue> out = new LinkedHashMap<>(Math.max(4, in.size() * 2));
            for (Map.Entry<?, ?> e : in.entrySet()) {
                if (e.getKey() == null) {
                    throw new IllegalArgumentException("a map stored in DynamoDB cannot have a null key");
                }
                if (((String) e.getKey()).isEmpty()) {
                    throw new IllegalArgumentException("a map stored in DynamoDB cannot have an empty key "
                            + "(DynamoDB rejects empty attribute names)");
                }
                out.put((String) e.getKey(), value.encodeNested(e.getValue()));
            }
            return AttributeValue.fromM(out);
        }

        @Override
        public Object decode(AttributeValue stored) {
            if (!stored.hasM()) {
                throw DecodeException.typeMismatch("M", stored);
            }
            Map<String, Object> out = sorted ? new TreeMap<>() : new LinkedHashMap<>();
            for (Map.Entry<String, AttributeValue> e : stored.m().entrySet()) {
                AttributeValue v = e.getValue();
                try {
                    out.put(e.getKey(), Boolean.TRUE.equals(v.nul()) ? value.decodeNull() : value.decode(v));
                } catch (DecodeException failure) {
                    throw failure.atKey(e.getKey());
                }
            }
            return out;
        }

        /** The value snapshots by key. */
        @Override
        public Object snapshot(Object map) {
            Map<?, ?> in = (Map<?, ?>) map;
            Map<Object, Object> snapshot = new HashMap<>(Math.max(4, in.size() * 2));
            in.forEach((k, v) -> snapshot.put(k, v == null ? null : value.snapshot(v)));
            return snapshot;
        }

        @Override
        public boolean same(Object snapshot, Object map) {
            Map<?, ?> before = (Map<?, ?>) snapshot;
            Map<?, ?> now = (Map<?, ?>) map;
            if (before.size() != now.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : now.entrySet()) {
                if (!before.containsKey(e.getKey()) || !sameElement(value, before.get(e.getKey()), e.getValue())) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Object restore(Object snapshot) {
            Map<String, Object> out = sorted ? new TreeMap<>() : new LinkedHashMap<>();
            ((Map<?, ?>) snapshot).forEach((k, v) -> out.put((String) k, v == null ? null : value.restore(v)));
            return out;
        }

        @Override
        public String dynamoType() {
            return "M";
        }

        @Override
        public boolean immutable() {
            return false;
        }
    }

    /** An Optional: empty is stored as no attribute, a missing attribute reads as empty. */
    static final class OptionalCodec implements ValueCodec {
        private final ValueCodec inner;

        OptionalCodec(ValueCodec inner) {
            this.inner = inner;
        }

        @Override
        public AttributeValue encode(Object value) {
            Optional<?> optional = (Optional<?>) value;
            if (optional.isEmpty()) {
                return null;
            }
            AttributeValue encoded = inner.encodeNested(optional.get());
            return Boolean.TRUE.equals(encoded.nul()) ? null : encoded;
        }

        @Override
        public Object decode(AttributeValue value) {
            return Optional.ofNullable(inner.decode(value));
        }

        @Override
        public Object decodeNull() {
            return Optional.empty();
        }

        /** The codec of the value inside the Optional. */
        ValueCodec inner() {
            return inner;
        }

        @Override
        public boolean isAbsent(Object value) {
            return ((Optional<?>) value).isEmpty();
        }

        /** An Optional of the inner snapshot. */
        @Override
        public Object snapshot(Object value) {
            return ((Optional<?>) value).map(inner::snapshot);
        }

        @Override
        public boolean same(Object snapshot, Object value) {
            Optional<?> before = (Optional<?>) snapshot;
            Optional<?> now = (Optional<?>) value;
            return before.isEmpty() ? now.isEmpty() : now.isPresent() && inner.same(before.get(), now.get());
        }

        @Override
        public Object restore(Object snapshot) {
            return ((Optional<?>) snapshot).map(inner::restore);
        }

        @Override
        public Optional<ValueCodec> elementCodec() {
            return inner.elementCodec();
        }

        @Override
        public String dynamoType() {
            return inner.dynamoType();
        }

        @Override
        public boolean immutable() {
            return inner.immutable();
        }

        @Override
        public Object missingValue() {
            return Optional.empty();
        }

        @Override
        public Object convert(Object value) {
            return value instanceof Optional<?> ? value : Optional.ofNullable(inner.convert(value));
        }
    }

    /** Adapts a user's {@link AttributeCodec}; its values are compared by their encoded form. */
    static final class UserCodec implements ValueCodec {
        private final AttributeCodec<Object> codec;

        @SuppressWarnings("unchecked")
        UserCodec(AttributeCodec<?> codec) {
            this.codec = (AttributeCodec<Object>) codec;
        }

        @Override
        public AttributeValue encode(Object value) {
            return codec.encode(value);
        }

        @Override
        public Object decode(AttributeValue value) {
            try {
                return codec.decode(value);
            } catch (RuntimeException e) {
                throw new DecodeException(codec.getClass().getName() + " could not decode " + value + ": " + e);
            }
        }

        @Override
        public String dynamoType() {
            return "(" + codec.getClass().getSimpleName() + ")";
        }

        @Override
        public boolean immutable() {
            return false;
        }
    }

    /** Whether an element of a list or map (either may be null) is as its snapshot. */
    static boolean sameElement(ValueCodec codec, Object snapshot, Object value) {
        return snapshot == null ? value == null : value != null && codec.same(snapshot, value);
    }

    static final AttributeValue NULL = AttributeValue.fromNul(true);
    static final AttributeValue EMPTY_LIST = AttributeValue.fromL(List.of());
}
