package io.dynamapper.engine.internal.mapping;

import io.dynamapper.MappingException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;

/**
 * Access to fields, constructors and methods of entity classes, whatever their visibility: core
 * reflection made accessible, which costs little to set up, for what a model does from its first use
 * (building a model must not spin method handle classes: a fresh JVM pays tens of milliseconds for
 * them), and method handles for what is compiled once a class is hot ({@link CleanCheck}).
 */
final class Accessors {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private Accessors() {
    }

    static MethodHandles.Lookup lookupIn(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, LOOKUP);
        } catch (IllegalAccessException e) {
            throw new MappingException("Cannot access " + type.getName() + ": its package must be open to "
                    + "Dynamapper (add 'opens " + type.getPackageName() + "' to module-info.java)", e);
        }
    }

    /**
     * The member made accessible.
     *
     * @throws MappingException if the member's package is not open to Dynamapper
     */
    static <A extends AccessibleObject & Member> A accessible(A member) {
        try {
            member.setAccessible(true);
            return member;
        } catch (InaccessibleObjectException | SecurityException e) {
            Class<?> type = member.getDeclaringClass();
            throw new MappingException("Cannot access " + type.getName() + ": its package must be open to "
                    + "Dynamapper (add 'opens " + type.getPackageName() + "' to module-info.java)", e);
        }
    }

    /** Calls an {@link #accessible} method; what it throws is thrown as is (checked exceptions wrapped). */
    static Object invoke(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (IllegalAccessException e) {
            throw new MappingException("Cannot call " + method, e);
        }
    }

    /** Calls an {@link #accessible} constructor; what it throws is thrown as is (checked exceptions wrapped). */
    static Object newInstance(Constructor<?> constructor, Object... args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new MappingException("Cannot call constructor " + constructor, e);
        }
    }

    /** (Owner)FieldType: typed, so that primitive fields can be read without boxing. */
    static MethodHandle getter(Field field) {
        try {
            return lookupIn(field.getDeclaringClass()).unreflectGetter(field);
        } catch (IllegalAccessException e) {
            throw new MappingException("Cannot read field " + field, e);
        }
    }

    /** (Owner)ComponentType: typed, so that primitive components can be read without boxing. */
    static MethodHandle getter(Method accessor) {
        try {
            return lookupIn(accessor.getDeclaringClass()).unreflect(accessor);
        } catch (IllegalAccessException e) {
            throw new MappingException("Cannot call " + accessor, e);
        }
    }

    /** The handle with its parameter and return types erased to Object. */
    static MethodHandle generic(MethodHandle handle) {
        return handle.asType(handle.type().generic());
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new MappingException("Unexpected checked exception from entity code: " + t, t);
    }
}
