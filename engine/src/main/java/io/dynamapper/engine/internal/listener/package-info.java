/** Calls the factory's {@link io.dynamapper.DynamapperListener}s. Not API. */
package io.dynamapper.engine.internal.listener;
