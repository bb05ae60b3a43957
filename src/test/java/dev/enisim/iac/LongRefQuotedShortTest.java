package dev.enisim.iac;

import dev.enisim.cli.LongValues;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template's Ref to a name of a megabyte is quoted short in the gate's problem, with its file and path. */
class LongRefQuotedShortTest {

    @Test
    void aMegabyteRefIsQuotedShort(@TempDir Path dir) throws Exception {
        String e = "scenarios/gate-example/";
        String template = Files.readString(Path.of(e + "template.yml")).replaceFirst(
                "(GroupDescription: payments validate step\n      VpcId: !Ref )VpcId", "$1" + LongValues.BIG);
        Path file = Files.writeString(dir.resolve("template.yml"), template);
        LongValues.badInput(new String[] {"gate", "--account", e + "account.yaml", "--template", file.toString()},
                file + ":", "Resources.ValidateSecurityGroup.Properties.VpcId: Ref to ", "neither a parameter");
    }
}
