package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as an entity stored in the DynamoDB table named by {@link #value()}.
 *
 * <p>An entity has exactly one {@link HashKey}, at most one {@link RangeKey} and at most one
 * {@link Version}. Mutable classes need a no-argument constructor (any visibility); records are
 * built through their canonical constructor. Every non-{@code static}, non-{@code transient} field
 * (or record component) not marked {@link Ignore} is persisted.
 *
 * <pre>{@code
 * @Table("doom_map")
 * public class DoomMap {
 *     @HashKey long episode;
 *     @RangeKey int map;
 *     String name;
 *     @Version Long version;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
public @interface Table {
    /**
     * The table name; DynamoDB requires 3 to 255 characters of {@code [a-zA-Z0-9_.-]}.
     *
     * @return the table name
     */
    String value();
}
