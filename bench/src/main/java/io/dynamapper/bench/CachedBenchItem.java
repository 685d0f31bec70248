package io.dynamapper.bench;

import io.dynamapper.Cached;
import io.dynamapper.HashKey;
import io.dynamapper.Table;
import io.dynamapper.Version;

/** {@link BenchItem}'s shape in a table of its own, kept in the second-level cache. */
@Cached
@Table("bench_cached_item")
public class CachedBenchItem {
    @HashKey String id;
    String s1;
    String s2;
    String s3;
    String s4;
    long n1;
    long n2;
    long n3;
    long n4;
    @Version Long version;

    CachedBenchItem() {
    }

    CachedBenchItem(String id) {
        this.id = id;
        this.s1 = "alpha-" + id;
        this.s2 = "bravo-" + id;
        this.s3 = "charlie-" + id;
        this.s4 = "delta-" + id;
        this.n1 = 1;
        this.n2 = 2;
        this.n3 = 3;
        this.n4 = 4;
    }
}
