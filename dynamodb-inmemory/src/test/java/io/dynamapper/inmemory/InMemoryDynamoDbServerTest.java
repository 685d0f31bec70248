package io.dynamapper.inmemory;

import static io.dynamapper.inmemory.Fixtures.item;
import static io.dynamapper.inmemory.Fixtures.n;
import static io.dynamapper.inmemory.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The HTTP endpoint: DynamoDB's protocol through the real SDK client and raw HTTP, errors, faults, threads. */
class InMemoryDynamoDbServerTest {
    private final InMemoryDynamoDb db = Fixtures.withTable();
    private final InMemoryDynamoDbServer server = db.serve();
    private final DynamoDbClient client = HttpClients.client(server.uri());

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long crc32(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    @Test
    void theSdkClientReadsAndWritesThroughTheEndpoint() {
        client.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"), "b",
                AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromUtf8String("bytes")))));
        Map<String, AttributeValue> read = client.getItem(b -> b.tableName("things")
                .key(item("pk", s("a"), "sk", n("1"))).consistentRead(true)).item();
        assertEquals("bytes", read.get("b").b().asUtf8String());
        assertEquals(read, db.getItem(b -> b.tableName("things").key(item("pk", s("a"), "sk", n("1")))).item());
        assertEquals(List.of("things"), client.listTables().tableNames());
        assertTrue(client.describeTable(b -> b.tableName("things")).table().creationDateTime() != null);
    }

    @Test
    void answersCarryTheContentTypeAndACrc32OfTheBody() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "{}");
        assertEquals(200, response.statusCode());
        assertEquals("{\"TableNames\":[\"things\"]}", response.body());
        assertEquals("application/x-amz-json-1.0", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(Long.toString(crc32(response.body())), response.headers().firstValue("x-amz-crc32").orElseThrow());
    }

    @Test
    void anUnknownOperationIsAnUnknownOperationException() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.Frobnicate", "{}");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().startsWith("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\","
                + "\"message\":"), response.body());
        assertEquals(Long.toString(crc32(response.body())), response.headers().firstValue("x-amz-crc32").orElseThrow());
        assertEquals(400, post(null, "{}").statusCode());
    }

    @Test
    void anOperationTheFakeDoesNotImplementIsAnUnknownOperationExceptionNamingIt() {
        DynamoDbException e = assertThrows(DynamoDbException.class,
                () -> client.describeBackup(b -> b.backupArn("arn:aws:dynamodb:us-east-1:1:table/t/backup/b")));
        assertEquals("UnknownOperationException", e.awsErrorDetails().errorCode());
        assertEquals(400, e.statusCode());
        assertTrue(e.getMessage().contains("describeBackup"), e.getMessage());
    }

    @Test
    void dynamoDbStreamsIsServedOnTheSamePort() throws Exception {
        db.updateTable(b -> b.tableName("things").streamSpecification(sp -> sp.streamEnabled(true)
                .streamViewType(software.amazon.awssdk.services.dynamodb.model.StreamViewType.NEW_IMAGE)));
        client.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"))));
        String arn = db.describeTable(b -> b.tableName("things")).table().latestStreamArn();
        HttpResponse<String> listed = post("DynamoDBStreams_20120810.ListStreams", "{}");
        assertEquals(200, listed.statusCode());
        assertTrue(listed.body().contains(arn), listed.body());
        try (var streams = software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient.builder()
                .endpointOverride(server.uri()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("x", "x"))).build()) {
            String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
            String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                    .shardIteratorType(software.amazon.awssdk.services.dynamodb.model.ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            var records = streams.getRecords(b -> b.shardIterator(it)).records();
            assertEquals(1, records.size());
            assertEquals(item("pk", s("a"), "sk", n("1")), records.get(0).dynamodb().newImage());
            assertTrue(records.get(0).dynamodb().approximateCreationDateTime() != null);
            assertThrows(software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException.class, () -> {
                db.setClock(java.time.Clock.offset(db.clock(), java.time.Duration.ofMinutes(16)));
                streams.getRecords(b -> b.shardIterator(it));
            });
        }
    }

    @Test
    void aBodyThatIsNotJsonIsASerializationException() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.GetItem", "{not json");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("#SerializationException"), response.body());
        HttpResponse<String> wrongType = post("DynamoDB_20120810.GetItem", "{\"TableName\": 5}");
        assertTrue(wrongType.body().contains("#SerializationException"), wrongType.body());
    }

    @Test
    void errorsAreDynamoDbErrorDocumentsWithTheItemWhereDynamoDbSendsIt() throws Exception {
        db.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"), "v", n("7"))));
        HttpResponse<String> response = post("DynamoDB_20120810.PutItem", "{\"TableName\":\"things\","
                + "\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}},\"ConditionExpression\":\"attribute_not_exists(pk)\","
                + "\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().startsWith("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                + "ConditionalCheckFailedException\",\"message\":\"The conditional request failed\""), response.body());
        assertTrue(response.body().contains("\"Item\":{"), response.body());

        ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
                () -> client.putItem(PutItemRequest.builder().tableName("things").item(item("pk", s("a"), "sk", n("1")))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()));
        assertEquals("7", e.item().get("v").n());

        HttpResponse<String> validation = post("DynamoDB_20120810.GetItem", "{\"TableName\":\"things\",\"Key\":{}}");
        assertTrue(validation.body().startsWith("{\"__type\":\"com.amazon.coral.validate#ValidationException\""),
                validation.body());
        HttpResponse<String> missing = post("DynamoDB_20120810.DescribeTable", "{\"TableName\":\"nope\"}");
        assertTrue(missing.body().startsWith("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\""),
                missing.body());
    }

    @Test
    void injectedFaultsApplyOverHttpAndAnIoErrorDropsTheConnection() {
        db.faults().on(Operation.PUT_ITEM).failNext(1, Fault.THROTTLING).failNext(1, Fault.IO_ERROR_AFTER_APPLY);
        DynamoDbException throttled = assertThrows(DynamoDbException.class,
                () -> client.putItem(b -> b.tableName("things").item(item("pk", s("t"), "sk", n("1")))));
        assertEquals("ThrottlingException", throttled.awsErrorDetails().errorCode());
        assertThrows(SdkClientException.class,
                () -> client.putItem(b -> b.tableName("things").item(item("pk", s("io"), "sk", n("1")))));
        assertTrue(db.getItem(b -> b.tableName("things").key(item("pk", s("io"), "sk", n("1")))).hasItem(),
                "the write was applied before the connection dropped");
        assertEquals(2, db.faults().injected(Operation.PUT_ITEM));
    }

    @Test
    void serverErrorsAndCancellationReasonsArriveAsTheSdksOwnExceptions() {
        db.faults().on(Operation.GET_ITEM).failNext(1, Fault.INTERNAL_SERVER_ERROR);
        InternalServerErrorException server = assertThrows(InternalServerErrorException.class,
                () -> client.getItem(b -> b.tableName("things").key(item("pk", s("a"), "sk", n("1")))));
        assertEquals(500, server.statusCode());
        db.faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(1, Fault.TRANSACTION_CONFLICT);
        TransactionCanceledException cancelled = assertThrows(TransactionCanceledException.class,
                () -> client.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().put(p -> p.tableName("things").item(item("pk", s("x"), "sk", n("1")))).build(),
                        TransactWriteItem.builder().put(p -> p.tableName("things").item(item("pk", s("y"), "sk", n("1")))).build())));
        assertEquals(List.of("TransactionConflict", "None"),
                cancelled.cancellationReasons().stream().map(CancellationReason::code).toList());
    }

    @Test
    void theRequestLogRecordsWhatArrivedOverHttp() {
        db.clearRequests();
        client.getItem(b -> b.tableName("things").key(item("pk", s("a"), "sk", n("1"))));
        assertEquals(1, db.requestCount());
        assertEquals("things", ((software.amazon.awssdk.services.dynamodb.model.GetItemRequest) db.takeRequest())
                .tableName());
    }

    @Test
    void manyClientsAtOnceLoseNoWrite() throws Exception {
        int threads = 8;
        int increments = 25;
        db.putItem(b -> b.tableName("things").item(item("pk", s("counter"), "sk", n("1"), "n", n("0"), "v", n("0"))));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    int conflicts = 0;
                    try (DynamoDbClient own = HttpClients.client(server.uri())) {
                        for (int i = 0; i < increments; i++) {
                            // atomic ADD, and a read-modify-write guarded by a version condition
                            own.updateItem(b -> b.tableName("things").key(item("pk", s("counter"), "sk", n("1")))
                                    .updateExpression("ADD a :one").expressionAttributeValues(Map.of(":one", n("1"))));
                            while (true) {
                                Map<String, AttributeValue> read = own.getItem(b -> b.tableName("things")
                                        .key(item("pk", s("counter"), "sk", n("1"))).consistentRead(true)).item();
                                long value = Long.parseLong(read.get("n").n());
                                String version = read.get("v").n();
                                try {
                                    own.updateItem(b -> b.tableName("things").key(item("pk", s("counter"), "sk", n("1")))
                                            .updateExpression("SET n = :next, v = :nextVersion")
                                            .conditionExpression("v = :version")
                                            .expressionAttributeValues(Map.of(":next", n(Long.toString(value + 1)),
                                                    ":version", n(version),
                                                    ":nextVersion", n(Long.toString(Long.parseLong(version) + 1)))));
                                    break;
                                } catch (ConditionalCheckFailedException lost) {
                                    conflicts++;
                                }
                            }
                        }
                    }
                    return conflicts;
                }));
            }
            for (Future<Integer> f : results) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, AttributeValue> end = db.getItem(b -> b.tableName("things")
                .key(item("pk", s("counter"), "sk", n("1")))).item();
        assertEquals(Integer.toString(threads * increments), end.get("a").n());
        assertEquals(Integer.toString(threads * increments), end.get("n").n());
        assertEquals(Integer.toString(threads * increments), end.get("v").n());
    }

    @Test
    void closingFreesThePort() {
        server.close();
        SdkClientException e = assertThrows(SdkClientException.class, client::listTables);
        assertFalse(e.getMessage().isEmpty());
        assertTrue(hasCause(e, ConnectException.class) || e.getMessage().contains("refused")
                || e.getMessage().contains("Connect"), e::toString);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theCommandLineExplainsItself() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            InMemoryDynamoDbServer.main(new String[] {"--help"});
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            System.setOut(original);
        }
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("usage: java -jar dynamapper-dynamodb-inmemory-"), usage);
        assertTrue(usage.contains("--port N"), usage);
    }

    @Test
    void serveRejectsAPortOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> db.serve(70_000));
        assertEquals("port must be from 0 to 65535 but was 70000", e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e);
    }
}
