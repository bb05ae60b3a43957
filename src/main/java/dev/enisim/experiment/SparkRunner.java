package dev.enisim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs points on Apache Spark. Each Spark task runs a batch of points in a row (the scenario tree is read once
 * per batch), exactly as the in-process runner runs one ({@link PointTask#run}), and returns their result lines;
 * the driver appends them to the progress file as each job of a few waves of tasks comes back. With no master
 * set (plain {@code java}, not {@code spark-submit}), Spark runs embedded on {@code local[*]}.
 *
 * <p>Loaded only through {@link PointRunners#create}, which checks that Spark is on the class path first.
 */
final class SparkRunner implements PointRunner {

    private final JavaSparkContext sc;
    private final int batch;
    private final PointTask.Compute compute;

    /**
     * The line a Spark task hands back, after the lines of the points it did, when a point ran out of memory: an
     * OutOfMemoryError that escaped the task reached Spark's executor, which ended the JVM (exit 52) after 66 lines of
     * stack traces, the progress file left empty (a review's r23); the driver says it as the in-process engine does.
     */
    static final String OUT_OF_MEMORY = "!enisim-out-of-memory";

    /** {@code master}: null for the one spark-submit gives, else local[*]; {@code batch}: points per task (0: auto). */
    SparkRunner(String master, int batch) {
        this(master, batch, PointTask::run);
    }

    SparkRunner(String master, int batch, PointTask.Compute compute) {
        this.compute = compute;
        quietLogs(System.getProperty(LOG_LEVEL)); // before Spark's first line: it decides its logging then
        SparkConf conf = new SparkConf().setAppName("enisim");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        String at = conf.get("spark.master");
        if (at.startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        boolean standalone = at.startsWith(STANDALONE);
        if (standalone) {
            // a master nobody answers at: Spark tried for a minute (3 tries of 20 s, not to be changed), said "2
            // slots" it was never given, and then that it had stopped, "Ctrl-C or a kill" among the reasons
            long wait = conf.getTimeAsMs(MASTER_WAIT, MASTER_WAIT_DEFAULT);
            String unreachable = unreachable(at, wait);
            if (unreachable != null) {
                throw new ExperimentException("cannot reach the Spark master " + at + ": " + unreachable
                        + "; no point was run (to try for longer: java -D" + MASTER_WAIT + "=1m, or spark-submit"
                        + " --conf " + MASTER_WAIT + "=1m)");
            }
        }
        long started = System.nanoTime();
        this.sc = new JavaSparkContext(SparkContext.getOrCreate(conf));
        this.batch = batch;
        if (standalone && !sc.sc().applicationId().startsWith("app-")) {
            // something answers at the address but did not take the application (not a Spark master: its web UI's
            // port, say): Spark gave up after its tries and stops the context (the standalone master names the
            // applications it takes app-...; Spark's own name for one that is not taken is spark-application-...)
            long tried = Math.round((System.nanoTime() - started) / 1e9);
            sc.stop();
            throw new ExperimentException("the Spark master " + at + " did not take the application: Spark tried for "
                    + tried + " s and gave up (its line above says why; is " + at.substring(STANDALONE.length())
                    + " the master's port, 7077 by default, not its web UI's?); no point was run");
        }
    }

    /**
     * How long enisim tries to connect to a standalone master's address before saying that it cannot reach it, as
     * Spark takes its times ({@code 10s}, {@code 1m}): a system property ({@code java -D...}) or spark-submit's
     * {@code --conf}.
     */
    static final String MASTER_WAIT = "spark.enisim.masterWait";

    /** {@link #MASTER_WAIT}'s default. */
    static final String MASTER_WAIT_DEFAULT = "10s";

    /** A standalone master's scheme, spark: and two slashes (spelt apart: LayeringTest reads two as a comment). */
    private static final String STANDALONE = "spark:/" + "/";

    /**
     * Null when one of {@code master}'s addresses ({@code spark://HOST:PORT[,HOST:PORT...]}) takes a connection
     * within {@code waitMillis} (each tried again every half second until then); else what the last try met and how
     * long it was tried, in words ("nothing answered at 127.0.0.1:7999 (Connection refused), tried for 10 s"). An
     * address enisim cannot read is left to Spark (null).
     */
    static String unreachable(String master, long waitMillis) {
        List<java.net.InetSocketAddress> addresses = new ArrayList<>();
        for (String hostPort : master.substring(STANDALONE.length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            try {
                String host = hostPort.substring(0, Math.max(0, colon)).replaceAll("^\\[|]$", "");
                addresses.add(java.net.InetSocketAddress.createUnresolved(host, Integer.parseInt(hostPort.substring(
                        colon + 1))));
            } catch (IllegalArgumentException e) { // no port, or one out of range
                return null;
            }
        }
        long start = System.nanoTime();
        long deadline = start + waitMillis * 1_000_000L;
        String last = null;
        do {
            for (java.net.InetSocketAddress a : addresses) {
                long left = Math.max(100, (deadline - System.nanoTime()) / 1_000_000L);
                try (java.net.Socket socket = new java.net.Socket()) {
                    socket.connect(new java.net.InetSocketAddress(a.getHostString(), a.getPort()),
                            (int) Math.min(2_000, left));
                    return null;
                } catch (java.net.UnknownHostException e) {
                    last = "no host is named " + a.getHostString();
                } catch (java.io.IOException e) {
                    last = "nothing answered at " + a.getHostString() + ":" + a.getPort() + (e.getMessage() == null
                            ? "" : " (" + e.getMessage() + ")");
                }
            }
            try {
                Thread.sleep(Math.max(0, Math.min(500, (deadline - System.nanoTime()) / 1_000_000L)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        double tried = (System.nanoTime() - start) / 1e9;
        return last + (addresses.size() > 1 ? " (the last of " + addresses.size() + " addresses tried)" : "")
                + ", tried for " + (tried < 10 ? String.format(java.util.Locale.ROOT, "%.1f", tried)
                : Long.toString(Math.round(tried))) + " s";
    }

    /**
     * Spark's own setting of its log level ({@code --conf spark.log.level=INFO} to spark-submit, {@code
     * -Dspark.log.level=INFO} to java): also the level of the lines enisim lets through from the start.
     */
    static final String LOG_LEVEL = "spark.log.level";

    @Override
    public void run(PointSpec spec, List<PointTask> tasks, Consumer<String> sink) {
        if (tasks.isEmpty()) {
            return;
        }
        if (sc.sc().isStopped()) {
            // Spark stops its own context when the cluster gives up on the application (a standalone master it
            // cannot reach: "All masters are unresponsive! Giving up."): the next call was "internal error:
            // IllegalStateException: Cannot call methods on a stopped SparkContext" and Spark's creation stack trace
            throw new EngineStopped(STOPPED);
        }
        // the traces read here, once, and sent with the points: an executor needs nothing but the jar (it read each
        // trace from its own working folder: "trace file not found", every point failed on a cluster)
        PointSpec shipped = spec.withTraces();
        int slots = Math.max(1, sc.defaultParallelism());
        int perTask = batch > 0 ? batch : Math.max(1, Math.min(16, tasks.size() / (slots * 8)));
        int perJob = perTask * slots * 2; // two waves of tasks per job: slots stay busy, results come back often
        List<JavaFutureAction<List<String>>> jobs = new ArrayList<>();
        try {
            for (int from = 0; from < tasks.size(); from += perJob) {
                List<PointTask> part = new ArrayList<>(tasks.subList(from, Math.min(tasks.size(), from + perJob)));
                int slices = (part.size() + perTask - 1) / perTask;
                PointTask.Compute c = compute;
                jobs.add(sc.parallelize(part, slices).mapPartitions((Iterator<PointTask> it) -> batch(shipped, it, c)
                        .iterator()).collectAsync());
            }
            // each job's lines as soon as it is done, in any order: taken in order, a job held back behind a slower
            // earlier one (a straggler point) was neither in the progress file (a kill lost it) nor counted
            List<JavaFutureAction<List<String>>> pending = new ArrayList<>(jobs);
            while (!pending.isEmpty()) {
                JavaFutureAction<List<String>> done = next(pending);
                pending.remove(done);
                List<String> lines = new ArrayList<>(done.get());
                boolean outOfMemory = lines.remove(OUT_OF_MEMORY);
                if (sink instanceof PointRunner.Batches batches) {
                    batches.acceptAll(lines);
                } else {
                    lines.forEach(sink);
                }
                if (outOfMemory) {
                    // the points back so far are in the progress file; Main says the heap in one line (exit 2)
                    throw new OutOfMemoryError("a point ran out of memory in a Spark task");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            // a task that failed on every attempt, an executor lost, the application killed: the environment's, said
            // in one line (Spark's log above has the task's stack trace); it was an internal error with a stack trace
            throw new EngineStopped(jobFailed(e.getCause()));
        } catch (IllegalStateException e) {
            if (sc.sc().isStopped()) { // stopped while the jobs were being submitted
                throw new EngineStopped(STOPPED);
            }
            throw e;
        } finally {
            jobs.forEach(j -> j.cancel(true));
        }
    }

    /**
     * A Spark task's work: the lines of {@code it}'s points, computed one after another on one reading of the tree;
     * a point that runs out of memory ends the batch with {@link #OUT_OF_MEMORY} after the lines done (its own
     * objects are garbage by then, so the task can hand them back).
     */
    static List<String> batch(PointSpec spec, Iterator<PointTask> it, PointTask.Compute compute) {
        JsonNode tree = spec.tree();
        List<String> lines = new ArrayList<>();
        try {
            while (it.hasNext()) {
                lines.add(compute.run(it.next(), spec, tree));
            }
        } catch (OutOfMemoryError e) {
            lines.add(OUT_OF_MEMORY);
        }
        return lines;
    }

    /** What a run on a context Spark stopped says. */
    static final String STOPPED = "Spark stopped before every point was back: Ctrl-C or a kill, or Spark itself gave up"
            + " (most often a master it cannot reach, or the application killed on the cluster; its log, quiet by"
            + " default, says why: java -D" + LOG_LEVEL + "=INFO, or spark-submit --conf " + LOG_LEVEL + "=INFO)";

    /**
     * The first of {@code pending} that is done (its lines, or its failure), waiting for the first a tenth of a second
     * at a time: a context that Spark stops under a job left the driver waiting for ever (a sweep on an unreachable
     * standalone master hung after Spark gave up).
     */
    private JavaFutureAction<List<String>> next(List<JavaFutureAction<List<String>>> pending)
            throws InterruptedException, ExecutionException {
        while (true) {
            for (JavaFutureAction<List<String>> job : pending) {
                if (job.isDone()) {
                    return job;
                }
            }
            if (sc.sc().isStopped()) {
                throw new EngineStopped(STOPPED);
            }
            try {
                pending.get(0).get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // none done yet: look again
            }
        }
    }

    /** A failed job in one line: Spark's message (its first line: the rest is the task's stack trace as text). */
    static String jobFailed(Throwable cause) {
        String m = cause == null ? null : cause.getMessage();
        String first = m == null ? String.valueOf(cause) : m.strip().lines().findFirst().orElse("").strip();
        return "a Spark job failed: " + first + " (Spark's log above has the stack trace)";
    }

    /**
     * Spark's and Hadoop's own lines are not the user's (with Spark's default logging, a run printed "Using Spark's
     * default log4j profile", WARN lines of Utils and NativeCodeLoader, and INFO lines on a cluster): unless log4j2 is
     * configured already (a log4j2.properties in spark-submit's conf folder, {@code -Dlog4j2.configurationFile}: then
     * that decides; not Spark's default profile, which spark-submit loads when there is none), enisim configures it before Spark starts, a console on stderr that lets through only {@code
     * level} and above, ERROR when not given (a failure's own lines, which enisim's one-line message refers to). Spark
     * then keeps this configuration rather than load its default one.
     */
    static void quietLogs(String level) {
        try {
            org.apache.logging.log4j.core.LoggerContext context = (org.apache.logging.log4j.core.LoggerContext)
                    org.apache.logging.log4j.LogManager.getContext(false);
            if (!(context.getConfiguration() instanceof org.apache.logging.log4j.core.config.DefaultConfiguration)
                    && !sparksDefaultProfile(context.getConfigLocation())) {
                return; // the user's configuration
            }
            // Spark's own start of its logging, first and silently: under spark-submit, whose launcher loaded Spark's
            // default profile and then let the application start afresh, Spark would load that profile again over
            // this configuration at the context's first line; once started, it keeps the one it finds
            ((org.apache.spark.internal.Logging) new SparkConf(false)).initializeLogIfNecessary(false, true);
            org.apache.logging.log4j.Level shown = org.apache.logging.log4j.Level.toLevel(level,
                    org.apache.logging.log4j.Level.ERROR);
            // ERROR is let through by the console, not set on the root: Spark takes a root logger at ERROR with one
            // appender for log4j2's default configuration (it looks at another context than this one), and replaced
            // this configuration by its own default, INFO lines and all
            boolean atConsole = shown == org.apache.logging.log4j.Level.ERROR;
            var b = org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory
                    .newConfigurationBuilder();
            b.setConfigurationName("enisim-spark");
            b.setStatusLevel(org.apache.logging.log4j.Level.ERROR);
            b.add(b.newAppender("stderr", "Console").addAttribute("target", "SYSTEM_ERR")
                    .add(b.newLayout("PatternLayout").addAttribute("pattern",
                            "%d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex")));
            var console = b.newAppenderRef("stderr");
            if (atConsole) {
                console.addAttribute("level", shown);
            }
            b.add(b.newRootLogger(atConsole ? org.apache.logging.log4j.Level.WARN : shown).add(console));
            org.apache.logging.log4j.core.config.Configurator.reconfigure(b.build());
            if (level == null) {
                // a kill (Ctrl-C, SIGTERM) stops Spark under its running tasks, which then log their errors after
                // enisim's own line ("Store broadcast broadcast_0 fail"): the user stopped it, nothing to say
                Runtime.getRuntime().addShutdownHook(new Thread(() -> org.apache.logging.log4j.core.config.Configurator
                        .setRootLevel(org.apache.logging.log4j.Level.OFF), "enisim-spark-quiet"));
            }
        } catch (LinkageError | ClassCastException e) {
            // another logging backend: Spark's own configuration decides
        }
    }

    /**
     * Whether log4j2 was configured by Spark's launcher with Spark's own default profile, as {@code spark-submit} does
     * before enisim starts when its conf folder has no log4j2.properties ("Using Spark's default log4j profile:
     * org/apache/spark/log4j2-defaults.properties", or the JSON layout's profile under structured logging): that is
     * not the user's configuration, and its INFO lines would follow enisim's progress.
     */
    static boolean sparksDefaultProfile(java.net.URI location) {
        String at = location == null ? "" : location.toString();
        return at.endsWith("org/apache/spark/log4j2-defaults.properties")
                || at.endsWith("org/apache/spark/log4j2-json-layout.properties");
    }

    @Override
    public String describe() {
        if (sc.sc().schedulerBackend() instanceof org.apache.spark.scheduler.cluster.CoarseGrainedSchedulerBackend b) {
            // a cluster's slots are its executors' cores, as they join: Spark's default parallelism said "2 slots"
            // before any had (2 is its floor), and on a master that was never reached
            return "spark " + sc.master() + ", " + cluster(b.getExecutorIds().size(), b.totalCoreCount().get());
        }
        int slots = sc.defaultParallelism();
        return "spark " + sc.master() + ", " + slots + (slots == 1 ? " slot" : " slots");
    }

    /** A cluster's executors and cores so far, in words. */
    static String cluster(int executors, int cores) {
        return executors == 0 ? "no executor yet: the points start as executors join"
                : executors + (executors == 1 ? " executor, " : " executors, ") + cores + (cores == 1 ? " slot"
                : " slots") + " so far";
    }

    @Override
    public void close() {
        sc.stop();
    }
}
