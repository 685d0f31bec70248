/** The second-level cache of a session factory. Not API. */
package io.dynamapper.engine.internal.cache;
