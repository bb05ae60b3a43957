package dev.enisim.cli;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The event budget (a picocli mixin): before a run starts, its events are estimated from the arrivals the
 * scenario promises; a run above {@code --max-events} is refused with the estimate unless {@code --yes}, so that a
 * mistyped rate or duration never looks like a hang. A long run that is allowed is announced with its estimate.
 * The scenario's warnings (traffic that brings no arrival into the run) are printed here too, before any run.
 */
final class Budget {

    /**
     * Events per arrival: the arrival, its completion, and the model's own (cold starts, scaling, ENI lifecycles).
     * Measured over the committed scenarios (summary.json's {@code events} over its arrivals): 2.0 for most, at most
     * 2.49 ({@code nat-hot-destination}, whose connections are events of their own). It was 3: a 600-function
     * account's day was refused at ~1.06e9 events and ran 0.71e9 (the large-account review).
     */
    static final double EVENTS_PER_ARRIVAL = 2.5;
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
        memory(s, Runtime.getRuntime().maxMemory()).ifPresent(w -> err.println("warning: " + w));
        check(events(s) * runs, s.name() + (runs > 1 ? " (" + runs + " runs)" : ""), s, err);
    }

    /** Functions named in a refusal at most: those that make most of the events. */
    static final int NAMED = 5;
    /** The share of the events after which no more functions are named. */
    static final double MOST = 0.8;

    /**
     * What {@code s}'s events are made of, for a refusal ("come from the traffic of a (61%), b (22%); the other 598
     * functions make 17%", or "are spread over 110 functions, none above 1% (the busiest: svc-001)"): the fewest functions (at most {@link #NAMED}) whose traffic
     * makes {@link #MOST} of its expected arrivals (events are {@link #EVENTS_PER_ARRIVAL} per arrival, whatever the
     * function), each with its share, and the share of the others; empty when the scenario has no arrival. A user
     * who reads it knows which rates or functions to cut (a 600-function account's refusal said only its total).
     */
    static String eventShares(Scenario s) {
        List<Scenario.Function> functions = s.functions();
        double[] arrivals = new double[functions.size()];
        double total = 0;
        for (int i = 0; i < arrivals.length; i++) {
            Scenario.Function f = functions.get(i);
            arrivals[i] = f.arrivals() == null ? 0 : f.arrivals().meanCount(0, s.durationMicros());
            total += arrivals[i];
        }
        if (!(total > 0) || Double.isInfinite(total)) {
            return "";
        }
        Integer[] order = new Integer[arrivals.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // the busiest first; among equals, the scenario's order
        java.util.Arrays.sort(order, (a, b) -> Double.compare(arrivals[b], arrivals[a]));
        StringBuilder b = new StringBuilder();
        double named = 0;
        int n = 0;
        while (n < order.length && n < NAMED && named < MOST * total && arrivals[order[n]] > 0) {
            b.append(n == 0 ? "" : ", ").append(functions.get(order[n]).name()).append(" (")
                    .append(percent(arrivals[order[n]] / total)).append(')');
            named += arrivals[order[n]];
            n++;
        }
        int others = order.length - n;
        if (named < total / 2) {
            // no few functions make most of them: say so, with the busiest
            return String.format(Locale.ROOT, "are spread over %,d functions, none above %s (the busiest: %s)",
                    order.length, percent(arrivals[order[0]] / total), functions.get(order[0]).name());
        }
        String head = "come from the traffic of " + (n > 1 && others == 0 ? "its " + n + " functions, " : "");
        String rest = others == 0 ? "" : String.format(Locale.ROOT, "; the other %,d function%s make%s %s", others,
                others == 1 ? "" : "s", others == 1 ? "s" : "", percent(Math.max(0, total - named) / total));
        return head + b + rest;
    }

    /** A share as a whole percentage; one above 0 but below 0.5% as "<1%", one below 100% but above 99.5% as ">99%". */
    static String percent(double share) {
        if (share > 0 && share < 0.005) {
            return "<1%";
        }
        if (share < 1 && share > 0.995) {
            return ">99%";
        }
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /**
     * Retained heap of a run, per function and per ENI key, and per time bucket of each (measured: {@code bench
     * --memory-model} of {@code many-functions}, 10 minutes, with 10 and with 60 buckets: 13.0 and 24.4 KiB per
     * function, 2.6 and 3.8 KiB per key). A function with traffic in every bucket; an idle one costs less.
     */
    static final double FUNCTION_BYTES = 10.7 * 1024;
    static final double FUNCTION_BUCKET_BYTES = 233;
    static final double KEY_BYTES = 2.4 * 1024;
    static final double KEY_BUCKET_BYTES = 24;

    /** The heap one run of {@code s} may hold at most, by the figures above (functions and keys busy throughout). */
    static double memoryBytes(Scenario s) {
        double buckets = Math.ceil(s.durationMicros() / (double) s.bucketMicros());
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Scenario.Function f : s.functions()) {
            java.util.List<String> groups = f.securityGroupIds().stream().sorted().toList();
            for (String subnet : f.subnetIds()) {
                keys.add(subnet + " " + groups);
            }
        }
        return s.functions().size() * (FUNCTION_BYTES + buckets * FUNCTION_BUCKET_BYTES)
                + keys.size() * (KEY_BYTES + buckets * KEY_BUCKET_BYTES);
    }

    /**
     * A warning when a run of {@code s} may need more heap than {@code maxHeap} (the JVM's maximum): a run of many
     * functions over many buckets filled the heap hours in and ended in "out of memory" (an input review), where
     * this says so before it starts. A warning, not a refusal: functions idle most of the run cost far less.
     */
    static java.util.Optional<String> memory(Scenario s, long maxHeap) {
        double need = memoryBytes(s);
        if (need <= 0.8 * maxHeap) {
            return java.util.Optional.empty();
        }
        long buckets = (long) Math.ceil(s.durationMicros() / (double) s.bucketMicros());
        return java.util.Optional.of(String.format(Locale.ROOT, "%s's time series (%,d functions over %,d buckets)"
                + " may need up to about %s of heap, and this JVM may use %s: if the run ends out of memory, give a"
                + " larger bucket (fewer rows) or more heap (java -Xmx<size> -jar enisim.jar ...)", s.name(),
                s.functions().size(), buckets, size(need), size(maxHeap)));
    }

    private static String size(double bytes) {
        return bytes >= 1024.0 * 1024 * 1024 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024))
                : String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024));
    }

    /**
     * Checks a design of {@code runs} runs whose events were estimated point by point ({@code events}: a sweep's
     * values may change a point's traffic or duration; the base scenario's estimate times the runs said 22 seconds
     * of a sweep to 10x the traffic that ran for hours), after the base scenario's warnings.
     */
    void check(Scenario base, double events, long runs, PrintWriter err) {
        check(base, events, base.name() + " (" + runs + " run" + (runs == 1 ? "" : "s") + ")", err);
    }

    /**
     * Checks runs of {@code base} estimated at {@code events} in all, said as {@code what} ("quickstart (at most 149
     * runs)": {@code plan}'s count of the runs it can take), after the base scenario's warnings.
     */
    void check(Scenario base, double events, String what, PrintWriter err) {
        for (String w : ScenarioLoader.warnings(base)) {
            err.println("warning: " + w);
        }
        memory(base, Runtime.getRuntime().maxMemory()).ifPresent(w -> err.println("warning: " + w));
        check(events, what, base, err);
    }

    /**
     * What is wrong with --max-events, as the terminal says it without "enisim: ", or null: for a command to say it
     * with its other options' problems, before the scenario's estimate.
     */
    String problem() {
        // -5 refused every run as too long, whatever its estimate; NaN compared as nothing and let any run start
        // 1e400 was read as infinity and let any run start, a budget below one event refused every run
        return maxEvents >= 1 && Double.isFinite(maxEvents) ? null
                : "--max-events must be a finite number of events, 1 or more, got " + (Double.isInfinite(maxEvents)
                ? "a value read as infinity" : maxEvents == Math.rint(maxEvents) ? Long.toString((long) maxEvents)
                : Double.toString(maxEvents));
    }

    void check(double events, String what, PrintWriter err) {
        check(events, what, null, err);
    }

    /**
     * Checks runs estimated at {@code events} in all, said as {@code what}; a refusal says what the events of {@code
     * shares} (the scenario run, or a design's base; null: none) are made of.
     */
    private void check(double events, String what, Scenario shares, PrintWriter err) {
        if (problem() != null) {
            throw new UserInputException(problem());
        }
        String estimate = String.format(Locale.ROOT, "~%.3g events, about %s", events,
                Format.duration(1_000_000L * (long) Math.min(1e12, Math.max(1, Math.round(events / EVENTS_PER_SECOND)))));
        if (events > maxEvents && !yes) {
            throw new UserInputException(what + " would take " + estimate + " (at " + (long) EVENTS_PER_SECOND
                    + " events/s); continue with --yes, or shorten its duration or lower its rates"
                    + (shares == null || eventShares(shares).isEmpty() ? "" : " (" + (shares.name().equals(what)
                    ? "its" : shares.name() + "'s") + " events " + eventShares(shares) + ")"));
        }
        if (events > ANNOUNCE) {
            err.println("enisim: " + what + ": " + estimate);
        }
    }
}
