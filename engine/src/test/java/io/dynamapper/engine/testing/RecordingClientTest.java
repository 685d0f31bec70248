package io.dynamapper.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;

class RecordingClientTest {
    @Test
    void recordsRequestsAndPassesThemOn() {
        RecordingClient recording = RecordingClient.wrap(TestDynamoDb.client());
        TestDynamoDb.deleteAllTables();
        assertEquals(0, recording.client().listTables(ListTablesRequest.builder().build()).tableNames().size());
        assertEquals(1, recording.requests(ListTablesRequest.class).size());
    }
}
