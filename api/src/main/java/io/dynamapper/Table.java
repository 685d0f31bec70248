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
 * (or record component) not marked {@link Ignore} is persisted. On a sealed interface or an abstract
 * class with a {@link KeyTemplate}, it makes a polymorphic entity whose subtypes share the table
 * (see {@link KeyTemplate}).
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
 *
 * <h2>Optimistic locking</h2>
 * Every update and delete of a managed entity is conditional, so that no concurrent change is lost
 * silently and no write brings back an item someone else deleted: on the {@link Version} for
 * versioned entities; for an entity without {@code @Version}, on the item existing and on every
 * attribute the update changes still holding the value (or absence) it was read with. A failed
 * condition is an {@link OptimisticLockException} naming the attributes that differed.
 *
 * <p>A table where the last writer should simply win (caches, projections, idempotent imports)
 * opts out with {@code @Table(value = "name", optimisticLocking = false)}: then updates and deletes
 * of its entities carry no condition (a new entity is still put only if no item has its key). The
 * opt-out cannot be combined with a {@code @Version} field.
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

    /**
     * Whether updates and deletes of an entity without {@link Version} are conditional on the item
     * existing and on the values they change (the default), or unconditional: last writer wins.
     * Must stay {@code true} for an entity with a {@code @Version} field.
     *
     * @return whether unversioned writes are guarded
     */
    boolean optimisticLocking() default true;
}
