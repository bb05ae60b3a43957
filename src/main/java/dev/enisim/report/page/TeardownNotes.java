package dev.enisim.report.page;

import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Seconds;
import dev.enisim.report.HtmlReport;
import dev.enisim.report.Narrative;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sentences under the teardown table: what a stack deletion (functions deleted at the same instant) waits for,
 * and why a deletion released no ENI. teardown's table listed "api, deleteFunction, 0 ENIs, waited 00:00:00" beside
 * worker's 3 ENIs and 00:13:33, and left the reader to find that the stack waits for the longest, and that api's ENIs
 * were worker's too.
 */
final class TeardownNotes {

    private TeardownNotes() {
    }

    static String html(List<RunSummary.Teardown> teardowns, Narrative.When when) {
        StringBuilder b = new StringBuilder();
        Map<Double, List<RunSummary.Teardown>> together = new LinkedHashMap<>();
        for (RunSummary.Teardown t : teardowns) {
            if (t.action().equals("deleteFunction")) {
                together.computeIfAbsent(t.requestedAtSeconds(), k -> new ArrayList<>()).add(t);
            }
        }
        for (Map.Entry<Double, List<RunSummary.Teardown>> e : together.entrySet()) {
            List<RunSummary.Teardown> group = e.getValue();
            if (group.size() < 2) {
                continue;
            }
            RunSummary.Teardown longest = null;
            boolean open = false;
            for (RunSummary.Teardown t : group) {
                if (t.waitSeconds() == null) {
                    open = true;
                } else if (longest == null || t.waitSeconds() > longest.waitSeconds()) {
                    longest = t;
                }
            }
            b.append("<p>Deleted together at ").append(when.at(Seconds.toMicros(e.getKey()))).append(" (as a stack"
                    + " deletion deletes them), ").append(group.size()).append(" functions wait for the longest: ");
            if (open) {
                b.append("an ENI was still there at the end of the run, so the stack's deletion had not finished");
            } else {
                b.append(Narrative.clock(Seconds.toMicros(longest.waitSeconds()))).append(" (")
                        .append(esc(longest.function())).append("'s ").append(longest.enis())
                        .append(longest.enis() == 1 ? " ENI" : " ENIs").append("); only then are the subnets and"
                                + " security groups free to delete");
            }
            b.append(".</p>\n");
        }
        for (RunSummary.Teardown t : teardowns) {
            if (t.enis() == 0) {
                b.append("<p>No ENI released means another function or version still used the same subnet and"
                        + " security groups (Hyperplane ENIs are shared by key): the ENIs go when the last of them is"
                        + " deleted.</p>\n");
                break;
            }
        }
        return b.toString();
    }

    private static String esc(String s) {
        return HtmlReport.esc(s);
    }
}
