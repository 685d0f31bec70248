package io.dynamapper.engine.internal.read;

import io.dynamapper.DynamapperException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the segments of one parallel scan on a small pool created for that scan and shut down
 * after it. The first failure cancels the other segments and is rethrown on the calling thread.
 * Tasks must not touch the session: they only read from DynamoDB into buffers.
 */
final class ParallelSegments {
    /** At most this many segments are read at the same time. */
    static final int MAX_THREADS = 8;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private ParallelSegments() {
    }

    /** Runs every task and returns their results in task order. */
    static <R> List<R> run(List<Callable<R>> tasks) {
        int threads = Math.min(tasks.size(), MAX_THREADS);
        int pool = POOLS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread t = new Thread(runnable, "dynamapper-scan-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService executor = Executors.newFixedThreadPool(threads, factory);
        try {
            ExecutorCompletionService<R> completion = new ExecutorCompletionService<>(executor);
            List<Future<R>> futures = new ArrayList<>(tasks.size());
            for (Callable<R> task : tasks) {
                futures.add(completion.submit(task));
            }
            for (int i = 0; i < tasks.size(); i++) {
                Future<R> done = completion.take(); // in completion order: the first failure ends the scan
                done.get();
            }
            List<R> results = new ArrayList<>(tasks.size());
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynamapperException("Interrupted while waiting for a parallel scan", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new DynamapperException("A parallel scan segment failed: " + cause, cause);
        } catch (CancellationException e) {
            throw new DynamapperException("A parallel scan segment was cancelled", e);
        } finally {
            executor.shutdownNow();
        }
    }
}
