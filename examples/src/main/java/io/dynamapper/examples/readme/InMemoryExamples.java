package io.dynamapper.examples.readme;

import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.inmemory.Fault;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import io.dynamapper.inmemory.InMemoryDynamoDbServer;
import io.dynamapper.inmemory.Operation;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** The README's in-memory DynamoDB, in process and over HTTP. */
final class InMemoryExamples {
    private InMemoryExamples() {
    }

    static List<PutItemRequest> inProcess() {
        // @snippet inmemory-in-process
        InMemoryDynamoDb ddb = InMemoryDynamoDb.create();
        ddb.faults().on(Operation.PUT_ITEM).failNext(1, Fault.THROTTLING);   // seeded, counted faults

        SessionFactory sessions = Dynamapper.builder().client(ddb).build();  // the code under test
        sessions.schema().createTable(Account.class, Throughput.onDemand());
        sessions.useTransaction(s -> s.save(new Account("alice", 100)));     // throttled once, retried

        List<PutItemRequest> puts = ddb.requests(PutItemRequest.class);      // what it received, no wrapper
        long requests = ddb.requestCount();                                  // MockWebServer-style
        // @end
        System.out.println(requests + " requests");
        return puts;
    }

    static List<String> overHttp() {
        // @snippet inmemory-http
        try (InMemoryDynamoDbServer server = InMemoryDynamoDb.create().serve();   // a free loopback port
             DynamoDbClient client = DynamoDbClient.builder().endpointOverride(server.uri())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                     .build()) {
            return client.listTables().tableNames();                            // [] : a fresh database
        }
        // @end
    }
}
