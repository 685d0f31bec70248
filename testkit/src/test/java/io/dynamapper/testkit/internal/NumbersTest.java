package io.dynamapper.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {
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
}
