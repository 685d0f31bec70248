package io.dynamapper.inmemory.internal.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * One stream of one table: a single shard holding the table's change records in commit order. Records
 * are numbered from 0 in the order they were appended; a record's sequence number is {@link #base} plus
 * its number plus one. Records older than the retention period are dropped from the front
 * ({@link #trimmed} counts them). Guarded by the {@link Streams} that owns it.
 */
public final class StreamLog {
    final String arn;
    final String label;
    final String tableName;
    final List<KeySchemaElement> keySchema;
    final StreamViewType viewType;
    final Instant created;
    final String shardId;
    final String region;
    final long base;
    final List<Record> records = new ArrayList<>();
    long trimmed;
    /** When the stream was disabled (it stays readable for the retention period), or null while enabled. */
    Instant disabledAt;

    StreamLog(String arn, String label, String tableName, List<KeySchemaElement> keySchema, StreamViewType viewType,
            Instant created, String shardId, String region, long base) {
        this.arn = arn;
        this.label = label;
        this.tableName = tableName;
        this.keySchema = List.copyOf(keySchema);
        this.viewType = viewType;
        this.created = created;
        this.shardId = shardId;
        this.region = region;
        this.base = base;
    }

    /** The stream's ARN: the table's ARN, {@code /stream/} and the label. */
    public String arn() {
        return arn;
    }

    /** The label: the creation time, {@code yyyy-MM-ddTHH:mm:ss.SSS} (UTC). */
    public String label() {
        return label;
    }

    /** The view type records of this stream carry. */
    public StreamViewType viewType() {
        return viewType;
    }

    /** Number of records ever appended (the next record's number). */
    long end() {
        return trimmed + records.size();
    }

    String sequenceNumber(long recordNumber) {
        return String.format("%021d", base + recordNumber + 1);
    }

    /** The record number a sequence number of this shard names, or -1 if it is not one of this shard's. */
    long recordNumber(String sequenceNumber) {
        if (sequenceNumber == null || sequenceNumber.isEmpty() || sequenceNumber.length() > 40
                || !sequenceNumber.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long n;
        try {
            n = Long.parseLong(sequenceNumber) - base - 1;
        } catch (NumberFormatException e) {
            return -1;
        }
        return n >= 0 && n < end() ? n : -1;
    }
}
