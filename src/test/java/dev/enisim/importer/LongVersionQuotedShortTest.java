package dev.enisim.importer;

import dev.enisim.cli.LongValues;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function's Version of a megabyte in get-function output is quoted short in import's problem, with its path. */
class LongVersionQuotedShortTest {

    @Test
    void aMegabyteVersionIsQuotedShort(@TempDir Path dir) throws Exception {
        String e = "scenarios/import-example/";
        String functions = Files.readString(Path.of(e + "functions.json"));
        int at = functions.indexOf("\"Version\"");
        int value = functions.indexOf('"', functions.indexOf(':', at) + 1);
        Path file = Files.writeString(dir.resolve("functions.json"), functions.substring(0, value + 1) + LongValues.BIG
                + functions.substring(functions.indexOf('"', value + 1)));
        LongValues.badInput(new String[] {"import", "--name", "long", "--functions", file.toString(), "--subnets",
            e + "subnets.json", "--out", dir.resolve("out.yaml").toString()}, file + ":",
                "Functions[0].Version: expected $LATEST or a version number, got ");
    }
}
