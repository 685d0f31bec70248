package io.dynamapper.engine.internal.session;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wraps a real client and injects faults at the client boundary: the next calls of a
 * method throw, either without reaching the table or after the real call was applied (an unknown
 * outcome: the request succeeded but the response was lost).
 */
final class FaultyClient {
    private record Fault(boolean applyFirst, Supplier<RuntimeException> failure) {
    }

    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final DynamoDbClient client;

    private FaultyClient(DynamoDbClient delegate) {
        this.client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    calls.computeIfAbsent(method.getName(), m -> new AtomicInteger()).incrementAndGet();
                    Fault fault;
                    synchronized (faults) {
                        Deque<Fault> queue = faults.get(method.getName());
                        fault = queue == null ? null : queue.poll();
                    }
                    if (fault != null && !fault.applyFirst()) {
                        throw fault.failure().get();
                    }
                    Object result;
                    try {
                        result = method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (fault != null) {
                        throw fault.failure().get();
                    }
                    return result;
                });
    }

    static FaultyClient wrap(DynamoDbClient delegate) {
        return new FaultyClient(delegate);
    }

    DynamoDbClient client() {
        return client;
    }

    /** The next {@code times} calls of {@code method} throw without reaching the table. */
    FaultyClient fail(String method, int times, Supplier<RuntimeException> failure) {
        return add(method, times, false, failure);
    }

    /** The next call of {@code method} is applied, then throws: its outcome is unknown to the caller. */
    FaultyClient applyThenFail(String method, Supplier<RuntimeException> failure) {
        return add(method, 1, true, failure);
    }

    private FaultyClient add(String method, int times, boolean applyFirst, Supplier<RuntimeException> failure) {
        synchronized (faults) {
            Deque<Fault> queue = faults.computeIfAbsent(method, m -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.add(new Fault(applyFirst, failure));
            }
        }
        return this;
    }

    /** How often {@code method} was called. */
    int calls(String method) {
        AtomicInteger n = calls.get(method);
        return n == null ? 0 : n.get();
    }
}
