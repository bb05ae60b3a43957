package dev.enisim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CloudWatch} on its own: the time formats the AWS CLI versions print, which result belongs to which
 * function and metric, the period found or given, durations weighted by invocations, and each broken result's
 * problem with its path.
 */
class CloudWatchResultsTest {

    @TempDir
    Path dir;

    private final List<String> notes = new ArrayList<>();

    private CloudWatch cw(long period) {
        return new CloudWatch(List.of("orders", "orders-api", "billing_job"), notes, period);
    }

    private Path file(String name, String json) throws Exception {
        return Files.writeString(dir.resolve(name), json);
    }

    /** One get-metric-data result, StatusCode Complete (package-visible: other importer tests build theirs so too). */
    static String result(String id, String label, String timestamps, String values) {
        return "{\"Id\": \"" + id + "\", \"Label\": \"" + label + "\", \"StatusCode\": \"Complete\", \"Timestamps\": "
                + timestamps + ", \"Values\": " + values + "}";
    }

    /** A CloudWatch of the given period (0: found from the data) that has read one file of these results. */
    private CloudWatch read(long period, String name, String... results) throws Exception {
        CloudWatch c = cw(period);
        c.read(results(name, results));
        return c;
    }

    private Path results(String name, String... results) throws Exception {
        return file(name, "{\"MetricDataResults\": [" + String.join(", ", results) + "], \"Messages\": []}");
    }

    @Test
    void everyTimeFormatTheCliPrintsIsTheSameInstant() throws Exception {
        CloudWatch c = read(0, "t.json", result("orders_api_inv", "Invocations",
                "[\"2026-11-20T10:00:00+00:00\", \"2026-11-20 10:01:00+00:00\", 1795168920, 1795168980000,"
                        + " \" 2026-11-20T10:04:00Z \"]", "[1, 2, 3, 4, 5]"));
        CloudWatch.Traffic t = c.traffic().get("orders-api");
        assertEquals(List.of(1795168800L, 1795168860L, 1795168920L, 1795168980L, 1795169040L),
                List.copyOf(t.invocations().keySet()), "ISO with a T or a space, epoch seconds, epoch milliseconds");
        assertEquals(60, t.periodSeconds(), "the smallest gap");
        assertTrue(notes.contains(dir.resolve("t.json") + ": CloudWatch period taken as 1m, the smallest gap between"
                + " its data points; periods without one had no invocations (`--period` sets it)"), notes.toString());
    }

    @Test
    void resultsAreTheLongestFunctionNamedAsWholeWordsAndOneMetric() throws Exception {
        CloudWatch c = read(300, "r.json",
                result("m1", "orders-api Invocations", "[0, 300]", "[5, 6]"),
                result("billing_job_duration", "", "[0]", "[200]"),
                result("m3", "ordersx Invocations", "[0]", "[1]"),
                result("m4", "orders Invocations Duration", "[0]", "[1]"),
                result("m5", "orders Errors", "[0]", "[1]"),
                result("m6", "orders invocations", "[600]", "[9]"));
        Map<String, CloudWatch.Traffic> t = c.traffic();
        assertEquals(List.of(5.0, 6.0), List.copyOf(t.get("orders-api").invocations().values()));
        assertEquals(List.of(9.0), List.copyOf(t.get("orders").invocations().values()));
        assertNull(t.get("billing_job"), "Duration only: no traffic");
        assertEquals(200.0, c.durationOnly("billing_job"), "its duration kept for its placeholder traffic");
        assertNull(c.durationOnly("orders"), "a function with invocations takes its duration from the traffic");
        String in = " in " + dir.resolve("r.json") + " left out: ";
        assertEquals(List.of(
                "result m3 (ordersx Invocations)" + in + "its Id and Label name no imported function",
                "result m4 (orders Invocations Duration)" + in + "its Id and Label say both Invocations and Duration",
                "result m5 (orders Errors)" + in + "its Id and Label say neither Invocations nor Duration",
                "billing_job: CloudWatch Duration without Invocations; its traffic is a placeholder"), notes);
    }

    @Test
    void durationsAreWeightedByThatPeriodsInvocationsOrAPlainMeanWhenNoneMatch() throws Exception {
        CloudWatch c = read(60, "w.json",
                result("orders_inv", "Invocations", "[0, 60, 120]", "[1, 3, 0]"),
                result("orders_dur", "Duration", "[0, 60, 120]", "[100, 200, 900]"),
                result("orders_api_inv", "Invocations", "[0]", "[4]"),
                result("orders_api_dur", "Duration", "[600, 660]", "[100, 300]"));
        Map<String, CloudWatch.Traffic> t = c.traffic();
        assertEquals((1 * 100 + 3 * 200 + 0 * 900) / 4.0, t.get("orders").meanDurationMs(), 1e-12);
        assertEquals(200.0, t.get("orders-api").meanDurationMs(), 1e-12,
                "no period has both: the plain mean of the averages");
        assertEquals(60, t.get("orders").periodSeconds(), "the period given");
    }

    @Test
    void aFunctionWithOnePointIsRefusedWithoutAPeriodAndTakesTheOneGiven() throws Exception {
        Path one = results("one.json", result("orders_inv", "Invocations", "[0]", "[3]"));
        CloudWatch c = cw(0);
        c.read(one);
        ScenarioException e = assertThrows(ScenarioException.class, c::traffic);
        assertEquals(one.toString(), e.source());
        assertEquals("[MetricDataResults[0].Timestamps: orders: one data point per result in every file of its"
                + " results, so the period of the queries cannot be read from the points (get-metric-data does not"
                + " print the Period): give it with --period, like --period 1d for a query with --period 86400"
                + " (enisim import stops rather than guess)]", e.problems().toString());
        CloudWatch given = cw(86_400);
        given.read(one);
        assertEquals(86_400, given.traffic().get("orders").periodSeconds());
    }

    @Test
    void gapsThatDoNotTellThePeriodAreRefusedWithoutOne() throws Exception {
        Path f = results("odd.json", result("orders_inv", "Invocations", "[0, 600, 1500]", "[1, 1, 1]"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> cw(0).read(f));
        assertEquals("[MetricDataResults[0].Timestamps: data points 900 s apart, not a multiple of the 600 s between"
                + " the closest points of this file: the period of the queries cannot be told from the points (it"
                + " divides both, 300 s or less); give the Period the queries used with --period (enisim import stops"
                + " rather than guess)]", e.problems().toString());
        assertEquals(300, read(300, "odd2.json", result("orders_inv", "Invocations", "[0, 600, 1500]", "[1, 1, 1]"))
                .traffic().get("orders").periodSeconds());
    }

    @Test
    void aFunctionTakesTheShortestPeriodOfTheFilesItsResultsAreIn() throws Exception {
        CloudWatch c = read(0, "a.json", result("orders_inv", "Invocations", "[0, 300]", "[1, 1]"));
        c.read(results("b.json", result("orders_x", "Invocations", "[1000, 1060]", "[1, 1]")));
        c.read(results("c.json", result("orders_y", "Invocations", "[5000]", "[1]")));
        assertEquals(60, c.traffic().get("orders").periodSeconds(), "min(5m, 1m), a file with one point not counted");
    }

    @Test
    void brokenResultsAreProblemsWithTheirPathsAllAtOnce() throws Exception {
        Path f = file("bad.json", "{\"MetricDataResults\": ["
                + result("orders_inv", "Invocations", "[\"yesterday\", -5, 120]", "[1, 2, 3]") + ", "
                + result("orders_api_inv", "Invocations", "[0, 60]", "[-1, \"x\"]") + ", "
                + result("orders_dur", "Duration", "[0, 60]", "[1]") + ", "
                + "{\"Id\": \"billing_job_inv\", \"Label\": \"Invocations\", \"StatusCode\": \"InternalError\","
                + " \"Timestamps\": [], \"Values\": []}, "
                + "{\"Id\": \"billing_job_d\", \"Label\": \"Duration\", \"StatusCode\": \"Forbidden\"}, "
                + "{\"Label\": \"x\", \"Timestamps\": [], \"Values\": []}]}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> cw(0).read(f));
        assertEquals(f.toString(), e.source());
        assertEquals(List.of(
                "MetricDataResults[0].Timestamps[0]: expected an ISO-8601 time like 2026-11-20T08:00:00+00:00 or epoch"
                        + " seconds, got \"yesterday\"",
                "MetricDataResults[0].Timestamps[1]: expected an ISO-8601 time like 2026-11-20T08:00:00+00:00 or epoch"
                        + " seconds, got -5",
                "MetricDataResults[1].Values[0]: expected a number >= 0, got -1",
                "MetricDataResults[1].Values[1]: expected a number >= 0, got \"x\"",
                "MetricDataResults[2]: expected lists Timestamps and Values of equal length",
                "MetricDataResults[3].StatusCode: CloudWatch returned InternalError for this query: expected Complete"
                        + " or PartialData (query again, with cloudwatch:GetMetricData)",
                "MetricDataResults[4].StatusCode: CloudWatch returned Forbidden for this query: expected Complete or"
                        + " PartialData (query again, with cloudwatch:GetMetricData)",
                "MetricDataResults[5].Id: missing (expected a string)"),
                e.problems().stream().map(Object::toString).toList());
    }

    @Test
    void pointsCloserThanTheGivenPeriodAreAProblem() throws Exception {
        Path f = results("close.json", result("orders_inv", "Invocations", "[0, 60, 300]", "[1, 1, 1]"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> cw(300).read(f));
        assertEquals(List.of("MetricDataResults[0].Timestamps: data points 60 s apart, closer than the period of 300 s"
                + " given (--period)"), e.problems().stream().map(Object::toString).toList());
        cw(60).read(f); // exactly the period: fine
    }

    /** get-metric-statistics output is named as such, with what to save instead (it was "another command?"). */
    @Test
    void getMetricStatisticsOutputSaysWhatToRunInstead() throws Exception {
        Path f = file("gms.json", """
                {"Label": "Invocations", "Datapoints": [
                  {"Timestamp": "2026-01-12T14:00:00+00:00", "Sum": 120.0, "Unit": "Count"},
                  {"Timestamp": "2026-01-12T14:05:00+00:00", "Sum": 150.0, "Unit": "Count"}]}
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> cw(0).read(f));
        assertEquals(f.toString(), e.source());
        assertEquals("[Datapoints: this is `aws cloudwatch get-metric-statistics` output, which names neither its"
                + " function (the FunctionName dimension is not printed) nor its Period: save `aws cloudwatch"
                + " get-metric-data` output instead, one query per function and metric with an Id naming both, like"
                + " orders_api_invocations (scenarios/import-example/queries.json)]", e.problems().toString());
    }
}
