package dev.enisim.cli;

import static dev.enisim.cli.Scratch.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.SummaryJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Files known whole, the two left: a {@code check} baseline is read back, so one cut short or edited by hand since
 * {@code --update-baseline} wrote it was compared as if it were the team's (a value changed by hand passed, or showed
 * as the model's drift); it now ends with enisim's checksum, and a mismatch is bad input that names the file, with a
 * documented way to keep a deliberate edit ({@code "enisimSha256" : "edited"}). A baseline from before the checksum
 * is still compared, with a note. The event trace of {@code explain --trace} is read back by no enisim command, but
 * by other tools: it ends with a JSON line of its own holding the checksum, and a trace edited since is the user's.
 */
class FilesKnownWholeTest extends InScratch {

    private static final Pattern SEALED_BASELINE = Pattern.compile(
            "(?s)(.*,\n)  \"enisimSha256\" : \"([0-9a-f]{64})\"\n}\n");

    private Path baseline() {
        return s.work.resolve("bl/scratch.summary.json");
    }

    private String written() throws Exception {
        assertExit(0, s.run("check", "scenario.yaml", "--baseline", "bl", "--update-baseline", "--set",
                "duration=2m"));
        return Files.readString(baseline());
    }

    private Scratch.Result check(String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("check", "scenario.yaml",
                "--baseline", "bl", "--set", "duration=2m"));
        args.addAll(java.util.List.of(more));
        return s.run(args.toArray(String[]::new));
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBaselineEndsWithTheChecksumOfTheLinesAboveAndStaysASummary() throws Exception {
        String b = written();
        Matcher m = SEALED_BASELINE.matcher(b);
        assertTrue(m.matches(), b);
        assertEquals(sha256(m.group(1)), m.group(2), "head -n -2 FILE | sha256sum prints it");
        assertTrue(SummaryJson.mapper().readTree(b).path("invocations").isObject(), "still a summary's JSON");
        Scratch.Result r = check();
        assertExit(0, r);
        assertTrue(r.out().contains("PASS  baseline"), r.out());
        assertFalse(r.all().contains("enisimSha256"), "the checksum is no leaf compared: " + r.all());
        assertFalse(r.err().contains("note"), r.err());
    }

    @Test
    void aBaselineEditedByHandIsBadInputNamedAndKept() throws Exception {
        String b = written();
        Matcher total = Pattern.compile("\"total\" : (\\d+)").matcher(b);
        assertTrue(total.find(), b);
        String edited = b.replaceFirst("\"total\" : " + total.group(1), "\"total\" : "
                + (Long.parseLong(total.group(1)) + 1));
        Files.writeString(baseline(), edited);
        Scratch.Result r = check();
        assertExit(2, r); // exit 1 before: the hand edit was compared as the model's drift
        assertTrue(r.err().startsWith("enisim: baseline " + baseline() + " was changed since"
                + " enisim wrote it"), r.err());
        assertTrue(r.err().contains("\"enisimSha256\" : \"edited\""), "says how to keep a deliberate edit: "
                + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals(edited, Files.readString(baseline()), "the team's file is left as it is");
    }

    @Test
    void aBaselineCutShortIsNamedSo() throws Exception {
        String b = written();
        Files.writeString(baseline(), b.substring(0, b.length() / 2));
        Scratch.Result r = check();
        assertExit(2, r);
        assertTrue(r.err().contains("baseline " + baseline() + " is cut short"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    /**
     * Cut at a line's end, between two members, Jackson's complaint is not its end-of-file exception: it was said as
     * "is not a summary.json: Unexpected end-of-input within/between Object entries" and a second line naming
     * Jackson's "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled) ...]".
     */
    @Test
    void aBaselineCutAtALinesEndIsNamedCutShortInOneLine() throws Exception {
        String b = written();
        int cut = b.indexOf(",\n", b.length() / 2) + 2;
        Files.writeString(baseline(), b.substring(0, cut));
        Scratch.Result r = check();
        assertExit(2, r);
        assertTrue(r.err().contains("baseline " + baseline() + " is cut short"), r.err());
        assertFalse(r.err().contains("Source") || r.err().contains("StreamReadFeature"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    /** Not JSON at all: one line, in enisim's words, no parser internals. */
    @Test
    void aBaselineThatIsNotJsonIsSaidInOneLine() throws Exception {
        written();
        Files.writeString(baseline(), "{ \"seed\" : 1, ]\n");
        Scratch.Result r = check();
        assertExit(2, r);
        assertTrue(r.err().contains("baseline " + baseline() + " is not a summary.json: "), r.err());
        assertFalse(r.err().contains("Source") || r.err().contains("StreamReadFeature"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aDeliberateEditIsComparedAsItStandsWithANote() throws Exception {
        String b = written();
        Matcher m = SEALED_BASELINE.matcher(b);
        assertTrue(m.matches(), b);
        Files.writeString(baseline(), b.replace(m.group(2), "edited"));
        Scratch.Result same = check();
        assertExit(0, same);
        assertTrue(same.err().contains("enisim: note: 1 baseline(s) are marked as edited by hand"), same.err());
        // the edit itself is then a difference like any other (exit 1), the checksum's member none
        Files.writeString(baseline(), b.replace(m.group(2), "edited").replaceFirst("\"seed\" : (\\d+)",
                "\"seed\" : 99"));
        Scratch.Result drift = check();
        assertExit(1, drift);
        assertTrue(drift.out().contains("FAIL  baseline") && drift.out().contains("seed: 99 -> "), drift.out());
        assertFalse(drift.out().contains("enisimSha256"), drift.out());
        // any other value is said with what is expected
        Files.writeString(baseline(), b.replace(m.group(2), "ok"));
        Scratch.Result bad = check();
        assertExit(2, bad);
        assertTrue(bad.err().contains("its \"enisimSha256\" is \"ok\"; expected the checksum enisim writes"),
                bad.err());
    }

    @Test
    void aBaselineFromBeforeTheChecksumIsStillComparedWithANote() throws Exception {
        String b = written();
        Matcher m = SEALED_BASELINE.matcher(b);
        assertTrue(m.matches(), b);
        String old = m.group(1).replaceFirst(",\n$", "\n}\n"); // as an enisim from before December 2026 wrote it
        Files.writeString(baseline(), old);
        Scratch.Result r = check();
        assertExit(0, r);
        assertTrue(r.err().contains("enisim: note: 1 baseline(s) carry no checksum") && r.err().contains(
                "bl/scratch.summary.json"), r.err());
        Scratch.Result drift = check("--set", "seed=5");
        assertExit(1, drift); // still compared: a drift is a drift
        // --update-baseline rewrites it with the checksum; so it does a baseline edited by hand
        assertTrue(SEALED_BASELINE.matcher(written()).matches());
        Files.writeString(baseline(), b.replace("\"seed\"", "\"seed\" : 1, \"x\""));
        assertTrue(SEALED_BASELINE.matcher(written()).matches());
        assertExit(0, check());
    }

    @Test
    void aWindowsCheckoutsLineEndsAreNoEdit() throws Exception {
        String b = written();
        Files.writeString(baseline(), b.replace("\n", "\r\n"));
        assertExit(0, check());
        Files.writeString(baseline(), b.stripTrailing()); // an editor that drops the last line break
        assertExit(0, check());
    }

    @Test
    void aReplicatedBaselineIsSealedToo() throws Exception {
        assertExit(0, s.run("check", "scenario.yaml", "--baseline", "bl", "--update-baseline", "--set",
                "duration=2m", "--replications", "2"));
        String b = Files.readString(baseline());
        assertTrue(SEALED_BASELINE.matcher(b).matches(), b);
        assertExit(0, check("--replications", "2"));
        Files.writeString(baseline(), b.replaceFirst("\"mean\" : ", "\"mean\" : 1"));
        assertExit(2, check("--replications", "2"));
    }

    @Test
    void aTraceEndsWithTheChecksumOfItsEventsAndAnEditedOneIsTheUsers() throws Exception {
        assertExit(0, s.run("explain", "scenario.yaml", "--trace", "trace.jsonl", "--set", "duration=1m"));
        String t = Files.readString(s.work.resolve("trace.jsonl"));
        Matcher m = Pattern.compile("(?s)(\\{\"atMicros\":.*\n)\\{\"enisimSha256\":\"([0-9a-f]{64})\"}\n").matcher(t);
        assertTrue(m.matches(), t);
        assertEquals(sha256(m.group(1)), m.group(2), "head -n -1 FILE | sha256sum prints it");
        for (String line : t.split("\n")) {
            assertTrue(SummaryJson.mapper().readTree(line).isObject(), "each line is JSON: " + line);
        }
        assertExit(0, s.run("explain", "scenario.yaml", "--trace", "trace.jsonl", "--set", "duration=2m"));
        String whole = Files.readString(s.work.resolve("trace.jsonl"));
        String cut = whole.substring(0, whole.indexOf('\n') + 1); // the user kept the first event only
        Files.writeString(s.work.resolve("trace.jsonl"), cut);
        Scratch.Result r = s.run("explain", "scenario.yaml", "--trace", "trace.jsonl", "--set", "duration=1m");
        assertExit(2, r);
        assertTrue(r.err().contains("does not look like a file enisim wrote"), r.err());
        assertEquals(cut, Files.readString(s.work.resolve("trace.jsonl")));
    }
}
