package io.dynamapper.guice;

import java.lang.annotation.Annotation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a method of an injected object in a transaction of the {@link UnitOfWork} of a
 * {@link DynamapperModule}: the session the method works with (the injected {@code Session}) is
 * committed when the outermost {@code @Transactional} method returns.
 *
 * <pre>{@code
 * class Transfers {
 *     private final Session session;
 *
 *     @Inject Transfers(Session session) { this.session = session; }
 *
 *     @Transactional
 *     public void transfer(String from, String to, long amount) {
 *         session.get(Account.class, from).balance -= amount;
 *         session.get(Account.class, to).balance += amount;
 *     }                                   // one atomic write of both accounts here
 * }
 * }</pre>
 *
 * <h2>What happens</h2>
 * <ul>
 * <li>If no transaction is active on the thread, the call starts one: in the thread's unit of
 *     work if one was begun (for example by a servlet filter), otherwise in a unit of work of its
 *     own that ends (and closes its session) when the call returns. When the method returns
 *     normally, the session is committed.</li>
 * <li>If a transaction is already active, the call joins it: it neither commits nor retries on
 *     its own. If it throws an exception that rolls back (see {@link #rollbackOn()}), the whole
 *     transaction becomes rollback-only, even if the caller catches the exception: the outermost
 *     call then commits nothing and throws {@link RollbackOnlyException}.</li>
 * <li>An exception that rolls back discards the session's pending changes
 *     ({@code Session.rollback()}) and is rethrown unchanged; nothing is written. A checked
 *     exception that does not roll back (one not listed in {@code rollbackOn}, or listed in
 *     {@link #ignore()}) <em>commits</em> the session and is then rethrown.</li>
 * <li>An {@link io.dynamapper.OptimisticLockException} or {@link io.dynamapper.RetriesExhaustedException}
 *     from the method or from the commit re-runs the whole method in a fresh session, up to
 *     {@link #maxAttempts()} attempts, waiting between attempts with the factory's
 *     {@link io.dynamapper.RetryPolicy} backoff. <strong>The method must therefore be safe to run
 *     more than once</strong>: keep side effects outside DynamoDB out of it or make them idempotent.
 *     When every attempt failed, the last failure is thrown with the earlier ones attached as
 *     suppressed exceptions, oldest first.</li>
 * </ul>
 *
 * <p>On a class, the annotation applies to every method Guice can intercept (public, protected or
 * package-private, non-final, non-static methods declared in the class); a method's own annotation
 * overrides its class's. Like every Guice interceptor, it only works on instances Guice creates,
 * and not on calls a method makes to another method of the same object ({@code this.other()}
 * is not intercepted).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Transactional {

    /**
     * Attempts in all, including the first, when the method or its commit conflicts; {@code 0}
     * (the default) means the factory's {@link io.dynamapper.RetryPolicy#maxAttempts()}. {@code 1}
     * disables retries. Ignored by a call that joins a transaction already active.
     */
    int maxAttempts() default 0;

    /**
     * The exceptions that roll the transaction back (or, in a joined call, make it rollback-only).
     * Any other exception thrown by the method commits the session and is then rethrown.
     */
    Class<? extends Throwable>[] rollbackOn() default {RuntimeException.class, Error.class};

    /** Exceptions among {@link #rollbackOn()} that commit nevertheless (and are then rethrown). */
    Class<? extends Throwable>[] ignore() default {};

    /**
     * The binding annotation of the {@link DynamapperModule} whose unit of work the method runs in,
     * for injectors with several session factories (see
     * {@link DynamapperModule.Builder#annotatedWith(Class)}); by default the module installed
     * without a binding annotation.
     */
    Class<? extends Annotation> unit() default Default.class;

    /**
     * The {@link #unit()} of a {@code @Transactional} method run by the {@link DynamapperModule}
     * installed without a binding annotation. Not a binding annotation itself.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Default {
    }
}
