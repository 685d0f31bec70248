package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a {@code static} no-argument method of the record that supplies the value of a record
 * component when the stored item lacks the attribute, e.g. {@code @Default("defaultCheats")}.
 *
 * <p>Mutable classes do not need this: when an item lacks an attribute, the field keeps the value
 * its initializer or no-argument constructor gave it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Default {
    /**
     * The name of a static, no-argument method in the entity type returning the component's type.
     *
     * @return the method name
     */
    String value();
}
