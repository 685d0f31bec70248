package io.dynamapper.engine.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Cache;
import io.dynamapper.Cached;
import io.dynamapper.HashKey;
import io.dynamapper.MappingException;
import io.dynamapper.RangeKey;
import io.dynamapper.Table;
import io.dynamapper.Version;
import io.dynamapper.engine.internal.mapping.EntityModel;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SecondLevelCacheTest {
    @Cached(expireAfterWrite = 10, unit = ChronoUnit.SECONDS, maximumSize = 3)
    @Table("versioned")
    static class Versioned {
        @HashKey long id;
        @RangeKey String sort;
        @Version long version;
    }

    @Cached(expireAfterWrite = 1, unit = ChronoUnit.MINUTES, maximumSize = 4)
    @Table("plain")
    static class Plain {
        @HashKey String id;
        String text;
    }

    @Table("uncached")
    static class Uncached {
        @HashKey String id;
    }

    @Cached(expireAfterWrite = 0)
    @Table("never")
    static class NoExpiry {
        @HashKey String id;
    }

    @Cached(expireAfterWrite = Long.MAX_VALUE, unit = ChronoUnit.DAYS)
    @Table("forever")
    static class Forever {
        @HashKey String id;
    }

    private final AtomicLong now = new AtomicLong();
    private final SecondLevelCache cache = SecondLevelCache.create(now::get);
    private final EntityModel<Versioned> versioned = EntityModel.of(Versioned.class);
    private final EntityModel<Plain> plain = EntityModel.of(Plain.class);

    private static AttributeValue n(String n) {
        return AttributeValue.fromN(n);
    }

    private static AttributeValue s(String s) {
        return AttributeValue.fromS(s);
    }

    private static Map<String, AttributeValue> item(String id, long version) {
        return Map.of("id", n(id), "sort", s("a"), "version", n(Long.toString(version)));
    }

    private Map<String, AttributeValue> lookup(String id) {
        return cache.lookup(versioned, Map.of("id", n(id), "sort", s("a")));
    }

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        cache.read(versioned, item("1", 2));
        cache.read(versioned, item("1", 1));
        assertEquals(n("2"), lookup("1").get("version"));
        cache.read(versioned, item("1", 3));
        assertEquals(n("3"), lookup("1").get("version"));
    }

    @Test
    void afterAnUpdateOnlyTheVersionItStoredOrALaterOneFillsTheEntry() {
        cache.read(versioned, item("1", 1));
        cache.updated(versioned, Map.of("id", n("1"), "sort", s("a")), 2);
        assertNull(lookup("1"), "a placeholder is a miss");
        cache.read(versioned, item("1", 1));
        assertNull(lookup("1"), "the version before the update does not fill it");
        cache.read(versioned, item("1", 2));
        assertEquals(n("2"), lookup("1").get("version"));
    }

    @Test
    void numericKeysMatchHoweverTheyAreWritten() {
        cache.read(versioned, item("10", 1));
        assertEquals(item("10", 1), cache.lookup(versioned, Map.of("id", n("10.0"), "sort", s("a"))));
        assertEquals(item("10", 1), cache.lookup(versioned, Map.of("id", n("1E+1"), "sort", s("a"))));
        assertNull(lookup("1"));
    }

    @Test
    void unversionedItemsAreReplacedByEveryRead() {
        cache.read(plain, Map.of("id", s("p"), "text", s("new")));
        cache.read(plain, Map.of("id", s("p"), "text", s("old")));
        assertEquals(s("old"), cache.lookup(plain, Map.of("id", s("p"))).get("text"));
        cache.updated(plain, Map.of("id", s("p")), 0);
        assertNull(cache.lookup(plain, Map.of("id", s("p"))));
    }

    @Test
    void notFoundIsForgottenUnlessTheClassAsks() {
        cache.read(plain, Map.of("id", s("p"), "text", s("x")));
        cache.notFound(plain, Map.of("id", s("p")));
        assertNull(cache.lookup(plain, Map.of("id", s("p"))));
    }

    @Test
    void eachClassExpiresAfterItsOwnDurationFromItsLastWrite() {
        cache.read(versioned, item("1", 1));
        cache.read(plain, Map.of("id", s("p")));
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertTrue(lookup("1") != null);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertNull(lookup("1"));
        assertTrue(cache.lookup(plain, Map.of("id", s("p"))) != null);
        now.addAndGet(Duration.ofSeconds(50).toNanos());
        assertNull(cache.lookup(plain, Map.of("id", s("p"))));
    }

    @Test
    void theBoundIsTheSumOfTheSharesOfTheClassesSeen() {
        Cache<?, ?> caffeine = cache.caffeine().orElseThrow();
        assertFalse(cache.caches(EntityModel.of(Uncached.class)));
        assertEquals(0, caffeine.policy().eviction().orElseThrow().getMaximum());
        assertTrue(cache.caches(versioned));
        assertTrue(cache.caches(plain));
        assertEquals(7, caffeine.policy().eviction().orElseThrow().getMaximum());
        for (int i = 0; i < 20; i++) {
            cache.read(versioned, item(Integer.toString(i), 1));
        }
        caffeine.cleanUp();
        assertTrue(caffeine.estimatedSize() <= 7, "size " + caffeine.estimatedSize());
    }

    @Test
    void theCaffeineCacheIsBuiltForTheFirstCachedClassWithItsShare() {
        cache.read(EntityModel.of(Uncached.class), Map.of("id", s("u"))); // no cached class yet: nothing to build
        cache.read(versioned, item("1", 1));
        Cache<?, ?> caffeine = cache.caffeine().orElseThrow();
        assertSame(caffeine, cache.caffeine().orElseThrow(), "one cache, built once");
        assertEquals(3, caffeine.policy().eviction().orElseThrow().getMaximum());
        assertEquals(1, caffeine.estimatedSize());
        assertTrue(cache.caches(plain));
        assertEquals(7, caffeine.policy().eviction().orElseThrow().getMaximum());
    }

    @Test
    void statisticsCountWhatTheSessionGetsAndAPlaceholderIsAMiss() {
        cache.read(versioned, item("1", 1));
        lookup("1");
        lookup("2");
        cache.updated(versioned, Map.of("id", n("1"), "sort", s("a")), 2);
        lookup("1");
        Cache<?, ?> caffeine = cache.caffeine().orElseThrow();
        assertEquals(1, caffeine.stats().hitCount());
        assertEquals(2, caffeine.stats().missCount());
        assertEquals(0, caffeine.stats().evictionCount());
    }

    @Test
    void uncachedClassesAndTheDisabledCacheHoldNothing() {
        EntityModel<Uncached> uncached = EntityModel.of(Uncached.class);
        cache.read(uncached, Map.of("id", s("u")));
        assertNull(cache.lookup(uncached, Map.of("id", s("u"))));
        SecondLevelCache off = SecondLevelCache.disabled();
        off.read(versioned, item("1", 1));
        assertFalse(off.caches(versioned));
        assertNull(off.lookup(versioned, Map.of("id", n("1"), "sort", s("a"))));
        assertTrue(off.caffeine().isEmpty());
    }

    @Test
    void badSettingsAreMappingErrorsNamingTheClass() {
        MappingException zero = assertThrows(MappingException.class, () -> cache.caches(EntityModel.of(NoExpiry.class)));
        assertTrue(zero.getMessage().contains(NoExpiry.class.getName()) && zero.getMessage().contains("was 0"),
                zero.getMessage());
        MappingException huge = assertThrows(MappingException.class, () -> cache.caches(EntityModel.of(Forever.class)));
        assertTrue(huge.getMessage().contains("too long"), huge.getMessage());
    }

    @Test
    void thePutItemIsCopied() {
        java.util.HashMap<String, AttributeValue> written = new java.util.HashMap<>(item("1", 1));
        cache.put(versioned, written);
        written.put("version", n("9"));
        assertEquals(n("1"), lookup("1").get("version"));
    }
}
