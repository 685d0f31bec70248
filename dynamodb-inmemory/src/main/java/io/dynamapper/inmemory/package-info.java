/**
 * The in-memory DynamoDB: {@link io.dynamapper.inmemory.InMemoryDynamoDb}, a thread-safe
 * {@link software.amazon.awssdk.services.dynamodb.DynamoDbClient} that answers requests as DynamoDB
 * does (the AWS API reference is its specification), with deterministic fault injection
 * ({@link io.dynamapper.inmemory.Faults}, {@link io.dynamapper.inmemory.Fault},
 * {@link io.dynamapper.inmemory.Operation}).
 *
 * <p>This module depends on the AWS SDK only. Everything else lives in
 * {@code io.dynamapper.inmemory.internal}, which is not API.
 */
package io.dynamapper.inmemory;
