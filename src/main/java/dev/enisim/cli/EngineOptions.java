package dev.enisim.cli;

import dev.enisim.experiment.ExperimentException;
import dev.enisim.experiment.PointRunner;
import dev.enisim.experiment.PointRunners;
import picocli.CommandLine.Option;

/** Where an experiment's points run: {@code --engine in-process|spark} and Spark's settings. */
final class EngineOptions {

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "in-process",
            description = "in-process (default: a thread per core) or spark (Apache Spark: embedded local[*], or the"
            + " cluster of spark-submit; Spark is not in enisim.jar, see the README).")
    String engine;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Spark master (default: the one spark-submit gives, else local[*]), e.g. local[2].")
    String sparkMaster;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "0",
            description = "Points per Spark task (default: automatic).")
    int batch;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads of the in-process engine (default: one per core).")
    Integer threads;

    PointRunner runner() {
        if (batch < 0 || threads != null && threads < 1) {
            throw new UserInputException("--batch must be >= 0 and --threads >= 1");
        }
        try {
            return PointRunners.create(engine, threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                    sparkMaster, batch);
        } catch (ExperimentException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
