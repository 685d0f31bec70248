package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.DynamapperException;
import io.dynamapper.Isolation;
import io.dynamapper.Session;
import io.dynamapper.SessionOptions;
import io.dynamapper.TransactionTooLargeException;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.session.TestEntities.Account;
import io.dynamapper.engine.internal.session.TestEntities.Counter;
import io.dynamapper.engine.internal.session.TestEntities.DoomMap;
import io.dynamapper.engine.internal.session.TestEntities.Note;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class SessionCommitTest extends SessionTestSupport {

    private void storeDoomMap(long episode, int map, String name, long version) {
        putRaw("doom_map", Map.of("episode", n(episode), "map", n(map), "name", s(name), "version", n(version),
                "cheats", AttributeValue.fromSs(List.of("Konami"))));
    }

    private List<Object> writeRequests() {
        return recording.requests().stream().filter(r -> !(r instanceof GetItemRequest)).map(r -> (Object) r).toList();
    }

    @Test
    void aCleanSessionSendsNothing() {
        storeDoomMap(1, 1, "Hangar", 1);
        try (Session s = sessions.openSession()) {
            s.get(DoomMap.class, 1, 1);
            assertFalse(s.isDirty());
            recording.clearRequests();
            s.commit();
            assertEquals(List.of(), recording.requests());
        }
    }

    @Test
    void aSessionOfManyEntitiesChecksThemInBulkAndWritesOnlyTheChangedOnes() {
        int count = SessionImpl.BULK_CHECK + 44;
        for (int map = 0; map < count; map++) {
            storeDoomMap(2, map, "map " + map, 1);
        }
        try (Session s = sessions.openSession()) {
            List<DoomMap> maps = new java.util.ArrayList<>();
            for (int map = 0; map < count; map++) {
                maps.add(s.get(DoomMap.class, 2, map));
            }
            assertFalse(s.isDirty());
            maps.get(17).name = "changed";
            maps.get(count - 1).cheats.add("IDDQD");
            assertTrue(s.isDirty());
            recording.clearRequests();
            s.commit();
            List<UpdateItemRequest> updates = recording.requests(UpdateItemRequest.class);
            List<TransactWriteItemsRequest> transactions = recording.requests(TransactWriteItemsRequest.class);
            assertEquals(List.of(), updates, "two changes go in one transaction");
            assertEquals(1, transactions.size());
            assertEquals(Set.of(doomKey(2, 17), doomKey(2, count - 1)), transactions.get(0).transactItems().stream()
                    .map(t -> t.update().key()).collect(java.util.stream.Collectors.toSet()));
            assertFalse(s.isDirty());
            maps.get(100).map = 100; // the same value: no change
            assertFalse(s.isDirty());
        }
    }

    @Test
    void anUpdateSetsOnlyTheChangedAttributesAndLeavesUnknownOnesAlone() {
        putRaw("doom_map", Map.of("episode", n(1), "map", n(1), "name", s("Hangar"), "version", n(3),
                "cheats", AttributeValue.fromSs(List.of("Konami")), "legacy", s("kept")));
        try (Session s = sessions.openSession()) {
            DoomMap m = s.get(DoomMap.class, 1, 1);
            m.name = "Nuclear Plant";
            assertTrue(s.isDirty());
            recording.clearRequests();
            s.commit();
            List<UpdateItemRequest> updates = recording.requests(UpdateItemRequest.class);
            assertEquals(1, recording.requests().size());
            UpdateItemRequest u = updates.get(0);
            assertEquals("doom_map", u.tableName());
            assertEquals(doomKey(1, 1), u.key());
            assertEquals("SET #a0 = :v0, #v = :next", u.updateExpression());
            assertEquals("#v = :expected", u.conditionExpression());
            assertEquals(Map.of("#a0", "name", "#v", "version"), u.expressionAttributeNames());
            assertEquals(Map.of(":v0", s("Nuclear Plant"), ":next", n(4), ":expected", n(3)),
                    u.expressionAttributeValues());
            assertEquals(ReturnValuesOnConditionCheckFailure.ALL_OLD, u.returnValuesOnConditionCheckFailure());
            assertEquals(4L, m.version, "the version is bumped in memory after the commit");
            assertFalse(s.isDirty());
        }
        Map<String, AttributeValue> stored = getRaw("doom_map", doomKey(1, 1));
        assertEquals(s("Nuclear Plant"), stored.get("name"));
        assertEquals(n(4), stored.get("version"));
        assertEquals(s("kept"), stored.get("legacy"));
    }

    @Test
    void clearedAttributesAreRemoved() {
        storeDoomMap(1, 1, "Hangar", 1);
        try (Session s = sessions.openSession()) {
            DoomMap m = s.get(DoomMap.class, 1, 1);
            m.name = null;
            m.cheats.clear();
            recording.clearRequests();
            s.commit();
            UpdateItemRequest u = recording.requests(UpdateItemRequest.class).get(0);
            assertEquals("SET #v = :next REMOVE #a0, #a1", u.updateExpression());
            assertEquals(Map.of("#a0", "name", "#a1", "cheats", "#v", "version"), u.expressionAttributeNames());
        }
        Map<String, AttributeValue> stored = getRaw("doom_map", doomKey(1, 1));
        assertFalse(stored.containsKey("name"));
        assertFalse(stored.containsKey("cheats"));
    }

    @Test
    void aChangedSetIsWrittenWholeAndASecondCommitSendsNothing() {
        storeDoomMap(1, 1, "Hangar", 1);
        try (Session s = sessions.openSession()) {
            DoomMap m = s.get(DoomMap.class, 1, 1);
            m.cheats.add("idkfa");
            s.commit();
            recording.clearRequests();
            s.commit();
            assertEquals(List.of(), recording.requests());
            m.cheats.add("iddqd");
            s.commit();
            assertEquals(3L, m.version);
        }
        assertEquals(Set.of("Konami", "idkfa", "iddqd"), new HashSet<>(getRaw("doom_map", doomKey(1, 1)).get("cheats").ss()));
    }

    @Test
    void oneNewEntityIsASingleConditionalPutWithVersionOne() {
        try (Session s = sessions.openSession()) {
            DoomMap m = new DoomMap(1, 1, "Hangar");
            s.save(m);
            s.commit();
            assertEquals(1L, m.version);
            PutItemRequest put = recording.requests(PutItemRequest.class).get(0);
            assertEquals(1, recording.requests().size());
            assertEquals("attribute_not_exists(#h)", put.conditionExpression());
            assertEquals(Map.of("#h", "episode"), put.expressionAttributeNames());
            assertEquals(n(1), put.item().get("version"));
            // managed after the commit: a change is an update
            m.name = "Nuclear Plant";
            s.commit();
            assertEquals(2L, m.version);
        }
        assertEquals(n(2), getRaw("doom_map", doomKey(1, 1)).get("version"));
    }

    @Test
    void oneDeleteIsASingleConditionalDelete() {
        storeDoomMap(1, 1, "Hangar", 5);
        try (Session s = sessions.openSession()) {
            s.delete(s.get(DoomMap.class, 1, 1));
            recording.clearRequests();
            s.commit();
            DeleteItemRequest d = recording.requests(DeleteItemRequest.class).get(0);
            assertEquals(1, recording.requests().size());
            assertEquals("#v = :expected", d.conditionExpression());
            assertEquals(Map.of(":expected", n(5)), d.expressionAttributeValues());
            assertTrue(s.find(DoomMap.class, 1, 1).isEmpty());
        }
        assertNull(getRaw("doom_map", doomKey(1, 1)));
    }

    @Test
    void severalWritesAreOneTransactionWithAToken() {
        storeDoomMap(1, 1, "Hangar", 1);
        storeDoomMap(1, 2, "Plant", 1);
        try (Session s = sessions.openSession()) {
            s.get(DoomMap.class, 1, 1).name = "Hangar 2";
            s.delete(s.get(DoomMap.class, 1, 2));
            s.save(new DoomMap(1, 3, "Toxin Refinery"));
            recording.clearRequests();
            s.commit();
            List<TransactWriteItemsRequest> txs = recording.requests(TransactWriteItemsRequest.class);
            assertEquals(1, recording.requests().size());
            TransactWriteItemsRequest tx = txs.get(0);
            assertEquals(3, tx.transactItems().size());
            assertNotNull(tx.transactItems().get(0).update());
            assertNotNull(tx.transactItems().get(1).delete());
            assertNotNull(tx.transactItems().get(2).put());
            assertNotNull(tx.clientRequestToken());
            assertTrue(tx.clientRequestToken().length() <= 36);
        }
        assertEquals(s("Hangar 2"), getRaw("doom_map", doomKey(1, 1)).get("name"));
        assertNull(getRaw("doom_map", doomKey(1, 2)));
        assertEquals(n(1), getRaw("doom_map", doomKey(1, 3)).get("version"));
    }

    @Test
    void aHundredAndOneWritesAreRejectedBeforeAnythingIsSent() {
        try (Session s = sessions.openSession()) {
            for (int i = 0; i < 101; i++) {
                s.save(new Account("a" + i, i));
            }
            TransactionTooLargeException e = assertThrows(TransactionTooLargeException.class, s::commit);
            assertTrue(e.getMessage().contains("101 actions"), e.getMessage());
            assertEquals(List.of(), recording.requests());
            assertTrue(s.isDirty(), "the changes are still pending");
        }
    }

    @Test
    void serializableReadChecksCountInTheHundredActionLimit() {
        try (Session s = sessions.openSession(SessionOptions.defaults().withIsolation(Isolation.SERIALIZABLE))) {
            for (int i = 0; i < 60; i++) {
                ((SessionImpl) s).load(EntityModel.of(Account.class), Map.of("id", s("r" + i), "version", n(1)));
            }
            for (int i = 0; i < 41; i++) {
                s.save(new Account("w" + i, i));
            }
            TransactionTooLargeException e = assertThrows(TransactionTooLargeException.class, s::commit);
            assertTrue(e.getMessage().contains("41 writes and 60 SERIALIZABLE read checks"), e.getMessage());
            assertEquals(List.of(), recording.requests());
        }
    }

    @Test
    void aHundredWritesAreOneTransaction() {
        try (Session s = sessions.openSession()) {
            for (int i = 0; i < 100; i++) {
                s.save(new Account("a" + i, i));
            }
            s.commit();
            assertEquals(1, recording.requests(TransactWriteItemsRequest.class).size());
            assertEquals(1, recording.requests().size());
        }
    }

    @Test
    void anItemOverFourHundredKilobytesIsRejectedNamingTheEntity() {
        try (Session s = sessions.openSession()) {
            s.save(new Note("big", "x".repeat(400 * 1024)));
            DynamapperException e = assertThrows(DynamapperException.class, s::commit);
            assertTrue(e.getMessage().contains("Note ('big')") && e.getMessage().contains("400 KB"), e.getMessage());
            assertEquals(List.of(), recording.requests());
        }
    }

    @Test
    void anUpdateIsCheckedAgainstTheWholeStoredItemIncludingAttributesTheEntityDoesNotMap() {
        putRaw("note", Map.of("id", s("n"), "text", s("x".repeat(100 * 1024)), "legacy", s("y".repeat(250 * 1024))));
        try (Session s = sessions.openSession()) {
            Note note = s.get(Note.class, "n");
            note.text = "z".repeat(140 * 1024);                      // 140 + 250 KB: fits
            s.commit();
            recording.clearRequests();
            note.text = "z".repeat(160 * 1024);                      // 160 + 250 KB: does not
            DynamapperException e = assertThrows(DynamapperException.class, s::commit);
            assertTrue(e.getMessage().contains("400 KB"), e.getMessage());
            assertEquals(List.of(), recording.requests(), "rejected before sending");
            note.text = "short";
            s.commit();
        }
        assertEquals(s("y".repeat(250 * 1024)), getRaw("note", Map.of("id", s("n"))).get("legacy"));
    }

    @Test
    void moreThanFourMegabytesInOneTransactionIsRejected() {
        try (Session s = sessions.openSession()) {
            for (int i = 0; i < 11; i++) {
                s.save(new Note("n" + i, "x".repeat(390 * 1024)));
            }
            TransactionTooLargeException e = assertThrows(TransactionTooLargeException.class, s::commit);
            assertTrue(e.getMessage().contains("4 MB"), e.getMessage());
            assertEquals(List.of(), recording.requests());
        }
    }

    @Test
    void aDetachedCopyUpdatesAllMappedAttributesOnItsVersion() {
        putRaw("doom_map", Map.of("episode", n(1), "map", n(1), "name", s("Hangar"), "version", n(2),
                "cheats", AttributeValue.fromSs(List.of("Konami")), "legacy", s("kept")));
        DoomMap copy = new DoomMap(1, 1, "Hangar (edited offline)");
        copy.cheats = new HashSet<>();
        copy.version = 2L;
        try (Session s = sessions.openSession()) {
            s.save(copy);
            s.commit();
            UpdateItemRequest u = recording.requests(UpdateItemRequest.class).get(0);
            assertEquals("SET #a0 = :v0, #v = :next REMOVE #a1", u.updateExpression());
            assertEquals("#v = :expected", u.conditionExpression());
            assertEquals(n(2), u.expressionAttributeValues().get(":expected"));
            assertEquals(3L, copy.version);
            assertSame(copy, s.get(DoomMap.class, 1, 1), "the copy is managed now");
        }
        Map<String, AttributeValue> stored = getRaw("doom_map", doomKey(1, 1));
        assertEquals(s("Hangar (edited offline)"), stored.get("name"));
        assertFalse(stored.containsKey("cheats"));
        assertEquals(s("kept"), stored.get("legacy"));
        assertEquals(n(3), stored.get("version"));
    }

    @Test
    void recordsAreChangedBySavingANewInstance() {
        putRaw("counter", Map.of("id", s("c"), "count", n(3), "label", s("clicks"), "version", n(1)));
        try (Session s = sessions.openSession()) {
            Counter c = s.get(Counter.class, "c");
            s.save(c.withCount(4));
            recording.clearRequests();
            s.commit();
            UpdateItemRequest u = recording.requests(UpdateItemRequest.class).get(0);
            assertEquals("SET #a0 = :v0, #v = :next", u.updateExpression());
            assertEquals(Map.of("#a0", "count", "#v", "version"), u.expressionAttributeNames());
            Counter managed = s.get(Counter.class, "c");
            assertEquals(new Counter("c", 4, "clicks", 2), managed, "the identity map holds the new version");
            s.save(new Counter("c", 4, "clicks", 2));
            recording.clearRequests();
            s.commit();
            assertEquals(List.of(), recording.requests(), "an equal record is no change");
        }
        assertEquals(n(4), getRaw("counter", Map.of("id", s("c"))).get("count"));
    }

    @Test
    void afterACommitTheSnapshotHoldsWhatWasWrittenAndEveryLaterChangeIsSeen() {
        storeDoomMap(1, 1, "Hangar", 1);
        try (Session s = sessions.openSession()) {
            DoomMap m = s.get(DoomMap.class, 1, 1);
            m.name = "Nuclear Plant";
            s.commit();
            assertFalse(s.isDirty(), "what was committed is the stored state");
            m.name = "Hangar";                      // back to the value before the first commit
            m.cheats.add("IDDQD");                  // a property the first commit did not write
            recording.clearRequests();
            s.commit();
            UpdateItemRequest u = recording.requests(UpdateItemRequest.class).get(0);
            assertEquals(Map.of("#a0", "name", "#a1", "cheats", "#v", "version"), u.expressionAttributeNames());
            m.cheats.remove("IDDQD");
            assertTrue(s.isDirty(), "the second commit's set is the stored one now");
            s.commit();
        }
        Map<String, AttributeValue> stored = getRaw("doom_map", doomKey(1, 1));
        assertEquals(s("Hangar"), stored.get("name"));
        assertEquals(Set.of("Konami"), Set.copyOf(stored.get("cheats").ss()));
        assertEquals(n(4), stored.get("version"));
    }

    @Test
    void afterACommittedRecordTheNextSavedInstanceIsComparedWithWhatWasWritten() {
        putRaw("counter", Map.of("id", s("c"), "count", n(3), "label", s("clicks"), "version", n(1)));
        try (Session s = sessions.openSession()) {
            s.save(s.get(Counter.class, "c").withCount(4));
            s.commit();
            s.save(new Counter("c", 3, "taps", 2));   // count back to its first value, and a new label
            recording.clearRequests();
            s.commit();
            UpdateItemRequest u = recording.requests(UpdateItemRequest.class).get(0);
            assertEquals(Map.of("#a0", "count", "#a1", "label", "#v", "version"), u.expressionAttributeNames());
            s.save(new Counter("c", 3, "taps", 3));
            recording.clearRequests();
            s.commit();
            assertEquals(List.of(), recording.requests(), "an equal record is no change");
        }
        Map<String, AttributeValue> stored = getRaw("counter", Map.of("id", s("c")));
        assertEquals(n(3), stored.get("count"));
        assertEquals(s("taps"), stored.get("label"));
    }

    @Test
    void aDetachedRecordIsUpdatedOnItsVersion() {
        putRaw("counter", Map.of("id", s("c"), "count", n(3), "label", s("clicks"), "version", n(5)));
        try (Session s = sessions.openSession()) {
            s.save(new Counter("c", 10, null, 5));
            s.commit();
            UpdateItemRequest u = recording.requests(UpdateItemRequest.class).get(0);
            assertEquals("SET #a0 = :v0, #v = :next REMOVE #a1", u.updateExpression());
            assertEquals(new Counter("c", 10, null, 6), s.get(Counter.class, "c"));
        }
        assertEquals(n(10), getRaw("counter", Map.of("id", s("c"))).get("count"));
        assertNull(getRaw("counter", Map.of("id", s("c"))).get("label"));
    }

    @Test
    void newRecordsGetVersionOneInTheIdentityMap() {
        try (Session s = sessions.openSession()) {
            s.save(new Counter("c", 1, null, 0));
            s.commit();
            assertEquals(new Counter("c", 1, null, 1), s.get(Counter.class, "c"));
        }
    }

    @Test
    void unversionedEntities() {
        try (Session s = sessions.openSession()) {
            Note note = new Note("n", "first");
            s.save(note);
            s.commit();
            assertEquals("attribute_not_exists(#h)", recording.requests(PutItemRequest.class).get(0).conditionExpression());
            note.text = "second";
            note.size = 6L;
            s.commit();
            UpdateItemRequest u = recording.requests(UpdateItemRequest.class).get(0);
            assertEquals("SET #a0 = :v0, #a1 = :v1", u.updateExpression());
            assertEquals(Map.of("#a0", "text", "#a1", "size", "#h", "id"), u.expressionAttributeNames());
            assertEquals("attribute_exists(#h) AND #a0 = :o0 AND attribute_not_exists(#a1)", u.conditionExpression(),
                    "guarded by the item existing and the old value (or absence) of every attribute changed");
            assertEquals(s("first"), u.expressionAttributeValues().get(":o0"));
            s.delete(note);
            s.commit();
            assertEquals("attribute_exists(#h)", recording.requests(DeleteItemRequest.class).get(0).conditionExpression());
        }
        assertNull(getRaw("note", Map.of("id", s("n"))));
    }

    @Test
    void changingTheKeyOfAManagedEntityIsAnErrorAtCommit() {
        storeDoomMap(1, 1, "Hangar", 1);
        try (Session s = sessions.openSession()) {
            DoomMap m = s.get(DoomMap.class, 1, 1);
            m.map = 2;
            recording.clearRequests();
            DynamapperException e = assertThrows(DynamapperException.class, s::commit);
            assertTrue(e.getMessage().contains("key") && e.getMessage().contains("(1, 1)")
                    && e.getMessage().contains("(1, 2)"), e.getMessage());
            assertEquals(List.of(), recording.requests());
        }
    }

    @Test
    void savedThenDeletedNewEntityIsForgotten() {
        try (Session s = sessions.openSession()) {
            Account a = new Account("a", 1);
            s.save(a);
            s.delete(a);
            assertFalse(s.isDirty());
            s.commit();
            assertEquals(List.of(), writeRequests());
        }
    }

    @Test
    void deletingAnUnmanagedEntityUsesItsVersionIfSet() {
        putRaw("account", Map.of("id", s("a"), "balance", n(1), "version", n(4)));
        putRaw("account", Map.of("id", s("b"), "balance", n(1), "version", n(4)));
        try (Session s = sessions.openSession()) {
            Account a = new Account("a", 0);
            a.version = 4;
            s.delete(a);
            s.delete(new Account("b", 0));
            s.commit();
            TransactWriteItemsRequest tx = recording.requests(TransactWriteItemsRequest.class).get(0);
            assertEquals("#v = :expected", tx.transactItems().get(0).delete().conditionExpression());
            assertNull(tx.transactItems().get(1).delete().conditionExpression());
        }
        assertNull(getRaw("account", Map.of("id", s("a"))));
        assertNull(getRaw("account", Map.of("id", s("b"))));
    }
}
