package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.TimeSeriesCsv;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricTest {

    /** The catalogue is the CSV's column list (so the CSV can iterate over it instead of its own copy). */
    @Test
    void catalogueColumnsAreTheCsvColumns() {
        assertEquals(TimeSeriesCsv.METRICS, Metric.columns());
    }

    /** Every series the recorders write is named by the catalogue: same metric and statistic, a known scope. */
    @Test
    void seriesCarryTheCatalogueNames() {
        Series s = Metric.DURATION_P99.series(Metric.Scope.FUNCTION, "f", new long[1]);
        assertEquals("function", s.scope());
        assertEquals("Duration", s.metric());
        assertEquals("p99", s.statistic());
        assertEquals("Sim.InvokeErrors.EC2ThrottledException",
                Metric.invokeErrors(Metric.Scope.ACCOUNT, "", "EC2ThrottledException", new long[1]).metric());
        Set<String> columns = new HashSet<>();
        for (Metric m : Metric.values()) {
            assertTrue(columns.add(m.column()), "two metrics share the column " + m.column());
            assertTrue(!m.scopes().isEmpty(), m + " has no scope");
        }
    }
}
