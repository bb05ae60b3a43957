package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.Metric;
import dev.enisim.metrics.TimeSeries;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * UnreservedConcurrentExecutions, AWS's account metric of the functions without reserved concurrency (the domain
 * reference names it; enisim did not write it): per bucket, the most such invocations in flight at once.
 */
class UnreservedConcurrencyTest {

    private static TimeSeries run(String functions) throws Exception {
        return new Simulation(ScenarioLoader.parse("""
                name: unreserved
                duration: 10m
                bucket: 1m
                account: { concurrencyLimit: 200, unreservedMinimum: 100 }
                functions:
                %s
                """.formatted(functions), "u.yaml"), 0).run().timeSeries();
    }

    private static long[] values(TimeSeries ts, Metric m, Metric.Scope scope, String id) {
        return ts.get(m, scope, id).values();
    }

    /** One function without a reservation beside a reserved one: the unreserved level is exactly its own. */
    @Test
    void theUnreservedLevelIsTheUnreservedFunctionsOwn() throws Exception {
        TimeSeries ts = run("""
                  - { name: open, duration: 2s, arrivals: { poisson: 20/s } }
                  - { name: kept, reservedConcurrency: 50, duration: 3s, arrivals: { poisson: 10/s } }
                """);
        long[] open = values(ts, Metric.CONCURRENT_EXECUTIONS, Metric.Scope.FUNCTION, "open");
        long[] unreserved = ts.account(Metric.UNRESERVED_CONCURRENT_EXECUTIONS).values();
        assertArrayEquals(open, unreserved);
        long[] account = ts.account(Metric.CONCURRENT_EXECUTIONS).values();
        for (int b = 0; b < account.length; b++) {
            assertTrue(unreserved[b] < account[b], "the reserved function's invocations are not counted, bucket " + b);
        }
    }

    /** No function reserves anything: every invocation is unreserved, the series is the account's. */
    @Test
    void withoutReservationsItIsTheAccountsConcurrency() throws Exception {
        TimeSeries ts = run("""
                  - { name: a, duration: 2s, arrivals: { poisson: 20/s } }
                  - { name: b, duration: 1s, arrivals: { poisson: 30/s } }
                """);
        assertArrayEquals(ts.account(Metric.CONCURRENT_EXECUTIONS).values(),
                ts.account(Metric.UNRESERVED_CONCURRENT_EXECUTIONS).values());
    }

    /** Two unreserved functions: the level at least either's and at most their sum, in every bucket. */
    @Test
    void severalUnreservedFunctionsAddUp() throws Exception {
        TimeSeries ts = run("""
                  - { name: a, duration: 2s, arrivals: { poisson: 20/s } }
                  - { name: b, duration: 1s, arrivals: { poisson: 30/s } }
                  - { name: kept, reservedConcurrency: 40, duration: 3s, arrivals: { poisson: 10/s } }
                """);
        long[] a = values(ts, Metric.CONCURRENT_EXECUTIONS, Metric.Scope.FUNCTION, "a");
        long[] b = values(ts, Metric.CONCURRENT_EXECUTIONS, Metric.Scope.FUNCTION, "b");
        long[] u = ts.account(Metric.UNRESERVED_CONCURRENT_EXECUTIONS).values();
        long[] all = ts.account(Metric.CONCURRENT_EXECUTIONS).values();
        for (int i = 0; i < u.length; i++) {
            assertTrue(u[i] >= Math.max(a[i], b[i]) && u[i] <= a[i] + b[i], "bucket " + i + ": " + u[i]);
            assertTrue(u[i] <= all[i], "bucket " + i);
        }
    }
}
