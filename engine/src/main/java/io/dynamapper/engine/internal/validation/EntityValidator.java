package io.dynamapper.engine.internal.validation;

import io.dynamapper.EntityValidationException;
import io.dynamapper.Key;
import java.util.List;

/**
 * Validates entities before a commit. Engine code depends on this interface only, so that the
 * engine loads without Jakarta Bean Validation on the classpath; {@link BeanValidation} is the one
 * class that uses it, and is loaded only when a validator is configured.
 */
@FunctionalInterface
public interface EntityValidator {
    /**
     * The constraint violations of one entity; empty if it is valid.
     *
     * @param entity the entity to validate
     * @param key the entity's key, for the violations
     * @return the violations, possibly empty
     */
    List<EntityValidationException.Violation> validate(Object entity, Key key);
}
