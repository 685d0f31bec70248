package io.dynamapper.engine.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A {@link DynamoDbClient} that passes every call to a real client and records each request, so a
 * test can assert exactly what was sent (e.g. that a commit SET only the changed attributes).
 */
public final class RecordingClient {
    private final List<SdkRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final DynamoDbClient client;

    private RecordingClient(DynamoDbClient delegate) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null && args.length == 1 && args[0] instanceof SdkRequest request) {
                requests.add(request);
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        this.client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, handler);
    }

    /** Wraps a real client. */
    public static RecordingClient wrap(DynamoDbClient delegate) {
        return new RecordingClient(delegate);
    }

    /** The recording client to give to the code under test. */
    public DynamoDbClient client() {
        return client;
    }

    /** Every request sent so far, oldest first. */
    public List<SdkRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests of one type, oldest first. */
    public <R extends SdkRequest> List<R> requests(Class<R> type) {
        return requests().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Forgets what was recorded. */
    public void clear() {
        requests.clear();
    }
}
