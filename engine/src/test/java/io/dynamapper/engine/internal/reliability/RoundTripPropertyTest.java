package io.dynamapper.engine.internal.reliability;

import static io.dynamapper.engine.internal.reliability.Deep.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.dynamapper.HashKey;
import io.dynamapper.Key;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.Table;
import io.dynamapper.Version;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Random entities holding every supported type, saved and loaded through sessions, come back equal
 * (BigDecimal by value); then every field of each is changed to a new random value, committed as
 * updates, and reloaded equal again. Seeded, so a failure names an entity that reproduces. On the
 * fake.
 */
class RoundTripPropertyTest {
    private static final long SEED = 20_250_601L;
    private static final int ENTITIES = 40;

    enum Color { RED, GREEN, BLUE }

    /** A nested record. */
    record Point(int x, long y, String label, Optional<String> note) {
    }

    /** A nested mutable class that refers to itself. */
    static final class Address {
        String street;
        Integer zip;
        Set<String> tags = new HashSet<>();
        Address next;
    }

    @Table("rel_everything")
    static final class Everything {
        @HashKey String id;
        boolean bool;
        Boolean boolBox;
        byte b;
        short sh;
        int i;
        Integer iBox;
        long l;
        Long lBox;
        float f;
        double d;
        Double dBox;
        char c;
        BigDecimal decimal;
        BigInteger bigInt;
        String text;
        String maybeEmpty;
        byte[] bytes;
        SdkBytes sdkBytes;
        ByteBuffer buffer;
        Color color;
        UUID uuid;
        Instant instant;
        LocalDate date;
        LocalDateTime localDateTime;
        OffsetDateTime offsetDateTime;
        ZonedDateTime zonedDateTime;
        Duration duration;
        Set<String> strings = new HashSet<>();
        Set<Long> longs = new HashSet<>();
        Set<BigDecimal> decimals = new HashSet<>();
        Set<byte[]> byteArrays = new HashSet<>();
        Set<Color> colors = new HashSet<>();
        List<String> list;
        List<Integer> listWithNulls;
        List<Set<String>> listOfSets;
        Map<String, Long> map;
        Map<String, List<Point>> pointsByName;
        Point point;
        Address address;
        List<Address> addresses;
        Optional<String> optional = Optional.empty();
        Optional<Point> optionalPoint = Optional.empty();
        Optional<Instant> optionalInstant = Optional.empty();
        @Version Long version;
    }

    private static Point point(Generator g) {
        return new Point(g.random.nextInt(), g.random.nextLong(), g.string(),
                g.chance(50) ? Optional.empty() : Optional.of(g.string()));
    }

    private static Address address(Generator g, int depth) {
        Address a = new Address();
        a.street = g.orNull(g::string);
        a.zip = g.orNull(g.random::nextInt);
        a.tags = g.set(g::string);
        a.next = depth < 2 && g.chance(40) ? address(g, depth + 1) : null;
        return a;
    }

    /** Sets every field but the key and the version to a new random value. */
    static void randomize(Everything e, Generator g) {
        e.bool = g.random.nextBoolean();
        e.boolBox = g.orNull(g.random::nextBoolean);
        e.b = (byte) g.random.nextInt();
        e.sh = (short) g.random.nextInt();
        e.i = g.random.nextInt();
        e.iBox = g.orNull(g.random::nextInt);
        e.l = g.random.nextLong();
        e.lBox = g.orNull(g.random::nextLong);
        e.f = g.finiteFloat();
        e.d = g.finiteDouble();
        e.dBox = g.orNull(g::finiteDouble);
        e.c = (char) g.between(0x20, 0xD7FF);
        e.decimal = g.orNull(g::decimal);
        e.bigInt = g.orNull(g::bigInteger);
        e.text = g.orNull(g::string);
        e.maybeEmpty = g.chance(50) ? "" : g.orNull(g::string);
        e.bytes = g.orNull(g::bytes);
        e.sdkBytes = g.orNull(() -> SdkBytes.fromByteArray(g.bytes()));
        e.buffer = g.orNull(() -> ByteBuffer.wrap(g.bytes()));
        e.color = g.orNull(() -> g.pick(List.of(Color.values())));
        e.uuid = g.orNull(() -> new UUID(g.random.nextLong(), g.random.nextLong()));
        e.instant = g.orNull(g::instant);
        e.date = g.orNull(g::localDate);
        e.localDateTime = g.orNull(g::localDateTime);
        e.offsetDateTime = g.orNull(g::offsetDateTime);
        e.zonedDateTime = g.orNull(g::zonedDateTime);
        e.duration = g.orNull(g::duration);
        e.strings = g.set(g::string);
        e.longs = g.set(g.random::nextLong);
        e.decimals = g.set(g::decimal).stream().map(BigDecimal::stripTrailingZeros)
                .collect(Collectors.toCollection(HashSet::new)); // 1.5 and 1.50 would be one element
        e.byteArrays = g.byteArraySet();
        e.colors = g.set(() -> g.pick(List.of(Color.values())));
        e.list = g.orNull(() -> g.list(g::string));
        e.listWithNulls = g.orNull(() -> g.list(() -> g.orNull(g.random::nextInt)));
        e.listOfSets = g.orNull(() -> g.list(() -> g.set(g::string)));
        e.map = g.orNull(() -> g.map(g.random::nextLong));
        e.pointsByName = g.orNull(() -> g.map(() -> g.list(() -> point(g))));
        e.point = g.orNull(() -> point(g));
        e.address = g.orNull(() -> address(g, 0));
        e.addresses = g.orNull(() -> g.list(() -> address(g, 1)));
        e.optional = g.chance(50) ? Optional.empty() : Optional.of(g.string());
        e.optionalPoint = g.chance(50) ? Optional.empty() : Optional.of(point(g));
        e.optionalInstant = g.chance(50) ? Optional.empty() : Optional.of(g.instant());
    }

    /** What a load returns for what was saved: the version as stored. */
    private static Everything expectedAfterLoad(Everything e) {
        return e; // every generated value round-trips as it is; the session updated the version in place
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.class)
    void randomEntitiesOfEveryTypeRoundTripThroughSessions(Backends backend) {
        DynamoDbClient raw = backend.fresh();
        Backends.createTables(raw, Everything.class);
        SessionFactory sessions = Backends.sessions(raw, 3);
        Generator g = new Generator(SEED);
        List<Everything> saved = new ArrayList<>();

        // saved one per commit (PutItem) for the first half, ten per commit (TransactWriteItems) after
        for (int n = 0; n < ENTITIES; ) {
            int batch = n < ENTITIES / 2 ? 1 : 10;
            try (Session s = sessions.openSession()) {
                for (int k = 0; k < batch; k++, n++) {
                    Everything e = new Everything();
                    e.id = "e" + n + "-" + g.nonEmptyString();
                    randomize(e, g);
                    s.save(e);
                    saved.add(e);
                }
                s.commit();
            }
        }
        assertAllLoadEqual(sessions, saved, 1);

        // every field changed in place and committed as updates, in the same two shapes
        for (int from = 0; from < ENTITIES; ) {
            int batch = from < ENTITIES / 2 ? 1 : 10;
            try (Session s = sessions.openSession()) {
                for (int k = 0; k < batch; k++) {
                    Everything loaded = s.get(Everything.class, saved.get(from + k).id);
                    randomize(loaded, g);
                    saved.set(from + k, loaded);
                }
                s.commit();
                assertFalse(s.isDirty(), "after commit, what was written is what the session holds");
            }
            from += batch;
        }
        assertAllLoadEqual(sessions, saved, 2);
    }

    private static void assertAllLoadEqual(SessionFactory sessions, List<Everything> saved, long version) {
        try (Session s = sessions.openSession(SessionOptions.defaults().withConsistentReads(true))) {
            for (Everything e : saved) {
                Everything loaded = s.get(Everything.class, e.id);
                assertEquals(version, loaded.version, "version of " + e.id);
                String difference = Deep.difference(e.id, expectedAfterLoad(e), loaded);
                if (difference != null) {
                    throw new AssertionError("entity " + e.id + " (seed " + SEED + ") differs: " + difference);
                }
            }
            // a batch read gives the same managed instances
            List<Key> keys = saved.stream().map(e -> Key.of(e.id)).toList();
            List<Everything> batch = s.getAll(Everything.class, keys);
            assertEquals(saved.size(), batch.size());
            for (int i = 0; i < saved.size(); i++) {
                assertDeepEquals(saved.get(i), batch.get(i));
            }
        }
        try (Session s = sessions.openSession(SessionOptions.defaults().withConsistentReads(true))) {
            Map<String, Everything> scanned = s.scan(Everything.class).consistentRead().list().stream()
                    .collect(Collectors.toMap(e -> e.id, e -> e));
            assertEquals(saved.size(), scanned.size());
            for (Everything e : saved) {
                assertDeepEquals(e, scanned.get(e.id));
            }
        }
    }
}
