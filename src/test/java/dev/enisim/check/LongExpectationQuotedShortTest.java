package dev.enisim.check;

import dev.enisim.cli.LongValues;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An expectation of a megabyte is quoted short in check's problem, with its file, line and path. */
class LongExpectationQuotedShortTest {

    @Test
    void aMegabyteExpectationIsQuotedShort(@TempDir Path dir) throws Exception {
        String quickstart = Files.readString(Path.of("scenarios/quickstart.yaml"));
        Path file = Files.writeString(dir.resolve("long.yaml"), quickstart.substring(0,
                quickstart.indexOf("\nexpect:") + 1) + "expect:\n  - \"enis.peak <= " + LongValues.BIG + "\"\n");
        LongValues.badInput(new String[] {"check", file.toString()}, file + ":", "expect[0]: expected a number, got ",
                " in 'enis.peak <= xxx");
    }
}
