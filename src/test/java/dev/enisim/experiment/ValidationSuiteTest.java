package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The validate-model table in the test suite: every case passes (fewer replications than the CLI default). */
class ValidationSuiteTest {

    @Test
    void everyAnalyticCasePasses() {
        List<ValidationSuite.Case> cases = new ValidationSuite(5, 2).run();
        assertEquals(10, cases.size());
        for (ValidationSuite.Case c : cases) {
            assertTrue(c.passed(), c.name() + ": theory " + c.theory() + ", simulated " + c.simulated());
            assertTrue(c.theory() > 0.01 && c.simulated().n() == 5, c.toString());
        }
        ValidationSuite.Case legacy = cases.stream().filter(c -> c.name().startsWith("Legacy formula")).findFirst()
                .orElseThrow();
        assertEquals(legacy.theory(), legacy.simulated().mean(), 0, "the formula holds in every replication");
        assertTrue(legacy.theory() > 100, "ENIs for about 130 environments of 1.5 GB: " + legacy);
    }

    @Test
    void littlesLawCaseNamesTheMeanItsTheoryUses() {
        // an experimenter's review: labelled "mean 162 ms" beside a theory of 32.6410 = 200/s x 163.2 ms
        ValidationSuite.Case little = new ValidationSuite(2, 1).run().stream()
                .filter(c -> c.name().startsWith("Little's law")).findFirst().orElseThrow();
        assertTrue(little.name().endsWith("(log-normal, mean 163.2 ms)"), little.name());
        assertEquals(little.theory(), 200 * 0.1632051, 1e-4);
    }

    /**
     * A simulation expert's review: "inside the 95% interval or within 2%" let Little's law pass with a bias of 14
     * half-widths. The interval widened by the 0.2% allowance is the whole test.
     */
    @Test
    void aMeanOutsideTheWidenedIntervalFailsHoweverCloseInPercent() {
        MetricStats m = MetricStats.of(new double[] {32.60, 32.62, 32.63, 32.64, 32.66}); // VALIDATION.md's width
        double half = (m.ciHigh() - m.ciLow()) / 2;
        assertTrue(half < 0.002 * m.mean(), "an interval narrower than 0.2%: " + m);
        assertTrue(ValidationSuite.passes(m, m.mean(), ValidationSuite.ALLOWANCE));
        assertTrue(ValidationSuite.passes(m, m.ciHigh() + 0.0019 * m.ciHigh(), ValidationSuite.ALLOWANCE),
                "within the allowance beyond the interval");
        double biased = m.mean() * 1.019; // 1.9% off: within the old 2% tolerance
        assertFalse(ValidationSuite.passes(m, biased, ValidationSuite.ALLOWANCE), "1.9% off: " + half);
        assertFalse(ValidationSuite.passes(m, m.mean() * 0.981, ValidationSuite.ALLOWANCE));
    }

    @Test
    void erlangBRecursion() {
        assertEquals(0.2, ValidationSuite.erlangB(1, 0.25), 1e-12);
        assertEquals(0.00365, ValidationSuite.erlangB(1000, 950), 0.00001);
    }
}
