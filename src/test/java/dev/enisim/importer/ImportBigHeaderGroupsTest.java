package dev.enisim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A note or placeholder said of many functions is said once, with how many, the first five names and how to find
 * each (a reviewer's 600-function account: 180 placeholder lines, and 460 "N CloudWatch periods make as many phases"
 * notes for a week of data, with no word of it on the terminal); said of five or fewer, a line each, as before.
 */
class ImportBigHeaderGroupsTest {

    @TempDir
    Path dir;

    private record Imported(ImportCommandTest.Result cli, String header, String yaml) {
    }

    /**
     * {@code n} functions on a custom runtime (no init preset), of 20,000 MB (above the model's maximum: a
     * placeholder), with 300 one-minute periods each (above 288) and no Duration (a placeholder).
     */
    private Imported importing(int n) throws Exception {
        ImportBigAccountFiles files = new ImportBigAccountFiles(dir, n, 300, List.of(), "provided.al2023");
        Files.writeString(files.functions, Files.readString(files.functions).replace("\"MemorySize\": 512",
                "\"MemorySize\": 20000"));
        Path out = dir.resolve("out.yaml");
        ImportCommandTest.Result r = ImportCommandTest.run(files.args(out).toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        String yaml = Files.readString(out);
        String unwrapped = ImporterTest.unwrapped(yaml);
        return new Imported(r, unwrapped.substring(0, unwrapped.indexOf("\nname: ") + 1), yaml);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void repeatedPlaceholdersAndNotesAreSaidOnceWithTheirCountTheFirstNamesAndHowToFindEach() throws Exception {
        Imported i = importing(7);
        String first = "fn-000, fn-001, fn-002, fn-003, fn-004 and 2 more";
        assertTrue(i.header().contains("#   - functions[*].duration: 100ms (no CloudWatch Duration), for 7 functions: "
                + first + " (find each by `duration: 100ms`)\n"), i.header());
        assertTrue(i.header().contains("#   - functions[*].initDuration: the default (no preset for Runtime"
                + " provided.al2023), for 7 functions: " + first + " (find each by `# Runtime provided.al2023: no"
                + " measured preset`)\n"), i.header());
        assertTrue(i.header().contains("#   - functions[*].memoryMb: ") && i.header().contains(", for 7 functions: "
                + first + " (find each by `# placeholder: "), i.header());
        assertTrue(i.header().contains("#   - 7 functions have more than 288 CloudWatch periods each (up to 300), which"
                + " make as many phases and slow a run down: " + first + "; `enisim import --resample 1h` sums them"
                + " into fewer\n"), i.header());
        assertFalse(i.header().contains("functions[fn-"), i.header());
        assertFalse(i.header().contains("fn-000: 300 CloudWatch periods"), i.header());
        // every value is still marked where it is set
        String body = i.yaml().substring(i.yaml().indexOf("\nname: "));
        assertEquals(7, count(body, "    duration: 100ms   # placeholder\n"));
        assertEquals(7, count(body, "# Runtime provided.al2023: no measured preset"));
        assertEquals(7, count(body, "    memoryMb: 10240   # placeholder: "));
        // the terminal: the count is of the values marked (the header's hints are not counted), and the phases once
        long marked = i.yaml().lines().filter(l -> !l.startsWith("#") && l.contains("# placeholder")).count();
        assertEquals(7 * 3 + 2, marked, "memoryMb, duration and connectionsPerInvocation of each; eniQuota; account");
        assertTrue(i.cli().out().startsWith("Wrote " + dir.resolve("out.yaml") + ": " + marked + " placeholder value(s)"),
                i.cli().out());
        String note = "Note: 7 function(s) have more than 288 CloudWatch periods (up to 300), which make as many phases"
                + " and slow a run down: `enisim import --resample 1h` sums them into fewer\n";
        assertEquals(1, count(i.cli().out(), note), i.cli().out());
    }

    @Test
    void saidOfFiveFunctionsOrFewerEachHasItsOwnLineAsBefore() throws Exception {
        Imported i = importing(5);
        for (int f = 0; f < 5; f++) {
            String fn = ImportBigAccountFiles.name(f);
            assertTrue(i.header().contains("#   - functions[" + fn + "].duration: 100ms (no CloudWatch Duration)\n"),
                    i.header());
            assertTrue(i.header().contains("#   - functions[" + fn + "].initDuration: the default (no preset for"
                    + " Runtime provided.al2023)\n"), i.header());
            assertTrue(i.header().contains("#   - " + fn + ": 300 CloudWatch periods make as many phases, which slow a"
                    + " run down; `enisim import --resample 1h` sums them into fewer\n"), i.header());
        }
        assertFalse(i.header().contains("functions[*].duration: 100ms"), i.header());
        assertEquals(1, count(i.cli().out(), "Note: 5 function(s) have more than 288 CloudWatch periods"),
                i.cli().out());
    }

    /** Functions without an Invocations result: their placeholder traffic and the note on them, once each. */
    @Test
    void functionsWithoutAResultAreListedOnceWithTheirCount() throws Exception {
        ImportBigAccountFiles files = new ImportBigAccountFiles(dir, 7, 30, List.of(), null);
        String metrics = Files.readString(files.metrics);
        Files.writeString(files.metrics, metrics.substring(0, metrics.indexOf(", {\"Id\": \"fn_001_invocations\""))
                + "]}"); // fn-000's result only
        Path out = dir.resolve("out.yaml");
        ImportCommandTest.Result r = ImportCommandTest.run(files.args(out).toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        String header = ImporterTest.unwrapped(Files.readString(out));
        header = header.substring(0, header.indexOf("\nname: ") + 1);
        String six = "fn-001, fn-002, fn-003, fn-004, fn-005 and 1 more";
        assertTrue(header.contains("#   - functions[*].arrivals: 1/s (no CloudWatch Invocations), for 6 functions: "
                + six + " (find each by `arrivals: { poisson: 1/s }`)\n"), header);
        assertTrue(header.contains("#   - 6 functions have no CloudWatch Invocations result, so their traffic is a"
                + " placeholder: " + six + " (find each by `arrivals: { poisson: 1/s }`; add a query for each)\n"),
                header);
        assertFalse(header.contains("fn-001: no CloudWatch Invocations result"), header);
        assertEquals(6, count(Files.readString(out), "    arrivals: { poisson: 1/s }   # placeholder\n"));
    }
}
