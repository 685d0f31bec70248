package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.list;
import static io.dynamapper.inmemory.contract.Dsl.map;

import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;

/**
 * Continuous backups and point-in-time recovery, contributor insights and Kinesis streaming destinations
 * as settings of a table; the listings of backups, global tables, exports and imports (a fresh account
 * has none); resource-based policies, kept but not enforced.
 */
final class TableSettingsContractTest extends ContractSuite {

    static Object backups(ContinuousBackupsDescription d) {
        var pitr = d.pointInTimeRecoveryDescription();
        return map("continuousBackups", d.continuousBackupsStatusAsString(),
                "pointInTimeRecovery", pitr.pointInTimeRecoveryStatusAsString(),
                "recoveryPeriodInDays", pitr.recoveryPeriodInDays(),
                "restorable", pitr.earliestRestorableDateTime() != null && pitr.latestRestorableDateTime() != null);
    }

    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"dynamodb:GetItem\","
            + "\"Resource\":\"*\"}]}";

    @Override
    protected void define(Cases c) {
        c.add("a new table has continuous backups and no point-in-time recovery", db -> {
            db.table("items", "pk:S");
            return backups(db.ddb().describeContinuousBackups(r -> r.tableName("items")).continuousBackupsDescription());
        }).expect(map("continuousBackups", "ENABLED", "pointInTimeRecovery", "DISABLED", "recoveryPeriodInDays", null,
                "restorable", false));

        c.add("enabling point-in-time recovery is described with its period", db -> {
            db.table("items", "pk:S");
            var answer = db.ddb().updateContinuousBackups(r -> r.tableName("items")
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(7)));
            return list(backups(answer.continuousBackupsDescription()),
                    backups(db.ddb().describeContinuousBackups(r -> r.tableName("items")).continuousBackupsDescription()));
        }).expect(list(map("continuousBackups", "ENABLED", "pointInTimeRecovery", "ENABLED", "recoveryPeriodInDays", 7,
                "restorable", true), map("continuousBackups", "ENABLED", "pointInTimeRecovery", "ENABLED",
                "recoveryPeriodInDays", 7, "restorable", true)));

        c.add("point-in-time recovery defaults to 35 days", db -> {
            db.table("items", "pk:S");
            return backups(db.ddb().updateContinuousBackups(r -> r.tableName("items")
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)))
                    .continuousBackupsDescription());
        }).expect(map("continuousBackups", "ENABLED", "pointInTimeRecovery", "ENABLED", "recoveryPeriodInDays", 35,
                "restorable", true));

        c.add("a recovery period when disabling is rejected", db -> {
            db.table("items", "pk:S");
            return db.ddb().updateContinuousBackups(r -> r.tableName("items")
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false).recoveryPeriodInDays(7)));
        }).expectError("ValidationException");

        c.add("a recovery period of 36 days is rejected", db -> {
            db.table("items", "pk:S");
            return db.ddb().updateContinuousBackups(r -> r.tableName("items")
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(36)));
        }).expectError("ValidationException");

        c.add("continuous backups of a missing table fail with TableNotFoundException", db ->
                db.ddb().describeContinuousBackups(r -> r.tableName("missing")))
                .expectError("TableNotFoundException");

        c.add("contributor insights are DISABLED, then ENABLED when enabled", db -> {
            db.table("items", "pk:S");
            String before = db.ddb().describeContributorInsights(r -> r.tableName("items"))
                    .contributorInsightsStatusAsString();
            db.ddb().updateContributorInsights(r -> r.tableName("items")
                    .contributorInsightsAction(ContributorInsightsAction.ENABLE));
            return list(before, db.ddb().describeContributorInsights(r -> r.tableName("items"))
                    .contributorInsightsStatusAsString());
        }).expect(list("DISABLED", "ENABLED"));

        c.add("contributor insights of a missing index fail with ResourceNotFoundException", db -> {
            db.table("items", "pk:S");
            return db.ddb().describeContributorInsights(r -> r.tableName("items").indexName("nope"));
        }).expectError("ResourceNotFoundException");

        c.add("contributor insights of a missing table fail with ResourceNotFoundException", db ->
                db.ddb().describeContributorInsights(r -> r.tableName("missing")))
                .expectError("ResourceNotFoundException");

        c.add("a new table streams to no Kinesis destination", db -> {
            db.table("items", "pk:S");
            var d = db.ddb().describeKinesisStreamingDestination(r -> r.tableName("items"));
            return list(d.tableName(), d.kinesisDataStreamDestinations());
        }).expect(list("items", list()));

        c.add("a fresh account lists no backups, global tables, exports or imports", db -> {
            db.table("items", "pk:S");
            return list(db.ddb().listBackups(r -> { }).backupSummaries(),
                    db.ddb().listGlobalTables(r -> { }).globalTables(),
                    db.ddb().listExports(r -> { }).exportSummaries(),
                    db.ddb().listImports(r -> { }).importSummaryList());
        }).expect(list(list(), list(), list(), list()));

        c.add("listing backups with Limit 0 is rejected", db -> db.ddb().listBackups(r -> r.limit(0)))
                .expectError("ValidationException");

        // ---- resource-based policies

        c.add("a resource policy put is read back with its revision", db -> {
            db.table("items", "pk:S");
            String arn = TaggingContractTest.arn(db);
            String revision = db.ddb().putResourcePolicy(r -> r.resourceArn(arn).policy(POLICY)).revisionId();
            var read = db.ddb().getResourcePolicy(r -> r.resourceArn(arn));
            return list(read.policy().equals(POLICY), read.revisionId().equals(revision));
        }).expect(list(true, true));

        c.add("a table without a resource policy fails with PolicyNotFoundException", db -> {
            db.table("items", "pk:S");
            String arn = TaggingContractTest.arn(db);
            return db.ddb().getResourcePolicy(r -> r.resourceArn(arn));
        }).expectError("PolicyNotFoundException");

        c.add("a deleted resource policy is gone", db -> {
            db.table("items", "pk:S");
            String arn = TaggingContractTest.arn(db);
            db.ddb().putResourcePolicy(r -> r.resourceArn(arn).policy(POLICY));
            db.ddb().deleteResourcePolicy(r -> r.resourceArn(arn));
            return db.ddb().getResourcePolicy(r -> r.resourceArn(arn));
        }).expectError("PolicyNotFoundException");

        c.add("a resource policy that is not JSON is rejected", db -> {
            db.table("items", "pk:S");
            String arn = TaggingContractTest.arn(db);
            return db.ddb().putResourcePolicy(r -> r.resourceArn(arn).policy("{not json"));
        }).expectError("ValidationException");

        c.add("a resource policy with a stale expected revision fails with PolicyNotFoundException", db -> {
            db.table("items", "pk:S");
            String arn = TaggingContractTest.arn(db);
            String first = db.ddb().putResourcePolicy(r -> r.resourceArn(arn).policy(POLICY)).revisionId();
            db.ddb().putResourcePolicy(r -> r.resourceArn(arn).policy(POLICY));
            return db.ddb().putResourcePolicy(r -> r.resourceArn(arn).policy(POLICY).expectedRevisionId(first));
        }).expectError("PolicyNotFoundException");

        c.add("a resource policy of a missing table fails with ResourceNotFoundException", db -> {
            db.table("items", "pk:S");
            String missing = TaggingContractTest.arn(db) + "x";
            return db.ddb().putResourcePolicy(r -> r.resourceArn(missing).policy(POLICY));
        }).expectError("ResourceNotFoundException");
    }
}
