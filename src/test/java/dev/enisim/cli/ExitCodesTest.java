package dev.enisim.cli;

import static dev.enisim.cli.Scratch.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12, exit codes and messages: every mistake ends in exit 2 with one clear message naming what is wrong
 * (no stack trace), every run that would take long says so first, and failures are counted honestly.
 */
class ExitCodesTest extends InScratch {

    private Scratch.Result bad(String expected, String... args) throws IOException {
        Map<String, String> before = s.snapshot();
        Scratch.Result r = s.run(args);
        assertExit(2, r);
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
        assertFalse(r.all().contains("Exception") || r.all().contains("\tat "), "no stack trace: " + r.all());
        assertEquals(before, s.snapshot(), "bad input writes nothing");
        return r;
    }

    private void file(String name, String text) throws IOException {
        Files.writeString(s.work.resolve(name), text);
    }

    @ParameterizedTest(name = "--set {0}")
    @CsvSource(delimiter = '|', value = {
        "functions[2147483648].memoryMb=512 | index 2147483648 out of range (the list has 1 element)",
        "functions[99999999999999999999].memoryMb=512 | out of range",
        "functions[0]=5                     | functions[0]: expected an object (key: value pairs), got 5",
        "vpcs[0]=[]                         | vpcs[0]: expected an object (key: value pairs), got a list",
        "vpcs[0].subnets[0]=x               | vpcs[0].subnets[0]: expected an object",
        "timeline=[5]                       | timeline[0]: expected an object",
    })
    void aSetThatBreaksTheShapeIsOneClearProblem(String set, String expected) throws IOException {
        Scratch.Result r = bad(expected, "run", "scenario.yaml", "-q", "--set", set);
        // one problem: not one per missing field, nor one per function referring to the broken VPC's subnets
        assertEquals(1, r.err().lines().filter(l -> l.contains("scenario.yaml: ")).count(), r.err());
    }

    @Test
    void aYamlAliasIsResolved() throws IOException {
        file("alias.yaml", Scratch.SCENARIO.replace("arrivals: { poisson: 5/s }", "arrivals: &arr { poisson: 5/s }")
                + """
                  - name: worker
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                    duration: 100ms
                    arrivals: *arr
                """);
        Scratch.Result r = s.run("validate", "alias.yaml");
        assertExit(0, r);
        assertTrue(r.out().contains("2 functions"), r.out());
        file("merge.yaml", Scratch.SCENARIO.replace("  - name: api\n", "  - &base\n    name: api\n") + """
                  - <<: *base
                    name: worker
                """);
        Scratch.Result m = s.run("validate", "merge.yaml");
        assertExit(0, m);
        assertTrue(m.out().contains("2 functions"), m.out());
    }

    @Test
    void anUndefinedAliasAnAliasBombAndASecondDocumentAreBadInput() throws IOException {
        file("undef.yaml", Scratch.SCENARIO.replace("{ poisson: 5/s }", "*nowhere"));
        bad("undefined alias *nowhere", "validate", "undef.yaml");
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        file("bomb.yaml", bomb.toString());
        bad("alias bomb", "validate", "bomb.yaml");
        file("two.yaml", Scratch.SCENARIO + "---\n" + Scratch.SCENARIO);
        bad("second YAML document", "validate", "two.yaml");
    }

    @Test
    void binaryGarbageAndOtherEncodingsSayWhatTheyAre() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        Files.write(s.work.resolve("garbage.yaml"), garbage);
        Scratch.Result r = bad("not UTF-8 text", "validate", "garbage.yaml");
        assertFalse(r.err().contains("Input length"), r.err());
        Files.write(s.work.resolve("utf16.yaml"), Scratch.SCENARIO.getBytes(StandardCharsets.UTF_16));
        bad("not UTF-8 text", "run", "utf16.yaml");
        Files.write(s.work.resolve("bom.yaml"), ("\uFEFF" + Scratch.SCENARIO).getBytes(StandardCharsets.UTF_8));
        assertExit(0, s.run("validate", "bom.yaml"));
    }

    @Test
    void aTooLargeYamlFileStatesTheLimitAndTheWayOut() throws IOException {
        Path big = s.work.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(65L * 1024 * 1024); // sparse: the size is checked before reading
        }
        Scratch.Result r = bad("above the 64.0 MiB limit for YAML scenarios", "validate", "big.yaml");
        assertTrue(r.err().contains("ENISIM_MAX_YAML_MB") && r.err().contains("JSON"), r.err());
    }

    @Test
    void physicallyMeaninglessRatesAreRefused() throws IOException {
        bad("not physically meaningful", "run", "scenario.yaml", "-q", "--set",
                "functions[api].arrivals.poisson=1000000000000/s");
        file("huge.csv", "seconds,count\n0,1e300\n");
        bad("huge.csv line 2", "run", "scenario.yaml", "-q", "--set",
                "functions[api].arrivals={trace: {file: huge.csv, format: counts}}");
        file("t.csv", "seconds,count\n0,1000000000\n");
        bad("not physically meaningful", "run", "scenario.yaml", "-q", "--set",
                "functions[api].arrivals={trace: {file: t.csv, format: counts, interval: 1m}}");
    }

    @Test
    void aRunAboveTheEventBudgetIsRefusedWithItsEstimateUnlessYes() throws IOException {
        Scratch.Result r = bad("continue with --yes", "run", "scenario.yaml", "-q", "--set", "duration=30d",
                "--set", "bucket=1h", "--set", "functions[api].arrivals.poisson=100000/s");
        assertTrue(r.err().contains("events, about"), r.err());
        bad("continue with --yes", "explain", "scenario.yaml", "--set", "duration=30d", "--set", "bucket=1h",
                "--set", "functions[api].arrivals.poisson=100000/s");
        bad("continue with --yes", "run", "scenario.yaml", "-q", "--max-events", "1000");
        bad("continue with --yes", "check", "scenarios/mine.yaml", "--max-events", "1000");
        bad("continue with --yes", "compare", "scenario.yaml", "--max-events", "1000");
        assertExit(0, s.run("run", "scenario.yaml", "-q", "--max-events", "1000", "--yes"));
    }

    @Test
    void aSweepCountsItsFailedPoints() throws IOException {
        Scratch.Result all = s.run("sweep", "scenario.yaml", "-q", "--vary", "functions[api].memoryMb=1,2");
        assertExit(2, all);
        assertTrue(all.err().contains("every one of the 2 points is refused by the scenario"), all.err());
        assertFalse(Files.exists(s.work.resolve("reports/scratch-sweep")));
        assertFalse(Files.exists(s.work.resolve("reports")), "nothing written: no progress file, nor its folder");
        Scratch.Result deep = s.run("sweep", "scenario.yaml", "-q", "--vary", "functions[api].memoryMb=1,2", "--out",
                "data/new/deeper/out");
        assertExit(2, deep);
        assertFalse(Files.exists(s.work.resolve("data/new")), "the folders this run created went too");
        assertTrue(Files.exists(s.work.resolve("data/keep.csv")), "the user's folder and file stay");
        Scratch.Result some = s.run("sweep", "scenario.yaml", "-q", "--vary", "functions[api].memoryMb=1,512");
        assertExit(1, some);
        assertTrue(some.err().contains("1 of 2 points could not run"), some.err());
        assertTrue(Files.exists(s.work.resolve("reports/scratch-sweep/sweep.csv")));
        assertTrue(some.out().contains("one replication: no interval"), some.out());
        assertFalse(Files.exists(s.work.resolve("reports/.scratch-sweep.progress.jsonl")), "gone once written");
    }

    @Test
    void aSweepGridIsBounded() throws IOException {
        bad("more than 10000", "sweep", "scenario.yaml", "--vary", "traffic=1..1000:1", "--vary",
                "functions[api].memoryMb=128..10240:64");
        bad("more than 1,000 values", "sweep", "scenario.yaml", "--vary", "traffic=0..1000000000:1");
    }

    @Test
    void anUnknownSweepMetricIsAUsageErrorBeforeAnyPointRuns() throws IOException {
        Scratch.Result r = bad("--metric unknown metric 'enis.peek'", "sweep", "scenario.yaml", "--vary",
                "traffic=1,2", "--metric", "enis.peek");
        assertTrue(r.err().contains("enis.peak"), "close match: " + r.err());
        assertFalse(r.err().contains("point 1"), "no point ran: " + r.err());
    }

    @Test
    void withOneReplicationThereIsNoInterval() throws IOException {
        Scratch.Result compare = s.run("compare", "scenario.yaml", "--replications", "1", "--set",
                "functions[api].arrivals.poisson=9/s");
        assertExit(0, compare);
        assertTrue(compare.out().contains("no confidence interval"), compare.out());
        assertTrue(compare.out().contains("none (1 replication)"), compare.out());
        // every row "not significant" (the account's rows say so in words since compare's terminal opens with them)
        assertFalse(compare.out().lines().anyMatch(l -> l.contains("significant") && !l.contains("not significant")
                && !l.startsWith("Differences (") && !l.startsWith("With one replication")),
                "nothing is significant: " + compare.out());
        Scratch.Result check = s.run("check", "scenarios/mine.yaml", "--set", "expect=['enis.peak >= 0']");
        assertExit(0, check);
        assertTrue(check.out().contains("no confidence interval"), check.out());
        bad("one replication has no confidence interval", "check", "scenarios/mine.yaml", "--set",
                "expect=['ci(enis.peak) contains 1']");
    }

    @Test
    void baselineDriftIsAFailureInTheCountAndInJUnitInputsFirst() throws IOException {
        assertExit(0, s.run("check", "scenarios/mine.yaml", "--baseline", "base", "--update-baseline"));
        Scratch.Result r = s.run("check", "scenarios/mine.yaml", "--baseline", "base", "--junit", "junit.xml",
                "--set", "vpcs[0].subnets[0].otherUsedIps=11");
        assertExit(1, r);
        assertTrue(r.out().contains("1 assertion(s) (1 of them baseline comparisons), 1 failed"), r.out());
        String diff = r.out().substring(r.out().indexOf("difference(s)"));
        // in the summary, invocations come long before subnets: the cause is moved ahead of its effects
        assertTrue(diff.contains("invocations."), diff);
        assertTrue(diff.indexOf("subnets.subnet-a.otherUsedIps") < diff.indexOf("invocations."),
                "the input that changed comes first: " + diff);
        assertTrue(diff.contains("(input) subnets.subnet-a.otherUsedIps: 3 -> 11"), diff);
        String xml = Files.readString(s.work.resolve("junit.xml"));
        assertTrue(xml.contains("<testcase classname=\"scratch\" name=\"baseline\">"), xml);
        assertTrue(xml.contains("type=\"BaselineDrift\""), xml);
        assertTrue(xml.contains("failures=\"1\""), xml);
    }

    @Test
    void traceRowsAfterABomOrInQuotesCountAndEmptyTracesWarn() throws IOException {
        Files.write(s.work.resolve("bom.csv"), "\uFEFF10\n20\n".getBytes(StandardCharsets.UTF_8));
        file("quoted.csv", "\"10\",\"x\"\n\"20\",\"y\"\n");
        for (String trace : new String[] {"bom.csv", "quoted.csv"}) {
            Scratch.Result r = s.run("run", "scenario.yaml", "-q", "--out", "o-" + trace, "--set",
                    "functions[api].arrivals={trace: {file: " + trace + "}}");
            assertExit(0, r);
            assertTrue(Files.readString(s.work.resolve("o-" + trace + "/summary.json"))
                    .contains("\"arrivals\" : 2,"), trace + ": both rows are arrivals");
        }
        file("empty.csv", "");
        file("header.csv", "seconds\n");
        file("late.csv", "5000\n");
        for (String trace : new String[] {"empty.csv", "header.csv", "late.csv"}) {
            Scratch.Result r = s.run("validate", "scenario.yaml", "--set",
                    "functions[api].arrivals={trace: {file: " + trace + "}}");
            assertExit(0, r);
            assertTrue(r.err().startsWith("warning: ") && r.err().contains("scenario.yaml: functions[api].arrivals: "),
                    trace + ": " + r.err());
        }
    }

    /** Found by the fuzzer: a bad second file stopped check after the first had written its baseline. */
    @Test
    void checkValidatesEveryFileBeforeWritingAnything() throws IOException {
        bad("missing.yaml: file not found", "check", "scenarios/mine.yaml", "missing.yaml", "--baseline",
                "base", "--update-baseline");
        assertFalse(Files.exists(s.work.resolve("base")));
    }

    @Test
    void aFileGivenAsTheBaselineFolderIsSaidToBeOne() throws IOException {
        bad("notes.txt: expected a folder of <scenario>.summary.json files, got a file", "check",
                "scenario.yaml", "--baseline", "notes.txt", "--update-baseline");
    }

    @Test
    void enisimAloneIsUsageAndExitTwo() {
        Scratch.Result r = s.run();
        assertExit(2, r);
        assertTrue(r.err().contains("Usage: enisim"), r.err());
    }

    @Test
    void validateAndExplainAcceptSet() throws IOException {
        Scratch.Result v = s.run("validate", "scenario.yaml", "--set", "duration=20m");
        assertExit(0, v);
        assertTrue(v.out().contains("20m simulated"), v.out());
        bad("functions[0].memoryMb: expected a whole number", "validate", "scenario.yaml", "--set",
                "functions[0].memoryMb=1");
        Scratch.Result e = s.run("explain", "scenario.yaml", "--set", "name=renamed");
        assertExit(0, e);
        assertTrue(e.out().startsWith("renamed (seed"), e.out());
    }
}
