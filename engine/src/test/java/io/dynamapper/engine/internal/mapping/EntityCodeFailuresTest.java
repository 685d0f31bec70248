package io.dynamapper.engine.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dynamapper.Default;
import io.dynamapper.HashKey;
import io.dynamapper.MappingException;
import io.dynamapper.Table;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the entity's own code throws while it is built or read (a record's compact constructor, a
 * no-argument constructor, a record accessor, a {@code @Default} method) reaches the caller as
 * thrown, not wrapped in a reflection exception; a checked exception is wrapped in a
 * {@link MappingException} naming it.
 */
class EntityCodeFailuresTest {
    @Table("checked_rec")
    record Checked(@HashKey String id, int count) {
        Checked {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative, was " + count);
            }
        }
    }

    @Table("failing_ctor")
    static class FailingConstructor {
        static RuntimeException failure;
        @HashKey String id;

        FailingConstructor() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    @Table("failing_accessor")
    record FailingAccessor(@HashKey String id, String name) {
        @Override
        public String name() {
            throw new IllegalStateException("name is not readable");
        }
    }

    @Table("failing_default")
    record FailingDefault(@HashKey String id, @Default("noName") String name) {
        static String noName() throws Exception {
            throw new Exception("no default today");
        }
    }

    private static Map<String, AttributeValue> item(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    @Test
    void aRecordsCompactConstructorFailureIsThrownAsIs() {
        EntityModel<Checked> model = EntityModel.of(Checked.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fromItem(
                Map.of("id", AttributeValue.fromS("c"), "count", AttributeValue.fromN("-1"))));
        assertEquals("count must not be negative, was -1", e.getMessage());
        assertEquals(new Checked("c", 2), model.fromItem(Map.of("id", AttributeValue.fromS("c"),
                "count", AttributeValue.fromN("2"))));
    }

    @Test
    void aConstructorFailureIsThrownAsIs() {
        EntityModel<FailingConstructor> model = EntityModel.of(FailingConstructor.class);
        RuntimeException failure = new UnsupportedOperationException("not now");
        FailingConstructor.failure = failure;
        try {
            assertSame(failure, assertThrows(UnsupportedOperationException.class, () -> model.fromItem(item("f"))));
        } finally {
            FailingConstructor.failure = null;
        }
        assertEquals("f", model.fromItem(item("f")).id);
    }

    @Test
    void anAccessorFailureIsThrownAsIs() {
        EntityModel<FailingAccessor> model = EntityModel.of(FailingAccessor.class);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> model.toItem(new FailingAccessor("a", "n")));
        assertEquals("name is not readable", e.getMessage());
    }

    @Test
    void aCheckedExceptionFromADefaultMethodIsWrappedNamingIt() {
        EntityModel<FailingDefault> model = EntityModel.of(FailingDefault.class);
        MappingException e = assertThrows(MappingException.class, () -> model.fromItem(item("d")));
        assertEquals("no default today", e.getCause().getMessage());
    }
}
