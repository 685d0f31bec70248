package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name stored in the type attribute ({@link KeyTemplate#typeAttribute()}) of the items of an
 * entity class with a {@link KeyTemplate}. Without this annotation the type name is the class's
 * simple name. Reads check it: a query for one class reads only items of its type name. On the
 * subtypes of a polymorphic entity (see {@link KeyTemplate}), it tells them apart: it must be unique
 * among them, and a read of the base decodes each item to the subtype it names. A polymorphic base
 * itself has no type name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TypeName {
    /**
     * The type name.
     *
     * @return a non-empty name, unique among the classes sharing a table
     */
    String value();
}
