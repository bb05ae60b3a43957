package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A FinOps review: the terminal never showed a cost (run's summary, narrative.txt, run --replications), and compare's
 * cost rows and note gave no unit, no period, and named A's price table only. Now: run's summary and narrative.txt end
 * their figures with the page's cost sentence (its rounding), --replications gives cost.total in dollars with its
 * interval, compare's cost rows say "USD per 10m" and its note names each side's table and the rates that differ.
 */
class CostInTheTerminalTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        return Files.writeString(dir.resolve("small.yaml"), dev.enisim.scenario.OneSubnetYaml.of(
                "name: small\nseed: 3\nduration: 10m", "name: f\nmemoryMb: 1024\nduration: 200ms\n"
                        + "arrivals: { poisson: 5/s }"));
    }

    @Test
    void runSaysTheCostAsThePageDoesInTheTerminalAndTheNarrative() throws Exception {
        Path out = dir.resolve("r");
        Result r = CliTest.run("run", scenario().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String line = r.out().lines().filter(l -> l.startsWith("Estimated cost $")).findFirst().orElse(r.out());
        assertTrue(line.startsWith("Estimated cost $") && line.contains(" for the 10m simulated (requests $")
                && line.contains(") at us-east-1 list prices of 2026-11-30. Not in it: the free tier"), line);
        List<String> story = Files.readAllLines(out.resolve("narrative.txt"));
        assertEquals(line, story.get(story.size() - 1));
    }

    @Test
    void replicationsGiveTheCostInDollarsWithItsInterval() throws Exception {
        Result r = CliTest.run("run", scenario().toString(), "--replications", "3", "--out",
                dir.resolve("rep").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String cost = r.out().lines().filter(l -> l.trim().startsWith("cost.total")).findFirst().orElse(r.out());
        assertTrue(cost.matches("  cost\\.total \\(USD per 10m\\) +\\$0\\.\\d+ +\\[\\$0\\.\\d+, \\$0\\.\\d+] at"
                + " us-east-1 list prices of 2026-11-30 \\(no free tier; .*"), cost);
    }

    @Test
    void compareNamesEachSidesPricesAndTheUnitOfItsCostRows() throws Exception {
        Path html = dir.resolve("c.html");
        Result r = CliTest.run("compare", scenario().toString(), "--set", "prices.region=eu-south-1", "--set",
                "prices.x86_64.perGbSecond=0.0000195172", "--replications", "2", "--html", html.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("cost.total (USD per 10m) ")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("functions.f.cost.duration (USD per 10m) ")), r.out());
        String note = "Costs (the cost rows) are in US dollars for the 10m each run simulates, at different prices:"
                + " A's us-east-1 list prices of 2026-11-30, B's eu-south-1 list prices of 2026-11-30; B's rates that"
                + " differ: x86_64.perGbSecond 0.0000195172 (A 0.0000166667), so B - A is partly the prices'"
                + " difference, no free tier; the mean over the replications.";
        assertTrue(r.out().contains("\n" + note + "\n"), r.out());
        assertTrue(Files.readString(html).contains("<p class=\"note\">" + note + "</p>"), Files.readString(html));
    }
}
