package dev.enisim.experiment;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleSupplier;

/**
 * Runs tasks on up to {@code threads} threads, started in the order they are submitted, each only when the heap its
 * estimate ({@code bytes}), added to that of the tasks running, fits in {@code heapBytes} (a task runs alone when it
 * does not fit even so). The rule {@code check} has used since it ran replications of many scenarios at once, used
 * by {@code run --replications --parallel} and the sweep's in-process engine too: there, two replications of a
 * 500-function account's day ran out of memory side by side at -Xmx300m where one after the other they ran (a
 * review's r11/r12). Closing it stops the tasks still running or waiting.
 */
public class HeapPool implements AutoCloseable {

    private final ExecutorService executor;
    private final double heapBytes;
    private double running; // bytes of the tasks running, guarded by this
    private int count; // tasks running, guarded by this

    /** {@code name}: its threads' name; {@code heapBytes}: the heap the tasks running may take together. */
    public HeapPool(int threads, double heapBytes, String name) {
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true); // a run still going when the command stops (bad input found) must not keep the JVM
            return t;
        });
        this.heapBytes = heapBytes;
    }

    /** {@code task}, started when its {@code bytes} fit beside those running. */
    public <T> Future<T> submit(double bytes, Callable<T> task) {
        return submit(() -> bytes, task);
    }

    /**
     * {@code task}, started when its {@code bytes}, estimated on the pool's thread just before (a sweep's point reads
     * its scenario to know them), fit beside those running.
     */
    public <T> Future<T> submit(DoubleSupplier bytes, Callable<T> task) {
        return executor.submit(admitted(bytes, task));
    }

    /**
     * {@code task} as it runs on this pool: waiting until its {@code bytes} fit, then run (for a completion service
     * over {@link #executor()}).
     */
    public <T> Callable<T> admitted(DoubleSupplier bytes, Callable<T> task) {
        return () -> {
            double b = bytes.getAsDouble();
            admit(b);
            try {
                return task.call();
            } finally {
                leave(b);
            }
        };
    }

    private synchronized void admit(double bytes) throws InterruptedException {
        while (count > 0 && running + bytes > heapBytes) {
            wait();
        }
        count++;
        running += bytes;
    }

    private synchronized void leave(double bytes) {
        count--;
        running -= bytes;
        notifyAll();
    }

    /** The threads underneath, for a completion service of {@link #admitted} tasks. */
    public java.util.concurrent.Executor executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
