package dev.enisim.report.page;

import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Seconds;
import dev.enisim.report.HtmlReport;
import dev.enisim.report.Narrative;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sentences under the teardown table: what a stack deletion (functions deleted at the same instant) waits for,
 * and why a deletion released no ENI. teardown's table listed "api, deleteFunction, 0 ENIs, waited 00:00:00" beside
 * worker's 3 ENIs and 00:13:33, and left the reader to find that the stack waits for the longest, and that api's ENIs
 * were worker's too. A deletion the verdict leads with (its wait, whose, the delay in force) is not told again here
 * (session 43: "Deleted together at 01:00:00 ... 00:13:33 (worker's 3 ENIs)" said the verdict's sentence twice): the
 * notes say what the verdict does not, what the table's rows are and that the wait is one draw of the delays.
 */
final class TeardownNotes {

    /** Deletions that released no ENI named with the function whose ENIs they shared, at most. */
    static final int NAMED_SHARERS = 3;

    private TeardownNotes() {
    }

    /** {@code led}: the instants of the deletions the verdict leads with ({@link Headlines#ledDeletions}). */
    static String html(RunResult r, Narrative.When when, Set<Double> led) {
        List<RunSummary.Teardown> teardowns = r.summary().teardowns();
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Double, List<RunSummary.Teardown>> e : Headlines.deletedTogether(teardowns).entrySet()) {
            List<RunSummary.Teardown> group = e.getValue();
            if (group.size() < 2) {
                continue;
            }
            RunSummary.Teardown longest = null;
            boolean open = false;
            boolean takenBack = false;
            for (RunSummary.Teardown t : group) {
                if (Headlines.stillOpen(r, t)) {
                    open = true;
                } else if (Headlines.waitOf(r, t) == null) {
                    takenBack = true; // every ENI it released was taken back (its deletion cancelled): no wait
                    continue;
                } else if (longest == null || Headlines.waitOf(r, t) > Headlines.waitOf(r, longest)) {
                    longest = t;
                }
            }
            if (led.contains(e.getKey())) {
                if (!open) {
                    b.append(eachItsOwn(r, group, longest, when));
                }
                continue;
            }
            b.append("<p>Deleted together at ").append(when.at(Seconds.toMicros(e.getKey()))).append(" (as a stack"
                    + " deletion deletes them), ").append(group.size()).append(" functions wait for the longest: ");
            if (open) {
                b.append("an ENI was still there at the end of the run, so the stack's deletion had not finished");
            } else if (takenBack && (longest == null || longest.enis() == 0)) {
                // every ENI released was taken back by a new user of its key: no wait, nothing blocked by this stack
                b.append("nothing to wait for, as Lambda deleted none of their ENIs: each was taken back by a new user of its subnet"
                        + " and security groups before its deletion was done (hyperplane.reuseDeletingEni; see"
                        + " the table)");
            } else {
                b.append(Narrative.clock(Seconds.toMicros(Headlines.waitOf(r, longest)))).append(" (")
                        .append(esc(longest.function())).append("'s ").append(longest.enis())
                        .append(longest.enis() == 1 ? " ENI" : " ENIs").append("); only then are the subnets and"
                                + " security groups free to delete");
            }
            b.append(".</p>\n");
        }
        b.append(noEniReleased(r, teardowns, when));
        return b.toString();
    }

    /**
     * For a stack deletion the verdict told: each function's wait in the table is its own last ENI's, the verdict's
     * the longest; and, when the deletion delay is a distribution, that the wait is one draw of it.
     */
    private static String eachItsOwn(RunResult r, List<RunSummary.Teardown> group, RunSummary.Teardown longest,
            Narrative.When when) {
        int released = 0;
        for (RunSummary.Teardown t : group) {
            released += t.enis() > 0 ? 1 : 0;
        }
        if (released < 2 || longest == null) {
            return "";
        }
        boolean random = !(r.scenario().hyperplane().eniDeleteTime() instanceof dev.enisim.workload.DistributionSpec
                .Constant);
        return "<p>Each ENI is deleted after a delay of its own" + (random ? ", drawn at random" : "") + ": the"
                + " table's wait for each function is its own last ENI's, and the stack's (the verdict's) the longest"
                + " of them, " + esc(longest.function()) + "'s." + (random ? " Another seed draws other delays:"
                + " <code>enisim plan</code> gives this wait's spread over replications (its p50 and p99)." : "")
                + "</p>\n";
    }

    /**
     * Why a deletion released no ENI: a function deleted while another still used its keys (subnet and security
     * groups) is named with that function, whose deletion later released the ENIs (teardown: api's keys were
     * worker's); otherwise, or for other actions, the general reason, once.
     */
    private static String noEniReleased(RunResult r, List<RunSummary.Teardown> teardowns, Narrative.When when) {
        StringBuilder b = new StringBuilder();
        boolean general = false;
        int named = 0;
        boolean legacy = r.scenario().networkModel() == dev.enisim.model.NetworkModel.LEGACY;
        for (int i = 0; i < teardowns.size(); i++) {
            RunSummary.Teardown t = teardowns.get(i);
            if (t.enis() != 0) {
                continue;
            }
            RunSummary.Teardown sharer = t.action().equals("deleteFunction") && !legacy && named < NAMED_SHARERS
                    ? sharer(r, teardowns, i) : null;
            if (sharer == null) {
                general = true;
                continue;
            }
            named++;
            b.append("<p>").append(esc(t.function())).append(" released no ENI: its keys (subnet and security"
                    + " groups) were ").append(esc(sharer.function())).append("'s too, and Hyperplane ENIs are shared"
                    + " by key, so they went with ").append(esc(sharer.function())).append("'s deletion")
                    .append(sharer.releasedAtSeconds() == t.releasedAtSeconds() ? "" : " at "
                            + when.at(Seconds.toMicros(sharer.releasedAtSeconds())))
                    .append(".</p>\n");
        }
        if (general) {
            b.append("<p>No ENI released means another function or version still used the same subnet and"
                    + " security groups (Hyperplane ENIs are shared by key): the ENIs go when the last of them is"
                    + " deleted.</p>\n");
        }
        return b.toString();
    }

    /**
     * The first later deletion of a function (in the teardowns' order) that released ENIs of a key the function of
     * teardown {@code i} used when it was deleted; null when there is none.
     */
    private static RunSummary.Teardown sharer(RunResult r, List<RunSummary.Teardown> teardowns, int i) {
        RunSummary.Teardown t = teardowns.get(i);
        Set<String> keys = new HashSet<>(keysAt(r, t.function(), t.releasedAtSeconds()));
        if (keys.isEmpty()) {
            return null;
        }
        for (int j = i + 1; j < teardowns.size(); j++) {
            RunSummary.Teardown o = teardowns.get(j);
            if (o.action().equals("deleteFunction") && o.enis() > 0 && !o.function().equals(t.function())
                    && o.releasedAtSeconds() >= t.releasedAtSeconds()) {
                for (String k : keysAt(r, o.function(), o.releasedAtSeconds())) {
                    if (keys.contains(k)) {
                        return o;
                    }
                }
            }
        }
        return null;
    }

    /** The keys a function used at an instant, as the topology tells them. */
    private static List<String> keysAt(RunResult r, String function, double atSeconds) {
        List<String> keys = new ArrayList<>();
        for (TopologyData.KeySpell k : TopologyData.keySpells(r, function, false)) {
            if (k.fromSeconds() <= atSeconds) {
                keys = k.keys();
            }
        }
        return keys;
    }

    private static String esc(String s) {
        return HtmlReport.esc(s);
    }
}
