package io.dynamapper.guice;

import static java.util.Objects.requireNonNull;

import com.google.inject.matcher.AbstractMatcher;
import io.dynamapper.Isolation;
import io.dynamapper.SessionOptions;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the {@link Transactional} that applies to a method (its own, else its declaring class's)
 * and caches the result per {@link Method}, so the interceptor reads no annotation on a call. As a
 * matcher, selects the methods of one unit of work: one {@code bindInterceptor} per module, so a
 * method annotated in an annotated class is intercepted once.
 */
final class TransactionalMethods extends AbstractMatcher<Method> {
    private final Class<? extends Annotation> unit;
    private final SessionOptions baseOptions;
    private final ConcurrentHashMap<Method, Optional<Attributes>> cache = new ConcurrentHashMap<>();

    /**
     * @param unit the {@link Transactional#unit()} this module handles
     * @param baseOptions the options a method's {@link Transactional#consistentReads()} and
     *     {@link Transactional#isolation()} strengthen
     */
    TransactionalMethods(Class<? extends Annotation> unit, SessionOptions baseOptions) {
        this.unit = requireNonNull(unit, "unit == null");
        this.baseOptions = requireNonNull(baseOptions, "baseOptions == null");
    }

    @Override
    public boolean matches(Method method) {
        if (method.isSynthetic() || method.isBridge()) {
            return false;
        }
        return attributes(method).filter(a -> a.unit() == unit).isPresent();
    }

    /** The transactional attributes of a method, if it or its class is {@code @Transactional}. */
    Optional<Attributes> attributes(Method method) {
        return cache.computeIfAbsent(method, this::resolve);
    }

    private Optional<Attributes> resolve(Method method) {
        Transactional annotation = method.getAnnotation(Transactional.class);
        if (annotation == null) {
            annotation = method.getDeclaringClass().getAnnotation(Transactional.class);
        }
        if (annotation == null) {
            return Optional.empty();
        }
        String name = method.getDeclaringClass().getName() + "." + method.getName() + "()";
        if (annotation.maxAttempts() < 0) {
            throw new IllegalArgumentException("@Transactional(maxAttempts = " + annotation.maxAttempts()
                    + ") on " + name + ": maxAttempts must be at least 1, or 0 for the factory's retry policy");
        }
        SessionOptions options = baseOptions
                .withConsistentReads(baseOptions.consistentReads() || annotation.consistentReads())
                .withIsolation(annotation.isolation() == Isolation.SERIALIZABLE ? Isolation.SERIALIZABLE
                        : baseOptions.isolation());
        return Optional.of(new Attributes(name, annotation.maxAttempts(), List.of(annotation.rollbackOn()),
                List.of(annotation.ignore()), annotation.unit(),
                options.equals(baseOptions) ? Optional.empty() : Optional.of(options)));
    }

    @Override
    public String toString() {
        return "@Transactional(unit = " + unit.getName() + ") methods";
    }

    /**
     * What {@link Transactional} says about one method.
     *
     * @param method the method's name for messages, {@code com.example.Service.method()}
     * @param maxAttempts the annotation's attempts, 0 for the factory's
     * @param sessionOptions the options the method's session needs, empty when it asks for nothing
     *     beyond the module's
     */
    record Attributes(String method, int maxAttempts, List<Class<? extends Throwable>> rollbackOn,
                      List<Class<? extends Throwable>> ignore, Class<? extends Annotation> unit,
                      Optional<SessionOptions> sessionOptions) {

        /** Whether {@code failure} rolls back: it is one of {@code rollbackOn} and none of {@code ignore}. */
        boolean rollsBackOn(Throwable failure) {
            return isAny(rollbackOn, failure) && !isAny(ignore, failure);
        }

        private static boolean isAny(List<Class<? extends Throwable>> types, Throwable failure) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(failure)) {
                    return true;
                }
            }
            return false;
        }
    }
}
