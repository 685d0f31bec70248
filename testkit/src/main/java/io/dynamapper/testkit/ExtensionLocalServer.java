package io.dynamapper.testkit;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One in-process, in-memory DynamoDB Local per test run, kept in the root {@link ExtensionContext}'s
 * store: started by the first {@link DynamapperExtension#dynamoDbLocal()} that needs it, shared by
 * every such extension of the run, and shut down by JUnit when the run ends (the store closes
 * {@link AutoCloseable} values, unless {@code junit.jupiter.extensions.store.close.autocloseable.enabled}
 * is false; then DynamoDB Local lives until the JVM exits). DynamoDB Local is an optional dependency of the testkit, so this
 * class is only loaded after {@link DynamapperExtension#dynamoDbLocal()} checked that it is there.
 */
final class ExtensionLocalServer implements AutoCloseable {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ExtensionLocalServer.class);

    private final AmazonDynamoDBLocal local;
    private final DynamoDbClient client;
    private boolean closed;

    private ExtensionLocalServer() {
        local = DynamoDBEmbedded.create(true);
        client = local.dynamoDbClient();
    }

    /** The client of the run's DynamoDB Local, started on first use. */
    static DynamoDbClient client(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(ExtensionLocalServer.class, k -> new ExtensionLocalServer(),
                        ExtensionLocalServer.class)
                .client;
    }

    /**
     * Shuts DynamoDB Local down; closing twice is harmless. DynamoDB Local leaves a non-daemon thread
     * behind, which does not keep Surefire's forked JVM alive (it exits with {@code System.exit}).
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            local.shutdown();
        }
    }
}
