package io.dynamapper.bench;

import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * P6 memory and growth: {@code items} items of ~1 KB (DynamoDB's size) put into ONE partition in random
 * sort-key order. Prints the mean time per PutItem in each band of sizes (0-10k, 10k-100k, 100k-1M:
 * flat when inserts are logarithmic), the heap used after a full GC, and checks that a Query reads them
 * back in order. Usage: {@code PartitionFill [items]}; run with {@code -Xmx1g} to show that they fit.
 */
public final class PartitionFill {
    private PartitionFill() {
    }

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long before = usedAfterGc();
        InMemoryDynamoDb db = InMemoryDynamoDb.create();
        db.createTable(CreateTableRequest.builder().tableName("fill")
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build());
        int[] keys = new int[items];
        for (int i = 0; i < items; i++) {
            keys[i] = i;
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = items - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = keys[i];
            keys[i] = keys[j];
            keys[j] = t;
        }
        StringBuilder bands = new StringBuilder();
        int bandStart = 0;
        int bandEnd = Math.min(10_000, items);
        long t0 = System.nanoTime();
        for (int i = 0; i < items; i++) {
            db.putItem(PutItemRequest.builder().tableName("fill").item(item(keys[i], random)).build());
            if (i + 1 == bandEnd) {
                long t1 = System.nanoTime();
                bands.append(String.format(" insert[%d..%d)=%.2fus", bandStart, bandEnd, (t1 - t0) / 1e3 / (bandEnd - bandStart)));
                t0 = t1;
                bandStart = bandEnd;
                bandEnd = (int) Math.min(10L * bandEnd, items);
            }
        }
        long after = usedAfterGc();
        var page = db.query(QueryRequest.builder().tableName("fill").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("one"))).limit(3).build());
        boolean ordered = page.items().size() == Math.min(3, items) && page.items().get(0).get("sk").s().equals(sk(0));
        long heap = after - before;
        System.out.printf("items=%d onePartition%s heapUsed=%d MiB (%.3f GiB) bytesPerItem=%d queryInOrder=%s target=<1 GiB %s%n",
                items, bands, heap >> 20, heap / (double) (1L << 30), heap / items, ordered,
                heap < (1L << 30) ? "MET" : "MISSED");
        db.close();
    }

    private static String sk(int i) {
        return String.format("item-%08d", i);
    }

    /** About 1 KB, as in HeapFootprint: keys, three short strings, three numbers and 900 characters of text. */
    private static Map<String, AttributeValue> item(int i, SplittableRandom random) {
        StringBuilder text = new StringBuilder(900);
        for (int c = 0; c < 900; c++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return Map.of(
                "pk", AttributeValue.fromS("one"),
                "sk", AttributeValue.fromS(sk(i)),
                "name", AttributeValue.fromS("name " + i),
                "status", AttributeValue.fromS(i % 2 == 0 ? "ACTIVE" : "INACTIVE"),
                "owner", AttributeValue.fromS("owner-" + (i % 1000)),
                "count", AttributeValue.fromN(Integer.toString(random.nextInt(1_000_000))),
                "price", AttributeValue.fromN("12.5"),
                "text", AttributeValue.fromS(text.toString()));
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
