package io.dynamapper.inmemory.internal.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.SequenceNumberRange;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.Stream;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Every stream of the in-memory DynamoDB and the four DynamoDB Streams operations over them.
 *
 * <ul>
 *   <li>One shard per stream, holding every record of the table in commit order (DynamoDB orders records
 *       per item; one shard orders them all). The shard stays open while the stream is enabled and is
 *       closed (it gets an ending sequence number) when the stream is disabled or its table deleted.</li>
 *   <li>Records are kept for 24 hours of the fake's clock, then trimmed; a disabled stream stays listed and
 *       readable for 24 hours after it was disabled. Shard iterators expire 15 minutes after they were
 *       issued ({@code ExpiredIteratorException}).</li>
 *   <li>Sequence numbers are 21-digit decimal strings, increasing within a shard.</li>
 * </ul>
 * Thread-safe: every method holds this object's monitor.
 */
public final class Streams {
    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);
    /** GetRecords answers at most 1 MB of records (and at least one record). */
    static final long MAX_PAGE_BYTES = 1024 * 1024;
    private static final long SEQUENCE_BLOCK = 1_000_000_000_000_000L;
    /**
     * What only a table with a stream needs, in a holder built on the first stream: a date formatter
     * loads some fifty classes of {@code java.time}, which a test JVM without streams should not pay for
     * at start-up.
     */
    private static final class StreamConstants {
        static final DateTimeFormatter LABEL =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
        static final Identity SERVICE = Identity.builder().principalId("dynamodb.amazonaws.com")
                .type("Service").build();
    }

    private final Supplier<Instant> clock;
    private final Map<String, StreamLog> byArn = new LinkedHashMap<>();
    private long streamsCreated;

    /** @param clock the fake's clock: record times, retention and iterator expiry */
    public Streams(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /** Forgets every stream. */
    public synchronized void clear() {
        byArn.clear();
    }

    /**
     * Creates an enabled stream for a table.
     *
     * @param tableArn the table's ARN as DescribeTable shows it; the stream's ARN extends it
     */
    public synchronized StreamLog create(String tableName, String tableArn, List<KeySchemaElement> keySchema,
            StreamViewType viewType) {
        Instant at = clock.get();
        String label = StreamConstants.LABEL.format(at);
        while (byArn.containsKey(tableArn + "/stream/" + label)) {
            at = at.plusMillis(1);
            label = StreamConstants.LABEL.format(at);
        }
        String arn = tableArn + "/stream/" + label;
        String[] arnParts = tableArn.split(":", 6);
        String region = arnParts.length > 3 ? arnParts[3] : "us-east-1";
        streamsCreated++;
        String shardId = String.format("shardId-%020d-%08x", at.toEpochMilli(), arn.hashCode());
        StreamLog s = new StreamLog(arn, label, tableName, keySchema, viewType, at, shardId, region,
                streamsCreated * SEQUENCE_BLOCK);
        byArn.put(arn, s);
        return s;
    }

    /** Disables a stream: its shard closes; it stays readable for 24 hours. */
    public synchronized void disable(StreamLog s) {
        if (s.disabledAt == null) {
            s.disabledAt = clock.get();
        }
    }

    /**
     * Appends the record of one item change. {@code oldImage} null means the item was created,
     * {@code newImage} null that it was deleted; the caller does not call this for a write that changed
     * nothing.
     *
     * @param keys      the item's key attributes
     * @param sizeBytes the record's size: its keys plus the images its view type carries
     * @param byService whether DynamoDB itself made the change (a time-to-live deletion)
     */
    public synchronized void append(StreamLog s, Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage, long sizeBytes, boolean byService) {
        Instant now = clock.get();
        trim(s, now);
        long number = s.end();
        StreamRecord.Builder data = StreamRecord.builder()
                .approximateCreationDateTime(now.truncatedTo(ChronoUnit.SECONDS))
                .keys(keys)
                .sequenceNumber(s.sequenceNumber(number))
                .sizeBytes(sizeBytes)
                .streamViewType(s.viewType);
        if (newImage != null && (s.viewType == StreamViewType.NEW_IMAGE
                || s.viewType == StreamViewType.NEW_AND_OLD_IMAGES)) {
            data.newImage(newImage);
        }
        if (oldImage != null && (s.viewType == StreamViewType.OLD_IMAGE
                || s.viewType == StreamViewType.NEW_AND_OLD_IMAGES)) {
            data.oldImage(oldImage);
        }
        OperationType type = oldImage == null ? OperationType.INSERT
                : newImage == null ? OperationType.REMOVE : OperationType.MODIFY;
        Record.Builder record = Record.builder()
                .eventID(new UUID(s.base, number).toString().replace("-", ""))
                .eventName(type)
                .eventVersion("1.1")
                .eventSource("aws:dynamodb")
                .awsRegion(s.region)
                .dynamodb(data.build());
        if (byService) {
            record.userIdentity(StreamConstants.SERVICE);
        }
        s.records.add(record.build());
    }

    private static void trim(StreamLog s, Instant now) {
        Instant horizon = now.minus(RETENTION);
        int drop = 0;
        while (drop < s.records.size()
                && !s.records.get(drop).dynamodb().approximateCreationDateTime().isAfter(horizon)) {
            drop++;
        }
        if (drop > 0) {
            s.records.subList(0, drop).clear();
            s.trimmed += drop;
        }
    }

    private void expire(Instant now) {
        byArn.values().removeIf(s -> s.disabledAt != null && !s.disabledAt.plus(RETENTION).isAfter(now));
    }

    private StreamLog stream(String arn, Instant now) {
        expire(now);
        StreamLog s = byArn.get(arn);
        if (s == null) {
            throw StreamErrors.notFound("Requested resource not found: Stream: " + arn + " not found");
        }
        trim(s, now);
        return s;
    }

    /**
     * ListStreams: streams in creation order, optionally of one table.
     *
     * @param tableExists whether a table of that name exists (a table without streams lists none)
     */
    public synchronized ListStreamsResponse listStreams(ListStreamsRequest r, Predicate<String> tableExists) {
        int limit = r.limit() == null ? 100 : r.limit();
        if (limit < 1 || limit > 100) {
            throw StreamErrors.constraint(limit, "limit", "Member must have value "
                    + (limit < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
        }
        expire(clock.get());
        List<StreamLog> all = new ArrayList<>();
        for (StreamLog s : byArn.values()) {
            if (r.tableName() == null || r.tableName().equals(s.tableName)) {
                all.add(s);
            }
        }
        if (r.tableName() != null && all.isEmpty() && !tableExists.test(r.tableName())) {
            throw StreamErrors.notFound("Requested resource not found: Table: " + r.tableName() + " not found");
        }
        int from = 0;
        if (r.exclusiveStartStreamArn() != null) {
            from = all.size();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).arn.equals(r.exclusiveStartStreamArn())) {
                    from = i + 1;
                }
            }
        }
        int to = Math.min(all.size(), from + limit);
        List<Stream> page = new ArrayList<>();
        for (StreamLog s : all.subList(from, to)) {
            page.add(Stream.builder().streamArn(s.arn).tableName(s.tableName).streamLabel(s.label).build());
        }
        ListStreamsResponse.Builder b = ListStreamsResponse.builder().streams(page);
        if (to < all.size()) {
            b.lastEvaluatedStreamArn(all.get(to - 1).arn);
        }
        return b.build();
    }

    /** DescribeStream: the stream and its one shard. */
    public synchronized DescribeStreamResponse describeStream(DescribeStreamRequest r) {
        if (r.streamArn() == null) {
            throw StreamErrors.constraint(null, "streamArn", "Member must not be null");
        }
        if (r.limit() != null && (r.limit() < 1 || r.limit() > 100)) {
            throw StreamErrors.constraint(r.limit(), "limit", "Member must have value "
                    + (r.limit() < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
        }
        StreamLog s = stream(r.streamArn(), clock.get());
        SequenceNumberRange.Builder range = SequenceNumberRange.builder()
                .startingSequenceNumber(s.sequenceNumber(0));
        if (s.disabledAt != null) {
            range.endingSequenceNumber(s.sequenceNumber(Math.max(s.end() - 1, 0)));
        }
        List<Shard> shards = s.shardId.equals(r.exclusiveStartShardId()) ? List.of()
                : List.of(Shard.builder().shardId(s.shardId).sequenceNumberRange(range.build()).build());
        return DescribeStreamResponse.builder().streamDescription(StreamDescription.builder()
                .streamArn(s.arn)
                .streamLabel(s.label)
                .streamStatus(s.disabledAt == null ? StreamStatus.ENABLED : StreamStatus.DISABLED)
                .streamViewType(s.viewType)
                .creationRequestDateTime(s.created)
                .tableName(s.tableName)
                .keySchema(s.keySchema)
                .shards(shards)
                .build()).build();
    }

    /** GetShardIterator: TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER. */
    public synchronized GetShardIteratorResponse getShardIterator(GetShardIteratorRequest r) {
        if (r.streamArn() == null) {
            throw StreamErrors.constraint(null, "streamArn", "Member must not be null");
        }
        if (r.shardId() == null) {
            throw StreamErrors.constraint(null, "shardId", "Member must not be null");
        }
        ShardIteratorType type = r.shardIteratorType();
        if (type == null || type == ShardIteratorType.UNKNOWN_TO_SDK_VERSION) {
            throw StreamErrors.constraint(r.shardIteratorTypeAsString(), "shardIteratorType", type == null
                    ? "Member must not be null"
                    : "Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, AT_SEQUENCE_NUMBER, LATEST, "
                            + "TRIM_HORIZON]");
        }
        Instant now = clock.get();
        StreamLog s = stream(r.streamArn(), now);
        if (!s.shardId.equals(r.shardId())) {
            throw StreamErrors.notFound("Requested resource not found: Shard does not exist");
        }
        long position = switch (type) {
            case TRIM_HORIZON -> s.trimmed;
            case LATEST -> s.end();
            default -> {
                if (r.sequenceNumber() == null) {
                    throw StreamErrors.validation("Must specify a SequenceNumber for ShardIteratorType " + type);
                }
                long n = s.recordNumber(r.sequenceNumber());
                if (n < 0) {
                    throw StreamErrors.validation("Invalid SequenceNumber " + r.sequenceNumber()
                            + " for shard " + s.shardId + " of stream " + s.arn);
                }
                if (n < s.trimmed) {
                    throw StreamErrors.trimmed("Attempted to access data past the trim horizon: the record with "
                            + "SequenceNumber " + r.sequenceNumber() + " is older than 24 hours");
                }
                yield type == ShardIteratorType.AT_SEQUENCE_NUMBER ? n : n + 1;
            }
        };
        return GetShardIteratorResponse.builder().shardIterator(iterator(s, position, now)).build();
    }

    /** GetRecords: up to {@code Limit} (default 1000) records, at most 1 MB, from the iterator's position. */
    public synchronized GetRecordsResponse getRecords(GetRecordsRequest r) {
        if (r.shardIterator() == null) {
            throw StreamErrors.constraint(null, "shardIterator", "Member must not be null");
        }
        int limit = r.limit() == null ? 1000 : r.limit();
        if (limit < 1 || limit > 1000) {
            throw StreamErrors.constraint(limit, "limit", "Member must have value "
                    + (limit < 1 ? "greater than or equal to 1" : "less than or equal to 1000"));
        }
        Position p = Position.decode(r.shardIterator());
        Instant now = clock.get();
        if (!p.issued().plus(ITERATOR_LIFETIME).isAfter(now)) {
            throw StreamErrors.expired("Iterator expired. The iterator was created at " + p.issued()
                    + " and must be used within 15 minutes; it is now " + now);
        }
        StreamLog s = stream(p.streamArn(), now);
        if (!s.shardId.equals(p.shardId())) {
            throw StreamErrors.notFound("Requested resource not found: Shard does not exist");
        }
        if (p.position() < s.trimmed) {
            throw StreamErrors.trimmed("Attempted to access data past the trim horizon: records before "
                    + s.sequenceNumber(s.trimmed) + " are older than 24 hours");
        }
        long from = Math.min(p.position(), s.end());
        long to = Math.min(s.end(), from + limit);
        List<Record> out = new ArrayList<>();
        long bytes = 0;
        for (long n = from; n < to; n++) {
            Record record = s.records.get((int) (n - s.trimmed));
            bytes += record.dynamodb().sizeBytes();
            if (bytes > MAX_PAGE_BYTES && !out.isEmpty()) {
                to = n;
                break;
            }
            out.add(record);
        }
        GetRecordsResponse.Builder b = GetRecordsResponse.builder().records(out);
        if (s.disabledAt == null || to < s.end()) {
            b.nextShardIterator(iterator(s, to, now));
        }
        return b.build();
    }

    private static String iterator(StreamLog s, long position, Instant now) {
        return new Position(s.arn, s.shardId, position, now).encode();
    }

    /** What a shard iterator holds: a position in a shard and when it was issued. */
    record Position(String streamArn, String shardId, long position, Instant issued) {
        String encode() {
            String text = streamArn + "|" + shardId + "|" + position + "|" + issued.toEpochMilli();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String iterator) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8)
                        .split("\\|");
                if (parts.length == 4) {
                    return new Position(parts[0], parts[1], Long.parseLong(parts[2]),
                            Instant.ofEpochMilli(Long.parseLong(parts[3])));
                }
            } catch (IllegalArgumentException e) {
                // falls through to the error below
            }
            throw StreamErrors.validation("Invalid ShardIterator: " + iterator
                    + " (use an iterator from GetShardIterator or a NextShardIterator)");
        }
    }
}
