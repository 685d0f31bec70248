package io.dynamapper.engine.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.HashKey;
import io.dynamapper.MappingException;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    @Test
    void theCompiledCheckAgreesWithThePropertyByPropertyComparisonOnRandomEntities() {
        EntityModel<Fixtures.AllTypes> all = EntityModel.of(Fixtures.AllTypes.class);
        DirtyChecker<Fixtures.AllTypes> dirty = all.dirty().compiled();
        List<PropertyModel> properties = all.properties();
        RandomValues random = new RandomValues(20261202);
        int clean = 0;
        int changed = 0;
        for (int n = 0; n < 300; n++) {
            Fixtures.AllTypes a = random.allTypes("x");
            Fixtures.AllTypes other = random.allTypes("x");
            Fixtures.AllTypes mixed = all.fromItem(all.toItem(a)); // an equal copy, then some properties of another
            int taken = n % 3 == 0 ? 0 : 1 + random.random.nextInt(3);
            for (int k = 0; k < taken; k++) {
                PropertyModel p = properties.get(1 + random.random.nextInt(properties.size() - 1)); // never the key
                p.write(mixed, p.read(other));
            }
            Snapshot snapshot = dirty.snapshot(a);
            boolean same = dirty.unchangedInBulk(snapshot, mixed);
            assertEquals(dirty.changed(snapshot, mixed).isEmpty(), same, "instance " + n);
            assertEquals(dirty.unchanged(snapshot, mixed), same, "instance " + n);
            if (taken == 0) {
                assertTrue(same, "an equal copy is no change: instance " + n);
            }
            if (same) {
                clean++;
            } else {
                changed++;
            }
        }
        assertTrue(clean > 100 && changed > 100, clean + " clean, " + changed + " changed: both kinds are checked");
    }

    @Test
    void aRefreshedSnapshotAnswersAsAWholeNewSnapshotOnRandomEntities() {
        EntityModel<Fixtures.AllTypes> all = EntityModel.of(Fixtures.AllTypes.class);
        DirtyChecker<Fixtures.AllTypes> dirty = all.dirty();
        List<PropertyModel> properties = all.properties();
        RandomValues random = new RandomValues(20261203);
        int refreshedWithChanges = 0;
        for (int n = 0; n < 300; n++) {
            Fixtures.AllTypes stored = random.allTypes("x");
            Snapshot before = dirty.snapshot(stored);
            Fixtures.AllTypes written = all.fromItem(all.toItem(stored));
            mix(written, random.allTypes("x"), properties, random, n % 4);
            List<PropertyModel> changed = dirty.changed(before, written);
            Snapshot refreshed = dirty.refreshed(before, written, changed);
            Snapshot whole = dirty.snapshot(written);
            assertEquals(List.of(), dirty.changed(refreshed, written), "instance " + n);
            assertTrue(dirty.unchanged(refreshed, written), "instance " + n);
            if (!changed.isEmpty()) {
                refreshedWithChanges++;
            }
            Fixtures.AllTypes later = all.fromItem(all.toItem(written)); // then changed again, or not
            mix(later, random.allTypes("x"), properties, random, n % 3);
            assertEquals(dirty.changed(whole, later), dirty.changed(refreshed, later), "instance " + n);
            assertEquals(all.toItem(restoredFrom(all, whole, later)), all.toItem(restoredFrom(all, refreshed, later)),
                    "instance " + n + ": both revert to the same state");
        }
        assertTrue(refreshedWithChanges > 150, refreshedWithChanges + " of 300 had changes");
    }

    private static void mix(Fixtures.AllTypes target, Fixtures.AllTypes other, List<PropertyModel> properties,
                            RandomValues random, int count) {
        for (int k = 0; k < count; k++) {
            PropertyModel p = properties.get(1 + random.random.nextInt(properties.size() - 1)); // never the key
            p.write(target, p.read(other));
        }
    }

    private static Fixtures.AllTypes restoredFrom(EntityModel<Fixtures.AllTypes> all, Snapshot snapshot,
                                                  Fixtures.AllTypes entity) {
        Fixtures.AllTypes copy = all.fromItem(all.toItem(entity));
        all.dirty().revert(copy, snapshot);
        return copy;
    }

    @Test
    void aRefreshedSnapshotKeepsTheReadValueOfAPropertyTheWriteDidNotTake() {
        Doc d = doc();
        Snapshot read = model.dirty().snapshot(d);
        d.counter++;
        List<PropertyModel> changed = model.dirty().changed(read, d);
        d.flag = true; // changed after the dirty check: not written by this commit
        d.home.city = "Nice";
        Snapshot refreshed = model.dirty().refreshed(read, d, changed);
        assertEquals(List.of("flag", "home"),
                model.dirty().changed(refreshed, d).stream().map(PropertyModel::fieldName).toList());
        d.tags.add("b"); // a collection among the changes: still right
        List<PropertyModel> more = model.dirty().changed(refreshed, d);
        assertTrue(model.dirty().unchanged(model.dirty().refreshed(refreshed, d, more), d));
    }

    @Test
    void everyPrimitiveTypeIsSnapshottedComparedAndRevertedWithoutLoss() {
        EntityModel<Fixtures.AllTypes> all = EntityModel.of(Fixtures.AllTypes.class);
        Fixtures.AllTypes t = new RandomValues(7).allTypes("p");
        t.b = Byte.MIN_VALUE;
        t.s = Short.MIN_VALUE;
        t.i = Integer.MIN_VALUE;
        t.l = Long.MIN_VALUE;
        t.f = -Float.MAX_VALUE;
        t.d = -1.25e-100;
        t.bool = true;
        t.c = Character.MAX_VALUE;
        Fixtures.AllTypes stored = all.fromItem(all.toItem(t));
        Snapshot snapshot = all.dirty().snapshot(t);
        assertTrue(all.dirty().unchanged(snapshot, t));
        assertTrue(all.dirty().compiled().unchangedInBulk(snapshot, t));
        t.b++;
        t.s++;
        t.i++;
        t.l++;
        t.f = Float.MAX_VALUE;
        t.d = 0;
        t.bool = false;
        t.c = 'c';
        assertEquals(List.of("bool", "b", "s", "i", "l", "f", "d", "c"),
                all.dirty().changed(snapshot, t).stream().map(PropertyModel::fieldName).toList());
        assertEquals(AttributeValue.fromN("-2147483648"), all.dirty().snapshotValue(snapshot, all.property("i").orElseThrow()));
        all.dirty().revert(t, snapshot);
        assertTrue(all.dirty().unchanged(snapshot, t));
        assertNull(Deep.difference("", stored, t));
        t.i++;
        assertFalse(all.dirty().unchangedInBulk(snapshot, t), "compiled");
        assertFalse(all.dirty().unchanged(snapshot, t));
    }

    @Table("counted")
    static class Counted {
        @HashKey String id;
        long n;
        List<String> tags = new ArrayList<>(List.of("a", "b"));
    }

    @Test
    void theCheckIsCompiledAfterManyChecksAndStillSeesEveryChange() {
        DirtyChecker<Counted> dirty = EntityModel.of(Counted.class).dirty();
        Counted c = new Counted();
        c.id = "c";
        Snapshot snapshot = dirty.snapshot(c);
        for (int i = 0; i < DirtyChecker.COMPILE_AFTER; i++) {
            assertTrue(dirty.unchanged(snapshot, c));
        }
        assertFalse(dirty.isCompiled(), "checks one at a time never compile it");
        for (int i = 0; i < DirtyChecker.COMPILE_AFTER; i++) {
            assertTrue(dirty.unchangedInBulk(snapshot, c));
        }
        assertTrue(dirty.isCompiled());
        assertTrue(dirty.unchangedInBulk(snapshot, c));
        c.tags.set(1, new String("b")); // an equal element, another instance
        assertTrue(dirty.unchangedInBulk(snapshot, c));
        c.tags.set(1, "B");
        assertFalse(dirty.unchangedInBulk(snapshot, c));
        c.tags.set(1, "b");
        c.n = 1;
        assertFalse(dirty.unchangedInBulk(snapshot, c));
    }

    @Test
    void aNaNInAPrimitiveFieldIsAlwaysAChange() {
        Doc d = doc();
        d.ratio = Double.NaN;
        Snapshot snapshot = model.dirty().snapshot(d);
        assertFalse(model.dirty().unchanged(snapshot, d), "NaN is never equal: the write then reports it");
        assertEquals(List.of("ratio"), model.dirty().changed(snapshot, d).stream().map(PropertyModel::fieldName).toList());
    }

    @Table("failing")
    record Failing(@HashKey String id, List<String> tags) {
        @Override
        public List<String> tags() {
            if (tags != null && tags.contains("boom")) {
                throw new IllegalStateException("accessor failed");
            }
            return tags;
        }
    }

    @Test
    void aFailureInTheCompiledCheckIsReportedNamingClassFieldAndKey() {
        EntityModel<Failing> failing = EntityModel.of(Failing.class);
        failing.dirty().compiled();
        Snapshot snapshot = failing.dirty().snapshot(new Failing("f", List.of("a")));
        MappingException e = assertThrows(MappingException.class,
                () -> failing.dirty().unchangedInBulk(snapshot, new Failing("f", List.of("boom"))));
        assertTrue(e.getMessage().contains("Failing.tags") && e.getMessage().contains("f"), e.getMessage());
        assertTrue(failing.dirty().unchangedInBulk(snapshot, new Failing("f", new ArrayList<>(List.of("a")))));
        assertFalse(failing.dirty().unchangedInBulk(snapshot, new Failing("f", new java.util.LinkedList<>(List.of("b")))));
    }

    private static Address copyOf(Address a) {
        Address copy = new Address();
        copy.city = a.city;
        copy.lines = new ArrayList<>(a.lines);
        return copy;
    }
}
