package io.dynamapper.inmemory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.*;

/**
 * UpdateTable (throughput, billing mode, global secondary indexes, streams, deletion protection, table
 * class), the stream, tags, deletion protection and table class a CreateTable request asks for, and what DescribeTable shows while a change is in progress.
 *
 * <h2>Changes in progress</h2>
 * UpdateTable applies its change at once (a new index is backfilled with the table's items before the
 * call returns), but reports it in progress as DynamoDB does: the table {@code UPDATING}, a new index
 * {@code CREATING} (backfilling), a removed index {@code DELETING}, an index whose throughput changes
 * {@code UPDATING}. UpdateTable's answer and the next {@value #DESCRIBES_IN_PROGRESS} DescribeTable call
 * show that state; the DescribeTable after them shows the table {@code ACTIVE}, the new index
 * {@code ACTIVE} and the removed one gone. So a client that polls DescribeTable until the change is done
 * (as it must on AWS) sees one poll in progress and needs no clock. While the change is in progress a
 * new index cannot be read ("Cannot read from backfilling global secondary index") and another UpdateTable
 * of the table is rejected ({@code ResourceInUseException}); data-plane writes go on.
 */
final class TableUpdates {
    /** DescribeTable calls, after UpdateTable's own answer, that still show an UpdateTable change in progress. */
    static final int DESCRIBES_IN_PROGRESS = 1;
    private static final int MAX_GSIS = 20;
    private static final String INVALID = "One or more parameter values were invalid: ";

    private TableUpdates() {
    }

    // ------------------------------------------------------------------ UpdateTable

    static UpdateTableResponse update(Database db, UpdateTableRequest r) {
        Validation.tableName(r.tableName());
        unsupported(r);
        List<GlobalSecondaryIndexUpdate> gsiUpdates = r.hasGlobalSecondaryIndexUpdates()
                ? r.globalSecondaryIndexUpdates() : List.of();
        boolean throughputChange = r.provisionedThroughput() != null;
        StreamSpecification stream = r.streamSpecification();
        if (r.tableClassAsString() != null) {
            checkTableClass(r.tableClass(), r.tableClassAsString());
            if (throughputChange || r.billingModeAsString() != null || stream != null || !gsiUpdates.isEmpty()
                    || r.deletionProtectionEnabled() != null) {
                throw Errors.validation(INVALID + "TableClass modification must be the only operation in the request");
            }
            return updateAlone(db, r, t -> {
                t.extras.tableClass = r.tableClass();
                t.extras.tableClassUpdated = db.clock().instant();
            });
        }
        if (r.deletionProtectionEnabled() != null) {
            if (throughputChange || r.billingModeAsString() != null || stream != null || !gsiUpdates.isEmpty()) {
                throw Errors.validation(INVALID + "DeletionProtection modification must be the only operation in the "
                        + "request");
            }
            return updateAlone(db, r, t -> t.extras.deletionProtection = r.deletionProtectionEnabled());
        }
        if (!throughputChange && r.billingModeAsString() == null && stream == null && gsiUpdates.isEmpty()) {
            throw Errors.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, "
                    + "ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, "
                    + "WarmThroughput or TableClass is required");
        }
        if (r.billingMode() == BillingMode.UNKNOWN_TO_SDK_VERSION) {
            throw Errors.validation("1 validation error detected: Value '" + r.billingModeAsString() + "' at "
                    + "'billingMode' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[PROVISIONED, PAY_PER_REQUEST]");
        }
        if (throughputChange) {
            TableFactory.checkThroughput(r.provisionedThroughput(), "provisionedThroughput");
        }
        int createsAndDeletes = checkIndexUpdates(gsiUpdates);
        if (stream != null) {
            checkStreamSpecification(stream, false);
        }
        if (stream != null && (throughputChange || r.billingMode() == BillingMode.PROVISIONED)) {
            throw Errors.validation(INVALID + "You cannot modify stream status while updating table IOPS");
        }
        if (createsAndDeletes > 0 && throughputChange) {
            throw Errors.validation(INVALID + "You cannot create or delete index while updating table IOPS");
        }
        if (createsAndDeletes > 0 && stream != null) {
            throw Errors.validation(INVALID + "You cannot create or delete index while changing stream status");
        }
        if (r.billingMode() == BillingMode.PROVISIONED && !throughputChange) {
            throw Errors.validation(INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        }
        if (createsAndDeletes > 1) {
            throw Errors.limitExceeded("Subscriber limit exceeded: Only 1 online index can be created or deleted "
                    + "simultaneously per table");
        }
        db.lock.writeLock().lock();
        try {
            StoredTable t = db.table(r.tableName());
            synchronized (t.extras) {
                if (t.extras.pending != null) {
                    throw Errors.resourceInUse("Attempt to change a resource which is still in use: Table is being "
                            + "updated: " + t.name);
                }
            }
            BillingMode mode = r.billingMode() != null ? r.billingMode() : t.billingMode;
            if (mode == BillingMode.PAY_PER_REQUEST && throughputChange) {
                throw Errors.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified "
                        + "when BillingMode is PAY_PER_REQUEST");
            }
            Map<String, ProvisionedThroughput> indexThroughput = checkAgainstTable(t, r, gsiUpdates, mode);
            if (mode == BillingMode.PROVISIONED && t.billingMode == BillingMode.PROVISIONED && throughputChange
                    && gsiUpdates.isEmpty() && stream == null && r.provisionedThroughput().equals(t.throughput)) {
                throw Errors.validation(noChange("table", t.throughput, r.provisionedThroughput()));
            }
            if (stream != null) {
                checkStreamChange(t, stream);
            }
            return apply(db, t, r, gsiUpdates, mode, indexThroughput);
        } finally {
            db.lock.writeLock().unlock();
        }
    }

    private static void unsupported(UpdateTableRequest r) {
        List<String> names = new ArrayList<>();
        if (r.sseSpecification() != null) {
            names.add("SSESpecification");
        }
        if (r.hasReplicaUpdates()) {
            names.add("ReplicaUpdates");
        }
        if (r.onDemandThroughput() != null) {
            names.add("OnDemandThroughput");
        }
        if (r.warmThroughput() != null) {
            names.add("WarmThroughput");
        }
        if (r.multiRegionConsistencyAsString() != null) {
            names.add("MultiRegionConsistency");
        }
        if (r.hasGlobalTableWitnessUpdates()) {
            names.add("GlobalTableWitnessUpdates");
        }
        if (!names.isEmpty()) {
            throw new UnsupportedOperationException("InMemoryDynamoDb does not support UpdateTable's " + names
                    + " (it supports ProvisionedThroughput, BillingMode, GlobalSecondaryIndexUpdates and "
                    + "StreamSpecification, DeletionProtectionEnabled and TableClass)");
        }
    }

    private static String noChange(String what, ProvisionedThroughput current, ProvisionedThroughput requested) {
        return "The provisioned throughput for the " + what + " will not change. The requested value equals the "
                + "current value. Current ReadCapacityUnits provisioned for the " + what.replaceAll(" .*", "") + ": "
                + current.readCapacityUnits() + ". Requested ReadCapacityUnits: " + requested.readCapacityUnits()
                + ". Current WriteCapacityUnits provisioned for the " + what.replaceAll(" .*", "") + ": "
                + current.writeCapacityUnits() + ". Requested WriteCapacityUnits: " + requested.writeCapacityUnits()
                + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.";
    }

    /** Request-only checks of GlobalSecondaryIndexUpdates; returns the number of Create and Delete actions. */
    private static int checkIndexUpdates(List<GlobalSecondaryIndexUpdate> updates) {
        Set<String> names = new HashSet<>();
        int createsAndDeletes = 0;
        for (GlobalSecondaryIndexUpdate u : updates) {
            int actions = (u.create() != null ? 1 : 0) + (u.update() != null ? 1 : 0) + (u.delete() != null ? 1 : 0);
            if (actions == 0) {
                throw Errors.validation(INVALID + "One of GlobalSecondaryIndexUpdate.Update, "
                        + "GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
            }
            if (actions > 1) {
                throw Errors.validation(INVALID + "Only one global secondary index action is allowed per "
                        + "GlobalSecondaryIndexUpdate object");
            }
            String name;
            if (u.create() != null) {
                CreateGlobalSecondaryIndexAction c = u.create();
                name = c.indexName();
                TableFactory.checkNewIndex(name, c.projection());
                List<KeySchemaElement> keys = c.hasKeySchema() ? c.keySchema() : List.of();
                if (keys.isEmpty() || keys.size() > 2 || keys.get(0).keyType() != KeyType.HASH
                        || keys.size() == 2 && keys.get(1).keyType() != KeyType.RANGE) {
                    throw Errors.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type, or "
                            + "the second is not a RANGE key type (index " + name + ")");
                }
                if (c.provisionedThroughput() != null) {
                    TableFactory.checkThroughput(c.provisionedThroughput(),
                            "globalSecondaryIndexUpdates.member.create.provisionedThroughput");
                }
                createsAndDeletes++;
            } else if (u.delete() != null) {
                name = u.delete().indexName();
                checkIndexName(name);
                createsAndDeletes++;
            } else {
                name = u.update().indexName();
                checkIndexName(name);
                if (u.update().provisionedThroughput() != null) {
                    TableFactory.checkThroughput(u.update().provisionedThroughput(),
                            "globalSecondaryIndexUpdates.member.update.provisionedThroughput");
                }
            }
            if (!names.add(name)) {
                throw Errors.validation(INVALID + "Only one global secondary index update per index is allowed "
                        + "simultaneously. Index: " + name);
            }
        }
        return createsAndDeletes;
    }

    private static void checkIndexName(String name) {
        if (name == null || name.length() < 3 || name.length() > 255) {
            throw Errors.validation("1 validation error detected: Value " + (name == null ? "null" : "'" + name + "'")
                    + " at 'indexName' failed to satisfy constraint: Member must " + (name == null ? "not be null"
                    : "have length " + (name.length() < 3 ? "greater than or equal to 3" : "less than or equal to 255")));
        }
    }

    /** StreamEnabled is required; a view type only (and always) with StreamEnabled true. */
    static void checkStreamSpecification(StreamSpecification s, boolean creating) {
        if (s.streamEnabled() == null) {
            throw Errors.validation("1 validation error detected: Value null at 'streamSpecification.streamEnabled' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        if (s.streamViewType() == StreamViewType.UNKNOWN_TO_SDK_VERSION) {
            throw Errors.validation("1 validation error detected: Value '" + s.streamViewTypeAsString() + "' at "
                    + "'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum "
                    + "value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]");
        }
        if (s.streamEnabled() && s.streamViewType() == null) {
            throw Errors.validation(INVALID + (creating ? "Table is being created with a stream enabled, "
                    + "UpdateViewType is required" : "If stream is being enabled then UpdateViewType is required"));
        }
        if (!s.streamEnabled() && s.streamViewType() != null) {
            throw Errors.validation(INVALID + (creating ? "Table is being created with a stream disabled, "
                    + "UpdateViewType should not be specified"
                    : "If stream is being disabled, then UpdateViewType must not be specified"));
        }
    }

    private static void checkStreamChange(StoredTable t, StreamSpecification s) {
        if (s.streamEnabled() && t.extras.stream != null) {
            throw Errors.validation("Table already has an enabled stream: TableName: " + t.name);
        }
        if (!s.streamEnabled() && t.extras.stream == null) {
            throw Errors.validation("Table has no stream to disable: TableName: " + t.name);
        }
    }

    /** Checks the index updates against the table; returns the throughput each GSI will have. */
    private static Map<String, ProvisionedThroughput> checkAgainstTable(StoredTable t, UpdateTableRequest r,
            List<GlobalSecondaryIndexUpdate> updates, BillingMode mode) {
        Map<String, ProvisionedThroughput> next = new LinkedHashMap<>();
        for (StoredTable.Index i : t.indexes) {
            if (i.global) {
                next.put(i.name, mode == BillingMode.PAY_PER_REQUEST ? null : i.throughput);
            }
        }
        for (GlobalSecondaryIndexUpdate u : updates) {
            if (u.create() != null) {
                CreateGlobalSecondaryIndexAction c = u.create();
                if (t.index(c.indexName()) != null) {
                    throw Errors.validation("Attempting to create an index which already exists");
                }
                if (next.size() >= MAX_GSIS) {
                    throw Errors.limitExceeded("Subscriber limit exceeded: the table already has " + MAX_GSIS
                            + " global secondary indexes, the per-table limit");
                }
                checkDefinitions(t, r, c);
                if (mode == BillingMode.PROVISIONED && c.provisionedThroughput() == null) {
                    throw Errors.validation(INVALID + "ProvisionedThroughput must be specified for index: "
                            + c.indexName());
                }
                if (mode == BillingMode.PAY_PER_REQUEST && c.provisionedThroughput() != null) {
                    throw Errors.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                            + "specified for index: " + c.indexName() + " when BillingMode is PAY_PER_REQUEST");
                }
                next.put(c.indexName(), c.provisionedThroughput());
            } else {
                String name = u.delete() != null ? u.delete().indexName() : u.update().indexName();
                StoredTable.Index i = t.index(name);
                String verb = u.delete() != null ? "delete" : "update";
                if (i == null) {
                    throw OpsErrors.resourceNotFound("Requested resource not found: Table: " + t.name + " Index: "
                            + name + " not found; it cannot be " + verb + "d");
                }
                if (!i.global) {
                    throw Errors.validation("Cannot " + verb + " an index that is not a GlobalSecondaryIndex: " + name);
                }
                if (u.delete() != null) {
                    next.remove(name);
                } else {
                    ProvisionedThroughput p = u.update().provisionedThroughput();
                    if (mode == BillingMode.PAY_PER_REQUEST) {
                        throw Errors.validation(INVALID + "The only Updates for index: " + name + " when "
                                + "TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput");
                    }
                    if (p == null) {
                        throw Errors.validation(INVALID + "ProvisionedThroughput must be specified for index: " + name);
                    }
                    if (t.billingMode == BillingMode.PROVISIONED && p.equals(i.throughput)) {
                        throw Errors.validation(noChange("index " + name, i.throughput, p));
                    }
                    next.put(name, p);
                }
            }
        }
        if (mode == BillingMode.PROVISIONED) {
            for (Map.Entry<String, ProvisionedThroughput> e : next.entrySet()) {
                if (e.getValue() == null) {
                    throw Errors.validation(INVALID + "ProvisionedThroughput must be specified for index: " + e.getKey());
                }
            }
        }
        return next;
    }

    /** The new index's key attributes must be defined in the request, with the type the table knows them by. */
    private static void checkDefinitions(StoredTable t, UpdateTableRequest r, CreateGlobalSecondaryIndexAction c) {
        if (!r.hasAttributeDefinitions() || r.attributeDefinitions().isEmpty()) {
            throw Errors.validation(INVALID + "AttributeDefinitions is not specified for index: " + c.indexName());
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (AttributeDefinition d : r.attributeDefinitions()) {
            if (!Set.of("S", "N", "B").contains(d.attributeTypeAsString())) {
                throw Errors.validation("1 validation error detected: Value '" + d.attributeTypeAsString()
                        + "' at 'attributeDefinitions.member.attributeType' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [B, N, S]");
            }
            if (given.put(d.attributeName(), d.attributeTypeAsString()) != null) {
                throw Errors.validation("Attribute Name is duplicated: " + d.attributeName());
            }
        }
        for (KeySchemaElement k : c.keySchema()) {
            String type = given.get(k.attributeName());
            if (type == null) {
                throw Errors.validation("Invalid KeySchema: Some index key attribute have no definition");
            }
            String known = t.attributeTypes.get(k.attributeName());
            if (known != null && !known.equals(type)) {
                throw Errors.validation(INVALID + "Attributes cannot be redefined. Please check that your attribute "
                        + "has the same type as previously defined. Existing schema: " + k.attributeName() + ":"
                        + known + ", New schema: " + k.attributeName() + ":" + type);
            }
        }
    }

    private static UpdateTableResponse apply(Database db, StoredTable t, UpdateTableRequest r,
            List<GlobalSecondaryIndexUpdate> updates, BillingMode mode, Map<String, ProvisionedThroughput> throughput) {
        Instant now = db.clock().instant();
        if (mode != t.billingMode) {
            t.extras.billingModeChanged = true;
            if (mode == BillingMode.PAY_PER_REQUEST) {
                t.extras.lastUpdateToPayPerRequest = now;
            }
            t.billingMode = mode;
        }
        t.throughput = mode == BillingMode.PAY_PER_REQUEST ? null
                : r.provisionedThroughput() != null ? r.provisionedThroughput() : t.throughput;
        String creating = null;
        GlobalSecondaryIndexDescription deleting = null;
        Set<String> updating = new HashSet<>();
        for (GlobalSecondaryIndexUpdate u : updates) {
            if (u.create() != null) {
                creating = u.create().indexName();
                addIndex(t, r, u.create());
            } else if (u.delete() != null) {
                String name = u.delete().indexName();
                for (GlobalSecondaryIndexDescription d : TableFactory.describe(t, TableStatus.ACTIVE, IndexStatus.ACTIVE).globalSecondaryIndexes()) {
                    if (d.indexName().equals(name)) {
                        deleting = d;
                    }
                }
                t.indexes.remove(t.index(name));
            } else {
                updating.add(u.update().indexName());
            }
        }
        for (StoredTable.Index i : t.indexes) {
            if (i.global) {
                i.throughput = throughput.get(i.name);
            }
        }
        if (r.streamSpecification() != null) {
            if (r.streamSpecification().streamEnabled()) {
                enableStream(db, t, r.streamSpecification().streamViewType());
            } else {
                db.streams.disable(t.extras.stream);
                t.extras.stream = null;
            }
        }
        synchronized (t.extras) {
            t.extras.pending = new TableExtras.Pending(DESCRIBES_IN_PROGRESS, creating, deleting, updating);
        }
        return UpdateTableResponse.builder().tableDescription(TableFactory.describe(t, TableStatus.ACTIVE, IndexStatus.ACTIVE)).build();
    }

    static void checkTableClass(TableClass c, String given) {
        if (c == TableClass.UNKNOWN_TO_SDK_VERSION) {
            throw Errors.validation("Invalid table-class parameter provided. Please try again with a valid table-class "
                    + "value: [STANDARD, STANDARD_INFREQUENT_ACCESS]. Given: " + given);
        }
    }

    /** An UpdateTable whose one change ({@code change}) DynamoDB requires to be the only one in the request. */
    private static UpdateTableResponse updateAlone(Database db, UpdateTableRequest r,
            java.util.function.Consumer<StoredTable> change) {
        db.lock.writeLock().lock();
        try {
            StoredTable t = db.table(r.tableName());
            synchronized (t.extras) {
                if (t.extras.pending != null) {
                    throw Errors.resourceInUse("Attempt to change a resource which is still in use: Table is being "
                            + "updated: " + t.name);
                }
            }
            change.accept(t);
            synchronized (t.extras) {
                t.extras.pending = new TableExtras.Pending(DESCRIBES_IN_PROGRESS, null, null, Set.of());
            }
            return UpdateTableResponse.builder().tableDescription(TableFactory.describe(t, TableStatus.ACTIVE, IndexStatus.ACTIVE)).build();
        } finally {
            db.lock.writeLock().unlock();
        }
    }

    static void enableStream(Database db, StoredTable t, StreamViewType viewType) {
        t.extras.streams = db.streams;
        t.extras.stream = db.streams.create(t.name, TableFactory.tableArn(t.name), t.keySchema, viewType);
        t.extras.latestStream = t.extras.stream;
    }

    /** Adds a global secondary index and backfills it with the table's items that it can index. */
    private static void addIndex(StoredTable t, UpdateTableRequest r, CreateGlobalSecondaryIndexAction c) {
        Map<String, String> types = new LinkedHashMap<>(t.attributeTypes);
        List<AttributeDefinition> definitions = new ArrayList<>(t.attributeDefinitions);
        for (KeySchemaElement k : c.keySchema()) {
            if (!types.containsKey(k.attributeName())) {
                for (AttributeDefinition d : r.attributeDefinitions()) {
                    if (d.attributeName().equals(k.attributeName())) {
                        types.put(d.attributeName(), d.attributeTypeAsString());
                        definitions.add(d);
                    }
                }
            }
        }
        t.attributeTypes = Map.copyOf(types);
        t.attributeDefinitions = List.copyOf(definitions);
        StoredTable.Index index = new StoredTable.Index(t, c.indexName(), true, c.keySchema(), c.projection(),
                c.provisionedThroughput());
        Store.ScanOrder order = t.store.scanOrder();
        for (int p = 0; p < order.size(); p++) {
            Store.Partition partition = t.store.partitionAt(order, p);
            for (int j = 0; j < partition.size(); j++) {
                byte[] item = partition.get(j);
                if (index.contains(item) && indexable(t, index, t.codec.decode(item))) {
                    index.store.put(item);
                }
            }
        }
        t.indexes.add(index);
    }

    /**
     * Whether backfilling indexes an existing item: its index key attributes have the defined type, are not
     * empty, and fit DynamoDB's key sizes (2048 bytes for a partition key, 1024 for a sort key). Items that
     * fail are left out of the index, as DynamoDB does.
     */
    static boolean indexable(StoredTable t, StoredTable.Index index, Map<String, AttributeValue> item) {
        for (String k : new String[] {index.hashKey, index.rangeKey}) {
            if (k == null) {
                continue;
            }
            AttributeValue v = item.get(k);
            if (v == null || !t.attributeTypes.get(k).equals(AttributeSemantics.type(v))) {
                return false;
            }
            long size = v.s() != null ? ItemSizer.utf8Length(v.s()) : v.b() != null ? v.b().asByteArrayUnsafe().length : 1;
            if (size == 0 || size > (k.equals(index.hashKey) ? 2048 : 1024)) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ CreateTable's stream and tags

    /** Checks a CreateTable request's StreamSpecification and Tags before the table is created. */
    static void checkCreate(CreateTableRequest r) {
        if (r.streamSpecification() != null) {
            checkStreamSpecification(r.streamSpecification(), true);
        }
        if (r.hasTags()) {
            Tagging.checkTags(r.tags(), Map.of());
        }
        if (r.tableClassAsString() != null) {
            checkTableClass(r.tableClass(), r.tableClassAsString());
        }
    }

    /** Gives a table just created its stream and tags. */
    static void onCreate(Database db, StoredTable t, CreateTableRequest r) {
        if (r.streamSpecification() != null && r.streamSpecification().streamEnabled()) {
            enableStream(db, t, r.streamSpecification().streamViewType());
        }
        if (r.hasTags()) {
            r.tags().forEach(tag -> t.extras.tags.put(tag.key(), tag.value()));
        }
        t.extras.deletionProtection = Boolean.TRUE.equals(r.deletionProtectionEnabled());
        if (r.tableClass() != null) {
            t.extras.tableClass = r.tableClass();
            t.extras.tableClassUpdated = t.created;
        }
    }

    /**
     * Refuses to delete a table protected against deletion; else closes its stream (it stays readable for
     * 24 hours).
     */
    static void onDelete(Database db, StoredTable t) {
        if (t.extras.deletionProtection) {
            throw Errors.validation("Resource cannot be deleted as it is currently protected against deletion. "
                    + "Disable deletion protection first.");
        }
        if (t.extras.stream != null) {
            db.streams.disable(t.extras.stream);
        }
    }

    // ------------------------------------------------------------------ DescribeTable

    /** Adds the stream and any change in progress to a table's description. */
    static TableDescription decorate(StoredTable t, TableDescription d) {
        TableExtras x = t.extras;
        TableExtras.Pending p;
        synchronized (x) {
            p = x.pending;
        }
        if (x.latestStream == null && p == null && !x.billingModeChanged && !x.deletionProtection
                && x.tableClass == null) {
            return d;
        }
        TableDescription.Builder b = d.toBuilder().deletionProtectionEnabled(x.deletionProtection);
        if (x.tableClass != null) {
            b.tableClassSummary(TableClassSummary.builder().tableClass(x.tableClass)
                    .lastUpdateDateTime(x.tableClassUpdated).build());
        }
        if (x.stream != null) {
            b.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(x.stream.viewType()).build());
        }
        if (x.latestStream != null) {
            b.latestStreamArn(x.latestStream.arn()).latestStreamLabel(x.latestStream.label());
        }
        if (x.billingModeChanged) {
            BillingModeSummary.Builder s = BillingModeSummary.builder().billingMode(t.billingMode);
            if (x.lastUpdateToPayPerRequest != null) {
                s.lastUpdateToPayPerRequestDateTime(x.lastUpdateToPayPerRequest);
            }
            b.billingModeSummary(s.build());
        }
        if (p != null && d.tableStatus() == TableStatus.ACTIVE) {
            b.tableStatus(TableStatus.UPDATING);
            List<GlobalSecondaryIndexDescription> gsis = new ArrayList<>();
            for (GlobalSecondaryIndexDescription g : d.globalSecondaryIndexes()) {
                if (g.indexName().equals(p.creatingIndex)) {
                    gsis.add(g.toBuilder().indexStatus(IndexStatus.CREATING).backfilling(true).build());
                } else if (p.updatingIndexes.contains(g.indexName())) {
                    gsis.add(g.toBuilder().indexStatus(IndexStatus.UPDATING).build());
                } else {
                    gsis.add(g);
                }
            }
            if (p.deletingIndex != null) {
                gsis.add(p.deletingIndex.toBuilder().indexStatus(IndexStatus.DELETING).build());
            }
            b.globalSecondaryIndexes(gsis.isEmpty() ? null : gsis);
        }
        return b.build();
    }

    /**
     * Counts a DescribeTable call ({@link TableFactory#describe(StoredTable)}): the one after the last
     * in-progress call shows the change done.
     */
    static void described(StoredTable t) {
        synchronized (t.extras) {
            TableExtras.Pending p = t.extras.pending;
            if (p != null && --p.describesLeft <= 0) {
                t.extras.pending = null;
            }
        }
    }

    /** Rejects a Query or Scan of an index that is still being created. */
    static void checkReadable(Database db, String tableName, String indexName) {
        if (indexName == null || tableName == null) {
            return;
        }
        StoredTable t = db.tables.get(tableName);
        if (t == null) {
            return;
        }
        synchronized (t.extras) {
            if (t.extras.pending != null && indexName.equals(t.extras.pending.creatingIndex)) {
                throw Errors.validation("Cannot read from backfilling global secondary index: " + indexName);
            }
        }
    }
}
