package dev.enisim.cli;

import static dev.enisim.cli.Scratch.assertExit;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A baseline from an older enisim, whose summary had fewer metrics (review of session 44, h6): every leaf added since
 * was a difference, {@code (none) -> 0}, said as "N difference(s)" as for a changed model, with nothing to tell a CI
 * team that upgraded enisim what to do. The check still fails (the files differ), and now says what such a drift is.
 */
class CheckOlderBaselineTest extends InScratch {

    private static final String HINT = "every difference is a leaf the baseline lacks: if an older enisim wrote it"
            + " (its summary had fewer metrics) and the scenario did not change, nothing drifted; --update-baseline"
            + " rewrites it";

    /** The baseline as an older enisim wrote it: without the leaves given, and without the checksum. */
    private void older(Path baseline, boolean changeAnother) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode b = (ObjectNode) json.readTree(baseline.toFile());
        b.remove("enisimSha256");
        ((ObjectNode) b.get("events")).remove("other");
        ((ObjectNode) b.get("invocations").get("errors")).remove("ServiceException");
        if (changeAnother) {
            ((ObjectNode) b.get("enis")).put("peak", 99);
        }
        json.writerWithDefaultPrettyPrinter().writeValue(baseline.toFile(), b);
    }

    @Test
    void aBaselineLackingOnlyNewerLeavesSaysWhatItIs() throws Exception {
        assertExit(0, s.run("check", "scenario.yaml", "--baseline", "base", "--update-baseline"));
        Path baseline = s.work.resolve("base/scratch.summary.json");
        older(baseline, false);
        Scratch.Result r = s.run("check", "scenario.yaml", "--baseline", "base", "--junit", "j.xml", "--step-summary",
                "s.md");
        assertExit(1, r);
        assertTrue(r.out().contains("events.other: (none) -> "), r.out());
        assertTrue(r.out().contains("        (" + HINT + ")\n"), r.out());
        assertTrue(Files.readString(s.work.resolve("j.xml")).contains("(" + HINT + ")\n</failure>"),
                Files.readString(s.work.resolve("j.xml")));
        assertTrue(Files.readString(s.work.resolve("s.md")).contains(" (" + HINT + ") |"),
                Files.readString(s.work.resolve("s.md")));

        // a leaf the baseline has that differs: a drift like any other, no such word
        assertExit(0, s.run("check", "scenario.yaml", "--baseline", "base", "--update-baseline"));
        older(baseline, true);
        Scratch.Result changed = s.run("check", "scenario.yaml", "--baseline", "base");
        assertExit(1, changed);
        assertTrue(changed.out().contains("enis.peak: 99 -> "), changed.out());
        assertFalse(changed.out().contains("leaf the baseline lacks"), changed.out());
    }
}
