package io.dynamapper.inmemory.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
        if (text == null || !isNumberSyntax(text)) {
            // no trimming: DynamoDB refuses " 1" and "1 " as it refuses "abc", "NaN" and "0x10"
            throw Errors.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        BigDecimal d;
        try {
            d = new BigDecimal(text);
        } catch (NumberFormatException e) {
            // an exponent beyond an int: the magnitude is out of range either way
            boolean negativeExponent = text.matches(".*[eE]-.*");
            throw Errors.validation(negativeExponent
                    ? "Number underflow. Attempting to store a number with magnitude smaller than supported range"
                    : "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        return check(d);
    }

    /**
     * Whether {@code text} has the number syntax DynamoDB reads: an optional sign, digits with an
     * optional fraction or a fraction alone, an optional exponent ({@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}
     * with ASCII digits). Scanned by hand rather than by a regular expression, whose compilation and
     * classes every test JVM would pay at start-up.
     */
    static boolean isNumberSyntax(String text) {
        int n = text.length();
        int i = n > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false; // neither "5", "5." nor ".5": "", "+", ".", "-.e1"
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Validates an already computed number (the result of arithmetic) and returns it stripped. */
    static BigDecimal check(BigDecimal d) {
        if (d.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal s = d.stripTrailingZeros();
        if (s.precision() > MAX_PRECISION) {
            throw Errors.validation("Attempting to store more than 38 significant digits in a Number");
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
        return text != null && isSimpleCanonical(text) ? text : toText(parse(text));
    }

    /**
     * Whether {@code text} is already canonical and valid, decided without BigDecimal: an optional
     * {@code -}, then {@code 0} or a digit 1-9 and more digits, then optionally {@code .} and digits not
     * ending in 0; at most 38 digits in all (so precision and magnitude are within DynamoDB's limits);
     * not {@code -0}. Most numbers a test stores are like that; anything else takes the BigDecimal path.
     */
    static boolean isSimpleCanonical(String text) {
        int n = text.length();
        int i = n > 0 && text.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        int intStart = i;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        int intLen = i - intStart;
        if (intLen == 0 || (intLen > 1 && text.charAt(intStart) == '0')) {
            return false;
        }
        if (i < n) {
            if (text.charAt(i) != '.' || i == n - 1 || text.charAt(n - 1) == '0') {
                return false;
            }
            for (i++; i < n; i++) {
                if (!isDigit(text.charAt(i))) {
                    return false;
                }
                digits++;
            }
        } else if (intStart == 1 && intLen == 1 && text.charAt(1) == '0') {
            return false;
        }
        return digits <= MAX_PRECISION;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Orders two numbers numerically. Canonical texts (what the fake stores and what {@link #normalize}
     * returns) are compared digit by digit; anything else through BigDecimal.
     */
    static int compare(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.ISO_8859_1);
        byte[] y = b.getBytes(StandardCharsets.ISO_8859_1);
        if (isCanonical(x, 0, x.length) && isCanonical(y, 0, y.length)) {
            return compareCanonical(x, 0, x.length, y, 0, y.length);
        }
        return new BigDecimal(a).compareTo(new BigDecimal(b));
    }

    /** {@link #compare(String, String)} of two ASCII number texts stored in byte arrays. */
    static int compare(byte[] a, int ao, int al, byte[] b, int bo, int bl) {
        if (isCanonical(a, ao, al) && isCanonical(b, bo, bl)) {
            return compareCanonical(a, ao, al, b, bo, bl);
        }
        return new BigDecimal(new String(a, ao, al, StandardCharsets.ISO_8859_1))
                .compareTo(new BigDecimal(new String(b, bo, bl, StandardCharsets.ISO_8859_1)));
    }

    /** Whether the text is {@code -?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?} and not {@code -0}: {@link #toText}'s form. */
    private static boolean isCanonical(byte[] s, int off, int len) {
        int end = off + len;
        int i = len > 0 && s[off] == '-' ? off + 1 : off;
        int intStart = i;
        while (i < end && isDigit((char) s[i])) {
            i++;
        }
        int intLen = i - intStart;
        if (intLen == 0 || (intLen > 1 && s[intStart] == '0')) {
            return false;
        }
        if (i == end) {
            return !(intStart > off && s[intStart] == '0');
        }
        if (s[i] != '.' || i == end - 1 || s[end - 1] == '0') {
            return false;
        }
        for (i++; i < end; i++) {
            if (!isDigit((char) s[i])) {
                return false;
            }
        }
        return true;
    }

    private static int compareCanonical(byte[] a, int ao, int al, byte[] b, int bo, int bl) {
        int signA = sign(a, ao, al);
        int signB = sign(b, bo, bl);
        if (signA != signB) {
            return Integer.compare(signA, signB);
        }
        int skip = signA < 0 ? 1 : 0;
        int magnitude = compareMagnitude(a, ao + skip, al - skip, b, bo + skip, bl - skip);
        return signA < 0 ? -magnitude : magnitude;
    }

    private static int sign(byte[] s, int off, int len) {
        return s[off] == '-' ? -1 : len == 1 && s[off] == '0' ? 0 : 1;
    }

    /** Compares two unsigned canonical texts: more integer digits is larger, then digit by digit. */
    private static int compareMagnitude(byte[] a, int ao, int al, byte[] b, int bo, int bl) {
        int intA = integerDigits(a, ao, al);
        int intB = integerDigits(b, bo, bl);
        if (intA != intB) {
            return Integer.compare(intA, intB);
        }
        // Same integer width and no trailing zeros: a fraction that is a prefix of the other is smaller.
        int c = Arrays.compare(a, ao, ao + al, b, bo, bo + bl);
        return Integer.signum(c);
    }

    private static int integerDigits(byte[] s, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (s[off + i] == '.') {
                return i;
            }
        }
        return len;
    }

    /**
     * The canonical text of {@code a + b}, or {@code a - b}, validated like any number written:
     * integers of up to 18 digits (most counters) in {@code long}s, anything else through BigDecimal.
     */
    static String add(String a, String b, boolean subtract) {
        if (isSmallInteger(a) && isSmallInteger(b)) {
            long x = Long.parseLong(a);
            long y = Long.parseLong(b);
            return Long.toString(subtract ? x - y : x + y);
        }
        BigDecimal x = new BigDecimal(a);
        BigDecimal y = new BigDecimal(b);
        return toText(check(subtract ? x.subtract(y) : x.add(y)));
    }

    /** {@code 0} or {@code -?[1-9][0-9]*} with at most 18 digits: sums and differences fit a long. */
    private static boolean isSmallInteger(String s) {
        int n = s.length();
        int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        int digits = n - i;
        if (digits < 1 || digits > 18) {
            return false;
        }
        if (s.charAt(i) == '0') {
            return n == 1;
        }
        for (; i < n; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
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
        byte[] text = canonical.getBytes(StandardCharsets.ISO_8859_1);
        return size(text, 0, text.length);
    }

    /**
     * {@link #size(String)} of a canonical number text (plain notation: an optional minus, digits,
     * an optional fraction) stored as ASCII bytes.
     */
    static int size(byte[] text, int off, int len) {
        int dot = off + len;
        for (int i = off; i < off + len; i++) {
            if (text[i] == '.') {
                dot = i;
                break;
            }
        }
        int highest = Integer.MIN_VALUE;
        int lowest = Integer.MAX_VALUE;
        for (int i = off; i < off + len; i++) {
            byte c = text[i];
            if (c >= '1' && c <= '9') {
                int power = i < dot ? dot - 1 - i : dot - i; // the digit's power of ten
                highest = Math.max(highest, power);
                lowest = Math.min(lowest, power);
            }
        }
        if (highest == Integer.MIN_VALUE) {
            return 1; // zero
        }
        // base-100 digits aligned on the decimal point: 1.5 is "01|50", two bytes, while 12 is one;
        // plus one byte, and one more for a negative number
        int pairs = Math.floorDiv(highest, 2) - Math.floorDiv(lowest, 2) + 1;
        return pairs + 1 + (len > 0 && text[off] == '-' ? 1 : 0);
    }
}
