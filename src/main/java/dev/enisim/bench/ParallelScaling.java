package dev.enisim.bench;

import dev.enisim.experiment.Replications;
import dev.enisim.metrics.Series;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * How replications scale with cores (issue 16: {@code run --replications N --parallel} and sweeps at least 1.8x on
 * 2 cores): a workload's {@code replications} replications run in-process one after another on this thread, then on
 * as many threads as there are cores ({@link Replications#run}, what {@code run --replications N --parallel} does),
 * after a warm-up (one replication, untimed: the compilation the JVM does at first, a fixed 2.5 to 3 s of CPU for
 * {@code account}, would otherwise fall on the serial way, as it does on whichever runs first in a fresh JVM). Each
 * replication is digested on the thread that ran it (a SHA-256 of its summary and every time series), so that the two
 * ways are shown to give the same numbers.
 */
public final class ParallelScaling {

    /**
     * The figures.
     *
     * @param cores               the cores the JVM sees
     * @param threads             threads the parallel way ran on (the cores, at most one per replication)
     * @param serialWallSeconds   wall time of the replications one after another
     * @param parallelWallSeconds wall time of the same on {@code threads} threads
     * @param speedup             {@code serialWallSeconds / parallelWallSeconds}
     * @param serialCpuSeconds    the process's CPU time over the serial way (the JIT and the collector included)
     * @param parallelCpuSeconds  the same over the parallel way
     * @param identical           both ways gave every replication the same summary and time series
     * @param digests             each replication's digest (the serial way's), in replication order
     */
    public record Figure(String workload, double simulatedSeconds, int replications, int cores, int threads,
            long eventsPerReplication, double serialWallSeconds, double parallelWallSeconds, double speedup,
            double serialCpuSeconds, double parallelCpuSeconds, boolean identical, List<String> digests) {
    }

    private ParallelScaling() {
    }

    /** Measures {@code scenario} ({@code name}) over {@code replications} replications, serially then in parallel. */
    public static Figure measure(String name, Scenario scenario, int replications, Consumer<String> progress) {
        if (replications < 2) {
            throw new IllegalArgumentException("parallel scaling needs at least 2 replications: " + replications);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = Math.max(1, Math.min(cores, replications));
        progress.accept(name + " x " + replications + ": warm-up");
        new Simulation(scenario, 0).run();
        progress.accept(name + " x " + replications + ": serially");
        Timed serial = Timed.run(scenario, replications, 1);
        progress.accept(name + " x " + replications + ": on " + threads + " threads");
        Timed parallel = Timed.run(scenario, replications, threads);
        long events = serial.events;
        return new Figure(name, scenario.durationMicros() / 1e6, replications, cores, threads, events,
                serial.wallSeconds, parallel.wallSeconds, serial.wallSeconds / parallel.wallSeconds,
                serial.cpuSeconds, parallel.cpuSeconds, serial.digests.equals(parallel.digests), serial.digests);
    }

    /** One way's wall and process CPU time, and the replications' digests. */
    private record Timed(double wallSeconds, double cpuSeconds, List<String> digests, long events) {

        static Timed run(Scenario scenario, int replications, int threads) {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            System.gc();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            List<Digested> runs = Replications.run(scenario, replications, threads, ParallelScaling::digest);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            return new Timed(wall, cpu, runs.stream().map(Digested::sha256).toList(), runs.get(0).events());
        }
    }

    /** A replication's digest and its events. */
    record Digested(String sha256, long events) {
    }

    /** A SHA-256 of the run's summary (its record text) and of every time series (its name and values). */
    static Digested digest(RunResult r) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        sha.update(r.summary().toString().getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(8);
        for (Series s : r.timeSeries().series()) {
            sha.update((s.column() + "\n").getBytes(StandardCharsets.UTF_8));
            for (long v : s.values()) {
                b.clear();
                sha.update(b.putLong(v).array());
            }
        }
        return new Digested(HexFormat.of().formatHex(sha.digest()), r.summary().events().total());
    }
}
