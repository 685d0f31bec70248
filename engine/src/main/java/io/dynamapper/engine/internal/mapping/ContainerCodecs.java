package io.dynamapper.engine.internal.mapping;

import io.dynamapper.AttributeCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * sets: an empty set is stored as no attribute and a missing attribute reads as an empty set.
     */
    static final class SetCodec implements ValueCodec {
        private final ValueCodec element;
        private final ScalarAttributeType setType;
        private final boolean sorted;

        SetCodec(ValueCodec element, ScalarAttributeType setType, boolean sorted) {
            this.element = element;
            this.setType = setType;
            this.sorted = sorted;
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
                    for (Object e : set) {
                        out.add(element.encode(nonNull(e)).s());
                    }
                    return AttributeValue.fromSs(out);
                }
                case N -> {
                    List<String> out = new ArrayList<>(set.size());
                    for (Object e : set) {
                        out.add(element.encode(nonNull(e)).n());
                    }
                    return AttributeValue.fromNs(out);
                }
                default -> {
                    List<SdkBytes> out = new ArrayList<>(set.size());
                    for (Object e : set) {
                        out.add(element.encode(nonNull(e)).b());
                    }
                    return AttributeValue.fromBs(out);
                }
            }
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

        @Override
        public AttributeValue encode(Object value) {
            Collection<?> list = (Collection<?>) value;
            List<AttributeValue> out = new ArrayList<>(list.size());
            for (Object e : list) {
                AttributeValue encoded = e == null ? null : element.encode(e);
                out.add(encoded == null ? NULL : encoded);
            }
            return AttributeValue.fromL(out);
        }

        @Override
        public Object decode(AttributeValue value) {
            if (!value.hasL()) {
                throw DecodeException.typeMismatch("L", value);
            }
            List<Object> out = factory.get();
            for (AttributeValue e : value.l()) {
                out.add(Boolean.TRUE.equals(e.nul()) ? null : element.decode(e));
            }
            return out;
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

    /** A map with string keys stored as M; null values are stored as NULL. */
    static final class MapCodec implements ValueCodec {
        private final ValueCodec value;
        private final boolean sorted;

        MapCodec(ValueCodec value, boolean sorted) {
            this.value = value;
            this.sorted = sorted;
        }

        @Override
        public AttributeValue encode(Object map) {
            Map<?, ?> in = (Map<?, ?>) map;
            Map<String, AttributeValue> out = new LinkedHashMap<>(Math.max(4, in.size() * 2));
            for (Map.Entry<?, ?> e : in.entrySet()) {
                if (e.getKey() == null) {
                    throw new IllegalArgumentException("a map stored in DynamoDB cannot have a null key");
                }
                AttributeValue encoded = e.getValue() == null ? null : value.encode(e.getValue());
                out.put((String) e.getKey(), encoded == null ? NULL : encoded);
            }
            return AttributeValue.fromM(out);
        }

        @Override
        public Object decode(AttributeValue stored) {
            if (!stored.hasM()) {
                throw DecodeException.typeMismatch("M", stored);
            }
            Map<String, Object> out = sorted ? new TreeMap<>() : new LinkedHashMap<>();
            stored.m().forEach((k, v) -> out.put(k, Boolean.TRUE.equals(v.nul()) ? null : value.decode(v)));
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
            return optional.isEmpty() ? null : inner.encode(optional.get());
        }

        @Override
        public Object decode(AttributeValue value) {
            return Optional.ofNullable(inner.decode(value));
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
            return value instanceof Optional<?> ? value : inner.convert(value);
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

    static final AttributeValue NULL = AttributeValue.fromNul(true);
}
