package io.dynamapper.engine.internal.mapping;

import io.dynamapper.DynamapperException;
import io.dynamapper.Key;
import io.dynamapper.MappingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key conversion of one entity class: the key attributes of an entity, of an item and of the key
 * values a caller gives, with the checks DynamoDB would make of them (no null, empty string or empty
 * binary key), and keys as Java values for messages. Built by its {@link EntityModel} and reached
 * through {@link EntityModel#keys()}; immutable and thread-safe.
 *
 * @param <T> the entity class
 */
public final class KeyConverter<T> {
    private final EntityModel<T> model;
    private final Class<T> type;
    private final String tableName;
    private final PropertyModel hashKey;
    private final PropertyModel rangeKey; // null without a range key
    private final List<KeyTemplateModel> templates; // hash (and range) template; empty without @KeyTemplate
    private final List<PropertyModel> templateFields; // the fields of the templates, hash template first
    private final PropertyModel[] indexKeys; // key properties of indexes that are not table keys

    KeyConverter(EntityModel<T> model) {
        this.model = model;
        this.type = model.type();
        this.tableName = model.tableName();
        this.hashKey = model.hashKey();
        this.rangeKey = model.rangeKey().orElse(null);
        List<KeyTemplateModel> own = new ArrayList<>(2);
        model.hashTemplate().ifPresent(own::add);
        model.rangeTemplate().ifPresent(own::add);
        this.templates = List.copyOf(own);
        this.templateFields = model.keyTemplateFields();
        Set<PropertyModel> keys = new LinkedHashSet<>();
        for (IndexModel index : model.indexes()) {
            keys.add(index.hashKey());
            index.rangeKey().ifPresent(keys::add);
        }
        keys.remove(hashKey);
        keys.remove(rangeKey);
        this.indexKeys = keys.toArray(new PropertyModel[0]);
    }

    /**
     * The key attributes of an entity given to save or delete.
     *
     * @param entity the entity
     * @return its key attributes, hash key first
     * @throws IllegalArgumentException if a key field is null or empty
     */
    public Map<String, AttributeValue> keyOf(T entity) {
        Map<String, AttributeValue> key = new LinkedHashMap<>(4);
        if (!templates.isEmpty()) {
            putTemplateKeys(key, entity, true);
            return key;
        }
        AttributeValue h = hashKey.encode(hashKey.read(entity));
        checkKeyValue(hashKey, h, entity, true);
        key.put(hashKey.attributeName(), h);
        if (rangeKey != null) {
            AttributeValue r = rangeKey.encode(rangeKey.read(entity));
            checkKeyValue(rangeKey, r, entity, true);
            key.put(rangeKey.attributeName(), r);
        }
        return key;
    }

    /**
     * Puts the key attributes composed by the key templates into an item.
     *
     * @param argument whether the entity is a caller's argument ({@link IllegalArgumentException}) or
     *     being written ({@link DynamapperException})
     */
    void putTemplateKeys(Map<String, AttributeValue> item, T entity, boolean argument) {
        for (KeyTemplateModel template : templates) {
            Optional<PropertyModel> missing = template.nullField(entity);
            if (missing.isPresent()) {
                String message = "Key template field " + missing.get().describe() + " is null in " + describe(entity)
                        + "; the key \"" + template.template() + "\" needs a value for every field";
                throw argument ? new IllegalArgumentException(message) : new DynamapperException(message);
            }
            AttributeValue value = AttributeValue.fromS(template.compose(entity));
            checkKeyValue(template.property(), value, entity, argument);
            item.put(template.attributeName(), value);
        }
    }

    /**
     * Checks the table and index keys of an entity's full item before it is written.
     *
     * @throws DynamapperException if a table key is missing, or a key is an empty string or binary
     */
    void checkItemKeys(Map<String, AttributeValue> item, T entity) {
        checkKeyValue(hashKey, item.get(hashKey.attributeName()), entity, false);
        if (rangeKey != null) {
            checkKeyValue(rangeKey, item.get(rangeKey.attributeName()), entity, false);
        }
        for (PropertyModel key : indexKeys) {
            AttributeValue value = item.get(key.attributeName());
            if (value != null) { // a missing index key leaves the item out of the index (a sparse index)
                checkKeyValue(key, value, entity, false);
            }
        }
    }

    /**
     * The item of a key given as the key template's field values in order (hash template first):
     * the key attributes and the fields' own attributes, from which {@link EntityModel#fromItem}
     * builds an entity with only its key fields set.
     *
     * @param values the values of the key template fields, in order
     * @return the key attributes and the fields' attributes
     * @throws IllegalStateException if the class has no key template
     * @throws NullPointerException if a value is null
     * @throws IllegalArgumentException if the count is not the number of template fields, or a value
     *     cannot be its field's type
     */
    public Map<String, AttributeValue> templateKeyItem(List<?> values) {
        if (templates.isEmpty()) {
            throw new IllegalStateException(type.getName() + " has no @KeyTemplate");
        }
        List<PropertyModel> fields = templateFields;
        if (values.size() != fields.size()) {
            throw new IllegalArgumentException(type.getSimpleName() + " (table '" + tableName + "') has key template "
                    + "fields " + fields.stream().map(PropertyModel::fieldName).toList() + ", but " + values.size()
                    + " value(s) were given: " + values + "; pass the values of these fields in this order");
        }
        Map<String, Object> byField = new HashMap<>();
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            PropertyModel p = fields.get(i);
            Object value = Objects.requireNonNull(values.get(i), "value of key template field " + p.describe() + " == null");
            byField.put(p.fieldName(), value);
            item.put(p.attributeName(), model.convertValue(p, value));
        }
        for (KeyTemplateModel template : templates) {
            List<Object> own = new ArrayList<>();
            for (PropertyModel p : template.fields()) {
                own.add(byField.get(p.fieldName()));
            }
            AttributeValue value = AttributeValue.fromS(template.composeValues(own, false));
            checkKeyValue(template.property(), value, null, true);
            item.put(template.attributeName(), value);
        }
        return item;
    }

    /**
     * The table key attributes of an item.
     *
     * @param item a stored item, or any map holding the key attributes
     * @return the hash key attribute and, if the table has one, the range key attribute
     */
    public Map<String, AttributeValue> keyAttributes(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>(4);
        key.put(hashKey.attributeName(), item.get(hashKey.attributeName()));
        if (rangeKey != null) {
            key.put(rangeKey.attributeName(), item.get(rangeKey.attributeName()));
        }
        return key;
    }

    /**
     * The key of an entity as Java values, for messages and exceptions.
     *
     * @param entity the entity
     * @return its key; a null key field shows as {@code <null>}
     */
    public Key keyValue(T entity) {
        Object h = orMissing(hashKey.read(entity));
        return rangeKey == null ? Key.of(h) : Key.of(h, orMissing(rangeKey.read(entity)));
    }

    /**
     * The key of an item (or of a key map) as Java values, for messages and exceptions.
     *
     * @param item a stored item or key map
     * @return its key; a missing attribute shows as {@code <missing>}, one that does not decode as its text
     */
    public Key keyValue(Map<String, AttributeValue> item) {
        Object h = decodeKeyPart(hashKey, item);
        return rangeKey == null ? Key.of(h) : Key.of(h, decodeKeyPart(rangeKey, item));
    }

    private static Object orMissing(Object keyPart) {
        return keyPart == null ? "<null>" : keyPart;
    }

    private static Object decodeKeyPart(PropertyModel key, Map<String, AttributeValue> item) {
        AttributeValue value = item.get(key.attributeName());
        if (value == null) {
            return "<missing>";
        }
        try {
            return key.codec().decode(value);
        } catch (DecodeException e) {
            return DecodeException.abbreviate(value);
        }
    }

    /**
     * Converts key values given by a caller to the key attributes of this entity's table: numbers
     * of any {@code Number} type that fit the key field, otherwise values of the key field's type.
     * For a class with a key template, the values are the template fields' values in order, hash
     * template first; a {@code List} in either argument stands for several consecutive values, so
     * that keys of three or more fields fit ({@code key("alice", List.of(created, "o1"))}).
     *
     * @param hashValue the hash key value
     * @param rangeValue the range key value, or null for a hash-only table
     * @return the key attributes, hash key first
     * @throws NullPointerException if the hash key is null
     * @throws IllegalArgumentException if a key is missing, extra, empty or of the wrong type
     */
    public Map<String, AttributeValue> key(Object hashValue, Object rangeValue) {
        if (!templates.isEmpty()) { // the template fields' values in order; a List stands for several of them
            Objects.requireNonNull(hashValue, "hash key == null");
            List<Object> values = new ArrayList<>(4);
            addTemplateValues(values, hashValue);
            if (rangeValue != null) {
                addTemplateValues(values, rangeValue);
            }
            return keyAttributes(templateKeyItem(values));
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>(4);
        key.put(hashKey.attributeName(), convertKey(hashKey, hashValue, "hash key"));
        if (rangeKey == null) {
            if (rangeValue != null) {
                throw new IllegalArgumentException(type.getSimpleName() + " (table '" + tableName + "') has no range key, "
                        + "but range key " + rangeValue + " was given; use the hash key alone");
            }
        } else {
            if (rangeValue == null) {
                throw new IllegalArgumentException(type.getSimpleName() + " (table '" + tableName + "') has range key "
                        + rangeKey.fieldName() + ", but none was given; pass both hash and range key");
            }
            key.put(rangeKey.attributeName(), convertKey(rangeKey, rangeValue, "range key"));
        }
        return key;
    }

    /** A template field is never a List (it could not be formatted): a List holds consecutive field values. */
    private static void addTemplateValues(List<Object> values, Object part) {
        if (part instanceof List<?> several) {
            values.addAll(several);
        } else {
            values.add(part);
        }
    }

    /**
     * The key attributes for a public {@link Key}.
     *
     * @param key the key
     * @return the key attributes, hash key first
     * @throws NullPointerException if the key is null
     * @throws IllegalArgumentException as {@link #key(Object, Object)}
     */
    public Map<String, AttributeValue> key(Key key) {
        Objects.requireNonNull(key, "key == null");
        return key(key.hashKey(), key.rangeKey().orElse(null));
    }

    /**
     * Converts a caller's value for a key property (of the table or an index) and encodes it.
     *
     * @param key the key property
     * @param value the caller's value
     * @param role what the value is, for messages: "hash key", "range key"
     * @return the encoded value
     * @throws NullPointerException if the value is null
     * @throws IllegalArgumentException if the value is empty or cannot be the property's type
     */
    public AttributeValue convertKey(PropertyModel key, Object value, String role) {
        if (value == null) {
            throw new NullPointerException(role + " == null (" + key.describe() + ")");
        }
        Object converted;
        try {
            converted = key.codec().convert(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(role + " " + key.describe() + " is a "
                    + key.javaType().getSimpleName() + ": " + e.getMessage(), e);
        }
        AttributeValue encoded = key.encode(converted);
        checkKeyValue(key, encoded, null, true);
        return encoded;
    }

    /**
     * Checks a value an update writes (or null, if it removes the attribute) for a property that is
     * the key of a secondary index: it must not be an empty string or binary. A removed index key
     * leaves the item out of the index (a sparse index).
     *
     * @param property the property written
     * @param value its encoded value, or null if the update removes it
     * @param entity the entity written, for the message
     * @throws MappingException naming class, field and value, if DynamoDB would reject it
     */
    public void checkIndexKey(PropertyModel property, AttributeValue value, T entity) {
        if (value == null) {
            return;
        }
        for (PropertyModel key : indexKeys) {
            if (key == property) {
                String problem = value.s() != null && value.s().isEmpty() ? "is an empty string"
                        : value.b() != null && value.b().asByteBuffer().remaining() == 0 ? "is empty binary" : null;
                if (problem != null) {
                    throw new MappingException("Index key field " + key.describe() + " " + problem + " in "
                            + describe(entity) + "; DynamoDB rejects empty index keys. Set a value, or null to leave "
                            + "the item out of the index. Nothing was sent.");
                }
                return;
            }
        }
    }

    /**
     * @param argument whether the value comes from a caller's argument (a key value, or the entity
     *     given to save or delete): {@link IllegalArgumentException}; otherwise (an entity being
     *     written) {@link DynamapperException}
     */
    private void checkKeyValue(PropertyModel key, AttributeValue value, T entity, boolean argument) {
        String problem = null;
        if (value == null) {
            problem = "is null";
        } else if (value.s() != null && value.s().isEmpty()) {
            problem = "is an empty string";
        } else if (value.b() != null && value.b().asByteBuffer().remaining() == 0) {
            problem = "is empty binary";
        }
        if (problem != null) {
            String message = "Key field " + key.describe() + " " + problem
                    + (entity == null ? "" : " in " + describe(entity))
                    + "; DynamoDB keys must have a non-empty value";
            throw argument ? new IllegalArgumentException(message) : new DynamapperException(message);
        }
    }

    /** The entity's own toString() if its class has one (records do), else the values of its other keys. */
    private String describe(T entity) {
        try {
            if (entity.getClass().getMethod("toString").getDeclaringClass() != Object.class) {
                return String.valueOf(entity);
            }
        } catch (NoSuchMethodException | RuntimeException e) {
            // fall through to the key values
        }
        StringBuilder keys = new StringBuilder(type.getSimpleName()).append(" with ");
        keys.append(hashKey.fieldName()).append('=').append(hashKey.read(entity));
        if (rangeKey != null) {
            keys.append(", ").append(rangeKey.fieldName()).append('=').append(rangeKey.read(entity));
        }
        return keys.toString();
    }

    @Override
    public String toString() {
        return "KeyConverter[" + type.getName() + "]";
    }
}
