package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.unwrapped;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import dev.enisim.workload.ArrivalSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** get-metric-data output becomes each function's arrival schedule and mean duration. */
class CloudWatchTest {

    @TempDir
    Path dir;
    private Path subnets;
    private Path functions;

    @BeforeEach
    void account() throws Exception {
        subnets = write(dir, "subnets.json", ImporterTest.ONE_SUBNET);
        // "orders" is a prefix of "orders-api": results must go to the longest name they contain
        functions = write(dir, "functions.json", """
                {"Functions": [
                  {"FunctionName": "orders", "VpcConfig": {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"]}},
                  {"FunctionName": "orders-api", "VpcConfig": {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"]}},
                  {"FunctionName": "quiet"}]}
                """);
    }

    private String importing(String metrics) throws Exception {
        Path m = write(dir, "metrics.json", metrics);
        return unwrapped(Importer.scenario(new Importer.Inputs(List.of(subnets), List.of(functions), List.of(),
                List.of(), List.of(m)), "cw", 600));
    }

    private ScenarioException rejecting(String metrics) throws Exception {
        return assertThrows(ScenarioException.class, () -> importing(metrics));
    }

    @Test
    void resultsAreMatchedByIdOrLabelAndBecomePhases() throws Exception {
        String yaml = importing("""
                {"MetricDataResults": [
                  {"Id": "orders_api", "Label": "Invocations", "StatusCode": "Complete",
                   "Timestamps": ["2026-11-20T10:10:00+00:00", "2026-11-20T10:01:00+00:00", "2026-11-20T10:00:00+00:00"],
                   "Values": [120.0, 60.0, 60.0]},
                  {"Id": "m2", "Label": "orders Invocations", "Timestamps": ["2026-11-20T10:05:00Z"], "Values": [30.0],
                   "StatusCode": "Complete"},
                  {"Id": "orders_api_duration", "Label": "Duration", "StatusCode": "Complete",
                   "Timestamps": ["2026-11-20T10:00:00+00:00", "2026-11-20T10:01:00+00:00", "2026-11-20T10:10:00+00:00"],
                   "Values": [100.0, 400.0, 50.0]},
                  {"Id": "quiet_invocations", "Label": "quiet", "Timestamps": [], "Values": [], "StatusCode": "Complete"},
                  {"Id": "orders_api_errors", "Label": "Errors", "Timestamps": ["2026-11-20T10:00:00+00:00"], "Values": [1.0]},
                  {"Id": "m9", "Label": "Invocations", "Timestamps": [], "Values": []}],
                 "Messages": []}
                """);
        Scenario s = ScenarioLoader.parse(yaml, "cw");
        assertEquals(11 * 60 * 1_000_000L, s.durationMicros(), "10:00 to the end of the 10:10 period");
        // orders-api: one-minute periods (the smallest gap); the two equal minutes merge, 10:02 to 10:10 is quiet
        assertTrue(yaml.contains("""
                    arrivals:   # CloudWatch Invocations per 1m period
                      - { poisson: 60/m, from: 0s, until: 2m }   # 60 per period
                      - { poisson: 120/m, from: 10m, until: 11m }   # 120
                """), yaml);
        // Duration weighted by invocations: (60 x 100 + 60 x 400 + 120 x 50) / 240 = 150 ms
        assertTrue(yaml.contains("duration: { dist: exponential, mean: 150ms }"), yaml);
        // orders: one data point at 10:05; the period is the file's (the data do not say it)
        assertTrue(yaml.contains("      - { poisson: 30/m, from: 5m, until: 6m }   # 30\n"), yaml);
        assertTrue(yaml.contains(dir.resolve("metrics.json") + ": CloudWatch period taken as 1m, the smallest gap"
                + " between its data points; periods without one had no invocations (`--period` sets it)"), yaml);
        assertTrue(yaml.contains("    arrivals: { none: true }   # CloudWatch: no invocations in the window\n"));
        assertTrue(yaml.contains("result orders_api_errors (Errors) in " + dir.resolve("metrics.json")
                + " left out: its Id and Label say neither Invocations nor Duration"), yaml);
        assertTrue(yaml.contains("result m9 (Invocations) in " + dir.resolve("metrics.json")
                + " left out: its Id and Label name no imported function"), yaml);
        Scenario.Function api = s.functions().get(1);
        assertEquals(2, ((ArrivalSpec.Superposition) api.arrivals()).parts().size());
        assertTrue(s.functions().get(2).arrivals() instanceof ArrivalSpec.None);
    }

    @Test
    void brokenResultsAreRejectedWithTheirPath() throws Exception {
        ScenarioException e = rejecting("""
                {"MetricDataResults": [
                  {"Id": "orders_invocations", "Timestamps": ["2026-11-20T10:00:00+00:00", "yesterday"], "Values": [1.0, 2.0]},
                  {"Id": "orders_api_invocations", "Timestamps": ["2026-11-20T10:00:00+00:00"], "Values": []},
                  {"Id": "orders_api_duration", "Timestamps": ["2026-11-20T10:00:00+00:00"], "Values": [-3]},
                  {"Id": "quiet_invocations", "StatusCode": "Forbidden", "Timestamps": [], "Values": []},
                  {"Label": "orders Invocations", "Timestamps": [], "Values": []}]}
                """);
        assertEquals(List.of(
                "MetricDataResults[0].Timestamps[1]: expected an ISO-8601 time like 2026-11-20T08:00:00+00:00 or epoch seconds, got"
                        + " \"yesterday\"",
                "MetricDataResults[1]: expected lists Timestamps and Values of equal length",
                "MetricDataResults[2].Values[0]: expected a number >= 0, got -3",
                "MetricDataResults[3].StatusCode: CloudWatch returned Forbidden for this query: expected Complete or"
                        + " PartialData (query again, with cloudwatch:GetMetricData)",
                "MetricDataResults[4].Id: missing (expected a string)"),
                e.problems().stream().map(Object::toString).toList());
        assertEquals(dir.resolve("metrics.json").toString(), e.source());
    }

    @Test
    void aFileWhereNoResultNamesAFunctionIsAnError() throws Exception {
        ScenarioException e = rejecting("""
                {"MetricDataResults": [{"Id": "m1", "Label": "Invocations", "Timestamps": ["2026-11-20T10:00:00Z"],
                  "Values": [5.0], "StatusCode": "Complete"}], "Messages": []}
                """);
        assertTrue(e.getMessage().contains("MetricDataResults: no Invocations result names an imported function:"
                + " give each query an Id or Label with the function's name"), e.getMessage());
        ScenarioException wrong = rejecting("{\"Datapoints\": [], \"Label\": \"Invocations\"}");
        assertTrue(wrong.getMessage().contains("Datapoints: this is `aws cloudwatch get-metric-statistics` output"),
                "get-metric-statistics output is named: " + wrong.getMessage());
    }

    @Test
    void aLongHistoryCanBeSummedIntoLongerPeriods() throws Exception {
        StringBuilder ts = new StringBuilder();
        StringBuilder vs = new StringBuilder();
        for (int i = 0; i < 300; i++) { // 25 hours of five-minute periods, 1, 2, 3, ... invocations
            ts.append(i == 0 ? "" : ", ").append('"').append(java.time.Instant.ofEpochSecond(1_795_000_000L + 300L * i))
                    .append('"');
            vs.append(i == 0 ? "" : ", ").append(i + 1).append(".0");
        }
        String metrics = "{\"MetricDataResults\": [{\"Id\": \"orders_invocations\", \"Timestamps\": [" + ts
                + "], \"Values\": [" + vs + "]}]}";
        String asSaved = importing(metrics);
        assertTrue(asSaved.contains("orders: 300 CloudWatch periods make as many phases, which slow a run down;"
                + " `enisim import --resample 1h` sums them into fewer"), asSaved);
        Path m = write(dir, "metrics.json", metrics);
        Importer.Inputs in = new Importer.Inputs(List.of(subnets), List.of(functions), List.of(), List.of(), List.of(m));
        String hourly = Importer.scenario(in, new Importer.Options("cw", 600, 0, 3600));
        // the first hour holds periods 1..12: 78 invocations; the last, 289..300 (12 periods, 25 h in all)
        assertTrue(hourly.contains("      - { poisson: 78/h, from: 0s, until: 1h }   # 78\n"), hourly);
        assertTrue(hourly.contains("      - { poisson: 3534/h, from: 1d, until: 1d1h }   # 3534\n"), hourly);
        assertEquals(25 * 3_600_000_000L, ScenarioLoader.parse(hourly, "cw").durationMicros());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Importer.scenario(in, new Importer.Options("cw", 600, 0, 420)));
        assertEquals("--resample: expected a multiple of orders's CloudWatch period of 300 s, got 420 s", e.getMessage());
    }

    @Test
    void aSparseFunctionTakesThePeriodOfItsFileAndAPeriodCanBeGiven() throws Exception {
        String sparse = """
                {"MetricDataResults": [
                  {"Id": "orders_invocations", "Timestamps": ["2026-11-20T10:00:00Z", "2026-11-20T10:05:00Z"],
                   "Values": [300.0, 600.0]},
                  {"Id": "orders_api_invocations", "Timestamps": ["2026-11-20T10:00:00Z", "2026-11-20T10:30:00Z"],
                   "Values": [30.0, 30.0]}]}
                """;
        String yaml = importing(sparse);
        assertTrue(yaml.contains("""
                    arrivals:   # CloudWatch Invocations per 5m period
                      - { poisson: 6/m, from: 0s, until: 5m }   # 30
                      - { poisson: 6/m, from: 30m, until: 35m }   # 30
                """), "orders-api was quiet from 10:05 to 10:30, not busy for half-hours: " + yaml);
        Path m = write(dir, "single.json", """
                {"MetricDataResults": [{"Id": "orders_invocations", "Timestamps": ["2026-11-20T10:00:00Z"],
                  "Values": [60.0]}]}
                """);
        Importer.Inputs in = new Importer.Inputs(List.of(subnets), List.of(functions), List.of(), List.of(), List.of(m));
        ScenarioException unknown = assertThrows(ScenarioException.class, () -> Importer.scenario(in, "cw", 600));
        assertTrue(unknown.problems().get(0).toString().startsWith("MetricDataResults[0].Timestamps: orders: one data"
                + " point per result in every file of its results, so the period of the queries cannot be read"),
                "not guessed: " + unknown.problems());
        String given = Importer.scenario(in, new Importer.Options("cw", 600, 60, 0));
        assertTrue(given.contains("      - { poisson: 60/m, from: 0s, until: 1m }   # 60\n"), given);
        Path five = write(dir, "five.json", sparse);
        ScenarioException e = assertThrows(ScenarioException.class, () -> Importer.scenario(new Importer.Inputs(
                List.of(subnets), List.of(functions), List.of(), List.of(), List.of(five)),
                new Importer.Options("cw", 600, 3600, 0)));
        assertEquals("MetricDataResults[0].Timestamps: data points 300 s apart, closer than the period of 3600 s given"
                + " (--period)", e.problems().get(0).toString());
    }

    @Test
    void twoResultsGivingOnePeriodTwoValuesAreAnError() throws Exception {
        ScenarioException e = rejecting("""
                {"MetricDataResults": [
                  {"Id": "orders_invocations", "Timestamps": ["2026-11-20T10:00:00Z"], "Values": [5.0]},
                  {"Id": "orders_invocations_again", "Timestamps": ["2026-11-20T10:00:00Z"], "Values": [6.0]}]}
                """);
        assertTrue(e.getMessage().contains("MetricDataResults[1].Timestamps[0]: another result gives orders 5.0 at this"
                + " time, this one 6.0"), e.getMessage());
    }
}
