package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema version of an entity class, for lazy migrations. Items are stored with the version in
 * the attribute {@link #attribute()}; an item without it is version 1. When an item of an older
 * version is read, the class's static {@link Migrate} methods lift it one version at a time, from
 * the item's version up to {@link #value()}, and the result is decoded. The entity is then dirty:
 * the next commit of the session writes it back, with the new version, under its usual condition
 * (a session that does not commit writes nothing).
 *
 * <pre>{@code
 * @Table("doom_map") @SchemaVersion(2)
 * public class DoomMap {
 *     ...
 *     @Migrate(from = 1)
 *     static Map<String, AttributeValue> titleToName(Map<String, AttributeValue> item) {
 *         Map<String, AttributeValue> lifted = new HashMap<>(item);
 *         lifted.put("name", lifted.remove("title"));
 *         return lifted;
 *     }
 * }
 * }</pre>
 *
 * <p>The model of the class is rejected with a {@link MappingException} if a step from some
 * version {@code k < value()} is missing. Reading an item whose version is newer than
 * {@link #value()} is a {@link MappingException} naming the class, key and both versions.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SchemaVersion {
    /**
     * The current schema version of the class; at least 1.
     *
     * @return the version new and migrated items are stored with
     */
    int value();

    /**
     * The attribute holding an item's schema version; it must not be the attribute of a field.
     *
     * @return the attribute name, {@code "_schema"} by default
     */
    String attribute() default "_schema";
}
