package io.dynamapper.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's in-memory DynamoDB snippets run. */
class InMemoryExamplesTest {

    @Test
    void inProcessWithAFault() {
        assertFalse(InMemoryExamples.inProcess().isEmpty());
    }

    @Test
    void overHttp() {
        assertEquals(List.of(), InMemoryExamples.overHttp());
    }
}
