package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.list;
import static io.dynamapper.inmemory.contract.Dsl.map;

import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/** UpdateTimeToLive and DescribeTimeToLive. */
final class TimeToLiveContractTest extends ContractSuite {

    static UpdateTimeToLiveResponse ttl(Db db, boolean enabled, String attribute) {
        return db.ddb().updateTimeToLive(r -> r.tableName("items")
                .timeToLiveSpecification(s -> s.enabled(enabled).attributeName(attribute)));
    }

    @Override
    protected void define(Cases c) {
        c.add("a new table has time to live DISABLED", db -> {
            db.table("items", "pk:S");
            return db.ddb().describeTimeToLive(r -> r.tableName("items"));
        }).expect(map("status", "DISABLED", "attributeName", null));

        c.add("enabling time to live echoes the specification", db -> {
            db.table("items", "pk:S");
            return ttl(db, true, "expires");
        }).expect(map("enabled", true, "attributeName", "expires"));

        // The reference allows ENABLING first; the developer guide shows ENABLED at once (package-info).
        c.add("after enabling, time to live is described as ENABLED with its attribute", db -> {
            db.table("items", "pk:S");
            ttl(db, true, "expires");
            return db.ddb().describeTimeToLive(r -> r.tableName("items"));
        }).expect(map("status", "ENABLED", "attributeName", "expires"));

        c.add("enabling time to live twice is rejected", db -> {
            db.table("items", "pk:S");
            ttl(db, true, "expires");
            return ttl(db, true, "expires");
        }).expectError("ValidationException");

        c.add("enabling time to live on another attribute while enabled is rejected", db -> {
            db.table("items", "pk:S");
            ttl(db, true, "expires");
            return ttl(db, true, "other");
        }).expectError("ValidationException");

        c.add("disabling time to live that is not enabled is rejected", db -> {
            db.table("items", "pk:S");
            return ttl(db, false, "expires");
        }).expectError("ValidationException");

        c.add("disabling time to live after enabling describes it as DISABLED", db -> {
            db.table("items", "pk:S");
            ttl(db, true, "expires");
            return list(ttl(db, false, "expires"), db.ddb().describeTimeToLive(r -> r.tableName("items")));
        }).expect(list(map("enabled", false, "attributeName", "expires"), map("status", "DISABLED", "attributeName", null)));

        c.add("time to live on a missing table fails with ResourceNotFoundException", db ->
                db.ddb().updateTimeToLive(r -> r.tableName("missing")
                        .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires"))))
                .expectError("ResourceNotFoundException");

        c.add("describing time to live of a missing table fails with ResourceNotFoundException", db ->
                db.ddb().describeTimeToLive(r -> r.tableName("missing")))
                .expectError("ResourceNotFoundException");
    }
}
