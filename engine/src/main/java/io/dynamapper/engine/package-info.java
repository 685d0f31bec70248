/**
 * The engine's entry point, {@link io.dynamapper.engine.Dynamapper}. Everything under
 * {@code io.dynamapper.engine.internal} is implementation, not API: it may change in any release.
 */
package io.dynamapper.engine;
