/** Implementation of the engine. Not API: these packages may change in any release. */
package io.dynamapper.engine.internal;
