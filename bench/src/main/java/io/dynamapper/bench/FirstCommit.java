package io.dynamapper.bench;

import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * P7 start-up: the time from JVM start (the runtime's start time) to the first committed session on a
 * fresh in-memory DynamoDB, in process or over HTTP. Usage: {@code FirstCommit [memory|http] [dynamapper|sdk|enhanced]};
 * {@code sdk} does the same by hand (CreateTable, then a TransactWriteItems of one conditional Put with a
 * token), the start-up any DynamoDB code pays; {@code enhanced} creates the table by hand too and puts the
 * item through the SDK's Enhanced Client (a bean schema, its version extension, one transactWriteItems). Run each in a fresh JVM ({@link StartupHarness} does, many times).
 * Also prints the CPU time the process used until then (all its threads: JIT compiler and garbage
 * collector included), which the waits for a core on a shared machine do not inflate.
 */
public final class FirstCommit {
    private FirstCommit() {
    }

    public static void main(String[] args) {
        long mainEntered = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        String backend = args.length > 0 ? args[0] : "memory";
        String variant = args.length > 1 ? args[1] : "dynamapper";
        try (Backend db = Backend.start(backend)) {
            switch (variant) {
                case "dynamapper" -> {
                    SessionFactory sessions = db.sessionsWithTable();
                    try (Session s = sessions.openSession()) {
                        s.save(new BenchItem("first"));
                        s.commit();
                    }
                }
                case "sdk" -> byHand(db.client());
                case "enhanced" -> enhanced(db.client());
                default -> throw new IllegalArgumentException("variant must be dynamapper, sdk or enhanced, was " + variant);
            }
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1_000_000;
            System.out.println(backend + " " + variant + ": first committed session " + sinceStart
                    + " ms after JVM start (main entered at " + mainEntered + " ms), process CPU " + cpu + " ms");
        }
    }

    static void byHand(DynamoDbClient client) {
        createTable(client);
        Map<String, AttributeValue> item = Map.of(
                "id", AttributeValue.fromS("first"),
                "s1", AttributeValue.fromS("alpha-first"),
                "n1", AttributeValue.fromN("1"),
                "version", AttributeValue.fromN("1"));
        client.transactWriteItems(TransactWriteItemsRequest.builder()
                .transactItems(List.of(TransactWriteItem.builder().put(Put.builder()
                        .tableName("bench_item")
                        .item(item)
                        .conditionExpression("attribute_not_exists(#id)")
                        .expressionAttributeNames(Map.of("#id", "id"))
                        .build()).build()))
                .clientRequestToken(UUID.randomUUID().toString())
                .build());
    }

    /** The Enhanced Client's first commit: a bean schema built on first use, a versioned put in a transaction. */
    static void enhanced(DynamoDbClient client) {
        createTable(client);
        new EnhancedUnit(client, "bench_item").putFirst();
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(CreateTableRequest.builder()
                .tableName("bench_item")
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build());
    }
}
