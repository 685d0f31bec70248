package io.dynamapper.inmemory.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Parses expressions once per distinct string (bounded caches shared by all fakes) and checks
 * a request's {@code ExpressionAttributeNames}/{@code ExpressionAttributeValues} against the placeholders
 * its expressions use.
 */
final class ExpressionCache {
    private static final int MAX_CACHED = 20_000;
    private static final Bounded<Ast.ParsedCondition> CONDITIONS = new Bounded<>();
    private static final Bounded<Ast.ParsedUpdate> UPDATES = new Bounded<>();
    private static final Bounded<Ast.ParsedProjection> PROJECTIONS = new Bounded<>();

    private ExpressionCache() {
    }

    static Ast.ParsedCondition condition(String source, String kind) {
        return CONDITIONS.get(kind + '\u0000' + source, k -> Parser.parseCondition(source, kind));
    }

    static Ast.ParsedUpdate update(String source) {
        return UPDATES.get(source, Parser::parseUpdate);
    }

    static Ast.ParsedProjection projection(String source) {
        return PROJECTIONS.get(source, Parser::parseProjection);
    }

    /**
     * A concurrent map of parsed expressions that is emptied when it reaches {@link #MAX_CACHED} entries:
     * parsing is cheap next to a request, so a rare full re-parse is cheaper than tracking recency.
     * Failed parses are not cached (the parser's exception propagates).
     */
    private static final class Bounded<V> {
        private final ConcurrentHashMap<String, V> map = new ConcurrentHashMap<>();

        V get(String key, Function<String, V> parse) {
            V v = map.get(key);
            if (v != null) {
                return v;
            }
            if (map.size() >= MAX_CACHED) {
                map.clear();
            }
            return map.computeIfAbsent(key, parse);
        }
    }

    /** Collects the placeholders used by a request's expressions, then checks them against the maps. */
    static final class Usage {
        private final Map<String, String> names;
        private final Map<String, AttributeValue> values;
        private final Set<String> usedNames = new TreeSet<>();
        private final Set<String> usedValues = new TreeSet<>();
        private int expressions;

        Usage(Map<String, String> names, Map<String, AttributeValue> values) {
            this.names = names;
            this.values = values;
            checkPlaceholders(names, values);
        }

        /**
         * DynamoDB's checks of the maps themselves, made before any expression is parsed: every name key
         * is {@code #} and word characters and stands for a non-empty name; every value key is {@code :} and
         * word characters.
         */
        private static void checkPlaceholders(Map<String, String> names, Map<String, AttributeValue> values) {
            if (names != null) {
                for (Map.Entry<String, String> e : names.entrySet()) {
                    if (!isPlaceholder(e.getKey(), '#')) {
                        throw Errors.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \""
                                + e.getKey() + "\"");
                    }
                    if (e.getValue() == null || e.getValue().isEmpty()) {
                        throw Errors.validation("ExpressionAttributeNames contains invalid value: Empty attribute "
                                + "name for key " + e.getKey());
                    }
                }
            }
            if (values != null) {
                for (String k : values.keySet()) {
                    if (!isPlaceholder(k, ':')) {
                        throw Errors.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \""
                                + k + "\"");
                    }
                }
            }
        }

        private static boolean isPlaceholder(String key, char first) {
            if (key == null || key.length() < 2 || key.charAt(0) != first) {
                return false;
            }
            for (int i = 1; i < key.length(); i++) {
                char c = key.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '_')) {
                    return false;
                }
            }
            return true;
        }

        /** Records one expression's placeholders; an undefined one is a ValidationException naming {@code kind}. */
        Usage add(String kind, Set<String> exprNames, Set<String> exprValues) {
            for (String n : exprNames) {
                if (names == null || !names.containsKey(n)) {
                    throw Errors.invalidExpression(kind, "An expression attribute name used in the document path "
                            + "is not defined; attribute name: " + n);
                }
            }
            for (String v : exprValues) {
                if (values == null || !values.containsKey(v)) {
                    throw Errors.invalidExpression(kind, "An expression attribute value used in expression is not "
                            + "defined; attribute value: " + v);
                }
            }
            usedNames.addAll(exprNames);
            usedValues.addAll(exprValues);
            expressions++;
            return this;
        }

        /** A map the caller set to empty, as opposed to the SDK's placeholder for a map not set. */
        private static boolean explicitlyEmpty(Map<?, ?> map) {
            return map != null && map.isEmpty() && !(map instanceof SdkAutoConstructMap);
        }

        /** Throws if a supplied name or value was not used by any expression, as DynamoDB does. */
        void checkAllUsed() {
            if (expressions == 0) {
                for (var e : new Object[][] {{"ExpressionAttributeNames", names}, {"ExpressionAttributeValues", values}}) {
                    Map<?, ?> map = (Map<?, ?>) e[1];
                    if (map != null && !(map instanceof SdkAutoConstructMap)) {
                        throw Errors.validation("1 validation error detected: " + e[0]
                                + " can only be specified when using expressions");
                    }
                }
            }
            if (explicitlyEmpty(names)) {
                throw Errors.validation("ExpressionAttributeNames must not be empty");
            }
            if (explicitlyEmpty(values)) {
                throw Errors.validation("ExpressionAttributeValues must not be empty");
            }
            // containsAll first: the sorted set of unused keys is only needed for the error message
            if (names != null && !usedNames.containsAll(names.keySet())) {
                Set<String> unused = new TreeSet<>(names.keySet());
                unused.removeAll(usedNames);
                throw Errors.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                        + String.join(", ", unused) + "}");
            }
            if (values != null) {
                if (!usedValues.containsAll(values.keySet())) {
                    Set<String> unused = new TreeSet<>(values.keySet());
                    unused.removeAll(usedValues);
                    throw Errors.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                            + String.join(", ", unused) + "}");
                }
                for (Map.Entry<String, AttributeValue> e : values.entrySet()) {
                    ItemValidator.checkValue(e.getValue(), true);
                }
            }
        }
    }
}
