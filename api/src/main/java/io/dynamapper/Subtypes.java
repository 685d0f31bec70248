package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lists the subtypes of a polymorphic entity that is an interface or abstract class but not
 * {@code sealed}. A sealed base needs no list: its subtypes are those it {@code permits}
 * (recursively).
 *
 * <pre>{@code
 * @Table("events")
 * @KeyTemplate(hash = "{streamId}", range = "{seq}")
 * @Subtypes({Created.class, Shipped.class})
 * public abstract class Event { String streamId; long seq; }
 * }</pre>
 *
 * <p>Each listed class is a concrete class or record that extends or implements the annotated
 * type, or an abstract subtype that is sealed or has a {@code @Subtypes} of its own. A concrete
 * subtype that is not listed cannot be mapped (a {@link MappingException} names it), so that a
 * read of the base type can decode every type it may find. See {@link KeyTemplate} for how a
 * polymorphic entity is mapped.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Subtypes {
    /**
     * The subtypes.
     *
     * @return the subtypes of the annotated type, at least one
     */
    Class<?>[] value();
}
