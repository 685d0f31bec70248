package io.dynamapper.engine.internal.read;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A stream whose iterator, and so its first request, is created only when the stream is consumed. */
final class LazyStream {
    private LazyStream() {
    }

    static <T> Stream<T> of(Supplier<? extends Iterator<T>> source) {
        Spliterator<T> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private Iterator<T> iterator;

            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                if (iterator == null) {
                    iterator = source.get();
                }
                if (!iterator.hasNext()) {
                    return false;
                }
                action.accept(iterator.next());
                return true;
            }
        };
        return StreamSupport.stream(spliterator, false);
    }
}
