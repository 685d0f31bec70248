package io.dynamapper.engine.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The engine works for users who do not validate: with {@code jakarta.validation} missing from the
 * classpath, a factory is built and a session commits. The classes of Dynamapper are loaded again by
 * a loader that cannot see {@code jakarta.validation}; everything else comes from the test's loader.
 */
class WithoutBeanValidationTest {

    /** Loads io.dynamapper classes itself, refuses jakarta.validation, delegates the rest. */
    static final class NoJakartaLoader extends ClassLoader {
        NoJakartaLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("jakarta.validation.") || name.startsWith("org.hibernate.validator.")) {
                    throw new ClassNotFoundException(name + " (hidden by the test)");
                }
                if (!name.startsWith("io.dynamapper.")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }

    @Test
    void theEngineBuildsAndCommitsWithoutJakartaValidationOnTheClasspath() throws Exception {
        ClassLoader loader = new NoJakartaLoader(getClass().getClassLoader());
        Class<?> probe = loader.loadClass(NoValidationProbe.class.getName());
        @SuppressWarnings("unchecked")
        Callable<String> run = (Callable<String>) probe.getDeclaredConstructor().newInstance();
        assertEquals("hidden, committed with 1 put", run.call());
    }
}
