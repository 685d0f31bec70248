package io.dynamapper.inmemory.contract;

import io.dynamapper.inmemory.HttpClients;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import io.dynamapper.inmemory.InMemoryDynamoDbServer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one place that lists the backends of the contract suite. Every backend must produce each
 * case's recorded outcome (see {@link RecordedOutcomes}); there is no reference backend.
 *
 * <p>The system property {@code contract.backends} (comma-separated names) selects backends;
 * by default all of them run. For example {@code -Dcontract.backends=in-memory}.
 */
final class ContractBackends {

    static final String PROPERTY = "contract.backends";

    private ContractBackends() {}

    /** Every known backend. */
    static List<Backend> all() {
        return List.of(inMemory(), http());
    }

    /** The in-memory DynamoDB, called in process. */
    static Backend inMemory() {
        return Backend.of("in-memory", InMemoryDynamoDb::create);
    }

    /** The in-memory DynamoDB over HTTP, through the SDK's own client (endpointOverride, no retries). */
    static Backend http() {
        return new Backend("http", () -> {
            InMemoryDynamoDbServer server = InMemoryDynamoDb.create().serve();
            DynamoDbClient client = HttpClients.client(server.uri());
            return new Backend.Instance(client, () -> {
                client.close();
                server.close();
            });
        });
    }

    /** The backends selected by {@value #PROPERTY}, in the order of {@link #all()}. */
    static List<Backend> selected() {
        String property = System.getProperty(PROPERTY, "").trim();
        if (property.isEmpty()) {
            return all();
        }
        Set<String> wanted = Arrays.stream(property.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        List<Backend> chosen = all().stream().filter(b -> wanted.contains(b.name())).toList();
        Set<String> known = all().stream().map(Backend::name).collect(Collectors.toSet());
        if (!known.containsAll(wanted) || chosen.isEmpty()) {
            throw new IllegalArgumentException(
                    PROPERTY + " was " + property + " but the known backends are " + known);
        }
        return chosen;
    }
}
