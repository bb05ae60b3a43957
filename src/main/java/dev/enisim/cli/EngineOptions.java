package dev.enisim.cli;

import dev.enisim.scenario.Problem;
import dev.enisim.experiment.ExperimentException;
import dev.enisim.experiment.PointRunner;
import dev.enisim.experiment.PointRunners;
import java.util.Collection;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** Where an experiment's points run: {@code --engine in-process|spark} and Spark's settings. */
final class EngineOptions {

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "in-process",
            description = "in-process (default: a thread per core) or spark (Apache Spark: embedded local[*], or the"
            + " cluster of spark-submit; Spark is not in enisim.jar, see the README).")
    String engine;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Spark master, with --engine spark (default: the one spark-submit gives, else"
            + " local[*]), e.g. local[2], spark://HOST:7077, yarn. A spark:// address nothing answers at is said"
            + " after 10 s of tries (java -Dspark.enisim.masterWait=1m to try for longer).")
    String sparkMaster;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "0",
            description = "Points per Spark task, with --engine spark (default: automatic, up to 16).")
    int batch;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads of the in-process engine (default: one per core; Spark's are its master's).")
    Integer threads;

    /** The masters Spark 4.0 knows (its own regular expressions: SparkMasterRegex, and the yarn and k8s managers). */
    private static final Pattern MASTER = Pattern.compile("local|local\\[(\\*|[1-9][0-9]*)\\]"
            + "|local\\[(\\*|[1-9][0-9]*)\\s*,\\s*[1-9][0-9]*\\]"
            + "|local-cluster\\[\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*\\s*\\]"
            + "|spark://.+|yarn|k8s://.+");

    /**
     * Adds every problem of the engine options to {@code problems}, said with the command's other problems and
     * before Spark starts: an unknown --engine was said alone, after the scenario was read; {@code --spark-master
     * local[0]} started Spark to fail in its stack trace, with a hint about the jars; and the options of the engine
     * not chosen were ignored, unsaid ({@code --spark-master local[2]} without {@code --engine spark} ran in-process).
     */
    void check(Collection<String> problems, ParseResult parsed) {
        boolean spark = engine.equals("spark");
        if (!spark && !engine.equals("in-process")) {
            problems.add("enisim: --engine: expected in-process or spark, got " + Problem.quote(engine));
            return;
        }
        if (batch < 0) {
            problems.add("enisim: --batch must be 0 (automatic) or more, got " + batch);
        }
        if (threads != null && threads < 1) {
            problems.add("enisim: --threads must be at least 1, got " + threads);
        }
        if (!spark && (parsed.hasMatchedOption("--spark-master") || parsed.hasMatchedOption("--batch"))) {
            problems.add("enisim: --spark-master and --batch apply to --engine spark, which is not chosen: the points"
                    + " would run in-process, the option ignored (add --engine spark, or leave the option out)");
        }
        if (spark && threads != null) {
            problems.add("enisim: --threads applies to --engine in-process; Spark's slots are its master's"
                    + " (--spark-master 'local[N]', or spark-submit's executors)");
        }
        if (spark && sparkMaster != null && !MASTER.matcher(sparkMaster).matches()) {
            problems.add("enisim: --spark-master: expected local, local[N], local[*], local[N,F] (F attempts per"
                    + " task), spark://HOST:PORT, yarn or k8s://https://HOST:PORT, got " + Problem.quote(sparkMaster) + " (another"
                    + " master: give it to spark-submit --master)");
        }
        String level = System.getProperty("spark.log.level"); // Spark's own setting: it failed with a stack trace
        if (spark && level != null && !LOG_LEVELS.contains(level.toUpperCase(java.util.Locale.ROOT))) {
            problems.add("enisim: spark.log.level: expected one of " + String.join(", ", LOG_LEVELS) + " (Spark's log"
                    + " levels), got " + Problem.quote(level));
        }
        if (spark && !PointRunners.sparkAvailable()) {
            problems.add("enisim: " + PointRunners.NO_SPARK);
        }
    }

    /** The levels Spark 4.0 takes in spark.log.level. */
    private static final java.util.List<String> LOG_LEVELS = java.util.List.of("OFF", "FATAL", "ERROR", "WARN", "INFO",
            "DEBUG", "TRACE", "ALL");

    /**
     * The engine for {@code points} points to run: the in-process one has no more threads than points, so that
     * {@code --threads 1000000} on two points is said as the 2 threads it runs ("in-process, 1000000 threads").
     */
    PointRunner runner(int points) {
        if (batch < 0 || threads != null && threads < 1) {
            throw new UserInputException("--batch must be >= 0 and --threads >= 1");
        }
        try {
            return PointRunners.create(engine, Math.max(1, Math.min(points,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors())), sparkMaster, batch,
                    Budget::need, Parallelism.heapRoom()); // points at once as fit in the heap (h9)
        } catch (ExperimentException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
