package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.bytes;
import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.key;
import static io.dynamapper.inmemory.contract.Dsl.list;
import static io.dynamapper.inmemory.contract.Dsl.map;
import static io.dynamapper.inmemory.contract.Dsl.num;
import static io.dynamapper.inmemory.contract.Dsl.text;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Numbers, attribute types and the item size limit, through PutItem and GetItem. */
final class ValueContractTest extends ContractSuite {

    /** Puts {pk: "a", v: value} and returns the exact text of v as read back (not normalised). */
    static ContractCase.Action storedNumber(String number) {
        return db -> {
            db.table("items", "pk:S");
            db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "v", num(number))));
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a"))).item().get("v").n();
        };
    }

    /** Puts the item into "items" (pk:S, sk:N) and returns it as read back. */
    static ContractCase.Action put(Map<String, AttributeValue> item) {
        return db -> {
            db.table("items", "pk:S", "sk:N");
            db.ddb().putItem(r -> r.tableName("items").item(item));
            return db.contents("items");
        };
    }

    static final int MAX_ITEM_SIZE = 400 * 1024;

    /**
     * Puts into "items" (pk:S, sk:N) an item {pk: "a", sk: 1, data: "xxx..."} of {@code size}
     * bytes: attribute names and UTF-8 string lengths count, and the number 1 counts 2 bytes.
     */
    static ContractCase.Action putOfSize(int size) {
        int overhead = "pk".length() + "a".length() + "sk".length() + 2 + "data".length();
        return db -> ((java.util.Set<?>) put(item("pk", "a", "sk", 1, "data", text(size - overhead))).run(db)).size();
    }

    @Override
    protected void define(Cases c) {
        c.add("38 significant digits are kept exactly", storedNumber("12345678901234567890123456789012345678"))
                .expect("12345678901234567890123456789012345678");
        c.add("39 significant digits are rejected", storedNumber("123456789012345678901234567890123456789"))
                .expectError("ValidationException");
        c.add("trailing zeros do not count as significant digits",
                storedNumber("1234567890123456789012345678901234567800000"))
                .expect("1234567890123456789012345678901234567800000");
        c.add("1.0 is read back as 1", storedNumber("1.0")).expect("1");
        c.add("-0 is read back as 0", storedNumber("-0")).expect("0");
        c.add("1E+2 is read back as 100", storedNumber("1E+2")).expect("100");
        c.add("leading zeros are dropped", storedNumber("007")).expect("7");
        c.add("a small fraction keeps its digits", storedNumber("0.000123")).expect("0.000123");
        c.add("the largest magnitude 9.99E+125 is accepted", storedNumber("9.9999999999999999999999999999999999999E+125"))
                .expect("999999999999999999999999999999999999990000000000000000000000000000000000000000000000000000000000000000000000000000000000000000");
        c.add("a magnitude of 1E+126 is rejected", storedNumber("1E+126")).expectError("ValidationException");
        c.add("the smallest magnitude 1E-130 is accepted", storedNumber("1E-130"))
                .expect("0." + "0".repeat(129) + "1");
        c.add("a magnitude of 1E-131 is rejected", storedNumber("1E-131")).expectError("ValidationException");
        c.add("a number that is not a number is rejected", storedNumber("abc")).expectError("ValidationException");
        c.add("an empty number is rejected", storedNumber("")).expectError("ValidationException");

        c.add("an empty string attribute is allowed", put(item("pk", "a", "sk", 1, "s", "")))
                .expect(java.util.Set.of(item("pk", "a", "sk", 1, "s", "")));
        c.add("an empty binary attribute is allowed", put(item("pk", "a", "sk", 1, "b", bytes())))
                .expect(java.util.Set.of(item("pk", "a", "sk", 1, "b", bytes())));
        c.add("an empty string key is rejected", put(item("pk", "", "sk", 1))).expectError("ValidationException");
        c.add("an empty string set is rejected", put(item("pk", "a", "sk", 1, "ss", AttributeValue.fromSs(List.of()))))
                .expectError("ValidationException");
        c.add("a string set with duplicates is rejected", put(item("pk", "a", "sk", 1, "ss", Dsl.ss("x", "x"))))
                .expectError("ValidationException");
        c.add("a number set with numerically equal elements is rejected", put(item("pk", "a", "sk", 1, "ns", Dsl.ns("1", "1.0"))))
                .expectError("ValidationException");
        c.add("a key attribute of the wrong type is rejected", put(item("pk", "a", "sk", "1")))
                .expectError("ValidationException");
        c.add("an item without its range key is rejected", put(item("pk", "a"))).expectError("ValidationException");
        c.add("an item without its hash key is rejected", put(item("sk", 1))).expectError("ValidationException");
        c.add("NULL and BOOL attributes round-trip", put(item("pk", "a", "sk", 1, "z", null, "t", true, "f", false)))
                .expect(java.util.Set.of(item("pk", "a", "sk", 1, "z", null, "t", true, "f", false)));
        c.add("empty maps and lists are allowed", put(item("pk", "a", "sk", 1, "m", map(), "l", list())))
                .expect(java.util.Set.of(item("pk", "a", "sk", 1, "m", map(), "l", list())));
        c.add("deeply nested documents round-trip", put(item("pk", "a", "sk", 1,
                "doc", map("l", list(map("x", list(1, list(2, map("y", Dsl.ss("s"))))))))))
                .expect(java.util.Set.of(item("pk", "a", "sk", 1,
                        "doc", map("l", list(map("x", list(1, list(2, map("y", Dsl.ss("s"))))))))));
        c.add("binary keys and values round-trip", db -> {
            db.table("items", "pk:B");
            db.ddb().putItem(r -> r.tableName("items").item(item("pk", bytes(0, 0xff), "v", bytes(0x80))));
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", bytes(0, 0xff))));
        }).expect(item("pk", bytes(0, 0xff), "v", bytes(0x80)));
        c.add("an item of exactly 400 KB is accepted", putOfSize(MAX_ITEM_SIZE)).expect(1);
        c.add("an item one byte over 400 KB is rejected", putOfSize(MAX_ITEM_SIZE + 1)).expectError("ValidationException");
    }
}
