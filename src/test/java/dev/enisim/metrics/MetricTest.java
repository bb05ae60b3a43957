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
        Series s = Metric.LATENCY_P99.series(Metric.Scope.FUNCTION, "f", new long[1]);
        assertEquals(Metric.Scope.FUNCTION, s.scope());
        assertEquals("Sim.Latency", s.metric().metric());
        assertEquals("p99", s.metric().statistic());
        assertEquals("Sim.Latency.p99", s.column());
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
        assertEquals(1e-3, Metric.LATENCY_P50.unit().scale());
        assertEquals(1e-3, Metric.ENVIRONMENTS_AVERAGE.unit().scale());
        assertEquals(1, Metric.INVOCATIONS.unit().scale());
        assertTrue(Metric.LATENCY_P50.unit().missing(-1));
        assertTrue(!Metric.SUBNET_AVAILABLE_IPS.unit().missing(-1));
        assertEquals(1.5, Seconds.of(1_500_000L));
        assertEquals(1_500_000L, Seconds.toMicros(1.5));
    }

    /**
     * What timeseries.csv says for each unit: a latency kept in microseconds shown in milliseconds with up to three
     * decimals (50,175 us: "50.175"; 2,000 us: "2"), an empty cell where no invocation succeeded (-1), an average
     * kept in thousandths shown in units (2,250: "2.25"), counts as they are; the
     * columns in catalogue order after time, scope and id, the per-exception column after the run's.
     */
    @Test
    void csvCellsShowEachValueInItsUnit() {
        TimeSeries ts = new TimeSeries(30_000_000, 2, List.of(
                Metric.LATENCY_P50.series(Metric.Scope.FUNCTION, "f", new long[] {50_175, -1}),
                Metric.LATENCY_MAXIMUM.series(Metric.Scope.FUNCTION, "f", new long[] {2_000, 0}),
                Metric.ENVIRONMENTS_AVERAGE.series(Metric.Scope.FUNCTION, "f", new long[] {2_250, 1}),
                Metric.INVOCATIONS.series(Metric.Scope.FUNCTION, "f", new long[] {3, 0}),
                Metric.invokeErrors(Metric.Scope.FUNCTION, "f", "EC2ThrottledException", new long[] {0, 4})));
        String[] lines = dev.enisim.report.TimeSeriesCsv.render(ts).split("\n");
        List<String> header = List.of(lines[0].split(",", -1));
        assertEquals(List.of("timeSeconds", "scope", "id", "Invocations"), header.subList(0, 4));
        assertEquals("Sim.InvokeErrors.EC2ThrottledException", header.get(header.size() - 1));
        assertEquals(3, lines.length, "a header and a row per bucket");
        List<String> first = List.of(lines[1].split(",", -1));
        List<String> second = List.of(lines[2].split(",", -1));
        assertEquals("0", first.get(0));
        assertEquals("30", second.get(0));
        assertEquals("function", first.get(1));
        assertEquals("f", first.get(2));
        int p50 = header.indexOf("Sim.Latency.p50");
        int max = header.indexOf("Sim.Latency.Maximum");
        int average = header.indexOf("Sim.Environments.Average");
        assertEquals("50.175", first.get(p50));
        assertEquals("", second.get(p50));
        assertEquals("2", first.get(max));
        assertEquals("0", second.get(max));
        assertEquals("2.25", first.get(average));
        assertEquals("0.001", second.get(average));
        assertEquals("3", first.get(header.indexOf("Invocations")));
        assertEquals("", first.get(header.indexOf("Errors")), "no Errors series for f: an empty cell");
        assertEquals("4", second.get(header.indexOf("Sim.InvokeErrors.EC2ThrottledException")));
    }

    /** Each unit's decimals, and a group's metrics in catalogue order. */
    @Test
    void unitsAndGroups() {
        assertEquals(0, Metric.Unit.COUNT.decimals());
        assertEquals(3, Metric.Unit.MICROSECONDS.decimals());
        assertEquals(3, Metric.Unit.THOUSANDTHS.decimals());
        assertTrue(!Metric.Unit.MICROSECONDS.missing(0), "0 us is a value");
        assertTrue(!Metric.Unit.THOUSANDTHS.missing(-1));
        assertEquals(List.of(Metric.NAT_CONNECTIONS, Metric.ERROR_PORT_ALLOCATION), Metric.of(Metric.Group.NAT));
        assertEquals(List.of(Metric.PROVISIONED_CONCURRENCY_INVOCATIONS,
                Metric.PROVISIONED_CONCURRENCY_SPILLOVER_INVOCATIONS, Metric.PROVISIONED_CONCURRENCY_ALLOCATED),
                Metric.of(Metric.Group.PROVISIONED));
        assertEquals(Metric.Group.SQS, Metric.SQS_CONCURRENT_BATCHES.group());
        assertEquals(List.of("account", "function", "vpc", "eniKey", "subnet", "natGateway"),
                java.util.Arrays.stream(Metric.Scope.values()).map(Metric.Scope::id).toList());
        assertEquals(List.of(Metric.Scope.ACCOUNT, Metric.Scope.VPC, Metric.Scope.ENI_KEY),
                Metric.HYPERPLANE_ENI_COUNT.scopes());
        assertEquals("Maximum", Metric.CONCURRENT_EXECUTIONS.statistic());
        assertEquals("Sim.Environments.Busy.Average", Metric.ENVIRONMENTS_BUSY_AVERAGE.column());
        assertEquals(List.of(), new TimeSeries(1, 1, List.of()).all(Metric.INVOCATIONS, Metric.Scope.ACCOUNT));
        TimeSeries accountOnly = new TimeSeries(1, 1,
                List.of(Metric.HYPERPLANE_ENI_COUNT.series(Metric.Scope.ACCOUNT, "", new long[] {1})));
        assertEquals(List.of(), accountOnly.all(Metric.HYPERPLANE_ENI_COUNT, Metric.Scope.VPC));
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
