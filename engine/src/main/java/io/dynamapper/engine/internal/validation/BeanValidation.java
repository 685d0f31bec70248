package io.dynamapper.engine.internal.validation;

import static java.util.Objects.requireNonNull;

import io.dynamapper.EntityValidationException;
import io.dynamapper.Key;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * An {@link EntityValidator} over a Jakarta Bean Validation {@link Validator}: the only engine
 * class that refers to {@code jakarta.validation}. Violations are sorted by property path, so that
 * messages are stable.
 */
public final class BeanValidation implements EntityValidator {
    private static final int MAX_VALUE_CHARS = 100;

    private final Validator validator;

    private BeanValidation(Validator validator) {
        this.validator = validator;
    }

    /**
     * Wraps a validator. Takes {@code Object} so that callers do not need the Jakarta type to link.
     *
     * @param validator a {@code jakarta.validation.Validator}
     * @return the entity validator
     * @throws NullPointerException if {@code validator} is null
     * @throws IllegalArgumentException if it is not a {@code jakarta.validation.Validator}
     */
    public static EntityValidator of(Object validator) {
        requireNonNull(validator, "validator == null");
        if (!(validator instanceof Validator v)) {
            throw new IllegalArgumentException("Not a jakarta.validation.Validator: " + validator.getClass().getName());
        }
        return new BeanValidation(v);
    }

    @Override
    public List<EntityValidationException.Violation> validate(Object entity, Key key) {
        Set<ConstraintViolation<Object>> found = validator.validate(entity);
        if (found.isEmpty()) {
            return List.of();
        }
        List<EntityValidationException.Violation> violations = new ArrayList<>(found.size());
        for (ConstraintViolation<Object> v : found) {
            violations.add(new EntityValidationException.Violation(entity.getClass(), key,
                    String.valueOf(v.getPropertyPath()), v.getMessage(), abbreviate(v.getInvalidValue())));
        }
        violations.sort(Comparator.comparing(EntityValidationException.Violation::propertyPath)
                .thenComparing(EntityValidationException.Violation::message));
        return violations;
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "...";
    }

    @Override
    public String toString() {
        return "BeanValidation[" + validator + "]";
    }
}
