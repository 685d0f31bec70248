package io.dynamapper.examples.readme;

// @snippet quick-start
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import io.dynamapper.engine.Dynamapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

public class QuickStart {
    public static void main(String[] args) {
        run(DynamoDbClient.create());        // AWS with the default credentials and region; see below for others
    }

    static void run(DynamoDbClient dynamoDbClient) {
        SessionFactory sessions = Dynamapper.builder().client(dynamoDbClient).build();
        sessions.schema().createTableIfNotExists(DoomMap.class, Throughput.onDemand());   // waits until ACTIVE

        try (Session s = sessions.openSession()) {
            s.save(new DoomMap(1, 1, "Hangar"));           // a new entity: put if no item has its key
            s.save(new DoomMap(1, 2, "Nuclear Plant"));
            s.commit();                                     // one atomic write of both
        }

        try (Session s = sessions.openSession()) {
            DoomMap m = s.get(DoomMap.class, 1, 1);         // ItemNotFoundException if absent; find() gives an Optional
            m.name = "The Hangar";                          // found at commit by dirty checking
            s.delete(s.get(DoomMap.class, 1, 2));
            s.commit();                                     // one atomic write; close() without commit discards
        }

        // a unit of work that is re-run in a fresh session when it conflicts
        int maps = sessions.inTransaction(s -> s.query(DoomMap.class).hashKey(1).list().size());
        System.out.println(maps + " map(s) in episode 1");  // 1 map(s) in episode 1
    }
}
// @end
