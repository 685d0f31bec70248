package io.dynamapper.engine.internal.mapping;

import static java.util.Objects.requireNonNull;

import io.dynamapper.AttributeCodec;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entity models of one session factory, built on first use and kept for the factory's life,
 * with the codecs registered for the factory ({@code Dynamapper.builder().codec(...)}). Two
 * factories with different codecs for the same type map the same class differently; the models of
 * a registry without codecs are those of {@link #DEFAULT}, shared by every such factory.
 * Thread-safe; a lookup of a known class is one concurrent-map read, without reflection.
 */
public final class ModelRegistry {
    /** The registry without registered codecs. */
    public static final ModelRegistry DEFAULT = new ModelRegistry(Map.of());

    private final Map<Class<?>, AttributeCodec<?>> codecs;
    private final ConcurrentHashMap<Class<?>, EntityModel<?>> models = new ConcurrentHashMap<>();

    private ModelRegistry(Map<Class<?>, AttributeCodec<?>> codecs) {
        this.codecs = Map.copyOf(codecs);
    }

    /**
     * The registry of a factory with these codecs: {@link #DEFAULT} if there are none.
     *
     * @param codecs the codec of each registered type; checked by {@link #checkCodecType}
     * @return the registry
     * @throws IllegalArgumentException if a type cannot have a registered codec
     */
    public static ModelRegistry of(Map<Class<?>, AttributeCodec<?>> codecs) {
        requireNonNull(codecs, "codecs == null");
        if (codecs.isEmpty()) {
            return DEFAULT;
        }
        codecs.forEach((type, codec) -> {
            checkCodecType(type);
            requireNonNull(codec, "codec == null");
        });
        return new ModelRegistry(codecs);
    }

    /**
     * Checks that values of {@code type} can be stored by a registered codec: not a primitive (its
     * wrapper is registered instead and applies to both), an array other than {@code byte[]}, a
     * collection, a map or an {@code Optional}, whose codecs are composed from their elements'.
     *
     * @param type the type
     * @throws IllegalArgumentException if it cannot
     */
    public static void checkCodecType(Class<?> type) {
        requireNonNull(type, "type == null");
        if (type.isPrimitive() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || type == Optional.class || (type.isArray() && type != byte[].class)) {
            throw new IllegalArgumentException("cannot register a codec for " + type.getTypeName() + ": "
                    + (type.isPrimitive() ? "register it for its wrapper class, which covers both"
                    : "collections, maps, Optional and arrays are stored through their elements' codecs; "
                    + "register a codec for the element type, or put @Codec on the field"));
        }
    }

    /** The codec registered for exactly {@code type} (a primitive finds its wrapper's), if any. */
    Optional<AttributeCodec<?>> codec(Class<?> type) {
        if (codecs.isEmpty()) {
            return Optional.empty();
        }
        Class<?> boxed = type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
        return Optional.ofNullable(codecs.get(boxed));
    }

    /**
     * The model of an entity class in this registry, built on first use.
     *
     * @param type the entity class
     * @param <T> the entity class
     * @return its model
     * @throws NullPointerException if {@code type} is null
     * @throws io.dynamapper.MappingException if the class is not a valid entity; the message names
     *     class and field
     */
    @SuppressWarnings("unchecked")
    public <T> EntityModel<T> model(Class<T> type) {
        requireNonNull(type, "type == null");
        EntityModel<?> model = models.get(type);
        if (model == null) {
            // built outside the map: a polymorphic base's model builds its subtypes' models, and a
            // ConcurrentHashMap cannot compute a key while computing another. A model built twice by
            // racing threads is equal; the first stored is the one every caller gets.
            EntityModel<?> built = new EntityModel<>(type, this);
            model = models.putIfAbsent(type, built);
            if (model == null) {
                model = built;
            }
        }
        return (EntityModel<T>) model;
    }

    @Override
    public String toString() {
        return "ModelRegistry(" + models.size() + " models, codecs for " + codecs.keySet() + ")";
    }
}
