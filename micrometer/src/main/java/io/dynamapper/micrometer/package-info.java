/** Micrometer metrics of Dynamapper: {@link io.dynamapper.micrometer.DynamapperMetrics}. */
package io.dynamapper.micrometer;
