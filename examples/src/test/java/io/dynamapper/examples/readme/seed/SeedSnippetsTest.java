package io.dynamapper.examples.readme.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dynamapper.AutoIncrement;
import io.dynamapper.BulkWriteOptions;
import io.dynamapper.BulkWriter;
import io.dynamapper.Counter;
import io.dynamapper.CounterLimitException;
import io.dynamapper.EntityValidationException;
import io.dynamapper.HashKey;
import io.dynamapper.ItemMapper;
import io.dynamapper.Migrate;
import io.dynamapper.RangeKey;
import io.dynamapper.SchemaVersion;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.Table;
import io.dynamapper.Throughput;
import io.dynamapper.Version;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The README's sections on the seed capabilities, compiled and run on the in-memory DynamoDB. */
class SeedSnippetsTest {

    // @snippet auto-increment-entity
    @Table("doom_player")
    public static class Player {
        @HashKey @AutoIncrement(blockSize = 10) long id;   // 1, 2, 3, ... ten keys per counter update
        String name;
    }
    // @end

    @Table("doom_map")
    @SchemaVersion(2)
    public static class DoomMap {
        @HashKey long episode;
        @RangeKey int map;
        List<String> cheats;

        // @snippet migrate
        @Migrate(from = 1)   // version 1 stored cheats as "idkfa,iddqd"
        static Map<String, AttributeValue> cheatsStringToList(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> lifted = new HashMap<>(item);
            List<AttributeValue> cheats = new ArrayList<>();
            for (String cheat : item.get("cheats").s().split(",")) {
                cheats.add(AttributeValue.fromS(cheat));
            }
            lifted.put("cheats", AttributeValue.fromL(cheats));
            return lifted;
        }
        // @end
    }

    @Table("monster")
    public static class Monster {
        @HashKey String id;
        @NotBlank String name;
    }

    // @snippet counter-entity
    @Table("shop_stock")
    public static class Stock {
        @HashKey String sku;
        @Counter(min = 0) long available;   // never below 0
        @Counter long sold;
        @Version Long version;
    }
    // @end

    private final InMemoryDynamoDb db = InMemoryDynamoDb.create();
    private final SessionFactory sessions = Dynamapper.builder().client(db).build();

    private static void createTable(SessionFactory sessions, Class<?> type) {
        sessions.schema().createTableIfNotExists(type, Throughput.onDemand());
    }

    @Test
    void autoIncrement() {
        createTable(sessions, Player.class);
        // @snippet auto-increment-save
        try (Session s = sessions.openSession()) {
            Player p = new Player();
            s.save(p);                 // p.id is set here
            s.commit();
        }
        // @end
        assertEquals(1, sessions.inTransaction(s -> s.scan(Player.class).list()).size());
    }

    @Test
    void migration() {
        createTable(sessions, DoomMap.class);
        db.putItem(b -> b.tableName("doom_map").item(Map.of("episode", AttributeValue.fromN("1"),
                "map", AttributeValue.fromN("1"), "cheats", AttributeValue.fromS("idkfa,iddqd"))));
        assertEquals(List.of("idkfa", "iddqd"), sessions.inTransaction(s -> s.get(DoomMap.class, 1, 1).cheats));
    }

    @Test
    void validation() {
        DynamoDbClient client = db;
        // @snippet validator
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();   // Hibernate Validator, ...
        SessionFactory sessions = Dynamapper.builder().client(client).validator(validator).build();
        // @end
        createTable(sessions, Monster.class);
        Monster blank = new Monster();
        blank.id = "imp";
        blank.name = "";
        assertThrows(EntityValidationException.class, () -> sessions.useTransaction(s -> s.save(blank)));
    }

    @Test
    void counters() {
        createTable(sessions, Stock.class);
        Stock stock = new Stock();
        stock.sku = "bfg";
        stock.available = 1;
        sessions.useTransaction(s -> s.save(stock));
        // @snippet counter-use
        sessions.useTransaction(s -> {
            Stock bfg = s.get(Stock.class, "bfg");
            bfg.available -= 1;                 // ADD available :-1 IF available >= 1
            bfg.sold += 1;                      // ADD sold :1
        });                                     // CounterLimitException when sold out
        // @end
        assertThrows(CounterLimitException.class,
                () -> sessions.useTransaction(s -> s.get(Stock.class, "bfg").available -= 1));
    }

    @Test
    void bulkWrites() {
        createTable(sessions, Player.class);
        List<Player> players = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            players.add(new Player());
        }
        List<String> log = new CopyOnWriteArrayList<>();   // progress is reported from the sending threads
        // @snippet bulk-writer
        try (BulkWriter writer = sessions.bulkWriter(BulkWriteOptions.defaults()
                .withParallelism(4)
                .withProgress((written, queued) -> log.add(written + " of " + queued)))) {
            players.forEach(writer::put);
            writer.delete(Player.class, 1L);
        }   // close() flushes; flush() returns how many items were written since the last flush
        // @end
        assertEquals(2, log.size());
    }

    @Test
    void itemMapper() {
        Map<String, AttributeValue> oldImage = Map.of("episode", AttributeValue.fromN("1"),
                "map", AttributeValue.fromN("2"), "cheats", AttributeValue.fromS("idclip"));
        // @snippet item-mapper
        ItemMapper mapper = sessions.mapper();
        DoomMap before = mapper.fromItem(DoomMap.class, oldImage);   // a stream record's image; migrated
        Map<String, AttributeValue> item = mapper.toItem(before);   // the item a session would put
        // @end
        assertEquals(AttributeValue.fromN("2"), item.get("_schema"));
    }
}
