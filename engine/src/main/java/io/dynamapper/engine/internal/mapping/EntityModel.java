package io.dynamapper.engine.internal.mapping;

import io.dynamapper.AutoIncrement;
import io.dynamapper.AutoUuid;
import io.dynamapper.Counter;
import io.dynamapper.DynamapperException;
import io.dynamapper.HashKey;
import io.dynamapper.IndexHashKey;
import io.dynamapper.IndexTemplate;
import io.dynamapper.IndexRangeKey;
import io.dynamapper.KeyTemplate;
import io.dynamapper.MappingException;
import io.dynamapper.RangeKey;
import io.dynamapper.Table;
import io.dynamapper.Ttl;
import io.dynamapper.TypeName;
import io.dynamapper.Version;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Everything the engine knows about one entity class: table, keys, version, time to live, indexes,
 * and how to convert instances to items and back. Built once per class ({@link #of(Class)}) and
 * cached; immutable and thread-safe. No reflection happens after it is built.
 *
 * @param <T> the entity class
 */
public final class EntityModel<T> {
    private static final Set<Class<?>> VERSION_TYPES = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, BigInteger.class);

    private final Class<T> type;
    private final String tableName;
    private final ClassShape shape;
    private final PropertyModel hashKey;
    private final PropertyModel rangeKey;
    private final PropertyModel version;
    private final PropertyModel ttl;
    private final List<IndexModel> indexes;
    private final boolean optimisticLocking;
    private final long maxVersion;
    private final KeyTemplateModel hashTemplate; // null without @KeyTemplate
    private final KeyTemplateModel rangeTemplate; // null without @KeyTemplate or without a range template
    private final String typeAttribute; // null without @KeyTemplate
    private final String typeName; // null without @KeyTemplate
    private final Set<PropertyModel> keyTemplateFields;
    private final List<KeyTemplateModel> indexTemplates; // hash and range templates of @IndexTemplate indexes
    private final Migrations migrations; // null without @SchemaVersion
    private final PropertyModel autoIncrement;
    private final int blockSize;
    private final List<PropertyModel> autoUuids;
    private final List<CounterModel> counters;
    private final Class<?> annotatedType; // the class with @Table: this one, or its polymorphic base
    private final Polymorphism polymorphism; // null unless the class is a polymorphic base
    private final KeyConverter<T> keys;
    private final DirtyChecker<T> dirty;

    /**
     * The model of an entity class with the built-in codecs only ({@link ModelRegistry#DEFAULT}),
     * built on first use and cached. A session factory with registered codecs has its own models:
     * use its {@link ModelRegistry}.
     *
     * @throws MappingException if the class is not a valid entity; the message names class and field
     */
    public static <T> EntityModel<T> of(Class<T> type) {
        Objects.requireNonNull(type, "type == null");
        return ModelRegistry.DEFAULT.model(type);
    }

    EntityModel(Class<T> type, ModelRegistry registry) {
        this.type = type;
        this.annotatedType = Polymorphism.annotationSource(type);
        Table table = annotatedType.getAnnotation(Table.class);
        if (table == null) {
            throw new MappingException("Class " + type.getName() + " is not an entity: annotate it with "
                    + "@Table(\"table_name\")");
        }
        if (!isTableName(table.value())) {
            throw new MappingException("@Table(\"" + table.value() + "\") on " + type.getName() + ": a DynamoDB table "
                    + "name has 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'");
        }
        this.tableName = table.value();
        this.optimisticLocking = table.optimisticLocking();
        this.polymorphism = Polymorphism.isAbstract(type) ? Polymorphism.of(type, annotatedType, registry) : null;
        this.shape = polymorphism != null ? polymorphism.shape() : new ShapeBuilder(registry).shape(type);
        KeyTemplate keyTemplate = annotatedType.getAnnotation(KeyTemplate.class);
        TypeName typeNameAnnotation = type.getAnnotation(TypeName.class);
        String from = annotatedType == type ? "" : " of " + annotatedType.getSimpleName();
        if (keyTemplate != null) {
            PropertyModel h = single(HashKey.class, false);
            PropertyModel r = single(RangeKey.class, false);
            if (h != null || r != null) {
                throw new MappingException(type.getName() + " has a @KeyTemplate and a @"
                        + (h != null ? "HashKey field " + h.fieldName() : "RangeKey field " + r.fieldName())
                        + "; the template composes the key: remove the @HashKey/@RangeKey annotation");
            }
            this.hashTemplate = KeyTemplateModel.parse(type, "@KeyTemplate(hash)" + from, keyTemplate.hash(),
                    keyTemplate.hashAttribute(), shape);
            this.rangeTemplate = keyTemplate.range().isEmpty() ? null : KeyTemplateModel.parse(type,
                    "@KeyTemplate(range)" + from, keyTemplate.range(), keyTemplate.rangeAttribute(), shape);
            this.typeAttribute = keyTemplate.typeAttribute();
            this.typeName = typeNameAnnotation == null ? type.getSimpleName() : typeNameAnnotation.value();
            if (typeName.isEmpty()) {
                throw new MappingException("@TypeName(\"\") on " + type.getName() + ": a type name must not be empty");
            }
            java.util.Set<String> reserved = new java.util.LinkedHashSet<>();
            reserved.add(keyTemplate.hashAttribute());
            if (rangeTemplate != null && !reserved.add(keyTemplate.rangeAttribute())) {
                throw new MappingException("@KeyTemplate on " + type.getName() + " names the same attribute '"
                        + keyTemplate.rangeAttribute() + "' for hash and range key; give them different names");
            }
            if (typeAttribute.isEmpty() || !reserved.add(typeAttribute)) {
                throw new MappingException("@KeyTemplate(typeAttribute = \"" + typeAttribute + "\") on " + type.getName()
                        + " must be non-empty and differ from the key attributes " + reserved);
            }
            for (PropertyModel p : shape.properties()) {
                if (reserved.contains(p.attributeName())) {
                    throw new MappingException("Field " + p.describe() + " is stored as attribute '" + p.attributeName()
                            + "', which @KeyTemplate of " + type.getName() + " uses for the key or type attribute "
                            + reserved + "; rename the field's attribute with @Attribute, or the template's attribute");
                }
            }
            java.util.Set<PropertyModel> fields = new java.util.LinkedHashSet<>(hashTemplate.fields());
            if (rangeTemplate != null) {
                fields.addAll(rangeTemplate.fields());
            }
            this.keyTemplateFields = java.util.Collections.unmodifiableSet(fields);
            this.hashKey = hashTemplate.property();
            this.rangeKey = rangeTemplate == null ? null : rangeTemplate.property();
        } else {
            if (typeNameAnnotation != null) {
                throw new MappingException("@TypeName on " + type.getName() + " needs a @KeyTemplate: the type "
                        + "attribute is written for classes that share a table through key templates");
            }
            this.hashTemplate = null;
            this.rangeTemplate = null;
            this.typeAttribute = null;
            this.typeName = null;
            this.keyTemplateFields = Set.of();
            this.hashKey = single(HashKey.class, true);
            this.rangeKey = single(RangeKey.class, false);
        }
        this.version = single(Version.class, false);
        this.ttl = single(Ttl.class, false);
        checkKey(hashKey, "@HashKey");
        if (rangeKey != null) {
            checkKey(rangeKey, "@RangeKey");
            if (rangeKey == hashKey) {
                throw new MappingException("Field " + hashKey.describe() + " cannot be both @HashKey and @RangeKey");
            }
        }
        if (version != null) {
            if (!VERSION_TYPES.contains(version.javaType())) {
                throw new MappingException("@Version field " + version.describe() + " is a "
                        + version.javaType().getSimpleName() + "; a version must be an integral number: int, long, "
                        + "Integer, Long (or short, BigInteger)");
            }
            if (version == hashKey || version == rangeKey || keyTemplateFields.contains(version)) {
                throw new MappingException("@Version field " + version.describe() + " cannot be a key");
            }
            if (!optimisticLocking) {
                throw new MappingException("@Table(value = \"" + tableName + "\", optimisticLocking = false) on "
                        + type.getName() + " contradicts its @Version field " + version.fieldName()
                        + ": remove optimisticLocking = false, or the @Version field for last-writer-wins writes");
            }
        }
        this.maxVersion = version == null ? 0 : maxVersion(version.javaType());
        if (ttl != null && !Set.of(long.class, Long.class, Instant.class).contains(ttl.javaType())) {
            throw new MappingException("@Ttl field " + ttl.describe() + " is a " + ttl.javaType().getSimpleName()
                    + "; time to live must be epoch seconds: long, Long or Instant");
        }
        this.indexTemplates = new ArrayList<>();
        List<IndexModel> allIndexes = new ArrayList<>(buildIndexes());
        // getAnnotationsByType parses the repeatable annotation's meta-annotations even when there is none
        // (~15 ms in a fresh JVM): look the annotation and its container up first
        IndexTemplate[] indexTemplateAnnotations = annotatedType.getAnnotation(IndexTemplate.class) == null
                && annotatedType.getAnnotation(io.dynamapper.IndexTemplates.class) == null
                ? new IndexTemplate[0] : annotatedType.getAnnotationsByType(IndexTemplate.class);
        if (indexTemplateAnnotations.length > 0 && hashTemplate == null) {
            throw new MappingException("@IndexTemplate on " + type.getName() + " needs a @KeyTemplate on the class; "
                    + "use @IndexHashKey/@IndexRangeKey fields for a class with @HashKey");
        }
        for (IndexTemplate it : indexTemplateAnnotations) {
            String role = "@IndexTemplate(index = \"" + it.index() + "\"";
            if (it.index().length() < 3) {
                throw new MappingException(role + ") on " + type.getName() + ": an index name has at least 3 characters");
            }
            if (allIndexes.stream().anyMatch(i -> i.name().equals(it.index()))) {
                throw new MappingException(type.getName() + " declares index '" + it.index() + "' twice");
            }
            KeyTemplateModel h = KeyTemplateModel.parse(type, role + ", hash)", it.hash(),
                    it.hashAttribute().isEmpty() ? it.index() + "_pk" : it.hashAttribute(), shape);
            KeyTemplateModel r = it.range().isEmpty() ? null : KeyTemplateModel.parse(type, role + ", range)",
                    it.range(), it.rangeAttribute().isEmpty() ? it.index() + "_sk" : it.rangeAttribute(), shape);
            for (KeyTemplateModel t : r == null ? List.of(h) : List.of(h, r)) {
                if (shape.properties().stream().anyMatch(p -> p.attributeName().equals(t.attributeName()))
                        || t.attributeName().equals(typeAttribute) || t.attributeName().equals(hashKey.attributeName())
                        || rangeKey != null && t.attributeName().equals(rangeKey.attributeName())) {
                    throw new MappingException(role + ") on " + type.getName() + ": its key attribute '"
                            + t.attributeName() + "' is already an attribute of the class; name another one");
                }
                indexTemplates.add(t);
            }
            allIndexes.add(new IndexModel(it.index(), h.property(), Optional.ofNullable(r).map(KeyTemplateModel::property),
                    false));
        }
        this.indexes = List.copyOf(allIndexes);
        this.migrations = Migrations.of(type);
        if (migrations != null) {
            for (PropertyModel p : shape.properties()) {
                if (p.attributeName().equals(migrations.attribute())) {
                    throw new MappingException("Field " + p.describe() + " is stored in attribute '" + p.attributeName()
                            + "', which @SchemaVersion uses for the schema version; rename one of them "
                            + "(@SchemaVersion(value = n, attribute = \"...\"))");
                }
            }
        }
        this.autoIncrement = single(AutoIncrement.class, false);
        if (autoIncrement != null) {
            if (keyTemplateFields.contains(autoIncrement)) {
                throw new MappingException("@AutoIncrement field " + autoIncrement.describe() + " is a field of the "
                        + "@KeyTemplate; its counter item needs a numeric key attribute of its own, which a key template "
                        + "table does not have: use @AutoUuid (a String or UUID field) for a generated template field");
            }
            if (autoIncrement != hashKey || !Set.of(int.class, Integer.class, long.class, Long.class, BigInteger.class)
                    .contains(autoIncrement.javaType())) {
                throw new MappingException("@AutoIncrement field " + autoIncrement.describe() + " must be the @HashKey "
                        + "and an int, long, Integer, Long or BigInteger");
            }
            this.blockSize = elementOf(autoIncrement).getAnnotation(AutoIncrement.class).blockSize();
            if (blockSize < 1) {
                throw new MappingException("@AutoIncrement(blockSize = " + blockSize + ") on " + autoIncrement.describe()
                        + ": a block holds at least 1 key");
            }
        } else {
            this.blockSize = 0;
        }
        List<PropertyModel> uuids = new ArrayList<>(2);
        for (int i = 0; i < shape.properties().size(); i++) {
            if (shape.elements().get(i).isAnnotationPresent(AutoUuid.class)) {
                PropertyModel p = shape.properties().get(i);
                if ((p != hashKey && p != rangeKey && !keyTemplateFields.contains(p))
                        || (p.javaType() != UUID.class && p.javaType() != String.class)) {
                    throw new MappingException("@AutoUuid field " + p.describe() + " must be the @HashKey or @RangeKey "
                            + "(or a field of the @KeyTemplate) and a UUID or String");
                }
                if (p == autoIncrement) {
                    throw new MappingException("Field " + p.describe() + " cannot be both @AutoIncrement and @AutoUuid");
                }
                uuids.add(p);
            }
        }
        this.autoUuids = List.copyOf(uuids);
        List<CounterModel> counterList = new ArrayList<>(2);
        for (int i = 0; i < shape.properties().size(); i++) {
            Counter counter = shape.elements().get(i).getAnnotation(Counter.class);
            if (counter != null) {
                PropertyModel p = shape.properties().get(i);
                if (p == hashKey || p == rangeKey || p == version || !Set.of(int.class, Integer.class, long.class,
                        Long.class, short.class, Short.class, BigInteger.class).contains(p.javaType())) {
                    throw new MappingException("@Counter field " + p.describe() + " must be an integral number "
                            + "(int, long, short, their boxes or BigInteger) and neither a key nor the @Version");
                }
                if (counter.min() > counter.max()) {
                    throw new MappingException("@Counter(min = " + counter.min() + ", max = " + counter.max() + ") on "
                            + p.describe() + ": min is greater than max");
                }
                counterList.add(new CounterModel(p, counter.min(), counter.max()));
            }
        }
        this.counters = List.copyOf(counterList);
        if (shape.isRecord() && (autoIncrement != null || !autoUuids.isEmpty())) {
            throw new MappingException(type.getName() + " is a record with a generated key (@AutoIncrement or @AutoUuid)"
                    + "; save cannot set a record's key, so generate it when you create the record "
                    + "(e.g. a UUID from a factory method) or use a class");
        }
        this.keys = new KeyConverter<>(this);
        List<PropertyModel> compared = new ArrayList<>(shape.properties()); // every property but the version
        compared.remove(version);
        this.dirty = new DirtyChecker<>(type, shape.isRecord(), compared, indexTemplates, keys);
    }

    private AnnotatedElement elementOf(PropertyModel property) {
        return shape.elements().get(shape.properties().indexOf(property));
    }

    private PropertyModel single(Class<? extends Annotation> annotation, boolean required) {
        PropertyModel found = null;
        for (int i = 0; i < shape.properties().size(); i++) {
            if (shape.elements().get(i).isAnnotationPresent(annotation)) {
                if (found != null) {
                    throw new MappingException(type.getName() + " has two @" + annotation.getSimpleName() + " fields, "
                            + found.fieldName() + " and " + shape.properties().get(i).fieldName() + "; it may have one");
                }
                found = shape.properties().get(i);
            }
        }
        if (found == null && required) {
            throw new MappingException(type.getName() + " has no @" + annotation.getSimpleName()
                    + " field; mark the field that holds the partition key");
        }
        return found;
    }

    private void checkKey(PropertyModel key, String role) {
        if (key.codec().keyType().isEmpty() || key.javaType() == Optional.class) {
            throw new MappingException(role + " field " + key.describe() + " is a " + key.genericType().getTypeName()
                    + ", which DynamoDB keys cannot hold; a key is a string (String, UUID, enum, date), "
                    + "a number or binary (byte[], SdkBytes)");
        }
    }

    private List<IndexModel> buildIndexes() {
        Map<String, PropertyModel> hashes = new LinkedHashMap<>();
        Map<String, PropertyModel> ranges = new LinkedHashMap<>();
        for (int i = 0; i < shape.properties().size(); i++) {
            AnnotatedElement element = shape.elements().get(i);
            PropertyModel p = shape.properties().get(i);
            IndexHashKey h = element.getAnnotation(IndexHashKey.class);
            if (h != null) {
                for (String name : h.value()) {
                    addIndexKey(hashes, name, p, "@IndexHashKey");
                }
            }
            IndexRangeKey r = element.getAnnotation(IndexRangeKey.class);
            if (r != null) {
                for (String name : r.value()) {
                    addIndexKey(ranges, name, p, "@IndexRangeKey");
                }
            }
        }
        List<IndexModel> result = new ArrayList<>();
        for (String name : hashes.keySet()) {
            PropertyModel range = ranges.get(name);
            boolean local = hashes.get(name) == hashKey && range != null && range != rangeKey;
            if (local && rangeKey == null) {
                local = false;
            }
            result.add(new IndexModel(name, hashes.get(name), Optional.ofNullable(range), local));
        }
        for (String name : ranges.keySet()) {
            if (!hashes.containsKey(name)) {
                if (rangeKey == null) {
                    throw new MappingException("Index '" + name + "' of " + type.getName() + " has an @IndexRangeKey ("
                            + ranges.get(name).fieldName() + ") but no @IndexHashKey; a local index needs a table with "
                            + "a @RangeKey, so add an @IndexHashKey(\"" + name + "\") to make it a global index");
                }
                if (ranges.get(name) == rangeKey) {
                    throw new MappingException("Local index '" + name + "' of " + type.getName() + " has the table's own "
                            + "range key " + rangeKey.fieldName() + "; a local index needs another range key");
                }
                result.add(new IndexModel(name, hashKey, Optional.of(ranges.get(name)), true));
            }
        }
        return List.copyOf(result);
    }

    private void addIndexKey(Map<String, PropertyModel> keys, String name, PropertyModel p, String role) {
        if (name.length() < 3) {
            throw new MappingException(role + "(\"" + name + "\") on " + p.describe()
                    + ": an index name has at least 3 characters");
        }
        PropertyModel other = keys.putIfAbsent(name, p);
        if (other != null) {
            throw new MappingException("Index '" + name + "' of " + type.getName() + " has two " + role + " fields, "
                    + other.fieldName() + " and " + p.fieldName());
        }
        checkKey(p, role + "(\"" + name + "\")");
    }

    private static long maxVersion(Class<?> type) {
        if (type == short.class || type == Short.class) {
            return Short.MAX_VALUE;
        }
        if (type == int.class || type == Integer.class) {
            return Integer.MAX_VALUE;
        }
        return Long.MAX_VALUE;
    }

    /** The key conversion of this class: key attributes of entities, items and caller's values. */
    public KeyConverter<T> keys() {
        return keys;
    }

    /** The dirty checking of this class: snapshots and comparisons with them. */
    public DirtyChecker<T> dirty() {
        return dirty;
    }

    /** The entity class. */
    public Class<T> type() {
        return type;
    }

    /** The table name from {@code @Table}. */
    public String tableName() {
        return tableName;
    }

    /** Whether the entity is a record (changed by saving a new instance). */
    public boolean isRecord() {
        return shape.isRecord();
    }

    /** The partition key property. */
    public PropertyModel hashKey() {
        return hashKey;
    }

    /** The sort key property, if the table has one. */
    public Optional<PropertyModel> rangeKey() {
        return Optional.ofNullable(rangeKey);
    }

    /** The {@code @Version} property, if any. */
    public Optional<PropertyModel> version() {
        return Optional.ofNullable(version);
    }

    /** The {@code @Ttl} property, if any. */
    public Optional<PropertyModel> ttl() {
        return Optional.ofNullable(ttl);
    }

    /** Secondary indexes, globals and locals. */
    public List<IndexModel> indexes() {
        return indexes;
    }

    /** The index of that name. */
    public Optional<IndexModel> index(String name) {
        return indexes.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** Every persisted property, in declaration order (superclass fields first). */
    public List<PropertyModel> properties() {
        return shape.properties();
    }

    /** The property of a Java field name, if persisted. */
    public Optional<PropertyModel> property(String fieldName) {
        return Optional.ofNullable(shape.property(fieldName));
    }

    /**
     * Resolves a dotted Java field path, e.g. {@code "address.city"}, to the attribute names it is
     * stored under and the codec of its leaf. Steps go through nested objects (by Java field name)
     * and, in a {@code Map<String, T>} field, take the next step as a map key; {@code Optional}s
     * are looked through. Lists have no named steps and end a path.
     *
     * @throws IllegalArgumentException if a step is not a persisted field, or the path continues past a
     *     value that has no named parts; the message lists the fields there are
     */
    public AttributePath resolvePath(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("Empty field path for " + type.getSimpleName());
        }
        return resolvePath(List.of(path.split("\\.", -1)));
    }

    /**
     * Resolves a path given step by step, for map keys that contain dots.
     *
     * @see #resolvePath(String)
     */
    public AttributePath resolvePath(List<String> steps) {
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("Empty field path for " + type.getSimpleName());
        }
        List<String> names = new ArrayList<>(steps.size());
        StringBuilder described = new StringBuilder(type.getSimpleName());
        ClassShape currentShape = shape;
        ValueCodec codec = null;
        PropertyModel property = null;
        java.lang.reflect.Type javaType = type;
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            if (step == null || step.isEmpty()) {
                throw new IllegalArgumentException("Field path " + String.join(".", steps) + " of " + type.getSimpleName()
                        + " has an empty step");
            }
            if (currentShape != null) {
                property = currentShape.property(step);
                if (property == null) {
                    throw new IllegalArgumentException("Field path " + String.join(".", steps) + " of " + type.getSimpleName()
                            + ": " + currentShape.type().getSimpleName() + " has no persisted field '" + step
                            + "'; it has " + currentShape.properties().stream().map(PropertyModel::fieldName).toList()
                            + " (use Java field names, not @Attribute names)");
                }
                names.add(property.attributeName());
                codec = property.codec();
                javaType = property.genericType();
            } else if (codec instanceof ContainerCodecs.MapCodec map) {
                property = null;
                names.add(step);
                codec = map.valueCodec();
                javaType = javaType instanceof java.lang.reflect.ParameterizedType p
                        ? p.getActualTypeArguments()[1] : Object.class;
            } else {
                throw new IllegalArgumentException("Field path " + String.join(".", steps) + " of " + type.getSimpleName()
                        + ": " + described + " is stored as " + codec.dynamoType()
                        + ", which has no named parts to go into");
            }
            described.append('.').append(step);
            while (codec instanceof ContainerCodecs.OptionalCodec optional) {
                codec = optional.inner();
                javaType = javaType instanceof java.lang.reflect.ParameterizedType p
                        ? p.getActualTypeArguments()[0] : Object.class;
            }
            currentShape = codec instanceof ObjectCodec object ? object.shape() : null;
        }
        String typeName = javaType.getTypeName().replace("java.lang.", "").replace("java.util.", "");
        return new AttributePath(names, codec, Optional.ofNullable(property), described + " (" + typeName + ")");
    }

    // ---------------------------------------------------------------- seed capabilities

    /** The {@code @AutoIncrement} hash key, if any. */
    public Optional<PropertyModel> autoIncrement() {
        return Optional.ofNullable(autoIncrement);
    }

    /** The {@code @AutoIncrement} block size; 0 without one. */
    public int autoIncrementBlockSize() {
        return blockSize;
    }

    /**
     * A {@code @Counter} property and its bounds ({@link Long#MIN_VALUE} and {@link Long#MAX_VALUE}
     * mean none).
     *
     * @param property the counter field
     * @param min the smallest value the stored counter may take
     * @param max the largest value the stored counter may take
     */
    public record CounterModel(PropertyModel property, long min, long max) {
        /** Whether the counter has a lower bound. */
        public boolean hasMin() {
            return min != Long.MIN_VALUE;
        }

        /** Whether the counter has an upper bound. */
        public boolean hasMax() {
            return max != Long.MAX_VALUE;
        }
    }

    /** The {@code @Counter} fields, possibly none. */
    public List<CounterModel> counters() {
        return counters;
    }

    /** The {@code @AutoUuid} keys, possibly none. */
    public List<PropertyModel> autoUuids() {
        return autoUuids;
    }

    /** The attribute of the {@code @AutoIncrement} counter in the counter item. */
    public static final String SEQUENCE_ATTRIBUTE = "_sequence";

    /**
     * The key of this table's {@code @AutoIncrement} counter item: hash key 0 and, if the table has a
     * range key, its smallest simple value (0, "_sequence" or the byte 0).
     *
     * @throws IllegalStateException if the class has no {@code @AutoIncrement} key
     */
    public Map<String, AttributeValue> sequenceKey() {
        if (autoIncrement == null) {
            throw new IllegalStateException(type.getName() + " has no @AutoIncrement key");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>(4);
        key.put(hashKey.attributeName(), AttributeValue.fromN("0"));
        if (rangeKey != null) {
            AttributeValue range = switch (keyType(rangeKey)) {
                case N -> AttributeValue.fromN("0");
                case B -> AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[1]));
                default -> AttributeValue.fromS(SEQUENCE_ATTRIBUTE);
            };
            key.put(rangeKey.attributeName(), range);
        }
        return key;
    }

    /** Whether an item of this table is the {@code @AutoIncrement} counter item, which reads skip. */
    public boolean isSequenceItem(Map<String, AttributeValue> item) {
        return autoIncrement != null && item.containsKey(SEQUENCE_ATTRIBUTE)
                && "0".equals(item.get(hashKey.attributeName()).n());
    }

    /**
     * Whether a key property holds no value yet: null, or 0 for a number.
     */
    public boolean keyUnset(PropertyModel key, T entity) {
        Object value = key.read(entity);
        return value == null || (value instanceof Number n && new java.math.BigDecimal(n.toString()).signum() == 0);
    }

    /**
     * Sets a key property of a mutable entity, converting the value to the field's type.
     *
     * @throws DynamapperException if the value does not fit the field
     */
    public void assignKey(PropertyModel key, T entity, Object value) {
        Object converted;
        try {
            converted = key.codec().convert(value);
        } catch (IllegalArgumentException e) {
            throw new DynamapperException("Generated key " + value + " does not fit " + key.describe() + " (a "
                    + key.javaType().getSimpleName() + "): " + e.getMessage());
        }
        shape.with(entity, key, converted);
    }

    /** The schema version of new items ({@code @SchemaVersion}), 0 without one. */
    public int schemaVersion() {
        return migrations == null ? 0 : migrations.current();
    }

    /**
     * The schema version attribute's value of items written now.
     *
     * @throws IllegalStateException if the class has no {@code @SchemaVersion}
     */
    public AttributeValue schemaValue() {
        if (migrations == null) {
            throw new IllegalStateException(type.getName() + " has no @SchemaVersion");
        }
        return migrations.currentValue();
    }

    /** The attribute holding the schema version, if the class has a {@code @SchemaVersion}. */
    public Optional<String> schemaAttribute() {
        return migrations == null ? Optional.empty() : Optional.of(migrations.attribute());
    }

    /**
     * A stored item lifted to the class's schema version by its {@code @Migrate} steps, with the
     * version attribute set; the same instance if it is current (or the class has no schema version).
     *
     * @throws MappingException if the item is newer than the class, a step fails, or a step changed the key
     */
    public Map<String, AttributeValue> migrate(Map<String, AttributeValue> item) {
        if (polymorphism != null) {
            return subtypeModel(item).migrate(item);
        }
        if (migrations == null) {
            return item;
        }
        Map<String, AttributeValue> migrated = migrations.migrate(item, this);
        if (migrated != item) {
            checkSameKey(hashKey, item, migrated);
            if (rangeKey != null) {
                checkSameKey(rangeKey, item, migrated);
            }
        }
        return migrated;
    }

    private void checkSameKey(PropertyModel key, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        if (!java.util.Objects.equals(before.get(key.attributeName()), after.get(key.attributeName()))) {
            throw new MappingException("The @Migrate steps of " + type.getName() + " changed key attribute '"
                    + key.attributeName() + "' of item " + keys.keyValue(before) + " of table '" + tableName
                    + "'; a migration cannot change an item's key");
        }
    }

    /** The key type of a key property. */
    public static ScalarAttributeType keyType(PropertyModel key) {
        return key.codec().keyType().orElseThrow();
    }

    // ---------------------------------------------------------------- items

    /**
     * The full item of an entity: every non-null property.
     *
     * @throws DynamapperException if a table key is null, or a table or index key is an empty string
     *     or binary (DynamoDB rejects both)
     * @throws io.dynamapper.MappingException if a value cannot be stored (a number beyond DynamoDB's
     *     range, duplicate set elements, an empty map key), naming the field
     */
    public Map<String, AttributeValue> toItem(T entity) {
        Map<String, AttributeValue> item = shape.encode(entity);
        if (hashTemplate != null) {
            keys.putTemplateKeys(item, entity, false);
            item.put(typeAttribute, AttributeValue.fromS(typeName));
            for (KeyTemplateModel index : indexTemplates) {
                String composed = index.compose(entity);
                if (composed != null) { // a null field leaves the item out of the index (a sparse index)
                    item.put(index.attributeName(), AttributeValue.fromS(composed));
                }
            }
        }
        if (migrations != null) {
            item.put(migrations.attribute(), migrations.currentValue());
        }
        keys.checkItemKeys(item, entity);
        return item;
    }

    /**
     * Builds an entity from an item, first running the class's migrations ({@link #migrate}).
     *
     * @throws MappingException if an attribute does not fit its field, naming table, key, attribute and
     *     types, or the item cannot be migrated
     */
    public T fromItem(Map<String, AttributeValue> item) {
        return decode(migrate(item));
    }

    /**
     * Builds an entity from an item of the class's current schema version (from {@link #migrate}).
     *
     * @throws MappingException if an attribute does not fit its field, naming table, key, attribute and types
     */
    @SuppressWarnings("unchecked")
    public T decode(Map<String, AttributeValue> item) {
        if (polymorphism != null) {
            return (T) subtypeModel(item).decode(item);
        }
        try {
            return (T) shape.decode(item);
        } catch (DecodeException e) {
            throw new MappingException("Cannot read item " + keys.keyValue(item) + " of table '" + tableName
                    + "': attribute '" + e.path() + "' does not fit field " + e.field() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code name} is a DynamoDB table name: 3 to 255 characters of a-z, A-Z, 0-9, '_', '-'
     * and '.'. Checked by hand, not by a regular expression: building the first entity model should
     * not load the regular expression classes, which a test JVM pays for at start-up.
     */
    static boolean isTableName(String name) {
        if (name.length() < 3 || name.length() > 255) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** Whether the property is a key composed by a key template (its codec takes field values). */
    public boolean isTemplateKey(PropertyModel property) {
        return hashTemplate != null && (property == hashKey || property == rangeKey);
    }

    /** Whether the class composes its key with {@code @KeyTemplate}. */
    public boolean hasKeyTemplate() {
        return hashTemplate != null;
    }

    /** The hash key template, if the class has {@code @KeyTemplate}. */
    public Optional<KeyTemplateModel> hashTemplate() {
        return Optional.ofNullable(hashTemplate);
    }

    /** The range key template, if the class has {@code @KeyTemplate} with a range template. */
    public Optional<KeyTemplateModel> rangeTemplate() {
        return Optional.ofNullable(rangeTemplate);
    }

    /** The type attribute ({@code @KeyTemplate(typeAttribute)}), if the class has {@code @KeyTemplate}. */
    public Optional<String> typeAttribute() {
        return Optional.ofNullable(typeAttribute);
    }

    /**
     * The type name ({@code @TypeName}, else the simple class name), if the class has {@code @KeyTemplate};
     * empty for a polymorphic base, whose items carry its subtypes' names ({@link #typeNames()}).
     */
    public Optional<String> typeName() {
        return Optional.ofNullable(polymorphism == null ? typeName : null);
    }

    /** Whether the property is a field a key template uses (which cannot change on a managed entity). */
    public boolean isKeyTemplateField(PropertyModel property) {
        return keyTemplateFields.contains(property);
    }

    /** The fields of the key templates, hash template first, without repetition: the values a key by values takes. */
    public List<PropertyModel> keyTemplateFields() {
        return List.copyOf(keyTemplateFields);
    }

    /**
     * Whether an item holds this class's type name, or is of a class without a key template.
     *
     * @param item a stored item
     * @return false if the class has a type attribute and the item's differs
     */
    public boolean isOwnType(Map<String, AttributeValue> item) {
        if (typeAttribute == null) {
            return true;
        }
        AttributeValue stored = item.get(typeAttribute);
        return stored != null && (polymorphism == null ? typeName.equals(stored.s())
                : polymorphism.subtype(stored.s()) != null);
    }

    /**
     * The type names a read of this class accepts: its own, or for a polymorphic base those of its
     * subtypes; empty for a class without a key template.
     *
     * @return the type names, in subtype order
     */
    public Set<String> typeNames() {
        return typeAttribute == null ? Set.of() : polymorphism == null ? Set.of(typeName) : polymorphism.typeNames();
    }

    /** Whether the class is a polymorphic base (an interface or abstract class with {@code @Table}). */
    public boolean isPolymorphic() {
        return polymorphism != null;
    }

    /** The models of a polymorphic base's concrete subtypes; this model alone for any other class. */
    public List<EntityModel<? extends T>> subtypes() {
        if (polymorphism == null) {
            return List.of(this);
        }
        @SuppressWarnings("unchecked")
        List<EntityModel<? extends T>> subtypes = (List<EntityModel<? extends T>>) (List<?>) polymorphism.subtypes();
        return subtypes;
    }

    /**
     * The class that carries the {@code @Table} of this class's items: the class itself, or the
     * polymorphic base it extends or implements.
     */
    public Class<?> annotatedType() {
        return annotatedType;
    }

    /**
     * Whether an entity managed under {@code other}'s model may be read through this model: the same
     * model, or this is the polymorphic base of {@code other}'s class.
     */
    public boolean includes(EntityModel<?> other) {
        return other == this || polymorphism != null && polymorphism.subtypes().contains(other);
    }

    /**
     * The model that decodes an item: for a polymorphic base, the subtype's its type attribute names;
     * otherwise this one.
     *
     * @throws MappingException if the item's type is none of the base's subtypes
     */
    @SuppressWarnings("unchecked")
    public EntityModel<? extends T> subtypeModel(Map<String, AttributeValue> item) {
        if (polymorphism == null) {
            return this;
        }
        AttributeValue stored = item.get(typeAttribute);
        EntityModel<?> subtype = stored == null || stored.s() == null ? null : polymorphism.subtype(stored.s());
        if (subtype == null) {
            throw new MappingException("Item " + keys.keyValue(item) + " of table '" + tableName + "' has type "
                    + (stored == null ? "<missing>" : "'" + stored.s() + "'") + " in attribute '" + typeAttribute
                    + "', which is none of the subtypes of " + type.getName() + " " + polymorphism.typeNames()
                    + "; add its class to " + type.getSimpleName() + (type.isSealed() ? "'s permits clause"
                    : "'s @Subtypes") + ", or read it as the class that wrote it");
        }
        return (EntityModel<? extends T>) subtype;
    }

    /**
     * Converts a caller's value for any property (a filter or key condition value) and encodes it.
     *
     * @throws IllegalArgumentException if the value cannot be the property's type
     */
    public AttributeValue convertValue(PropertyModel property, Object value) {
        Object converted;
        try {
            converted = property.codec().convert(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Field " + property.describe() + " is a "
                    + property.genericType().getTypeName() + ": " + e.getMessage(), e);
        }
        return property.encode(converted);
    }

    // ---------------------------------------------------------------- versions

    /** The entity's version, 0 when null or unversioned. */
    public long versionOf(T entity) {
        if (version == null) {
            return 0;
        }
        Object v = version.read(entity);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /**
     * The largest version the {@link #version()} field can hold ({@code Short.MAX_VALUE},
     * {@code Integer.MAX_VALUE} or {@code Long.MAX_VALUE}); 0 if unversioned.
     */
    public long maxVersion() {
        return maxVersion;
    }

    /**
     * Whether updates and deletes of an unversioned entity are conditional on the values it was read
     * with ({@link Table#optimisticLocking()}); always true for versioned entities.
     */
    public boolean optimisticLocking() {
        return optimisticLocking;
    }

    /** The entity with its version set: the same instance for mutable classes, a copy for records. */
    @SuppressWarnings("unchecked")
    public T withVersion(T entity, long newVersion) {
        Object boxed = version.codec().convert(newVersion);
        return (T) shape.with(entity, version, boxed);
    }

    /** The key properties of {@code @IndexTemplate} indexes, composed of fields: what a full update writes too. */
    public List<PropertyModel> indexTemplateProperties() {
        return indexTemplates.stream().map(KeyTemplateModel::property).toList();
    }

    @Override
    public String toString() {
        return "EntityModel[" + type.getName() + " -> " + tableName + "]";
    }
}
