package io.dynamapper.inmemory.internal;

import io.dynamapper.inmemory.internal.streams.StreamLog;
import io.dynamapper.inmemory.internal.streams.Streams;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;

/**
 * What a table has beyond its schema and items: its tags, its stream and an UpdateTable change still
 * shown as in progress. Guarded by the fake's lock, except {@link #pending}, which DescribeTable counts
 * down under the shared read lock and is therefore read and written while holding this object's monitor.
 */
final class TableExtras {
    /** Tags in the order they were first set. */
    final Map<String, String> tags = new LinkedHashMap<>();
    /** The enabled stream, or null. */
    StreamLog stream;
    /** The registry {@link #stream} belongs to (set with it). */
    Streams streams;
    /** The most recent stream, enabled or not (DescribeTable's LatestStreamArn), or null. */
    StreamLog latestStream;
    /** When UpdateTable last switched the table to PAY_PER_REQUEST; null if UpdateTable never changed its mode. */
    java.time.Instant lastUpdateToPayPerRequest;
    /** Whether UpdateTable ever changed the billing mode (DescribeTable then shows a BillingModeSummary). */
    boolean billingModeChanged;
    /** The table class CreateTable or UpdateTable set, and when; null if none was ever given. */
    software.amazon.awssdk.services.dynamodb.model.TableClass tableClass;
    java.time.Instant tableClassUpdated;
    /** The table's resource-based policy and its revision, or null. */
    String policy;
    String policyRevision;
    /** Whether DeleteTable is refused (CreateTable's or UpdateTable's DeletionProtectionEnabled). */
    boolean deletionProtection;
    /** An UpdateTable change DescribeTable still shows as in progress, or null. */
    Pending pending;
    /** When point-in-time recovery was enabled (UpdateContinuousBackups), or null while it is disabled. */
    java.time.Instant pointInTimeRecoverySince;
    /** Point-in-time recovery period in days (DynamoDB's default is 35). */
    int recoveryPeriodInDays = 35;
    /** Contributor insights enabled for the table (key "") and its indexes (key: index name). */
    final Set<String> contributorInsights = new java.util.HashSet<>();

    /**
     * A change in progress: the table is {@code UPDATING}; a new index is {@code CREATING}, a removed one
     * {@code DELETING}, those whose throughput changes {@code UPDATING}. It stays so for
     * {@code describesLeft} more DescribeTable calls.
     */
    static final class Pending {
        int describesLeft;
        final String creatingIndex;
        final GlobalSecondaryIndexDescription deletingIndex;
        final Set<String> updatingIndexes;

        Pending(int describesLeft, String creatingIndex, GlobalSecondaryIndexDescription deletingIndex,
                Set<String> updatingIndexes) {
            this.describesLeft = describesLeft;
            this.creatingIndex = creatingIndex;
            this.deletingIndex = deletingIndex;
            this.updatingIndexes = Set.copyOf(updatingIndexes);
        }
    }
}
