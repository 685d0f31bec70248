package io.dynamapper.inmemory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemSizerTest {
    @Test
    void utf8LengthOfValidStringsIsTheirEncodedLength() {
        for (String s : List.of("", "a", "ascii only", "é", "abcé", "abc😀", "😀abc", "x".repeat(300) + "ключ",
                "日本語 text", "mixed é 😀 日 end")) {
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, ItemSizer.utf8Length(s), s);
        }
    }

    @Test
    void loneSurrogatesCountThreeBytesAsBefore() {
        assertEquals(4, ItemSizer.utf8Length("a\uDC00"));
        assertEquals(6, ItemSizer.utf8Length("ab\uD800\uD800"));
    }
}
