package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the optimistic-lock version attribute: an integral number ({@code int}, {@code long} or
 * their boxes).
 *
 * <p>A new entity (version {@code null} or {@code 0}) is stored with version 1; every write of a
 * managed entity is conditional on the version it was read with and stores that version plus one.
 * The Java field is updated only after the commit succeeds.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Version {
}
