/**
 * Not API. Sessions: the identity map, dirty checking against snapshots, commit planning, rollback,
 * and the {@link io.dynamapper.SessionFactory} with its re-running {@code inTransaction}.
 */
package io.dynamapper.engine.internal.session;
