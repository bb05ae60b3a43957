package dev.enisim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Warmup} with a fake compile clock and a fake wall clock: each tenth advances the wall clock by 100 ms and the
 * compilers' time by the script's next figure, so the rule is checked tenth by tenth without timing anything.
 */
class WarmupTest {

    /** Tenths whose compile times (ms) are {@code compileMillis} in turn, each taking 100 ms. */
    static final class Script implements Runnable, Warmup.CompileClock, java.util.function.LongSupplier {
        private final long[] compileMillis;
        int ran;
        long compiled;
        long nanos;

        Script(long... compileMillis) {
            this.compileMillis = compileMillis;
        }

        @Override
        public void run() {
            compiled += compileMillis[Math.min(ran, compileMillis.length - 1)];
            nanos += 100_000_000L;
            ran++;
        }

        @Override
        public long totalMillis() {
            return compiled;
        }

        @Override
        public long getAsLong() {
            return nanos;
        }
    }

    private static Warmup.Done run(Warmup.Mode mode, Script s, List<Integer> progress) {
        return Warmup.run(mode, s, s, s, progress::add);
    }

    @Test
    void autoRunsTenthsUntilTwoInARowCompiledForLessThanHalfTheirWallTime() {
        // busy, busy, quiet, busy (the streak starts again), quiet, quiet: six tenths
        Script s = new Script(900, 300, 20, 60, 49, 0, 0, 0);
        List<Integer> progress = new ArrayList<>();
        Warmup.Done d = run(Warmup.Mode.AUTO, s, progress);
        assertEquals(6, d.tenths());
        assertEquals(6, s.ran);
        assertTrue(d.quiet());
        assertEquals(Warmup.Mode.AUTO, d.mode());
        assertEquals((900 + 300 + 20 + 60 + 49) / 1e3, d.compileSeconds(), 1e-9);
        assertEquals(0.6, d.seconds(), 1e-9);
        assertEquals(List.of(2, 3, 4, 5, 6), progress, "each tenth after the first is told");
    }

    @Test
    void aTenthCompilingForExactlyHalfItsWallTimeIsNotQuiet() {
        // 50 ms of 100 ms is not under half: the streak starts only at the third tenth
        Script s = new Script(50, 50, 49, 49);
        assertEquals(4, run(Warmup.Mode.AUTO, s, new ArrayList<>()).tenths());
        Script t = new Script(49, 49);
        assertEquals(2, run(Warmup.Mode.AUTO, t, new ArrayList<>()).tenths(), "two quiet tenths at once");
    }

    @Test
    void autoStopsAtTheCapWhenTheJitNeverGoesQuietAndSaysSo() {
        Script s = new Script(80, 10, 70, 10, 70, 10, 70, 10, 70, 10, 70, 10);
        Warmup.Done d = run(Warmup.Mode.AUTO, s, new ArrayList<>());
        assertEquals(Warmup.MAX_TENTHS, d.tenths());
        assertEquals(10, s.ran, "a whole run's simulated time at most");
        assertFalse(d.quiet());
        assertEquals("10 tenths (auto, the JIT still compiling at the cap) in 1.00 s, 0.41 s compiling",
                d.describe());
    }

    @Test
    void aCapHitOnAQuietTenthIsNotQuietUnlessTwoInARow() {
        // busy until the tenth tenth, which is quiet: one in a row is not enough
        Script s = new Script(90, 90, 90, 90, 90, 90, 90, 90, 90, 0);
        Warmup.Done d = run(Warmup.Mode.AUTO, s, new ArrayList<>());
        assertEquals(10, d.tenths());
        assertFalse(d.quiet());
        Script t = new Script(90, 90, 90, 90, 90, 90, 90, 90, 0, 0);
        Warmup.Done e = run(Warmup.Mode.AUTO, t, new ArrayList<>());
        assertEquals(10, e.tenths());
        assertTrue(e.quiet(), "the ninth and tenth quiet");
    }

    @Test
    void tenthRunsOneTenthWhateverTheJitDoes() {
        List<Integer> progress = new ArrayList<>();
        Script busy = new Script(900);
        Warmup.Done d = run(Warmup.Mode.TENTH, busy, progress);
        assertEquals(1, d.tenths());
        assertEquals(1, busy.ran);
        assertFalse(d.quiet(), "900 ms compiling in 100 ms");
        assertEquals(List.of(), progress);
        assertEquals("1 tenth (tenth) in 0.10 s, 0.90 s compiling", d.describe());
        Script calm = new Script(10);
        Warmup.Done c = run(Warmup.Mode.TENTH, calm, progress);
        assertEquals(1, calm.ran);
        assertTrue(c.quiet());
    }

    @Test
    void describesAQuietAutoWarmUp() {
        Warmup.Done d = new Warmup.Done(Warmup.Mode.AUTO, 7, 3.214, 1.938, true);
        assertEquals("7 tenths (auto, the JIT quiet) in 1.94 s, 3.21 s compiling", d.describe());
    }

    @Test
    void theModesReadAsTheOptionsValues() {
        assertEquals("auto", Warmup.Mode.AUTO.toString());
        assertEquals("tenth", Warmup.Mode.TENTH.toString());
    }

    @Test
    void hotspotsCompileClockNeverRunsBackwards() {
        Warmup.CompileClock c = Warmup.hotspot();
        long a = c.totalMillis();
        assertTrue(a >= 0);
        assertTrue(c.totalMillis() >= a);
    }
}
