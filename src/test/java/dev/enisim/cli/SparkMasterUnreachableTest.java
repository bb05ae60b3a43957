package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data engineer's review (r2's item 13): {@code sweep --engine spark --spark-master spark://127.0.0.1:7999}, where no
 * master listens, waited a minute, said "2 points to run (spark spark://127.0.0.1:7999, 2 slots)", slots Spark never
 * had, and then "Spark stopped before every point was back: Ctrl-C or a kill, or Spark itself gave up". Now it says
 * that the master could not be reached, at which address, for how long it was tried, and that no point was run; it
 * leaves nothing behind.
 */
class SparkMasterUnreachableTest {

    @TempDir
    Path dir;

    private static final String YAML = dev.enisim.scenario.OneSubnetYaml.of("name: u\nduration: 1m", """
            name: api
            memoryMb: 512
            timeout: 10s
            duration: { dist: constant, value: 100ms }
            arrivals: { constant: 1/s }
            """);

    /** A local port nothing listens at (taken and given back). */
    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private Result sweep(String master, Path out) throws Exception {
        Path f = Files.writeString(dir.resolve("u.yaml"), YAML);
        return CliTest.run("sweep", f.toString(), "--vary", "traffic=1,2", "--metric", "enis.peak", "--engine", "spark",
                "--spark-master", master, "--out", out.toString());
    }

    @Test
    void aMasterNobodyAnswersAtIsSaidWithItsAddressAndHowLongItWasTried() throws Exception {
        int port = closedPort();
        String master = "spark://127.0.0.1:" + port;
        Path out = dir.resolve("reports").resolve("u-sweep");
        System.setProperty("spark.enisim.masterWait", "700ms"); // Spark's own conf, as a user gives it to java -D
        Result r;
        long t0 = System.nanoTime();
        try {
            r = sweep(master, out);
        } finally {
            System.clearProperty("spark.enisim.masterWait");
        }
        double took = (System.nanoTime() - t0) / 1e9;
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("enisim: cannot reach the Spark master " + master + ": nothing answered at 127.0.0.1:"
                + port + " (Connection refused), tried for 0.7 s; no point was run (to try for longer: java"
                + " -Dspark.enisim.masterWait=1m, or spark-submit --conf spark.enisim.masterWait=1m)"), r.err());
        assertFalse(r.err().contains("slot"), "no slot count Spark never had: " + r.err());
        assertFalse(r.err().contains("kept") || r.err().contains("Ctrl-C"), r.err());
        assertTrue(took < 20, "well before Spark's own minute: " + took + " s");
        assertFalse(Files.exists(dev.enisim.experiment.Experiment.progressFile(out)), "no progress file");
        assertFalse(Files.exists(dir.resolve("reports")), "nothing left behind");
    }

    /**
     * Something answers at the address but is not a Spark master (its web UI's port, say): Spark gives up after its
     * own three tries of 20 s, and the sweep says so, not "Ctrl-C or a kill" and a slot count.
     */
    @Test
    @Tag("slow") // Spark's own minute of tries, which it takes from no setting
    void anAddressThatIsNotAMasterIsSaidAsSparkGivingUpOnIt() throws Exception {
        try (ServerSocket notAMaster = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread accepting = new Thread(() -> {
                java.util.List<java.net.Socket> held = new java.util.ArrayList<>();
                try {
                    while (true) {
                        held.add(notAMaster.accept()); // and never a word back
                    }
                } catch (java.io.IOException closed) {
                    held.forEach(s -> {
                        try {
                            s.close();
                        } catch (java.io.IOException e) {
                            // closing
                        }
                    });
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            String master = "spark://127.0.0.1:" + notAMaster.getLocalPort();
            Path out = dir.resolve("o");
            Result r = sweep(master, out);
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().matches("(?s).*enisim: the Spark master " + java.util.regex.Pattern.quote(master)
                    + " did not take the application: Spark tried for [0-9]+ s and gave up \\(its line above says why;"
                    + " is 127\\.0\\.0\\.1:[0-9]+ the master's port, 7077 by default, not its web UI's\\?\\); no point was"
                    + " run.*"), r.err());
            assertFalse(r.err().contains("slot"), r.err());
            assertFalse(Files.exists(dev.enisim.experiment.Experiment.progressFile(out)), "no progress file");
        }
    }
}
