package io.dynamapper.inmemory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Deterministic fault injection, configured per {@link Operation}: the faults of one
 * {@link InMemoryDynamoDb} ({@link InMemoryDynamoDb#faults()}), or of any {@link DynamoDbClient}
 * wrapped with {@link #decorate} (AWS, an endpoint, the in-memory DynamoDB over HTTP).
 * Rules of an operation are consulted in this order on every call: pending {@link Rules#failNext}
 * failures, then {@link Rules#failEvery}, then {@link Rules#failWithProbability} (seeded, so a test
 * sees the same sequence on every run). Latency added with {@link Rules#addLatency} is slept through
 * the {@link Sleeper} before each call, so tests can record it instead of sleeping. Every injected
 * fault is counted. Thread-safe.
 *
 * <pre>{@code
 * ddb.faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(2, Fault.THROTTLING);
 * ... run the code under test ...
 * assertEquals(2, ddb.faults().injected(Operation.TRANSACT_WRITE_ITEMS));
 * }</pre>
 */
public final class Faults {
    /** Sleeps for injected latency; replace it in tests to avoid real sleeps. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Sleeps (or records) {@code duration}.
         *
         * @param duration how long
         * @throws InterruptedException if the thread is interrupted while sleeping
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Map<Operation, Rules> rules = new EnumMap<>(Operation.class);
    private final Map<Operation, Integer> injected = new EnumMap<>(Operation.class);
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    Faults() {
    }

    /**
     * New fault settings with no rules, to {@link #decorate} any client with.
     *
     * @return new, empty fault settings
     */
    public static Faults create() {
        return new Faults();
    }

    /**
     * A client that injects this object's faults into {@code client}: every call of an {@link Operation}
     * first applies its latency and rules, then either throws the fault's exception without calling
     * {@code client}, or calls it (and for {@link Fault#IO_ERROR_AFTER_APPLY} throws after it
     * returned). Other methods go straight to {@code client}; the request-builder and paginator
     * variants go through the decorated methods. Closing the decorator closes {@code client}.
     *
     * <pre>{@code
     * Faults faults = Faults.create();
     * DynamoDbClient flaky = faults.decorate(DynamoDbClient.create());
     * faults.on(Operation.TRANSACT_WRITE_ITEMS).failWithProbability(0.1, 42, Fault.TRANSACTION_CONFLICT);
     * }</pre>
     *
     * @param client the client to decorate
     * @return a {@link DynamoDbClient} that injects these faults
     * @throws NullPointerException if {@code client} is null
     */
    public DynamoDbClient decorate(DynamoDbClient client) {
        Objects.requireNonNull(client, "client == null");
        InvocationHandler handler = (proxy, method, args) -> {
            Operation op = DecoratedOperations.OPERATIONS.get(method);
            if (op != null) {
                return apply(op, args[0], () -> invoke(client, method, args));
            }
            if (method.isDefault() && !isOperationMethod(method)) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "Faults.decorate(" + client + ")";
                };
            }
            return invoke(client, method, args);
        };
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, handler);
    }

    /**
     * The client methods of the operations in {@link Operation}: {@code putItem(PutItemRequest)} and so
     * on. In a holder of its own, built on the first {@link #decorate}: reflecting over the client's
     * methods loads every request, response and exception class of the service, which the in-memory
     * DynamoDB (a Faults of its own, no proxy) never needs.
     */
    private static final class DecoratedOperations {
        static final Map<Method, Operation> OPERATIONS = operationMethods();
    }

    private static Map<Method, Operation> operationMethods() {
        Map<Method, Operation> out = new HashMap<>();
        for (Method m : DynamoDbClient.class.getMethods()) {
            if (isOperationMethod(m)) {
                String name = m.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
                for (Operation op : Operation.values()) {
                    if (op.name().equals(name)) {
                        out.put(m, op);
                    }
                }
            }
        }
        return Map.copyOf(out);
    }

    private static boolean isOperationMethod(Method m) {
        return m.getParameterCount() == 1 && DynamoDbRequest.class.isAssignableFrom(m.getParameterTypes()[0])
                && DynamoDbResponse.class.isAssignableFrom(m.getReturnType());
    }

    private static Object invoke(DynamoDbClient client, Method method, Object[] args) {
        try {
            return method.invoke(client, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code action} for one call of {@code operation} under this object's rules: the latency,
     * then the fault's exception instead of the action, or the action and, for
     * {@link Fault#IO_ERROR_AFTER_APPLY}, the fault's exception after it.
     */
    <T> T apply(Operation operation, Object request, Supplier<T> action) {
        Objects.requireNonNull(request, "request == null");
        Fault fault = beforeCall(operation);
        if (fault != null && fault != Fault.IO_ERROR_AFTER_APPLY) {
            throw fault.exception(actionCount(request));
        }
        T result = action.get();
        if (fault != null) {
            throw fault.exception(actionCount(request));
        }
        return result;
    }

    private static int actionCount(Object request) {
        if (request instanceof TransactWriteItemsRequest r && r.hasTransactItems()) {
            return r.transactItems().size();
        }
        if (request instanceof TransactGetItemsRequest r && r.hasTransactItems()) {
            return r.transactItems().size();
        }
        if (request instanceof ExecuteTransactionRequest r && r.hasTransactStatements()) {
            return r.transactStatements().size();
        }
        return 0;
    }

    /**
     * The rules for {@code operation}, created empty on first use.
     *
     * @param operation the operation
     * @return its rules, to add failures or latency to
     * @throws NullPointerException if {@code operation} is null
     */
    public synchronized Rules on(Operation operation) {
        Objects.requireNonNull(operation, "operation == null");
        return rules.computeIfAbsent(operation, o -> new Rules());
    }

    /**
     * How many faults were injected into {@code operation} since creation or the last {@link #clear()}.
     *
     * @param operation the operation
     * @return the number of faults injected into it
     * @throws NullPointerException if {@code operation} is null
     */
    public synchronized int injected(Operation operation) {
        Objects.requireNonNull(operation, "operation == null");
        return injected.getOrDefault(operation, 0);
    }

    /**
     * How many faults were injected into all operations.
     *
     * @return the number of faults injected since creation or the last {@link #clear()}
     */
    public synchronized int injectedTotal() {
        return injected.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Removes every rule and resets the counts. The sleeper is kept. */
    public synchronized void clear() {
        rules.clear();
        injected.clear();
    }

    /**
     * Replaces the sleeper used for injected latency (by default {@link Thread#sleep}).
     *
     * @param sleeper how to wait for injected latency
     * @return these fault settings
     * @throws NullPointerException if {@code sleeper} is null
     */
    public synchronized Faults sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
        return this;
    }

    /** Applies latency and returns the fault to inject into this call, or null. */
    Fault beforeCall(Operation operation) {
        Duration latency;
        Fault fault;
        Sleeper s;
        synchronized (this) {
            Rules r = rules.get(operation);
            if (r == null) {
                return null;
            }
            latency = r.latency;
            fault = r.next();
            if (fault != null) {
                injected.merge(operation, 1, Integer::sum);
            }
            s = sleeper;
        }
        if (!latency.isZero()) {
            try {
                s.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during injected latency", e);
            }
        }
        return fault;
    }

    /** The fault rules of one operation. Methods return {@code this} for chaining. */
    public final class Rules {
        private final List<Fault> pending = new ArrayList<>();
        private int everyN;
        private Fault everyFault;
        private double probability;
        private Random random;
        private Fault randomFault;
        private long calls;
        private Duration latency = Duration.ZERO;

        private Rules() {
        }

        /**
         * Fails the next {@code times} calls with {@code fault} (queued after failures already pending).
         *
         * @param times how many calls fail
         * @param fault how they fail
         * @return these rules
         * @throws IllegalArgumentException if {@code times} is negative
         * @throws NullPointerException if {@code fault} is null
         */
        public Rules failNext(int times, Fault fault) {
            Objects.requireNonNull(fault, "fault == null");
            if (times < 0) {
                throw new IllegalArgumentException("times must be >= 0 but was " + times);
            }
            synchronized (Faults.this) {
                for (int i = 0; i < times; i++) {
                    pending.add(fault);
                }
            }
            return this;
        }

        /**
         * Fails every {@code n}-th call (the n-th, 2n-th, ...) with {@code fault}, counting calls from now.
         *
         * @param n the period, at least 1
         * @param fault how the calls fail
         * @return these rules
         * @throws IllegalArgumentException if {@code n < 1}
         * @throws NullPointerException if {@code fault} is null
         */
        public Rules failEvery(int n, Fault fault) {
            Objects.requireNonNull(fault, "fault == null");
            if (n < 1) {
                throw new IllegalArgumentException("n must be >= 1 but was " + n);
            }
            synchronized (Faults.this) {
                everyN = n;
                everyFault = fault;
                calls = 0;
            }
            return this;
        }

        /**
         * Fails each call with probability {@code p}, drawn from a {@link Random} seeded with {@code seed}.
         *
         * @param p the probability of a failure, within [0, 1]
         * @param seed the seed of the random draws
         * @param fault how the calls fail
         * @return these rules
         * @throws IllegalArgumentException if {@code p} is not within [0, 1]
         * @throws NullPointerException if {@code fault} is null
         */
        public Rules failWithProbability(double p, long seed, Fault fault) {
            Objects.requireNonNull(fault, "fault == null");
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability must be within [0, 1] but was " + p);
            }
            synchronized (Faults.this) {
                probability = p;
                random = new Random(seed);
                randomFault = fault;
            }
            return this;
        }

        /**
         * Adds {@code latency} before every call of this operation (cumulative with earlier calls).
         *
         * @param latency the added wait
         * @return these rules
         * @throws IllegalArgumentException if {@code latency} is negative
         */
        public Rules addLatency(Duration latency) {
            Objects.requireNonNull(latency, "latency == null");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative but was " + latency);
            }
            synchronized (Faults.this) {
                this.latency = this.latency.plus(latency);
            }
            return this;
        }

        private Fault next() {
            calls++;
            if (!pending.isEmpty()) {
                return pending.remove(0);
            }
            if (everyFault != null && calls % everyN == 0) {
                return everyFault;
            }
            if (randomFault != null && random.nextDouble() < probability) {
                return randomFault;
            }
            return null;
        }
    }
}
