package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Composes the table's key attributes from literal text and the entity's own fields, so that
 * several entity types can share one table (single-table design):
 *
 * <pre>{@code
 * @Table("shop")
 * @KeyTemplate(hash = "CUSTOMER#{customerId}", range = "ORDER#{created}#{orderId}")
 * public record Order(String customerId, Instant created, String orderId, BigDecimal total) {}
 * }</pre>
 *
 * <p>A template is literal text with fields in braces, named by their Java field name. The fields
 * stay ordinary fields, stored as attributes of their own as well; the key attributes
 * ({@link #hashAttribute()}, {@link #rangeAttribute()}) are strings and are written on every put.
 * A class with a key template has no {@link HashKey} or {@link RangeKey} fields.
 *
 * <p>Field values are formatted so that string order equals value order:
 * <ul>
 *   <li>{@code String}, {@code UUID}, enums (by name), {@code boolean}: as text;</li>
 *   <li>integral numbers ({@code byte}, {@code short}, {@code int}, {@code long} and their boxes):
 *       zero-padded to the width of the type (3, 5, 10, 19 digits), a negative value {@code v} as
 *       {@code "-"} followed by {@code MAX + 1 + v} zero-padded ({@code -1L} is
 *       {@code -9223372036854775807}), so negatives sort before zero;</li>
 *   <li>{@code double} and {@code float}: their IEEE bits, with the sign flipped (and all bits for
 *       negatives), as 16 (or 8) lower-case hex digits;</li>
 *   <li>{@code Instant}: UTC ISO-8601 with nine fraction digits ({@code 2026-11-30T10:15:30.000000000Z});
 *       {@code LocalDateTime} the same without the {@code Z}; {@code LocalDate} {@code 2026-11-30};
 *       years from 0 to 9999.</li>
 * </ul>
 * Other types (including {@code BigDecimal}, {@code BigInteger}, collections and nested objects)
 * cannot be formatted that way and are rejected with a {@link MappingException}.
 *
 * <p>Separators: a character of the template's literal text that is not a letter or digit (such as
 * {@code #}) is a separator. Inside a field value every separator and the escape character
 * {@code \} are escaped with a {@code \}, so a composed key can always be parsed back; two fields
 * must be separated by literal text that starts with a separator. Values without separators or
 * backslashes keep the order above.
 *
 * <p>{@code Session.get}, {@code find} and {@code delete} by key take the template's field values
 * in order, hash template first. A field a key template uses cannot change on a managed entity.
 *
 * <h2>Polymorphism</h2>
 * On a sealed interface or an abstract class (with {@link Table}), the templates are those of its
 * subtypes: records or classes, each stored under its own {@link TypeName}. The subtypes of a sealed
 * type are those it permits (recursively); a type that is not sealed lists them with
 * {@link Subtypes}. Every field the templates name must be a field of every subtype, with the same
 * type and attribute name; subtypes declare no {@code @Table}, {@code @KeyTemplate},
 * {@link IndexTemplate} or {@link Cached} of their own. Reads of the base type
 * ({@code s.query(Event.class)}, {@code get}, {@code getAll}, scans, item collections) return each
 * item as the subtype its type attribute names, managed by the session like any entity; queries and
 * scans of the base skip items whose type is none of its subtypes'.
 *
 * <pre>{@code
 * @Table("events")
 * @KeyTemplate(hash = "{streamId}", range = "{seq}")
 * public sealed interface Event permits Created, Shipped {}
 * public record Created(String streamId, long seq, String by) implements Event {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface KeyTemplate {
    /**
     * The template of the partition key, such as {@code "CUSTOMER#{customerId}"}.
     *
     * @return the hash key template
     */
    String hash();

    /**
     * The template of the sort key, such as {@code "ORDER#{created}#{orderId}"}; empty for a table
     * without a sort key. It may be constant text ({@code "PROFILE"}).
     *
     * @return the range key template, or an empty string
     */
    String range() default "";

    /**
     * The name of the partition key attribute.
     *
     * @return the attribute name, {@code pk} by default
     */
    String hashAttribute() default "pk";

    /**
     * The name of the sort key attribute.
     *
     * @return the attribute name, {@code sk} by default
     */
    String rangeAttribute() default "sk";

    /**
     * The attribute that holds the entity's {@link TypeName}, written on every put. Every class
     * sharing a table must use the same name.
     *
     * @return the attribute name, {@code _type} by default
     */
    String typeAttribute() default "_type";
}
