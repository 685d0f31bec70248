package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integral number field ({@code int}, {@code long}, {@code short}, their boxes,
 * {@code BigInteger}) as an atomic counter. A commit writes a change to it as a delta
 * ({@code ADD #f :delta}, where the delta is the new value minus the value read), never as an
 * overwrite, so concurrent sessions' increments add up.
 *
 * <p>A counter does not need the version: an entity whose only changes are counters is written
 * without the {@link Version} condition and without bumping the version, so many sessions can
 * change the same hot item without conflicts. An entity with other changes too keeps its version
 * condition as usual. New entities are put with the counter's value as it is.
 *
 * <p>{@link #min()} and {@link #max()} bound the stored value: the delta carries the condition that
 * keeps it within them (for a decrement of {@code n} with {@code min = 0}, {@code stock >= n}), and
 * a commit that would cross a bound fails as a whole with {@link CounterLimitException}. This is
 * how a shop decrements stock under contention without reading it again and without overselling.
 *
 * <p>After a commit the field holds the value read plus the delta, which is not necessarily what
 * is stored if other sessions changed it too; {@code Session.refresh} (or a new session) shows the
 * stored value.
 *
 * <pre>{@code
 * @Table("shop_stock")
 * public class Stock {
 *     @HashKey String sku;
 *     @Counter(min = 0) long available;
 *     @Counter long sold;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Counter {
    /**
     * The smallest value the stored counter may take; {@link Long#MIN_VALUE} (the default) means no bound.
     *
     * @return the lower bound
     */
    long min() default Long.MIN_VALUE;

    /**
     * The largest value the stored counter may take; {@link Long#MAX_VALUE} (the default) means no bound.
     *
     * @return the upper bound
     */
    long max() default Long.MAX_VALUE;
}
