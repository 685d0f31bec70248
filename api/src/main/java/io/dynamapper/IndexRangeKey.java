package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the sort key of a secondary index named by {@link #value()}.
 *
 * <p>A local secondary index is declared by an {@code @IndexRangeKey} alone: its hash key is the
 * table's hash key.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface IndexRangeKey {
    /**
     * The index name, or several index names.
     *
     * @return the index names
     */
    String[] value();
}
