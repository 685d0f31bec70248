package io.dynamapper.inmemory.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The legacy request parameters ({@code Expected} with {@code ConditionalOperator}, {@code AttributesToGet},
 * {@code KeyConditions}, {@code QueryFilter}, {@code ScanFilter}, {@code AttributeUpdates}): DynamoDB's
 * validation of them, its rule that they do not mix with expression parameters, and their translation
 * into an equivalent expression request, which the ordinary code path then runs (the translation is the
 * one the AWS developer guide gives for each parameter, with generated placeholders).
 *
 * <p>Each method returns the request unchanged when it carries no legacy parameter.
 */
final class Legacy {
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Set<String> SCALAR = Set.of("S", "N", "B");
    private static final Set<String> SCALAR_OR_SET = Set.of("S", "N", "B", "SS", "NS", "BS");
    private static final Set<String> SETS = Set.of("SS", "NS", "BS");

    private Legacy() {
    }

    // ------------------------------------------------------------------ per operation

    static PutItemRequest putItem(PutItemRequest r) {
        Validation.tableName(r.tableName());
        boolean expected = r.hasExpected();
        checkMixing(nonExpression(expected, r.conditionalOperatorAsString() != null), expressions(
                "ConditionExpression", r.conditionExpression()), r.hasExpressionAttributeNames(),
                r.hasExpressionAttributeValues(), List.of("ConditionExpression"));
        checkConditionalOperator(r.conditionalOperatorAsString(), expected ? r.expected().size() : 0);
        if (!expected) {
            return r;
        }
        Translation t = new Translation("");
        String condition = t.expected(r.expected(), r.conditionalOperatorAsString());
        return r.toBuilder().expected((Map<String, ExpectedAttributeValue>) null).conditionalOperator((String) null)
                .conditionExpression(condition).expressionAttributeNames(t.namesOrNull())
                .expressionAttributeValues(t.valuesOrNull()).build();
    }

    static DeleteItemRequest deleteItem(DeleteItemRequest r) {
        Validation.tableName(r.tableName());
        boolean expected = r.hasExpected();
        checkMixing(nonExpression(expected, r.conditionalOperatorAsString() != null), expressions(
                "ConditionExpression", r.conditionExpression()), r.hasExpressionAttributeNames(),
                r.hasExpressionAttributeValues(), List.of("ConditionExpression"));
        checkConditionalOperator(r.conditionalOperatorAsString(), expected ? r.expected().size() : 0);
        if (!expected) {
            return r;
        }
        Translation t = new Translation("");
        String condition = t.expected(r.expected(), r.conditionalOperatorAsString());
        return r.toBuilder().expected((Map<String, ExpectedAttributeValue>) null).conditionalOperator((String) null)
                .conditionExpression(condition).expressionAttributeNames(t.namesOrNull())
                .expressionAttributeValues(t.valuesOrNull()).build();
    }

    static UpdateItemRequest updateItem(UpdateItemRequest r) {
        Validation.tableName(r.tableName());
        List<String> legacy = new ArrayList<>();
        if (r.hasAttributeUpdates()) {
            legacy.add("AttributeUpdates");
        }
        legacy.addAll(nonExpression(r.hasExpected(), r.conditionalOperatorAsString() != null));
        checkMixing(legacy, expressions("UpdateExpression", r.updateExpression(), "ConditionExpression",
                r.conditionExpression()), r.hasExpressionAttributeNames(), r.hasExpressionAttributeValues(),
                List.of("UpdateExpression", "ConditionExpression"));
        checkConditionalOperator(r.conditionalOperatorAsString(), r.hasExpected() ? r.expected().size() : 0);
        if (legacy.isEmpty()) {
            return r;
        }
        Translation t = new Translation("");
        String update = r.hasAttributeUpdates() ? t.attributeUpdates(r.attributeUpdates()) : null;
        String condition = r.hasExpected() ? t.expected(r.expected(), r.conditionalOperatorAsString()) : null;
        return r.toBuilder().expected((Map<String, ExpectedAttributeValue>) null).conditionalOperator((String) null)
                .attributeUpdates(null).updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(t.namesOrNull()).expressionAttributeValues(t.valuesOrNull()).build();
    }

    static GetItemRequest getItem(GetItemRequest r) {
        Validation.tableName(r.tableName());
        checkMixing(r.hasAttributesToGet() ? List.of("AttributesToGet") : List.of(),
                expressions("ProjectionExpression", r.projectionExpression()), r.hasExpressionAttributeNames(),
                false, List.of());
        if (!r.hasAttributesToGet()) {
            return r;
        }
        Translation t = new Translation("");
        return r.toBuilder().attributesToGet((List<String>) null).projectionExpression(t.projection(r.attributesToGet()))
                .expressionAttributeNames(t.namesOrNull()).build();
    }

    static BatchGetItemRequest batchGetItem(BatchGetItemRequest r) {
        if (!r.hasRequestItems()) {
            return r;
        }
        boolean any = false;
        Map<String, KeysAndAttributes> out = new LinkedHashMap<>();
        for (Map.Entry<String, KeysAndAttributes> e : r.requestItems().entrySet()) {
            KeysAndAttributes ka = e.getValue();
            if (ka == null) {
                return r;
            }
            checkMixing(ka.hasAttributesToGet() ? List.of("AttributesToGet") : List.of(),
                    expressions("ProjectionExpression", ka.projectionExpression()), ka.hasExpressionAttributeNames(),
                    false, List.of());
            if (ka.hasAttributesToGet()) {
                any = true;
                Translation t = new Translation("");
                ka = ka.toBuilder().attributesToGet((List<String>) null)
                        .projectionExpression(t.projection(ka.attributesToGet()))
                        .expressionAttributeNames(t.namesOrNull()).build();
            }
            out.put(e.getKey(), ka);
        }
        return any ? r.toBuilder().requestItems(out).build() : r;
    }

    /**
     * As {@link #query(QueryRequest)}, and a QueryFilter on a key attribute of the table or index queried is
     * rejected with DynamoDB's QueryFilter message.
     */
    static QueryRequest query(QueryRequest r, Database engine) {
        QueryRequest translated = query(r);
        if (r.hasQueryFilter()) {
            StoredTable t = engine.table(r.tableName());
            StoredTable.Index index = r.indexName() == null ? null : t.index(r.indexName());
            if (index != null || r.indexName() == null) {
                for (String key : new String[] {index == null ? t.hashKey : index.hashKey,
                        index == null ? t.rangeKey : index.rangeKey}) {
                    if (key != null && r.queryFilter().containsKey(key)) {
                        throw Errors.validation("QueryFilter can only contain non-primary key attributes: Primary key "
                                + "attribute: " + key);
                    }
                }
            }
        }
        return translated;
    }

    static QueryRequest query(QueryRequest r) {
        Validation.tableName(r.tableName());
        List<String> legacy = new ArrayList<>();
        if (r.hasAttributesToGet()) {
            legacy.add("AttributesToGet");
        }
        if (r.hasQueryFilter()) {
            legacy.add("QueryFilter");
        }
        if (r.conditionalOperatorAsString() != null) {
            legacy.add("ConditionalOperator");
        }
        // KeyConditions may go with the other expressions, as long as KeyConditionExpression is not given
        if (r.hasKeyConditions() && r.keyConditionExpression() != null) {
            legacy.add("KeyConditions");
        }
        checkMixing(legacy, expressions("ProjectionExpression", r.projectionExpression(), "FilterExpression",
                r.filterExpression(), "KeyConditionExpression", r.keyConditionExpression()),
                r.hasExpressionAttributeNames(), r.hasExpressionAttributeValues(),
                List.of("FilterExpression", "KeyConditionExpression"), r.hasKeyConditions());
        checkConditionalOperator(r.conditionalOperatorAsString(), r.hasQueryFilter() ? r.queryFilter().size() : 0);
        if (legacy.isEmpty() && !r.hasKeyConditions()) {
            return r;
        }
        checkCountWithAttributes(r.select(), r.hasAttributesToGet());
        Translation t = new Translation("legacy");
        QueryRequest.Builder b = r.toBuilder().attributesToGet((List<String>) null).queryFilter(null)
                .keyConditions(null).conditionalOperator((String) null);
        if (r.hasKeyConditions()) {
            b.keyConditionExpression(t.keyConditions(r.keyConditions()));
        }
        if (r.hasQueryFilter()) {
            b.filterExpression(t.filter(r.queryFilter(), r.conditionalOperatorAsString()));
        }
        if (r.hasAttributesToGet()) {
            b.projectionExpression(t.projection(r.attributesToGet()));
        }
        return b.expressionAttributeNames(t.merge(r.hasExpressionAttributeNames() ? r.expressionAttributeNames() : null,
                        t.names)).expressionAttributeValues(t.merge(r.hasExpressionAttributeValues()
                        ? r.expressionAttributeValues() : null, t.values)).build();
    }

    static ScanRequest scan(ScanRequest r) {
        Validation.tableName(r.tableName());
        List<String> legacy = new ArrayList<>();
        if (r.hasAttributesToGet()) {
            legacy.add("AttributesToGet");
        }
        if (r.hasScanFilter()) {
            legacy.add("ScanFilter");
        }
        if (r.conditionalOperatorAsString() != null) {
            legacy.add("ConditionalOperator");
        }
        checkMixing(legacy, expressions("ProjectionExpression", r.projectionExpression(), "FilterExpression",
                r.filterExpression()), r.hasExpressionAttributeNames(), r.hasExpressionAttributeValues(),
                List.of("FilterExpression"));
        checkConditionalOperator(r.conditionalOperatorAsString(), r.hasScanFilter() ? r.scanFilter().size() : 0);
        if (legacy.isEmpty()) {
            return r;
        }
        checkCountWithAttributes(r.select(), r.hasAttributesToGet());
        Translation t = new Translation("");
        ScanRequest.Builder b = r.toBuilder().attributesToGet((List<String>) null).scanFilter(null)
                .conditionalOperator((String) null);
        if (r.hasScanFilter()) {
            b.filterExpression(t.filter(r.scanFilter(), r.conditionalOperatorAsString()));
        }
        if (r.hasAttributesToGet()) {
            b.projectionExpression(t.projection(r.attributesToGet()));
        }
        return b.expressionAttributeNames(t.namesOrNull()).expressionAttributeValues(t.valuesOrNull()).build();
    }

    // ------------------------------------------------------------------ the no-mixing rule

    private static List<String> nonExpression(boolean expected, boolean conditionalOperator) {
        List<String> out = new ArrayList<>();
        if (expected) {
            out.add("Expected");
        }
        if (conditionalOperator) {
            out.add("ConditionalOperator");
        }
        return out;
    }

    /** The names of the expression parameters present, from alternating name/value pairs. */
    private static List<String> expressions(String... namesAndValues) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                out.add(namesAndValues[i]);
            }
        }
        return out;
    }

    private static void checkMixing(List<String> legacy, List<String> expressions, boolean names, boolean values,
            List<String> valueExpressions) {
        checkMixing(legacy, expressions, names, values, valueExpressions, false);
    }

    /**
     * DynamoDB's rule: legacy and expression parameters cannot be used together, and the expression attribute
     * maps only with expressions. {@code legacyUsesPlaceholders}: KeyConditions alongside other expressions.
     */
    private static void checkMixing(List<String> legacy, List<String> expressions, boolean names, boolean values,
            List<String> valueExpressions, boolean legacyUsesPlaceholders) {
        if (!expressions.isEmpty() && !legacy.isEmpty()) {
            throw Errors.validation("Can not use both expression and non-expression parameters in the same request: "
                    + "Non-expression parameters: {" + String.join(", ", legacy) + "} Expression parameters: {"
                    + String.join(", ", expressions) + "}");
        }
        if (legacy.isEmpty() && !legacyUsesPlaceholders) {
            return; // a plain expression request: its own checks apply
        }
        if (names && expressions.isEmpty()) {
            throw Errors.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (values && !valueExpressions.isEmpty() && valueExpressions.stream().noneMatch(expressions::contains)) {
            throw Errors.validation("ExpressionAttributeValues can only be specified when using expressions: "
                    + String.join(" and ", valueExpressions) + (valueExpressions.size() > 1 ? " are" : " is")
                    + " null");
        }
    }

    /** DynamoDB's rule: ConditionalOperator joins two or more conditions of Expected, QueryFilter or ScanFilter. */
    private static void checkConditionalOperator(String conditionalOperator, int conditions) {
        if (conditionalOperator == null) {
            return;
        }
        if (conditions == 0) {
            throw Errors.validation("ConditionalOperator cannot be used without Filter or Expected");
        }
        if (conditions == 1) {
            throw Errors.validation("ConditionalOperator can only be used when Filter or Expected has two or more "
                    + "elements");
        }
    }

    private static void checkCountWithAttributes(Select select, boolean attributesToGet) {
        if (select == Select.COUNT && attributesToGet) {
            throw Errors.validation("Cannot specify the AttributesToGet when choosing to get only the Count");
        }
    }

    // ------------------------------------------------------------------ translation

    /** Builds expressions with generated placeholders ({@code #<prefix>n0}, {@code :<prefix>v0}). */
    private static final class Translation {
        private final String prefix;
        final Map<String, String> names = new LinkedHashMap<>();
        final Map<String, AttributeValue> values = new LinkedHashMap<>();

        Translation(String prefix) {
            this.prefix = prefix;
        }

        Map<String, String> namesOrNull() {
            return names.isEmpty() ? null : names;
        }

        Map<String, AttributeValue> valuesOrNull() {
            return values.isEmpty() ? null : values;
        }

        <V> Map<String, V> merge(Map<String, V> given, Map<String, V> generated) {
            if (generated.isEmpty()) {
                return given;
            }
            Map<String, V> out = new LinkedHashMap<>();
            if (given != null) {
                out.putAll(given);
            }
            out.putAll(generated);
            return out;
        }

        String name(String attribute) {
            String ref = "#" + prefix + "n" + names.size();
            names.put(ref, attribute);
            return ref;
        }

        String value(AttributeValue v) {
            String ref = ":" + prefix + "v" + values.size();
            values.put(ref, v);
            return ref;
        }

        String projection(List<String> attributes) {
            if (attributes.isEmpty()) {
                throw Errors.validation("1 validation error detected: Value '[]' at 'attributesToGet' failed to "
                        + "satisfy constraint: Member must have length greater than or equal to 1");
            }
            Set<String> seen = new HashSet<>();
            List<String> refs = new ArrayList<>();
            for (String a : attributes) {
                if (!seen.add(a)) {
                    throw Errors.validation(INVALID + "Duplicate value in attribute name: " + a);
                }
                refs.add(name(a));
            }
            return String.join(", ", refs);
        }

        String expected(Map<String, ExpectedAttributeValue> expected, String conditionalOperator) {
            String joiner = joiner(conditionalOperator);
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, ExpectedAttributeValue> e : new TreeMap<>(expected).entrySet()) {
                parts.add(expectedOne(e.getKey(), e.getValue()));
            }
            return parts.isEmpty() ? null : join(parts, joiner);
        }

        private String expectedOne(String attribute, ExpectedAttributeValue c) {
            boolean hasList = c.hasAttributeValueList();
            if (hasList && c.value() != null) {
                throw Errors.validation(INVALID + "Value and AttributeValueList cannot be used together for Attribute: "
                        + attribute);
            }
            if (c.comparisonOperatorAsString() != null) {
                if (c.exists() != null) {
                    throw Errors.validation(INVALID + "Exists and ComparisonOperator cannot be used together for "
                            + "Attribute: " + attribute);
                }
                String op = c.comparisonOperatorAsString();
                if (!"NULL".equals(op) && !"NOT_NULL".equals(op) && !hasList && c.value() == null) {
                    throw Errors.validation(INVALID + "Value or AttributeValueList must be used with "
                            + "ComparisonOperator: " + op + " for Attribute: " + attribute);
                }
                List<AttributeValue> list = hasList ? c.attributeValueList()
                        : c.value() == null ? List.of() : List.of(c.value());
                return comparison(attribute, op, list);
            }
            if (hasList) {
                throw Errors.validation(INVALID + "AttributeValueList can only be used with a ComparisonOperator for "
                        + "Attribute: " + attribute);
            }
            boolean exists = c.exists() == null || c.exists();
            if (exists && c.value() == null) {
                throw Errors.validation(INVALID + "Value must be provided when Exists is "
                        + (c.exists() == null ? "null" : "true") + " for Attribute: " + attribute);
            }
            if (!exists && c.value() != null) {
                throw Errors.validation(INVALID + "Value cannot be used when Exists is false for Attribute: "
                        + attribute);
            }
            if (!exists) {
                return "attribute_not_exists(" + name(attribute) + ")";
            }
            ItemValidator.checkValue(c.value(), true);
            return name(attribute) + " = " + value(c.value());
        }

        String filter(Map<String, Condition> conditions, String conditionalOperator) {
            String joiner = joiner(conditionalOperator);
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Condition> e : new TreeMap<>(conditions).entrySet()) {
                Condition c = e.getValue();
                parts.add(comparison(e.getKey(), operatorOf(c),
                        c.hasAttributeValueList() ? c.attributeValueList() : List.of()));
            }
            return parts.isEmpty() ? null : join(parts, joiner);
        }

        String keyConditions(Map<String, Condition> conditions) {
            if (conditions.isEmpty()) {
                throw Errors.validation("Either the KeyConditions or KeyConditionExpression parameter must be "
                        + "specified in the request.");
            }
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Condition> e : new TreeMap<>(conditions).entrySet()) {
                Condition c = e.getValue();
                String op = operatorOf(c);
                if (!Set.of("EQ", "LE", "LT", "GE", "GT", "BEGINS_WITH", "BETWEEN").contains(op)) {
                    throw Errors.validation("Attempted conditional constraint is not an indexable operation");
                }
                parts.add(comparison(e.getKey(), op, c.hasAttributeValueList() ? c.attributeValueList() : List.of()));
            }
            return String.join(" AND ", parts);
        }

        private static String operatorOf(Condition c) {
            if (c == null || c.comparisonOperatorAsString() == null) {
                throw Errors.validation("1 validation error detected: Value null at 'comparisonOperator' failed to "
                        + "satisfy constraint: Member must not be null");
            }
            return c.comparisonOperatorAsString();
        }

        /** One legacy comparison, validated as DynamoDB does, as an expression. */
        private String comparison(String attribute, String op, List<AttributeValue> list) {
            ComparisonOperator known = ComparisonOperator.fromValue(op);
            if (known == null || known == ComparisonOperator.UNKNOWN_TO_SDK_VERSION) {
                throw Errors.validation("1 validation error detected: Value '" + op + "' at 'comparisonOperator' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, "
                        + "NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
            }
            for (AttributeValue v : list) {
                ItemValidator.checkValue(v, true);
            }
            int n = list.size();
            boolean countOk = switch (known) {
                case NULL, NOT_NULL -> n == 0;
                case IN -> n > 0;
                case BETWEEN -> n == 2;
                default -> n == 1;
            };
            if (!countOk) {
                throw Errors.validation(INVALID + "Invalid number of argument(s) for the " + op + " ComparisonOperator");
            }
            if (n > 0) {
                String type = AttributeSemantics.type(list.get(0));
                for (AttributeValue v : list) {
                    if (!type.equals(AttributeSemantics.type(v))) {
                        throw Errors.validation(INVALID + "AttributeValues inside AttributeValueList must be of same type");
                    }
                }
                Set<String> allowed = switch (known) {
                    case EQ, NE -> SCALAR_OR_SET;
                    case BEGINS_WITH -> Set.of("S", "B");
                    default -> SCALAR;
                };
                if (!allowed.contains(type)) {
                    throw Errors.validation(INVALID + "ComparisonOperator " + op + " is not valid for " + type
                            + " AttributeValue type");
                }
                if (known == ComparisonOperator.BETWEEN) {
                    Integer order = AttributeSemantics.compare(list.get(0), list.get(1));
                    if (order != null && order > 0) {
                        throw Errors.validation("The BETWEEN condition was provided a range where the lower bound is "
                                + "greater than the upper bound");
                    }
                }
            }
            String path = name(attribute);
            return switch (known) {
                case NULL -> "attribute_not_exists(" + path + ")";
                case NOT_NULL -> "attribute_exists(" + path + ")";
                case EQ -> path + " = " + value(list.get(0));
                case NE -> path + " <> " + value(list.get(0));
                case LE -> path + " <= " + value(list.get(0));
                case LT -> path + " < " + value(list.get(0));
                case GE -> path + " >= " + value(list.get(0));
                case GT -> path + " > " + value(list.get(0));
                case CONTAINS -> "contains(" + path + ", " + value(list.get(0)) + ")";
                // as the AWS DAX client translates it: false when the attribute is missing
                case NOT_CONTAINS -> "attribute_exists(" + path + ") AND NOT contains(" + path + ", "
                        + value(list.get(0)) + ")";
                case BEGINS_WITH -> "begins_with(" + path + ", " + value(list.get(0)) + ")";
                case BETWEEN -> path + " BETWEEN " + value(list.get(0)) + " AND " + value(list.get(1));
                case IN -> {
                    List<String> refs = new ArrayList<>();
                    for (AttributeValue v : list) {
                        refs.add(value(v));
                    }
                    yield path + " IN (" + String.join(", ", refs) + ")";
                }
                default -> throw new IllegalStateException("unhandled operator " + op);
            };
        }

        String attributeUpdates(Map<String, AttributeValueUpdate> updates) {
            List<String> set = new ArrayList<>();
            List<String> add = new ArrayList<>();
            List<String> delete = new ArrayList<>();
            List<String> remove = new ArrayList<>();
            for (Map.Entry<String, AttributeValueUpdate> e : new TreeMap<>(updates).entrySet()) {
                AttributeValueUpdate u = e.getValue();
                if (u == null) {
                    continue;
                }
                String action = u.actionAsString() == null ? "PUT" : u.actionAsString();
                AttributeAction known = AttributeAction.fromValue(action);
                if (known == null || known == AttributeAction.UNKNOWN_TO_SDK_VERSION) {
                    throw Errors.validation("1 validation error detected: Value '" + action + "' at 'attributeUpdates."
                            + e.getKey() + ".member.action' failed to satisfy constraint: Member must satisfy enum "
                            + "value set: [ADD, PUT, DELETE]");
                }
                AttributeValue v = u.value();
                if (v != null) {
                    ItemValidator.checkValue(v, false);
                }
                if (v == null && known != AttributeAction.DELETE) {
                    throw Errors.validation(INVALID + "Only DELETE action is allowed when no attribute value is "
                            + "specified");
                }
                String type = v == null ? null : AttributeSemantics.type(v);
                if (v != null && known == AttributeAction.DELETE && !SETS.contains(type)) {
                    throw Errors.validation(INVALID + "Action DELETE is not supported for the type " + type);
                }
                if (v != null && known == AttributeAction.ADD && !SETS.contains(type) && !"N".equals(type)) {
                    throw Errors.validation(INVALID + "Action ADD is not supported for the type " + type);
                }
                String path = name(e.getKey());
                switch (known) {
                    case PUT -> set.add(path + " = " + value(v));
                    case ADD -> add.add(path + " " + value(v));
                    default -> {
                        if (v == null) {
                            remove.add(path);
                        } else {
                            delete.add(path + " " + value(v));
                        }
                    }
                }
            }
            StringBuilder expression = new StringBuilder();
            clause(expression, "SET", set);
            clause(expression, "ADD", add);
            clause(expression, "DELETE", delete);
            clause(expression, "REMOVE", remove);
            return expression.length() == 0 ? null : expression.toString();
        }

        private static void clause(StringBuilder out, String keyword, List<String> actions) {
            if (!actions.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append(keyword).append(' ').append(String.join(", ", actions));
            }
        }

        private static String joiner(String conditionalOperator) {
            if (conditionalOperator == null || "AND".equals(conditionalOperator)) {
                return " AND ";
            }
            if ("OR".equals(conditionalOperator)) {
                return " OR ";
            }
            throw Errors.validation("1 validation error detected: Value '" + conditionalOperator + "' at "
                    + "'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set: [AND, OR]");
        }

        /** Joins conditions; only a compound one (NOT_CONTAINS) joined by OR needs parentheses. */
        private static String join(List<String> parts, String joiner) {
            if (parts.size() == 1 || joiner.equals(" AND ")) {
                return String.join(joiner, parts);
            }
            List<String> wrapped = new ArrayList<>();
            for (String p : parts) {
                wrapped.add(p.contains(" AND ") ? "(" + p + ")" : p);
            }
            return String.join(joiner, wrapped);
        }
    }
}
