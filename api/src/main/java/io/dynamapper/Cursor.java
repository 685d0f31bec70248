package io.dynamapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a {@link Page} ended: pass it back to {@link Query#page(int, java.util.Optional)} to read
 * the next page. A cursor is a value: {@link #toString()} gives a URL-safe string (for a
 * {@code ?after=} parameter) that {@link #parse(String)} turns back into an equal cursor.
 *
 * <p>It wraps DynamoDB's {@code LastEvaluatedKey}; the string is opaque and not signed, so treat a
 * cursor from a client as untrusted input. Both checks report {@link IllegalArgumentException}, so
 * a service can answer "400 Bad Request" to either: {@link #parse(String)} rejects malformed text,
 * and {@link Query#page(int, java.util.Optional)} rejects a well-formed cursor made by another query
 * (another table or index, or another partition), naming the mismatch.
 *
 * <p>A next cursor does not promise a non-empty next page; see {@link Page}.
 *
 * <p>{@link #of(Map)} and {@link #lastEvaluatedKey()} are API on purpose: they let code that also
 * talks to DynamoDB through the SDK continue a query from a {@code LastEvaluatedKey} (or hand one
 * over), and let tests build cursors.
 */
public final class Cursor {
    private static final int FORMAT = 1;

    private final Map<String, AttributeValue> lastEvaluatedKey;

    private Cursor(Map<String, AttributeValue> lastEvaluatedKey) {
        this.lastEvaluatedKey = lastEvaluatedKey;
    }

    /**
     * A cursor after the given DynamoDB {@code LastEvaluatedKey}: string, number or binary
     * attributes only, as DynamoDB returns them.
     *
     * @param lastEvaluatedKey the key attributes of the last item read (the table's key and, for an
     *     index, the index's key); copied
     * @return a cursor equal to the parsed form of its {@link #toString()}
     * @throws NullPointerException if {@code lastEvaluatedKey} is null
     * @throws IllegalArgumentException if the key is empty or holds another attribute type
     */
    public static Cursor of(Map<String, AttributeValue> lastEvaluatedKey) {
        Objects.requireNonNull(lastEvaluatedKey, "lastEvaluatedKey == null");
        if (lastEvaluatedKey.isEmpty()) {
            throw new IllegalArgumentException("lastEvaluatedKey is empty: there is no next page");
        }
        Map<String, AttributeValue> copy = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((name, value) -> {
            Objects.requireNonNull(value, () -> "lastEvaluatedKey['" + name + "'] == null");
            if (value.s() == null && value.n() == null && value.b() == null) {
                throw new IllegalArgumentException("cursor attribute '" + name
                        + "' must be a string, number or binary, was " + value);
            }
            copy.put(name, value);
        });
        return new Cursor(Collections.unmodifiableMap(copy));
    }

    /**
     * Parses a string made by {@link #toString()}.
     *
     * @param text the cursor's text form, e.g. from a request parameter
     * @return the cursor
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if the text is not such a string
     */
    public static Cursor parse(String text) {
        Objects.requireNonNull(text, "text == null");
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(text)))) {
            if (in.readUnsignedByte() != FORMAT) {
                throw new IllegalArgumentException("not a Dynamapper cursor: " + text);
            }
            int count = in.readUnsignedByte();
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                char type = (char) in.readUnsignedByte();
                switch (type) {
                    case 'S' -> key.put(name, AttributeValue.fromS(in.readUTF()));
                    case 'N' -> key.put(name, AttributeValue.fromN(in.readUTF()));
                    case 'B' -> {
                        byte[] bytes = new byte[in.readInt()];
                        in.readFully(bytes);
                        key.put(name, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(bytes)));
                    }
                    default -> throw new IllegalArgumentException("not a Dynamapper cursor: " + text);
                }
            }
            if (in.available() > 0 || key.isEmpty()) {
                throw new IllegalArgumentException("not a Dynamapper cursor: " + text);
            }
            return new Cursor(Collections.unmodifiableMap(key));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Dynamapper cursor: '" + text + "'", e);
        }
    }

    /**
     * The DynamoDB {@code ExclusiveStartKey} to continue from.
     *
     * @return the key attributes, unmodifiable
     */
    public Map<String, AttributeValue> lastEvaluatedKey() {
        return lastEvaluatedKey;
    }

    /**
     * The URL-safe text form, accepted by {@link #parse(String)}.
     *
     * @return unpadded URL-safe Base64 text
     */
    @Override
    public String toString() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeByte(lastEvaluatedKey.size());
            for (Map.Entry<String, AttributeValue> e : lastEvaluatedKey.entrySet()) {
                out.writeUTF(e.getKey());
                AttributeValue v = e.getValue();
                if (v.s() != null) {
                    out.writeByte('S');
                    out.writeUTF(v.s());
                } else if (v.n() != null) {
                    out.writeByte('N');
                    out.writeUTF(v.n());
                } else {
                    byte[] b = v.b().asByteArrayUnsafe();
                    out.writeByte('B');
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cursor other && other.lastEvaluatedKey.equals(lastEvaluatedKey);
    }

    @Override
    public int hashCode() {
        return lastEvaluatedKey.hashCode();
    }
}
