package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

/**
 * Keeps the items of this entity class in the second-level cache of the {@link SessionFactory}: one
 * cache per factory, shared by its sessions, keyed by table and key, holding the item as last read
 * or written (never the entity instance: each session decodes its own, so identity stays per
 * session). The factory's switch ({@code Dynamapper.builder().secondLevelCache(false)}) turns it off
 * for every class.
 *
 * <p>What uses the cache: eventually consistent {@code find}, {@code get} and {@code getAll} answer
 * from it without a request when they can. Strongly consistent reads (the session option) skip it and
 * refresh it; the items of queries and scans refresh it; a commit stores the item it put and drops
 * the entries of the items it updated or deleted; a failed version condition drops the entities of
 * the commit, so a re-run of {@link SessionFactory#inTransaction} reads them from DynamoDB.
 *
 * <p>Staleness: another process (or another factory) writing the table is seen only once the entry
 * expires, after at most {@link #expireAfterWrite()} {@link #unit()}s (plus DynamoDB's own delay of
 * eventually consistent reads, usually under a second, for an entry an eventually consistent read
 * filled). That is safe for entities with
 * a {@link Version}: every write is conditional on the version read, so a commit based on a stale
 * entry fails with {@link OptimisticLockException} (and {@code inTransaction} re-runs it on fresh
 * data) instead of losing an update. A stale cache can cost one conflict, never a lost update.
 *
 * <p>Do not cache an entity without {@code @Version} that anything else writes (its updates are
 * conditional on old values of the changed attributes, which may still catch a stale read, but its
 * readers see old data with no way to notice), nor one whose readers need to see another
 * instance's (process's) writes at once: read those with strongly consistent sessions, or leave the
 * class uncached.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Cached {
    /**
     * How long an entry is kept after it was read or written, in {@link #unit()}s; default 5
     * minutes. Must be positive.
     *
     * @return the time to keep an entry
     */
    long expireAfterWrite() default 5;

    /**
     * The unit of {@link #expireAfterWrite()}; default minutes.
     *
     * @return the time unit
     */
    ChronoUnit unit() default ChronoUnit.MINUTES;

    /**
     * This class's share of the cache's bound, in items; default 10 000. The factory's one cache
     * holds at most the sum of the shares of the cached classes it has seen, and evicts the least
     * useful entries among all classes first (Caffeine's W-TinyLFU), so one class may hold more than
     * its share while others hold less. Must be positive.
     *
     * @return this class's share of the maximum number of cached items
     */
    long maximumSize() default 10_000;

    /**
     * Whether a key found to have no item is remembered too, so that {@code find} answers "absent"
     * without a request until the entry expires or this factory writes the key; default false (a miss
     * is not cached, and an item created by another process is seen at the next read).
     *
     * @return whether not-found results are cached
     */
    boolean cacheNotFound() default false;
}
