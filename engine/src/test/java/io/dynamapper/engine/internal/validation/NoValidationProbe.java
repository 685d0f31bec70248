package io.dynamapper.engine.internal.validation;

import io.dynamapper.HashKey;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.Table;
import io.dynamapper.engine.Dynamapper;
import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/** Run by {@link WithoutBeanValidationTest} inside a loader without jakarta.validation. */
public final class NoValidationProbe implements Callable<String> {

    @Table("probe")
    static final class Probe {
        @HashKey String id = "p";
    }

    @Override
    public String call() {
        String visibility;
        try {
            Class.forName("jakarta.validation.Validator", false, getClass().getClassLoader());
            visibility = "visible";
        } catch (ClassNotFoundException expected) {
            visibility = "hidden";
        }
        AtomicInteger puts = new AtomicInteger();
        DynamoDbClient client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof PutItemRequest) {
                        puts.incrementAndGet();
                        return PutItemResponse.builder().build();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        SessionFactory sessions = Dynamapper.builder().client(client).build();
        try (Session session = sessions.openSession()) {
            session.save(new Probe());
            session.commit();
        }
        return visibility + ", committed with " + puts.get() + " put";
    }
}
