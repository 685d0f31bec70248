package io.dynamapper.inmemory.contract;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The selected backends, started once per test run (kept in JUnit's root store, which closes
 * them when the run ends) and handed to {@link ContractSuite}'s test factory as a parameter.
 */
final class RunningBackends implements AutoCloseable {

    /** A started backend. */
    record Running(Backend backend, Backend.Instance instance) {
        String name() {
            return backend.name();
        }
    }

    private final List<Running> running;

    private RunningBackends(List<Running> running) {
        this.running = List.copyOf(running);
    }

    static RunningBackends start(List<Backend> backends) {
        List<Running> started = new ArrayList<>();
        try {
            for (Backend backend : backends) {
                started.add(new Running(backend, backend.starter().get()));
            }
        } catch (RuntimeException e) {
            new RunningBackends(started).closeAll(e);
            throw e;
        }
        return new RunningBackends(started);
    }

    List<Running> all() {
        return running;
    }

    @Override
    public void close() {
        RuntimeException failure = new IllegalStateException("shutting down contract backends failed");
        closeAll(failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private void closeAll(RuntimeException collector) {
        for (Running r : running) {
            try {
                r.instance().shutdown().run();
            } catch (RuntimeException e) {
                collector.addSuppressed(e);
            }
        }
    }

    /** Resolves a {@link RunningBackends} parameter, starting the backends on first use in the run. */
    static final class Resolver implements ParameterResolver {
        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(RunningBackends.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningBackends.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                    RunningBackends.class, k -> start(ContractBackends.selected()), RunningBackends.class);
        }
    }
}
