package io.dynamapper.testkit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * A {@link DynamoDbClient} that gives every table a prefix on the way out and takes it off on the way
 * back, so that tests sharing one DynamoDB (AWS test tables, a server several builds use) each see only
 * their own tables: {@code accounts} is {@code <prefix>accounts} on the server. Table names are found
 * in any request or response by the SDK's model metadata ({@code TableName},
 * {@code ExclusiveStartTableName}, {@code LastEvaluatedTableName}, the keys of {@code RequestItems},
 * {@code Responses}, {@code UnprocessedItems}, {@code UnprocessedKeys}, {@code ItemCollectionMetrics});
 * {@code ListTables} answers only the tables with the prefix. The prefix may change between tests.
 */
final class TablePrefixing {
    private static final Set<String> NAME_MEMBERS = Set.of("TableName", "ExclusiveStartTableName", "LastEvaluatedTableName");
    private static final Set<String> KEYED_BY_TABLE = Set.of("RequestItems", "Responses", "UnprocessedItems",
            "UnprocessedKeys", "ItemCollectionMetrics");

    private volatile String prefix;

    TablePrefixing(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    void prefix(String prefix) {
        this.prefix = prefix;
    }

    /** A client that prefixes table names for {@code client}. */
    DynamoDbClient decorate(DynamoDbClient client) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (isOperation(method)) {
                String p = prefix;
                Object request = rewrite(args[0], name -> p + name, false, p);
                Object response = invoke(client, method, new Object[] {request});
                return rewrite(response, name -> name.startsWith(p) ? name.substring(p.length()) : name, true, p);
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "TablePrefixing(" + prefix + ", " + client + ")";
                };
            }
            return invoke(client, method, args);
        };
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, handler);
    }

    private static boolean isOperation(Method m) {
        return m.getParameterCount() == 1 && DynamoDbRequest.class.isAssignableFrom(m.getParameterTypes()[0])
                && DynamoDbResponse.class.isAssignableFrom(m.getReturnType());
    }

    private static Object invoke(DynamoDbClient client, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(client, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A copy of {@code pojo} with every table name mapped; in a response, foreign list entries dropped. */
    private static Object rewrite(Object value, UnaryOperator<String> name, boolean response, String prefix) {
        if (!(value instanceof SdkPojo pojo) || !(value instanceof ToCopyableBuilder<?, ?> copyable)) {
            return value;
        }
        SdkPojo builder = (SdkPojo) copyable.toBuilder();
        boolean changed = false;
        for (SdkField<?> field : pojo.sdkFields()) {
            Object v = field.getValueOrDefault(pojo);
            if (v == null || v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap) {
                continue;
            }
            Object mapped = mapField(field, v, name, response, prefix);
            if (mapped != v) {
                field.set(builder, mapped);
                changed = true;
            }
        }
        return changed ? ((SdkBuilder<?, ?>) builder).build() : value;
    }

    private static Object mapField(SdkField<?> field, Object v, UnaryOperator<String> name, boolean response,
            String prefix) {
        String member = field.locationName();
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING && NAME_MEMBERS.contains(member)) {
            return name.apply((String) v);
        }
        if (type == MarshallingType.LIST && member.equals("TableNames") && response) {
            List<String> kept = new ArrayList<>();
            for (Object n : (List<?>) v) {
                if (((String) n).startsWith(prefix)) {
                    kept.add(name.apply((String) n));
                }
            }
            return kept;
        }
        if (type == MarshallingType.SDK_POJO) {
            return rewrite(v, name, response, prefix);
        }
        if (type == MarshallingType.LIST) {
            List<Object> out = new ArrayList<>();
            boolean changed = false;
            for (Object e : (List<?>) v) {
                Object m = rewrite(e, name, response, prefix);
                changed |= m != e;
                out.add(m);
            }
            return changed ? out : v;
        }
        if (type == MarshallingType.MAP) {
            boolean keyed = KEYED_BY_TABLE.contains(member);
            Map<String, Object> out = new LinkedHashMap<>();
            boolean changed = keyed;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                Object m = e.getValue() instanceof List<?> list ? mapList(list, name, response, prefix)
                        : rewrite(e.getValue(), name, response, prefix);
                changed |= m != e.getValue();
                out.put(keyed ? name.apply((String) e.getKey()) : (String) e.getKey(), m);
            }
            return changed ? out : v;
        }
        return v;
    }

    private static Object mapList(List<?> list, UnaryOperator<String> name, boolean response, String prefix) {
        List<Object> out = new ArrayList<>();
        boolean changed = false;
        for (Object e : list) {
            Object m = rewrite(e, name, response, prefix);
            changed |= m != e;
            out.add(m);
        }
        return changed ? out : list;
    }
}
