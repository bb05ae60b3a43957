package dev.enisim.gate;

import dev.enisim.cli.LongValues;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule sentence of a megabyte is quoted short in the gate's problem, with its file and path. */
class LongRuleQuotedShortTest {

    @Test
    void aMegabyteRuleIsQuotedShort(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yml"), "gate:\n  - \"" + LongValues.BIG + "\"\n");
        String e = "scenarios/gate-example/";
        LongValues.badInput(new String[] {"gate", "--account", e + "account.yaml", "--template", e + "template.yml",
            "--rules", rules.toString()}, rules + ":2: gate[0]: ", " is not a gate rule");
    }
}
