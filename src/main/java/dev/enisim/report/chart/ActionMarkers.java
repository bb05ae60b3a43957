package dev.enisim.report.chart;

import dev.enisim.metrics.RunSummary;
import dev.enisim.report.Labels;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The actions the charts and the page mark, as they mark them: the existing functions past a handful as one
 * ({@link ExistingFunctions}), and likewise the functions created close in time, more than
 * {@value ExistingFunctions#HANDFUL} of them: a scenario that created 600 functions over its run drew 600 markers,
 * their labels "f-001 created +5 more" over one another, and the page's 200 markers were its first 200 creations.
 * Close in time is within a tenth of the run of the first of them: at most ten such markers across a chart, each
 * where its first function was created, "60 functions created over 29 min 30 s". A creation that was rejected, an outage,
 * a deletion by hand stay a marker each. And the ids the scenario names (subnets, VPCs: "Other tenants of
 * subnet-0a1b2c3d4e5f60789 now use 40 IPs") labelled with their names first, as the legends label them
 * ({@link Labels#chart}). Each function's own creation stays in the narrative, the timeline's lanes and summary.json.
 */
public final class ActionMarkers {

    /** How a group's description goes on after its count: " functions created over ...". */
    private static final String FUNCTIONS = " functions ";

    private ActionMarkers() {
    }

    /** The run's actions as the charts mark them (see the class). */
    public static List<RunSummary.Action> of(RunResult r) {
        List<RunSummary.Action> actions = alike(ExistingFunctions.actions(r), r.summary().simulatedSeconds() / 10);
        java.util.function.UnaryOperator<String> label = Labels.inChartText(r.scenario());
        List<RunSummary.Action> out = new ArrayList<>(actions.size());
        for (RunSummary.Action a : actions) {
            String d = label.apply(a.description());
            out.add(d.equals(a.description()) ? a : new RunSummary.Action(a.atSeconds(), d));
        }
        return out;
    }

    /**
     * The actions, each run of more than {@value ExistingFunctions#HANDFUL} functions created within {@code
     * windowSeconds} of the first of them as one, where the first was; the others as they were, in their order.
     * Deletions and updates keep a marker each: the timeline's lanes do not tell them, their labels do (seven
     * deleted at once: five labels, the last "+2 more").
     */
    static List<RunSummary.Action> alike(List<RunSummary.Action> actions, double windowSeconds) {
        List<List<RunSummary.Action>> groups = new ArrayList<>();
        Map<String, List<RunSummary.Action>> open = new LinkedHashMap<>(); // each verb's latest group
        Map<RunSummary.Action, List<RunSummary.Action>> groupOf = new java.util.IdentityHashMap<>();
        for (RunSummary.Action a : actions) {
            String verb = verb(a.description());
            if (verb == null) {
                continue;
            }
            List<RunSummary.Action> g = open.get(verb);
            if (g == null || a.atSeconds() >= g.get(0).atSeconds() + windowSeconds) {
                g = new ArrayList<>();
                open.put(verb, g);
                groups.add(g);
            }
            g.add(a);
            groupOf.put(a, g);
        }
        if (groups.stream().noneMatch(g -> g.size() > ExistingFunctions.HANDFUL)) {
            return actions;
        }
        List<RunSummary.Action> out = new ArrayList<>();
        for (RunSummary.Action a : actions) {
            List<RunSummary.Action> g = groupOf.get(a);
            if (g == null || g.size() <= ExistingFunctions.HANDFUL) {
                out.add(a);
            } else if (g.get(0) == a) {
                out.add(new RunSummary.Action(a.atSeconds(), description(g)));
            }
        }
        return out;
    }

    /**
     * "60 functions created over 29 min 30 s: f-001, f-002, f-003, f-004, f-005 and 55 more" (no "over" when they were
     * at one instant).
     */
    private static String description(List<RunSummary.Action> g) {
        List<String> names = new ArrayList<>();
        for (RunSummary.Action a : g) {
            names.add(a.description().split(" ", 3)[1]);
        }
        double span = g.get(g.size() - 1).atSeconds() - g.get(0).atSeconds();
        return String.format(Locale.ROOT, "%,d", g.size()) + FUNCTIONS + verb(g.get(0).description())
                + (span > 0 ? " over " + span(span) : "") + ": "
                + String.join(", ", names.subList(0, ExistingFunctions.HANDFUL)) + " and "
                + String.format(Locale.ROOT, "%,d", names.size() - ExistingFunctions.HANDFUL) + " more";
    }

    /** A span of time to the second, in at most two units: "45 s", "29 min 30 s", "4 h 59 min", "3 days 2 h". */
    static String span(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        if (s < 86_400) {
            return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
        }
        return s / 86_400 + (s / 86_400 == 1 ? " day" : " days") + (s % 86_400 / 3600 == 0 ? "" : " " + s % 86_400
                / 3600 + " h");
    }

    /** "created" for a function's creation that went ahead; else null. */
    static String verb(String description) {
        if (description.contains(" rejected: ")) {
            return null;
        }
        String[] w = description.split(" ", 3);
        if (w.length < 2) {
            return null;
        }
        return w[0].equals("CreateFunction") ? "created" : null;
    }

    /** Whether an action is a group of {@link #of} ("60 functions created over 29 min 30 s: ..."). */
    static boolean isGroup(String description) {
        int space = description.indexOf(' ');
        return space > 0 && description.substring(0, space).matches("[0-9][0-9,]*")
                && description.startsWith(FUNCTIONS + "created", space);
    }

}
