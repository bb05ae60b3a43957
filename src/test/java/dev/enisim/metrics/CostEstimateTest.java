package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.enisim.scenario.PriceTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cost estimate at a price table with round figures, so that each charge follows by hand: requests per
 * million, GB-seconds of duration and init, provisioned concurrency configured (each spell rounded up to five
 * minutes) and the duration run on it, NAT gateway hours and GB.
 */
class CostEstimateTest {

    /** $0.20 per million requests; x86_64: $0.00001 per GB-s, $0.000004 provisioned, $0.000008 run on it. */
    private static final PriceTable PRICES = new PriceTable("test-1", "2026-12-01", 0.20,
            new PriceTable.Rates(0.00001, 0.000004, 0.000008),
            new PriceTable.Rates(0.000008, 0.000003, 0.000006),
            true, 0.045, 0.05);

    /** A spell of {@code concurrency} from {@code fromSeconds} to {@code toSeconds}, disabled then. */
    private static ProvisionedRecorder.Spell spell(double fromSeconds, double toSeconds, int concurrency) {
        long from = Seconds.toMicros(fromSeconds);
        return new ProvisionedRecorder.Spell(from, Seconds.toMicros(toSeconds), false,
                List.of(new ProvisionedRecorder.Segment(from, concurrency)));
    }

    /**
     * 2 GB (2048 MB), a million requests, 3,600 s on demand, 1 s of init, 500 s on provisioned concurrency, which
     * was configured at 1 for 601 s (billed as 900 s: three five-minute periods).
     */
    @Test
    void eachChargeIsGbSecondsTimesItsRate() {
        RunSummary.Cost c = CostEstimate.function(PRICES, 2048, "x86_64",
                new Executions.Usage(1_000_000, 3_600_000, 1_000, 10, 500_000), List.of(spell(0, 601, 1)));
        assertEquals("test-1", c.region());
        assertEquals("2026-12-01", c.priceDate());
        assertEquals(0.20, c.requests(), 1e-12);
        assertEquals(2 * 3600 * 0.00001, c.duration(), 1e-12);
        assertEquals(2 * 1 * 0.00001, c.init(), 1e-12);
        assertEquals(2 * 900 * 0.000004, c.provisioned(), 1e-12);
        assertEquals(2 * 500 * 0.000008, c.provisionedDuration(), 1e-12);
        assertEquals(0.0, c.natGateway());
        assertEquals(0.20 + 0.072 + 0.00002 + 0.0072 + 0.008, c.total(), 1e-12);
    }

    /** arm64 at its own rates; INIT not billed when the price table says so. */
    @Test
    void arm64RatesAndUnbilledInit() {
        PriceTable noInit = new PriceTable("test-1", "2026-12-01", 0.20, PRICES.x86_64(), PRICES.arm64(), false,
                0.045, 0.05);
        RunSummary.Cost c = CostEstimate.function(noInit, 1024, "arm64",
                new Executions.Usage(500_000, 1_000_000, 2_000, 0, 0), List.of());
        assertEquals(0.10, c.requests(), 1e-12);
        assertEquals(1000 * 0.000008, c.duration(), 1e-12);
        assertEquals(0.0, c.init());
        assertEquals(0.0, c.provisioned());
        assertEquals(0.10 + 0.008, c.total(), 1e-12);
    }

    /**
     * A spell is billed in whole five-minute periods: exactly 300 s is one, 300.5 s two, 1 s one; no spell, nothing
     * (and no spells in the cost).
     */
    @Test
    void provisionedConcurrencyIsBilledInFiveMinutePeriods() {
        Executions.Usage none = new Executions.Usage(0, 0, 0, 0, 0);
        double perPeriod = 1 * 300 * 0.000004; // 1 GB
        assertEquals(perPeriod, provisioned(none, spell(0, 300, 1)), 1e-15);
        assertEquals(2 * perPeriod, provisioned(none, spell(0, 300.5, 1)), 1e-15);
        assertEquals(perPeriod, provisioned(none, spell(10, 11, 1)), 1e-15);
        RunSummary.Cost nothing = CostEstimate.function(PRICES, 1024, "x86_64", none, List.of());
        assertEquals(0.0, nothing.provisioned());
        assertNull(nothing.provisionedSpells());
    }

    private static double provisioned(Executions.Usage u, ProvisionedRecorder.Spell... spells) {
        return CostEstimate.function(PRICES, 1024, "x86_64", u, List.of(spells)).provisioned();
    }

    /**
     * Each spell is rounded on its own [doc: "from the time you enable it on your function until it is disabled,
     * rounded up to the nearest 5 minutes"]: 7 minutes at 10 is billed 10 minutes; two spells of 1 minute are 5 + 5
     * minutes, not the run's two minutes rounded once to 5; at the concurrency configured times the memory.
     */
    @Test
    void eachSpellIsRoundedUpToFiveMinutesOnItsOwn() {
        Executions.Usage none = new Executions.Usage(0, 0, 0, 0, 0);
        RunSummary.Cost seven = CostEstimate.function(PRICES, 2048, "x86_64", none, List.of(spell(60, 480, 10)));
        assertEquals(2 * 10 * 600 * 0.000004, seven.provisioned(), 1e-12);
        assertEquals(10, seven.provisionedSpells().get(0).billedMinutes());
        RunSummary.Cost two = CostEstimate.function(PRICES, 1024, "x86_64", none,
                List.of(spell(60, 120, 10), spell(600, 660, 10)));
        assertEquals(2 * 10 * 300 * 0.000004, two.provisioned(), 1e-12);
        assertEquals(List.of(5L, 5L), two.provisionedSpells().stream().map(RunSummary.Cost.Spell::billedMinutes)
                .toList());
        assertEquals(0.000004 * 10 * 600 * 2, seven.total(), 1e-12, "the total counts it");
    }

    /**
     * A figure changed within a spell prices each segment at its figure; the spell is rounded once, its rounding at
     * the figure it ended at [assumed]: 10 for 420 s, 20 for 420 s, then 60 s of rounding at 20.
     */
    @Test
    void aChangedFigurePricesItsOwnSegmentAndTheSpellIsRoundedOnce() {
        long s = Seconds.MICROS;
        ProvisionedRecorder.Spell changed = new ProvisionedRecorder.Spell(60 * s, 900 * s, false,
                List.of(new ProvisionedRecorder.Segment(60 * s, 10), new ProvisionedRecorder.Segment(480 * s, 20)));
        RunSummary.Cost c = CostEstimate.function(PRICES, 1024, "x86_64", new Executions.Usage(0, 0, 0, 0, 0),
                List.of(changed));
        assertEquals((10 * 420 + 20 * 480) * 0.000004, c.provisioned(), 1e-12);
        RunSummary.Cost.Spell b = c.provisionedSpells().get(0);
        assertEquals(15, b.billedMinutes());
        assertEquals(List.of(new RunSummary.Cost.Figure(60, 10), new RunSummary.Cost.Figure(480, 20)),
                b.concurrency());
        assertEquals(60.0, b.from());
        assertEquals(900.0, b.to());
        assertNull(b.enabledAtEnd());
    }

    /** A spell still enabled at the run's end is billed to the end, rounded up, and says so. */
    @Test
    void aSpellEnabledAtTheEndIsBilledToTheEnd() {
        long s = Seconds.MICROS;
        ProvisionedRecorder.Spell open = new ProvisionedRecorder.Spell(1500 * s, 1720 * s, true,
                List.of(new ProvisionedRecorder.Segment(1500 * s, 10)));
        RunSummary.Cost c = CostEstimate.function(PRICES, 1024, "x86_64", new Executions.Usage(0, 0, 0, 0, 0),
                List.of(open));
        assertEquals(10 * 300 * 0.000004, c.provisioned(), 1e-12);
        assertEquals(Boolean.TRUE, c.provisionedSpells().get(0).enabledAtEnd());
        assertEquals(5, c.provisionedSpells().get(0).billedMinutes());
    }

    /**
     * A ping every 300 s for 30 days is 8,640 pings, each a request ($0.0000002) and 1 ms at 1 GB ($0.00000001);
     * every 7 s, 2,592,000 / 7 = 370,285.7 rounds up to 370,286 pings.
     */
    @Test
    void keepWarmPingsPerMonth() {
        assertEquals(8640 * (0.2e-6 + 1e-8), CostEstimate.keepWarmPerMonth(PRICES, 1024, "x86_64", 300), 1e-12);
        assertEquals(370_286 * (0.2e-6 + 1e-8), CostEstimate.keepWarmPerMonth(PRICES, 1024, "x86_64", 7), 1e-12);
        assertEquals(8640 * (0.2e-6 + 2 * 0.000008 * 0.001),
                CostEstimate.keepWarmPerMonth(PRICES, 2048, "arm64", 300), 1e-12);
    }

    /** NAT: 10 gateway-hours at $0.045 and 3 GB at $0.05. */
    @Test
    void natGatewayHoursAndGigabytes() {
        assertEquals(10 * 0.045 + 3 * 0.05, CostEstimate.natGateway(PRICES, 10, 3), 1e-12);
    }

    /** The run's total: each charge summed over the functions, plus the NAT gateways. */
    @Test
    void theTotalAddsEachChargeOverTheFunctions() {
        RunSummary.Cost a = new RunSummary.Cost("test-1", "d", 1, 2, 3, 4, 5, 0, 15);
        RunSummary.Cost b = new RunSummary.Cost("test-1", "d", 10, 20, 30, 40, 50, 0, 150);
        RunSummary.Cost t = CostEstimate.total(PRICES, List.of(a, b), 0.5);
        assertEquals(new RunSummary.Cost("test-1", "2026-12-01", 11, 22, 33, 44, 55, 0.5, 165.5), t);
    }
}
