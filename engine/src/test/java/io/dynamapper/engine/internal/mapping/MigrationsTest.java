package io.dynamapper.engine.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.HashKey;
import io.dynamapper.ItemMapper;
import io.dynamapper.MappingException;
import io.dynamapper.Migrate;
import io.dynamapper.SchemaVersion;
import io.dynamapper.Table;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class MigrationsTest {

    @Table("thing")
    @SchemaVersion(2)
    static class Thing {
        @HashKey String id;
        int count;

        @Migrate(from = 1)
        static Map<String, AttributeValue> textToNumber(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> lifted = new HashMap<>(item);
            AttributeValue old = lifted.remove("countText");
            lifted.put("count", AttributeValue.fromN(old == null ? "0" : old.s()));
            return lifted;
        }
    }

    @Table("gap")
    @SchemaVersion(3)
    static class Gap {
        @HashKey String id;

        @Migrate(from = 1)
        static Map<String, AttributeValue> one(Map<String, AttributeValue> item) {
            return item;
        }
    }

    @Table("twice")
    @SchemaVersion(2)
    static class Twice {
        @HashKey String id;

        @Migrate(from = 1)
        static Map<String, AttributeValue> one(Map<String, AttributeValue> item) {
            return item;
        }

        @Migrate(from = 1)
        static Map<String, AttributeValue> again(Map<String, AttributeValue> item) {
            return item;
        }
    }

    @Table("not_static")
    @SchemaVersion(2)
    static class NotStatic {
        @HashKey String id;

        @Migrate(from = 1)
        Map<String, AttributeValue> one(Map<String, AttributeValue> item) {
            return item;
        }
    }

    @Table("beyond")
    @SchemaVersion(2)
    static class Beyond {
        @HashKey String id;

        @Migrate(from = 1)
        static Map<String, AttributeValue> one(Map<String, AttributeValue> item) {
            return item;
        }

        @Migrate(from = 2)
        static Map<String, AttributeValue> two(Map<String, AttributeValue> item) {
            return item;
        }
    }

    @Table("no_schema")
    static class NoSchema {
        @HashKey String id;

        @Migrate(from = 1)
        static Map<String, AttributeValue> one(Map<String, AttributeValue> item) {
            return item;
        }
    }

    @Table("clash")
    @SchemaVersion(value = 1, attribute = "v")
    static class Clash {
        @HashKey String id;
        int v;
    }

    @Table("rekey")
    @SchemaVersion(2)
    static class Rekey {
        @HashKey String id;

        @Migrate(from = 1)
        static Map<String, AttributeValue> one(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> lifted = new HashMap<>(item);
            lifted.put("id", AttributeValue.fromS("other"));
            return lifted;
        }
    }

    @Table("failing")
    @SchemaVersion(2)
    static class Failing {
        @HashKey String id;

        @Migrate(from = 1)
        static Map<String, AttributeValue> one(Map<String, AttributeValue> item) {
            throw new IllegalStateException("boom");
        }
    }

    private static MappingException modelError(Class<?> type) {
        return assertThrows(MappingException.class, () -> EntityModel.of(type));
    }

    @Test
    void aGapInTheChainIsAMappingExceptionWhenTheModelIsBuilt() {
        MappingException e = modelError(Gap.class);
        assertTrue(e.getMessage().contains("no @Migrate(from = 2)"), e.getMessage());
        assertTrue(e.getMessage().contains(Gap.class.getName()), e.getMessage());
    }

    @Test
    void badMigrateMethodsAreMappingExceptions() {
        assertTrue(modelError(Twice.class).getMessage().contains("two @Migrate(from = 1)"));
        assertTrue(modelError(NotStatic.class).getMessage().contains("must be static"));
        assertTrue(modelError(Beyond.class).getMessage().contains("@Migrate(from = 2)"));
        assertTrue(modelError(NoSchema.class).getMessage().contains("no @SchemaVersion"));
        assertTrue(modelError(Clash.class).getMessage().contains("'v'"));
    }

    @Test
    void aMigrationThatChangesTheKeyOrFailsIsAMappingExceptionNamingTheItem() {
        ItemMapper mapper = new EntityItemMapper();
        MappingException rekey = assertThrows(MappingException.class,
                () -> mapper.fromItem(Rekey.class, Map.of("id", AttributeValue.fromS("k1"))));
        assertTrue(rekey.getMessage().contains("cannot change an item's key"), rekey.getMessage());
        MappingException failing = assertThrows(MappingException.class,
                () -> mapper.fromItem(Failing.class, Map.of("id", AttributeValue.fromS("k2"))));
        assertTrue(failing.getMessage().contains("k2") && failing.getMessage().contains("boom"), failing.getMessage());
    }

    @Test
    void theItemMapperRunsMigrationsAndWritesTheSchemaVersion() {
        ItemMapper mapper = new EntityItemMapper();
        Thing thing = mapper.fromItem(Thing.class, Map.of("id", AttributeValue.fromS("t"),
                "countText", AttributeValue.fromS("42")));
        assertEquals(42, thing.count);
        assertEquals(Map.of("id", AttributeValue.fromS("t"), "count", AttributeValue.fromN("42"),
                "_schema", AttributeValue.fromN("2")), mapper.toItem(thing));
    }

    @Test
    void aCurrentItemIsNotCopied() {
        Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("t"), "_schema", AttributeValue.fromN("2"));
        assertSame(item, EntityModel.of(Thing.class).migrate(item));
    }

    @Test
    void aBadSchemaVersionAttributeIsAMappingException() {
        MappingException e = assertThrows(MappingException.class, () -> new EntityItemMapper().fromItem(Thing.class,
                Map.of("id", AttributeValue.fromS("t"), "_schema", AttributeValue.fromS("two"))));
        assertTrue(e.getMessage().contains("_schema"), e.getMessage());
    }

    @Test
    void theItemMapperChecksItsArguments() {
        ItemMapper mapper = new EntityItemMapper();
        assertThrows(NullPointerException.class, () -> mapper.fromItem(null, Map.of()));
        assertThrows(NullPointerException.class, () -> mapper.fromItem(Thing.class, null));
        assertThrows(NullPointerException.class, () -> mapper.toItem(null));
    }
}
