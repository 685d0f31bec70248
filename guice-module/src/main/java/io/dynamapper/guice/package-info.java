/**
 * Guice integration: {@link io.dynamapper.guice.DynamapperModule} binds a
 * {@link io.dynamapper.SessionFactory}, the current thread's {@link io.dynamapper.Session} and a
 * {@link io.dynamapper.guice.UnitOfWork}, and runs {@link io.dynamapper.guice.Transactional}
 * methods: commit on return, rollback on failure, re-run on optimistic-lock conflicts.
 */
package io.dynamapper.guice;
