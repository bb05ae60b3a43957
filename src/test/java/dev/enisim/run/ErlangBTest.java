package dev.enisim.run;

import static dev.enisim.run.Scenarios.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.workload.DistributionSpec;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A function with concurrency limit c, Poisson arrivals at rate lambda and exponential durations of mean 1/mu
 * is an M/M/c/c loss system: the throttled fraction is Erlang B(c, lambda/mu) (domain.md section 9). Over ten
 * independent replications the theory must fall inside the 99% confidence interval of the mean, and the mean
 * within 5% (relative) of the theory.
 */
class ErlangBTest {

    /** Erlang B by the stable recursion B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1)). */
    static double erlangB(int c, double a) {
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    @ParameterizedTest(name = "c={0}, A={1}")
    @CsvSource({"10, 5", "20, 18", "50, 60"})
    void throttledFractionMatchesErlangB(int c, double offered) {
        double theory = erlangB(c, offered);
        SummaryStatistics fractions = new SummaryStatistics();
        for (int rep = 0; rep < 10; rep++) {
            Scenarios s = new Scenarios();
            s.durationMicros = 2000 * SEC;
            s.bucketMicros = 100 * SEC;
            s.concurrencyLimit = c;
            s.seed = 2024;
            s.function("loss", List.of(), List.of(), -1, new DistributionSpec.Exponential(1 * SEC, Double.POSITIVE_INFINITY),
                    0, offered, 0);
            RunSummary r = new Simulation(s.build(), rep).run().summary();
            assertEquals(r.invocations().total(), r.invocations().succeeded() + r.invocations().throttled());
            fractions.addValue((double) r.invocations().throttled() / r.invocations().total());
        }
        double mean = fractions.getMean();
        double half = new TDistribution(9).inverseCumulativeProbability(0.995) * fractions.getStandardDeviation()
                / Math.sqrt(10);
        assertTrue(Math.abs(mean - theory) <= half, String.format(
                "Erlang B(%d, %.0f) = %.5f outside the 99%% CI %.5f +- %.5f", c, offered, theory, mean, half));
        assertEquals(theory, mean, 0.05 * theory, "within 5% of Erlang B");
    }
}
