package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan --threads N}: the same files and terminal answer as one thread; said in the help. */
class PlanThreadsCommandTest {

    @TempDir
    Path dir;

    @Test
    void twoThreadsWriteWhatOneWrites() throws Exception {
        Path f = dir.resolve("good.yaml");
        Files.writeString(f, CliTest.GOOD);
        Result one = CliTest.run("plan", f.toString(), "--replications", "3", "--html", "--threads", "1", "-q",
                "--out", dir.resolve("one").toString());
        Result two = CliTest.run("plan", f.toString(), "--replications", "3", "--html", "--threads", "2", "-q",
                "--out", dir.resolve("two").toString());
        assertEquals(0, one.code(), one.err());
        assertEquals(0, two.code(), two.err());
        assertEquals(one.out().replace(dir.resolve("one").toString(), "OUT"),
                two.out().replace(dir.resolve("two").toString(), "OUT"));
        for (String name : new String[] {"plan.json", "plan.html"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(name)),
                    Files.readAllBytes(dir.resolve("two").resolve(name)), name);
        }
    }

    @Test
    void theHelpSaysWhatThreadsDo() {
        Result r = CliTest.run("plan", "--help");
        assertEquals(0, r.code(), r.err());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--threads=N Simulations run at once (default: one per core; 1: one after the"
                + " other). The plan is the same whatever N"), r.out());
    }
}
