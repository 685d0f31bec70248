package io.dynamapper.testkit.contract;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.dynamapper.testkit.InMemoryDynamoDb;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that lists the backends of the contract suite.
 *
 * <p>DynamoDB Local is the reference: every case's expectation is checked on every selected
 * backend, and every other backend's normalised outcome must equal the reference's.
 *
 * <p>The system property {@code contract.backends} (comma-separated names) selects backends;
 * by default all of them run. For example {@code -Dcontract.backends=in-memory} checks only the
 * fake against the expectations.
 */
final class ContractBackends {

    static final String REFERENCE = "dynamodb-local";
    static final String PROPERTY = "contract.backends";

    private ContractBackends() {}

    /** Every known backend, the reference first. */
    static List<Backend> all() {
        return List.of(dynamoDbLocal(), inMemory());
    }

    static Backend dynamoDbLocal() {
        return new Backend(REFERENCE, () -> {
            AmazonDynamoDBLocal local = DynamoDBEmbedded.create(true);
            return new Backend.Instance(local.dynamoDbClient(), local::shutdown);
        });
    }

    static Backend inMemory() {
        return Backend.of("in-memory", InMemoryDynamoDb::create);
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
