package io.dynamapper.inmemory.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Time to live, on request: deletes every item of a table with time to live enabled whose time-to-live
 * attribute is a number of epoch seconds at or before the fake's clock, and not more than five years
 * before it (DynamoDB ignores older values). Each deletion is a stream REMOVE record made by the service
 * ({@code userIdentity} {@code dynamodb.amazonaws.com}). DynamoDB deletes expired items in the background,
 * typically within days; the fake deletes them only when {@link #run} is called, so tests stay
 * deterministic.
 */
final class Expiry {
    private static final long FIVE_YEARS_SECONDS = Duration.ofDays(5 * 365).toSeconds();

    private Expiry() {
    }

    static int run(Database db) {
        db.lock.writeLock().lock();
        try {
            long now = db.clock().instant().getEpochSecond();
            BigDecimal latest = BigDecimal.valueOf(now);
            BigDecimal earliest = BigDecimal.valueOf(now - FIVE_YEARS_SECONDS);
            int deleted = 0;
            for (StoredTable t : db.tables.values()) {
                if (t.ttlAttribute == null) {
                    continue;
                }
                List<Map<String, AttributeValue>> expired = new ArrayList<>();
                Store.ScanOrder order = t.store.scanOrder();
                for (int p = 0; p < order.size(); p++) {
                    Store.Partition partition = t.store.partitionAt(order, p);
                    for (int i = 0; i < partition.size(); i++) {
                        Map<String, AttributeValue> item = t.codec.decode(partition.get(i));
                        AttributeValue v = item.get(t.ttlAttribute);
                        if (v != null && v.n() != null) {
                            BigDecimal at = new BigDecimal(v.n());
                            if (at.compareTo(latest) <= 0 && at.compareTo(earliest) >= 0) {
                                expired.add(Validation.keyOf(t, item));
                            }
                        }
                    }
                }
                for (Map<String, AttributeValue> key : expired) {
                    t.write(key, null, 0, true);
                    deleted++;
                }
            }
            return deleted;
        } finally {
            db.lock.writeLock().unlock();
        }
    }
}
