package io.dynamapper.inmemory.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Select;

class EnumsTest {

    @Test
    void absentAndKnownValuesPass() {
        assertDoesNotThrow(() -> Enums.check(null, null, "select", "[COUNT]"));
        assertDoesNotThrow(() -> Enums.check(Select.COUNT, "COUNT", "select", "[COUNT]"));
    }

    @Test
    void anUnknownValueIsDynamoDbsConstraintError() {
        DynamoDbException e = assertThrows(DynamoDbException.class,
                () -> Enums.check(Select.fromValue("ALL"), "ALL", "select", "[COUNT, ALL_ATTRIBUTES]"));
        assertEquals("1 validation error detected: Value 'ALL' at 'select' failed to satisfy constraint: Member must "
                + "satisfy enum value set: [COUNT, ALL_ATTRIBUTES]", e.awsErrorDetails().errorMessage());
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    }
}
