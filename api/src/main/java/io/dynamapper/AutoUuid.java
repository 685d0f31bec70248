package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link HashKey} or {@link RangeKey} of type {@link java.util.UUID} or {@code String} that
 * {@link Session#save} assigns when it is unset (null): a time-ordered UUID of version 7 (RFC 9562),
 * whose first 48 bits are the Unix time in milliseconds, so keys created later sort later (as
 * strings, too). The rest is random. A {@code String} key receives the UUID's canonical lower-case
 * form.
 *
 * <pre>{@code
 * @Table("demo")
 * public class Demo {
 *     @HashKey @AutoUuid UUID id;
 *     String name;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface AutoUuid {
}
