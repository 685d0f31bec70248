/**
 * Not API. The one retry budget of a unit of work: backoff with full jitter through the policy's
 * sleeper, interrupt handling, and the scope that makes every retry on a thread draw from it.
 */
package io.dynamapper.engine.internal.retry;
