package io.dynamapper.guice;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** A {@link DynamoDbClient} proxy that records every request before passing it to a real client. */
final class RecordingClient {
    private final List<SdkRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final DynamoDbClient client;

    RecordingClient(DynamoDbClient delegate) {
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
        client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, handler);
    }

    DynamoDbClient client() {
        return client;
    }

    /** The requests of one type sent so far, in order. */
    <R extends SdkRequest> List<R> requests(Class<R> type) {
        synchronized (requests) {
            return requests.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** The write requests sent so far (put, update, delete, batch and transactional writes). */
    List<SdkRequest> writes() {
        synchronized (requests) {
            return requests.stream().filter(r -> r instanceof PutItemRequest || r instanceof UpdateItemRequest
                    || r instanceof DeleteItemRequest || r instanceof TransactWriteItemsRequest
                    || r instanceof BatchWriteItemRequest).toList();
        }
    }
}
