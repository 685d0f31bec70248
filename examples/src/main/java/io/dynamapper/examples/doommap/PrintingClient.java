package io.dynamapper.examples.doommap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Wraps a client so that the walkthrough can show every write request Dynamapper sends. */
final class PrintingClient {
    private PrintingClient() {
    }

    static DynamoDbClient wrap(DynamoDbClient delegate, Consumer<String> out) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (args != null && args.length == 1) {
                        describe(args[0]).forEach(line -> out.accept("    -> " + line));
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static List<String> describe(Object request) {
        List<String> lines = new ArrayList<>();
        if (request instanceof PutItemRequest put) {
            lines.add("PutItem " + put.item().keySet() + " if " + put.conditionExpression());
        } else if (request instanceof UpdateItemRequest update) {
            lines.add("UpdateItem " + update.key() + " " + update.updateExpression() + " if " + update.conditionExpression()
                    + "  names=" + update.expressionAttributeNames());
        } else if (request instanceof DeleteItemRequest delete) {
            lines.add("DeleteItem " + delete.key() + " if " + delete.conditionExpression());
        } else if (request instanceof TransactWriteItemsRequest tx) {
            lines.add("TransactWriteItems of " + tx.transactItems().size() + " (token " + tx.clientRequestToken() + ")");
            for (TransactWriteItem item : tx.transactItems()) {
                if (item.update() != null) {
                    lines.add("  Update " + item.update().key() + " " + item.update().updateExpression());
                } else if (item.put() != null) {
                    lines.add("  Put " + item.put().item().keySet());
                } else if (item.delete() != null) {
                    lines.add("  Delete " + item.delete().key());
                } else if (item.conditionCheck() != null) {
                    lines.add("  ConditionCheck " + item.conditionCheck().key());
                }
            }
        }
        return lines;
    }
}
