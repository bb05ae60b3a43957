package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A FinOps review: sweep gave a cost without unit or period anywhere (terminal, sweep.csv's cost.total.mean,
 * sweep.html, the chart), though its help promised "the unit in the column's name". A cost metric is named with its
 * unit and the time it covers: cost.totalUsdPer10m in the CSV files, "cost.total (USD per 10m)" where people read it;
 * "per run" when --vary sets the duration. --metric cost.total still names it.
 */
class SweepCostUnitTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        return dev.enisim.scenario.OneSubnetYaml.small(dir);
    }

    @Test
    void theCostColumnsAndHeadingsSayUsdAndThePeriod() throws Exception {
        Path out = dir.resolve("sw");
        Result r = CliTest.run("sweep", scenario().toString(), "--vary", "traffic=1,2", "--replications", "2",
                "--metric", "cost.total", "--metric", "invocations.total", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("traffic +cost\\.total \\(USD per 10m\\) +95% CI +"
                + "invocations\\.total +95% CI")), r.out());
        String header = Files.readString(out.resolve("sweep.csv")).lines().findFirst().orElseThrow();
        assertEquals("traffic,cost.totalUsdPer10m.mean,cost.totalUsdPer10m.ciLow,cost.totalUsdPer10m.ciHigh,"
                + "invocations.total.mean,invocations.total.ciLow,invocations.total.ciHigh,problem", header);
        assertTrue(Files.readString(out.resolve("runs.csv")).startsWith("point,traffic,replication,seed,"
                + "cost.totalUsdPer10m,invocations.total\n"), Files.readString(out.resolve("runs.csv")));
        String html = Files.readString(out.resolve("sweep.html")).replace("<wbr/>", "").replace("<wbr>", "");
        assertTrue(html.contains("cost.total (USD per 10m) (95% CI)"), html);
        assertTrue(html.contains("Chart of cost.total (USD per 10m) at each of the 2 points"), html);
        assertTrue(Files.readString(out.resolve("sweep.svg")).contains("cost.total (USD per 10m, mean)"),
                "the chart's axis");
    }

    @Test
    void aVariedDurationMakesItPerRun() throws Exception {
        Path out = dir.resolve("d");
        Result r = CliTest.run("sweep", scenario().toString(), "--vary", "duration=5m,10m", "--metric",
                "cost.total", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(Files.readString(out.resolve("sweep.csv")).lines().findFirst().orElseThrow()
                .contains(",cost.totalUsdPerRun.mean,"), Files.readString(out.resolve("sweep.csv")));
        assertTrue(r.out().contains("cost.total (USD per run)"), r.out());
    }
}
