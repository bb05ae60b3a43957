package dev.enisim.cli;

import dev.enisim.report.WarmUpWords;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.Units;
import java.util.Collection;
import picocli.CommandLine.Option;

/**
 * {@code --warm-up DURATION} of run, compare, check, sweep and sensitivity: the summary's statistics cover [warm-up, end). The run itself
 * is the same (from time 0, the same events and draws); at the warm-up's end, a bucket's edge, the statistics
 * start again (README, "Leaving out a warm-up"). {@code plan --warm-up} is plan's own (a default of 5 min, and
 * another meaning: what its judgements leave out).
 */
final class WarmUpOption {

    @Option(names = "--warm-up", paramLabel = "DURATION",
            description = "Leave the run's first DURATION (e.g. 10m; a whole number of the scenario's buckets, under"
                + " its duration) out of summary.json's statistics: invocations, latency, concurrency and"
                + " environments (peaks and averages), cold starts, cost, events, and the async, sqs,"
                + " provisionedConcurrency and accounts sections count from it on (what was queued then is"
                + " carried: queuedAtWarmUp, visibleAtWarmUp, inFlightAtWarmUp); the ENIs, subnets, keys, state"
                + " transitions and teardowns, the narrative and the time series keep the whole run (the charts"
                + " shade the warm-up). The run is the same, from time 0. summary.json then says warmUpSeconds;"
                + " sweep.json, sensitivity.json and run --replications' summary.json say warmUp; the terminal"
                + " and the pages say \"statistics after a 10m warm-up (--warm-up)\" over their figures (\"in every"
                + " run\" for replications, compare, sweep and sensitivity) (default: none, the whole run).")
    String warmUp;

    /** Whether the option was given. */
    boolean given() {
        return warmUp != null;
    }

    /** The terminal's line over an experiment's figures when {@code warmUp} (as given) was: they are after it. */
    static String statisticsLine(String warmUp) {
        return WarmUpWords.opening(WarmUpWords.everyRun(warmUp));
    }

    /**
     * The warm-up in microseconds (0 when not given) for {@code scenario} (null: its syntax only), each problem added
     * to {@code problems}: not a duration, 0 or less, not under the scenario's duration, not a whole number of its
     * buckets.
     */
    long micros(Scenario scenario, Collection<String> problems) {
        if (warmUp == null) {
            return 0;
        }
        long w;
        try {
            w = Units.durationMicros(warmUp.trim());
        } catch (IllegalArgumentException e) {
            problems.add("enisim: --warm-up: expected a duration such as 10m or 90s, got " + Problem.quote(warmUp));
            return 0;
        }
        if (w <= 0) {
            problems.add("enisim: --warm-up: expected a duration above 0 (leave the option out for the whole run),"
                    + " got " + Problem.quote(warmUp));
            return 0;
        }
        if (scenario == null) {
            return w;
        }
        String of = "scenario " + Problem.quote(scenario.name()) + " (" + scenario.source() + ")";
        if (w >= scenario.durationMicros()) {
            problems.add("enisim: --warm-up " + warmUp.trim() + " is not shorter than the duration of " + of + ", "
                    + Units.given(scenario.durationMicros()) + ": nothing would be left to count; give a warm-up under"
                    + " it");
            return 0;
        }
        if (w % scenario.bucketMicros() != 0) {
            problems.add("enisim: --warm-up " + warmUp.trim() + " is not a whole number of the buckets of " + of
                    + " (bucket: " + Units.given(scenario.bucketMicros()) + "): the statistics start again at a"
                    + " bucket's edge; give a multiple of it, such as " + Units.given(Math.max(1, w
                    / scenario.bucketMicros()) * scenario.bucketMicros()));
            return 0;
        }
        return w;
    }
}
