package dev.enisim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Option;

/** {@code --parallel}, shared by the commands that run replications (a picocli mixin). */
final class Parallelism {

    @Option(names = "--parallel", description = "Run replications on all cores (same numbers as sequential).")
    boolean parallel;

    /** The threads to run replications on. */
    int threads() {
        return parallel ? Runtime.getRuntime().availableProcessors() : 1;
    }

    /**
     * Runs {@code tasks} on up to {@code threads} threads, started in the list's order, each only when the heap its
     * {@code bytes} estimate, added to that of the tasks running, fits in {@code heapBytes} (a task runs alone when
     * it does not fit even so). Their results come back in the list's order, whatever order they finish in.
     * Closing it stops the tasks still running or waiting.
     */
    static final class Pool implements AutoCloseable {

        private final ExecutorService executor;
        private final double heapBytes;
        private double running; // bytes of the tasks running, guarded by this
        private int count; // tasks running, guarded by this

        Pool(int threads, double heapBytes) {
            this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
                Thread t = new Thread(r, "enisim-check");
                t.setDaemon(true); // a run still going when the command stops (bad input found) must not keep the JVM
                return t;
            });
            this.heapBytes = heapBytes;
        }

        /** {@code task}, started when its {@code bytes} fit beside those running. */
        <T> Future<T> submit(double bytes, Callable<T> task) {
            return executor.submit(() -> {
                admit(bytes);
                try {
                    return task.call();
                } finally {
                    leave(bytes);
                }
            });
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

        /**
         * The result of {@code f}: a task's RuntimeException or Error (an OutOfMemoryError) rethrown as it is, for
         * the command to say in one line as it says a serial run's.
         */
        static <T> T await(Future<T> f) {
            return dev.enisim.experiment.Tasks.await(f::get);
        }

        /** The results of {@code futures}, in their order. */
        static <T> List<T> awaitAll(List<Future<T>> futures) {
            List<T> out = new ArrayList<>(futures.size());
            for (Future<T> f : futures) {
                out.add(await(f));
            }
            return out;
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
