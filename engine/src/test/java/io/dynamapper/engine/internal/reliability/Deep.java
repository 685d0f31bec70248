package io.dynamapper.engine.internal.reliability;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Deep equality of Java values as a round trip through DynamoDB must keep them: BigDecimals by
 * {@code compareTo}, arrays and buffers by content, sets of byte arrays by content, the test's own
 * mutable classes field by field. Reports the first difference with its path.
 */
final class Deep {
    private Deep() {
    }

    static void assertDeepEquals(Object expected, Object actual) {
        String difference = difference("", expected, actual);
        if (difference != null) {
            throw new AssertionError(difference);
        }
    }

    /** The first difference, or null if the values are equal. */
    static String difference(String path, Object e, Object a) {
        if (e == a) {
            return null;
        }
        if (e == null || a == null) {
            return path + ": expected " + show(e) + " but was " + show(a);
        }
        if (e instanceof BigDecimal x && a instanceof BigDecimal y) {
            return x.compareTo(y) == 0 ? null : path + ": expected " + x + " but was " + y;
        }
        if (e instanceof byte[] || e instanceof ByteBuffer || e instanceof SdkBytes) {
            return Arrays.equals(bytes(e), bytes(a)) ? null : path + ": expected " + show(e) + " but was " + show(a);
        }
        if (e instanceof Optional<?> x && a instanceof Optional<?> y) {
            return difference(path + ".get()", x.orElse(null), y.orElse(null));
        }
        if (e instanceof Set<?> x && a instanceof Set<?> y) {
            List<Object> left = new ArrayList<>(y);
            if (x.size() != y.size()) {
                return path + ": expected " + x.size() + " elements " + show(x) + " but was " + show(y);
            }
            for (Object element : x) {
                boolean found = false;
                for (Iterator<Object> it = left.iterator(); it.hasNext(); ) {
                    if (difference("", element, it.next()) == null) {
                        it.remove();
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return path + ": " + show(element) + " missing from " + show(y);
                }
            }
            return null;
        }
        if (e instanceof List<?> x && a instanceof List<?> y) {
            if (x.size() != y.size()) {
                return path + ": expected " + show(x) + " but was " + show(y);
            }
            for (int i = 0; i < x.size(); i++) {
                String d = difference(path + "[" + i + "]", x.get(i), y.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (e instanceof Map<?, ?> x && a instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return path + ": expected keys " + x.keySet() + " but was " + y.keySet();
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                String d = difference(path + "." + entry.getKey(), entry.getValue(), y.get(entry.getKey()));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (e instanceof Collection<?> || e.getClass().isRecord() || e.getClass().getName().startsWith("java.")
                || e.getClass().isEnum() || e.getClass().getName().startsWith("software.")) {
            return e.equals(a) ? null : path + ": expected " + show(e) + " but was " + show(a);
        }
        if (e.getClass() != a.getClass()) {
            return path + ": expected a " + e.getClass().getName() + " but was a " + a.getClass().getName();
        }
        for (Class<?> c = e.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    String d = difference(path + "." + f.getName(), f.get(e), f.get(a));
                    if (d != null) {
                        return d;
                    }
                } catch (IllegalAccessException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        return null;
    }

    private static byte[] bytes(Object o) {
        if (o instanceof byte[] b) {
            return b;
        }
        if (o instanceof SdkBytes s) {
            return s.asByteArray();
        }
        if (o instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] out = new byte[copy.remaining()];
            copy.get(out);
            return out;
        }
        return null;
    }

    private static String show(Object o) {
        if (o instanceof byte[] b) {
            return Arrays.toString(b);
        }
        String s = String.valueOf(o);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
