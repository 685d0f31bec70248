/**
 * Dynamapper's public API: entity annotations, {@link io.dynamapper.Session} and
 * {@link io.dynamapper.SessionFactory}, queries, filters, retry and session options, and the
 * exception hierarchy rooted at {@link io.dynamapper.DynamapperException}.
 *
 * <p>Obtain a {@code SessionFactory} from {@code io.dynamapper.engine.Dynamapper.builder()}.
 *
 * <h2>The contract for bad arguments and misuse</h2>
 * Every public type of Dynamapper (this package, {@code io.dynamapper.engine.Dynamapper},
 * {@code io.dynamapper.guice}, {@code io.dynamapper.testkit}) reports mistakes the same way, before
 * any request is sent:
 * <ul>
 * <li>{@link java.lang.NullPointerException} when an argument is {@code null} (unless its
 *     documentation allows it), with the message {@code "name == null"} naming the parameter,
 *     e.g. {@code session.save(null)} throws {@code NullPointerException("entity == null")}. A
 *     collection or array argument that holds {@code null} is treated the same way.</li>
 * <li>{@link java.lang.IllegalArgumentException} when an argument is not null but its value cannot
 *     be used: a non-positive size or limit, a key value that cannot be converted to the key
 *     field's type or is empty, a filter naming a field the entity does not persist, a
 *     {@link io.dynamapper.Cursor} made by another query.</li>
 * <li>{@link java.lang.IllegalStateException} when the call is not allowed in the object's current
 *     state: a closed session, a builder or query setting given twice, a terminal operation before
 *     a required setting (a query without a hash key), settings that conflict.</li>
 * <li>{@link io.dynamapper.DynamapperException} and its subclasses for everything about mapping and
 *     DynamoDB: {@link io.dynamapper.MappingException} when a class cannot be mapped (or is used in a
 *     way its mapping does not allow, such as a range key for a hash-only table), and the outcomes
 *     of requests ({@link io.dynamapper.OptimisticLockException},
 *     {@link io.dynamapper.ItemNotFoundException}, {@link io.dynamapper.RetriesExhaustedException},
 *     {@link io.dynamapper.CommitOutcomeUnknownException}, ...).</li>
 * </ul>
 * Messages name the class, field, key or value at fault and, where there is one, what to do. A
 * service can therefore map {@code IllegalArgumentException} from client-supplied input (a cursor
 * from a request parameter, a key from a URL) to a "400 Bad Request" without parsing messages.
 */
package io.dynamapper;
