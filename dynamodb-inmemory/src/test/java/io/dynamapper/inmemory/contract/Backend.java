package io.dynamapper.inmemory.contract;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB implementation the contract cases run against: a name for reports and a way to
 * start it. A backend is started once per test run and shut down when the run ends.
 *
 * @param name    how reports name this backend, e.g. {@code in-memory}
 * @param starter starts the backend; called at most once per run
 */
record Backend(String name, Supplier<Instance> starter) {

    Backend {
        requireNonNull(name, "name == null");
        requireNonNull(starter, "starter == null");
    }

    /** A backend whose client is all there is to it: closing the client shuts it down. */
    static Backend of(String name, Supplier<? extends DynamoDbClient> clientFactory) {
        requireNonNull(clientFactory, "clientFactory == null");
        return new Backend(name, () -> {
            DynamoDbClient client = clientFactory.get();
            return new Instance(client, client::close);
        });
    }

    /** A started backend: the client the cases use and what shuts it down. */
    record Instance(DynamoDbClient client, Runnable shutdown) {
        Instance {
            requireNonNull(client, "client == null");
            requireNonNull(shutdown, "shutdown == null");
        }
    }
}
