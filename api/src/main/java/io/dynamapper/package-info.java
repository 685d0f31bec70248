/**
 * Dynamapper's public API: entity annotations, {@link io.dynamapper.Session} and
 * {@link io.dynamapper.SessionFactory}, queries, filters, retry and session options, and the
 * exception hierarchy rooted at {@link io.dynamapper.DynamapperException}.
 *
 * <p>Obtain a {@code SessionFactory} from {@code io.dynamapper.engine.Dynamapper.builder()}.
 */
package io.dynamapper;
