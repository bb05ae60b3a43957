package dev.enisim.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * The bench's warm-up before a workload's timed runs: runs of a tenth of its simulated time, each a new world as a
 * timed run is. Up to pass 14 it was one tenth, which ends before C2 has finished: the arrival's and completion's
 * units are compiled, thrown away at the next world's first branches (traps) and compiled again during the first
 * timed runs, so those measured in part how far the JIT had got (HISTORY, fourteenth pass). {@link Mode#AUTO} runs
 * tenths until the JIT is quiet: {@link #QUIET_TENTHS} tenths in a row during each of which the JVM's compilers
 * worked for less than {@link #QUIET_SHARE} of the tenth's wall time, at most {@link #MAX_TENTHS} tenths (a whole
 * run's simulated time). Wall time on both sides: the JVM's compile time is elapsed time, which a loaded machine
 * stretches as it stretches the tenth's (against the tenth's CPU time, at load 16 on 2 cores, every tenth looked busy
 * and the warm-up ran to the cap). In the compilation logs behind the rule (HISTORY, fifteenth pass; load 14 to 20) a
 * {@code loss-100} tenth's compile time fell from 5 to 7 s (the first) through 1 to 3.7 s (the second to the fifth:
 * C2 compiling the hot units again after the second world's traps, then the intermediate methods on their own) to
 * 0.1 to 0.4 s from the eighth on, and no hot unit was made not entrant after the second; the rule stopped after the
 * seventh and the ninth. Two tenths in a row, because a long C2 compile counts only when it ends. Branches that only
 * a whole run takes (a sum past 2^53, a clock far from the sources' base) are never seen by a tenth.
 */
public final class Warmup {

    /** How long a workload warms up. */
    public enum Mode {
        /** One tenth of the simulated time: the bench's warm-up up to pass 14 (the figures before pass 15). */
        TENTH,
        /** Tenths until the JIT is quiet, at most {@link #MAX_TENTHS}: the default from pass 15 on. */
        AUTO;

        /** The option's value: {@code tenth} or {@code auto}. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** At most this many tenths (a whole run's simulated time): a JIT still busy then is reported as not quiet. */
    public static final int MAX_TENTHS = 10;

    /** Quiet tenths in a row that end the warm-up. */
    public static final int QUIET_TENTHS = 2;

    /** A tenth is quiet when the compilers worked for less than this share of its wall time. */
    public static final double QUIET_SHARE = 0.5;

    /** Milliseconds the JVM's compilers have spent so far, all threads (a test's own clock in tests). */
    @FunctionalInterface
    interface CompileClock {
        long totalMillis();
    }

    /** HotSpot's compile clock; one that stands still where the JVM does not measure it (every tenth quiet). */
    static CompileClock hotspot() {
        CompilationMXBean c = ManagementFactory.getCompilationMXBean();
        if (c == null || !c.isCompilationTimeMonitoringSupported()) {
            return () -> 0;
        }
        return c::getTotalCompilationTime;
    }

    /**
     * What a warm-up did.
     *
     * @param tenths         tenths run
     * @param compileSeconds the compilers' time while they ran (elapsed, all compiler threads, C1 and C2)
     * @param seconds        the tenths' wall time
     * @param quiet          whether the last {@link #QUIET_TENTHS} were quiet (in {@link Mode#TENTH}: whether the one
     *                       tenth was)
     */
    public record Done(Mode mode, int tenths, double compileSeconds, double seconds, boolean quiet) {

        /** "7 tenths (auto, the JIT quiet) in 3.21 s, 1.94 s compiling". */
        public String describe() {
            return String.format(Locale.ROOT, "%d tenth%s (%s%s) in %.2f s, %.2f s compiling", tenths,
                    tenths == 1 ? "" : "s", mode, mode == Mode.TENTH ? "" : quiet ? ", the JIT quiet"
                            : ", the JIT still compiling at the cap", seconds, compileSeconds);
        }
    }

    private Warmup() {
    }

    /**
     * Runs {@code tenth} (one tenth of the workload, a new world) as {@code mode} says, measuring each by
     * {@code compiles} and the wall clock {@code nanos} ({@code System::nanoTime}); {@code progress} is told of each
     * tenth after the first.
     */
    static Done run(Mode mode, Runnable tenth, CompileClock compiles, LongSupplier nanos, IntConsumer progress) {
        long compile0 = compiles.totalMillis();
        long wall0 = nanos.getAsLong();
        int tenths = 0;
        int quietInARow = 0;
        int limit = mode == Mode.AUTO ? MAX_TENTHS : 1;
        while (tenths < limit && quietInARow < QUIET_TENTHS) {
            if (tenths > 0) {
                progress.accept(tenths + 1);
            }
            long compiled = compiles.totalMillis();
            long wall = nanos.getAsLong();
            tenth.run();
            tenths++;
            boolean quiet = (compiles.totalMillis() - compiled) * 1e6 < QUIET_SHARE * (nanos.getAsLong() - wall);
            quietInARow = quiet ? quietInARow + 1 : 0;
        }
        boolean quiet = mode == Mode.AUTO ? quietInARow >= QUIET_TENTHS : quietInARow > 0;
        return new Done(mode, tenths, (compiles.totalMillis() - compile0) / 1e3, (nanos.getAsLong() - wall0) / 1e9,
                quiet);
    }
}
