package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import dev.enisim.report.page.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A single-file output replaces an existing file only if the file opens as enisim writes it: a mark anywhere in its
 * first 64 KiB was taken as proof (a safety review: {@code validate-model --markdown VALIDATION.md} replaced the
 * project's hand-written document, which quotes the table's header; {@code check --junit} a copy of a test's
 * source; {@code bench --json} a user's settings file naming one of the bench's fields).
 */
class MarkedOutputsTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        return Files.writeString(dir.resolve("small.yaml"), dev.enisim.scenario.OneSubnetYaml.of("name: small\n"
                + "duration: 2m\nexpect:\n  - invocations.total > 0", "name: f\nduration: 100ms\n"
                + "arrivals: { poisson: 1/s }"));
    }

    private void assertRefusedAndKept(Path file, String before, Result r) throws Exception {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("does not look like a file enisim wrote"), r.err());
        assertEquals(before, Files.readString(file), "the user's file is untouched");
    }

    @Test
    void aDocumentQuotingTheValidationTablesHeaderIsNotReplaced() throws Exception {
        String doc = "# Validation\n\nWhat the table below says.\n\n| case | theory | simulated mean |\n|---|---|---|\n";
        Path f = Files.writeString(dir.resolve("VALIDATION.md"), doc);
        assertRefusedAndKept(f, doc, CliTest.run("validate-model", "--replications", "2", "--markdown",
                f.toString()));
    }

    @Test
    void aSourceFileHoldingTheJUnitMarkIsNotReplacedButCheckReplacesItsOwnJUnitFile() throws Exception {
        String source = "class JUnitXmlTest {\n  // check writes <testsuites name=\"enisim check\" tests=...>\n}\n";
        Path java = Files.writeString(dir.resolve("JUnitXmlTest.java"), source);
        assertRefusedAndKept(java, source, CliTest.run("check", scenario().toString(), "--junit", java.toString()));

        Path xml = dir.resolve("check.xml");
        assertEquals(0, CliTest.run("check", scenario().toString(), "--junit", xml.toString()).code());
        String first = Files.readString(xml);
        assertTrue(first.matches("(?s).*</testsuites>\n<!-- enisim sha256 [0-9a-f]{64} -->\n"), first);
        Files.writeString(xml, first.replace("<testcase", "<testcase data-seen=\"1\""));
        assertEquals(0, CliTest.run("check", scenario().toString(), "--junit", dir.resolve("other.xml").toString())
                .code());
        Files.writeString(xml, first);
        Result again = CliTest.run("check", scenario().toString(), "--junit", xml.toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(first, Files.readString(xml), "enisim's own JUnit file, as it wrote it, is replaced");
    }

    /**
     * A file that opens exactly as enisim's output and goes on with the user's text was replaced, the text with it
     * (the last pass's leftover): each single output now ends with enisim's checksum of the rest, and a file whose
     * checksum is missing or no longer matches is the user's.
     */
    @Test
    void enisimsOwnOutputWithTheUsersTextAddedIsNotReplaced() throws Exception {
        Path md = dir.resolve("table.md");
        // exit 1 or 0: two replications' intervals are narrow, and a case may miss its theory; the table is written
        assertTrue(CliTest.run("validate-model", "--replications", "2", "--markdown", md.toString()).code() < 2);
        String table = Files.readString(md);
        assertTrue(table.startsWith("| case | theory |"), table);
        assertTrue(table.matches("(?s).*\\|\n\n<!-- enisim sha256 [0-9a-f]{64} -->\n"), table);
        String notes = table + "\n## Our notes\n\nThe M/M/c/c row is the one we rely on.\n";
        Files.writeString(md, notes);
        assertRefusedAndKept(md, notes, CliTest.run("validate-model", "--replications", "2", "--markdown",
                md.toString()));
        Files.writeString(md, table.replaceFirst("\n", "\n| note | a row we added |\n"));
        String withRow = Files.readString(md);
        assertRefusedAndKept(md, withRow, CliTest.run("validate-model", "--replications", "2", "--markdown",
                md.toString()));
        Files.writeString(md, table); // as enisim wrote it: replaced
        assertTrue(CliTest.run("validate-model", "--replications", "2", "--markdown", md.toString()).code() < 2);

        Path json = dir.resolve("bench.json");
        assertEquals(0, CliTest.run("bench", scenario().toString(), "--no-fork", "--repeat", "1", "--json",
                json.toString()).code());
        com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.toFile()); // still JSON, the checksum its last member
        assertEquals(64, tree.get("enisimSha256").asText().length(), tree.toString());
        String benchEdited = Files.readString(json).replace("\"cores\" : ", "\"cores\" :  ");
        Files.writeString(json, benchEdited);
        assertRefusedAndKept(json, benchEdited, CliTest.run("bench", scenario().toString(), "--no-fork", "--repeat",
                "1", "--json", json.toString()));

        Path base = dir.resolve("base");
        assertEquals(0, CliTest.run("check", scenario().toString(), "--baseline", base.toString(),
                "--update-baseline").code());
        Path page = dir.resolve("drift.html");
        assertEquals(0, CliTest.run("check", scenario().toString(), "--baseline", base.toString(), "--html",
                page.toString()).code());
        assertEquals(0, CliTest.run("check", scenario().toString(), "--baseline", base.toString(), "--html",
                page.toString()).code(), "its own page is replaced");
        String annotated = Files.readString(page).replace("</body>", "<p>Reviewed by Ana.</p></body>");
        Files.writeString(page, annotated);
        assertRefusedAndKept(page, annotated, CliTest.run("check", scenario().toString(), "--baseline",
                base.toString(), "--html", page.toString()));
    }

    @Test
    void aSettingsFileNamingTheBenchsFieldIsNotReplaced() throws Exception {
        String settings = "{\"config\":{\"heapReferences\":\"compressed\"},\"workloads\":[]}\n";
        Path json = Files.writeString(dir.resolve("settings.json"), settings);
        assertRefusedAndKept(json, settings, CliTest.run("bench", scenario().toString(), "--no-fork", "--repeat",
                "1", "--json", json.toString()));
        String pretty = "{\n  \"heapReferences\" : \"compressed\"\n}\n"; // the field, pretty-printed, is not enough
        Files.writeString(json, pretty);
        assertRefusedAndKept(json, pretty, CliTest.run("bench", scenario().toString(), "--no-fork", "--repeat",
                "1", "--json", json.toString()));
    }

    @Test
    void aSourceFileHoldingTheCostModelsTitleIsNotReplaced() throws Exception {
        String source = "class CostModelChart { String t = \"What an event costs as functions grow\"; }\n";
        Path svg = Files.writeString(dir.resolve("CostModelChart.java"), source);
        assertRefusedAndKept(svg, source, CliTest.run("bench", "--no-fork", "--cost-model", svg.toString(),
                "--cost-model-arrivals", "60000", "--cost-model-functions", "1,10"));
    }

    @Test
    void aFileHoldingThePagesMarkInItsBodyIsNotReplaced() throws Exception {
        String html = "<!DOCTYPE html>\n<html><head><title>mine</title></head><body><pre>" + Page.MARK
                + "</pre></body></html>\n";
        Path page = Files.writeString(dir.resolve("drift.html"), html);
        Path base = dir.resolve("base");
        assertEquals(0, CliTest.run("check", scenario().toString(), "--baseline", base.toString(),
                "--update-baseline").code());
        assertRefusedAndKept(page, html, CliTest.run("check", scenario().toString(), "--baseline", base.toString(),
                "--html", page.toString()));
    }

    /** A baseline that is a link to a device was read for ever (/dev/zero: out of memory, a stack trace). */
    @Test
    void aBaselineThatIsNotARegularFileIsRefused() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "a /dev/zero");
        Path base = Files.createDirectories(dir.resolve("base"));
        Files.createSymbolicLink(base.resolve("small.summary.json"), Path.of("/dev/zero"));
        Result r = CliTest.run("check", scenario().toString(), "--baseline", base.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("is not a regular file (a folder, a device or a pipe); expected a summary.json"),
                r.err());
    }

    /** Two outputs in one place were refused only after the runs, the first written (a safety review). */
    @Test
    void outputsThatClashAreRefusedBeforeAnyRun() throws Exception {
        Path x = dir.resolve("x.out");
        Result same = CliTest.run("check", scenario().toString(), "--baseline", dir.resolve("b").toString(),
                "--junit", x.toString(), "--html", x.toString());
        assertEquals(2, same.code(), same.err());
        assertTrue(same.err().contains("--junit and --html name the same file"), same.err());
        Path base = dir.resolve("bl");
        Result inBaseline = CliTest.run("check", scenario().toString(), "--baseline", base.toString(),
                "--update-baseline", "--junit", base.resolve("small.summary.json").toString());
        assertEquals(2, inBaseline.code(), inBaseline.err());
        assertTrue(inBaseline.err().contains("is a baseline's place in --baseline"), inBaseline.err());
        assertTrue(!Files.exists(base), "nothing written");
    }

    /** check --baseline B --html B/x.json wrote the page where a later check could read it as a baseline. */
    @Test
    void aReportInsideTheBaselineFolderIsRefusedBeforeAnyRun() throws Exception {
        Path base = dir.resolve("bl2");
        Files.createDirectories(base.resolve("sub"));
        for (String[] o : new String[][] {{"--html", base.resolve("x.json").toString()},
                {"--junit", base.resolve("sub").resolve("junit.xml").toString()}}) {
            Result r = CliTest.run("check", scenario().toString(), "--baseline", base.toString(), o[0], o[1]);
            assertEquals(2, r.code(), r.err());
            assertEquals("enisim: " + o[0] + " " + o[1] + " is inside --baseline " + base
                    + "; give the report a place outside the baseline folder", r.err().lines().findFirst().orElse(""));
            try (var files = Files.walk(base)) {
                assertEquals(2, files.count(), "nothing written in the baseline folder");
            }
        }
    }
}
