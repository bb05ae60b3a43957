package dev.enisim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.cli.Main;
import dev.enisim.metrics.RunSummary;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Overrides;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code enisim bench} on a tiny workload: the table, the JSON's figures against a direct run, and bad input. */
class BenchCommandTest {

    @TempDir
    Path dir;

    /** What a bench command gave (for this package's tests). */
    record Run(int code, String out, String err) {
    }

    static Run bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsTheTableAndWritesTheJson() throws Exception {
        Path scenario = tiny();
        Path json = dir.resolve("bench.json");
        Run r = bench(scenario.toString(), "--repeat", "2", "--json", json.toString(),
                "--set", "duration=10000s");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("events/s (min-max)"), r.out());
        assertTrue(r.out().contains("vs Erlang B(5, 3) = 0.11"), r.out());
        assertTrue(r.err().contains("run 2 of 2"), r.err());

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(Runtime.getRuntime().availableProcessors(), root.get("cores").asInt());
        assertEquals(System.getProperty("java.version"), root.get("java").asText());
        assertEquals(Runtime.getRuntime().maxMemory(), root.get("maxHeapBytes").asLong());
        assertEquals(HeapReferences.mode(), root.get("heapReferences").asText(), "the references' mode beside the heap");
        JsonNode w = root.get("workloads").get(0);
        assertEquals(scenario.toString(), w.get("workload").asText());
        assertEquals(2, w.get("repeats").asInt());
        assertEquals(10_000, w.get("simulatedSeconds").asDouble(), "--set applies");

        // the counts are those of the same scenario simulated directly (a run is deterministic)
        Scenario same = ScenarioLoader.parseTree(Overrides.apply(ScenarioLoader.readTree(scenario),
                List.of("duration=10000s"), "tiny.yaml"), "tiny.yaml");
        RunSummary.Events direct = new Simulation(same, 0).run().summary().events();
        assertEquals(direct.total(), w.get("events").asLong());
        assertEquals(direct.arrivals(), w.get("arrivals").asLong());
        assertEquals(direct.completions(), w.get("completions").asLong());
        assertEquals(direct.other(), w.get("otherEvents").asLong());
        assertEquals(direct.arrivals(), w.get("invocations").asLong());
        assertEquals(w.get("arrivals").asLong() + w.get("completions").asLong() + w.get("otherEvents").asLong(),
                w.get("events").asLong());
        // 3/s for 10,000 s: 30,000 arrivals give or take 5 standard deviations (sqrt(30,000) = 173)
        assertEquals(30_000, direct.arrivals(), 5 * 173);

        // rates: the median run's, between the slowest and the fastest
        double wall = w.get("wallSeconds").asDouble();
        assertTrue(wall > 0, "wall " + wall);
        assertEquals(w.get("events").asLong() / wall, w.get("eventsPerSecond").asDouble(),
                1e-9 * w.get("eventsPerSecond").asDouble());
        assertEquals(w.get("invocations").asLong() / wall, w.get("invocationsPerSecond").asDouble(),
                1e-9 * w.get("invocationsPerSecond").asDouble());
        assertOrdered(w, "eventsPerSecondMin", "eventsPerSecond", "eventsPerSecondMax");
        assertOrdered(w, "invocationsPerSecondMin", "invocationsPerSecond", "invocationsPerSecondMax");
        // memory: a peak within the heap; the retained run state is far below it (the tiny run holds kilobytes of
        // state and its time series), and every event allocates something but not a kilobyte
        long peak = w.get("peakHeapBytes").asLong();
        assertTrue(peak > 0 && peak <= Runtime.getRuntime().maxMemory(), "peak " + peak);
        assertTrue(Math.abs(w.get("retainedHeapBytes").asLong()) < peak, "retained " + w.get("retainedHeapBytes"));
        double perEvent = w.get("bytesPerEvent").asDouble();
        assertTrue(perEvent > 5 && perEvent < 1000, "bytes per event " + perEvent);
        // the steady state leaves out building the simulation and its result: what most of the tiny run allocates
        double steady = w.get("steadyBytesPerEvent").asDouble();
        assertTrue(steady >= 0 && steady < perEvent, "steady bytes per event " + steady + ", whole run " + perEvent);
        double steadyRate = w.get("steadyEventsPerCpuSecond").asDouble();
        assertTrue(steadyRate > 0 && Double.isFinite(steadyRate), "steady events per CPU second " + steadyRate);
        assertTrue(r.out().contains("steady/CPU-s"), r.out());

        // Erlang B(5, 3) = (3^5 / 5!) / sum_{k=0..5} 3^k / k! = 2.025 / 18.4, computed by hand here
        JsonNode e = w.get("erlangB");
        assertEquals(5, e.get("servers").asInt());
        assertEquals(3.0, e.get("offered").asDouble(), 1e-12);
        assertEquals(2.025 / 18.4, e.get("theory").asDouble(), 1e-12);
        double low = e.get("ciLow").asDouble();
        double high = e.get("ciHigh").asDouble();
        assertTrue(low < e.get("simulated").asDouble() && e.get("simulated").asDouble() < high, e.toString());
        assertEquals(low <= 2.025 / 18.4 && 2.025 / 18.4 <= high, e.get("passed").asBoolean());
        // the table prints the same figures
        assertTrue(r.out().contains(String.format(Locale.ROOT, "%,d", direct.total())), r.out());
        assertTrue(r.out().contains(String.format(Locale.ROOT, "Erlang B(5, 3) = %.5f: %s", 2.025 / 18.4,
                e.get("passed").asBoolean() ? "PASS" : "FAIL")), r.out());
    }

    @Test
    void aForkedMeasurementCountsWhatOneInThisJvmCountsAndLeavesNoTemporaryFileBehind() throws Exception {
        Path scenario = tiny();
        Path forkedJson = dir.resolve("forked.json");
        Path hereJson = dir.resolve("here.json");
        List<Path> before = benchTemporaries();
        Run forked = bench(scenario.toString(), "--repeat", "1", "--json", forkedJson.toString(),
                "--set", "duration=5000s");
        assertEquals(0, forked.code(), forked.err());
        assertEquals(before, benchTemporaries(), "the fork's JSON and its folder are deleted");
        Run here = bench(scenario.toString(), "--no-fork", "--repeat", "1", "--json", hereJson.toString(),
                "--set", "duration=5000s");
        assertEquals(0, here.code(), here.err());
        // the fork's progress reaches this command's standard error, as the in-process run's does
        assertTrue(forked.err().contains("tiny.yaml: run 1 of 1"), forked.err());
        assertTrue(here.err().contains("tiny.yaml: run 1 of 1"), here.err());

        ObjectMapper m = new ObjectMapper();
        JsonNode f = m.readTree(forkedJson.toFile());
        JsonNode h = m.readTree(hereJson.toFile());
        JsonNode fw = f.get("workloads").get(0);
        JsonNode hw = h.get("workloads").get(0);
        for (String field : List.of("workload", "repeats", "events", "arrivals", "completions", "otherEvents",
                "invocations", "simulatedSeconds")) {
            assertEquals(hw.get(field), fw.get(field), field);
        }
        assertEquals(hw.get("erlangB"), fw.get("erlangB"), "the same run, so the same throttled fraction and CI");
        assertEquals(h.get("references").size(), f.get("references").size());
        assertTrue(h.get("references").size() >= 1, "the loss workload runs the reference simulators: " + h);
        for (int i = 0; i < h.get("references").size(); i++) {
            JsonNode fr = f.get("references").get(i);
            JsonNode hr = h.get("references").get(i);
            for (String field : List.of("name", "workload", "events", "arrivals", "lostFraction")) {
                assertEquals(hr.get(field), fr.get(field), "reference " + i + ": " + field);
            }
            // the ratio is recomputed from the fork's own figures
            assertEquals(fw.get("eventsPerSecond").asDouble() / fr.get("eventsPerSecond").asDouble(),
                    fr.get("modelOverReference").asDouble(), 1e-9 * fr.get("modelOverReference").asDouble());
        }
        // the table's row is printed from the fork's figures
        assertTrue(forked.out().contains(String.format(Locale.ROOT, "%,d", fw.get("events").asLong())), forked.out());
    }

    @Test
    void forksMeasureTheWorkloadInSeveralJvmsAndReportTheMedianForkWithTheSpread() throws Exception {
        Path scenario = tiny();
        Path json = dir.resolve("forks.json");
        List<Path> before = benchTemporaries();
        Run r = bench(scenario.toString(), "--forks", "3", "--repeat", "1", "--no-references", "--json",
                json.toString(), "--set", "duration=2000s");
        assertEquals(0, r.code(), r.err());
        assertEquals(before, benchTemporaries(), "each fork's JSON and folder are deleted");
        for (int i = 1; i <= 3; i++) {
            assertTrue(r.err().contains("tiny.yaml: fork " + i + " of 3"), r.err());
        }
        assertEquals(3, r.err().split("tiny.yaml: run 1 of 1", -1).length - 1, "one run in each fork: " + r.err());
        JsonNode w = new ObjectMapper().readTree(json.toFile()).get("workloads").get(0);
        JsonNode f = w.get("forks");
        assertEquals(3, f.get("forks").asInt());
        assertEquals(3, f.get("eventsPerCpuSecond").size());
        assertEquals(3, f.get("steadyEventsPerCpuSecond").size());
        double[] rates = new double[3];
        for (int i = 0; i < 3; i++) {
            rates[i] = f.get("eventsPerCpuSecond").get(i).asDouble();
            assertTrue(rates[i] > 0, f.toString());
        }
        java.util.Arrays.sort(rates);
        assertEquals(rates[0], f.get("min").asDouble());
        assertEquals(rates[1], f.get("median").asDouble());
        assertEquals(rates[2], f.get("max").asDouble());
        // the workload's figures are the median fork's
        assertEquals(rates[1], w.get("eventsPerCpuSecond").asDouble());
        assertTrue(r.out().contains("3 forks, events/CPU-s (M): "), r.out());
        assertTrue(r.out().contains(String.format(Locale.ROOT, "median %.2f (min %.2f, max %.2f)", rates[1] / 1e6,
                rates[0] / 1e6, rates[2] / 1e6)), r.out());

        // one fork (the default) writes no spread, as before --forks
        Run one = bench(scenario.toString(), "--repeat", "1", "--no-references", "--json", json.toString(), "--set",
                "duration=2000s");
        assertEquals(0, one.code(), one.err());
        assertFalse(new ObjectMapper().readTree(json.toFile()).get("workloads").get(0).has("forks"));
        assertFalse(one.out().contains("forks,"), one.out());
        assertFalse(one.err().contains("fork 1 of"), one.err());
    }

    @Test
    void theWarmUpRunsTenthsUntilTheJitIsQuietByDefaultOrOneTenthAndSaysWhatItDid() throws Exception {
        Path scenario = tiny();
        Path json = dir.resolve("warm.json");
        Run auto = bench(scenario.toString(), "--no-fork", "--repeat", "1", "--no-references", "--json",
                json.toString(), "--set", "duration=2000s");
        assertEquals(0, auto.code(), auto.err());
        JsonNode w = new ObjectMapper().readTree(json.toFile()).get("workloads").get(0).get("warmup");
        assertEquals("AUTO", w.get("mode").asText());
        int tenths = w.get("tenths").asInt();
        assertTrue(tenths >= Warmup.QUIET_TENTHS && tenths <= Warmup.MAX_TENTHS, w.toString());
        assertTrue(auto.out().contains(w.get("quiet").asBoolean() ? "(auto, the JIT quiet)"
                : "(auto, the JIT still compiling at the cap)"), auto.out());
        assertTrue(auto.out().contains("warm-up: " + tenths + " tenths (auto"), auto.out());
        for (int n = 2; n <= tenths; n++) {
            assertTrue(auto.err().contains("tiny.yaml: warm-up, tenth " + n), auto.err());
        }
        assertFalse(auto.err().contains("tiny.yaml: warm-up, tenth " + (tenths + 1)), auto.err());

        Run one = bench(scenario.toString(), "--no-fork", "--warmup", "TENTH", "--repeat", "1", "--no-references",
                "--json", json.toString(), "--set", "duration=2000s");
        assertEquals(0, one.code(), one.err());
        JsonNode o = new ObjectMapper().readTree(json.toFile()).get("workloads").get(0).get("warmup");
        assertEquals("TENTH", o.get("mode").asText());
        assertEquals(1, o.get("tenths").asInt());
        assertTrue(one.out().contains("warm-up: 1 tenth (tenth) in "), one.out());
        assertFalse(one.err().contains("warm-up, tenth 2"), one.err());

        // a fork is told the mode: its result says one tenth too
        Run forked = bench(scenario.toString(), "--warmup", "tenth", "--forks", "2", "--repeat", "1",
                "--no-references", "--json", json.toString(), "--set", "duration=2000s");
        assertEquals(0, forked.code(), forked.err());
        JsonNode f = new ObjectMapper().readTree(json.toFile()).get("workloads").get(0);
        assertEquals(1, f.get("warmup").get("tenths").asInt());
        assertEquals("[1,1]", f.get("forks").get("warmupTenths").toString());
        assertTrue(forked.out().contains("warm-up tenths 1, 1;"), forked.out());
    }

    @Test
    void referencesWarmUpAsTheWorkloadDoesAndOverForksReportTheirOwnMedianFork() throws Exception {
        Path scenario = tiny();
        Path json = dir.resolve("refs.json");
        Run r = bench(scenario.toString(), "--forks", "3", "--repeat", "1", "--json", json.toString(), "--set",
                "duration=2000s");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        JsonNode w = root.get("workloads").get(0);
        JsonNode ref = root.get("references").get(0);
        assertEquals("priority-queue", ref.get("name").asText());
        // the same warm-up rule as the workload's: tenths until the JIT is quiet, at least two
        JsonNode warm = ref.get("warmup");
        assertEquals("AUTO", warm.get("mode").asText());
        assertTrue(warm.get("tenths").asInt() >= Warmup.QUIET_TENTHS, warm.toString());
        assertTrue(r.err().contains("tiny.yaml on priority-queue: warm-up, tenth 2"), r.err());
        // its own median fork over the three, the ratio against the workload's median fork
        JsonNode f = ref.get("forks");
        assertEquals(3, f.get("forks").asInt());
        double[] rates = new double[3];
        for (int i = 0; i < 3; i++) {
            rates[i] = f.get("eventsPerCpuSecond").get(i).asDouble();
        }
        java.util.Arrays.sort(rates);
        assertEquals(rates[1], f.get("median").asDouble());
        assertEquals(rates[1], ref.get("eventsPerCpuSecond").asDouble());
        assertEquals(w.get("eventsPerCpuSecond").asDouble() / rates[1], ref.get("modelOverReferenceCpu").asDouble(),
                1e-9 * ref.get("modelOverReferenceCpu").asDouble());
        assertEquals(w.get("eventsPerSecond").asDouble() / ref.get("eventsPerSecond").asDouble(),
                ref.get("modelOverReference").asDouble(), 1e-9 * ref.get("modelOverReference").asDouble());
        assertTrue(r.out().contains(String.format(Locale.ROOT, "3 forks, events/CPU-s (M): %s; median %.2f",
                String.format(Locale.ROOT, "%.2f, %.2f, %.2f", f.get("eventsPerCpuSecond").get(0).asDouble() / 1e6,
                        f.get("eventsPerCpuSecond").get(1).asDouble() / 1e6,
                        f.get("eventsPerCpuSecond").get(2).asDouble() / 1e6), rates[1] / 1e6)), r.out());
        assertTrue(r.out().contains("the line above is its median fork's, against the workload's median fork"),
                r.out());

        // --warmup tenth: one tenth for the reference too
        Run one = bench(scenario.toString(), "--no-fork", "--warmup", "tenth", "--repeat", "1", "--json",
                json.toString(), "--set", "duration=2000s");
        assertEquals(0, one.code(), one.err());
        JsonNode oneRef = new ObjectMapper().readTree(json.toFile()).get("references").get(0);
        assertEquals(1, oneRef.get("warmup").get("tenths").asInt());
        assertFalse(oneRef.has("forks"), "one fork: no spread");
        assertFalse(one.err().contains("priority-queue: warm-up, tenth 2"), one.err());
    }

    @Test
    void forksBelowOneOrWithoutForkingOrAnUnknownWarmUpAreBadInputBeforeAnythingRuns() throws Exception {
        Path scenario = tiny();
        Run zero = bench(scenario.toString(), "--forks", "0", "--repeat", "1");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--forks must be at least 1"), zero.err());
        Run here = bench(scenario.toString(), "--forks", "2", "--no-fork", "--repeat", "1");
        assertEquals(2, here.code());
        assertTrue(here.err().contains("--forks 2 needs forked JVMs"), here.err());
        assertFalse(here.err().contains("warm-up"), "nothing ran: " + here.err());
        Run warm = bench(scenario.toString(), "--warmup", "long", "--repeat", "1");
        assertEquals(2, warm.code());
        assertTrue(warm.err().contains("expected auto or tenth, not 'long'"), warm.err());
        assertFalse(warm.err().contains("tiny.yaml: warm-up"), "nothing ran: " + warm.err());
    }

    @Test
    void forksWithNoWorkloadToMeasureAreBadInputBeforeAnythingRuns() throws Exception {
        // --forks measures workloads only: with the extras alone it was ignored, one fork measured where three were
        // asked for and nothing said so
        Path svg = dir.resolve("forked-cost.svg");
        Run r = bench("--forks", "3", "--cost-model", svg.toString(), "--cost-model-arrivals", "60000",
                "--cost-model-functions", "1", "--repeat", "1");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--forks 3 measures workloads"), r.err());
        assertTrue(r.err().contains("give a WORKLOAD, or leave --forks out"), r.err());
        assertFalse(r.err().contains("warm-up"), "nothing ran: " + r.err());
        assertFalse(Files.exists(svg), "no chart drawn");
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void costModelArrivalsAboveWhatARunKeepsAreBadInputNamingTheOption() throws Exception {
        // a hostile user's review: 10^15 was refused as a scenario the user never wrote, after the first warm-up
        // ("cost-1-keys: bucket: too fine: 17543859649 buckets"), and Long.MAX_VALUE as its duration
        Path svg = dir.resolve("cost.svg");
        for (String arrivals : new String[] {"1000000000000000", String.valueOf(Long.MAX_VALUE)}) {
            Run r = bench("--no-fork", "--cost-model", svg.toString(), "--cost-model-arrivals", arrivals,
                    "--cost-model-functions", "1");
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("--cost-model-arrivals must be at most 114000000000 (950 arrivals/s over"
                    + " 2000000 one-minute buckets, the most a run keeps), got " + arrivals), r.err());
            assertFalse(r.err().contains("cost-1-keys") || r.err().contains("warm-up"), "nothing ran: " + r.err());
            assertFalse(Files.exists(svg), "no chart drawn");
        }
    }

    @Test
    void costModelFunctionsAboveWhatItsSubnetHoldsAreBadInputNamingTheOptionAndTheLargest() throws Exception {
        // a hostile user's review: 10,000,000 ran the standard workloads, then built ten million functions and ran
        // out of memory after seven minutes
        Path svg = dir.resolve("cost.svg");
        Run r = bench("--no-fork", "--cost-model", svg.toString(), "--cost-model-arrivals", "60000",
                "--cost-model-functions", "1,10000000");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--cost-model-functions must be at most 65531 (a key each: each key's ENI takes"
                + " one of the 65,531 addresses of the cost model's /16 subnet), got 10000000"), r.err());
        assertFalse(r.err().contains("warm-up") || r.err().contains("memory"), "nothing ran: " + r.err());
        assertFalse(Files.exists(svg), "no chart drawn");
        // the largest is a scenario enisim takes (with its 65,531 keys), not a refusal put off to the run
        Scenario largest = ScenarioLoader.parseTree(Workloads.lossSplit(Workloads.MAX_SPLIT_FUNCTIONS, true, 60_000),
                "cost-65531-keys");
        assertEquals(Workloads.MAX_SPLIT_FUNCTIONS, largest.functions().size());
    }

    @Test
    void theHelpNamesTheCpuRatesTheExtrasThatRunAloneAndHowTheMedianForkIsTaken() {
        Run r = bench("--help");
        assertEquals(0, r.code(), r.err());
        String help = r.out().replaceAll("\\s+", " ");
        String description = help.substring(0, help.indexOf("Exit codes"));
        // the figure the README says to compare on a shared machine was missing from what the bench prints
        assertTrue(description.contains("events/CPU-s"), description);
        assertTrue(description.contains("steady/CPU-s"), description);
        // every extra that, given alone, runs no default workload
        assertTrue(help.contains("none when any of --samplers, --cost-model, --parallel-scaling, --report-time or "
                + "--memory-model is given"), help);
        // JMH reports the mean over all forks, not the median fork
        assertFalse(help.contains("as JMH reports"), help);
        assertTrue(help.contains("of an even N the upper middle one"), help);
    }

    @Test
    void aLossWorkloadTooShortForTheErlangCheckSaysWhyItHasNoCheckAndNoReferences() throws Exception {
        // README's quicker figure (--set duration=10m on loss) dropped the Erlang B line and the reference
        // simulators without a word: the check's 20 batch means need 21 buckets
        Path scenario = tiny();
        Path json = dir.resolve("short.json");
        Run r = bench(scenario.toString(), "--no-fork", "--repeat", "1", "--warmup", "tenth", "--set", "duration=20m",
                "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("vs Erlang B"), r.out());
        assertTrue(r.out().contains("no Erlang B check, so no reference simulators: a pure loss workload, but its run "
                + "has 20 buckets and the check's 20 batch means need at least 21"), r.out());
        JsonNode w = new ObjectMapper().readTree(json.toFile()).get("workloads").get(0);
        assertTrue(w.get("erlangBNotChecked").asText().contains("20 buckets"), w.toString());

        Run enough = bench(scenario.toString(), "--no-fork", "--repeat", "1", "--warmup", "tenth", "--set",
                "duration=21m", "--no-references");
        assertEquals(0, enough.code(), enough.err());
        assertTrue(enough.out().contains("vs Erlang B(5, 3)"), enough.out());
        assertFalse(enough.out().contains("no Erlang B check"), enough.out());

        Run forked = bench(scenario.toString(), "--repeat", "1", "--warmup", "tenth", "--set", "duration=20m");
        assertEquals(0, forked.code(), "a fork's note is read back: " + forked.err());
        assertTrue(forked.out().contains("has 20 buckets"), forked.out());

        Run notLoss = bench(scenario.toString(), "--no-fork", "--repeat", "1", "--warmup", "tenth", "--set",
                "duration=20m", "--set", "functions[0].initDuration=1s");
        assertEquals(0, notLoss.code(), notLoss.err());
        assertFalse(notLoss.out().contains("no Erlang B check"), "not a pure loss workload: " + notLoss.out());
    }

    @Test
    void theFirstLineAndTheJsonNameTheGarbageCollectors() throws Exception {
        Path json = dir.resolve("gc.json");
        Run r = bench(tiny().toString(), "--no-fork", "--no-references", "--repeat", "1", "--warmup", "tenth", "--set",
                "duration=20m", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        List<String> names = new ArrayList<>();
        java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> names.add(gc.getName()));
        assertFalse(names.isEmpty());
        String first = r.out().lines().findFirst().orElseThrow();
        assertTrue(first.endsWith("collectors: " + String.join(", ", names)), first);
        JsonNode gcs = new ObjectMapper().readTree(json.toFile()).get("garbageCollectors");
        assertNotNull(gcs, "the JSON names the collectors");
        List<String> inJson = new ArrayList<>();
        gcs.forEach(n -> inJson.add(n.asText()));
        assertEquals(names, inJson);
    }

    @Test
    void aReferencesLostFractionIsCheckedAgainstErlangB() throws Exception {
        // README: each reference's lost fraction "must agree with Erlang B"; the bench printed it with no verdict
        Run r = bench(tiny().toString(), "--no-fork", "--repeat", "1", "--warmup", "tenth", "--set", "duration=10000s");
        assertEquals(0, r.code(), r.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "vs priority-queue .* lost (0\\.\\d{5}) \\(Erlang B (0\\.\\d{5}) \\+- (0\\.\\d{5}): (PASS|FAIL)\\)")
                .matcher(r.out());
        assertTrue(m.find(), r.out());
        double lost = Double.parseDouble(m.group(1));
        double theory = Double.parseDouble(m.group(2));
        double half = Double.parseDouble(m.group(3));
        assertTrue(half > 0, r.out());
        if (Math.abs(Math.abs(lost - theory) - half) > 2e-5) { // printed to 5 places: decided away from the edge
            assertEquals(Math.abs(lost - theory) <= half ? "PASS" : "FAIL", m.group(4), r.out());
        }
    }

    /** This JVM's bench folders in the temporary folder (other benches may run beside the tests). */
    private static List<Path> benchTemporaries() throws java.io.IOException {
        String mine = "enisim-bench-" + ProcessHandle.current().pid() + "-";
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith(mine)).sorted().toList();
        }
    }

    private static void assertOrdered(JsonNode w, String min, String median, String max) {
        double a = w.get(min).asDouble();
        double b = w.get(median).asDouble();
        double c = w.get(max).asDouble();
        assertTrue(0 < a && a <= b && b <= c, min + " <= " + median + " <= " + max + " in " + w);
    }

    @Test
    void unknownWorkloadsAreBadInputBeforeAnythingRuns() {
        Run r = bench("loss", "no-such-workload", "--repeat", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no workload 'no-such-workload'"), r.err());
        assertFalse(r.err().contains("warm-up"), "nothing ran");
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void badOptionsAreBadInput() throws Exception {
        Path scenario = tiny();
        Run zero = bench(scenario.toString(), "--repeat", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--repeat must be at least 1"), zero.err());
        Run json = bench(scenario.toString(), "--json", dir.resolve("missing/bench.json").toString());
        assertEquals(2, json.code());
        assertTrue(json.err().contains("no such directory"), json.err());
        Run set = bench(scenario.toString(), "--set", "functions[0].memoryMb=lots");
        assertEquals(2, set.code());
        assertTrue(set.err().contains("memoryMb"), set.err());
    }

    @Test
    void aBadSecondWorkloadIsBadInputBeforeTheFirstRunsForkedOrNot() throws Exception {
        Path good = tiny();
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, BenchTest.TINY_LOSS.replace("duration:", "duration: soon\nignored:"));
        for (String fork : List.of("--fork", "--no-fork")) {
            Run r = bench(good.toString(), bad.toString(), fork, "--repeat", "1");
            assertEquals(2, r.code(), fork + ": " + r.err());
            assertTrue(r.err().contains("bad.yaml"), fork + ": the file is named: " + r.err());
            assertFalse(r.err().contains("warm-up"), fork + ": nothing ran: " + r.err());
            assertFalse(r.err().contains("forked"), fork + ": no JVM was forked: " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void theCostModelIsMeasuredChartedAndWrittenToTheJson() throws Exception {
        Path svg = dir.resolve("cost.svg");
        Path json = dir.resolve("bench.json");
        Path scenario = tiny();
        Run r = bench(scenario.toString(), "--repeat", "1", "--set", "duration=2000s", "--cost-model", svg.toString(),
                "--cost-model-arrivals", "60000", "--cost-model-functions", "1,30", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(svg).contains("<svg"), "an SVG chart");
        assertTrue(Files.readString(svg).contains("What an event costs as functions grow"),
                "its title: the mark by which a later --cost-model may replace it (BenchCommand.SVG_SIGNATURE)");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        JsonNode cost = root.get("costModel");
        assertEquals(3, cost.size(), cost.toString());
        assertEquals(30, cost.get(1).get("functions").asInt());
        assertEquals(30, cost.get(1).get("keys").asInt());
        assertEquals(30, cost.get(2).get("functions").asInt());
        assertEquals(1, cost.get(2).get("keys").asInt());
        assertTrue(cost.get(1).get("nsPerEvent").asDouble() > 0);
        assertTrue(cost.get(1).get("cpuNsPerEvent").asDouble() > 0);
        assertTrue(cost.get(1).get("steadyCpuNsPerEvent").asDouble() > 0);
        assertEquals(1e9 / cost.get(1).get("result").get("steadyEventsPerCpuSecond").asDouble(),
                cost.get(1).get("steadyCpuNsPerEvent").asDouble(), 1e-6, "the point's steady rate, inverted");
        assertTrue(r.out().contains("wall ns/event") && r.out().contains("CPU ns/event")
                && r.out().contains("steady CPU"), "all three named: " + r.out());
        JsonNode refs = root.get("references");
        assertEquals(2, refs.size(), "the PriorityQueue and SSJ simulators beside the tiny loss workload: " + refs);
        assertEquals("priority-queue", refs.get(0).get("name").asText());
        assertEquals(root.get("workloads").get(0).get("arrivals").asLong(), refs.get(0).get("arrivals").asLong());
        assertTrue(r.out().contains("vs ssj"), r.out());

        // each point was measured in a JVM of its own, under its own name, and counted what one measured in this
        // JVM counts (the run is deterministic)
        assertEquals("cost-30-1key", cost.get(2).get("result").get("workload").asText());
        Path hereJson = dir.resolve("here.json");
        Run here = bench(scenario.toString(), "--no-fork", "--no-references", "--repeat", "1", "--set",
                "duration=2000s", "--cost-model", dir.resolve("here.svg").toString(), "--cost-model-arrivals", "60000",
                "--cost-model-functions", "1,30", "--json", hereJson.toString());
        assertEquals(0, here.code(), here.err());
        JsonNode hereCost = new ObjectMapper().readTree(hereJson.toFile()).get("costModel");
        for (int i = 0; i < 3; i++) {
            assertEquals(hereCost.get(i).get("result").get("workload"), cost.get(i).get("result").get("workload"));
            assertEquals(hereCost.get(i).get("result").get("events"), cost.get(i).get("result").get("events"));
        }
    }

    @Test
    void theCostModelOrTheSamplersAloneRunNoWorkload() throws Exception {
        Path json = dir.resolve("alone.json");
        Run cost = bench("--no-fork", "--cost-model", dir.resolve("alone.svg").toString(), "--cost-model-arrivals",
                "60000", "--cost-model-functions", "1", "--json", json.toString());
        assertEquals(0, cost.code(), cost.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(0, root.get("workloads").size(), "no default workload ran: " + root.get("workloads"));
        assertEquals(0, root.get("references").size(), root.get("references").toString());
        assertEquals(1, root.get("costModel").size(), "one function: one point " + root.get("costModel"));
        assertFalse(cost.out().contains("account") || cost.err().contains("account"), cost.out() + cost.err());

        Path samplersJson = dir.resolve("samplers.json");
        Run samplers = bench("--samplers", "--json", samplersJson.toString());
        assertEquals(0, samplers.code(), samplers.err());
        JsonNode s = new ObjectMapper().readTree(samplersJson.toFile());
        assertEquals(0, s.get("workloads").size(), "no default workload ran: " + s.get("workloads"));
        assertTrue(s.get("samplers").size() > 0, s.toString());
    }

    /** The tiny `loss` scenario ({@link BenchTest#TINY_LOSS}) written to the test's folder. */
    private Path tiny() throws java.io.IOException {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, BenchTest.TINY_LOSS);
        return scenario;
    }
}
