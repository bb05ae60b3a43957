package dev.enisim.report.chart;

import dev.enisim.metrics.JournalEntry;
import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Seconds;
import dev.enisim.run.RunResult;
import dev.enisim.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The functions that exist when the run starts ({@code existing: Active}, {@code Inactive} or {@code Failed}), said
 * together past a handful: a 600-function account's narrative opened on 600 lines "Existing function X with subnets
 * ... (Active)", and its charts drew 600 markers at 00:00:00 (the page's 200 markers all of them, the AZ outage
 * among the 402 left out). Functions that start alike at the same instant, more than {@value #HANDFUL} of them, are
 * one line and one marker ("584 existing functions start Active: users-api-001, ... and 579 more"), as plan's idle
 * section says alike answers; a handful or fewer keep a line each. Each function's VpcConfig stays in the scenario,
 * its states in summary.json, its ENIs in enis.csv.
 */
public final class ExistingFunctions {

    /** Functions starting alike beyond this many are said together; the first this many are named. */
    public static final int HANDFUL = 5;

    /** How the model's journal words an existing function's action ({@code Lifecycle.existing}). */
    private static final String ACTION = "Existing function ";

    private ExistingFunctions() {
    }

    /**
     * More than {@value #HANDFUL} existing functions that start alike at one instant, in the run's order.
     *
     * @param atSeconds    when they are set up (the run's start)
     * @param start        how they start: {@code Active}, {@code Inactive (Idle...)}, {@code Failed (reason...)}
     * @param state        the state alone ({@code Active}, {@code Inactive}, {@code Failed})
     * @param names        the functions, in the run's order
     * @param failedAtOnce of an {@code Active} group, those its VPC's ENI quota or its subnets made Failed at the same
     *                     instant, per reason ({@code EniLimitExceeded}: 20), in the reasons' order; empty when none
     */
    public record Group(double atSeconds, String start, String state, List<String> names,
            Map<String, Integer> failedAtOnce) {

        public Group {
            names = List.copyOf(names);
            failedAtOnce = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(failedAtOnce));
        }

        /** How many of the group are Failed at once ({@link #failedAtOnce}). */
        public int failed() {
            int n = 0;
            for (int k : failedAtOnce.values()) {
                n += k;
            }
            return n;
        }

        /**
         * How the group starts, as a chart marker says it: "584 existing functions start Active", or, with some Failed
         * at once, "250 existing functions start Active; 20 Failed at once" (the narrative's opening's figures: 270
         * were said to start Active, the 20 the shared VPC's quota refused among them).
         */
        public String label() {
            int failed = failed();
            return failed == 0 ? String.format(Locale.ROOT, "%,d existing functions start %s", names.size(), state)
                    : String.format(Locale.ROOT, "%,d existing functions start %s; %,d Failed at once",
                            names.size() - failed, state, failed);
        }

        /** The first {@value #HANDFUL} names and how many more: "a, b, c, d, e and 579 more". */
        public String named() {
            return String.join(", ", names.subList(0, HANDFUL)) + " and " + String.format(Locale.ROOT, "%,d",
                    names.size() - HANDFUL) + " more";
        }

        /**
         * The group as one action: "584 existing functions start Active: a, b, c, d, e and 579 more"; with some Failed
         * at once, "250 existing functions start Active; 20 Failed at once (EniLimitExceeded): a, ... and 265 more"
         * (the names are all the group's).
         */
        public String description() {
            if (failedAtOnce.isEmpty()) {
                return String.format(Locale.ROOT, "%,d existing functions start %s: %s", names.size(), start,
                        named());
            }
            return label() + " (" + reasons() + "): " + named();
        }

        /** Why those {@link #failedAtOnce} are Failed: "EniLimitExceeded", or "3 EniLimitExceeded, 2 ..." when more. */
        public String reasons() {
            List<String> reasons = new ArrayList<>();
            failedAtOnce.forEach((reason, k) -> reasons.add(failedAtOnce.size() == 1 ? reason
                    : String.format(Locale.ROOT, "%,d %s", k, reason)));
            return String.join(", ", reasons);
        }
    }

    /** The function an "Existing function NAME ..." action is about; null for any other action. */
    public static String function(String description) {
        if (!description.startsWith(ACTION)) {
            return null;
        }
        int end = description.indexOf(' ', ACTION.length());
        return end < 0 ? null : description.substring(ACTION.length(), end);
    }

    /** Each function said in a group, to its group; empty when no start is shared by more than a handful. */
    public static Map<String, Group> groups(RunResult r) {
        Map<String, Scenario.Function> byName = new HashMap<>();
        for (Scenario.Function f : r.scenario().functions()) {
            byName.putIfAbsent(f.name(), f);
        }
        Map<List<Object>, List<String>> alike = new LinkedHashMap<>(); // [at, start] -> names
        for (RunSummary.Action a : r.actions()) {
            String name = function(a.description());
            Scenario.Function f = name == null ? null : byName.get(name);
            if (f != null && f.existing() != Scenario.Function.Existing.NO) {
                alike.computeIfAbsent(List.of(a.atSeconds(), start(f)), k -> new ArrayList<>()).add(name);
            }
        }
        Map<String, Map<String, Integer>> failedAtOnce = failedAtOnce(r);
        Map<String, Group> out = new HashMap<>();
        alike.forEach((k, names) -> {
            if (names.size() > HANDFUL) {
                String start = (String) k.get(1);
                int cut = start.indexOf(' ');
                double at = (Double) k.get(0);
                Map<String, Integer> failed = new java.util.TreeMap<>();
                if (start.equals("Active")) {
                    for (String n : names) {
                        failedAtOnce.getOrDefault(n + "@" + Seconds.toMicros(at), Map.of())
                                .forEach((reason, c) -> failed.merge(reason, c, Integer::sum));
                    }
                }
                Group g = new Group(at, start, cut < 0 ? start : start.substring(0, cut), names, failed);
                names.forEach(n -> out.put(n, g));
            }
        });
        return out;
    }

    /**
     * The functions that go Failed, keyed "name@microseconds" (when), each with its reasons counted: an existing Active
     * function that its VPC's ENI quota or its subnets refuse is Failed at the instant it is set up (thirty.yaml's 20
     * of 270, EniLimitExceeded), and its group is not all "start Active".
     */
    private static Map<String, Map<String, Integer>> failedAtOnce(RunResult r) {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        for (JournalEntry e : r.journal()) {
            if (e.kind() == JournalEntry.Kind.FUNCTION_STATE && e.state().equals("Failed")) {
                out.computeIfAbsent(e.subject() + "@" + e.atMicros(), k -> new HashMap<>())
                        .merge(String.valueOf(e.reason()), 1, Integer::sum);
            }
        }
        return out;
    }

    /** The run's actions, each {@link Group}'s as one ({@link Group#description}) where its first was. */
    public static List<RunSummary.Action> actions(RunResult r) {
        Map<String, Group> groups = groups(r);
        if (groups.isEmpty()) {
            return r.actions();
        }
        List<RunSummary.Action> out = new ArrayList<>();
        java.util.Set<Group> said = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (RunSummary.Action a : r.actions()) {
            String name = function(a.description());
            Group g = name == null ? null : groups.get(name);
            if (g == null || g.atSeconds() != a.atSeconds()) {
                out.add(a);
            } else if (said.add(g)) {
                out.add(new RunSummary.Action(a.atSeconds(), g.description()));
            }
        }
        return out;
    }

    /** Whether an action is a {@link Group}'s ({@link #actions}). */
    static boolean isGroup(String description) {
        int space = description.indexOf(' ');
        return space > 0 && description.substring(0, space).matches("[0-9][0-9,]*")
                && description.startsWith(" existing functions start ", space);
    }

    /** The words of how an existing function starts, as its action and its state lines say it. */
    private static String start(Scenario.Function f) {
        return switch (f.existing()) {
            case ACTIVE -> "Active";
            case INACTIVE -> f.failedReason() == null ? "Inactive (Idle: their ENIs were reclaimed before the run)"
                    : "Inactive (" + f.failedReason() + ": their last restore failed before the run)";
            case FAILED -> "Failed (" + f.failedReason() + ": their creation failed before the run)";
            case NO -> "";
        };
    }
}
