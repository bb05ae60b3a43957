package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.scenario.PriceTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cost estimate at a price table with round figures, so that each charge follows by hand: requests per
 * million, GB-seconds of duration and init, provisioned concurrency allocated (rounded up to five minutes) and
 * the duration run on it, NAT gateway hours and GB.
 */
class CostEstimateTest {

    /** $0.20 per million requests; x86_64: $0.00001 per GB-s, $0.000004 provisioned, $0.000008 run on it. */
    private static final PriceTable PRICES = new PriceTable("test-1", "2026-12-01", 0.20,
            new PriceTable.Rates(0.00001, 0.000004, 0.000008),
            new PriceTable.Rates(0.000008, 0.000003, 0.000006),
            true, 0.045, 0.05);

    /**
     * 2 GB (2048 MB), a million requests, 3,600 s on demand, 1 s of init, 500 s on provisioned concurrency, which
     * was allocated 601 s (billed as 900 s: three five-minute periods).
     */
    @Test
    void eachChargeIsGbSecondsTimesItsRate() {
        RunSummary.Cost c = CostEstimate.function(PRICES, 2048, "x86_64",
                new Executions.Usage(1_000_000, 3_600_000, 1_000, 10, 500_000), 601);
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
                new Executions.Usage(500_000, 1_000_000, 2_000, 0, 0), 0);
        assertEquals(0.10, c.requests(), 1e-12);
        assertEquals(1000 * 0.000008, c.duration(), 1e-12);
        assertEquals(0.0, c.init());
        assertEquals(0.0, c.provisioned());
        assertEquals(0.10 + 0.008, c.total(), 1e-12);
    }

    /** Allocated time is billed in whole five-minute periods: exactly 300 s is one, 300.5 s two, 1 s one. */
    @Test
    void provisionedConcurrencyIsBilledInFiveMinutePeriods() {
        Executions.Usage none = new Executions.Usage(0, 0, 0, 0, 0);
        double perPeriod = 1 * 300 * 0.000004; // 1 GB
        assertEquals(perPeriod, CostEstimate.function(PRICES, 1024, "x86_64", none, 300).provisioned(), 1e-15);
        assertEquals(2 * perPeriod, CostEstimate.function(PRICES, 1024, "x86_64", none, 300.5).provisioned(), 1e-15);
        assertEquals(perPeriod, CostEstimate.function(PRICES, 1024, "x86_64", none, 1).provisioned(), 1e-15);
        assertEquals(0.0, CostEstimate.function(PRICES, 1024, "x86_64", none, 0).provisioned());
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
