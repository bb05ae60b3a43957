package dev.enisim.cli;

import static dev.enisim.cli.Scratch.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** What a user's review of {@code enisim check} found on its command line: each case went wrong before. */
class CheckUserReviewCliTest extends InScratch {

    /** The scratch scenario with {@code expect} as its expect block (YAML), written as {@code name}. */
    private Path scenario(String name, String expect) throws Exception {
        return Files.writeString(s.work.resolve(name), Scratch.SCENARIO.replace("name: scratch", "name: "
                + name.replaceAll("\\.ya?ml$", "")) + "expect:\n" + expect);
    }

    @Test
    void aControlCharacterInAnExpectationIsShownAndTheJUnitXmlStaysReadable() throws Exception {
        // a text of no closed set (a state with a control character is no state: refused as bad input)
        scenario("ctl.yaml", "  - \"scenario == ctl\\x01\"\n");
        Scratch.Result r = s.run("check", "ctl.yaml", "--junit", "junit.xml");
        assertExit(1, r);
        assertTrue(r.out().matches("(?s).*FAIL  .*ctl\\.yaml:\\d+: expect\\[0\\]: scenario == ctl\\\\u0001   \\(actual ctl\\).*"),
                r.out());
        assertFalse(r.all().contains("\u0001"), "nothing raw on the terminal");
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(s.work.resolve("junit.xml").toFile());
        assertEquals("1", d.getDocumentElement().getAttribute("failures"));
    }

    /**
     * {@code file}, the scratch scenario, with an expectation: a check of scenarios that assert nothing at all is bad
     * input of its own ("nothing to check"), which these tests of another refusal do not mean to meet.
     */
    private static void withAnExpectation(Path file) throws IOException {
        Files.writeString(file, Files.readString(file) + "expect:\n  - \"enis.peak >= 0\"\n");
    }

    /** A standard output that fails as a full disk does. */
    private static final OutputStream FULL = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    };

    @Test
    void aStandardOutputThatCannotBeWrittenSaysWhyInOneLine() {
        StringWriter err = new StringWriter();
        int code = Main.execute(s.work, new Main.StandardOutput(FULL), new PrintWriter(err, true), "validate",
                "scenario.yaml");
        assertEquals(2, code, err.toString());
        assertEquals("enisim: cannot write to standard output (No space left on device)", err.toString().strip());
    }

    @Test
    void anyCommandWhoseOutputFailsIsExitTwo() {
        Writer failing = new Writer() {
            @Override
            public void write(char[] c, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        int code = Main.execute(s.work, new PrintWriter(failing, true), new PrintWriter(err, true), "--version");
        assertEquals(2, code, "any command, any writer: " + err);
        assertEquals("enisim: cannot write to standard output (the stream reported an error)", err.toString().strip());
    }

    @Test
    void checkIntoDevFullExitsTwo() throws Exception {
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "/dev/full here");
        withAnExpectation(s.work.resolve("scenarios/mine.yaml"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "check", "scenarios/mine.yaml"));
        Path err = s.root.resolve("stderr.log");
        Process p = new ProcessBuilder(cmd).directory(s.work.toFile()).redirectOutput(new File("/dev/full"))
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), Files.readString(err));
        assertEquals("enisim: cannot write to standard output (No space left on device)",
                Files.readString(err, StandardCharsets.UTF_8).strip());
    }

    /**
     * Out of memory is the environment's limit, said in one line, exit 2: many functions over many buckets (each
     * bucket's figures kept per function) ended in the JVM's own "Exception in thread main" and its trace, exit 1.
     */
    @Test
    void aRunThatRunsOutOfMemoryEndsInOneLineAndExitTwo() throws Exception {
        StringBuilder fns = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            fns.append("  - { name: f").append(i).append(", duration: 10ms, arrivals: { poisson: 1/d } }\n");
        }
        Files.writeString(s.work.resolve("big.yaml"), "name: big\nduration: 1000d\nbucket: 1m\nfunctions:\n" + fns);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "big.yaml", "-q",
                "--out", "big-report"));
        Path err = s.root.resolve("stderr.log");
        Process p = new ProcessBuilder(cmd).directory(s.work.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String all = Files.readString(err, StandardCharsets.UTF_8).strip();
        assertEquals(2, p.exitValue(), all);
        // the estimate warned of it before the run began (MemoryEstimateTest); then the one line of the failure
        List<String> lines = all.lines().toList();
        assertEquals(2, lines.size(), all);
        assertTrue(lines.get(0).startsWith("warning: big may need about ") && lines.get(0).contains("its time series, 30"
                + " functions and 0 ENI keys over 1,440,000 buckets"), all);
        String said = lines.get(1);
        assertTrue(said.startsWith("enisim: out of memory (Java's heap may grow to ") && said.contains("functions x "
                + "buckets") && !all.contains("at dev.enisim"), said);
        // the heap advised is the estimate's (it said -Xmx16g whatever the run), and the run had not finished
        double need = Budget.need(dev.enisim.scenario.ScenarioLoader.load(s.work.resolve("big.yaml"), List.of(),
                null));
        assertTrue(said.contains("; the run was estimated to need about " + Budget.size(need) + "): a run keeps ")
                && said.endsWith("(java -Xmx" + Main.heapOption(Main.advisedHeap(need, 64L << 20)) + " -jar"
                + " enisim.jar ...)") && !said.contains("had finished"), said);
        assertTrue(!Files.exists(s.work.resolve("big-report")), "no report, nor half of one");
    }

    @Test
    void aToleranceIsRefusedWithoutABaselineToCompareAndWhenItIsNoPercentage() throws Exception {
        withAnExpectation(s.work.resolve("scenario.yaml")); // something to check: the option's problem alone
        Map<String, String> before = s.snapshot();
        for (String[] args : new String[][] {
            {"check", "scenario.yaml", "--tolerance", "5"},
            {"check", "scenario.yaml", "--tolerance", "0", "--baseline", "base", "--update-baseline"},
        }) {
            Scratch.Result r = s.run(args);
            assertExit(2, r);
            assertEquals("enisim: --tolerance applies to the comparison with a baseline: it needs --baseline DIR (and"
                    + " not --update-baseline)", r.err().strip());
        }
        for (String t : new String[] {"NaN", "-1", "Infinity"}) {
            Scratch.Result r = s.run("check", "scenario.yaml", "--baseline", "base", "--tolerance", t);
            assertExit(2, r);
            assertEquals("enisim: --tolerance must be a percentage >= 0, got " + Double.parseDouble(t) + "\n"
                    + "enisim: no baseline " + s.work.resolve("base/scratch.summary.json") + " (create it with"
                    + " --update-baseline)", r.err().strip(), "with every other problem at once");
        }
        assertEquals(before, s.snapshot(), "nothing written");
    }

    @Test
    void aMaxEventsThatIsNoCountIsRefused() throws Exception {
        withAnExpectation(s.work.resolve("scenario.yaml"));
        for (String n : new String[] {"-5", "0", "NaN", "-0.5"}) {
            for (String command : new String[] {"run", "check"}) {
                Scratch.Result r = s.run(command, "scenario.yaml", "--max-events", n, "--yes");
                assertExit(2, r);
                assertEquals("enisim: --max-events must be a finite number of events, 1 or more, got " + (n.equals("-0.5")
                        ? "-0.5" : n), r.err().strip());
            }
        }
    }

    @Test
    void aMaxEventsThatIsInfiniteOrBelowOneIsRefused() throws Exception {
        withAnExpectation(s.work.resolve("scenario.yaml"));
        for (String command : new String[] {"run", "check"}) {
            Scratch.Result r = s.run(command, "scenario.yaml", "--max-events", "1e400", "--yes");
            assertExit(2, r);
            assertEquals("enisim: --max-events must be a finite number of events, 1 or more, got a value read as"
                    + " infinity", r.err().strip());
            r = s.run(command, "scenario.yaml", "--max-events", "0.5", "--yes");
            assertExit(2, r);
            assertEquals("enisim: --max-events must be a finite number of events, 1 or more, got 0.5",
                    r.err().strip());
        }
    }

    @Test
    void aJUnitFileThatCannotBeWrittenIsRefusedBeforeAnyRun() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc")), "/proc here");
        withAnExpectation(s.work.resolve("scenarios/mine.yaml"));
        Map<String, String> before = s.snapshot();
        Scratch.Result r = s.run("check", "scenarios/mine.yaml", "--junit", "/proc/x.xml");
        assertExit(2, r);
        assertEquals("", r.out(), "nothing ran");
        assertEquals("enisim: --junit /proc/x.xml: /proc is on the kernel's proc file system, which takes no files; give a"
                + " path in a folder you may write", r.err().strip());

        r = s.run("check", "scenarios/mine.yaml", "--junit", "notes.txt/deeper/x.xml");
        assertExit(2, r);
        assertEquals("", r.out(), "nothing ran");
        assertEquals("enisim: --junit " + s.work.resolve("notes.txt/deeper/x.xml") + ": " + s.work.resolve("notes.txt")
                + " is a file, not a folder, so nothing can be written under it; give a path in a folder",
                r.err().strip());
        r = s.run("run", "scenario.yaml", "-q", "--out", "notes.txt/report");
        assertExit(2, r);
        assertTrue(r.err().contains("notes.txt is a file, not a folder, so nothing can be written under it"), r.err());
        assertEquals(before, s.snapshot());
    }

    @Test
    void everyBrokenFileIsSaidAtOnceBeforeAnyRunAsValidateSaysThem() throws Exception {
        scenario("a-good.yaml", "  - \"enis.peak >= 1\"\n");
        Files.writeString(s.work.resolve("b-empty.yaml"), "");
        Files.writeString(s.work.resolve("c-syntax.yaml"), "name: [\n");
        scenario("d-expect.yaml", "  - \"enis.peak is one\"\n");
        scenario("e-unknown-key.yaml", "  - \"enis.peak >= 1\"\n").toFile();
        Files.writeString(s.work.resolve("e-unknown-key.yaml"), Files.readString(s.work.resolve("e-unknown-key.yaml"))
                .replace("duration: 10m", "duration: 10m\nduraton: 5m"));
        String[] files = {"a-good.yaml", "b-empty.yaml", "c-syntax.yaml", "missing.yaml", "d-expect.yaml",
            "e-unknown-key.yaml"};
        Scratch.Result validate = s.run(concat("validate", files));
        assertExit(2, validate);
        Scratch.Result r = s.run(concat("check", files, "--junit", "junit.xml"));
        assertExit(2, r);
        assertEquals("", r.out(), "nothing ran");
        List<String> problems = validate.err().lines().filter(l -> !l.startsWith("warning: ")).toList();
        assertEquals(5, problems.stream().map(l -> l.substring(0, l.indexOf(": "))).distinct().count(),
                "every broken file: " + problems);
        assertEquals(problems, r.err().lines().toList(), "what validate says, in the same words");
        String xml = Files.readString(s.work.resolve("junit.xml"));
        for (String f : new String[] {"b-empty", "c-syntax", "missing", "d-expect", "e-unknown-key"}) {
            assertTrue(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(f) + "\\.yaml(:\\d+)?: ").matcher(xml).find(),
                    f + " in " + xml);
        }
    }

    @Test
    void aFolderWithoutScenariosAndABrokenFileAreSaidTogether() throws Exception {
        Files.createDirectories(s.work.resolve("empty"));
        Files.writeString(s.work.resolve("broken.yaml"), "name: [\n");
        Scratch.Result r = s.run("check", "empty", "broken.yaml", "scenarios");
        assertExit(2, r);
        assertEquals("", r.out());
        assertTrue(r.err().contains("enisim: no scenario files (*.yaml, *.yml) in ") && r.err().contains("broken.yaml: "),
                r.err());
    }

    @Test
    void noBaselineIsWrittenWhenAnyInputIsBadWhateverTheFileOrder() throws Exception {
        scenario("pass.yaml", "  - \"enis.peak >= 1\"\n");
        for (String bad : new String[] {"a-bad.yaml", "z-bad.yaml"}) {
            scenario(bad, "  - \"enis.peak is one\"\n");
            Scratch.Result r = s.run("check", "pass.yaml", bad, "--baseline", "base", "--update-baseline");
            assertExit(2, r);
            assertFalse(Files.exists(s.work.resolve("base")), bad + ": nothing written, " + r.out());
            Files.delete(s.work.resolve(bad));
        }
        // a metric path the full run does not have is found only after the runs: still nothing written
        scenario("z-unknown.yaml", "  - \"teardowns[5].waitSeconds < 10\"\n");
        Scratch.Result r = s.run("check", "pass.yaml", "z-unknown.yaml", "--baseline", "base", "--update-baseline");
        assertExit(2, r);
        assertTrue(r.err().contains("z-unknown.yaml:14: expect[0]: unknown metric 'teardowns[5].waitSeconds'"), r.err());
        assertFalse(Files.exists(s.work.resolve("base")), "nothing written: " + r.out());

        r = s.run("check", "pass.yaml", "--baseline", "base", "--update-baseline");
        assertExit(0, r);
        assertTrue(r.out().contains("baseline written: " + s.work.resolve("base/pass.summary.json")), r.out());
    }

    @Test
    void aBaselineThatIsJsonButNoSummaryIsBadInputNotADrift() throws Exception {
        scenario("pass.yaml", "  - \"enis.peak >= 1\"\n");
        Path base = Files.createDirectories(s.work.resolve("base"));
        String[][] cases = {
            {"{\"mine\":1}", "an object with 'scenario', 'seed' and 'invocations' (with replications: 'replications'"
                + " and 'metrics'); it has no 'scenario', 'seed', 'invocations' as a summary has them (its keys:"
                + " 'mine')"},
            {"[1, 2]", "; it holds a list"},
            {"", "; the file is empty"},
            {"{\"scenario\": \"pass\", \"seed\": 1, \"replications\": 3}", "it has no 'metrics' as a summary"},
        };
        for (String[] c : cases) {
            Files.writeString(base.resolve("pass.summary.json"), c[0]);
            Scratch.Result r = s.run("check", "pass.yaml", "--baseline", "base");
            assertExit(2, r);
            assertEquals("", r.out(), "nothing ran");
            assertTrue(r.err().startsWith("enisim: baseline " + base.resolve("pass.summary.json") + " is not a "
                    + "summary.json: "), r.err());
            assertTrue(r.err().contains(c[1]), c[0] + ": " + r.err());
        }
    }

    @Test
    void aBaselineFolderThatCannotBeWrittenIsRefusedBeforeAnyRun() throws Exception {
        Scratch.Result r = s.run("check", "scenarios/mine.yaml", "--baseline", "notes.txt/base", "--update-baseline");
        assertExit(2, r);
        assertEquals("", r.out(), "nothing ran");
        assertTrue(r.err().contains(s.work.resolve("notes.txt") + " is a file, not a folder"), r.err());
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc")), "/proc here");
        r = s.run("check", "scenarios/mine.yaml", "--baseline", "/proc/base", "--update-baseline");
        assertExit(2, r);
        assertEquals("", r.out(), "nothing ran");
        assertTrue(r.err().contains("/proc is on the kernel's proc file system"), r.err());
    }

    private static String[] concat(String command, String[] files, String... more) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(files));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
