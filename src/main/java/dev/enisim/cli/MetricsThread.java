package dev.enisim.cli;

import picocli.CommandLine.Option;

/** {@code --metrics-thread}: whether one run's metrics run on a thread of their own (a picocli mixin). */
final class MetricsThread {

    /** The option's values (lower case, as typed). */
    enum When { auto, on, off }

    @Option(names = "--metrics-thread", paramLabel = "WHEN", defaultValue = "auto",
            description = "auto (default: on when the machine has two cores or more), on or off. The metrics (every"
            + " series and count the report is made of) are kept on a thread of their own while the simulation runs"
            + " on this one: the same numbers, byte for byte; a run with many functions finishes up to a third"
            + " sooner when a core is free.")
    When when = When.auto;

    /** Whether the run's metrics get a thread of their own. */
    boolean on() {
        return on(when, Runtime.getRuntime().availableProcessors());
    }

    static boolean on(When when, int cores) {
        return switch (when) {
            case on -> true;
            case off -> false;
            case auto -> cores >= 2;
        };
    }
}
