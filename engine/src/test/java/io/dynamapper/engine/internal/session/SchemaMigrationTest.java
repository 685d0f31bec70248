package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.HashKey;
import io.dynamapper.MappingException;
import io.dynamapper.Migrate;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.SchemaVersion;
import io.dynamapper.Session;
import io.dynamapper.Table;
import io.dynamapper.Version;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class SchemaMigrationTest extends SessionTestSupport {

    /** Version 1 stored "title"; 2 renamed it to "name"; 3 split "author" into first and last names. */
    @Table("level")
    @SchemaVersion(3)
    static class Level {
        @HashKey String id;
        String name;
        String authorFirst;
        String authorLast;
        @Version Long version;

        @Migrate(from = 1)
        static Map<String, AttributeValue> titleToName(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> lifted = new HashMap<>(item);
            lifted.put("name", lifted.remove("title"));
            return lifted;
        }

        @Migrate(from = 2)
        private static Map<String, AttributeValue> splitAuthor(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> lifted = new HashMap<>(item);
            AttributeValue author = lifted.remove("author");
            if (author != null) {
                String[] parts = author.s().split(" ", 2);
                lifted.put("authorFirst", AttributeValue.fromS(parts[0]));
                lifted.put("authorLast", AttributeValue.fromS(parts[1]));
            }
            return lifted;
        }
    }

    /** Unversioned, for the schema condition alone. */
    @Table("note_v2")
    @SchemaVersion(value = 2, attribute = "schema")
    static class Note {
        @HashKey String id;
        String text;

        @Migrate(from = 1)
        static Map<String, AttributeValue> upper(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> lifted = new HashMap<>(item);
            lifted.put("text", AttributeValue.fromS(item.get("text").s().toUpperCase()));
            return lifted;
        }
    }

    @BeforeEach
    void tables() {
        createTable(Level.class);
        createTable(Note.class);
    }

    private static Map<String, AttributeValue> levelKey(String id) {
        return Map.of("id", s(id));
    }

    @Test
    void anItemWithoutSchemaVersionIsVersionOneAndRunsEveryStepOnRead() {
        putRaw("level", Map.of("id", s("e1m1"), "title", s("Hangar"), "author", s("John Romero"), "version", n(4)));
        try (Session session = sessions.openSession()) {
            Level level = session.get(Level.class, "e1m1");
            assertEquals("Hangar", level.name);
            assertEquals("John", level.authorFirst);
            assertEquals("Romero", level.authorLast);
            assertEquals(4L, level.version);
            assertTrue(session.isDirty(), "a migrated entity is dirty");
        }
    }

    @Test
    void theNextCommitWritesTheMigratedItemBackUnderItsVersionCondition() {
        putRaw("level", Map.of("id", s("e1m1"), "title", s("Hangar"), "author", s("John Romero"), "version", n(4),
                "unmapped", s("kept")));
        try (Session session = sessions.openSession()) {
            session.get(Level.class, "e1m1");
            recording.clear();
            session.commit();
            UpdateItemRequest update = recording.requests(UpdateItemRequest.class).get(0);
            assertTrue(update.conditionExpression().contains("#v = :expected"), update.conditionExpression());
            assertFalse(session.isDirty());
            recording.clear();
            session.commit();
            assertEquals(List.of(), recording.requests(), "written back once");
        }
        Map<String, AttributeValue> stored = getRaw("level", levelKey("e1m1"));
        assertEquals(Map.of("id", s("e1m1"), "name", s("Hangar"), "authorFirst", s("John"), "authorLast", s("Romero"),
                "version", n(5), "_schema", n(3), "unmapped", s("kept")), stored);
    }

    @Test
    void stepsStartAtTheStoredVersion() {
        putRaw("level", Map.of("id", s("e1m2"), "name", s("Nuclear Plant"), "author", s("Tom Hall"), "_schema", n(2),
                "version", n(1)));
        try (Session session = sessions.openSession()) {
            Level level = session.get(Level.class, "e1m2");
            assertEquals("Nuclear Plant", level.name, "the step from 1 did not run: it would have removed name");
            assertEquals("Tom", level.authorFirst);
        }
    }

    @Test
    void aCurrentItemIsNotDirtyAndASessionThatDoesNotCommitWritesNothing() {
        putRaw("level", Map.of("id", s("cur"), "name", s("Toxin"), "_schema", n(3), "version", n(1)));
        putRaw("level", Map.of("id", s("old"), "title", s("Refinery"), "version", n(1)));
        try (Session session = sessions.openSession()) {
            session.get(Level.class, "cur");
            assertFalse(session.isDirty());
            session.get(Level.class, "old");
            assertTrue(session.isDirty());
        }
        assertEquals(Map.of("id", s("old"), "title", s("Refinery"), "version", n(1)), getRaw("level", levelKey("old")));
    }

    @Test
    void queriesAndScansMigrateToo() {
        putRaw("level", Map.of("id", s("a"), "title", s("Command Control"), "version", n(1)));
        try (Session session = sessions.openSession()) {
            List<Level> all = session.scan(Level.class).list();
            assertEquals("Command Control", all.get(0).name);
        }
    }

    @Test
    void newEntitiesAreStoredWithTheCurrentSchemaVersion() {
        try (Session session = sessions.openSession()) {
            Level level = new Level();
            level.id = "new";
            level.name = "Phobos Lab";
            session.save(level);
            session.commit();
        }
        assertEquals(n(3), getRaw("level", levelKey("new")).get("_schema"));
    }

    @Test
    void anItemNewerThanTheClassIsAMappingExceptionNamingClassKeyAndVersions() {
        putRaw("level", Map.of("id", s("future"), "name", s("x"), "_schema", n(7)));
        try (Session session = sessions.openSession()) {
            MappingException e = assertThrows(MappingException.class, () -> session.get(Level.class, "future"));
            assertTrue(e.getMessage().contains("future"), e.getMessage());
            assertTrue(e.getMessage().contains("schema version 7"), e.getMessage());
            assertTrue(e.getMessage().contains("@SchemaVersion(3)"), e.getMessage());
            assertTrue(e.getMessage().contains(Level.class.getName()), e.getMessage());
        }
    }

    @Test
    void anUnversionedWriteBackIsConditionalOnTheSchemaVersionItRead() {
        putRaw("note_v2", Map.of("id", s("n"), "text", s("hello")));
        try (Session session = sessions.openSession()) {
            Note note = session.get(Note.class, "n");
            assertEquals("HELLO", note.text);
            // another process migrates and changes it meanwhile
            putRaw("note_v2", Map.of("id", s("n"), "text", s("OTHER"), "schema", n(2)));
            assertThrows(OptimisticLockException.class, session::commit);
            assertTrue(session.isDirty(), "the session is unchanged after the failed commit");
        }
        assertEquals(s("OTHER"), getRaw("note_v2", Map.of("id", s("n"))).get("text"));
    }

    @Test
    void anUnversionedWriteBackIsWrittenWhenNobodyChangedTheItem() {
        putRaw("note_v2", Map.of("id", s("n"), "text", s("hello"), "old", s("x")));
        try (Session session = sessions.openSession()) {
            session.get(Note.class, "n");
            session.commit();
        }
        assertEquals(Map.of("id", s("n"), "text", s("HELLO"), "old", s("x"), "schema", n(2)),
                getRaw("note_v2", Map.of("id", s("n"))));
    }

    @Test
    void refreshMigratesAndTheEntityIsWrittenBack() {
        putRaw("level", Map.of("id", s("r"), "name", s("Toxin"), "_schema", n(3), "version", n(1)));
        try (Session session = sessions.openSession()) {
            Level level = session.get(Level.class, "r");
            putRaw("level", Map.of("id", s("r"), "title", s("Old Toxin"), "version", n(2)));
            session.refresh(level);
            assertEquals("Old Toxin", level.name);
            assertTrue(session.isDirty());
            session.commit();
        }
        assertEquals(n(3), getRaw("level", levelKey("r")).get("_schema"));
        assertEquals(n(3), getRaw("level", levelKey("r")).get("version"));
    }

    @Test
    void aDeleteByKeyRunsNoMigration() {
        putRaw("note_v2", Map.of("id", s("d"), "text", s("gone")));
        try (Session session = sessions.openSession()) {
            session.delete(Note.class, "d"); // Note's step would fail on a key without "text"
            session.commit();
        }
        assertNull(getRaw("note_v2", Map.of("id", s("d"))));
    }

    @Test
    void anUnversionedWriteBackDoesNotResurrectADeletedItem() {
        putRaw("note_v2", Map.of("id", s("gone"), "text", s("bye")));
        try (Session session = sessions.openSession()) {
            session.get(Note.class, "gone");
            LOCAL.deleteItem(b -> b.tableName("note_v2").key(Map.of("id", s("gone"))));
            assertThrows(OptimisticLockException.class, session::commit);
        }
        assertNull(getRaw("note_v2", Map.of("id", s("gone"))));
    }
}
