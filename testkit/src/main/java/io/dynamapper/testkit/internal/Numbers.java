package io.dynamapper.testkit.internal;

import java.math.BigDecimal;

/**
 * DynamoDB's number rules: at most 38 significant digits, magnitude between 1E-130 and
 * 9.99...E+125, stored and returned in a canonical form ({@code 1.0 -> 1}, {@code -0 -> 0},
 * {@code 1E+2 -> 100}). Messages are those of DynamoDB Local 2.6.1.
 */
final class Numbers {
    private static final int MAX_PRECISION = 38;
    private static final int MAX_EXPONENT = 125;
    private static final int MIN_EXPONENT = -130;

    private Numbers() {
    }

    /** Parses and validates a number string; throws a ValidationException if DynamoDB would refuse it. */
    static BigDecimal parse(String text) {
        if (text == null || text.isEmpty()) {
            throw Errors.validation("A value provided cannot be converted into a number");
        }
        BigDecimal d;
        try {
            d = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw Errors.validation("A value provided cannot be converted into a number");
        }
        return check(d);
    }

    /** Validates an already computed number (the result of arithmetic) and returns it stripped. */
    static BigDecimal check(BigDecimal d) {
        if (d.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal s = d.stripTrailingZeros();
        if (s.precision() > MAX_PRECISION) {
            throw Errors.validation("DynamoDB only supports precision up to 38 digits");
        }
        int exponent = s.precision() - s.scale() - 1;
        if (exponent > MAX_EXPONENT) {
            throw Errors.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (exponent < MIN_EXPONENT) {
            throw Errors.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return s;
    }

    /** Returns the canonical text DynamoDB returns for {@code text}; validates it first. */
    static String normalize(String text) {
        return toText(parse(text));
    }

    /** Canonical text of a validated number. */
    static String toText(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /**
     * Storage size of a number as DynamoDB Local counts it (measured): one byte per pair of digits
     * aligned on the decimal point, leading and trailing zero pairs dropped, plus one, plus one if
     * negative; zero takes one. So 12 takes 2, 1.5 ("01|50") 3, -5 3, and 38 digits 20.
     */
    static int size(String canonical) {
        java.math.BigDecimal value;
        try {
            value = new java.math.BigDecimal(canonical).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return canonical.length(); // not a number: DynamoDB rejects it anyway
        }
        if (value.signum() == 0) {
            return 1;
        }
        // base-100 digits aligned on the decimal point, as DynamoDB Local counts them: 1.5 is "01|50",
        // two bytes, while 12 is one; plus one byte, and one more for a negative number
        int lowest = -value.scale();
        int highest = lowest + value.unscaledValue().abs().toString().length() - 1;
        int pairs = Math.floorDiv(highest, 2) - Math.floorDiv(lowest, 2) + 1;
        return pairs + 1 + (value.signum() < 0 ? 1 : 0);
    }
}
