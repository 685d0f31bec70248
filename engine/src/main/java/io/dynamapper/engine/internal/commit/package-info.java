/**
 * Not API. Commit execution: a plan of {@link io.dynamapper.engine.internal.commit.Write}s sent as one
 * conditional write or one {@code TransactWriteItems}, size limits, failure classification and
 * idempotent retries.
 */
package io.dynamapper.engine.internal.commit;
