package io.dynamapper.engine.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyGeneratorTest {

    @Test
    void uuidsCarryTheirTimeAndSortByIt() {
        UUID early = KeyGenerator.uuidV7(1_000);
        UUID late = KeyGenerator.uuidV7(2_000);
        assertEquals(1_000, early.getMostSignificantBits() >>> 16);
        assertEquals(7, early.version());
        assertEquals(2, early.variant());
        assertTrue(early.toString().compareTo(late.toString()) < 0);
    }

    @Test
    void uuidsOfOneMillisecondAreDistinct() {
        Set<UUID> many = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(KeyGenerator.uuidV7(5));
        }
        assertEquals(10_000, many.size());
    }
}
