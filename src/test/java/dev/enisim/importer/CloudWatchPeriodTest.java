package dev.enisim.importer;

import static dev.enisim.importer.CloudWatchResultsTest.result;
import static dev.enisim.importer.ImporterTest.EX;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --period} must fit the data: five-minute sums read with {@code --period 1m} would each become a one-minute
 * burst at five times the rate, so the import is refused, saying which period the data show.
 */
class CloudWatchPeriodTest {

    @TempDir
    Path dir;

    /** Epoch seconds of 10:00 on 2026-11-20, a multiple of 5 minutes. */
    private static final long T0 = 1_795_168_800L;

    private static String times(long... minutes) {
        StringBuilder b = new StringBuilder("[");
        for (long m : minutes) {
            b.append(b.length() > 1 ? ", " : "").append(T0 + 60 * m);
        }
        return b.append(']').toString();
    }

    private static String values(int n) {
        return "[" + String.join(", ", java.util.Collections.nCopies(n, "300.0")) + "]";
    }

    private Path metrics(String... results) throws Exception {
        return write(dir, "metrics.json", "{\"MetricDataResults\": [" + String.join(", ", results) + "]}");
    }

    private String importing(Path metrics, long period) throws Exception {
        return Importer.scenario(new Importer.Inputs(List.of(EX.resolve("subnets.json")),
                List.of(EX.resolve("functions.json")), List.of(), List.of(), List.of(metrics)),
                new Importer.Options("p", 600, period, 0));
    }

    @Test
    void fiveMinuteDataReadWithOneMinuteIsRefusedSayingWhichPeriodTheDataShow() throws Exception {
        Path m = metrics(result("checkout_api_invocations", "Invocations", times(0, 5, 10, 15), values(4)),
                result("checkout_worker_invocations", "Invocations", times(0, 10), values(2)));
        ScenarioException e = assertThrows(ScenarioException.class, () -> importing(m, 60));
        assertEquals(m.toString(), e.source());
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).toString().startsWith("MetricDataResults[0].Timestamps: every data point in"
                + " this file is a multiple of 5m apart, 5 times the period of 1m given (--period): expected points 1m"
                + " apart somewhere"), e.getMessage());
        assertTrue(e.getMessage().contains("Pass --period 5m, or leave --period out"), e.getMessage());
        // the same data as 5-minute periods: 300 per 5 minutes is 60/m, not 300/m for one minute in five
        String yaml = importing(m, 300);
        assertTrue(yaml.contains("{ poisson: 60/m, from: 0s, until: 20m }   # 300 per period"), yaml);
        String guessed = importing(m, 0);
        assertEquals(ImporterTest.unsealed(yaml).substring(yaml.indexOf("\nname: ")), ImporterTest.unsealed(guessed)
                .substring(guessed.indexOf("\nname: ")),
                "the data's spacing when --period is left out (a note says so)");
    }

    @Test
    void theCommandExitsTwoNamingTheFileAndWritesNothing() throws Exception {
        Path m = metrics(result("checkout_api_invocations", "Invocations", times(0, 5, 10), values(3)));
        Path out = dir.resolve("p.yaml");
        ImportCommandTest.Result r = ImportCommandTest.run("import", "--subnets", EX + "/subnets.json",
                "--functions", EX + "/functions.json", "--metrics", m.toString(), "--period", "1m", "-o",
                out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith(m + ":1: MetricDataResults[0].Timestamps: every data point in this file is a"
                + " multiple of 5m apart"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(out));
    }

    @Test
    void sparseDataAtTheGivenPeriodIsAccepted() throws Exception {
        // one-minute data with quiet minutes: one gap of a minute shows the period, the others are multiples of it
        Path m = metrics(result("checkout_api_invocations", "Invocations", times(0, 5, 10), values(3)),
                result("checkout_worker_invocations", "Invocations", times(3, 4, 9), values(3)));
        String yaml = importing(m, 60);
        assertTrue(yaml.contains("{ poisson: 300/m, from: 0s, until: 1m }"), yaml);
        // and gaps of 2 and 3 minutes: not all a multiple of the smallest, so no longer Period shows
        Path n = metrics(result("checkout_api_invocations", "Invocations", times(0, 2, 5, 7), values(4)));
        importing(n, 60);
    }

    @Test
    void gapsThatAreNotAMultipleOfThePeriodAreRefused() throws Exception {
        Path m = metrics(result("checkout_api_invocations", "Invocations", times(0, 5, 12), values(3)));
        ScenarioException e = assertThrows(ScenarioException.class, () -> importing(m, 300));
        assertEquals(List.of("MetricDataResults[0].Timestamps: data points 420 s apart, not a multiple of the period"
                + " of 300 s given (--period): expected points a whole number of periods apart, as CloudWatch gives"
                + " them (was the queries' Period another?)"), e.problems().stream().map(Object::toString).toList());
    }
}
