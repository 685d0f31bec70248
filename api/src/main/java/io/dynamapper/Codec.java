package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Converts a field with a user-supplied {@link AttributeCodec}.
 *
 * <p>The codec class needs a public or package-visible no-argument constructor; one instance is
 * created per entity model and must be thread-safe.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Codec {
    /**
     * The codec to use for this field.
     *
     * @return the codec class
     */
    Class<? extends AttributeCodec<?>> value();
}
