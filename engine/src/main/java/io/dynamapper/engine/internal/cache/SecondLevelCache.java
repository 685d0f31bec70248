package io.dynamapper.engine.internal.cache;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import io.dynamapper.Cached;
import io.dynamapper.MappingException;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.PropertyModel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A factory's second-level cache: one Caffeine cache shared by the factory's sessions, keyed by table
 * and key (numbers in canonical form), holding stored items, never entity instances. Only classes
 * with {@link Cached} use it. Thread-safe.
 *
 * <p>Each entry expires {@link Cached#expireAfterWrite()} after it was last written, whatever its
 * class; reading an entry never extends its life. The cache's bound is the sum of the
 * {@link Cached#maximumSize()} of the classes seen so far. Statistics are recorded.
 *
 * <p>The Caffeine cache itself is built when the first {@link Cached} class is seen, or when
 * {@link #caffeine()} asks for it: a factory whose classes are not cached never loads Caffeine,
 * which a test JVM's start-up would otherwise pay.
 *
 * <p>Entries of versioned classes only move forward: an item read with a lower version than the
 * entry holds (an eventually consistent read, or a read that overtook a commit) leaves the entry as
 * it is, and after an update this factory committed, the entry is a placeholder that only the new
 * version (or a later one) replaces.
 */
public final class SecondLevelCache {
    /** What {@link #lookup} returns when the cache knows there is no item for the key. */
    public static final Map<String, AttributeValue> ABSENT = Collections.unmodifiableMap(new LinkedHashMap<>());

    private static final SecondLevelCache DISABLED = new SecondLevelCache(null);
    private static final long UNVERSIONED = -1;

    /** The time source of expiry; null if caching is off. */
    private final Ticker ticker;
    /**
     * Built on first need ({@link #built()}), before the settings of the first cached class are
     * published: whoever finds a cached class's settings finds the cache built.
     */
    private volatile Cache<CacheKey, Value> cache;
    /** Hits and misses as the session sees them: a placeholder found is a miss. Built with the cache. */
    private volatile StatsCounter stats;
    private final ConcurrentHashMap<Class<?>, Settings> settings = new ConcurrentHashMap<>();
    private long maximumSize;

    private SecondLevelCache(Ticker ticker) {
        this.ticker = ticker;
    }

    /** A cache that caches nothing: the factory's switch is off. */
    public static SecondLevelCache disabled() {
        return DISABLED;
    }

    /**
     * An empty cache measuring time with {@code ticker}; the Caffeine cache is built on first need.
     *
     * @param ticker the time source of expiry ({@link Ticker#systemTicker()} outside tests)
     * @return a new cache
     * @throws NullPointerException if {@code ticker} is null
     */
    public static SecondLevelCache create(Ticker ticker) {
        return new SecondLevelCache(requireNonNull(ticker, "ticker == null"));
    }

    /** The Caffeine cache, built now if it is not yet; only when caching is on. */
    private Cache<CacheKey, Value> built() {
        Cache<CacheKey, Value> c = cache;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (cache == null) {
                StatsCounter counter = new ConcurrentStatsCounter();
                stats = counter;
                cache = Caffeine.newBuilder()
                        .maximumSize(maximumSize) // raised as classes register, before any of their entries is stored
                        .expireAfter(new ExpireAfterWrite())
                        .ticker(ticker)
                        .recordStats(() -> counter)
                        .build();
            }
            return cache;
        }
    }

    /** Whether items of {@code model}'s class are cached here. */
    public boolean caches(EntityModel<?> model) {
        return ticker != null && settings(model) != null;
    }

    /**
     * The cached item of a key: the item, {@link #ABSENT} if the cache knows there is none, or null
     * if the cache cannot tell (a miss, also when it holds a placeholder). Counts as a hit or a miss
     * in the statistics accordingly.
     */
    public Map<String, AttributeValue> lookup(EntityModel<?> model, Map<String, AttributeValue> key) {
        if (!caches(model)) {
            return null;
        }
        Value value = cache.asMap().get(CacheKey.of(model, key)); // not counted by Caffeine: counted here
        Map<String, AttributeValue> answer = value == null ? null : value.item != null ? value.item
                : value.absent ? ABSENT : null;
        if (answer == null) {
            stats.recordMisses(1);
        } else {
            stats.recordHits(1);
        }
        return answer;
    }

    /**
     * Records an item a read returned. For a versioned class, an entry holding a later version stays.
     *
     * @param item a whole item as DynamoDB stores it (not an index projection)
     */
    public void read(EntityModel<?> model, Map<String, AttributeValue> item) {
        Settings s = ticker == null ? null : settings(model);
        if (s == null) {
            return;
        }
        long version = versionOf(model, item);
        Value fresh = new Value(item, version, false, s.expireNanos);
        cache.asMap().compute(CacheKey.of(model, item),
                (k, old) -> old == null || version == UNVERSIONED || version >= old.version ? fresh : old);
    }

    /** Records that a read found no item with this key: remembered if the class asks for it, else forgotten. */
    public void notFound(EntityModel<?> model, Map<String, AttributeValue> key) {
        Settings s = ticker == null ? null : settings(model);
        if (s == null) {
            return;
        }
        CacheKey k = CacheKey.of(model, key);
        if (s.cacheNotFound) {
            // an item or placeholder of a versioned class stays: a stale "not found" must not hide it
            cache.asMap().compute(k, (x, old) -> old == null || old.absent || old.version == UNVERSIONED
                    ? new Value(null, UNVERSIONED, true, s.expireNanos) : old);
        } else {
            cache.invalidate(k);
        }
    }

    /** Records the whole item a commit put (and holds now). */
    public void put(EntityModel<?> model, Map<String, AttributeValue> item) {
        Settings s = ticker == null ? null : settings(model);
        if (s != null) {
            cache.put(CacheKey.of(model, item), new Value(Map.copyOf(item), versionOf(model, item), false, s.expireNanos));
        }
    }

    /**
     * Records that a commit updated the item of a key without knowing all of it: the entry is dropped,
     * and for a versioned class replaced by a placeholder that only {@code newVersion} or later fills.
     *
     * @param newVersion the version the update stored, or 0 if the class is not versioned
     */
    public void updated(EntityModel<?> model, Map<String, AttributeValue> key, long newVersion) {
        Settings s = ticker == null ? null : settings(model);
        if (s == null) {
            return;
        }
        if (model.version().isPresent() && newVersion > 0) {
            cache.put(CacheKey.of(model, key), new Value(null, newVersion, false, s.expireNanos));
        } else {
            cache.invalidate(CacheKey.of(model, key));
        }
    }

    /** Forgets the entry of a key: the item was deleted, or may have changed in an unknown way. */
    public void invalidate(EntityModel<?> model, Map<String, AttributeValue> key) {
        if (caches(model)) {
            cache.invalidate(CacheKey.of(model, key));
        }
    }

    /**
     * The Caffeine cache, for statistics and {@code invalidateAll}, built now if no cached class
     * was seen yet; empty if caching is off.
     */
    public Optional<Cache<?, ?>> caffeine() {
        return ticker == null ? Optional.empty() : Optional.of(built());
    }

    private Settings settings(EntityModel<?> model) {
        Class<?> type = model.annotatedType(); // a polymorphic base and its subtypes share the base's settings
        Settings s = settings.get(type);
        if (s == null) {
            s = register(type);
        }
        return s == Settings.NONE ? null : s;
    }

    private synchronized Settings register(Class<?> type) {
        Settings s = settings.get(type);
        if (s != null) {
            return s;
        }
        s = Settings.of(type);
        if (s != Settings.NONE) {
            maximumSize = maximumSize > Long.MAX_VALUE - s.maximumSize ? Long.MAX_VALUE : maximumSize + s.maximumSize;
            long bound = maximumSize;
            built().policy().eviction().ifPresent(eviction -> eviction.setMaximum(bound));
        }
        settings.put(type, s);
        return s;
    }

    private static long versionOf(EntityModel<?> polymorphic, Map<String, AttributeValue> item) {
        EntityModel<?> model = polymorphic.subtypeModel(item); // the subtype's version, for a polymorphic base
        Optional<PropertyModel> version = model.version();
        if (version.isEmpty()) {
            return UNVERSIONED;
        }
        AttributeValue v = item.get(version.get().attributeName());
        if (v == null || v.n() == null) {
            return 0;
        }
        try {
            return Long.parseLong(v.n());
        } catch (NumberFormatException notPlain) {
            try {
                return new BigDecimal(v.n()).longValueExact();
            } catch (ArithmeticException | NumberFormatException notLong) {
                return Long.MAX_VALUE; // cannot be compared: treat as newest, expiry bounds it
            }
        }
    }

    /**
     * One entry: a whole item; or no item, either known absent or a placeholder waiting for version
     * {@code version} or later.
     */
    private record Value(Map<String, AttributeValue> item, long version, boolean absent, long expireNanos) {
    }

    /** The {@link Cached} settings of a class, or {@link #NONE}. */
    private record Settings(long expireNanos, long maximumSize, boolean cacheNotFound) {
        static final Settings NONE = new Settings(0, 0, false);

        static Settings of(Class<?> type) {
            Cached cached = type.getAnnotation(Cached.class);
            if (cached == null) {
                return NONE;
            }
            String where = "@Cached on " + type.getName() + ": ";
            if (cached.expireAfterWrite() <= 0) {
                throw new MappingException(where + "expireAfterWrite must be positive, was " + cached.expireAfterWrite());
            }
            if (cached.maximumSize() <= 0) {
                throw new MappingException(where + "maximumSize must be positive, was " + cached.maximumSize());
            }
            long nanos;
            try {
                nanos = cached.unit().getDuration().multipliedBy(cached.expireAfterWrite()).toNanos();
            } catch (ArithmeticException e) {
                throw new MappingException(where + "expireAfterWrite " + cached.expireAfterWrite() + " " + cached.unit()
                        + " is too long (at most " + Duration.ofNanos(Long.MAX_VALUE).toDays() + " days)", e);
            }
            return new Settings(nanos, cached.maximumSize(), cached.cacheNotFound());
        }
    }

    /** Every entry lives its class's duration from when it was last written; reads do not extend it. */
    private static final class ExpireAfterWrite implements Expiry<CacheKey, Value> {
        @Override
        public long expireAfterCreate(CacheKey key, Value value, long currentTime) {
            return value.expireNanos;
        }

        @Override
        public long expireAfterUpdate(CacheKey key, Value value, long currentTime, long currentDuration) {
            return value.expireNanos;
        }

        @Override
        public long expireAfterRead(CacheKey key, Value value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
