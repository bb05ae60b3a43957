package dev.enisim.cli;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The event budget (a picocli mixin): before a run starts, its events are estimated from the arrivals the
 * scenario promises; a run above {@code --max-events} is refused with the estimate unless {@code --yes}, so that a
 * mistyped rate or duration never looks like a hang. A long run that is allowed is announced with its estimate.
 * The scenario's warnings (traffic that brings no arrival into the run) are printed here too, before any run.
 */
final class Budget {

    /** Events per arrival, roughly: the arrival, its completion, and the model's own (cold starts, scaling). */
    static final double EVENTS_PER_ARRIVAL = 3;
    /** A conservative pace of the engine, for the time estimate (the README's Performance section has ~10 M/s). */
    static final double EVENTS_PER_SECOND = 5e6;
    /** Runs estimated above this many events are announced (about 20 seconds). */
    static final double ANNOUNCE = 1e8;

    @Option(names = "--max-events", paramLabel = "N", defaultValue = "1e9",
            description = "Refuse to start runs estimated above N events in all (default: ${DEFAULT-VALUE}, a few "
                + "minutes) unless --yes.")
    double maxEvents;

    @Option(names = "--yes", description = "Run even when the estimate is above --max-events.")
    boolean yes;

    /** The expected number of events of one run of {@code s}. */
    static double events(Scenario s) {
        double arrivals = 0;
        for (Scenario.Function f : s.functions()) {
            if (f.arrivals() != null) {
                arrivals += f.arrivals().meanCount(0, s.durationMicros());
            }
        }
        return Double.isNaN(arrivals) ? Double.POSITIVE_INFINITY : arrivals * EVENTS_PER_ARRIVAL;
    }

    /** Checks {@code runs} runs of {@code s} against the budget (refusing: exit 2), announcing a long one. */
    void check(Scenario s, long runs, PrintWriter err) {
        for (String w : ScenarioLoader.warnings(s)) {
            err.println("warning: " + w);
        }
        check(events(s) * runs, s.name() + (runs > 1 ? " (" + runs + " runs)" : ""), err);
    }

    /**
     * Checks a design of {@code runs} runs whose events were estimated point by point ({@code events}: a sweep's
     * values may change a point's traffic or duration; the base scenario's estimate times the runs said 22 seconds
     * of a sweep to 10x the traffic that ran for hours), after the base scenario's warnings.
     */
    void check(Scenario base, double events, long runs, PrintWriter err) {
        for (String w : ScenarioLoader.warnings(base)) {
            err.println("warning: " + w);
        }
        check(events, base.name() + " (" + runs + " run" + (runs == 1 ? "" : "s") + ")", err);
    }

    void check(double events, String what, PrintWriter err) {
        // -5 refused every run as too long, whatever its estimate; NaN compared as nothing and let any run start
        if (!(maxEvents > 0)) {
            throw new UserInputException("--max-events must be a number of events above 0, got " + (maxEvents
                    == Math.rint(maxEvents) ? Long.toString((long) maxEvents) : Double.toString(maxEvents)));
        }
        String estimate = String.format(Locale.ROOT, "~%.3g events, about %s", events,
                Format.duration(1_000_000L * (long) Math.min(1e12, Math.max(1, Math.round(events / EVENTS_PER_SECOND)))));
        if (events > maxEvents && !yes) {
            throw new UserInputException(what + " would take " + estimate + " (at " + (long) EVENTS_PER_SECOND
                    + " events/s); continue with --yes, or shorten its duration or lower its rates");
        }
        if (events > ANNOUNCE) {
            err.println("enisim: " + what + ": " + estimate);
        }
    }
}
