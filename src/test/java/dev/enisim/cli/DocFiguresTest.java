package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.cli.CliTest.Result;
import dev.enisim.report.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures README.md and scenarios/README.md quote from a run are what that run prints today: each test re-runs a
 * documented command exactly as the doc gives it (the bundled scenario, its own seed, the quoted options), in-process,
 * and finds both the doc's quoted words and the output's own. A model change that moves a quoted figure fails here,
 * naming the doc line to write again, rather than leaving the doc to say what the software no longer prints.
 *
 * <p>Pinned (the doc lines, as of this test):
 * <ul>
 * <li>README.md, Costs ("Where the cost is said") and Run with replications: {@code run scenarios/quickstart.yaml
 * --replications 3}'s {@code cost.total (USD per 2h)  $2.08  [$2.05, $2.10]};</li>
 * <li>README.md, Reports (the verdict's colour and lead, Summary): eni-not-ready's refusals, async-inactive-function's
 * queued events, burst-scaling's totals and scaling, the amber shares of assumptions-documented and dual-stack;</li>
 * <li>scenarios/README.md, "Scenarios in this folder": the lessons of eni-not-ready and async-inactive-function, and
 * the table's eni-not-ready row;</li>
 * <li>scenarios/eni-not-ready.yaml's comment: the connections' peak and the second ENI's creation;</li>
 * <li>README.md's command table: compare's cost rows named by the run's duration;</li>
 * <li>README.md, Outputs: the quickstart's {@code explain} excerpt.</li>
 * </ul>
 * Not pinned, their commands too slow for the suite (a minute or more under load): README.md's {@code compare
 * scenarios/az-outage.yaml} example, its {@code plan scenarios/teardown.yaml --assumptions both --replications 10}
 * example, scenarios/README.md's assumptions-documented lesson ({@code --replications 20}), and README.md's
 * shared-eni-65k quotes (its 1.4 million invocations took about 40 s here even without the charts; its verdict's
 * figures are pinned by ConnectionsVerdictTest).
 */
class DocFiguresTest {

    @TempDir
    Path dir;

    private static String doc(String file) throws IOException {
        return flat(Files.readString(Path.of(file)));
    }

    /** Runs of blanks and line ends as one space: a doc wraps its quotes, a table pads its columns. */
    private static String flat(String s) {
        return s.replaceAll("\\s+", " ");
    }

    /** The words of a report.html as a reader sees them: no script, style or tags, entities read, blanks as one. */
    private static String page(Path html) throws IOException {
        String s = Files.readString(html).replaceAll("(?s)<script.*?</script>|<style.*?</style>", " ")
                .replaceAll("<[^>]+>", " ");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
        return flat(s);
    }

    /** {@code text} holds {@code words}, named by {@code what} when it does not. */
    private static void has(String what, String text, String words) {
        assertTrue(text.contains(words), what + " no longer says: " + words);
    }

    /** {@code enisim run SCENARIO --out DIR}, as the docs' runs are: exit 0, the terminal and the page. */
    private String[] run(String scenario) throws IOException {
        Path out = dir.resolve(scenario);
        Result r = CliTest.run("run", "scenarios/" + scenario + ".yaml", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        return new String[] {flat(r.out()), page(out.resolve("report.html")), flat(Files.readString(out.resolve(
                "narrative.txt"))), out.toString()};
    }

    /** README.md: {@code run --replications}' cost line, quoted twice (Costs; Run with replications). */
    @Test
    void quickstartReplicationsCostLine() throws IOException {
        Result r = CliTest.run("run", "scenarios/quickstart.yaml", "--replications", "3", "--out",
                dir.resolve("qs").toString());
        assertEquals(0, r.code(), r.err());
        String line = "cost.total (USD per 2h) $2.08 [$2.05, $2.10] at us-east-1 list prices of 2026-11-30";
        has("run --replications 3", flat(r.out()), line);
        // every quote of a run's cost line with its interval is this one (Where the cost is said; Run with
        // replications): the period, the figures and the price table
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "cost\\.total \\(USD per [^)]*\\) \\$[0-9.,]+ \\[\\$[^\\]]*\\] at [^`]*").matcher(doc("README.md"));
        int quotes = 0;
        while (m.find()) {
            assertEquals(line, m.group(), "README.md quotes run --replications 3's cost line");
            quotes++;
        }
        assertEquals(2, quotes, "README.md's quotes of the cost line");
    }

    /** eni-not-ready: scenarios/README.md's lesson and README.md's verdict quote. */
    @Test
    void eniNotReady() throws IOException {
        String[] o = run("eni-not-ready");
        String page = o[1];
        has("eni-not-ready's verdict", page, "opened up to 100,346 connections at once");
        has("eni-not-ready's verdict", page, "Lambda created a second ENI for the key at 00:01:31, ready at 00:03:03;"
                + " meanwhile 3,818 invocations of all 5 found the key's ENIs full");
        has("eni-not-ready's verdict", page, "for a network cause: ENINotReadyException, 3,818 from 00:01:31 to"
                + " 00:03:03; the most: ResourceConflictException, 17,866 from");
        String lesson = doc("scenarios/README.md");
        has("scenarios/README.md (eni-not-ready)", lesson, "about 100,000 connections (100,346 at the peak with the"
                + " scenario's seed)");
        has("scenarios/README.md (eni-not-ready)", lesson, "(00:01:31 with the scenario's seed, ready at 00:03:03)");
        has("scenarios/README.md (eni-not-ready)", lesson, "(3,818 here, between 00:01:31 and 00:03:03)");
        has("README.md (Reports: the verdict's lead)", doc("README.md"), "(eni-not-ready: \"for a network cause:"
                + " ENINotReadyException, 3,818 ...; the most: ResourceConflictException, 17,866\"");
        // the scenario's own comment and the folder's table: the run's peak and its second ENI's creation, as the
        // verdict above says them
        String comment = doc("scenarios/eni-not-ready.yaml").replace(" # ", " ");
        has("scenarios/eni-not-ready.yaml's comment", comment, "the environments of the five make about 100,000"
                + " connections (100,346 at the peak with this seed), past the 65,000 one ENI carries");
        has("scenarios/eni-not-ready.yaml's comment", comment, "Lambda then creates a second ENI for the key (from"
                + " 00:01:31 with this seed, ready at 00:03:03: a minute and a half, hyperplane.eniCreateTime)");
        has("scenarios/README.md (the table's eni-not-ready row)", lesson, "until the second ENI is ready, a minute"
                + " and a half with its seed |");
    }

    /** async-inactive-function: scenarios/README.md's lesson and README.md's Queued events quote. */
    @Test
    void asyncInactiveFunction() throws IOException {
        String[] o = run("async-inactive-function");
        String narrative = o[2];
        has("async-inactive-function's narrative", narrative, "204 invocations of thumbnails-sync failed with"
                + " ResourceNotReadyException (HTTP 502) between 00:10:00 and 00:11:41");
        has("async-inactive-function's narrative", narrative, "thumbnails (invocationType Event): 600 events queued,"
                + " 600 succeeded (152 after retries)");
        has("async-inactive-function's narrative", narrative, "audit-log (invocationType Event): 300 events queued, 94"
                + " succeeded (31 after retries), 206 dropped (206 to the dead-letter queue");
        has("async-inactive-function's verdict", o[1], "2,393 of 3,483 invocations did not succeed (68.7%); most:"
                + " ResourceNotReadyException, 2,393 from 00:10:00 to 00:13:56. 2,189 of them were attempts at queued"
                + " events");
        JsonNode summary = SummaryJson.mapper().readTree(Path.of(o[3], "summary.json").toFile());
        double slowest = summary.at("/async/thumbnails/latencyMillis/max").asDouble();
        assertEquals(130, Math.round(slowest / 1000), "async.thumbnails.latencyMillis.max " + slowest);
        String lesson = doc("scenarios/README.md");
        has("scenarios/README.md (async-inactive-function)", lesson, "fails its first 204 calls with"
                + " `ResourceNotReadyException` (until 00:11:41 with the scenario's seed)");
        has("scenarios/README.md (async-inactive-function)", lesson, "all 600 events succeed, 152 of them after"
                + " retries, the slowest about 130 s after it was queued");
        has("scenarios/README.md (async-inactive-function)", lesson, "the 206 events still waiting");
        has("README.md (Reports: Queued events)", doc("README.md"), "(async-inactive-function: 2,189 of its 2,393"
                + " failures were such attempts, thumbnails' 600 events all succeeded, audit-log lost 206 to its DLQ");
    }

    /** burst-scaling: README.md's Summary totals and the verdict's account of how Lambda scaled. */
    @Test
    void burstScaling() throws IOException {
        String[] o = run("burst-scaling");
        has("burst-scaling's terminal", o[0], "Invocation requests 129,800: 99,000 succeeded, 30,800 throttled");
        has("burst-scaling's terminal", o[0], "counts only those that ran: 99,000)");
        has("burst-scaling's verdict", o[1], "in the 10s from 00:00:00, 3,000 environments started (cold starts) and"
                + " 8,800 requests were throttled; concurrency rose to its peak of 6,000 (first in the 10s from"
                + " 00:06:20), below the account's limit of 10,000; every request after 00:05:59 succeeded.");
        String readme = doc("README.md");
        has("README.md (Reports: Summary)", readme, "(burst-scaling: 129,800 requests, 99,000 Invocations)");
        has("README.md (Reports: the verdict's story)", readme, "(burst-scaling: 3,000 environments started and 8,800"
                + " requests throttled in the first 10 s, a peak of 6,000 first reached at 00:06:20, every request"
                + " after 00:05:59 succeeded)");
    }

    /** README.md's amber verdicts: the shares of assumptions-documented and dual-stack, and dual-stack's subnets. */
    @Test
    void amberShares() throws IOException {
        has("assumptions-documented's verdict", run("assumptions-documented")[1],
                "565 of 21,735 invocations did not succeed (2.6%); most: ResourceConflictException");
        String dual = run("dual-stack")[1];
        has("dual-stack's verdict", dual, "1,513 of 117,575 invocations did not succeed (1.3%); most:"
                + " ResourceConflictException");
        has("dual-stack's verdict", dual, "Subnets subnet-ds-a and subnet-ds-b ran out of free IPs (the first in the"
                + " 1m from 00:40:00)");
        String readme = doc("README.md");
        has("README.md (Reports: the verdict's colour)", readme, "assumptions-documented and dual-stack: requests sent"
                + " while their new functions were still Pending, 2.6% and 1.3%)");
        has("README.md (Reports: the verdict's subnets)", readme, "(dual-stack: \"Subnets subnet-ds-a and subnet-ds-b"
                + " ran out of free IPs (the first in the 1m from 00:40:00)\")");
    }

    /**
     * README.md's command table says compare's cost rows name the run's duration, {@code cost.total (USD per 2h)} for
     * its 2-hour example (az-outage; the row said {@code USD per 1h}, which no bundled example prints): the example is
     * 2 hours long, and a compare of a 2-minute scenario names 2m in its rows and its note (that compare, not
     * az-outage's, is quick enough for the suite).
     */
    @Test
    void compareCostRowsNameTheRunsDuration() throws IOException {
        has("README.md (the command table's compare row)", doc("README.md"), "`cost.total (USD per 2h)` for a 2-hour"
                + " scenario such as az-outage, the example under What-if comparison");
        has("scenarios/az-outage.yaml", Files.readString(Path.of("scenarios/az-outage.yaml")), "\nduration: 2h\n");
        has("README.md (What-if comparison's example)", doc("README.md"), "java -jar target/enisim.jar compare"
                + " scenarios/az-outage.yaml \\");
        Path f = Files.writeString(dir.resolve("two-minutes.yaml"), """
                name: two-minutes
                seed: 5
                duration: 2m
                bucket: 1m
                functions:
                  - { name: f, duration: 50ms, arrivals: { poisson: 5/s } }
                """);
        Result r = CliTest.run("compare", f.toString(), "--set", "traffic=2", "--replications", "2");
        assertEquals(0, r.code(), r.err());
        has("compare's terminal", r.out(), "\ncost.total (USD per 2m) ");
        has("compare's terminal", r.out(), "Costs (the cost rows) are in US dollars for the 2m each run simulates");
    }

    /**
     * README.md's {@code explain} excerpt (Outputs: "the quickstart, abridged"): each of its lines is a line {@code
     * enisim explain scenarios/quickstart.yaml} prints, a line cut with "..." the start of one.
     */
    @Test
    void explainQuickstartExcerpt() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int intro = readme.indexOf("(the\nquickstart, abridged: it opens with the scenario's name, seed and description):");
        assertTrue(intro > 0, "README.md's explain excerpt is introduced as before");
        int open = readme.indexOf("```\n", intro) + 4;
        java.util.List<String> excerpt = java.util.List.of(readme.substring(open, readme.indexOf("```", open))
                .split("\n"));
        assertTrue(excerpt.size() >= 8, excerpt.toString());
        Result r = CliTest.run("explain", "scenarios/quickstart.yaml");
        assertEquals(0, r.code(), r.err());
        java.util.List<String> lines = java.util.List.of(r.out().split("\n"));
        for (String l : excerpt) {
            String start = l.endsWith(" ...") ? l.substring(0, l.length() - 4) : l;
            assertTrue(lines.stream().anyMatch(x -> l.endsWith(" ...") ? x.startsWith(start) : x.equals(l)),
                    "README.md's explain excerpt: enisim explain scenarios/quickstart.yaml no longer prints: " + l);
        }
    }

    /**
     * README.md's exit codes say a partial result of {@code sensitivity} exits 1, as {@code sensitivity --help} does;
     * the top-level {@code --help}'s exit-code line says so too (it named check, sweep, validate-model and gate only).
     */
    @Test
    void topLevelHelpNamesEveryExitOne() throws IOException {
        has("README.md (Exit codes)", doc("README.md"), "or a partial result of `sensitivity` (a `--metric` without an"
                + " index)");
        has("enisim --help", flat(CliTest.run("--help").out()), "1 a check/sweep/validate-model/gate verdict (an"
                + " assertion failed, a rule was crossed...) or a partial result of sensitivity (a --metric without an"
                + " index), 2 bad input");
    }
}
