package dev.enisim.experiment;

import java.util.concurrent.ExecutionException;

/**
 * Waiting on a thread pool's work, the same way everywhere (replications, sweeps' points, {@code check}'s pool): an
 * interrupt is kept, a task's failure rethrown.
 */
public final class Tasks {

    /** A wait that can be interrupted or fail with its task's exception. */
    public interface Wait<T> {
        T get() throws InterruptedException, ExecutionException;
    }

    private Tasks() {
    }

    /**
     * The result of {@code w}; a task's RuntimeException or Error is rethrown as it is, anything else wrapped. An
     * Error as it is: an OutOfMemoryError of a replication run with {@code --parallel} came back wrapped in an
     * IllegalStateException, which the command line took for a bug (an internal error and its stack trace, exit 1)
     * where a serial run's says the heap in one line (exit 2).
     */
    public static <T> T await(Wait<T> w) {
        try {
            return w.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error er) {
                throw er;
            }
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }
}
