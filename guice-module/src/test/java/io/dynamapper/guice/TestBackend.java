package io.dynamapper.guice;

import io.dynamapper.RetryPolicy;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** How the tests build modules over the in-memory DynamoDB (real engine sessions), with a sleeper that records and never sleeps. */
final class TestBackend {
    private TestBackend() {
    }

    /** A module builder over {@code client} with {@code policy}. */
    static DynamapperModule.Builder module(DynamoDbClient client, RetryPolicy policy) {
        return module(client, policy, UnaryOperator.identity());
    }

    /** A module builder over {@code client} with {@code policy}, its factory wrapped by {@code decorator}. */
    static DynamapperModule.Builder module(DynamoDbClient client, RetryPolicy policy,
                                           UnaryOperator<SessionFactory> decorator) {
        return DynamapperModule.builder().client(client).retryPolicy(policy)
                .factoryDecorator(decorator);
    }

    /** A retry policy of {@code attempts} attempts, 10 ms to 80 ms, waiting with {@code sleeper}. */
    static RetryPolicy policy(int attempts, RecordingSleeper sleeper) {
        return new RetryPolicy(attempts, Duration.ofMillis(10), Duration.ofMillis(80), sleeper);
    }

    /** Records the waits and returns at once. */
    static final class RecordingSleeper implements io.dynamapper.Sleeper {
        final List<Duration> sleeps = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
        }
    }

    /** A factory whose sessions fail to close (after closing the real one). */
    static SessionFactory closeFails(SessionFactory factory, RuntimeException failure) {
        return new ForwardingSessionFactory(factory) {
            @Override
            Session wrap(Session session) {
                return new ForwardingSession(session) {
                    @Override
                    public void close() {
                        super.close();
                        throw failure;
                    }
                };
            }
        };
    }
}
