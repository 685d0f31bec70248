package io.dynamapper.bench;

import io.dynamapper.HashKey;
import io.dynamapper.Table;
import io.dynamapper.Version;

/** P1's entity: a key, a version, five strings and four numbers (eleven attributes in all). */
@Table("unit_item")
public class UnitItem {
    @HashKey String id;
    String s1;
    String s2;
    String s3;
    String s4;
    String s5;
    long n1;
    long n2;
    long n3;
    long n4;
    @Version Long version;

    UnitItem() {
    }
}
