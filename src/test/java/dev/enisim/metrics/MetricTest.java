package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricTest {

    /** Every series the recorders write is named by the catalogue; no two metrics share a column. */
    @Test
    void seriesCarryTheCatalogueNames() {
        Series s = Metric.DURATION_P99.series(Metric.Scope.FUNCTION, "f", new long[1]);
        assertEquals(Metric.Scope.FUNCTION, s.scope());
        assertEquals("Duration", s.metric().metric());
        assertEquals("p99", s.metric().statistic());
        assertEquals("Duration.p99", s.column());
        assertEquals("Sim.InvokeErrors.EC2ThrottledException",
                Metric.invokeErrors(Metric.Scope.ACCOUNT, "", "EC2ThrottledException", new long[1]).column());
        Set<String> columns = new HashSet<>();
        for (Metric m : Metric.values()) {
            assertTrue(columns.add(m.column()), "two metrics share the column " + m.column());
            assertTrue(!m.scopes().isEmpty(), m + " has no scope");
        }
    }

    /** Series are found by their catalogue entry and dimension, the per-exception ones apart. */
    @Test
    void timeSeriesLooksSeriesUpByCatalogueEntry() {
        Series a = Metric.INVOCATIONS.series(Metric.Scope.ACCOUNT, "", new long[] {3});
        Series f = Metric.INVOCATIONS.series(Metric.Scope.FUNCTION, "api", new long[] {2});
        Series g = Metric.INVOCATIONS.series(Metric.Scope.FUNCTION, "worker", new long[] {1});
        Series e = Metric.invokeErrors(Metric.Scope.ACCOUNT, "", "ENILimitReachedException", new long[] {1});
        Series all = Metric.INVOKE_ERRORS.series(Metric.Scope.ACCOUNT, "", new long[] {1});
        TimeSeries ts = new TimeSeries(1_000_000, 1, List.of(f, a, e, g, all));
        assertSame(a, ts.account(Metric.INVOCATIONS));
        assertSame(g, ts.get(Metric.INVOCATIONS, Metric.Scope.FUNCTION, "worker"));
        assertNull(ts.get(Metric.INVOCATIONS, Metric.Scope.FUNCTION, "nobody"));
        assertEquals(List.of(f, g), ts.all(Metric.INVOCATIONS, Metric.Scope.FUNCTION));
        assertSame(all, ts.account(Metric.INVOKE_ERRORS));
        assertEquals(List.of(e), ts.invokeErrorsByException(Metric.Scope.ACCOUNT, ""));
        assertThrows(IllegalArgumentException.class, () -> new TimeSeries(1_000_000, 1, List.of(a, a)));
    }

    /** Values are converted once, by their unit: microseconds and thousandths shown with three decimals. */
    @Test
    void unitsSayHowValuesAreShown() {
        assertEquals(1e-3, Metric.DURATION_P50.unit().scale());
        assertEquals(1e-3, Metric.ENVIRONMENTS_AVERAGE.unit().scale());
        assertEquals(1, Metric.INVOCATIONS.unit().scale());
        assertTrue(Metric.DURATION_P50.unit().missing(-1));
        assertTrue(!Metric.SUBNET_AVAILABLE_IPS.unit().missing(-1));
        assertEquals(1.5, Seconds.of(1_500_000L));
        assertEquals(1_500_000L, Seconds.toMicros(1.5));
    }

    /**
     * Event ages are kept in microseconds and shown as their outputs always showed them: AsyncEventAge in whole
     * milliseconds, SQS's ApproximateAgeOfOldestMessage in whole seconds, both rounded down, converted by the unit.
     */
    @Test
    void agesAreKeptInMicrosecondsAndShownRoundedDown() {
        AsyncRecorder async = new AsyncRecorder(120_000_000L, 60_000_000L);
        async.attach(List.of("f"), new boolean[] {true});
        async.invoked(0, 1_999L, 1_000_000L);
        async.invoked(0, 1_500L, 2_000_000L);
        Series age = async.series().stream().filter(x -> x.metric() == Metric.ASYNC_EVENT_AGE
                && x.scope() == Metric.Scope.FUNCTION).findFirst().orElseThrow();
        assertEquals(1_999L, age.values()[0], "the bucket's maximum, in microseconds");
        assertEquals(1L, age.metric().unit().rounded(age.values()[0]), "shown: 1 ms");
        SqsRecorder sqs = new SqsRecorder(120_000_000L, 60_000_000L);
        sqs.attach(List.of("f"), new boolean[] {true});
        sqs.queue(0, 3, 2_999_999L, 1, 1, 1_000_000L);
        Series oldest = sqs.series().stream().filter(x -> x.metric() == Metric.APPROXIMATE_AGE_OF_OLDEST_MESSAGE)
                .findFirst().orElseThrow();
        assertEquals(2_999_999L, oldest.values()[0]);
        assertEquals(2L, oldest.metric().unit().rounded(oldest.values()[0]), "shown: 2 s");
        assertEquals(-1L, Metric.Unit.MICROSECONDS_AS_WHOLE_MILLISECONDS.rounded(-1L), "rounded down, not to zero");
        long[] counts = {1, 2};
        assertSame(counts, Metric.Unit.COUNT.rounded(counts), "a unit without rounding copies nothing");
        assertEquals(List.of(3L, 0L), java.util.Arrays.stream(Metric.Unit.MICROSECONDS_AS_WHOLE_SECONDS
                .rounded(new long[] {3_000_000L, 999_999L})).boxed().toList());
    }
}
