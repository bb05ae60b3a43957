package dev.enisim.cli;

import java.util.ArrayList;
import java.util.List;
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

    /** The heap the replications running may take together: {@code check}'s share of the JVM's maximum. */
    static double heapRoom() {
        return CheckCommand.HEAP_SHARE * Runtime.getRuntime().maxMemory();
    }

    /**
     * Runs {@code tasks} on up to {@code threads} threads, started in the list's order, each only when the heap its
     * {@code bytes} estimate, added to that of the tasks running, fits in {@code heapBytes} (a task runs alone when
     * it does not fit even so: {@link dev.enisim.experiment.HeapPool}). Their results come back in the list's order,
     * whatever order they finish in. Closing it stops the tasks still running or waiting.
     */
    static final class Pool extends dev.enisim.experiment.HeapPool {

        Pool(int threads, double heapBytes) {
            super(threads, heapBytes, "enisim-check");
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
    }
}
