package io.dynamapper.inmemory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The BigDecimal-free fast paths of {@link Numbers} agree with BigDecimal. */
class NumbersTest {
    private static final List<String> SAMPLES = List.of("0", "-0", "00", "0.0", "0.5", "-0.5", ".5", "5.", "+5", " 5",
            "1", "-1", "10", "100", "1.0", "1.50", "1e2", "1E+2", "-1E-2", "12.5", "12.25", "12.3", "9", "99", "010",
            "0.05", "0.045", "-0.045", "123456789012345678901234567890123456789", "12345678901234567890123456789012345678",
            "1" + "0".repeat(125), "1" + "0".repeat(126), "0." + "0".repeat(128) + "1", "0." + "0".repeat(129) + "1",
            "-12345678901234567890.123456789012345678", "3.14159", "-3.14159", "-3.1416", "abc", "", "-", "1.2.3");

    private static String slowNormalize(String text) {
        return Numbers.toText(Numbers.parse(text));
    }

    private static List<String> randomNumbers() {
        SplittableRandom r = new SplittableRandom(7);
        List<String> out = new ArrayList<>(SAMPLES);
        for (int i = 0; i < 5000; i++) {
            StringBuilder b = new StringBuilder();
            if (r.nextBoolean()) {
                b.append('-');
            }
            int intDigits = r.nextInt(4) == 0 ? 1 : 1 + r.nextInt(40);
            for (int d = 0; d < intDigits; d++) {
                b.append((char) ('0' + (r.nextInt(3) == 0 ? 0 : r.nextInt(10))));
            }
            if (r.nextBoolean()) {
                b.append('.');
                int fraction = 1 + r.nextInt(6);
                for (int d = 0; d < fraction; d++) {
                    b.append((char) ('0' + r.nextInt(10)));
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void normalizeMatchesBigDecimal() {
        for (String text : randomNumbers()) {
            String expected;
            try {
                expected = slowNormalize(text);
            } catch (DynamoDbException e) {
                String message = e.awsErrorDetails().errorMessage();
                DynamoDbException actual = assertThrows(DynamoDbException.class, () -> Numbers.normalize(text), text);
                assertEquals(message, actual.awsErrorDetails().errorMessage(), text);
                continue;
            }
            assertEquals(expected, Numbers.normalize(text), text);
        }
    }

    @Test
    void textDynamoDbDoesNotParseIsRefusedWithTheTextInTheMessage() {
        for (String text : new String[] {" 1", "1 ", "NaN", "Infinity", "0x10", "1.2.3", "1e", "", "--1"}) {
            assertEquals("The parameter cannot be converted to a numeric value: " + text,
                    assertThrows(DynamoDbException.class, () -> Numbers.normalize(text), text)
                            .awsErrorDetails().errorMessage(), text);
        }
        assertEquals("Number overflow. Attempting to store a number with magnitude larger than supported range",
                assertThrows(DynamoDbException.class, () -> Numbers.normalize("1e99999999999"))
                        .awsErrorDetails().errorMessage());
        assertEquals("Number underflow. Attempting to store a number with magnitude smaller than supported range",
                assertThrows(DynamoDbException.class, () -> Numbers.normalize("1e-99999999999"))
                        .awsErrorDetails().errorMessage());
        assertEquals("5", Numbers.normalize(".5e1"));
    }

    @Test
    void nullIsNotANumber() {
        assertEquals("The parameter cannot be converted to a numeric value: null", assertThrows(DynamoDbException.class,
                () -> Numbers.normalize(null)).awsErrorDetails().errorMessage());
    }

    @Test
    void fastPathOnlyForCanonicalText() {
        assertTrue(Numbers.isSimpleCanonical("-0.5"));
        assertTrue(Numbers.isSimpleCanonical("100"));
        assertFalse(Numbers.isSimpleCanonical("-0"));
        assertFalse(Numbers.isSimpleCanonical("1.50"));
        assertFalse(Numbers.isSimpleCanonical("1" + "0".repeat(38)), "39 digits: BigDecimal checks the range");
    }

    @Test
    void compareMatchesBigDecimal() {
        List<String> numbers = new ArrayList<>();
        for (String text : randomNumbers()) {
            try {
                new BigDecimal(text);
                numbers.add(text);
            } catch (NumberFormatException e) {
                // not a number at all
            }
        }
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 50_000; i++) {
            String a = numbers.get(r.nextInt(numbers.size()));
            String b = r.nextInt(10) == 0 ? a : numbers.get(r.nextInt(numbers.size()));
            for (String[] pair : new String[][] {{a, b}, {canonical(a), canonical(b)}}) {
                int expected = Integer.signum(new BigDecimal(pair[0]).compareTo(new BigDecimal(pair[1])));
                assertEquals(expected, Integer.signum(Numbers.compare(pair[0], pair[1])), pair[0] + " vs " + pair[1]);
                byte[] x = ("xx" + pair[0]).getBytes(StandardCharsets.US_ASCII);
                byte[] y = (pair[1] + "yyy").getBytes(StandardCharsets.US_ASCII);
                assertEquals(expected, Integer.signum(Numbers.compare(x, 2, x.length - 2, y, 0, y.length - 3)),
                        pair[0] + " vs " + pair[1]);
            }
        }
    }

    @Test
    void addAndSubtractMatchBigDecimal() {
        SplittableRandom r = new SplittableRandom(13);
        List<String> operands = new ArrayList<>(List.of("0", "1", "-1", "999999999999999999", "-999999999999999999",
                "1000000000000000000", "9223372036854775807", "12.5", "-0.5", "1" + "0".repeat(37)));
        for (int i = 0; i < 2000; i++) {
            StringBuilder b = new StringBuilder(r.nextBoolean() ? "-" : "");
            int digits = 1 + r.nextInt(22);
            b.append((char) ('1' + r.nextInt(9)));
            for (int d = 1; d < digits; d++) {
                b.append((char) ('0' + r.nextInt(10)));
            }
            operands.add(b.toString());
        }
        for (int i = 0; i < 20_000; i++) {
            String a = operands.get(r.nextInt(operands.size()));
            String b = operands.get(r.nextInt(operands.size()));
            for (boolean subtract : new boolean[] {false, true}) {
                BigDecimal x = new BigDecimal(a);
                BigDecimal y = new BigDecimal(b);
                String expected;
                try {
                    expected = Numbers.toText(Numbers.check(subtract ? x.subtract(y) : x.add(y)));
                } catch (DynamoDbException e) {
                    assertThrows(DynamoDbException.class, () -> Numbers.add(a, b, subtract));
                    continue;
                }
                assertEquals(expected, Numbers.add(a, b, subtract), a + (subtract ? " - " : " + ") + b);
            }
        }
    }

    private static String canonical(String text) {
        BigDecimal d = new BigDecimal(text);
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /** Sizes measured on DynamoDB Local 2.6.1 (the longest string that still fits next to the number). */
    @ParameterizedTest(name = "{0} takes {1} bytes")
    @CsvSource({
            "0, 1", "1, 2", "5, 2", "10, 2", "12, 2", "99, 2", "100, 2", "123, 3", "1234, 3", "12345, 4",
            "-1, 3", "-5, 3", "-12, 3", "-123, 4", "0.5, 2", "0.05, 2", "0.001, 2", "1.5, 3", "12.34, 3",
            "-0.001, 3", "100000, 2", "1E+10, 2", "1.1E+10, 3", "-1E+10, 3",
            "12345678901234567890123456789012345678, 20", "-12345678901234567890123456789012345678, 21"})
    void numbersAreSizedAsDynamoDbLocalSizesThem(String number, int bytes) {
        assertEquals(bytes, Numbers.size(Numbers.normalize(number)));
    }

    @Test
    void theNumberSyntaxScannerAcceptsExactlyWhatDynamoDbsPatternDoes() {
        java.util.regex.Pattern syntax = java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
        String alphabet = "0123456789+-.eE x\u0661";
        SplittableRandom r = new SplittableRandom(20261202);
        List<String> inputs = new ArrayList<>(SAMPLES);
        inputs.addAll(List.of("5e", "5e+", ".e1", "+.5", "-.5e-3", "5.e3", "1e2.5", "e5", "+", "\u0661"));
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(7); k > 0; k--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            inputs.add(b.toString());
        }
        int accepted = 0;
        for (String text : inputs) {
            boolean expected = syntax.matcher(text).matches();
            assertEquals(expected, Numbers.isNumberSyntax(text), () -> "'" + text + "'");
            if (expected) {
                accepted++;
            }
        }
        assertTrue(accepted > 1000, accepted + " inputs were numbers: both kinds are checked");
    }
}
