package io.dynamapper.engine.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.HashKey;
import io.dynamapper.Table;
import io.dynamapper.Version;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Dirty checking through snapshots: every in-place change is seen, nothing else is, and revert undoes it. */
class DirtyCheckerTest {
    static class Address {
        String city;
        List<String> lines = new ArrayList<>();
    }

    @Table("snapshots")
    static class Doc {
        @HashKey String id;
        long counter;
        double ratio;
        boolean flag;
        char grade = 'A';
        Set<String> tags = new HashSet<>();
        Set<byte[]> blobs = new HashSet<>();
        List<Map<String, List<Integer>>> deep = new ArrayList<>();
        Map<String, Address> addresses = new HashMap<>();
        Address home;
        byte[] bytes;
        ByteBuffer buffer;
        Optional<List<String>> notes = Optional.empty();
        @Version Long version;
    }

    private static Doc doc() {
        Doc d = new Doc();
        d.id = "d";
        d.counter = 1_000_000;
        d.ratio = 0.5;
        d.tags.add("a");
        d.blobs.add(new byte[] {1, 2});
        d.deep.add(new HashMap<>(Map.of("k", new ArrayList<>(List.of(1, 2)))));
        Address a = new Address();
        a.city = "Paris";
        a.lines.add("1 rue");
        d.addresses.put("work", a);
        d.home = new Address();
        d.home.city = "Lyon";
        d.bytes = new byte[] {7};
        d.buffer = ByteBuffer.wrap(new byte[] {8, 9});
        d.notes = Optional.of(new ArrayList<>(List.of("n")));
        return d;
    }

    private final EntityModel<Doc> model = EntityModel.of(Doc.class);

    private void assertSeen(String field, Consumer<Doc> change) {
        Doc d = doc();
        Snapshot snapshot = model.dirty().snapshot(d);
        assertTrue(model.dirty().unchanged(snapshot, d));
        change.accept(d);
        assertFalse(model.dirty().unchanged(snapshot, d), field);
        assertEquals(List.of(field), model.dirty().changed(snapshot, d).stream().map(PropertyModel::fieldName).toList());
        model.dirty().revert(d, snapshot);
        assertTrue(model.dirty().unchanged(snapshot, d), "revert of " + field);
        assertEquals(model.toItem(doc()), model.toItem(d), "revert restores the stored state of " + field);
    }

    @Test
    void everyInPlaceChangeIsSeenAndReverted() {
        assertSeen("counter", d -> d.counter++);
        assertSeen("ratio", d -> d.ratio = -0.5);
        assertSeen("flag", d -> d.flag = true);
        assertSeen("grade", d -> d.grade = 'B');
        assertSeen("tags", d -> d.tags.add("b"));
        assertSeen("blobs", d -> d.blobs.iterator().next()[0] = 9);
        assertSeen("deep", d -> d.deep.get(0).get("k").add(3));
        assertSeen("addresses", d -> d.addresses.get("work").lines.add("2nd floor"));
        assertSeen("home", d -> d.home.city = "Nice");
        assertSeen("bytes", d -> d.bytes[0] = 0);
        assertSeen("buffer", d -> d.buffer.put(0, (byte) 0));
        assertSeen("notes", d -> d.notes.get().add("m"));
        assertSeen("notes", d -> d.notes = Optional.empty());
        assertSeen("home", d -> d.home = null);
    }

    @Test
    void whatDynamoDbCannotTellApartIsNotAChange() {
        Doc d = doc();
        d.tags = new HashSet<>();
        Snapshot snapshot = model.dirty().snapshot(d);
        d.tags = null;                             // empty set and null are both "no attribute"
        d.home = copyOf(d.home);                   // an equal copy
        d.deep = new ArrayList<>(d.deep);
        d.ratio = 0.50;
        assertTrue(model.dirty().unchanged(snapshot, d), () -> model.dirty().changed(snapshot, d).toString());
        Doc zero = doc();
        zero.ratio = 0.0;
        Snapshot zeroSnapshot = model.dirty().snapshot(zero);
        zero.ratio = -0.0;                          // DynamoDB has no negative zero
        assertTrue(model.dirty().unchanged(zeroSnapshot, zero));
    }

    @Test
    void theSnapshotDoesNotShareMutableStateWithTheEntity() {
        Doc d = doc();
        Snapshot snapshot = model.dirty().snapshot(d);
        d.bytes[0] = 1;
        d.tags.clear();
        model.dirty().revert(d, snapshot);
        assertArrayEquals(new byte[] {7}, d.bytes);
        assertEquals(Set.of("a"), d.tags);
        Doc other = doc();
        model.dirty().revert(other, snapshot);
        assertNotSame(d.tags, other.tags);
    }

    @Test
    void theVersionIsNotPartOfTheSnapshotAndRecordsCannotBeReverted() {
        Doc d = doc();
        Snapshot snapshot = model.dirty().snapshot(d);
        d.version = 7L;
        assertTrue(model.dirty().unchanged(snapshot, d));
        EntityModel<EntityModelSmokeTest.Rec> records = EntityModel.of(EntityModelSmokeTest.Rec.class);
        EntityModelSmokeTest.Rec r = new EntityModelSmokeTest.Rec("a", 1, 1);
        assertThrows(IllegalStateException.class, () -> records.dirty().revert(r, records.dirty().snapshot(r)));
    }

    private static Address copyOf(Address a) {
        Address copy = new Address();
        copy.city = a.city;
        copy.lines = new ArrayList<>(a.lines);
        return copy;
    }
}
