package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import dev.enisim.experiment.Experiment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark user's review of the engine options: each problem is said with the command's others, before any point
 * runs or Spark starts, and nothing is written. None of these starts Spark.
 */
class EngineOptionsTest {

    @TempDir
    Path dir;

    private Result sweep(String... more) throws Exception {
        Path f = EngineEquivalenceTest.scenario(dir);
        return CliTest.run(EngineEquivalenceTest.concat(new String[] {"sweep", f.toString(), "--vary", "traffic=1,2",
            "--out", dir.resolve("out").toString(), "-q"}, more));
    }

    private void assertRefused(Result r, String... said) {
        assertEquals(2, r.code(), r.err());
        for (String s : said) {
            assertTrue(r.err().contains(s), "says '" + s + "': " + r.err());
        }
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        assertFalse(Files.exists(Experiment.progressFile(dir.resolve("out"))), "no progress file");
    }

    @Test
    void moreThreadsThanPointsRunAndAreSaidAsOnePerPoint() throws Exception {
        // --threads 1000000 on two points said "2 points to run (in-process, 1000000 threads)"; the pool had 2
        Path f = EngineEquivalenceTest.scenario(dir);
        Result r = CliTest.run("sweep", f.toString(), "--vary", "traffic=1,2", "--out", dir.resolve("out").toString(),
                "--threads", "1000000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("2 points to run (in-process, 2 threads)"), r.err());
        assertFalse(r.err().contains("1000000"), r.err());
    }

    @Test
    void anUnknownEngineIsSaidWithTheOtherProblems() throws Exception {
        // it was said alone, after the scenario was read: "--replications must be at least 1" hid it
        assertRefused(sweep("--engine", "threads", "--replications", "0"),
                "--engine: expected in-process or spark, got 'threads'", "--replications must be at least 1");
    }

    @Test
    void sparkOptionsWithoutTheSparkEngineAreRefusedNotIgnored() throws Exception {
        // --spark-master local[2] without --engine spark ran in-process, exit 0, and nothing said so
        assertRefused(sweep("--spark-master", "local[2]"), "--spark-master and --batch apply to --engine spark");
        assertRefused(sweep("--batch", "4"), "--spark-master and --batch apply to --engine spark");
        // and --threads on Spark, whose slots are its master's
        assertRefused(sweep("--engine", "spark", "--threads", "2"), "--threads applies to --engine in-process");
        Path f = EngineEquivalenceTest.scenario(dir);
        assertRefused(CliTest.run("sensitivity", f.toString(), "--metric", "enis.peak", "--vary",
                "traffic=1..2", "--samples", "2", "--spark-master", "local[2]", "--out", dir.resolve("out").toString(),
                "-q"), "--spark-master and --batch apply to --engine spark");
    }

    @Test
    void aMasterSparkCannotUseIsRefusedBeforeSparkStarts() throws Exception {
        // local[0] started Spark, which logged its stack trace and failed with a hint about the jars
        assertRefused(sweep("--engine", "spark", "--spark-master", "local[0]", "--replications", "0"),
                "--spark-master: expected local, local[N]", "got 'local[0]'", "--replications must be at least 1");
        assertRefused(sweep("--engine", "spark", "--spark-master", "localhost:7077"), "got 'localhost:7077'");
        assertRefused(sweep("--engine", "spark", "--batch", "-1"), "--batch must be 0 (automatic) or more");
    }

    @Test
    void aSparkLogLevelSparkCannotUseIsRefusedBeforeSparkStarts() throws Exception {
        // Spark failed to start, its stack trace logged above enisim's line
        String before = System.getProperty("spark.log.level");
        System.setProperty("spark.log.level", "LOUD");
        try {
            assertRefused(sweep("--engine", "spark", "--replications", "0"), "enisim: spark.log.level: expected one of"
                    + " OFF, FATAL, ERROR, WARN, INFO, DEBUG, TRACE, ALL (Spark's log levels), got 'LOUD'",
                    "--replications must be at least 1");
        } finally {
            if (before == null) {
                System.clearProperty("spark.log.level");
            } else {
                System.setProperty("spark.log.level", before);
            }
        }
    }
}
