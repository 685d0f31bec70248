package io.dynamapper.engine.internal.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Compiles the clean check of one entity class into a single {@link MethodHandle}
 * {@code (Object entity, Snapshot snapshot)boolean}: true if every compared property is as the
 * snapshot recorded. The handle is a tree of combinators over the properties' getters, bound as
 * constants; after a few hundred calls the JVM compiles it as one method with every field read,
 * codec and comparison inlined, so a check costs one indirect call instead of one per property.
 * It makes the same comparisons as {@link DirtyChecker}'s property-by-property path and may throw
 * what they throw.
 */
final class CleanCheck {
    private static final MethodType CHECK = MethodType.methodType(boolean.class, Object.class, Snapshot.class);
    private static final MethodHandle NUMBER; // (Snapshot, int)long
    private static final MethodHandle[] INLINE_NUMBERS = new MethodHandle[4]; // (Snapshot)long, the fields
    private static final MethodHandle SAME_LONG;
    private static final MethodHandle SAME_DOUBLE;
    private static final MethodHandle SAME_BOOLEAN;
    private static final MethodHandle SAME_VALUE;
    private static final MethodHandle SAME_LIST;
    private static final MethodHandle AND;

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            NUMBER = lookup.findVirtual(Snapshot.class, "number", MethodType.methodType(long.class, int.class));
            for (int i = 0; i < INLINE_NUMBERS.length; i++) {
                INLINE_NUMBERS[i] = lookup.findGetter(Snapshot.class, "n" + i, long.class);
            }
            SAME_LONG = lookup.findStatic(CleanCheck.class, "sameLong",
                    MethodType.methodType(boolean.class, long.class, long.class));
            SAME_DOUBLE = lookup.findStatic(CleanCheck.class, "sameDouble",
                    MethodType.methodType(boolean.class, long.class, double.class));
            SAME_BOOLEAN = lookup.findStatic(CleanCheck.class, "sameBoolean",
                    MethodType.methodType(boolean.class, long.class, boolean.class));
            SAME_VALUE = lookup.findStatic(CleanCheck.class, "sameValue",
                    MethodType.methodType(boolean.class, Snapshot.class, int.class, PropertyModel.class, Object.class));
            SAME_LIST = lookup.findVirtual(Snapshot.class, "sameList",
                    MethodType.methodType(boolean.class, int.class, ValueCodec.class, Object.class));
            AND = lookup.findStatic(CleanCheck.class, "and",
                    MethodType.methodType(boolean.class, boolean.class, boolean.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private CleanCheck() {
    }

    /**
     * The check of the given properties.
     *
     * @param compared the compared properties
     * @param kinds how each is kept in a snapshot
     * @param slots of each, its number slot (primitive, list) or value slot
     * @return {@code (Object, Snapshot)boolean}
     */
    static MethodHandle compile(PropertyModel[] compared, DirtyChecker.Kind[] kinds, int[] slots) {
        if (compared.length == 0) {
            return MethodHandles.dropArguments(MethodHandles.constant(boolean.class, true), 0, Object.class,
                    Snapshot.class);
        }
        MethodHandle[] checks = new MethodHandle[compared.length];
        for (int i = 0; i < compared.length; i++) {
            checks[i] = property(compared[i], kinds[i], slots[i]);
        }
        return all(checks, 0, checks.length);
    }

    /** checks[from] && ... && checks[to - 1], as a balanced tree: shallow, so that the JIT inlines all of it. */
    private static MethodHandle all(MethodHandle[] checks, int from, int to) {
        if (to - from == 1) {
            return checks[from];
        }
        int middle = (from + to) >>> 1;
        MethodHandle both = MethodHandles.collectArguments(AND, 0, all(checks, from, middle)); // (Object, Snapshot, boolean)
        both = MethodHandles.collectArguments(both, 2, all(checks, middle, to)); // (Object, Snapshot, Object, Snapshot)
        return MethodHandles.permuteArguments(both, CHECK, 0, 1, 0, 1);
    }

    /** (Object, Snapshot)boolean for one property. */
    private static MethodHandle property(PropertyModel p, DirtyChecker.Kind kind, int slot) {
        MethodHandle same; // (Snapshot, value)boolean
        MethodHandle getter; // (Object)value
        switch (kind) {
            case PRIMITIVE -> {
                MethodHandle number = slot < INLINE_NUMBERS.length ? INLINE_NUMBERS[slot]
                        : MethodHandles.insertArguments(NUMBER, 1, slot);
                same = MethodHandles.filterArguments(switch (p.primitive()) {
                    case INTEGRAL -> SAME_LONG;
                    case FLOATING -> SAME_DOUBLE;
                    case BOOLEAN -> SAME_BOOLEAN;
                }, 0, number);
                getter = p.primitiveGetter();
            }
            case LIST -> {
                same = MethodHandles.insertArguments(SAME_LIST, 1, slot, ((ContainerCodecs.ListCodec) p.codec()).element());
                getter = p.getter();
            }
            default -> {
                same = MethodHandles.insertArguments(SAME_VALUE, 1, slot, p);
                getter = p.getter();
            }
        }
        MethodHandle check = MethodHandles.filterArguments(same, 1, getter); // (Snapshot, Object)boolean
        return MethodHandles.permuteArguments(check, CHECK, 1, 0);
    }

    private static boolean sameLong(long before, long value) {
        return before == value;
    }

    private static boolean sameDouble(long before, double value) {
        return Double.longBitsToDouble(before) == value; // 0.0 and -0.0 are the same number; NaN never is
    }

    private static boolean sameBoolean(long before, boolean value) {
        return (before != 0) == value;
    }

    private static boolean sameValue(Snapshot snapshot, int slot, PropertyModel property, Object value) {
        Object before = snapshot.value(slot);
        return before == value || property.unchanged(before, value);
    }

    private static boolean and(boolean a, boolean b) {
        return a & b;
    }
}
