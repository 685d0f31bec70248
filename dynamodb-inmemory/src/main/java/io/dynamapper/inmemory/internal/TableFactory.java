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
        Enums.check(r.billingMode(), r.billingModeAsString(), "billingMode", "[PROVISIONED, PAY_PER_REQUEST]");
        for (int i = 0; r.hasKeySchema() && i < r.keySchema().size(); i++) {
            KeySchemaElement k = r.keySchema().get(i);
            Enums.check(k.keyType(), k.keyTypeAsString(), "keySchema." + (i + 1) + ".member.keyType", "[HASH, RANGE]");
        }
        if (r.hasKeySchema() && r.keySchema().size() > 2) {
            throw Errors.validation("1 validation error detected: Value '" + r.keySchema() + "' at 'keySchema' failed "
                    + "to satisfy constraint: Member must have length less than or equal to 2");
        }
        if (!r.hasKeySchema() || r.keySchema().isEmpty()) {
            throw Errors.validation("1 validation error detected: Value null at 'keySchema' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        BillingMode mode = r.billingMode() == null ? BillingMode.PROVISIONED : r.billingMode();
        if (mode == BillingMode.PAY_PER_REQUEST && r.provisionedThroughput() != null) {
            throw Errors.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor "
                    + "WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        if (mode == BillingMode.PROVISIONED && (r.provisionedThroughput() == null
                || r.provisionedThroughput().readCapacityUnits() == null
                || r.provisionedThroughput().writeCapacityUnits() == null)) {
            throw Errors.validation("One or more parameter values were invalid: ReadCapacityUnits and "
                    + "WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        if (mode == BillingMode.PROVISIONED) {
            checkThroughput(r.provisionedThroughput(), "provisionedThroughput");
        }
        List<String> defined = new ArrayList<>();
        for (AttributeDefinition d : r.attributeDefinitions()) {
            if (!Set.of("S", "N", "B").contains(d.attributeTypeAsString())) {
                throw Errors.validation("1 validation error detected: Value '" + d.attributeTypeAsString()
                        + "' at 'attributeDefinitions.attributeType' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [B, N, S]");
            }
            if (defined.contains(d.attributeName())) {
                throw Errors.validation("Cannot have two attributes with the same name: " + d.attributeName());
            }
            defined.add(d.attributeName());
        }
        if (r.keySchema().size() > defined.size()) {
            throw Errors.validation("Invalid KeySchema: Some index key attribute have no definition");
        }
        checkKeySchema(r.keySchema(), defined);
        boolean noIndexes = r.localSecondaryIndexes().isEmpty() && r.globalSecondaryIndexes().isEmpty();
        if (noIndexes && r.keySchema().size() != defined.size()) {
            throw Errors.validation("One or more parameter values were invalid: Number of attributes in KeySchema "
                    + "does not exactly match number of attributes defined in AttributeDefinitions");
        }
        for (LocalSecondaryIndex l : r.localSecondaryIndexes()) {
            checkKeySchema(l.keySchema(), defined);
        }
        for (GlobalSecondaryIndex g : r.globalSecondaryIndexes()) {
            checkKeySchema(g.keySchema(), defined);
            if (mode == BillingMode.PAY_PER_REQUEST && g.provisionedThroughput() != null) {
                throw Errors.validation("One or more parameter values were invalid: ProvisionedThroughput should not "
                        + "be specified for index: " + g.indexName() + " when BillingMode is PAY_PER_REQUEST");
            }
        }
        Set<String> keyAttributes = new HashSet<>();
        r.keySchema().forEach(k -> keyAttributes.add(k.attributeName()));
        r.globalSecondaryIndexes().forEach(g -> g.keySchema().forEach(k -> keyAttributes.add(k.attributeName())));
        r.localSecondaryIndexes().forEach(l -> l.keySchema().forEach(k -> keyAttributes.add(k.attributeName())));
        if (!keyAttributes.containsAll(defined)) {
            List<String> used = new ArrayList<>(keyAttributes);
            used.sort(null);
            List<String> all = new ArrayList<>(defined);
            all.sort(null);
            throw Errors.validation("One or more parameter values were invalid: Some AttributeDefinitions are not "
                    + "used. AttributeDefinitions: " + all + ", keys used: " + used);
        }
        StoredTable t = new StoredTable(r.tableName(), r.keySchema(), r.attributeDefinitions(), mode,
                mode == BillingMode.PROVISIONED ? r.provisionedThroughput() : null, now);
        Set<String> indexNames = new HashSet<>();
        for (int i = 0; i < r.localSecondaryIndexes().size(); i++) {
            checkProjectionType(r.localSecondaryIndexes().get(i).projection(), "localSecondaryIndexes." + (i + 1));
        }
        for (int i = 0; i < r.globalSecondaryIndexes().size(); i++) {
            checkProjectionType(r.globalSecondaryIndexes().get(i).projection(), "globalSecondaryIndexes." + (i + 1));
        }
        for (LocalSecondaryIndex l : r.localSecondaryIndexes()) {
            if (t.rangeKey == null) {
                throw Errors.validation("One or more parameter values were invalid: Table KeySchema does not have a "
                        + "range key, which is required when specifying a LocalSecondaryIndex");
            }
            if (l.keySchema().size() != 2) {
                throw Errors.validation("One or more parameter values were invalid: Index KeySchema does not have a "
                        + "range key for index: " + l.indexName());
            }
            if (!l.keySchema().get(0).attributeName().equals(t.hashKey)) {
                throw Errors.validation("One or more parameter values were invalid: Index KeySchema does not have the "
                        + "same leading hash key as table KeySchema for index: " + l.indexName() + ". index hash key: "
                        + l.keySchema().get(0).attributeName() + ", table hash key: " + t.hashKey);
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

    /**
     * A table's or index's key schema: its attributes defined, a HASH element first, an optional RANGE
     * element second on another attribute; DynamoDB's messages, in DynamoDB's order.
     */
    private static void checkKeySchema(List<KeySchemaElement> keys, List<String> defined) {
        List<String> names = new ArrayList<>();
        keys.forEach(k -> names.add(k.attributeName()));
        if (!defined.containsAll(names)) {
            throw Errors.validation("One or more parameter values were invalid: Some index key attributes are not "
                    + "defined in AttributeDefinitions. Keys: " + names + ", AttributeDefinitions: " + defined);
        }
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw Errors.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (keys.get(0).keyType() != KeyType.HASH) {
            throw Errors.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (keys.size() == 2 && keys.get(1).keyType() != KeyType.RANGE) {
            throw Errors.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
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

    private static void checkProjectionType(Projection p, String member) {
        if (p != null) {
            Enums.check(p.projectionType(), p.projectionTypeAsString(), member + ".member.projection.projectionType",
                    "[ALL, INCLUDE, KEYS_ONLY]");
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
