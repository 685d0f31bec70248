package io.dynamapper.engine.internal.session;

import io.dynamapper.DynamapperException;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.PropertyModel;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Puts a mutable entity back into the state of its snapshot, in place (so references the caller
 * holds see the rollback). Used only by {@code Session.rollback()}: the field setters are looked up
 * once per class and cached.
 */
final class Reverter {
    private static final ClassValue<MethodHandle[]> SETTERS = new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
            List<PropertyModel> properties = EntityModel.of(type).properties();
            MethodHandle[] setters = new MethodHandle[properties.size()];
            for (int i = 0; i < setters.length; i++) {
                setters[i] = setter(type, properties.get(i).fieldName());
            }
            return setters;
        }
    };

    private Reverter() {
    }

    /** Restores every property but the version from {@code snapshot} ({@link EntityModel#snapshot} order). */
    static void revert(EntityModel<Object> model, Object instance, Object[] snapshot) {
        MethodHandle[] setters = SETTERS.get(model.type());
        PropertyModel version = model.version().orElse(null);
        List<PropertyModel> properties = model.properties();
        int slot = 0;
        for (int i = 0; i < properties.size(); i++) {
            PropertyModel p = properties.get(i);
            if (p == version) {
                continue;
            }
            Object saved = snapshot[slot++];
            if (p.unchanged(saved, p.read(instance))) {
                continue;
            }
            Object value;
            if (p.codec().immutable()) {
                value = saved;
            } else if (saved == null) {
                value = p.codec().missingValue();
            } else {
                value = p.codec().decode((AttributeValue) saved);
            }
            try {
                setters[i].invoke(instance, value);
            } catch (Throwable t) {
                throw new DynamapperException("Cannot roll back field " + p.describe() + ": " + t, t);
            }
        }
    }

    private static MethodHandle setter(Class<?> type, String fieldName) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(fieldName);
                field.setAccessible(true);
                return MethodHandles.lookup().unreflectSetter(field);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new DynamapperException("Cannot roll back " + type.getName() + "." + fieldName + ": " + e, e);
            }
        }
        throw new DynamapperException("Cannot roll back " + type.getName() + ": no field " + fieldName);
    }
}
