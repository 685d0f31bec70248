/**
 * DynamoDB Streams of the in-memory DynamoDB. Not API.
 *
 * <p>{@link io.dynamapper.inmemory.internal.streams.Streams} holds every stream and answers ListStreams,
 * DescribeStream, GetShardIterator and GetRecords; {@link io.dynamapper.inmemory.internal.streams.StreamLog}
 * is one stream: one shard of change records in commit order. Records are appended by the table storage
 * ({@code TableStreams}, called on every write under the fake's write lock) and know nothing of tables.
 */
package io.dynamapper.inmemory.internal.streams;
