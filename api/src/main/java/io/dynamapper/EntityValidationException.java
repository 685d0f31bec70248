package io.dynamapper;

import java.util.List;
import java.util.Objects;

/**
 * A commit found Bean Validation constraint violations in new or changed entities (see
 * {@code Dynamapper.builder().validator(...)}). Nothing was sent and the session is as it was before
 * {@code commit()}: fix the entities and commit again.
 *
 * <p>The message lists every violation: entity class, key, property path, message and invalid value.
 */
public class EntityValidationException extends DynamapperException {
    private static final long serialVersionUID = 1L;

    /**
     * One constraint violation.
     *
     * @param entityType the entity class
     * @param key the entity's key
     * @param propertyPath the path of the invalid property from the entity, e.g. {@code "address.city"}
     * @param message the constraint's message
     * @param invalidValue the rejected value, as text (null shows as {@code "null"})
     */
    public record Violation(Class<?> entityType, Key key, String propertyPath, String message, String invalidValue) {
        /**
         * Validates the parts.
         *
         * @param entityType the entity class
         * @param key the entity's key
         * @param propertyPath the path of the invalid property
         * @param message the constraint's message
         * @param invalidValue the rejected value, as text
         * @throws NullPointerException if any part is null
         */
        public Violation {
            Objects.requireNonNull(entityType, "entityType == null");
            Objects.requireNonNull(key, "key == null");
            Objects.requireNonNull(propertyPath, "propertyPath == null");
            Objects.requireNonNull(message, "message == null");
            Objects.requireNonNull(invalidValue, "invalidValue == null");
        }

        @Override
        public String toString() {
            return entityType.getSimpleName() + " " + key + ": " + propertyPath + " " + message + " (was "
                    + invalidValue + ")";
        }
    }

    private final transient List<Violation> violations;

    /**
     * Creates the exception for at least one violation.
     *
     * @param violations every violation found, in commit order
     * @throws NullPointerException if {@code violations} is or contains null
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public EntityValidationException(List<Violation> violations) {
        super(message(violations));
        this.violations = List.copyOf(violations);
    }

    private static String message(List<Violation> violations) {
        Objects.requireNonNull(violations, "violations == null");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations is empty");
        }
        StringBuilder b = new StringBuilder("Validation failed for ").append(violations.size())
                .append(violations.size() == 1 ? " constraint" : " constraints")
                .append("; nothing was sent, the session is unchanged:");
        for (Violation v : violations) {
            b.append("\n  ").append(v);
        }
        return b.toString();
    }

    /**
     * Every violation, in commit order.
     *
     * @return an unmodifiable list, never empty
     */
    public List<Violation> violations() {
        return violations;
    }
}
