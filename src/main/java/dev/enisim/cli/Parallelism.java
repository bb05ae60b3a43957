package dev.enisim.cli;

import picocli.CommandLine.Option;

/** {@code --parallel}, shared by the commands that run replications (a picocli mixin). */
final class Parallelism {

    @Option(names = "--parallel", description = "Run replications on all cores (same numbers as sequential).")
    boolean parallel;

    /** The threads to run replications on. */
    int threads() {
        return parallel ? Runtime.getRuntime().availableProcessors() : 1;
    }
}
