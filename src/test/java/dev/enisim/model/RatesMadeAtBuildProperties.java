package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The request and scaling rates' per-function tables are made when the world is built ({@link
 * Admission#functionsAdded}), not at a function's first invocation or cold start, and that changes nothing they
 * decide: random invocations of random functions at rising times get the same answers from rates set up ahead as
 * from rates that grow on first use (as before). Ahead of time, the hot path never takes the branch that only a
 * run's first invocations took (HISTORY, fourteenth pass: C2's arrival code trapped on it at every later run's
 * start).
 */
class RatesMadeAtBuildProperties {

    /** Each step: a function (0 to 9), a gap in microseconds (0 to 2 ms), and whether its reserved concurrency is set. */
    @Provide
    Arbitrary<List<int[]>> steps() {
        return Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(2).list().ofMinSize(1)
                .ofMaxSize(400);
    }

    @Property(tries = 200)
    void scalingBucketsMadeAheadAnswerAsBucketsMadeOnFirstUse(@ForAll("steps") List<int[]> steps,
            @ForAll @IntRange(min = 1, max = 10) int functions) {
        Scaling rule = new Scaling(Scaling.Model.PER_FUNCTION, 3, 1_000_000L, 3000, 500, 60_000_000L);
        ScalingRate ahead = new ScalingRate(rule);
        ScalingRate lazy = new ScalingRate(rule);
        ahead.addBuckets(functions);
        assertTrue(ahead.bucketsMade(functions));
        assertFalse(lazy.bucketsMade(functions), "none made before use");
        long now = 0;
        for (int[] s : steps) {
            int f = s[0] % functions;
            now += s[1] % 2_000_000;
            assertEquals(lazy.tryScale(f, 0, now), ahead.tryScale(f, 0, now), "function " + f + " at " + now);
        }
    }

    @Property(tries = 200)
    void requestWindowsSetUpAheadAnswerAsWindowsSetUpOnFirstUse(@ForAll("steps") List<int[]> steps,
            @ForAll @IntRange(min = 1, max = 10) int functions) {
        FunctionRows aheadRows = new FunctionRows();
        FunctionRows lazyRows = new FunctionRows();
        for (int f = 0; f < functions; f++) {
            int reserved = f % 3 == 0 ? 2 : FunctionRows.UNRESERVED;
            aheadRows.add(reserved, 0);
            lazyRows.add(reserved, 0);
        }
        Scaling rule = new Scaling(Scaling.Model.PER_FUNCTION, 3, 1_000_000L, 3000, 500, 60_000_000L);
        RequestRate ahead = new RequestRate(aheadRows, rule, 5);
        RequestRate lazy = new RequestRate(lazyRows, rule, 5);
        ahead.grow();
        assertEquals(functions, ahead.functionsSetUp());
        assertEquals(0, lazy.functionsSetUp(), "none set up before use");
        long now = 0;
        for (int[] s : steps) {
            int f = s[0] % functions;
            now += s[1] % 200_000;
            assertEquals(lazy.throttle(f, now), ahead.throttle(f, now), "function " + f + " at " + now);
        }
    }

    @Test
    void aBuiltWorldHasItsRatesSetUpForEveryFunctionAndItsInvariantsSaySo() {
        WorldHarness h = WorldHarness.standard();
        h.function("a", List.of(), List.of());
        h.function("b", List.of(), List.of());
        h.function("c", List.of(), List.of());
        World w = h.world();
        w.checkInvariants(); // includes the rates' tables
        Scaling rule = Scaling.DEFAULT;
        // the same check on parts not set up throws, naming the count
        FunctionRows rows = new FunctionRows();
        rows.add(FunctionRows.UNRESERVED, 0);
        RequestRate requests = new RequestRate(rows, rule, 10);
        ScalingRate scaling = new ScalingRate(rule);
        assertEquals(0, requests.functionsSetUp());
        assertFalse(scaling.bucketsMade(1));
        requests.grow();
        scaling.addBuckets(1);
        assertEquals(1, requests.functionsSetUp());
        assertTrue(scaling.bucketsMade(1));
        assertFalse(scaling.bucketsMade(2), "function 1 has none");
        // the account's rule needs no bucket per function
        assertTrue(new ScalingRate(new Scaling(Scaling.Model.LEGACY_BURST, 1000, 10_000_000L, 3000, 500,
                60_000_000L)).bucketsMade(5));
    }

    @Test
    void anAdmissionWhoseRatesWereNotSetUpBreaksTheInvariant() {
        WorldHarness h = WorldHarness.standard();
        h.function("a", List.of(), List.of());
        World w = h.world();
        w.admission().checkRatesMade(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.admission().checkRatesMade(2),
                "a world of two functions whose rates were set up for one");
        assertTrue(e.getMessage().contains("2 functions"), e.getMessage());
    }
}
