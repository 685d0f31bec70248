package io.dynamapper.bench;

import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.PropertyModel;
import io.dynamapper.engine.internal.mapping.Snapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * P1 warm, the mapping side alone: per loaded {@link UnitItem}, what the session asks of the entity
 * model (reaching into the engine's internal mapping package on purpose, to measure it without the
 * session and the in-memory DynamoDB around it): the key of a get, decoding the item, the snapshot,
 * one changed attribute, the dirty check, the changed properties and the snapshot after the commit.
 * 35 rounds of 200 000 entities (keys among 500 items), the first 20 a warm-up; prints the median
 * CPU time of the main thread per entity over the last 15. Usage: {@code MappingCost}.
 */
public final class MappingCost {
    private static final int ITEMS = 500;
    private static final int PER_ROUND = 200_000;

    private MappingCost() {
    }

    public static void main(String[] args) {
        EntityModel<UnitItem> model = EntityModel.of(UnitItem.class);
        List<Map<String, AttributeValue>> items = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            items.add(Map.ofEntries(Map.entry("id", AttributeValue.fromS("item-" + i)),
                    Map.entry("s1", AttributeValue.fromS("alpha-" + i)), Map.entry("s2", AttributeValue.fromS("bravo-" + i)),
                    Map.entry("s3", AttributeValue.fromS("charlie-" + i)), Map.entry("s4", AttributeValue.fromS("delta-" + i)),
                    Map.entry("s5", AttributeValue.fromS("echo-" + i)), Map.entry("n1", AttributeValue.fromN(Integer.toString(i))),
                    Map.entry("n2", AttributeValue.fromN("200")), Map.entry("n3", AttributeValue.fromN("300000")),
                    Map.entry("n4", AttributeValue.fromN("4")), Map.entry("version", AttributeValue.fromN("7"))));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        double[] measured = new double[15];
        for (int round = 0; round < 20 + measured.length; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < PER_ROUND; k++) {
                Map<String, AttributeValue> item = items.get(k % ITEMS);
                Map<String, AttributeValue> key = model.keys().key(item.get("id").s(), null);
                UnitItem entity = model.decode(item);
                Snapshot snapshot = model.dirty().snapshot(entity);
                entity.n1++;
                if (!model.dirty().unchanged(snapshot, entity)) {
                    List<PropertyModel> changed = model.dirty().changed(snapshot, entity);
                    sink += changed.size() + model.dirty().snapshot(entity).hashCode();
                }
                sink += key.size();
            }
            if (round >= 20) {
                measured[round - 20] = (threads.getCurrentThreadCpuTime() - start) / (double) PER_ROUND;
            }
        }
        Arrays.sort(measured);
        System.out.printf("mapping per loaded entity: median %.0f ns CPU (min %.0f, max %.0f over %d rounds) [%d]%n",
                measured[measured.length / 2], measured[0], measured[measured.length - 1], measured.length, sink & 1);
    }
}
