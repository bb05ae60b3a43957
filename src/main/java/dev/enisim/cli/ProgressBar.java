package dev.enisim.cli;

import dev.enisim.run.Progress;
import java.io.PrintWriter;

/**
 * Progress of a long run on the terminal (simulated time reached, events/s), shown only when the output is a
 * terminal and the run has taken more than a second; refreshed at most five times a second. Wall-clock time is
 * used here only, for display: it never reaches a result.
 */
final class ProgressBar implements Progress {

    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REFRESH_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public void update(long simulatedMicros, long totalMicros, long events) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - started < SHOW_AFTER_NANOS || now - lastDrawn < REFRESH_NANOS) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        double seconds = (now - started) / 1e9;
        int pct = (int) (100.0 * simulatedMicros / totalMicros);
        err.printf("\r  simulated %s of %s (%3d%%)  %,d events  %,.0f events/s   ", Format.clock(simulatedMicros),
                Format.clock(totalMicros), pct, events, events / seconds);
        err.flush();
    }

    void done() {
        if (drawn) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
    }
}
