package io.dynamapper.examples.doommap;

import io.dynamapper.Filter;
import io.dynamapper.KeyCondition;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.Throughput;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import io.dynamapper.inmemory.InMemoryDynamoDbServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DoomMap walkthrough of dynamodb-mapper, in Java. Runs on the in-memory DynamoDB in process by
 * default (no AWS account, no setup), printing every request and result:
 *
 * <pre>
 * mvn -q -pl examples -am -DskipTests package exec:exec
 * </pre>
 *
 * Arguments (with {@code -Dwalkthrough.args="..."}): {@code --endpoint http://localhost:8000} for a
 * DynamoDB-compatible server, {@code --aws} for AWS with the default credential chain and region,
 * {@code --in-memory} (the default) for the in-memory DynamoDB, {@code --serve 8000} for the in-memory
 * DynamoDB served over HTTP on that port (0: a free one) and reached through the SDK's HTTP client.
 */
public final class Walkthrough {
    private final SessionFactory sessions;
    private final DynamoDbClient client;
    private final Consumer<String> out;

    Walkthrough(DynamoDbClient client, Consumer<String> out) {
        this.out = out;
        this.client = client;
        this.sessions = Dynamapper.builder().client(PrintingClient.wrap(client, out)).build();
    }

    public static void main(String[] args) {
        String mode = args.length == 0 ? "--in-memory" : args[0];
        DynamoDbClient client;
        InMemoryDynamoDbServer server = null;
        switch (mode) {
            case "--serve" -> {
                server = InMemoryDynamoDb.create().serve(Integer.parseInt(args[1]));
                client = endpointClient(server.uri());
                System.out.println("In-memory DynamoDB served at " + server.uri());
            }
            case "--endpoint" -> client = endpointClient(URI.create(args[1]));
            case "--aws" -> client = DynamoDbClient.create();
            case "--in-memory" -> client = InMemoryDynamoDb.create();
            default -> {
                System.err.println("usage: Walkthrough [--in-memory | --serve PORT | --endpoint URL | --aws]");
                System.exit(2);
                return;
            }
        }
        System.out.println("Dynamapper DoomMap walkthrough on " + mode.substring(2));
        try {
            new Walkthrough(client, System.out::println).run();
        } finally {
            client.close();
            if (server != null) {
                server.close();
            }
        }
    }

    private static DynamoDbClient endpointClient(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    void run() {
        step("1. Create table doom_map (provisioned 10/10); waits until ACTIVE");
        if (!sessions.schema().createTableIfNotExists(DoomMap.class, Throughput.provisioned(10, 10))) {
            out.accept("   (it existed already)");
        }

        step("2. Save E1M1 'Hangar' and the other maps of episode 1, in one commit");
        try (Session s = sessions.openSession()) {
            s.save(new DoomMap(1, 1, "Hangar", "idkfa", "iddqd", "idclip"));
            String[] names = {"Nuclear Plant", "Toxin Refinery", "Command Control", "Phobos Lab",
                "Central Processing", "Computer Station", "Phobos Anomaly", "Military Base"};
            for (int map = 2; map <= 9; map++) {
                s.save(new DoomMap(1, map, names[map - 2]));
            }
            s.commit();
        }

        step("3. get(1, 1) with a consistent read");
        try (Session s = sessions.openSession(SessionOptions.defaults().withConsistentReads(true))) {
            DoomMap e1m1 = s.get(DoomMap.class, 1, 1);
            out.accept("   " + e1m1);
            out.accept("   same instance on a second get: " + (e1m1 == s.get(DoomMap.class, 1, 1)));
        }

        step("4. Query every map of episode 1");
        List<DoomMap> episode1 = sessions.inTransaction(s -> s.query(DoomMap.class).hashKey(1).list());
        episode1.forEach(m -> out.accept("   " + m));

        step("5. Query maps of episode 1 with map > 5, highest first");
        sessions.inTransaction(s -> s.query(DoomMap.class).hashKey(1).rangeKey(KeyCondition.gt(5)).descending().list())
                .forEach(m -> out.accept("   " + m));

        step("6. Scan for maps whose name begins with 'Phobos' (a filter; 'name' is a reserved word, no matter)");
        sessions.inTransaction(s -> s.scan(DoomMap.class).filter(Filter.beginsWith("name", "Phobos")).list())
                .forEach(m -> out.accept("   " + m));

        step("7. Rename E1M2: only 'name' and the version are written, on condition of the version read");
        try (Session s = sessions.openSession()) {
            DoomMap e1m2 = s.get(DoomMap.class, 1, 2);
            e1m2.name = "Nuclear Plant (renamed)";
            s.commit();
            out.accept("   now " + e1m2);
        }

        step("8. Two sessions change E1M3 at once: the second commit fails, nothing is lost");
        try (Session alice = sessions.openSession(); Session bob = sessions.openSession()) {
            DoomMap a = alice.get(DoomMap.class, 1, 3);
            DoomMap b = bob.get(DoomMap.class, 1, 3);
            a.name = "Toxin Refinery (Alice)";
            b.cheats.add("idspispopd");
            alice.commit();
            try {
                bob.commit();
            } catch (OptimisticLockException e) {
                out.accept("   Bob: " + e.getMessage());
            }
        }
        out.accept("   inTransaction re-runs a unit of work that conflicts:");
        AtomicInteger attempts = new AtomicInteger();
        DoomMap resolved = sessions.inTransaction(s -> {
            DoomMap m = s.get(DoomMap.class, 1, 3);
            if (attempts.incrementAndGet() == 1) {
                sessions.useTransaction(other -> other.get(DoomMap.class, 1, 3).name = "Toxin Refinery (meanwhile)");
            }
            m.cheats.add("idspispopd");
            return m;
        });
        out.accept("   after " + attempts.get() + " attempts: " + resolved);

        step("9. Delete E1M9 (conditional on its version)");
        sessions.useTransaction(s -> s.delete(s.get(DoomMap.class, 1, 9)));
        try (Session s = sessions.openSession()) {
            out.accept("   E1M9 present: " + s.find(DoomMap.class, 1, 9).isPresent()
                    + "; maps left in episode 1: " + s.query(DoomMap.class).hashKey(1).count());
        }

        step("10. Auto-increment keys: players get ids 1, 2, 3 at save, from one counter update for ten keys");
        sessions.schema().createTableIfNotExists(Player.class, Throughput.provisioned(5, 5));
        try (Session s = sessions.openSession()) {
            for (String name : List.of("Doomguy", "Commander Keen", "BJ Blazkowicz")) {
                Player p = new Player(name);
                s.save(p);
                out.accept("   saved " + p);
            }
            s.commit();
        }

        step("11. A lazy migration: an item the first version of the application wrote, cheats as one string");
        client.putItem(b -> b.tableName("doom_map").item(Map.of("episode", AttributeValue.fromN("2"),
                "map", AttributeValue.fromN("1"), "name", AttributeValue.fromS("Deimos Anomaly"),
                "cheats", AttributeValue.fromS("idkfa,iddqd"), "version", AttributeValue.fromN("1"))));
        try (Session s = sessions.openSession()) {
            DoomMap e2m1 = s.get(DoomMap.class, 2, 1);
            out.accept("   read through @Migrate(from = 1): " + e2m1 + "; dirty: " + s.isDirty());
            s.commit();
            out.accept("   written back with _schema = 2: " + e2m1);
        }
        step("Done.");
    }

    private void step(String title) {
        out.accept("");
        out.accept(title);
    }
}
