package io.dynamapper.examples.doommap;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import io.dynamapper.guice.DynamapperModule;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link MapService} wired by Guice, on DynamoDB Local in-process:
 * {@code mvn -q -pl examples -am -DskipTests package exec:exec -Dwalkthrough.main=io.dynamapper.examples.doommap.GuiceExample}.
 */
public final class GuiceExample {
    private GuiceExample() {
    }

    public static void main(String[] args) {
        AmazonDynamoDBLocal local = DynamoDBEmbedded.create(true);
        DynamoDbClient client = local.dynamoDbClient();
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
            local.shutdown();
        }
        // DynamoDB Local leaves a non-daemon scheduler thread behind after shutdown()
        System.exit(0);
    }
}
