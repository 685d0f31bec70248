package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the time-to-live attribute: epoch seconds, as a {@code long}/{@code Long} or an
 * {@code Instant} (stored as epoch seconds: sub-second precision is dropped).
 * {@code SchemaManager.createTable} enables TTL on it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Ttl {
}
