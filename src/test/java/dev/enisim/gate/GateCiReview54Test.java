package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.importer.ImportCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review 54 (r6): the gate's rules file as a CI team wrote it (B4). */
class GateCiReview54Test {

    @TempDir
    Path dir;

    /** B4: "did you mean" suggested a duration still without its unit, refused too: 5 min is 5m. */
    @Test
    void aDurationsUnitWordIsSuggestedAsADurationWritesIt() {
        assertEquals("no function Pending longer than 5m", Rules.closest("no function Pending longer than 5 min"));
        assertEquals("teardown wait <= 90s", Rules.closest("teardown wiat <= 90 seconds"));
        assertEquals("no function Pending longer than DURATION", Rules.closest("no function Pending longer than 5"),
                "a bare number: no unit guessed");
        assertEquals("new ENIs <= 5", Rules.closest("new ENI <= 5"));
    }

    /** B4: the unknown metric of a rules file was named without its line and path (rule '...'). */
    @Test
    void anUnknownMetricOfTheRulesFileHasItsLineAndPath() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yml"), "gate:\n  - \"new ENIs <= 5\"\n"
                + "  - \"enis.peek <= 20\"\n");
        Result r = GateCommandTest.run("gate", "--account", GateCommandTest.DIR + "/account.yaml", "--template",
                GateCommandTest.DIR + "/one-group.yaml", "--rules", rules.toString(), "--out",
                dir.resolve("out").toString(), "--step-summary", "");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(rules + ":3: gate[1]: 'enis.peek <= 20': unknown metric 'enis.peek'"), r.err());
    }
}
