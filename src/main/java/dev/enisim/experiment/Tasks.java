package dev.enisim.experiment;

import java.util.concurrent.ExecutionException;

/** Waiting on a thread pool's work, the same way everywhere: an interrupt is kept, a task's failure rethrown. */
final class Tasks {

    /** A wait that can be interrupted or fail with its task's exception. */
    interface Wait<T> {
        T get() throws InterruptedException, ExecutionException;
    }

    private Tasks() {
    }

    /** The result of {@code w}; a task's RuntimeException is rethrown as it is, anything else wrapped. */
    static <T> T await(Wait<T> w) {
        try {
            return w.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }
}
