package io.dynamapper.engine.internal.session;

import io.dynamapper.HashKey;
import io.dynamapper.RangeKey;
import io.dynamapper.Table;
import io.dynamapper.Version;
import java.util.HashSet;
import java.util.Set;

/** Entities of the session tests. Attribute names include DynamoDB reserved words (name, count, size). */
final class TestEntities {
    private TestEntities() {
    }

    @Table("doom_map")
    static class DoomMap {
        @HashKey long episode;
        @RangeKey int map;
        String name;
        Set<String> cheats = new HashSet<>(Set.of("Konami"));
        @Version Long version;

        DoomMap() {
        }

        DoomMap(long episode, int map, String name) {
            this.episode = episode;
            this.map = map;
            this.name = name;
        }

        @Override
        public String toString() {
            return "DoomMap(" + episode + ", " + map + ", " + name + ", v" + version + ")";
        }
    }

    @Table("account")
    static class Account {
        @HashKey String id;
        long balance;
        String owner;
        @Version long version;

        Account() {
        }

        Account(String id, long balance) {
            this.id = id;
            this.balance = balance;
        }
    }

    /** A record: changed by saving a new instance. */
    @Table("counter")
    record Counter(@HashKey String id, int count, String label, @Version long version) {
        Counter withCount(int newCount) {
            return new Counter(id, newCount, label, version);
        }
    }

    /** No version: new items are put with attribute_not_exists, updates and deletes are unconditional. */
    @Table("note")
    static class Note {
        @HashKey String id;
        String text;
        Long size;

        Note() {
        }

        Note(String id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    /** Not an entity: no @Table. */
    static class Unmapped {
        String id;
    }
}
