package io.dynamapper.inmemory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.*;

/** Validates CreateTable requests into {@link StoredTable}s and describes tables as DynamoDB Local does. */
final class TableFactory {
    private TableFactory() {
    }

    static StoredTable create(CreateTableRequest r, Instant now) {
        Validation.tableName(r.tableName());
        if (!r.hasKeySchema() || r.keySchema().isEmpty() || r.keySchema().size() > 2
                || r.keySchema().get(0).keyType() != KeyType.HASH
                || (r.keySchema().size() == 2 && r.keySchema().get(1).keyType() != KeyType.RANGE)) {
            throw Errors.validation("1 validation error detected: Invalid KeySchema: the first element must be "
                    + "HASH and the optional second RANGE");
        }
        BillingMode mode = r.billingMode() == null ? BillingMode.PROVISIONED : r.billingMode();
        if (mode == BillingMode.PROVISIONED && r.provisionedThroughput() == null) {
            throw Errors.validation("No provisioned throughput specified for the table");
        }
        if (mode == BillingMode.PROVISIONED) {
            checkThroughput(r.provisionedThroughput(), "provisionedThroughput");
        }
        if (mode == BillingMode.PAY_PER_REQUEST && r.provisionedThroughput() != null) {
            throw Errors.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor "
                    + "WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        Set<String> keyAttributes = new HashSet<>();
        r.keySchema().forEach(k -> keyAttributes.add(k.attributeName()));
        for (GlobalSecondaryIndex g : r.globalSecondaryIndexes()) {
            g.keySchema().forEach(k -> keyAttributes.add(k.attributeName()));
        }
        for (LocalSecondaryIndex l : r.localSecondaryIndexes()) {
            l.keySchema().forEach(k -> keyAttributes.add(k.attributeName()));
        }
        Set<String> defined = new HashSet<>();
        for (AttributeDefinition d : r.attributeDefinitions()) {
            if (!Set.of("S", "N", "B").contains(d.attributeTypeAsString())) {
                throw Errors.validation("1 validation error detected: Value '" + d.attributeTypeAsString()
                        + "' at 'attributeDefinitions.attributeType' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [B, N, S]");
            }
            defined.add(d.attributeName());
        }
        if (!defined.equals(keyAttributes) || defined.size() != r.attributeDefinitions().size()) {
            throw Errors.validation("The number of attributes in key schema must match the number of attributes "
                    + "defined in attribute definitions.");
        }
        StoredTable t = new StoredTable(r.tableName(), r.keySchema(), r.attributeDefinitions(), mode,
                mode == BillingMode.PROVISIONED ? r.provisionedThroughput() : null, now);
        Set<String> indexNames = new HashSet<>();
        for (LocalSecondaryIndex l : r.localSecondaryIndexes()) {
            if (t.rangeKey == null || l.keySchema().size() != 2 || !l.keySchema().get(0).attributeName().equals(t.hashKey)) {
                throw Errors.validation("One or more parameter values were invalid: Table KeySchema does not have a "
                        + "range key, which is required when specifying a LocalSecondaryIndex, or the index hash key "
                        + "differs from the table's");
            }
            checkIndex(l.indexName(), l.projection(), indexNames);
            t.indexes.add(new StoredTable.Index(t, l.indexName(), false, l.keySchema(), l.projection(), null));
        }
        for (GlobalSecondaryIndex g : r.globalSecondaryIndexes()) {
            checkIndex(g.indexName(), g.projection(), indexNames);
            if (mode == BillingMode.PROVISIONED && g.provisionedThroughput() == null) {
                throw Errors.validation("One or more parameter values were invalid: ProvisionedThroughput should "
                        + "not be null for index: " + g.indexName());
            }
            if (mode == BillingMode.PROVISIONED) {
                checkThroughput(g.provisionedThroughput(), "globalSecondaryIndexes.member.provisionedThroughput");
            }
            t.indexes.add(new StoredTable.Index(t, g.indexName(), true, g.keySchema(), g.projection(),
                    mode == BillingMode.PROVISIONED ? g.provisionedThroughput() : null));
        }
        return t;
    }

    /** The default per-table (and per-index) quota of a new AWS account, in read or write capacity units. */
    private static final long MAX_CAPACITY_UNITS = 40_000;

    /** Capacity units are at least 1 (request constraint) and at most the account's per-table quota. */
    static void checkThroughput(ProvisionedThroughput p, String where) {
        checkUnits(p.readCapacityUnits(), where + ".readCapacityUnits", "read");
        checkUnits(p.writeCapacityUnits(), where + ".writeCapacityUnits", "write");
    }

    private static void checkUnits(Long units, String where, String kind) {
        if (units == null || units < 1) {
            throw Errors.validation("1 validation error detected: Value '" + units + "' at '" + where
                    + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        if (units > MAX_CAPACITY_UNITS) {
            throw Errors.limitExceeded("Subscriber limit exceeded: Provisioned throughput for a single table or "
                    + "global secondary index cannot exceed " + MAX_CAPACITY_UNITS + " " + kind + " capacity units");
        }
    }

    private static void checkIndex(String name, Projection p, Set<String> names) {
        if (name == null || name.length() < 3) {
            throw Errors.validation("1 validation error detected: Value '" + name + "' at 'indexName' failed to "
                    + "satisfy constraint: Member must have length greater than or equal to 3");
        }
        if (!names.add(name)) {
            throw Errors.validation("One or more parameter values were invalid: Duplicate index name: " + name);
        }
        if (p == null || p.projectionType() == null) {
            throw Errors.validation("One or more parameter values were invalid: Unknown ProjectionType: null");
        }
        boolean hasNonKey = p.hasNonKeyAttributes() && !p.nonKeyAttributes().isEmpty();
        if (p.projectionType() == ProjectionType.INCLUDE && !hasNonKey) {
            throw Errors.validation("One or more parameter values were invalid: NonKeyAttributes must be specified "
                    + "for ProjectionType INCLUDE");
        }
        if (p.projectionType() != ProjectionType.INCLUDE && hasNonKey) {
            throw Errors.validation("One or more parameter values were invalid: ProjectionType is "
                    + p.projectionType() + ", but NonKeyAttributes is specified");
        }
    }

    static ProvisionedThroughputDescription throughput(ProvisionedThroughput p) {
        return ProvisionedThroughputDescription.builder()
                .readCapacityUnits(p == null ? 0L : p.readCapacityUnits())
                .writeCapacityUnits(p == null ? 0L : p.writeCapacityUnits())
                .numberOfDecreasesToday(0L)
                .lastIncreaseDateTime(Instant.EPOCH)
                .lastDecreaseDateTime(Instant.EPOCH)
                .build();
    }

    /** The table as DescribeTable shows it: {@code ACTIVE}, with its indexes {@code ACTIVE}. */
    static TableDescription describe(StoredTable t) {
        TableDescription d = describe(t, TableStatus.ACTIVE, IndexStatus.ACTIVE);
        TableUpdates.described(t);
        return d;
    }

    /**
     * The table in the given state, as CreateTable ({@code CREATING}) and DeleteTable ({@code DELETING})
     * return it. An index of an on-demand table has throughput 0/0, as the table itself.
     */
    static TableDescription describe(StoredTable t, TableStatus status, IndexStatus indexStatus) {
        String arn = tableArn(t.name);
        List<LocalSecondaryIndexDescription> lsis = new ArrayList<>();
        List<GlobalSecondaryIndexDescription> gsis = new ArrayList<>();
        for (StoredTable.Index i : t.indexes) {
            long bytes = 0;
            if (i.global) {
                gsis.add(GlobalSecondaryIndexDescription.builder().indexName(i.name).keySchema(i.keySchema)
                        .projection(i.projection).indexStatus(indexStatus).backfilling(false)
                        .provisionedThroughput(throughput(i.throughput)).indexSizeBytes(bytes)
                        .itemCount(i.store.itemCount()).indexArn(arn + "/index/" + i.name).build());
            } else {
                lsis.add(LocalSecondaryIndexDescription.builder().indexName(i.name).keySchema(i.keySchema)
                        .projection(i.projection).indexSizeBytes(bytes).itemCount(i.store.itemCount())
                        .indexArn(arn + "/index/" + i.name).build());
            }
        }
        TableDescription.Builder b = TableDescription.builder()
                .tableName(t.name)
                .attributeDefinitions(t.attributeDefinitions)
                .keySchema(t.keySchema)
                .tableStatus(status)
                .creationDateTime(t.created)
                .provisionedThroughput(throughput(t.throughput))
                .tableSizeBytes(t.sizeBytes)
                .itemCount(t.itemCount())
                .tableArn(arn)
                .deletionProtectionEnabled(false);
        if (!lsis.isEmpty()) {
            b.localSecondaryIndexes(lsis);
        }
        if (!gsis.isEmpty()) {
            b.globalSecondaryIndexes(gsis);
        }
        if (t.billingMode == BillingMode.PAY_PER_REQUEST) {
            b.billingModeSummary(BillingModeSummary.builder().billingMode(BillingMode.PAY_PER_REQUEST)
                    .lastUpdateToPayPerRequestDateTime(t.created).build());
        }
        return TableUpdates.decorate(t, b.build());
    }

    /** CreateTable's checks of an index name and projection, for an index UpdateTable creates. */
    static void checkNewIndex(String name, Projection p) {
        checkIndex(name, p, new HashSet<>());
    }

    /** The ARN DescribeTable shows for a table (tagging and streams use it too). */
    static String tableArn(String tableName) {
        return "arn:aws:dynamodb:ddblocal:000000000000:table/" + tableName;
    }
}
