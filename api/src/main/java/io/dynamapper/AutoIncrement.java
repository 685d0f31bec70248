package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a numeric {@link HashKey} ({@code int}, {@code long}, their boxes, {@code BigInteger}) whose
 * value is allocated by {@link Session#save} when it is unset (0 or null).
 *
 * <p>Keys come from an atomic counter kept in the entity's own table, in the item whose hash key is
 * {@code 0} (and, if the table has a range key, whose range key is {@code 0}, the string
 * {@code "_sequence"} or the single byte {@code 0}), attribute {@code _sequence}. Allocated keys
 * start at 1 and 0 means "unset", so no entity ever has the counter's key. Reads of the entity
 * class skip the counter item ({@code find(type, 0)} is empty; queries and scans do not return it),
 * but raw SDK scans of the table see it; do not delete it, or keys start again at 1.
 *
 * <p>Each {@code SessionFactory} takes {@link #blockSize()} keys at a time with one
 * {@code UpdateItem ... ADD} (a hi/lo or "pooled" allocator): {@code blockSize} inserts cost one
 * counter update. Factories, threads and processes never receive the same key, because each block
 * comes from one atomic increment. Keys are unique but not contiguous: a block that is not used up
 * when its factory is discarded, and a key whose session rolls back or is closed without commit,
 * leave gaps that are never filled.
 *
 * <pre>{@code
 * @Table("doom_player")
 * public class Player {
 *     @HashKey @AutoIncrement(blockSize = 50) long id;   // 1, 2, 3, ... assigned at save
 *     String name;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface AutoIncrement {
    /**
     * How many keys one counter update reserves for a factory; at least 1. Larger blocks mean fewer
     * counter updates and larger gaps when a factory stops.
     *
     * @return the number of keys reserved at a time
     */
    int blockSize() default 1;
}
