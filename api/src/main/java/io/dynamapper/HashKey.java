package io.dynamapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field or record component that holds the table's partition (hash) key.
 *
 * <p>Exactly one per entity. Its type must map to a DynamoDB string, number or binary:
 * a string-like type ({@code String}, {@code UUID}, enums, dates), an integral or decimal number,
 * {@code byte[]}, {@code SdkBytes} or {@code ByteBuffer}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface HashKey {
}
