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
@picocli.CommandLine.Command(resourceBundle = "dev.enisim.cli.BudgetHelp") // --max-events' time, computed
final class Budget {

    /**
     * Events per arrival: the arrival, its completion, and the model's own (cold starts, scaling, ENI lifecycles).
     * Measured over the committed scenarios (summary.json's {@code events} over its arrivals): 2.0 for most, at most
     * 2.49 ({@code nat-hot-destination}, whose connections are events of their own). It was 3: a 600-function
     * account's day was refused at ~1.06e9 events and ran 0.71e9 (the large-account review).
     */
    static final double EVENTS_PER_ARRIVAL = 2.5;
    /**
     * The cost model's functions (README, Performance, "The cost model": {@code bench --cost-model}, twenty-first
     * pass, a key per function) and its CPU ns per event over the whole run at each, building included: 76 at 1
     * function, 160 at 100, 172 at 1,000, 461 at 10,000.
     */
    private static final double[] MODEL_FUNCTIONS = {1, 100, 1_000, 10_000};
    private static final double[] MODEL_NS_PER_EVENT = {76, 160, 172, 461};
    /**
     * A real run's events over the cost model's: accounts of 500 to 2,000 functions ran at about 1.9 M events per CPU
     * second (526 ns an event), where the model says 168 to 259 ns (its points are 2,000,000 arrivals on a quiet
     * host; an account's run has more buckets, keys and metrics, on a shared one): 3 puts 1,000 functions at 1.9 M.
     */
    static final double MODEL_SLACK = 3;

    /**
     * The engine's pace, in events per second, for a run of {@code functions} functions (at least 1), for the time
     * estimate: {@link #MODEL_SLACK} times the cost model's ns per event, interpolated on the logarithm of the
     * functions between its points and held beyond its last; about 4.4 M events/s for 1 function, 1.9 M for 1,000,
     * 1.3 M for 2,000, 0.72 M from 10,000 (it was a fixed 5 M whatever the functions: a 2,000-function account's
     * time was said 2.6 times too short).
     */
    static double eventsPerSecond(int functions) {
        double x = Math.log10(Math.max(1, functions));
        double ns = MODEL_NS_PER_EVENT[MODEL_NS_PER_EVENT.length - 1];
        for (int i = 1; i < MODEL_FUNCTIONS.length; i++) {
            double x1 = Math.log10(MODEL_FUNCTIONS[i]);
            if (x <= x1) {
                double x0 = Math.log10(MODEL_FUNCTIONS[i - 1]);
                ns = MODEL_NS_PER_EVENT[i - 1] + (x - x0) / (x1 - x0) * (MODEL_NS_PER_EVENT[i]
                        - MODEL_NS_PER_EVENT[i - 1]);
                break;
            }
        }
        return 1e9 / (MODEL_SLACK * ns);
    }

    /** {@link #eventsPerSecond} to two significant figures, as a refusal says it (1,900,000). */
    static long roundedPace(int functions) {
        double pace = eventsPerSecond(functions);
        double unit = Math.pow(10, Math.floor(Math.log10(pace)) - 1);
        return Math.round(pace / unit) * (long) unit;
    }
    /** Runs estimated above this many events are announced (about 20 seconds). */
    static final double ANNOUNCE = 1e8;

    /** --max-events' default, in the help's words. */
    static final String DEFAULT_MAX_EVENTS = "1e9";

    /**
     * The time the default budget's runs take, as the help says it ({@link BudgetHelp}): at the time estimate's own
     * pace for one function and for 2,000 (about 4 and 13 minutes; the help said "a few minutes").
     */
    static String defaultBudgetTime() {
        double events = Double.parseDouble(DEFAULT_MAX_EVENTS);
        return String.format(Locale.ROOT, "about %d minutes at the time estimate's pace for one function (%,d"
                + " events/s) to %d for %,d functions (%,d events/s)", Math.round(events / roundedPace(1) / 60),
                roundedPace(1), Math.round(events / roundedPace(PACE_SAID) / 60), PACE_SAID, roundedPace(PACE_SAID));
    }

    /** The functions whose pace the help says beside one function's: a large account's. */
    static final int PACE_SAID = 2_000;

    @Option(names = "--max-events", paramLabel = "N", defaultValue = DEFAULT_MAX_EVENTS,
            description = "Refuse to start runs estimated above N events in all (default: ${DEFAULT-VALUE}, "
                + "${bundle:max-events.time}) unless --yes.")
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
        check(s, runs, err, false);
    }

    /**
     * As above; {@code refusesExpect}: the caller refuses an expect: name the scenario lacks itself (check), so the
     * warning that says "check refuses it" is not said too (the same problem twice, once without its line).
     */
    void check(Scenario s, long runs, PrintWriter err, boolean refusesExpect) {
        checkRuns(s, runs, REPLICATIONS, err, refusesExpect);
    }

    /** What makes {@code run}'s, {@code check}'s, {@code compare}'s and {@code gate}'s runs many. */
    static final String REPLICATIONS = "--replications";

    /**
     * As above, the runs being many because of {@code fewer} (an option, "--replications"; null: none, the runs are
     * fixed, as compare-network-models's two), which a refusal names as a way to fewer events.
     */
    void checkRuns(Scenario s, long runs, String fewer, PrintWriter err, boolean refusesExpect) {
        Main.noteEstimatedNeed(need(s)); // for the out-of-memory line's advice, should the run end so
        java.util.Collection<String> refused = refusesExpect ? dev.enisim.scenario.ExpectNames.warnings(s).values()
                : java.util.List.of();
        for (String w : ScenarioLoader.warnings(s)) {
            if (!refused.contains(w)) {
                err.println("warning: " + w);
            }
        }
        memory(s, Runtime.getRuntime().maxMemory()).ifPresent(w -> err.println("warning: " + w));
        check(events(s) * runs, s.name() + (runs > 1 ? " (" + runs + " runs)" : ""), s, runs, fewer, err);
    }

    /** Functions named in a refusal at most: those that make most of the events. */
    static final int NAMED = 5;
    /** The share of the events after which no more functions are named. */
    static final double MOST = 0.8;

    /**
     * What {@code s}'s events are made of, for a refusal ("come from the traffic of a (61%), b (22%); the other 598
     * functions make 17%", or "are spread over 110 functions, none above 1% (the busiest: svc-001)", "each below
     * 1%" when the busiest makes less than half a percent): the fewest functions (at most {@link #NAMED}) whose
     * traffic makes {@link #MOST} of its expected arrivals (events are {@link #EVENTS_PER_ARRIVAL} per arrival, whatever the
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
            // "none above <1%" read badly (a 1,217-run plan's refusal): below 1% is said as such
            String busiest = percent(arrivals[order[0]] / total);
            return String.format(Locale.ROOT, "are spread over %,d functions, %s (the busiest: %s)", order.length,
                    busiest.equals("<1%") ? "each below 1%" : "none above " + busiest, functions.get(order[0]).name());
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

    /**
     * What every run holds whatever its size: the JVM's classes and the libraries' (the smallest heap {@code
     * request-rate-cap}, 12 buckets of one function, ran in: 11 MiB), with room for the collector, whose timing
     * moves the smallest heap a run fits in by several MiB. {@code quota-500} ran in 38 MiB once, and ran out of
     * memory drawing its charts at 44 (5 runs of 24) and once at 56 in CI, each chart's pixels one more array the
     * collector must find a free run of regions for; drawn on one array of pixels allocated first (ChartFiles'
     * Canvas), it ran in 36 MiB 24 times of 24, and failed at 32 writing timeseries.csv, 18 of 18. With
     * timeseries.csv streamed it ran in 29 MiB (3 JVMs at once, 3 of 3; 0 of 3 at 28, each in its charts), and
     * request-rate-cap in 12 (0 of 3 at 10): the base stays, the collector's room in it.
     */
    static final double BASE_BYTES = 28.0 * 1024 * 1024;
    /**
     * timeseries.csv is written as it is made, row by row through a buffer (TimeSeriesCsv.write, after a pass that
     * counts its bytes the same way): what it holds is the buffers (64 KiB of bytes, the encoder's and the CSV
     * writer's few KiB), a row, and the garbage of the rows made since the last collection, whatever the file's size.
     * It was rendered in memory, as text then as bytes, each copy one array the collector cannot move (G1's humongous
     * objects): an imported account's day needed 720 to 800 MiB where 121 MiB of CSV was the reason, and the term
     * here was four times the estimated file. Streamed, a 300-function day at 1-minute buckets (1,440 buckets, 300
     * keys, 54 MB of CSV) ran in 120 MiB (0 of 3 at 112) where it needed 224 before (2 of 3 at 219, 0 of 3 at 144),
     * and quota-500 in 29 where it needed 36 (its CSV 4 MB): no run measured is sized by the CSV any more, the charts
     * are the larger of the report's two parts.
     */
    static final double CSV_BUFFER_BYTES = 256 * 1024;
    /**
     * The charts are drawn after the data files are written and dropped, all held at once with the text and images
     * they are drawn from: their frames, and each point (at most 600 a line) of the account's lines and of each line
     * of functions (up to 10), of keys (up to 10) and of a subnet's panel: an upper figure of their bytes, fitted on
     * the charts of the committed scenarios and of an imported account (0.37 MB for 12 buckets of one function, 15.7
     * MB for 1,440 of 600 functions, 444 keys and 15 subnets).
     */
    static final double CHARTS_BYTES = 400_000;
    static final double POINT_BYTES = 3_000;
    static final double POINT_LINE_BYTES = 1_400;
    /**
     * The charts' bytes held at once while drawn, over the bytes written: {@code orphaned-enis} (1.5 MB of charts)
     * ran in 13 MiB, {@code idle-reclaim} (3.6 MB) in 19, both 11 MiB of base and about 2.5 times their charts;
     * 3 for the collector's room.
     */
    static final double CHART_COPIES = 3;
    /**
     * A traffic phase as the scenario file is read (the YAML's or JSON's tree and the phases made of it, before the
     * tree is dropped): an imported account's file of 113,349 phases (7.5 MB of YAML) was read in 123 MiB of heap and
     * not in 118 ({@code enisim validate} ran out of memory at 112), 12 of them the base.
     */
    static final double PHASE_BYTES = 1100;

    /**
     * The parts of a run's heap, by what makes them, each in bytes: the {@link #BASE_BYTES}, the scenario as it was
     * read ({@code phases} of traffic), the run's state per function and per key, its time series ({@code functions}
     * and {@code keys} over {@code buckets}), and its report as it is written: timeseries.csv (its buffers, {@link
     * #CSV_BUFFER_BYTES}), then the charts ({@code chartBytes}, {@link #CHART_COPIES} times). The file is
     * read before the run starts and dropped, so the need is the larger of reading and running. Measured against the
     * smallest heap each ran in (README, Outputs): never below it; within 40 MiB of the smaller ones (the base and
     * the charts' upper figure: 54 MiB said of idle-reclaim, which ran in 22); a 300-function day at 1-minute buckets
     * 185 said, 120 needed (1.5 times: its series, counted as if every function were busy in every metric, are the
     * most of it). An imported account's day was measured with timeseries.csv held in memory (801 MiB said then, 412
     * needed at 0.01 of its traffic, 720 to 800 at full traffic, of which 2.6 to 4 times its 108 to 121 MiB of CSV);
     * said now about 290 MiB, not measured again (its files are not in this repository).
     */
    record Memory(int functions, int keys, long buckets, long phases, double chartBytes) {

        double reading() {
            return phases * PHASE_BYTES;
        }

        double state() {
            return functions * FUNCTION_BYTES + keys * KEY_BYTES;
        }

        double series() {
            return buckets * (functions * FUNCTION_BUCKET_BYTES + keys * KEY_BUCKET_BYTES);
        }

        /** timeseries.csv's buffers, or the charts, whichever is more: one after the other. */
        double writing() {
            return Math.max(CSV_BUFFER_BYTES, CHART_COPIES * chartBytes);
        }

        /** The smallest heap the run is estimated to need. */
        double need() {
            return BASE_BYTES + Math.max(reading(), state() + series() + writing());
        }
    }

    /** The parts of {@code s}'s heap (see {@link Memory}). */
    static Memory parts(Scenario s) {
        long buckets = (long) Math.ceil(s.durationMicros() / (double) s.bucketMicros());
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        long phases = 0;
        for (Scenario.Function f : s.functions()) {
            String account = s.accounts().of(f.name());
            List<String> groups = f.securityGroupIds().stream().sorted().toList();
            for (String subnet : f.subnetIds()) {
                // the key's id as timeseries.csv writes it
                String label = (account.isEmpty() ? "" : account + ":") + subnet + "+[" + String.join(",", groups)
                        + "]";
                keys.add(label.contains(",") ? "\"" + label + "\"" : label);
            }
            phases += phases(f.arrivals());
        }
        long merge = Math.max(1, (buckets + 599) / 600);
        long points = (buckets + merge - 1) / merge;
        int subnets = 0;
        for (Scenario.Vpc v : s.vpcs()) {
            subnets += v.subnets().size();
        }
        double lines = Math.min(10, s.functions().size()) + Math.min(10, keys.size()) + subnets;
        return new Memory(s.functions().size(), keys.size(), buckets, phases,
                CHARTS_BYTES + points * (POINT_BYTES + lines * POINT_LINE_BYTES));
    }

    /** The traffic phases of {@code a} as a file states them: a phase, a schedule's phases, a trace's rows. */
    private static long phases(dev.enisim.workload.ArrivalSpec a) {
        if (a == null) {
            return 0;
        }
        if (a instanceof dev.enisim.workload.ArrivalSpec.Superposition sp) {
            long n = 0;
            for (dev.enisim.workload.ArrivalSpec p : sp.parts()) {
                n += phases(p);
            }
            return n;
        }
        return 1;
    }

    /** The time series' and per-function state's heap of one run of {@code s} (functions and keys busy throughout). */
    static double memoryBytes(Scenario s) {
        Memory m = parts(s);
        return m.state() + m.series();
    }

    /** The heap one run of {@code s} is estimated to need (see {@link Memory}). */
    static double need(Scenario s) {
        return parts(s).need();
    }

    /**
     * A warning when a run of {@code s} may need more heap than {@code maxHeap} (the JVM's maximum): a run of many
     * functions over many buckets filled the heap hours in and ended in "out of memory" (an input review), where
     * this says so before it starts, with what makes the estimate, so that the user knows what to cut. A warning, not
     * a refusal: functions idle most of the run cost less.
     */
    static java.util.Optional<String> memory(Scenario s, long maxHeap) {
        return memory(s, s.name(), maxHeap);
    }

    /**
     * As {@link #memory(Scenario, long)}, the run said as {@code what} ("quickstart's largest point, bucket=1s": a
     * sweep's or a plan's largest run, whose estimate the warning is made of).
     */
    static java.util.Optional<String> memory(Scenario s, String what, long maxHeap) {
        Memory m = parts(s);
        double need = m.need();
        if (need <= 0.8 * maxHeap) {
            return java.util.Optional.empty();
        }
        String parts = m.reading() > m.state() + m.series() + m.writing()
                ? String.format(Locale.ROOT, "reading its %,d traffic phases (about %s)", m.phases(),
                        size(m.reading()))
                : String.format(Locale.ROOT, "its time series, %,d function%s and %,d ENI key%s over %,d buckets"
                        + " (about %s), and %s (about %s)", m.functions(), m.functions() == 1 ? "" : "s", m.keys(),
                        m.keys() == 1 ? "" : "s", m.buckets(), size(m.state() + m.series()),
                        CSV_BUFFER_BYTES >= CHART_COPIES * m.chartBytes() ? "timeseries.csv's buffers"
                        : "the charts drawn in memory", size(m.writing()));
        return java.util.Optional.of(String.format(Locale.ROOT, "%s may need about %s of heap, and this JVM may use"
                + " %s: %s; if the run ends out of memory, cut the buckets (a shorter --set duration=..., a coarser"
                + " --set bucket=...), run fewer functions, or give more heap (java -Xmx<size> -jar enisim.jar ...)",
                what, size(need), size(maxHeap), parts));
    }

    static String size(double bytes) {
        return bytes >= 1024.0 * 1024 * 1024 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024))
                : String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024));
    }

    /**
     * Checks a design of {@code runs} runs whose events were estimated point by point ({@code events}: a sweep's
     * values may change a point's traffic or duration; the base scenario's estimate times the runs said 22 seconds
     * of a sweep to 10x the traffic that ran for hours), after the base scenario's warnings.
     */
    void check(Scenario base, double events, long runs, PrintWriter err) {
        check(base, events, runs, null, null, null, err);
    }

    /**
     * As above, the memory warning made of {@code largest}'s estimate (said as {@code largestIs}) when it is given:
     * the design's run that needs the most heap (a sweep's point at 1-second buckets), not the base scenario's.
     */
    void check(Scenario base, double events, long runs, Scenario largest, String largestIs, PrintWriter err) {
        check(base, events, runs, largest, largestIs, null, err);
    }

    /** As above, the runs many because of {@code fewer} (a sweep's "--vary values or --replications"), if not null. */
    void check(Scenario base, double events, long runs, Scenario largest, String largestIs, String fewer,
            PrintWriter err) {
        warnings(base, largest, largestIs, err);
        check(events, base.name() + " (" + runs + " run" + (runs == 1 ? "" : "s") + ")", base, runs, fewer, err);
    }

    /**
     * Checks runs of {@code base} estimated at {@code events} in all, said as {@code what} ("quickstart (at most 149
     * runs)": {@code plan}'s count of the runs it can take), after the base scenario's warnings.
     */
    void check(Scenario base, double events, String what, PrintWriter err) {
        check(base, events, what, null, null, err);
    }

    /**
     * As above, the memory warning made of {@code largest}'s estimate (said as {@code largestIs}) when it is given
     * and needs more than the base's (a sweep's point at finer buckets, a plan's teardown runs, longer than the
     * scenario): the warning described the base scenario only (a review of big runs, fiftieth pass).
     */
    void check(Scenario base, double events, String what, Scenario largest, String largestIs, PrintWriter err) {
        warnings(base, largest, largestIs, err);
        check(events, what, base, 1, null, err);
    }

    /** The base scenario's warnings and the memory warning, {@code largest}'s when it needs more than the base. */
    private static void warnings(Scenario base, Scenario largest, String largestIs, PrintWriter err) {
        for (String w : ScenarioLoader.warnings(base)) {
            err.println("warning: " + w);
        }
        boolean larger = largest != null && need(largest) > need(base);
        (larger ? memory(largest, largestIs, Runtime.getRuntime().maxMemory())
                : memory(base, Runtime.getRuntime().maxMemory())).ifPresent(w -> err.println("warning: " + w));
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
        check(events, what, null, 1, null, err);
    }

    /**
     * Checks {@code runs} runs estimated at {@code events} in all, said as {@code what}, many because of {@code fewer}
     * (an option: "--replications"), which a refusal names.
     */
    void check(double events, String what, long runs, String fewer, PrintWriter err) {
        check(events, what, null, runs, fewer, err);
    }

    /**
     * Checks runs estimated at {@code events} in all, said as {@code what}; a refusal says what the events of {@code
     * shares} (the scenario run, or a design's base; null: none) are made of, and how to have fewer: {@code runs}
     * runs, as many as {@code fewer} (an option; null: none) makes them.
     */
    private void check(double events, String what, Scenario shares, long runs, String fewer, PrintWriter err) {
        if (problem() != null) {
            throw new UserInputException(problem());
        }
        // the pace of the scenario's functions; without one (compare, gate, sensitivity), one function's
        int functions = shares == null ? 1 : Math.max(1, shares.functions().size());
        long pace = roundedPace(functions);
        String estimate = String.format(Locale.ROOT, "~%.3g events, about %s", events,
                Format.duration(1_000_000L * (long) Math.min(1e12, Math.max(1, Math.round(events / pace)))));
        if (events > maxEvents && !yes) {
            String advice = fewer(events, runs, fewer);
            // what the events are made of, where lower rates are advised (not when fewer runs alone would do)
            boolean rates = advice.contains("rates") && shares != null && !eventShares(shares).isEmpty();
            throw new UserInputException(what + " would take " + estimate + String.format(Locale.ROOT,
                    " (at %,d events/s%s)", pace, shares == null ? "" : String.format(Locale.ROOT, ", the pace of %,d"
                    + " function%s", functions, functions == 1 ? "" : "s")) + "; continue with --yes, or " + advice
                    + (rates ? " (" + (shares.name().equals(what) ? "its" : shares.name() + "'s") + " events "
                    + eventShares(shares) + ")" : ""));
        }
        if (events > ANNOUNCE) {
            err.println("enisim: " + what + ": " + estimate);
        }
    }

    /**
     * How to make {@code events} in {@code runs} runs fewer: the runs' count ({@code fewer}, an option), when one run
     * is within the budget (alone) or is not (with the scenario's duration and rates), else the scenario's. {@code
     * compare tiny.yaml tiny.yaml --replications 1000000000} said "shorten its duration or lower its rates" of a
     * scenario of 75 events a run (an adversarial review).
     */
    private String fewer(double events, long runs, String fewer) {
        String scenario = "shorten its duration or lower its rates";
        if (fewer == null || runs <= 1) {
            return scenario;
        }
        double each = events / runs;
        return each <= maxEvents ? String.format(Locale.ROOT, "give fewer %s (%,d runs of ~%.3g events each)", fewer,
                runs, each) : String.format(Locale.ROOT, "%s, and give fewer %s (%,d runs)", scenario, fewer, runs);
    }
}
