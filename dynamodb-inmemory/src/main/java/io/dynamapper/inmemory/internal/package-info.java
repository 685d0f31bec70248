/**
 * The implementation of the in-memory DynamoDB. Not API: names and signatures change without notice.
 *
 * <h2>Layers</h2>
 * <ul>
 *   <li><b>Operations.</b> {@link io.dynamapper.inmemory.internal.Database} holds the catalog of tables
 *       and runs every control-plane and data-plane operation under one read/write lock (single-item
 *       writes, batches and transactions are atomic; reads run in parallel).
 *       {@link io.dynamapper.inmemory.internal.ReadPlan} shapes GetItem/Query/Scan reads (paging,
 *       limits, projections, filters).</li>
 *   <li><b>Expressions: lexer → parser → AST → evaluator.</b>
 *       {@link io.dynamapper.inmemory.internal.Lexer} and {@link io.dynamapper.inmemory.internal.Parser}
 *       turn condition, filter, key-condition, update and projection expressions into the records of
 *       {@link io.dynamapper.inmemory.internal.Ast}; {@link io.dynamapper.inmemory.internal.ExpressionCache}
 *       parses each distinct string once and checks placeholders against the request's names and
 *       values ({@link io.dynamapper.inmemory.internal.Context}).
 *       {@link io.dynamapper.inmemory.internal.Evaluator} evaluates conditions on items,
 *       {@link io.dynamapper.inmemory.internal.Updater} applies update expressions,
 *       {@link io.dynamapper.inmemory.internal.QueryKeyCondition} checks a Query's key condition against
 *       the key schema, {@link io.dynamapper.inmemory.internal.Projector} and
 *       {@link io.dynamapper.inmemory.internal.Paths} read document paths.</li>
 *   <li><b>Values.</b> {@link io.dynamapper.inmemory.internal.AttributeSemantics} (types, equality,
 *       ordering), {@link io.dynamapper.inmemory.internal.Numbers} (DynamoDB's decimal numbers),
 *       {@link io.dynamapper.inmemory.internal.ItemSizer} (item sizes as DynamoDB counts them).</li>
 *   <li><b>Storage.</b> {@link io.dynamapper.inmemory.internal.StoredTable} (schema, items, secondary
 *       indexes kept consistent on every write), {@link io.dynamapper.inmemory.internal.Store} (a hash
 *       table of partitions, each sorted by sort key), {@link io.dynamapper.inmemory.internal.ItemCodec},
 *       {@link io.dynamapper.inmemory.internal.ItemMap} and
 *       {@link io.dynamapper.inmemory.internal.NameDictionary} (a compact encoding of items),
 *       {@link io.dynamapper.inmemory.internal.TableFactory} (CreateTable validation and
 *       DescribeTable).</li>
 *   <li><b>Other request languages, translated to expressions.</b>
 *       {@link io.dynamapper.inmemory.internal.Legacy} validates the legacy parameters (Expected,
 *       AttributesToGet, KeyConditions, QueryFilter, ScanFilter, AttributeUpdates, ConditionalOperator),
 *       enforces that they do not mix with expressions, and rewrites the request with expressions.
 *       {@link io.dynamapper.inmemory.internal.PartiqlParser} parses PartiQL statements into
 *       {@link io.dynamapper.inmemory.internal.PartiqlStatement}s written in the expression language;
 *       {@link io.dynamapper.inmemory.internal.Partiql} runs them as Query/Scan/GetItem/PutItem/UpdateItem/
 *       DeleteItem and TransactGet/WriteItems requests (ExecuteStatement, BatchExecuteStatement,
 *       ExecuteTransaction).</li>
 *   <li><b>Transactions.</b> {@link io.dynamapper.inmemory.internal.Transactions} (TransactWriteItems and
 *       TransactGetItems: all-or-nothing, cancellation reasons in request order),
 *       {@link io.dynamapper.inmemory.internal.IdempotencyTokens} and
 *       {@link io.dynamapper.inmemory.internal.Fingerprint} (ClientRequestToken within 10 minutes).</li>
 *   <li><b>Table changes, tags and streams.</b> {@link io.dynamapper.inmemory.internal.TableUpdates}
 *       (UpdateTable, and the statuses DescribeTable shows while a change is in progress),
 *       {@link io.dynamapper.inmemory.internal.Tagging}, {@link io.dynamapper.inmemory.internal.AccountInfo}
 *       (DescribeLimits, DescribeEndpoints), {@link io.dynamapper.inmemory.internal.TableExtras} (a table's
 *       tags, stream and change in progress), {@link io.dynamapper.inmemory.internal.TableStreams} (one stream
 *       record per write that changes an item), {@link io.dynamapper.inmemory.internal.Expiry} (time to live,
 *       on request) and the package {@code internal.streams}.</li>
 *   <li><b>Validation and errors.</b> {@link io.dynamapper.inmemory.internal.Validation} and
 *       {@link io.dynamapper.inmemory.internal.ItemValidator} (request and item rules),
 *       {@link io.dynamapper.inmemory.internal.ReservedWords},
 *       {@link io.dynamapper.inmemory.internal.Errors} (DynamoDB's exceptions with its error codes and
 *       status codes).</li>
 * </ul>
 */
package io.dynamapper.inmemory.internal;
