package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A problem a --set made is said to come from it: {@code --set duration=abc} was reported as the file's own
 * "small.yaml: duration: ..." (a safety review), sending the user to a file that has nothing wrong.
 */
class SetProblemsTest {

    @TempDir
    Path dir;

    @Test
    void aProblemMadeByASetNamesTheSetAndTheFilesOwnProblemsDoNot() throws Exception {
        Path f = Files.writeString(dir.resolve("small.yaml"), dev.enisim.scenario.OneSubnetYaml.of("name: small\n"
                + "duration: 10m", "name: f\nduration: 100ms\narrivals: { poisson: 1/s }"));
        Result r = CliTest.run("run", f.toString(), "--set", "duration=abc", "--set", "functions[f].memoryMb=1",
                "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(f + ": duration: expected a duration with a unit (us, ms, s, m, h, d), like 90s or"
                + " 250ms, got 'abc' (from --set duration=abc)"), r.err());
        assertTrue(r.err().contains("functions[0].memoryMb: expected a whole number from 128 to 10240, got 1 (from"
                + " --set functions[f].memoryMb=1)"), r.err());

        Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(f).replace("duration: 10m",
                "duration: 10 minutes"));
        Result own = CliTest.run("run", bad.toString(), "--set", "functions[f].memoryMb=512", "--out",
                dir.resolve("out").toString());
        assertEquals(2, own.code(), own.err());
        assertTrue(own.err().contains("got '10 minutes'") && !own.err().contains("from --set"),
                "the file's own problem is the file's: " + own.err());
    }

    /** check reads its scenarios its own way: its --set problems say so too. */
    @Test
    void checksSetProblemsNameTheSet() throws Exception {
        Path f = Files.writeString(dir.resolve("small.yaml"), dev.enisim.scenario.OneSubnetYaml.of("name: small\n"
                + "duration: 10m", "name: f\nduration: 100ms\narrivals: { poisson: 1/s }"));
        Result r = CliTest.run("check", f.toString(), "--set", "duration=abc");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("got 'abc' (from --set duration=abc)"), r.err());
    }

    /** A scenario with a line of megabytes ran for minutes in the YAML parser; refused before parsing. */
    @Test
    void aScenarioWithAHugeLineIsRefusedAtOnce() throws Exception {
        Path f = Files.writeString(dir.resolve("nonl"), "a".repeat(9 << 20));
        Result r = CliTest.run("validate", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("line 1 is longer than 8192 KiB"), r.err());
    }

    /** bench reads its workloads its own way: its --set problems say so too. */
    @Test
    void benchsSetProblemsNameTheSet() throws Exception {
        Path f = Files.writeString(dir.resolve("small.yaml"), dev.enisim.scenario.OneSubnetYaml.of("name: small\n"
                + "duration: 10m", "name: f\nduration: 100ms\narrivals: { poisson: 1/s }"));
        Result r = CliTest.run("bench", f.toString(), "--no-fork", "--set", "duration=abc");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("got 'abc' (from --set duration=abc)"), r.err());
    }

    /** bench --memory-model --set bogus=1 named its internal workload (memory-1000-functions-1000-keys) only. */
    @Test
    void benchMemoryModelsSetProblemsNameTheSet() {
        Result r = CliTest.run("bench", "--memory-model", "--no-fork", "--set", "bogus=1");
        assertEquals(2, r.code(), r.err());
        String line = r.err().lines().filter(l -> l.contains("unknown key 'bogus'")).findFirst().orElse(r.err());
        assertTrue(line.startsWith("many-functions (bench --memory-model): bogus: unknown key 'bogus'"), line);
        assertTrue(line.endsWith(" (from --set bogus=1)"), line);
    }
}
