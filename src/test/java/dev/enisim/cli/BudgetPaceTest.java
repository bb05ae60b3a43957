package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time estimate's pace follows the number of functions (README, Performance, "The cost model"): it was a fixed
 * 5 M events/s, where accounts of 500 to 2,000 functions ran at about 1.9 M events per CPU second, so that a
 * 2,000-function account's time was said 2.6 times too short.
 */
class BudgetPaceTest {

    @TempDir
    Path dir;

    @Test
    void thePaceIsThreeTimesTheCostModelsNsPerEventInterpolatedOnLogFunctions() {
        // at the cost model's points: 3 x 76, 160, 172, 461 ns
        assertEquals(1e9 / 228, Budget.eventsPerSecond(1), 1e-6);
        assertEquals(1e9 / 480, Budget.eventsPerSecond(100), 1e-6);
        assertEquals(1e9 / 516, Budget.eventsPerSecond(1_000), 1e-6);
        assertEquals(1e9 / 1383, Budget.eventsPerSecond(10_000), 1e-6);
        // between them on log functions: 10 functions halfway from 76 to 160 ns; beyond the last, held
        assertEquals(1e9 / (3 * 118), Budget.eventsPerSecond(10), 1e-6);
        assertEquals(Budget.eventsPerSecond(10_000), Budget.eventsPerSecond(100_000), 1e-9);
        assertEquals(Budget.eventsPerSecond(1), Budget.eventsPerSecond(0), 1e-9);
        double before = Double.POSITIVE_INFINITY;
        for (int n = 1; n <= 20_000; n++) {
            assertTrue(Budget.eventsPerSecond(n) <= before, "slower with more functions: " + n);
            before = Budget.eventsPerSecond(n);
        }
        // as said: two significant figures
        assertEquals(4_400_000, Budget.roundedPace(1));
        assertEquals(1_900_000, Budget.roundedPace(1_000));
        assertEquals(1_300_000, Budget.roundedPace(2_000));
        assertEquals(720_000, Budget.roundedPace(10_000));
    }

    @Test
    void aRefusalOfTwoThousandFunctionsSaysTheirPace() throws Exception {
        List<String> names = new ArrayList<>();
        List<String> rates = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            names.add("f" + i);
            rates.add("1");
        }
        // 2,000 functions at 1/s for an hour: 7.2e6 arrivals, 1.8e7 events; at 1,300,000 events/s, 14 s (it said 4)
        Path f = Files.writeString(dir.resolve("mix.yaml"), BudgetEventSharesTest.scenario("1h", "1m", names, rates));
        Result r = CliTest.run("run", f.toString(), "--out", dir.resolve("out").toString(), "--max-events", "1000");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("mix would take ~1.80e+07 events, about 14s (at 1,300,000 events/s, the pace of"
                + " 2,000 functions); continue with --yes"), r.err());
    }
}
