package io.dynamapper;

import java.util.Map;
import java.util.Objects;

/**
 * The capacity of a table created by {@link SchemaManager}: provisioned read and write units, or
 * on-demand (pay per request). Global secondary indexes get the table's provisioned throughput
 * unless {@link #withIndex(String, long, long)} gives them their own.
 *
 * @param payPerRequest whether the table is on demand, billed per request (then the units are 0)
 * @param readCapacityUnits provisioned read capacity units (positive unless on demand)
 * @param writeCapacityUnits provisioned write capacity units (positive unless on demand)
 * @param indexes provisioned throughput per global secondary index name, overriding the table's
 */
public record Throughput(boolean payPerRequest, long readCapacityUnits, long writeCapacityUnits,
                         Map<String, Throughput> indexes) {
    /**
     * Validates the units and copies the index map.
     *
     * @param payPerRequest whether the table is on demand, billed per request (then the units are 0)
     * @param readCapacityUnits provisioned read capacity units (positive unless on demand)
     * @param writeCapacityUnits provisioned write capacity units (positive unless on demand)
     * @param indexes provisioned throughput per global secondary index name, overriding the table's
     * @throws NullPointerException if {@code indexes} is null
     * @throws IllegalArgumentException if on-demand throughput has units or indexes, or provisioned
     *     units are not positive
     */
    public Throughput {
        indexes = Map.copyOf(Objects.requireNonNull(indexes, "indexes == null"));
        if (payPerRequest) {
            if (readCapacityUnits != 0 || writeCapacityUnits != 0 || !indexes.isEmpty()) {
                throw new IllegalArgumentException("on-demand throughput takes no capacity units");
            }
        } else if (readCapacityUnits < 1 || writeCapacityUnits < 1) {
            throw new IllegalArgumentException("provisioned capacity units must be positive, were read="
                    + readCapacityUnits + ", write=" + writeCapacityUnits);
        }
    }

    /**
     * Provisioned capacity.
     *
     * @param read read capacity units per second, at least 1
     * @param write write capacity units per second, at least 1
     * @return the throughput
     * @throws IllegalArgumentException if a unit count is not positive
     */
    public static Throughput provisioned(long read, long write) {
        return new Throughput(false, read, write, Map.of());
    }

    /**
     * On-demand capacity ({@code PAY_PER_REQUEST}), for the table and all its indexes.
     *
     * @return the throughput
     */
    public static Throughput onDemand() {
        return new Throughput(true, 0, 0, Map.of());
    }

    /**
     * This throughput, with its own provisioned units for the global secondary index {@code index}.
     *
     * @param index the global secondary index name
     * @param read the index's read capacity units per second, at least 1
     * @param write the index's write capacity units per second, at least 1
     * @return a new throughput
     * @throws NullPointerException if {@code index} is null
     * @throws IllegalArgumentException if a unit count is not positive
     * @throws IllegalStateException if this throughput is on demand
     */
    public Throughput withIndex(String index, long read, long write) {
        Objects.requireNonNull(index, "index == null");
        if (payPerRequest) {
            throw new IllegalStateException("an on-demand table has no per-index capacity; index " + index);
        }
        Map<String, Throughput> copy = new java.util.HashMap<>(indexes);
        copy.put(index, provisioned(read, write));
        return new Throughput(false, readCapacityUnits, writeCapacityUnits, copy);
    }

    /**
     * The throughput for a global secondary index: its own if given, else the table's.
     *
     * @param index the global secondary index name
     * @return the index's throughput
     * @throws NullPointerException if {@code index} is null
     */
    public Throughput forIndex(String index) {
        Objects.requireNonNull(index, "index == null");
        return indexes.getOrDefault(index, payPerRequest ? this : provisioned(readCapacityUnits, writeCapacityUnits));
    }
}
