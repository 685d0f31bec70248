package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.key;
import static io.dynamapper.inmemory.contract.Dsl.list;
import static io.dynamapper.inmemory.contract.Dsl.map;
import static io.dynamapper.inmemory.contract.Dsl.values;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Streams: ListStreams, DescribeStream, GetShardIterator and GetRecords over the stream of a
 * table created with a StreamSpecification. Records are rendered without their volatile parts (sequence
 * numbers, times, event ids); that sequence numbers increase is checked instead.
 */
final class StreamsContractTest extends ContractSuite {

    /** Creates the on-demand table "items" (pk:S) with a stream of this view type; returns the stream ARN. */
    static String streamTable(Db db, StreamViewType view) {
        return streamTable(db, "items", view);
    }

    /**
     * Creates an on-demand table (pk:S) with a stream; returns the stream ARN. Streams outlive their tables
     * (24 hours, as on AWS), so cases that list streams use table names no other case uses.
     */
    static String streamTable(Db db, String table, StreamViewType view) {
        db.create(table, b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(view)), "pk:S");
        return db.ddb().describeTable(r -> r.tableName(table)).table().latestStreamArn();
    }

    static String latestArn(Db db) {
        return db.ddb().describeTable(r -> r.tableName("items")).table().latestStreamArn();
    }

    /** Every listed stream, following LastEvaluatedStreamArn with pages of {@code limit}; checks page sizes. */
    static List<software.amazon.awssdk.services.dynamodb.model.Stream> listAll(Db db, int limit) {
        List<software.amazon.awssdk.services.dynamodb.model.Stream> all = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            var page = db.streams().listStreams(r -> r.limit(limit).exclusiveStartStreamArn(from));
            if (page.streams().size() > limit) {
                throw new AssertionError("a page of " + limit + " listed " + page.streams().size());
            }
            all.addAll(page.streams());
            start = page.lastEvaluatedStreamArn();
        } while (start != null);
        return all;
    }

    static String shardId(Db db, String arn) {
        return db.streams().describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
    }

    static String iterator(Db db, String arn, ShardIteratorType type, String sequenceNumber) {
        DynamoDbStreamsClient streams = db.streams();
        String shard = shardId(db, arn);
        return streams.getShardIterator(r -> r.streamArn(arn).shardId(shard).shardIteratorType(type)
                .sequenceNumber(sequenceNumber)).shardIterator();
    }

    /** Every record from the iterator on, read page by page until a page is empty or the shard ends. */
    static List<Record> readAll(Db db, String iterator) {
        List<Record> all = new ArrayList<>();
        String next = iterator;
        for (int pages = 0; next != null && pages < 100; pages++) {
            String from = next;
            GetRecordsResponse page = db.streams().getRecords(r -> r.shardIterator(from));
            all.addAll(page.records());
            next = page.records().isEmpty() ? null : page.nextShardIterator();
        }
        return all;
    }

    static List<Record> records(Db db, String arn) {
        return readAll(db, iterator(db, arn, ShardIteratorType.TRIM_HORIZON, null));
    }

    /** Records without volatile parts; appends "ordered" when their sequence numbers increase. */
    static List<Object> render(List<Record> records) {
        List<Object> out = new ArrayList<>();
        BigInteger last = BigInteger.valueOf(-1);
        boolean ordered = true;
        for (Record r : records) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", r.eventNameAsString());
            m.put("keys", r.dynamodb().keys());
            if (r.dynamodb().hasNewImage()) {
                m.put("new", r.dynamodb().newImage());
            }
            if (r.dynamodb().hasOldImage()) {
                m.put("old", r.dynamodb().oldImage());
            }
            out.add(m);
            BigInteger sequence = new BigInteger(r.dynamodb().sequenceNumber());
            ordered &= sequence.compareTo(last) > 0;
            last = sequence;
        }
        out.add(ordered ? "ordered" : "NOT ordered");
        return out;
    }

    /** Put a (INSERT), update it (MODIFY), delete it (REMOVE). */
    static void insertModifyRemove(Db db) {
        db.put("items", item("pk", "a", "n", 1));
        db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a")).updateExpression("SET n = :n")
                .expressionAttributeValues(values(":n", 2)));
        db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "a")));
    }

    @Override
    protected void define(Cases c) {
        c.add("KEYS_ONLY records carry only keys", db -> {
            String arn = streamTable(db, StreamViewType.KEYS_ONLY);
            insertModifyRemove(db);
            return render(records(db, arn));
        }).expect(list(map("event", "INSERT", "keys", key("pk", "a")), map("event", "MODIFY", "keys", key("pk", "a")),
                map("event", "REMOVE", "keys", key("pk", "a")), "ordered"));

        c.add("NEW_IMAGE records carry the item after the write", db -> {
            String arn = streamTable(db, StreamViewType.NEW_IMAGE);
            insertModifyRemove(db);
            return render(records(db, arn));
        }).expect(list(map("event", "INSERT", "keys", key("pk", "a"), "new", item("pk", "a", "n", 1)),
                map("event", "MODIFY", "keys", key("pk", "a"), "new", item("pk", "a", "n", 2)),
                map("event", "REMOVE", "keys", key("pk", "a")), "ordered"));

        c.add("OLD_IMAGE records carry the item before the write", db -> {
            String arn = streamTable(db, StreamViewType.OLD_IMAGE);
            insertModifyRemove(db);
            return render(records(db, arn));
        }).expect(list(map("event", "INSERT", "keys", key("pk", "a")),
                map("event", "MODIFY", "keys", key("pk", "a"), "old", item("pk", "a", "n", 1)),
                map("event", "REMOVE", "keys", key("pk", "a"), "old", item("pk", "a", "n", 2)), "ordered"));

        c.add("NEW_AND_OLD_IMAGES records carry both images", db -> {
            String arn = streamTable(db, StreamViewType.NEW_AND_OLD_IMAGES);
            insertModifyRemove(db);
            return render(records(db, arn));
        }).expect(list(map("event", "INSERT", "keys", key("pk", "a"), "new", item("pk", "a", "n", 1)),
                map("event", "MODIFY", "keys", key("pk", "a"), "new", item("pk", "a", "n", 2), "old", item("pk", "a", "n", 1)),
                map("event", "REMOVE", "keys", key("pk", "a"), "old", item("pk", "a", "n", 2)), "ordered"));

        c.add("records describe their source", db -> {
            String arn = streamTable(db, StreamViewType.KEYS_ONLY);
            db.put("items", item("pk", "a"));
            Record r = records(db, arn).get(0);
            return map("eventSource", r.eventSource(), "eventVersion", r.eventVersion(),
                    "viewType", r.dynamodb().streamViewTypeAsString(), "hasSize", r.dynamodb().sizeBytes() > 0,
                    "hasTime", r.dynamodb().approximateCreationDateTime() != null, "hasEventId", r.eventID() != null,
                    "userIdentity", r.userIdentity());
        }).expect(map("eventSource", "aws:dynamodb", "eventVersion", "1.1", "viewType", "KEYS_ONLY", "hasSize", true,
                "hasTime", true, "hasEventId", true, "userIdentity", null));

        c.add("writes that change nothing make no record", db -> {
            String arn = streamTable(db, StreamViewType.NEW_AND_OLD_IMAGES);
            db.put("items", item("pk", "a", "n", 1, "s", Dsl.ss("x", "y")));
            db.put("items", item("pk", "a", "n", 1, "s", Dsl.ss("y", "x")));
            db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a")).updateExpression("SET n = :n")
                    .expressionAttributeValues(values(":n", Dsl.num("1.0"))));
            db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "missing")));
            return render(records(db, arn));
        }).expect(list(map("event", "INSERT", "keys", key("pk", "a"), "new", item("pk", "a", "n", 1, "s", Dsl.ss("x", "y"))),
                "ordered"));

        c.add("a failed conditional write makes no record", db -> {
            String arn = streamTable(db, StreamViewType.KEYS_ONLY);
            db.put("items", item("pk", "a"));
            Db.attempt(() -> db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "n", 1))
                    .conditionExpression("attribute_not_exists(pk)")));
            return render(records(db, arn));
        }).expect(list(map("event", "INSERT", "keys", key("pk", "a")), "ordered"));

        c.add("a transaction makes one record per changed item, in request order", db -> {
            String arn = streamTable(db, StreamViewType.KEYS_ONLY);
            db.put("items", item("pk", "c"));
            db.ddb().transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName("items").item(item("pk", "b"))).build(),
                    TransactWriteItem.builder().delete(d -> d.tableName("items").key(key("pk", "c"))).build(),
                    TransactWriteItem.builder().put(p -> p.tableName("items").item(item("pk", "a"))).build()));
            return render(records(db, arn));
        }).expect(list(map("event", "INSERT", "keys", key("pk", "c")), map("event", "INSERT", "keys", key("pk", "b")),
                map("event", "REMOVE", "keys", key("pk", "c")), map("event", "INSERT", "keys", key("pk", "a")), "ordered"));

        c.add("PartiQL writes make records", db -> {
            String arn = streamTable(db, StreamViewType.NEW_IMAGE);
            db.ddb().executeStatement(r -> r.statement("INSERT INTO items VALUE {'pk': 'a', 'n': 1}"));
            db.ddb().executeStatement(r -> r.statement("UPDATE items SET n = 2 WHERE pk = 'a'"));
            db.ddb().executeStatement(r -> r.statement("DELETE FROM items WHERE pk = 'a'"));
            return render(records(db, arn));
        }).expect(list(map("event", "INSERT", "keys", key("pk", "a"), "new", item("pk", "a", "n", 1)),
                map("event", "MODIFY", "keys", key("pk", "a"), "new", item("pk", "a", "n", 2)),
                map("event", "REMOVE", "keys", key("pk", "a")), "ordered"));

        c.add("batch writes make records", db -> {
            String arn = streamTable(db, StreamViewType.KEYS_ONLY);
            db.ddb().batchWriteItem(r -> r.requestItems(Map.of("items", List.of(
                    software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                            .putRequest(p -> p.item(item("pk", "a"))).build()))));
            return render(records(db, arn));
        }).expect(list(map("event", "INSERT", "keys", key("pk", "a")), "ordered"));

        c.add("LATEST reads only records written after the iterator", db -> {
            String arn = streamTable(db, StreamViewType.KEYS_ONLY);
            db.put("items", item("pk", "before"));
            String latest = iterator(db, arn, ShardIteratorType.LATEST, null);
            db.put("items", item("pk", "after"));
            return render(readAll(db, latest));
        }).expect(list(map("event", "INSERT", "keys", key("pk", "after")), "ordered"));

        c.add("AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER start at and after a record", db -> {
            String arn = streamTable(db, StreamViewType.KEYS_ONLY);
            db.put("items", item("pk", "a"), item("pk", "b"), item("pk", "c"));
            String second = records(db, arn).get(1).dynamodb().sequenceNumber();
            return list(render(readAll(db, iterator(db, arn, ShardIteratorType.AT_SEQUENCE_NUMBER, second))),
                    render(readAll(db, iterator(db, arn, ShardIteratorType.AFTER_SEQUENCE_NUMBER, second))));
        }).expect(list(list(map("event", "INSERT", "keys", key("pk", "b")), map("event", "INSERT", "keys", key("pk", "c")),
                "ordered"), list(map("event", "INSERT", "keys", key("pk", "c")), "ordered")));

        c.add("GetRecords honours Limit and continues with NextShardIterator", db -> {
            String arn = streamTable(db, StreamViewType.KEYS_ONLY);
            db.put("items", item("pk", "a"), item("pk", "b"), item("pk", "c"));
            GetRecordsResponse first = db.streams().getRecords(r -> r.shardIterator(
                    iterator(db, arn, ShardIteratorType.TRIM_HORIZON, null)).limit(2));
            GetRecordsResponse second = db.streams().getRecords(r -> r.shardIterator(first.nextShardIterator()).limit(2));
            GetRecordsResponse third = db.streams().getRecords(r -> r.shardIterator(second.nextShardIterator()));
            return list(render(first.records()), render(second.records()), third.records().size(),
                    third.nextShardIterator() != null);
        }).expect(list(list(map("event", "INSERT", "keys", key("pk", "a")), map("event", "INSERT", "keys", key("pk", "b")),
                "ordered"), list(map("event", "INSERT", "keys", key("pk", "c")), "ordered"), 0, true));

        c.add("DescribeStream describes an enabled stream with one open shard", db -> {
            String arn = streamTable(db, StreamViewType.NEW_IMAGE);
            StreamDescription d = db.streams().describeStream(r -> r.streamArn(arn)).streamDescription();
            return map("status", d.streamStatusAsString(), "viewType", d.streamViewTypeAsString(),
                    "tableName", d.tableName(), "keySchema", d.keySchema().get(0).attributeName(),
                    "arnMatches", d.streamArn().equals(arn), "shards", d.shards().size(),
                    "starting", d.shards().get(0).sequenceNumberRange().startingSequenceNumber() != null,
                    "ending", d.shards().get(0).sequenceNumberRange().endingSequenceNumber());
        }).expect(map("status", "ENABLED", "viewType", "NEW_IMAGE", "tableName", "items", "keySchema", "pk",
                "arnMatches", true, "shards", 1, "starting", true, "ending", null));

        c.add("a disabled stream keeps its records and closes its shard", db -> {
            String arn = streamTable(db, StreamViewType.KEYS_ONLY);
            db.put("items", item("pk", "a"));
            db.ddb().updateTable(r -> r.tableName("items").streamSpecification(s -> s.streamEnabled(false)));
            db.put("items", item("pk", "b"));
            StreamDescription d = db.streams().describeStream(r -> r.streamArn(arn)).streamDescription();
            GetRecordsResponse page = db.streams().getRecords(r -> r.shardIterator(
                    iterator(db, arn, ShardIteratorType.TRIM_HORIZON, null)));
            return map("status", d.streamStatusAsString(),
                    "ending", d.shards().get(0).sequenceNumberRange().endingSequenceNumber() != null,
                    "records", render(page.records()), "next", page.nextShardIterator());
        }).expect(map("status", "DISABLED", "ending", true,
                "records", list(map("event", "INSERT", "keys", key("pk", "a")), "ordered"), "next", null));

        c.add("enabling a stream again creates a new stream", db -> {
            String first = streamTable(db, "reenabled", StreamViewType.KEYS_ONLY);
            db.ddb().updateTable(r -> r.tableName("reenabled").streamSpecification(s -> s.streamEnabled(false)));
            describeUntilActive(db, "reenabled");
            db.ddb().updateTable(r -> r.tableName("reenabled").streamSpecification(s -> s.streamEnabled(true)
                    .streamViewType(StreamViewType.NEW_IMAGE)));
            String second = db.ddb().describeTable(r -> r.tableName("reenabled")).table().latestStreamArn();
            var listed = db.streams().listStreams(r -> r.tableName("reenabled")).streams();
            return map("different", !first.equals(second), "listed", listed.size(),
                    "statuses", list(status(db, first), status(db, second)));
        }).expect(map("different", true, "listed", 2, "statuses", list("DISABLED", "ENABLED")));

        c.add("ListStreams lists streams with their table names", db -> {
            String arn = streamTable(db, "listed", StreamViewType.KEYS_ONLY);
            db.table("plain", "pk:S");
            var listed = listAll(db, 100).stream().filter(s -> s.tableName().equals("listed")).toList();
            return list(listed.size(), listed.get(0).streamArn().equals(arn), listed.get(0).streamLabel() != null,
                    listAll(db, 100).stream().anyMatch(s -> s.tableName().equals("plain")));
        }).expect(list(1, true, true, false));

        c.add("ListStreams of a table without a stream lists none", db -> {
            db.table("plain", "pk:S");
            return db.streams().listStreams(r -> r.tableName("plain")).streams().size();
        }).expect(0);

        c.add("ListStreams pages with Limit and ExclusiveStartStreamArn", db -> {
            String one = streamTable(db, "paged_one", StreamViewType.KEYS_ONLY);
            String two = streamTable(db, "paged_two", StreamViewType.KEYS_ONLY);
            List<String> byOne = listAll(db, 1).stream().map(s -> s.streamArn()).toList();
            List<String> byHundred = listAll(db, 100).stream().map(s -> s.streamArn()).toList();
            return list(byOne.equals(byHundred), byOne.contains(one), byOne.contains(two));
        }).expect(list(true, true, true));

        c.add("the stream of a deleted table stays readable and DISABLED", db -> {
            String arn = streamTable(db, StreamViewType.KEYS_ONLY);
            db.put("items", item("pk", "a"));
            db.ddb().deleteTable(r -> r.tableName("items"));
            return list(status(db, arn), render(records(db, arn)));
        }).expect(list("DISABLED", list(map("event", "INSERT", "keys", key("pk", "a")), "ordered")));

        c.add("describing an unknown stream fails with ResourceNotFoundException", db -> {
            String arn = streamTable(db, StreamViewType.KEYS_ONLY);
            return db.streams().describeStream(r -> r.streamArn(arn + "0"));
        }).expectError("ResourceNotFoundException");

        c.add("an iterator for an unknown shard fails with ResourceNotFoundException", db -> {
            String arn = streamTable(db, StreamViewType.KEYS_ONLY);
            return db.streams().getShardIterator(r -> r.streamArn(arn).shardId("shardId-00000000000000000000-00000000")
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON));
        }).expectError("ResourceNotFoundException");

        c.add("AT_SEQUENCE_NUMBER without a sequence number is rejected", db -> {
            String arn = streamTable(db, StreamViewType.KEYS_ONLY);
            return iterator(db, arn, ShardIteratorType.AT_SEQUENCE_NUMBER, null);
        }).expectError("ValidationException");

        c.add("a sequence number the shard does not have is rejected", db -> {
            String arn = streamTable(db, StreamViewType.KEYS_ONLY);
            db.put("items", item("pk", "a"));
            return iterator(db, arn, ShardIteratorType.AFTER_SEQUENCE_NUMBER, "999999999999999999999999");
        }).expectError("ValidationException");

        c.add("GetRecords with an iterator it did not issue is rejected", db -> {
            streamTable(db, StreamViewType.KEYS_ONLY);
            return db.streams().getRecords(r -> r.shardIterator("not-an-iterator"));
        }).expectError("ValidationException");

        c.add("GetRecords with Limit 0 is rejected", db -> {
            String arn = streamTable(db, StreamViewType.KEYS_ONLY);
            String it = iterator(db, arn, ShardIteratorType.TRIM_HORIZON, null);
            return db.streams().getRecords(r -> r.shardIterator(it).limit(0));
        }).expectError("ValidationException");

        c.add("ListStreams of a missing table fails with ResourceNotFoundException", db ->
                db.streams().listStreams(r -> r.tableName("missing")))
                .expectError("ResourceNotFoundException");
    }

    static String status(Db db, String arn) {
        return db.streams().describeStream(r -> r.streamArn(arn)).streamDescription().streamStatusAsString();
    }

    static void describeUntilActive(Db db, String table) {
        for (int i = 0; i < 10; i++) {
            if (db.ddb().describeTable(r -> r.tableName(table)).table().tableStatusAsString().equals("ACTIVE")) {
                return;
            }
        }
        throw new AssertionError(table + " did not become ACTIVE");
    }
}
