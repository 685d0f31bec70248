package io.dynamapper.examples.doommap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import io.dynamapper.guice.DynamapperModule;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link MapService} wired by Guice, on the in-memory DynamoDB in process:
 * {@code mvn -q -pl examples -am -DskipTests package exec:exec -Dwalkthrough.main=io.dynamapper.examples.doommap.GuiceExample}.
 */
public final class GuiceExample {
    private GuiceExample() {
    }

    public static void main(String[] args) {
        DynamoDbClient client = InMemoryDynamoDb.create();
        try {
            Injector injector = Guice.createInjector(new DynamapperModule(client));
            injector.getInstance(SessionFactory.class).schema().createTable(DoomMap.class, Throughput.onDemand());
            MapService maps = injector.getInstance(MapService.class);

            maps.addMap(1, 1, "Hangar", "blue key");
            maps.addMap(1, 2, "Nuclear Plant", "chainsaw");
            maps.renameMap(1, 1, "The Hangar");
            maps.moveSecret(1, 2, 1, "chainsaw");
            System.out.println("E1M1 secrets: " + maps.secretsOf(1, 1) + ", E1M2 secrets: " + maps.secretsOf(1, 2));
            try {
                maps.moveSecret(1, 2, 1, "BFG");
            } catch (IllegalArgumentException e) {
                System.out.println("Nothing written: " + e.getMessage() + "; E1M1 secrets still " + maps.secretsOf(1, 1));
            }
        } finally {
            client.close();
        }
    }
}
