package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the partition key of a secondary index named by {@link #value()}.
 *
 * <p>An index whose hash key is the table's own hash key and that has a different
 * {@link IndexRangeKey} is created as a local secondary index; every other index is global.
 * A field may be the key of several indexes: {@code @IndexHashKey({"by_name", "by_name_and_map"})}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface IndexHashKey {
    /**
     * The index name, or several index names.
     *
     * @return the index names
     */
    String[] value();
}
