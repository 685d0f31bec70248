package io.dynamapper.bench;

import io.dynamapper.HashKey;
import io.dynamapper.Table;
import io.dynamapper.Version;

/** P3's scalar-only entity: {@link ProbeItem} with its list replaced by a string. */
@Table("scalar_probe_item")
public class ScalarProbeItem {
    @HashKey String id;
    String name;
    String city;
    long n1;
    long n2;
    String tags;
    @Version Long version;

    ScalarProbeItem() {
    }
}
