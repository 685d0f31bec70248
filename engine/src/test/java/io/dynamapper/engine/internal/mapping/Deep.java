package io.dynamapper.engine.internal.mapping;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Structural equality for round-trip tests: like {@code equals}, but arrays compare by content
 * (also inside sets, lists, maps, Optionals, records and test classes), and a difference is
 * reported with its path. Everything else must be {@code equals}, exactly (so 1.5 vs 1.50 differ).
 */
final class Deep {
    private Deep() {
    }

    static void assertDeepEquals(Object expected, Object actual) {
        String difference = difference("", expected, actual);
        if (difference != null) {
            fail(difference);
        }
    }

    /** The first difference, or null if the values are deeply equal. */
    static String difference(String path, Object expected, Object actual) {
        if (expected == actual) {
            return null;
        }
        if (expected == null || actual == null) {
            return at(path, expected, actual);
        }
        if (expected.getClass().isArray()) {
            if (!(actual.getClass().isArray()) || !Objects.deepEquals(expected, actual)) {
                return at(path, expected, actual);
            }
            return null;
        }
        if (expected instanceof Optional<?> e && actual instanceof Optional<?> a) {
            if (e.isPresent() != a.isPresent()) {
                return at(path, expected, actual);
            }
            return e.isPresent() ? difference(path + ".get()", e.get(), a.get()) : null;
        }
        if (expected instanceof Set<?> e && actual instanceof Set<?> a) {
            if (e.stream().anyMatch(x -> x instanceof byte[])) {
                return Objects.equals(hexes(e), hexes(a)) ? null : at(path, hexes(e), hexes(a));
            }
            if (!expected.equals(actual)) {
                return at(path, expected, actual);
            }
            return null;
        }
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            if (e.size() != a.size()) {
                return at(path + ".size()", e.size(), a.size());
            }
            Iterator<?> ai = a.iterator();
            int i = 0;
            for (Object x : e) {
                String d = difference(path + "[" + i++ + "]", x, ai.next());
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            if (!e.keySet().equals(a.keySet())) {
                return at(path + ".keySet()", e.keySet(), a.keySet());
            }
            for (Map.Entry<?, ?> entry : e.entrySet()) {
                String d = difference(path + "." + entry.getKey(), entry.getValue(), a.get(entry.getKey()));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected.getClass() != actual.getClass()) {
            return at(path + " (class)", expected.getClass().getName(), actual.getClass().getName());
        }
        if (expected.getClass().getName().startsWith("io.dynamapper.")) {
            return fields(path, expected, actual);
        }
        return expected.equals(actual) ? null : at(path, expected, actual);
    }

    private static String fields(String path, Object expected, Object actual) {
        try {
            if (expected.getClass().isRecord()) {
                for (RecordComponent c : expected.getClass().getRecordComponents()) {
                    c.getAccessor().setAccessible(true);
                    String d = difference(path + "." + c.getName(), c.getAccessor().invoke(expected),
                            c.getAccessor().invoke(actual));
                    if (d != null) {
                        return d;
                    }
                }
                return null;
            }
            for (Class<?> c = expected.getClass(); c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                        continue;
                    }
                    f.setAccessible(true);
                    String d = difference(path + "." + f.getName(), f.get(expected), f.get(actual));
                    if (d != null) {
                        return d;
                    }
                }
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> hexes(Collection<?> set) {
        List<String> out = new ArrayList<>();
        for (Object o : set) {
            out.add(o instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(o));
        }
        out.sort(null);
        return out;
    }

    private static String at(String path, Object expected, Object actual) {
        return "differs at " + (path.isEmpty() ? "<root>" : path) + ": expected " + show(expected) + " but was "
                + show(actual);
    }

    private static String show(Object o) {
        if (o instanceof byte[] b) {
            return Arrays.toString(b);
        }
        return o == null ? "null" : o + " (" + o.getClass().getSimpleName() + ")";
    }
}
