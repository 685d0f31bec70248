package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a field under another attribute name, e.g. {@code @Attribute("map_name") String name;}.
 *
 * <p>Queries and filters still name the Java field; the engine maps it to the attribute name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Attribute {
    /**
     * The attribute name in DynamoDB.
     *
     * @return the attribute name in DynamoDB
     */
    String value();
}
