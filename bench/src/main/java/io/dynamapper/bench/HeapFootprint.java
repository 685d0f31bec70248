package io.dynamapper.bench;

import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * P4 memory: one million items of 1 KB (DynamoDB's item size: names plus values) in one
 * InMemoryDynamoDb, and the heap they take after a full GC. Prints one line of figures.
 * Usage: {@code HeapFootprint [items]}; run with {@code -Xmx1g} to show that they fit.
 */
public final class HeapFootprint {
    private HeapFootprint() {
    }

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long before = usedAfterGc();
        InMemoryDynamoDb db = InMemoryDynamoDb.create();
        db.createTable(CreateTableRequest.builder().tableName("heap")
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build());
        SplittableRandom random = new SplittableRandom(42);
        List<WriteRequest> batch = new ArrayList<>(25);
        long itemBytes = 0;
        for (int i = 0; i < items; i++) {
            Map<String, AttributeValue> item = item(i, random);
            itemBytes += size(item);
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25) {
                db.batchWriteItem(BatchWriteItemRequest.builder().requestItems(Map.of("heap", List.copyOf(batch))).build());
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            db.batchWriteItem(BatchWriteItemRequest.builder().requestItems(Map.of("heap", batch)).build());
        }
        long withLog = usedAfterGc() - before;
        // the request log keeps the last requests it received (here 25-item batches of ~1 KB items): what a
        // test that never reads it pays on top of the storage, reported apart from the storage itself
        db.clearRequests();
        long after = usedAfterGc();
        boolean present = db.getItem(GetItemRequest.builder().tableName("heap")
                .key(Map.of("id", AttributeValue.fromS(id(items - 1)))).build()).hasItem();
        long heap = after - before;
        long million = heap / items * 1_000_000; // quick mode loads fewer items: the target is judged per item
        System.out.printf("items=%d avgItemBytes=%d heapUsed=%d MiB (%.3f GiB) bytesPerItem=%d lastItemPresent=%s target=<1 GiB %s%s"
                        + " (with the request log not cleared: %d MiB)%n",
                items, itemBytes / items, heap >> 20, heap / (double) (1L << 30), heap / items, present,
                million < (1L << 30) ? "MET" : "MISSED",
                items == 1_000_000 ? "" : String.format(" (1 000 000 items at this rate: %d MiB)", million >> 20),
                withLog >> 20);
        db.close();
    }

    private static String id(int i) {
        return String.format("item-%08d", i);
    }

    /** About 1 KB: a key, three short strings, three numbers and a 900-character text. */
    private static Map<String, AttributeValue> item(int i, SplittableRandom random) {
        StringBuilder text = new StringBuilder(900);
        for (int c = 0; c < 900; c++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return Map.of(
                "id", AttributeValue.fromS(id(i)),
                "name", AttributeValue.fromS("name " + i),
                "status", AttributeValue.fromS(i % 2 == 0 ? "ACTIVE" : "INACTIVE"),
                "owner", AttributeValue.fromS("owner-" + (i % 1000)),
                "count", AttributeValue.fromN(Integer.toString(random.nextInt(1_000_000))),
                "price", AttributeValue.fromN("12.5"),
                "version", AttributeValue.fromN("1"),
                "text", AttributeValue.fromS(text.toString()));
    }

    /** DynamoDB's size: attribute name bytes plus value bytes (strings as UTF-8, numbers about 1 byte per 2 digits + 1). */
    private static long size(Map<String, AttributeValue> item) {
        long size = 0;
        for (var e : item.entrySet()) {
            size += e.getKey().length();
            AttributeValue v = e.getValue();
            size += v.s() != null ? v.s().length() : (v.n().replace(".", "").length() + 1) / 2 + 1;
        }
        return size;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
