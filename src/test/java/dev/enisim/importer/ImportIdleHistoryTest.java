package dev.enisim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions CloudWatch shows quiet for the whole window start Active with their idle clock at 0 (enisim cannot know
 * when they were last invoked): the header and the terminal name them, with what it means (a reviewer's 600-function
 * account had 52 such functions on shared keys, and nothing said so).
 */
class ImportIdleHistoryTest {

    @TempDir
    Path dir;

    /** The import through the command line: what it printed, and the file it wrote (its header unwrapped). */
    private record Imported(ImportCommandTest.Result cli, String header, String yaml) {
    }

    private Imported importing(ImportBigAccountFiles files) throws Exception {
        Path out = dir.resolve("out.yaml");
        ImportCommandTest.Result r = ImportCommandTest.run(files.args(out).toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        String yaml = Files.readString(out);
        String header = yaml.substring(0, yaml.indexOf("\nname: ")).replace("\n#     ", " ").replace("\n# ", " ");
        return new Imported(r, header, yaml);
    }

    @Test
    void functionsQuietForTheWholeWindowAreNamedInTheHeaderAndOnTheTerminalOnce() throws Exception {
        ImportBigAccountFiles files = new ImportBigAccountFiles(dir, 8, 30, List.of("fn-002", "fn-005"), null);
        Imported i = importing(files);
        assertTrue(i.header().contains(" QUIET IN THE WINDOW: 2 VPC function(s) start `existing: Active`, yet"
                + " CloudWatch counted no invocation of them in the whole 30m window saved: fn-002, fn-005. Lambda"
                + " makes a function Inactive once it has been idle for the idle-reclaim period, 14d"
                + " (hyperplane.idleReclaimAfter, an assumption: AWS says \"consecutive weeks\"); its next invocation"
                + " then fails (ResourceNotReadyException) while its ENIs are restored. The run starts their idle clock"
                + " at time 0, as enisim cannot know how long before the window they were quiet: one quiet for longer"
                + " goes Inactive sooner in AWS than in the run. Set `existing: Inactive` for those you know to be"
                + " idle, or save a longer window"), i.header());
        String note = "Note: 2 VPC function(s) start Active though CloudWatch counted no invocation of them in the"
                + " whole 30m window: fn-002, fn-005. Lambda makes a function Inactive once it has been idle for 14d"
                + " (hyperplane.idleReclaimAfter, an assumption: AWS says \"consecutive weeks\"), and enisim cannot"
                + " tell how long they were quiet before the window: see QUIET IN THE WINDOW in the file's header\n";
        assertTrue(i.cli().out().contains("\n" + note), i.cli().out());
        assertEquals(i.cli().out().indexOf(note), i.cli().out().lastIndexOf(note), "said once");
        // they do start Active, on their own keys (the run's idle clock starts at 0)
        assertTrue(i.yaml().contains("  - name: fn-002\n    existing: Active"), i.yaml());
    }

    @Test
    void manyQuietFunctionsAreCountedAndTheFirstTwentyNamed() throws Exception {
        List<String> quiet = new ArrayList<>();
        for (int f = 0; f < 25; f++) {
            quiet.add(ImportBigAccountFiles.name(f));
        }
        Imported i = importing(new ImportBigAccountFiles(dir, 30, 30, quiet, null));
        String named = String.join(", ", quiet.subList(0, 20)) + " and 5 more.";
        assertTrue(i.header().contains("QUIET IN THE WINDOW: 25 VPC function(s) start `existing: Active`, yet"
                + " CloudWatch counted no invocation of them in the whole 30m window saved: " + named), i.header());
        assertTrue(i.cli().out().contains("Note: 25 VPC function(s) start Active though CloudWatch counted no"
                + " invocation of them in the whole 30m window: " + named), i.cli().out());
        assertFalse(i.header().contains("fn-020"), "the 21st is not named");
    }

    /** Exactly as many quiet functions as are named: each named, with no "and 0 more" after them. */
    @Test
    void twentyQuietFunctionsAreAllNamedWithNothingMore() throws Exception {
        List<String> quiet = new ArrayList<>();
        for (int f = 0; f < 20; f++) {
            quiet.add(ImportBigAccountFiles.name(f));
        }
        Imported i = importing(new ImportBigAccountFiles(dir, 30, 30, quiet, null));
        String named = String.join(", ", quiet) + ". ";
        assertTrue(i.header().contains("QUIET IN THE WINDOW: 20 VPC function(s) start `existing: Active`, yet"
                + " CloudWatch counted no invocation of them in the whole 30m window saved: " + named), i.header());
        assertTrue(i.cli().out().contains("Note: 20 VPC function(s) start Active though CloudWatch counted no"
                + " invocation of them in the whole 30m window: " + named), i.cli().out());
        assertFalse(i.cli().out().contains("more."), i.cli().out());
    }

    /**
     * Only functions that start Active and whose Invocations CloudWatch gave: an Inactive one (its ENI reclaimed)
     * already is what the rule makes it, and one without a result has placeholder traffic, not a quiet window.
     */
    @Test
    void inactiveFunctionsAndFunctionsWithoutAResultAreNotCalledQuiet() throws Exception {
        ImportBigAccountFiles files = new ImportBigAccountFiles(dir, 4, 30, List.of("fn-001", "fn-002"), null);
        // fn-001's ENI is of another security group: it starts Inactive; fn-003 has no Invocations result
        Files.writeString(files.enis, Files.readString(files.enis).replace("sg-001\"", "sg-999\""));
        String metrics = Files.readString(files.metrics);
        int fn3 = metrics.indexOf(", {\"Id\": \"fn_003_invocations\"");
        Files.writeString(files.metrics, metrics.substring(0, fn3) + "]}");
        Imported i = importing(files);
        assertTrue(i.yaml().contains("  - name: fn-001\n    existing: Inactive"), i.yaml());
        assertTrue(i.header().contains("QUIET IN THE WINDOW: 1 VPC function(s) start `existing: Active`, yet"
                + " CloudWatch counted no invocation of them in the whole 30m window saved: fn-002. "), i.header());

        // and none quiet: no paragraph, no note
        Imported busy = importing(new ImportBigAccountFiles(dir, 4, 30, List.of(), null));
        assertFalse(busy.yaml().contains("QUIET IN THE WINDOW"), busy.yaml());
        assertFalse(busy.cli().out().contains("Note:"), busy.cli().out());
    }
}
