package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A long check's heartbeat on standard error (r6, B9: nothing between the estimate and the verdicts): the scenario
 * the verdicts wait for, how far its replications have got, and the wall-clock time, now and then.
 */
class CheckHeartbeatTest {

    private static final long MINUTE = 60_000_000L;

    @Test
    void theLineNamesTheScenarioWaitedForAndHowFarItsReplicationsGot() {
        AtomicLong nanos = new AtomicLong(0);
        StringWriter err = new StringWriter();
        try (ProgressBar.Heartbeat beat = new ProgressBar.Heartbeat(new PrintWriter(err, true),
                List.of("svc-payments", "svc-ops"), new long[] {100 * MINUTE, 10 * MINUTE}, 2, 0, nanos::get)) {
            beat.of(0, 0).update(50 * MINUTE, 100 * MINUTE, 1000);
            beat.of(0, 1).update(40 * MINUTE, 100 * MINUTE, 900);
            beat.of(1, 0).update(10 * MINUTE, 10 * MINUTE, 10);
            nanos.set(60_400_000_000L);
            assertEquals("enisim: svc-payments: 45% (60 s) [scenario 1 of 2]", beat.line());
            beat.waitingFor(1);
            assertEquals("enisim: svc-ops: 50% (60 s) [scenario 2 of 2]", beat.line(), "replication 1 not begun");
            beat.beat();
        }
        assertEquals("enisim: svc-ops: 50% (60 s) [scenario 2 of 2]" + System.lineSeparator(), err.toString());
        StringWriter one = new StringWriter();
        try (ProgressBar.Heartbeat beat = new ProgressBar.Heartbeat(new PrintWriter(one, true), List.of("quick"),
                new long[] {MINUTE}, 1, 0, () -> 0)) {
            assertEquals("enisim: quick: 0% (0 s)", beat.line(), "one scenario: no 'of N'");
        }
    }

    @Test
    void itBeatsOnItsOwnAtItsPaceAndStopsWhenClosed() throws Exception {
        StringWriter err = new StringWriter();
        try (ProgressBar.Heartbeat beat = new ProgressBar.Heartbeat(new PrintWriter(err, true), List.of("long"),
                new long[] {MINUTE}, 1, 20, System::nanoTime)) {
            beat.of(0, 0).update(MINUTE / 4, MINUTE, 1);
            beat.start(); // after the progress is wired: every line says 25%, however loaded the machine
            long until = System.nanoTime() + 5_000_000_000L;
            while (err.toString().lines().count() < 2 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
        }
        assertTrue(err.toString().lines().count() >= 2, err.toString());
        assertTrue(err.toString().lines().allMatch(l -> l.matches("enisim: long: 25% \\(\\d+ s\\)")), err.toString());
        int after = err.toString().length();
        Thread.sleep(100);
        assertEquals(after, err.toString().length(), "no line after close");
        assertEquals(30_000, ProgressBar.Heartbeat.LOG_EVERY_MILLIS, "a CI log: every 30 s");
    }

    /**
     * Made, it is silent until started (its timer once started in the constructor and could beat before the caller's
     * first update: "0%" under load where every line had to say 25%); started, it beats.
     */
    @Test
    void itIsSilentUntilStarted() throws Exception {
        StringWriter err = new StringWriter();
        try (ProgressBar.Heartbeat beat = new ProgressBar.Heartbeat(new PrintWriter(err, true), List.of("long"),
                new long[] {MINUTE}, 1, 1, System::nanoTime)) {
            Thread.sleep(100);
            assertEquals("", err.toString(), "a line before start()");
            beat.of(0, 0).update(MINUTE / 2, MINUTE, 1);
            assertTrue(beat.start() == beat, "start() returns the heartbeat");
            long until = System.nanoTime() + 5_000_000_000L;
            while (err.toString().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
        }
        assertTrue(err.toString().startsWith("enisim: long: 50% ("), err.toString());
    }
}
