package io.dynamapper.engine.internal.read;

import io.dynamapper.Filter;
import io.dynamapper.ReadEvent;
import io.dynamapper.Scan;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.retry.RetryBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The engine's {@link Scan}. {@link #list()} and {@link #count()} of a scan with several
 * {@link #segments(int) segments} read the segments concurrently on a pool made for the scan
 * ({@link ParallelSegments}); the items are then handed to the session on the calling thread, in
 * segment order. {@link #stream()} reads the segments one after another, lazily.
 *
 * <p>The session's open check runs on the calling thread: before the parallel phase and before each
 * request sent from the calling thread (workers do not touch the session).
 *
 * @param <T> the entity type
 */
final class DefaultScan<T> implements Scan<T> {
    /** DynamoDB's largest {@code TotalSegments}. */
    static final int MAX_SEGMENTS = 1_000_000;

    private final ReadContext ctx;
    private final EntityModel<T> model;
    private final List<Filter> filters = new ArrayList<>();
    private int limit;
    private boolean consistentRead;
    private int segments = 1;

    DefaultScan(ReadContext ctx, EntityModel<T> model) {
        this.ctx = Objects.requireNonNull(ctx, "ctx == null");
        this.model = Objects.requireNonNull(model, "model == null");
    }

    @Override
    public Scan<T> filter(Filter filter) {
        filters.add(Objects.requireNonNull(filter, "filter == null"));
        return this;
    }

    @Override
    public Scan<T> limit(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + value);
        }
        limit = value;
        return this;
    }

    @Override
    public Scan<T> consistentRead() {
        consistentRead = true;
        return this;
    }

    @Override
    public Scan<T> segments(int value) {
        if (value < 1 || value > MAX_SEGMENTS) {
            throw new IllegalArgumentException("segments must be 1 to " + MAX_SEGMENTS + ", was " + value);
        }
        segments = value;
        return this;
    }

    /**
     * {@inheritDoc}
     *
     * <p>With a {@link #limit(int)}, each segment stops reading once it holds that many items; the
     * calling thread takes items in segment order and reads further only if the session skipped some.
     */
    @Override
    public List<T> list() {
        Compiled compiled = compile();
        List<PagedItems> sources = compiled.sources();
        long max = max();
        if (sources.size() > 1) {
            ctx.checkOpen().run();
            List<Callable<Void>> tasks = new ArrayList<>(sources.size());
            for (PagedItems source : sources) {
                tasks.add(() -> {
                    while (!source.exhausted() && source.buffered() < max) {
                        source.fetch(compiled.hint(max - source.buffered()));
                    }
                    return null;
                });
            }
            ParallelSegments.run(tasks);
        }
        List<T> result = new ArrayList<>();
        new EntityIterator<>(model, ctx.loader(), sources, max, !compiled.filtered).forEachRemaining(result::add);
        return result;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Validated at this call; no request is sent before the first element is asked for.
     */
    @Override
    public Stream<T> stream() {
        Compiled compiled = compile();
        long max = max();
        return LazyStream.of(() -> new EntityIterator<>(model, ctx.loader(), compiled.sources(), max, !compiled.filtered));
    }

    /**
     * {@inheritDoc}
     *
     * <p>At most the {@link #limit(int)}; segments are counted concurrently. Entities pending
     * deletion in the session are still counted, since nothing is loaded.
     */
    @Override
    public long count() {
        Compiled compiled = compile();
        long max = max();
        if (segments == 1) {
            return Math.min(compiled.count(0, max), max);
        }
        ctx.checkOpen().run();
        List<Callable<Long>> tasks = new ArrayList<>(segments);
        for (int i = 0; i < segments; i++) {
            int segment = i;
            tasks.add(() -> compiled.count(segment, max));
        }
        long total = 0;
        for (long n : ParallelSegments.run(tasks)) {
            total += n;
        }
        return Math.min(total, max);
    }

    private long max() {
        return limit == 0 ? Long.MAX_VALUE : limit;
    }

    private Compiled compile() {
        Expressions expressions = new Expressions();
        String filterExpression = new FilterCompiler(model, expressions, Set.of(), "").compileAll(filters);
        ScanRequest base = ScanRequest.builder()
                .tableName(model.tableName())
                .filterExpression(filterExpression)
                .expressionAttributeNames(expressions.names())
                .expressionAttributeValues(expressions.values())
                .consistentRead(consistentRead || ctx.consistentReads())
                .build();
        return new Compiled(base, filterExpression != null);
    }

    /** A validated request and how to read its segments. */
    private final class Compiled {
        final ScanRequest base;
        final boolean filtered;
        /** The thread that runs the scan: the only one that may touch the session. */
        final Thread caller = Thread.currentThread();
        /** The caller's retry budget, which worker threads of a parallel scan share. */
        final RetryBudget budget = ctx.budget().get();

        Compiled(ScanRequest base, boolean filtered) {
            this.base = base;
            this.filtered = filtered;
        }

        Integer hint(long remaining) {
            return filtered || remaining >= Integer.MAX_VALUE ? null : (int) remaining;
        }

        List<PagedItems> sources() {
            List<PagedItems> sources = new ArrayList<>(segments);
            for (int i = 0; i < segments; i++) {
                int segment = i;
                sources.add(new PagedItems((start, pageLimit, countOnly) -> fetch(segment, start, pageLimit, countOnly),
                        null));
            }
            return sources;
        }

        long count(int segment, long max) {
            long total = 0;
            Map<String, AttributeValue> start = null;
            do {
                RawPage page = fetch(segment, start, hint(max - total), true);
                total += page.count();
                start = page.lastEvaluatedKey().orElse(null);
            } while (start != null && total < max);
            return total;
        }

        /** One request; on a worker thread the session's open check is skipped (it ran on the calling thread). */
        RawPage fetch(int segment, Map<String, AttributeValue> start, Integer pageLimit, boolean countOnly) {
            ScanRequest.Builder request = base.toBuilder().exclusiveStartKey(start).limit(pageLimit);
            if (segments > 1) {
                request.segment(segment).totalSegments(segments);
            }
            if (countOnly) {
                request.select(Select.COUNT);
            }
            ScanRequest built = request.build();
            Runnable check = Thread.currentThread() == caller ? ctx.checkOpen() : () -> { };
            long started = System.nanoTime();
            ScanResponse response = ReadFailures.send(check, budget, ctx.listeners(), "Scan", model, null,
                    () -> ctx.client().scan(built));
            List<Map<String, AttributeValue>> items = response.hasItems() ? response.items() : List.of();
            Reads.received(ctx, ReadEvent.Operation.SCAN, model, items, true, ReadEvent.Cache.NONE, started);
            return new RawPage(items,
                    response.count() == null ? 0 : response.count(),
                    RawPage.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey()));
        }
    }
}
