package io.dynamapper.engine.internal.mapping;

import io.dynamapper.MappingException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/** Builds method handles to fields, constructors and methods of entity classes, whatever their visibility. */
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

    /** (Object,Object)void */
    static MethodHandle setter(Field field) {
        try {
            return lookupIn(field.getDeclaringClass()).unreflectSetter(field)
                    .asType(MethodType.methodType(void.class, Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new MappingException("Cannot write field " + field, e);
        }
    }

    /** ()Object for a no-argument constructor, (Object[])Object for a record's canonical one. */
    static MethodHandle constructor(Constructor<?> constructor) {
        try {
            MethodHandle handle = lookupIn(constructor.getDeclaringClass()).unreflectConstructor(constructor);
            int arity = constructor.getParameterCount();
            MethodHandle generic = handle.asType(handle.type().generic());
            return arity == 0 ? generic : generic.asSpreader(Object[].class, arity);
        } catch (IllegalAccessException e) {
            throw new MappingException("Cannot call constructor " + constructor, e);
        }
    }

    /** ()Object */
    static MethodHandle staticMethod(Method method) {
        try {
            return lookupIn(method.getDeclaringClass()).unreflect(method)
                    .asType(MethodType.methodType(Object.class));
        } catch (IllegalAccessException e) {
            throw new MappingException("Cannot call " + method, e);
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
