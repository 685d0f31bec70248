package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A global secondary index whose key attributes are composed from the entity's fields, like
 * {@link KeyTemplate} composes the table's (same template syntax and formats):
 *
 * <pre>{@code
 * @IndexTemplate(index = "by_status", hash = "STATUS#{status}", range = "{created}")
 * }</pre>
 *
 * <p>The index is sparse: an entity with a null field in one of the index's templates stores
 * neither of its key attributes, and DynamoDB leaves it out of the index. When a field that only
 * index templates use changes, the commit writes the index key attributes again (or removes
 * them). Classes that share a table and an index must name the same key attributes; by default
 * they are {@code <index>_pk} and {@code <index>_sk}. Requires {@link KeyTemplate} on the class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(IndexTemplates.class)
public @interface IndexTemplate {
    /**
     * The index name.
     *
     * @return at least 3 characters
     */
    String index();

    /**
     * The template of the index partition key.
     *
     * @return literal text and {@code {field}}s
     */
    String hash();

    /**
     * The template of the index sort key, empty for an index without one.
     *
     * @return literal text and {@code {field}}s, or an empty string
     */
    String range() default "";

    /**
     * The index partition key attribute.
     *
     * @return the attribute name; empty (the default) for {@code <index>_pk}
     */
    String hashAttribute() default "";

    /**
     * The index sort key attribute.
     *
     * @return the attribute name; empty (the default) for {@code <index>_sk}
     */
    String rangeAttribute() default "";
}
