package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;

/**
 * The Spark engine, embedded: the same result lines as the in-process engine for every point, in batches of any
 * size; embedded Spark without its web UI; the context stopped on close (the next engine gets its own master).
 */
class SparkRunnerTest {

    private static List<String> lines(PointRunner runner, PointSpec spec, List<PointTask> tasks) {
        List<String> out = new ArrayList<>();
        runner.run(spec, tasks, out::add);
        out.sort(null);
        return out;
    }

    @Test
    void sparkReturnsTheInProcessLinesAndStopsOnClose() throws Exception {
        JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(SweepTest.TINY);
        PointSpec spec = PointSpec.of(tree, "tiny", List.of("invocations.total"), 1);
        List<PointTask> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("traffic", Double.toString(0.5 + i / 4.0));
            tasks.add(PointTask.of(i, v));
        }
        List<String> expected = lines(new InProcessRunner(2), spec, tasks);
        assertEquals(5, expected.size());
        SparkContext first;
        try (PointRunner spark = PointRunners.create("spark", 1, null, 0)) {
            assertTrue(spark.describe().startsWith("spark local[*], "), spark.describe());
            first = SparkContext.getOrCreate();
            assertEquals("false", first.getConf().get("spark.ui.enabled"), "embedded: no web UI");
            assertEquals(expected, lines(spark, spec, tasks));
            spark.run(spec, List.of(), line -> {
                throw new AssertionError(line);
            });
        }
        assertTrue(first.isStopped(), "closed: the context is stopped");
        SparkContext second;
        try (PointRunner spark = PointRunners.create("spark", 1, "local[2]", 2)) {
            assertEquals("spark local[2], 2 slots", spark.describe());
            second = SparkContext.getOrCreate();
            assertEquals(expected, lines(spark, spec, tasks), "in batches of two points");
        }
        assertTrue(second.isStopped());
    }

    /**
     * A Spark user's review of the driver's side: a job's lines are counted together, and taken as each job ends (a
     * job behind a straggler waited); a job that failed (a task failing on every attempt, an executor lost) and a
     * context that Spark stopped itself (a standalone master it could not reach: "All masters are unresponsive!
     * Giving up.") were "internal error" with a stack trace, exit 1: they are the environment's, one line (exit 2),
     * which says that the points done are kept.
     */
    @Test
    void jobsAreTakenWholeAsTheyEndAndASparkFailureIsOneLine() throws Exception {
        try (PointRunner spark = PointRunners.create("spark", 1, "local[2]", 1)) {
            // two slots, a point per task: jobs of four points. A job's lines come back together, and the progress
            // line counted the first alone ("1 of 8 points done" and an ETA from it) and kept quiet about the rest
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(SweepTest.TINY);
            PointSpec spec = PointSpec.of(tree, "tiny", List.of("invocations.total"), 1);
            List<Map<String, String>> design = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // the first point a straggler (6000: at 3000 it once ended before the other job, on a host at load 17)
                design.add(Map.of("traffic", i == 0 ? "6000" : "0.01"));
            }
            List<String> progress = new ArrayList<>();
            assertEquals(8, Experiment.run(spec, design, spark, null, progress::add).size());
            assertEquals("8 points to run (spark local[2], 2 slots)", progress.get(0));
            assertTrue(progress.stream().noneMatch(l -> l.startsWith("1 of 8 ")), progress.toString());
            assertTrue(progress.get(1).startsWith("4 of 8 points done, 0 could not run, "), progress.toString());
            // and the second job, done while the first waits for its straggler, is taken back first (in job order it
            // waited, neither in the progress file nor counted)
            List<Integer> order = new ArrayList<>();
            List<PointTask> tasks8 = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks8.add(PointTask.of(i, design.get(i)));
            }
            spark.run(spec, tasks8, line -> order.add(PointCodec.decode(line).index()));
            assertEquals(8, order.size());
            assertTrue(order.indexOf(7) < order.indexOf(0), "the second job first: " + order);

            List<PointTask> tasks = List.of(PointTask.of(0, Map.of("traffic", "1")));
            PointSpec unreadable = new PointSpec("{", "tiny", List.of("invocations.total"), 1); // every task throws
            ExperimentException e = org.junit.jupiter.api.Assertions.assertThrows(ExperimentException.class,
                    () -> spark.run(unreadable, tasks, line -> { }));
            assertTrue(e.getMessage().startsWith("a Spark job failed: "), e.getMessage());
            assertTrue(e.getMessage().contains("a scenario tree that cannot be read back"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("\tat "), "one line: "
                    + e.getMessage());
            // what is kept is said by the experiment, counted (BigExperimentTest.anEngineThatStopsSaysWhatIsKept)
            assertTrue(e instanceof EngineStopped && e.getMessage().endsWith("(Spark's log above has the stack trace)"),
                    e.getMessage());

            SparkContext.getOrCreate().stop(); // as Spark does when the cluster gives up on the application
            ExperimentException stopped = org.junit.jupiter.api.Assertions.assertThrows(ExperimentException.class,
                    () -> spark.run(unreadable, tasks, line -> { }));
            assertEquals(SparkRunner.STOPPED, stopped.getMessage());
        }
    }

    @Test
    void sparksDefaultProfileIsToldFromTheUsersConfiguration() throws Exception {
        // spark-submit's launcher loads it from the jar when the conf folder has no log4j2.properties: not the user's
        assertTrue(SparkRunner.sparksDefaultProfile(new java.net.URI(
                "jar:file:/opt/spark/jars/spark-common-utils_2.13-4.0.4.jar!/org/apache/spark/log4j2-defaults.properties")));
        assertTrue(SparkRunner.sparksDefaultProfile(new java.net.URI(
                "jar:file:/opt/spark/jars/spark-common-utils_2.13-4.0.4.jar!/org/apache/spark/log4j2-json-layout.properties")));
        // the user's own files, whatever their names, and none at all
        assertEquals(false, SparkRunner.sparksDefaultProfile(new java.net.URI("file:/opt/spark/conf/log4j2.properties")));
        assertEquals(false, SparkRunner.sparksDefaultProfile(new java.net.URI("file:/home/me/log4j2-defaults.properties")));
        assertEquals(false, SparkRunner.sparksDefaultProfile(null));
    }

    /**
     * A point that runs out of memory on a Spark task (injected: the heap is not really exhausted) is said as the
     * in-process engine says it, an OutOfMemoryError out of the engine (Main: one line, exit 2), the points back
     * before it handed to the sink (the progress file keeps them). It escaped into Spark's executor, which ended the
     * JVM with exit 52 after 66 lines of stack traces (a review's r23).
     */
    @Test
    void aPointOutOfMemoryOnSparkIsTheInProcessEnginesOutOfMemory() throws Exception {
        JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(SweepTest.TINY);
        PointSpec spec = PointSpec.of(tree, "tiny", List.of("invocations.total"), 1);
        List<PointTask> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(PointTask.of(i, Map.of("traffic", Double.toString(0.5 + i / 4.0))));
        }
        List<String> back = new ArrayList<>();
        try (SparkRunner spark = new SparkRunner("local[2]", 1, (t, sp, tr) -> {
            if (t.index() == 3) {
                throw new OutOfMemoryError("Java heap space");
            }
            return t.run(sp, tr);
        })) {
            OutOfMemoryError e = org.junit.jupiter.api.Assertions.assertThrows(OutOfMemoryError.class,
                    () -> spark.run(spec, tasks, back::add));
            assertEquals("a point ran out of memory in a Spark task", e.getMessage());
        }
        for (String line : back) {
            assertTrue(!line.startsWith("!"), "only points' lines reach the sink: " + line);
        }
        assertTrue(back.size() <= 3, back.toString());
        List<String> alone = new ArrayList<>();
        SparkRunner.batch(spec, tasks.iterator(), (t, sp, tr) -> {
            if (t.index() == 2) {
                throw new OutOfMemoryError("Java heap space");
            }
            return t.run(sp, tr);
        }).forEach(alone::add);
        assertEquals(3, alone.size(), "a batch: the two points before, then the mark: " + alone);
        assertEquals(SparkRunner.OUT_OF_MEMORY, alone.get(2));
    }

    /**
     * A standalone master's address tried before Spark starts (r2's item 13: nobody at the address, and Spark took a
     * minute, then said "2 slots" and "Ctrl-C or a kill"): a port that takes a connection is reachable at once; a
     * closed one is said with its address, its reason and how long it was tried.
     */
    @Test
    void aStandaloneMastersAddressIsTriedForTheWaitGiven() throws Exception {
        try (java.net.ServerSocket open = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            int closed;
            try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                    java.net.InetAddress.getLoopbackAddress())) {
                closed = taken.getLocalPort(); // given back: nothing listens there
            }
            assertEquals(null, SparkRunner.unreachable("spark://127.0.0.1:" + open.getLocalPort(), 2_000));
            assertEquals(null, SparkRunner.unreachable("spark://127.0.0.1:" + closed + ",127.0.0.1:"
                    + open.getLocalPort(), 2_000), "one of the masters (high availability) answers");
            long t0 = System.nanoTime();
            String said = SparkRunner.unreachable("spark://127.0.0.1:" + closed, 600);
            double took = (System.nanoTime() - t0) / 1e9;
            assertEquals("nothing answered at 127.0.0.1:" + closed + " (Connection refused), tried for 0.6 s", said);
            assertTrue(took >= 0.6 && took < 5, "tried for the wait, not Spark's minute: " + took);
            assertTrue(SparkRunner.unreachable("spark://127.0.0.1:" + closed + ",[::1]:" + closed, 100)
                    .contains("(the last of 2 addresses tried)"));
            assertEquals(null, SparkRunner.unreachable("spark://nohost", 100), "no port: Spark says what is wrong");
        }
    }

    /** A cluster's slots are its executors' cores as they join, not Spark's floor of 2 before any has. */
    @Test
    void aClustersSlotsAreItsExecutorsCores() {
        assertEquals("no executor yet: the points start as executors join", SparkRunner.cluster(0, 0));
        assertEquals("1 executor, 1 slot so far", SparkRunner.cluster(1, 1));
        assertEquals("3 executors, 12 slots so far", SparkRunner.cluster(3, 12));
    }
}
