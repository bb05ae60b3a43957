package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.Metric;
import dev.enisim.metrics.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSeriesCsvTest {

    private static final Metric.Scope F = Metric.Scope.FUNCTION;

    /** The header is the catalogue's run columns in order, then the columns this run has, as they came. */
    @Test
    void columnsComeFromTheCatalogue() {
        TimeSeries ts = new TimeSeries(1_000_000, 1, List.of(
                Metric.INVOCATIONS.series(F, "api", new long[] {4}),
                Metric.invokeErrors(F, "api", "ENILimitReachedException", new long[] {1}),
                Metric.ERROR_PORT_ALLOCATION.series(Metric.Scope.NAT_GATEWAY, "nat-1", new long[] {2})));
        String[] header = TimeSeriesCsv.render(ts).split("\n")[0].replace("\"", "").split(",");
        List<String> expected = new ArrayList<>(List.of("timeSeconds", "scope", "id"));
        for (Metric m : Metric.of(Metric.Group.RUN)) {
            expected.add(m.column());
        }
        expected.add("Sim.InvokeErrors.ENILimitReachedException");
        expected.add("ErrorPortAllocation");
        assertEquals(expected, List.of(header));
        assertFalse(List.of(header).contains("AsyncEventsReceived"), "no asynchronous columns without them");
    }

    /**
     * A value is quoted only when CSV needs it: long names (over Jackson's default 24-character quick check) are
     * not, an id with a comma is.
     */
    @Test
    void onlyValuesThatNeedItAreQuoted() {
        TimeSeries ts = new TimeSeries(1_000_000, 1, List.of(
                Metric.INVOCATIONS.series(F, "api,v2", new long[] {4}),
                Metric.invokeErrors(F, "api,v2", "SubnetIPAddressLimitReachedException", new long[] {1})));
        String[] lines = TimeSeriesCsv.render(ts).split("\n");
        assertFalse(lines[0].contains("\""), lines[0]);
        assertTrue(lines[0].contains(",Sim.Environments.Provisioned.Average,"), lines[0]);
        assertTrue(lines[1].startsWith("0,function,\"api,v2\","), lines[1]);
    }

    /** Each cell is converted once, by its metric's unit: microseconds as ms, thousandths as units, gaps empty. */
    @Test
    void cellsAreConvertedByUnit() {
        TimeSeries ts = new TimeSeries(1_500_000, 2, List.of(
                Metric.LATENCY_P50.series(F, "api", new long[] {12_345, -1}),
                Metric.ENVIRONMENTS_AVERAGE.series(F, "api", new long[] {1_500, 2_000}),
                Metric.INVOCATIONS.series(F, "api", new long[] {7, 0})));
        String[] lines = TimeSeriesCsv.render(ts).split("\n");
        List<String> header = List.of(lines[0].replace("\"", "").split(","));
        String[] first = lines[1].split(",", -1);
        String[] second = lines[2].split(",", -1);
        assertEquals("0", first[0]);
        assertEquals("1.5", second[0], "bucket starts in seconds");
        assertEquals("12.345", first[header.indexOf("Sim.Latency.p50")]);
        assertEquals("", second[header.indexOf("Sim.Latency.p50")], "no latency in the bucket: an empty cell");
        assertEquals("1.5", first[header.indexOf("Sim.Environments.Average")]);
        assertEquals("2", second[header.indexOf("Sim.Environments.Average")]);
        assertEquals("7", first[header.indexOf("Invocations")]);
        assertTrue(first[header.indexOf("Sim.SubnetAvailableIps")].isEmpty(), "not a function's metric");
    }

    /** Event ages kept in microseconds are written as whole milliseconds and seconds, rounded down. */
    @Test
    void agesAreWrittenInWholeUnitsRoundedDown() {
        TimeSeries ts = new TimeSeries(1_000_000, 1, List.of(
                Metric.ASYNC_EVENT_AGE.series(F, "api", new long[] {1_999}),
                Metric.APPROXIMATE_AGE_OF_OLDEST_MESSAGE.series(F, "api", new long[] {2_999_999})));
        String[] lines = TimeSeriesCsv.render(ts).split("\n");
        List<String> header = List.of(lines[0].replace("\"", "").split(","));
        String[] row = lines[1].split(",", -1);
        assertEquals("1", row[header.indexOf("AsyncEventAge")]);
        assertEquals("2", row[header.indexOf("ApproximateAgeOfOldestMessage")]);
    }
}
