package io.dynamapper.inmemory.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.*;

/**
 * Table settings the fake keeps but that change nothing it does: continuous backups and point-in-time
 * recovery (the fake restores nothing), contributor insights (it reports no contributors), Kinesis
 * streaming destinations (there are none); and the listings of what the fake never has (backups, global
 * tables, exports, imports), which are empty.
 */
final class TableSettings {
    private TableSettings() {
    }

    private static TableNotFoundException tableNotFound(String name) {
        String m = "Table not found: " + name;
        return (TableNotFoundException) TableNotFoundException.builder().message(m).statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TableNotFoundException").errorMessage(m)
                        .serviceName("DynamoDb").sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build())
                        .build()).build();
    }

    private static StoredTable backupsTable(Database db, String name) {
        Validation.tableName(name);
        StoredTable t = db.tables.get(name);
        if (t == null) {
            throw tableNotFound(name);
        }
        return t;
    }

    private static ContinuousBackupsDescription continuousBackups(StoredTable t, Instant now) {
        PointInTimeRecoveryDescription.Builder pitr = PointInTimeRecoveryDescription.builder();
        Instant since = t.extras.pointInTimeRecoverySince;
        if (since == null) {
            pitr.pointInTimeRecoveryStatus(PointInTimeRecoveryStatus.DISABLED);
        } else {
            Instant latest = now.minus(Duration.ofMinutes(5));
            pitr.pointInTimeRecoveryStatus(PointInTimeRecoveryStatus.ENABLED)
                    .recoveryPeriodInDays(t.extras.recoveryPeriodInDays)
                    .earliestRestorableDateTime(since)
                    .latestRestorableDateTime(latest.isBefore(since) ? since : latest);
        }
        return ContinuousBackupsDescription.builder().continuousBackupsStatus(ContinuousBackupsStatus.ENABLED)
                .pointInTimeRecoveryDescription(pitr.build()).build();
    }

    static DescribeContinuousBackupsResponse describeContinuousBackups(Database db, DescribeContinuousBackupsRequest r) {
        db.lock.readLock().lock();
        try {
            return DescribeContinuousBackupsResponse.builder()
                    .continuousBackupsDescription(continuousBackups(backupsTable(db, r.tableName()), db.clock().instant()))
                    .build();
        } finally {
            db.lock.readLock().unlock();
        }
    }

    static UpdateContinuousBackupsResponse updateContinuousBackups(Database db, UpdateContinuousBackupsRequest r) {
        PointInTimeRecoverySpecification spec = r.pointInTimeRecoverySpecification();
        if (spec == null || spec.pointInTimeRecoveryEnabled() == null) {
            throw Errors.validation("1 validation error detected: Value null at '" + (spec == null
                    ? "pointInTimeRecoverySpecification" : "pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled")
                    + "' failed to satisfy constraint: Member must not be null");
        }
        Integer days = spec.recoveryPeriodInDays();
        if (days != null && (days < 1 || days > 35)) {
            throw Errors.validation("1 validation error detected: Value '" + days + "' at "
                    + "'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: Member "
                    + "must have value " + (days < 1 ? "greater than or equal to 1" : "less than or equal to 35"));
        }
        if (days != null && !spec.pointInTimeRecoveryEnabled()) {
            throw Errors.validation("Invalid Request: Cannot specify RecoveryPeriodInDays when disabling "
                    + "point-in-time recovery.");
        }
        db.lock.writeLock().lock();
        try {
            StoredTable t = backupsTable(db, r.tableName());
            Instant now = db.clock().instant();
            if (spec.pointInTimeRecoveryEnabled()) {
                if (t.extras.pointInTimeRecoverySince == null) {
                    t.extras.pointInTimeRecoverySince = now;
                }
                t.extras.recoveryPeriodInDays = days == null ? 35 : days;
            } else {
                t.extras.pointInTimeRecoverySince = null;
                t.extras.recoveryPeriodInDays = 35;
            }
            return UpdateContinuousBackupsResponse.builder().continuousBackupsDescription(continuousBackups(t, now))
                    .build();
        } finally {
            db.lock.writeLock().unlock();
        }
    }

    private static void checkIndex(StoredTable t, String indexName) {
        if (indexName != null && t.index(indexName) == null) {
            throw OpsErrors.resourceNotFound("Requested resource not found: Index: " + indexName + " not found for "
                    + "table: " + t.name);
        }
    }

    static DescribeContributorInsightsResponse describeContributorInsights(Database db,
            DescribeContributorInsightsRequest r) {
        db.lock.readLock().lock();
        try {
            StoredTable t = db.table(r.tableName());
            checkIndex(t, r.indexName());
            boolean on = t.extras.contributorInsights.contains(r.indexName() == null ? "" : r.indexName());
            return DescribeContributorInsightsResponse.builder().tableName(t.name).indexName(r.indexName())
                    .contributorInsightsStatus(on ? ContributorInsightsStatus.ENABLED : ContributorInsightsStatus.DISABLED)
                    .contributorInsightsRuleList(List.of()).build();
        } finally {
            db.lock.readLock().unlock();
        }
    }

    static UpdateContributorInsightsResponse updateContributorInsights(Database db, UpdateContributorInsightsRequest r) {
        ContributorInsightsAction action = r.contributorInsightsAction();
        if (action == null || action == ContributorInsightsAction.UNKNOWN_TO_SDK_VERSION) {
            throw Errors.validation("1 validation error detected: Value " + (action == null ? "null"
                    : "'" + r.contributorInsightsActionAsString() + "'") + " at 'contributorInsightsAction' failed to "
                    + "satisfy constraint: " + (action == null ? "Member must not be null"
                    : "Member must satisfy enum value set: [ENABLE, DISABLE]"));
        }
        db.lock.writeLock().lock();
        try {
            StoredTable t = db.table(r.tableName());
            checkIndex(t, r.indexName());
            String key = r.indexName() == null ? "" : r.indexName();
            boolean on = action == ContributorInsightsAction.ENABLE;
            if (on) {
                t.extras.contributorInsights.add(key);
            } else {
                t.extras.contributorInsights.remove(key);
            }
            return UpdateContributorInsightsResponse.builder().tableName(t.name).indexName(r.indexName())
                    .contributorInsightsStatus(on ? ContributorInsightsStatus.ENABLED : ContributorInsightsStatus.DISABLED)
                    .build();
        } finally {
            db.lock.writeLock().unlock();
        }
    }

    static DescribeKinesisStreamingDestinationResponse describeKinesisStreamingDestination(Database db,
            DescribeKinesisStreamingDestinationRequest r) {
        db.lock.readLock().lock();
        try {
            StoredTable t = db.table(r.tableName());
            return DescribeKinesisStreamingDestinationResponse.builder().tableName(t.name)
                    .kinesisDataStreamDestinations(List.of()).build();
        } finally {
            db.lock.readLock().unlock();
        }
    }

    private static void checkLimit(Integer limit, int max) {
        if (limit != null && (limit < 1 || limit > max)) {
            throw Errors.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy "
                    + "constraint: Member must have value " + (limit < 1 ? "greater than or equal to 1"
                    : "less than or equal to " + max));
        }
    }

    static ListBackupsResponse listBackups(ListBackupsRequest r) {
        checkLimit(r.limit(), 100);
        return ListBackupsResponse.builder().backupSummaries(List.of()).build();
    }

    static ListGlobalTablesResponse listGlobalTables(ListGlobalTablesRequest r) {
        checkLimit(r.limit(), 100);
        return ListGlobalTablesResponse.builder().globalTables(List.of()).build();
    }

    static ListExportsResponse listExports(ListExportsRequest r) {
        if (r.maxResults() != null && (r.maxResults() < 1 || r.maxResults() > 25)) {
            throw Errors.validation("1 validation error detected: Value '" + r.maxResults() + "' at 'maxResults' "
                    + "failed to satisfy constraint: Member must have value " + (r.maxResults() < 1
                    ? "greater than or equal to 1" : "less than or equal to 25"));
        }
        return ListExportsResponse.builder().exportSummaries(List.of()).build();
    }

    static ListImportsResponse listImports(ListImportsRequest r) {
        if (r.pageSize() != null && (r.pageSize() < 1 || r.pageSize() > 25)) {
            throw Errors.validation("1 validation error detected: Value '" + r.pageSize() + "' at 'pageSize' "
                    + "failed to satisfy constraint: Member must have value " + (r.pageSize() < 1
                    ? "greater than or equal to 1" : "less than or equal to 25"));
        }
        return ListImportsResponse.builder().importSummaryList(List.of()).build();
    }
}
