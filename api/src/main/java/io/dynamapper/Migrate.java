package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method of a {@link SchemaVersion} entity class that lifts a stored item from
 * version {@link #from()} to {@code from() + 1}. The method takes and returns the raw item, a
 * {@code Map<String, AttributeValue>} (its argument may be unmodifiable: return a new map), of any
 * visibility. It must not change the item's key. Attributes it leaves out are removed from the
 * stored item when the migrated entity is written back.
 *
 * <p>A class with {@code @SchemaVersion(n)} needs exactly one method for each {@code from} in
 * {@code 1 .. n-1}; anything else is a {@link MappingException} when the class is first used.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Migrate {
    /**
     * The version the method migrates from; at least 1.
     *
     * @return the source version
     */
    int from();
}
