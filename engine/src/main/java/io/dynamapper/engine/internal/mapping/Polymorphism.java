package io.dynamapper.engine.internal.mapping;

import io.dynamapper.Cached;
import io.dynamapper.IndexTemplate;
import io.dynamapper.IndexTemplates;
import io.dynamapper.KeyTemplate;
import io.dynamapper.MappingException;
import io.dynamapper.SchemaVersion;
import io.dynamapper.Subtypes;
import io.dynamapper.Table;
import io.dynamapper.TypeName;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A polymorphic entity: an interface or abstract class annotated with {@link Table} and
 * {@link KeyTemplate} (and optionally {@link IndexTemplate}), whose concrete subtypes (records or
 * classes) are stored in its table, each under its own {@link TypeName}.
 *
 * <p>The rules, checked when a model is built:
 * <ul>
 *   <li>The subtypes of a {@code sealed} base are those it permits, recursively (an abstract
 *       permitted subtype is expanded, a concrete one is a subtype even if it permits more); a base
 *       that is not sealed lists them with {@link Subtypes}. A concrete class extending or
 *       implementing the base that is not listed cannot be mapped.</li>
 *   <li>A subtype takes {@code @Table}, {@code @KeyTemplate}, {@code @IndexTemplate} and
 *       {@code @Cached} from its base and may not declare them itself; it has its own
 *       {@code @TypeName}, {@code @SchemaVersion}, {@code @Version}, {@code @Counter} and fields.</li>
 *   <li>Every field a template of the base names is a field of every subtype (the subtype's model
 *       fails otherwise, naming subtype and field), of the same type (boxed) and attribute name in
 *       each, so that one set of key values composes one key whatever the subtype.</li>
 *   <li>The base's own model reads: it composes keys from the template fields, narrows reads to
 *       its subtypes' type names, and decodes each item with the model of the subtype its type
 *       attribute names. Its properties, for filters, are the fields every subtype has with the same
 *       attribute and type.</li>
 * </ul>
 */
final class Polymorphism {
    /** The annotations of a property of a base: none (a base has no version, counters or generated keys). */
    private static final AnnotatedElement PLAIN = new AnnotatedElement() {
        @Override
        public <A extends Annotation> A getAnnotation(Class<A> annotationClass) {
            return null;
        }

        @Override
        public Annotation[] getAnnotations() {
            return new Annotation[0];
        }

        @Override
        public Annotation[] getDeclaredAnnotations() {
            return new Annotation[0];
        }
    };
    private static final List<Class<? extends Annotation>> BASE_ONLY = List.of(Table.class, KeyTemplate.class,
            IndexTemplate.class, IndexTemplates.class, Cached.class);

    private final List<EntityModel<?>> subtypes;
    private final Map<String, EntityModel<?>> byTypeName;
    private final ClassShape shape;

    private Polymorphism(List<EntityModel<?>> subtypes, Map<String, EntityModel<?>> byTypeName, ClassShape shape) {
        this.subtypes = List.copyOf(subtypes);
        this.byTypeName = Collections.unmodifiableMap(byTypeName);
        this.shape = shape;
    }

    /** Whether {@code type} is an interface or abstract class with {@code @Table}: a polymorphic base. */
    static boolean isBase(Class<?> type) {
        return isAbstract(type) && type.isAnnotationPresent(Table.class);
    }

    /** Whether {@code type} is an interface (not an annotation) or an abstract class. */
    static boolean isAbstract(Class<?> type) {
        return type.isInterface() && !type.isAnnotation() || !type.isInterface()
                && Modifier.isAbstract(type.getModifiers()) && !type.isArray() && !type.isPrimitive();
    }

    /**
     * The class whose {@code @Table}, {@code @KeyTemplate} and {@code @IndexTemplate} describe the
     * items of {@code type}: its polymorphic base if it has one, else itself.
     *
     * @throws MappingException if {@code type} has several bases, declares what only its base may,
     *     or is not listed among its base's subtypes
     */
    static Class<?> annotationSource(Class<?> type) {
        if (isBase(type)) {
            return type;
        }
        Set<Class<?>> bases = new LinkedHashSet<>();
        collectBases(type, bases, new HashSet<>());
        if (bases.isEmpty()) {
            return type;
        }
        if (bases.size() > 1) {
            throw new MappingException(type.getName() + " extends or implements several polymorphic entities "
                    + names(bases) + "; an entity is stored in one table: keep @Table on one of them");
        }
        Class<?> base = bases.iterator().next();
        for (Class<? extends Annotation> a : BASE_ONLY) {
            if (type.isAnnotationPresent(a)) {
                throw new MappingException(type.getName() + " is a subtype of polymorphic entity " + base.getName()
                        + " and declares its own @" + a.getSimpleName() + "; a subtype is stored in its base's table "
                        + "with its base's keys, indexes and cache: declare @" + a.getSimpleName() + " on "
                        + base.getSimpleName() + " only");
            }
        }
        List<Class<?>> leaves = subtypesOf(base);
        // an abstract subtype (a sealed sub-interface) reads its own subtypes, all of which the base must list
        for (Class<?> subtype : isAbstract(type) ? subtypesOf(type) : List.of(type)) {
            if (!leaves.contains(subtype)) {
                throw new MappingException(subtype.getName() + " is a subtype of polymorphic entity " + base.getName()
                        + ", which does not list it (its subtypes: " + names(leaves) + "); "
                        + (base.isSealed() ? "add it to the permits clause of " + base.getSimpleName()
                        : "add it to @Subtypes on " + base.getSimpleName()));
            }
        }
        Map<String, Class<?>> typeNames = new LinkedHashMap<>(); // checked here too: a subtype may be used alone
        for (Class<?> leaf : leaves) {
            TypeName name = leaf.getAnnotation(TypeName.class);
            Class<?> other = typeNames.putIfAbsent(name == null ? leaf.getSimpleName() : name.value(), leaf);
            if (other != null) {
                throw new MappingException("Subtypes " + other.getName() + " and " + leaf.getName() + " of "
                        + base.getName() + " have the same type name '" + (name == null ? leaf.getSimpleName()
                        : name.value()) + "'; give one of them another @TypeName");
            }
        }
        return base;
    }

    private static void collectBases(Class<?> type, Set<Class<?>> bases, Set<Class<?>> seen) {
        List<Class<?>> supers = new ArrayList<>(List.of(type.getInterfaces()));
        if (type.getSuperclass() != null) {
            supers.add(0, type.getSuperclass());
        }
        for (Class<?> s : supers) {
            if (seen.add(s)) {
                if (isBase(s)) {
                    bases.add(s);
                }
                collectBases(s, bases, seen);
            }
        }
    }

    /**
     * The concrete subtypes of a base, in the order the base names them (depth first).
     *
     * @throws MappingException if an abstract type on the way is neither sealed nor lists its subtypes,
     *     or a listed class is not a subtype
     */
    static List<Class<?>> subtypesOf(Class<?> base) {
        List<Class<?>> leaves = new ArrayList<>();
        addSubtypes(base, base, leaves, new HashSet<>());
        return leaves;
    }

    private static void addSubtypes(Class<?> base, Class<?> c, List<Class<?>> leaves, Set<Class<?>> seen) {
        if (!seen.add(c)) {
            return;
        }
        if (!base.isAssignableFrom(c)) {
            throw new MappingException("@Subtypes of polymorphic entity " + base.getName() + " lists " + c.getName()
                    + ", which neither extends nor implements " + base.getSimpleName() + "; list its subtypes only");
        }
        boolean concrete = !c.isInterface() && !Modifier.isAbstract(c.getModifiers());
        if (concrete) {
            leaves.add(c);
        }
        Subtypes listed = c.getAnnotation(Subtypes.class);
        if (c.isSealed()) {
            if (listed != null) {
                throw new MappingException("@Subtypes on " + c.getName() + ": it is sealed, so its subtypes are those it "
                        + "permits; remove @Subtypes");
            }
            for (Class<?> permitted : c.getPermittedSubclasses()) {
                addSubtypes(base, permitted, leaves, seen);
            }
        } else if (listed != null) {
            for (Class<?> sub : listed.value()) {
                addSubtypes(base, sub, leaves, seen);
            }
        } else if (!concrete) {
            throw new MappingException((c == base ? "Polymorphic entity " + base.getName() + " (an interface or abstract "
                    + "class with @Table)" : c.getName() + ", a subtype of polymorphic entity " + base.getName() + ",")
                    + " names no subtypes: make " + c.getSimpleName() + " sealed (permits ...), or list its subtypes "
                    + "with @Subtypes({...})");
        }
    }

    /**
     * The polymorphism of a base, or of an abstract subtype of one (a sealed sub-interface, which
     * reads only its own subtypes): its subtypes' models (built through {@code registry}) and the
     * shape of the fields they share.
     *
     * @param type the base, or an abstract subtype of {@code root}
     * @param root the base, whose annotations describe the table
     * @throws MappingException if the base lacks a key template, declares what belongs to its
     *     subtypes, has no subtypes, or two subtypes disagree on a type name or a template field
     */
    static Polymorphism of(Class<?> type, Class<?> root, ModelRegistry registry) {
        Class<?> base = type;
        if (!root.isAnnotationPresent(KeyTemplate.class)) {
            throw new MappingException(root.getName() + " is an interface or abstract class with @Table: a polymorphic "
                    + "entity needs a @KeyTemplate, whose type attribute tells its subtypes apart; add "
                    + "@KeyTemplate(hash = ..., range = ...), or make " + root.getSimpleName() + " a concrete class");
        }
        for (Class<? extends Annotation> a : List.of(TypeName.class, SchemaVersion.class)) {
            if (base.isAnnotationPresent(a)) {
                throw new MappingException("@" + a.getSimpleName() + " on polymorphic entity " + base.getName()
                        + ": items are always of one of its subtypes; put @" + a.getSimpleName() + " on the subtypes");
            }
        }
        List<Class<?>> leaves = subtypesOf(base);
        if (leaves.isEmpty()) {
            throw new MappingException("Polymorphic entity " + base.getName() + " has no concrete subtype; add a record "
                    + "or class that " + (base.isInterface() ? "implements" : "extends") + " it");
        }
        List<EntityModel<?>> models = new ArrayList<>(leaves.size());
        Map<String, EntityModel<?>> byTypeName = new LinkedHashMap<>();
        for (Class<?> leaf : leaves) {
            EntityModel<?> model = registry.model(leaf);
            EntityModel<?> other = byTypeName.putIfAbsent(model.typeName().orElseThrow(), model);
            if (other != null) {
                throw new MappingException("Subtypes " + other.type().getName() + " and " + leaf.getName() + " of "
                        + base.getName() + " have the same type name '" + model.typeName().orElseThrow()
                        + "'; give one of them another @TypeName");
            }
            models.add(model);
        }
        EntityModel<?> first = models.get(0);
        for (String field : templateFields(root)) {
            PropertyModel expected = first.property(field).orElseThrow();
            for (EntityModel<?> model : models) {
                PropertyModel p = model.property(field).orElseThrow(); // each subtype's model checked it has the field
                if (box(p.javaType()) != box(expected.javaType()) || !p.attributeName().equals(expected.attributeName())) {
                    throw new MappingException("Field '" + field + "', which the templates of polymorphic entity "
                            + base.getName() + " use, is " + describe(expected) + " but " + describe(p)
                            + "; every subtype needs it with the same type and attribute name, so that one key value "
                            + "composes one key");
                }
            }
        }
        List<PropertyModel> common = new ArrayList<>();
        for (PropertyModel p : first.properties()) {
            if (models.stream().allMatch(m -> m.property(p.fieldName()).filter(q -> same(p, q)).isPresent())) {
                common.add(p);
            }
        }
        ClassShape shape = new ClassShape(base, false, common, Collections.nCopies(common.size(), PLAIN), null, null,
                null, null);
        return new Polymorphism(models, byTypeName, shape);
    }

    private static boolean same(PropertyModel a, PropertyModel b) {
        return a.attributeName().equals(b.attributeName()) && (a.genericType().equals(b.genericType())
                || a.javaType().isPrimitive() != b.javaType().isPrimitive() && box(a.javaType()) == box(b.javaType()));
    }

    private static String describe(PropertyModel p) {
        return p.describe() + " (a " + p.javaType().getSimpleName() + " in attribute '" + p.attributeName() + "')";
    }

    /** The field names every template of the base uses. */
    private static Set<String> templateFields(Class<?> base) {
        List<String> templates = new ArrayList<>();
        KeyTemplate key = base.getAnnotation(KeyTemplate.class);
        templates.add(key.hash());
        templates.add(key.range());
        for (IndexTemplate index : base.getAnnotationsByType(IndexTemplate.class)) {
            templates.add(index.hash());
            templates.add(index.range());
        }
        Set<String> fields = new LinkedHashSet<>();
        // compiled here, once per polymorphic base, not when the class loads: every entity model loads
        // this class, and a regular expression's classes cost a test JVM milliseconds at start-up
        Pattern field = Pattern.compile("\\{([^{}]*)}");
        for (String template : templates) {
            Matcher m = field.matcher(template);
            while (m.find()) {
                fields.add(m.group(1));
            }
        }
        return fields;
    }

    private static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
    }

    private static String names(java.util.Collection<Class<?>> types) {
        return types.stream().map(Class::getSimpleName).toList().toString();
    }

    /** The shape of the base: the fields every subtype has alike; it builds no instances. */
    ClassShape shape() {
        return shape;
    }

    /** The models of the concrete subtypes. */
    List<EntityModel<?>> subtypes() {
        return subtypes;
    }

    /** The model of the subtype with this type name, or null. */
    EntityModel<?> subtype(String typeName) {
        return byTypeName.get(typeName);
    }

    /** The type names of the subtypes, in subtype order. */
    Set<String> typeNames() {
        return byTypeName.keySet();
    }
}
