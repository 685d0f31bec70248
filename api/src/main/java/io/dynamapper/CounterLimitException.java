package io.dynamapper;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A commit would have taken a {@link Counter} field past its {@code min} or {@code max}: the stored
 * value, plus the commit's delta, is out of bounds. The whole commit failed: nothing was written
 * and the session is as it was before {@code commit()}. Not retried by
 * {@link SessionFactory#inTransaction}: running the work again cannot change the stored value.
 */
public class CounterLimitException extends DynamapperException {
    private static final long serialVersionUID = 1L;

    private final transient Class<?> entityType;
    private final transient Key key;
    /** The counter's Java field name. */
    private final String field;
    /** The change the commit tried to apply. */
    private final BigDecimal delta;
    /** The bound the change would have crossed. */
    private final BigDecimal bound;

    /**
     * Creates the exception.
     *
     * @param entityType the entity class
     * @param key the entity's key
     * @param field the counter's Java field name
     * @param delta the change the commit tried to apply
     * @param bound the bound it would have crossed ({@code min} for a decrement, {@code max} for an increment)
     * @throws NullPointerException if any argument is null
     */
    public CounterLimitException(Class<?> entityType, Key key, String field, BigDecimal delta, BigDecimal bound) {
        super("Counter " + Objects.requireNonNull(entityType, "entityType == null").getSimpleName() + "."
                + Objects.requireNonNull(field, "field == null") + " of " + Objects.requireNonNull(key, "key == null")
                + ": adding " + Objects.requireNonNull(delta, "delta == null").toPlainString() + " would pass its "
                + (delta.signum() < 0 ? "minimum " : "maximum ") + Objects.requireNonNull(bound, "bound == null")
                        .toPlainString()
                + "; nothing was written, the session is unchanged");
        this.entityType = entityType;
        this.key = key;
        this.field = field;
        this.delta = delta;
        this.bound = bound;
    }

    /**
     * The entity class.
     *
     * @return the entity class
     */
    public Class<?> entityType() {
        return entityType;
    }

    /**
     * The entity's key.
     *
     * @return the entity's key
     */
    public Key key() {
        return key;
    }

    /**
     * The counter's Java field name.
     *
     * @return the counter's Java field name
     */
    public String field() {
        return field;
    }

    /**
     * The delta the commit tried to add.
     *
     * @return the delta the commit tried to add
     */
    public BigDecimal delta() {
        return delta;
    }

    /**
     * The bound the delta would have crossed.
     *
     * @return the bound the delta would have crossed
     */
    public BigDecimal bound() {
        return bound;
    }
}
