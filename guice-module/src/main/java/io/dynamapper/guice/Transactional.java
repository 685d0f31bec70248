package io.dynamapper.guice;

import io.dynamapper.Isolation;
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
 * <li>An {@link io.dynamapper.OptimisticLockException} from the method or from the commit re-runs
 *     the whole method in a fresh session (it sees the stored state anew), while the unit of work's
 *     {@link io.dynamapper.RetryPolicy} budget lasts: {@link #maxAttempts()} (or the policy's)
 *     attempts in all, shared with every retry of the commits and reads inside, with the policy's
 *     backoff. A {@link io.dynamapper.RetriesExhaustedException} means that budget is spent and is
 *     not re-run; a {@link io.dynamapper.CommitOutcomeUnknownException} is never re-run.
 *     <strong>The method must therefore be safe to run more than once</strong>: keep side effects
 *     outside DynamoDB out of it or make them idempotent. When every attempt failed, the last
 *     failure is thrown with the earlier ones attached as suppressed exceptions, oldest first.</li>
 * <li>Nothing is dropped silently. In a unit of work begun outside the call (by
 *     {@link UnitOfWork#run} or a filter), a re-run replaces the unit's session with a fresh one, so
 *     entities read before the call are no longer managed afterwards: read them again. If the unit's
 *     session already held pending changes when the call started (made outside the method), the
 *     call is never re-run and a failure does not roll back: the failure is thrown, nothing is
 *     written, and the session still holds every pending change, those made before the call and the
 *     method's own, with the entities still managed. The caller may fix and commit them, or end the
 *     unit of work to discard them (a warning is logged).</li>
 * </ul>
 *
 * <h2>Session options</h2>
 * {@link #consistentReads()} and {@link #isolation()} strengthen the options of the session the
 * transaction runs in: the module's session options (or {@link io.dynamapper.SessionOptions#defaults()}
 * for a module given an existing {@link io.dynamapper.SessionFactory}), with strongly consistent
 * reads and {@link Isolation#SERIALIZABLE} where the method asks for them. They never weaken them.
 * The session is opened with them when the transaction first uses it, and again on every re-run. A
 * call that would run in a session that does not have them (one a unit of work begun elsewhere
 * opened before the call, or the session of a transaction it joins) fails with
 * {@link IllegalStateException} before the method runs: annotate the outermost method instead.
 *
 * <pre>{@code
 * @Transactional(consistentReads = true, isolation = Isolation.SERIALIZABLE)
 * public void settle(String account) { ... }
 * }</pre>
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
     *
     * @return the attempts, or 0 for the retry policy's
     */
    int maxAttempts() default 0;

    /**
     * The exceptions that roll the transaction back (or, in a joined call, make it rollback-only).
     * Any other exception thrown by the method commits the session and is then rethrown.
     *
     * @return the exception types that roll back
     */
    Class<? extends Throwable>[] rollbackOn() default {RuntimeException.class, Error.class};

    /**
     * Exceptions among {@link #rollbackOn()} that commit nevertheless (and are then rethrown).
     *
     * @return the exception types that commit although {@code rollbackOn} lists them
     */
    Class<? extends Throwable>[] ignore() default {};

    /**
     * Whether the transaction's session reads with strong consistency ({@code ConsistentRead}).
     * {@code false} (the default) leaves the module's session options as they are.
     *
     * @return true for strongly consistent reads
     */
    boolean consistentReads() default false;

    /**
     * What the transaction's commit checks: {@link Isolation#SERIALIZABLE} also checks the versions
     * of the entities it only read. {@link Isolation#READ_COMMITTED} (the default) leaves the
     * module's session options as they are.
     *
     * @return the isolation the method needs at least
     */
    Isolation isolation() default Isolation.READ_COMMITTED;

    /**
     * The binding annotation of the {@link DynamapperModule} whose unit of work the method runs in,
     * for injectors with several session factories (see
     * {@link DynamapperModule.Builder#annotatedWith(Class)}); by default the module installed
     * without a binding annotation.
     *
     * @return the module's binding annotation, or {@link Default}
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
