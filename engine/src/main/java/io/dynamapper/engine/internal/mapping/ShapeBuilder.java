package io.dynamapper.engine.internal.mapping;

import io.dynamapper.Attribute;
import io.dynamapper.AttributeCodec;
import io.dynamapper.Codec;
import io.dynamapper.Default;
import io.dynamapper.Ignore;
import io.dynamapper.MappingException;
import io.dynamapper.Table;
import io.dynamapper.Ttl;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the {@link ClassShape} of an entity and of the classes nested in it, resolving a codec for
 * every field type. One builder per entity model; it handles classes that refer to themselves.
 */
final class ShapeBuilder {
    private final Map<Class<?>, ObjectCodec> nested = new HashMap<>();
    private final ModelRegistry registry;

    /** A builder resolving types through the codecs registered in {@code registry} first. */
    ShapeBuilder(ModelRegistry registry) {
        this.registry = registry;
    }

    ClassShape shape(Class<?> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isEnum() || type.isArray()
                || type.isPrimitive()) {
            throw new MappingException("Cannot map " + type.getName() + ": an entity or nested object must be a "
                    + "concrete class or a record");
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            throw new MappingException("Cannot map " + type.getName() + ": an inner class needs its outer instance; "
                    + "declare it static");
        }
        return type.isRecord() ? recordShape(type) : classShape(type);
    }

    private ClassShape classShape(Class<?> type) {
        Constructor<?> noArgs;
        try {
            noArgs = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new MappingException("Cannot map " + type.getName() + ": a mutable entity class needs a "
                    + "no-argument constructor (any visibility); add one, or make it a record");
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<Field> own = new ArrayList<>();
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic() && !f.isAnnotationPresent(Ignore.class)) {
                    own.add(f);
                }
            }
            fields.addAll(0, own); // superclass fields first
        }
        List<PropertyModel> properties = new ArrayList<>();
        List<AnnotatedElement> elements = new ArrayList<>();
        Map<String, String> attributes = new HashMap<>();
        for (Field f : fields) {
            if (Modifier.isFinal(f.getModifiers())) {
                throw new MappingException("Cannot map field " + type.getSimpleName() + "." + f.getName()
                        + ": it is final, so it cannot be set when an item is read; make it non-final, mark it "
                        + "@Ignore or transient, or make " + type.getSimpleName() + " a record");
            }
            String attribute = attributeName(type, f.getName(), f);
            checkUnique(type, attributes, attribute, f.getName());
            ValueCodec codec = fieldCodec(type, f.getName(), f.getGenericType(), f);
            properties.add(new PropertyModel(type, f.getName(), attribute, f.getType(), f.getGenericType(), codec,
                    Accessors.accessible(f), defaultSupplier(type, f.getName(), f.getType(), f), properties.size()));
            elements.add(f);
        }
        ClassShape shape = new ClassShape(type, false, properties, elements, Accessors.accessible(noArgs), null, null, null);
        return shape;
    }

    private ClassShape recordShape(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Method[] getters = new Method[components.length];
        int[] componentToProperty = new int[components.length];
        List<PropertyModel> properties = new ArrayList<>();
        List<AnnotatedElement> elements = new ArrayList<>();
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            getters[i] = Accessors.accessible(c.getAccessor());
            if (c.isAnnotationPresent(Ignore.class)) {
                componentToProperty[i] = -1;
                continue;
            }
            String attribute = attributeName(type, c.getName(), c);
            checkUnique(type, attributes, attribute, c.getName());
            ValueCodec codec = fieldCodec(type, c.getName(), c.getGenericType(), c);
            componentToProperty[i] = properties.size();
            properties.add(new PropertyModel(type, c.getName(), attribute, c.getType(), c.getGenericType(), codec,
                    getters[i], defaultSupplier(type, c.getName(), c.getType(), c), properties.size()));
            elements.add(c);
        }
        Constructor<?> canonical;
        try {
            canonical = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new MappingException("Cannot map record " + type.getName() + ": it has no canonical constructor "
                    + "taking its components in declaration order", e);
        }
        return new ClassShape(type, true, properties, elements, Accessors.accessible(canonical), componentToProperty,
                types, getters);
    }

    private static String attributeName(Class<?> owner, String fieldName, AnnotatedElement element) {
        Attribute renamed = element.getAnnotation(Attribute.class);
        if (renamed == null) {
            return fieldName;
        }
        if (renamed.value().isEmpty()) {
            throw new MappingException("Field " + owner.getSimpleName() + "." + fieldName + " has an empty @Attribute name");
        }
        return renamed.value();
    }

    private static void checkUnique(Class<?> owner, Map<String, String> attributes, String attribute, String field) {
        String other = attributes.putIfAbsent(attribute, field);
        if (other != null) {
            throw new MappingException("Fields " + owner.getSimpleName() + "." + other + " and " + owner.getSimpleName()
                    + "." + field + " are both stored as attribute '" + attribute + "'; rename one with @Attribute");
        }
    }

    private static Method defaultSupplier(Class<?> owner, String field, Class<?> fieldType, AnnotatedElement element) {
        Default annotation = element.getAnnotation(Default.class);
        if (annotation == null) {
            return null;
        }
        Method method;
        try {
            method = owner.getDeclaredMethod(annotation.value());
        } catch (NoSuchMethodException e) {
            throw new MappingException("@Default(\"" + annotation.value() + "\") on " + owner.getSimpleName() + "." + field
                    + ": " + owner.getSimpleName() + " has no method " + annotation.value() + "() without parameters");
        }
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new MappingException("@Default(\"" + annotation.value() + "\") on " + owner.getSimpleName() + "." + field
                    + ": the method must be static");
        }
        if (!box(fieldType).isAssignableFrom(box(method.getReturnType()))) {
            throw new MappingException("@Default(\"" + annotation.value() + "\") on " + owner.getSimpleName() + "." + field
                    + ": the method returns " + method.getReturnType().getName() + ", not " + fieldType.getName());
        }
        return Accessors.accessible(method);
    }

    private static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
    }

    private ValueCodec fieldCodec(Class<?> owner, String field, Type type, AnnotatedElement element) {
        Codec custom = element.getAnnotation(Codec.class);
        if (custom != null) {
            return new ContainerCodecs.UserCodec(instantiate(owner, field, custom.value()));
        }
        if (element.isAnnotationPresent(Ttl.class) && type == Instant.class) {
            return ScalarCodecs.epochSecondsInstant();
        }
        try {
            return codec(type);
        } catch (Unsupported e) {
            throw new MappingException("Cannot map field " + owner.getSimpleName() + "." + field + " of type "
                    + type.getTypeName() + ": " + e.getMessage() + "; give it an @Codec, or mark it @Ignore");
        }
    }

    private static AttributeCodec<?> instantiate(Class<?> owner, String field, Class<? extends AttributeCodec<?>> type) {
        try {
            Constructor<? extends AttributeCodec<?>> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingException("@Codec(" + type.getSimpleName() + ".class) on " + owner.getSimpleName() + "."
                    + field + ": cannot create the codec; it needs a no-argument constructor", e);
        }
    }

    /** Resolves the codec of a (possibly generic) type. */
    ValueCodec codec(Type type) {
        if (type instanceof Class<?> c) {
            return classCodec(c);
        }
        if (type instanceof ParameterizedType p) {
            return parameterizedCodec(p);
        }
        if (type instanceof WildcardType w && w.getLowerBounds().length == 0) {
            return codec(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> || type instanceof GenericArrayType || type instanceof WildcardType) {
            throw new Unsupported("type " + type.getTypeName() + " is not concrete");
        }
        throw new Unsupported("unsupported type " + type.getTypeName());
    }

    private ValueCodec classCodec(Class<?> c) {
        Optional<AttributeCodec<?>> registered = registry.codec(c);
        if (registered.isPresent()) {
            return new ContainerCodecs.UserCodec(registered.get());
        }
        Optional<ValueCodec> scalar = ScalarCodecs.forClass(c);
        if (scalar.isPresent()) {
            return scalar.get();
        }
        if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c) || c == Optional.class) {
            throw new Unsupported("raw type " + c.getSimpleName() + ": declare its element type, e.g. "
                    + c.getSimpleName() + "<String>");
        }
        if (c.isArray()) {
            throw new Unsupported("arrays other than byte[] are not supported; use a List");
        }
        String pkg = c.getPackageName();
        if (c.isPrimitive() || c == Object.class || pkg.startsWith("java.") || pkg.startsWith("javax.")
                || pkg.startsWith("jdk.") || pkg.startsWith("sun.") || c.isInterface()
                || Modifier.isAbstract(c.getModifiers())) {
            throw new Unsupported("unsupported type " + c.getName());
        }
        if (c.isAnnotationPresent(Table.class)) {
            throw new Unsupported(c.getSimpleName() + " is an entity with its own table; store its key instead");
        }
        ObjectCodec known = nested.get(c);
        if (known != null) {
            return known;
        }
        ObjectCodec codec = new ObjectCodec();
        nested.put(c, codec);
        try {
            codec.shape(shape(c));
        } catch (MappingException e) {
            nested.remove(c);
            throw new Unsupported("nested " + c.getSimpleName() + " cannot be mapped: " + e.getMessage());
        }
        return codec;
    }

    private ValueCodec parameterizedCodec(ParameterizedType p) {
        Class<?> raw = (Class<?>) p.getRawType();
        Type[] args = p.getActualTypeArguments();
        if (raw == Optional.class) {
            return new ContainerCodecs.OptionalCodec(codec(args[0]));
        }
        if (raw == Set.class || raw == HashSet.class || raw == LinkedHashSet.class || raw == SortedSet.class
                || raw == NavigableSet.class || raw == TreeSet.class) {
            ValueCodec element = codec(args[0]);
            var keyType = element.keyType().orElseThrow(() -> new Unsupported("a DynamoDB set holds strings, numbers "
                    + "or binary, not " + args[0].getTypeName() + "; use a List"));
            boolean sorted = raw == SortedSet.class || raw == NavigableSet.class || raw == TreeSet.class;
            return new ContainerCodecs.SetCodec(element, keyType, sorted);
        }
        if (raw == List.class || raw == Collection.class || raw == ArrayList.class) {
            return new ContainerCodecs.ListCodec(codec(args[0]), ArrayList::new);
        }
        if (raw == LinkedList.class) {
            return new ContainerCodecs.ListCodec(codec(args[0]), LinkedList::new);
        }
        if (raw == Map.class || raw == HashMap.class || raw == LinkedHashMap.class || raw == SortedMap.class
                || raw == NavigableMap.class || raw == TreeMap.class) {
            if (args[0] != String.class) {
                throw new Unsupported("map keys must be String (DynamoDB map keys are strings), not "
                        + args[0].getTypeName());
            }
            boolean sorted = raw == SortedMap.class || raw == NavigableMap.class || raw == TreeMap.class;
            return new ContainerCodecs.MapCodec(codec(args[1]), sorted);
        }
        throw new Unsupported("unsupported type " + p.getTypeName());
    }

    /** Why a type cannot be mapped; turned into a MappingException naming the field. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message, null, false, false);
        }
    }
}
