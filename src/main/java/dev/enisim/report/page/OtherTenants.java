package dev.enisim.report.page;

import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Seconds;
import dev.enisim.report.Narrative;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Other tenants' addresses in a subnet over the run: the scenario's value, then each setOtherUsedIps the run made (as
 * many as fitted: its action's own words). summary.json's {@code otherUsedIps} is the run's end; the subnet table and
 * the terminal showed it without saying so, and a teacher's subnet filled from 15d to 25d read "other tenants 0,
 * fewest free 0" beside one Lambda ENI in 251 addresses.
 */
public final class OtherTenants {

    /** Changes listed one by one; more are summed up as their most. */
    static final int LISTED = 3;

    /** The run's own record of a setOtherUsedIps (World): the addresses the other tenants then hold. */
    private static final Pattern SET = Pattern.compile("Other tenants of (\\S+) now use ([0-9]+) IPs");

    /** A change: when, and the addresses held from then on. */
    public record Change(long atMicros, long ips) {
    }

    private OtherTenants() {
    }

    /** The subnet's changes during the run, in time order (none when the timeline never changed it). */
    public static List<Change> changes(RunResult r, String subnet) {
        List<Change> out = new ArrayList<>();
        for (RunSummary.Action a : r.actions()) {
            Matcher m = SET.matcher(a.description());
            if (m.lookingAt() && m.group(1).equals(subnet)) {
                out.add(new Change(Seconds.toMicros(a.atSeconds()), Long.parseLong(m.group(2))));
            }
        }
        return out;
    }

    /** The addresses other tenants held at {@code micros}: the last change by then, else the scenario's value. */
    public static long at(RunResult r, String subnet, long micros) {
        long ips = atStart(r, subnet);
        for (Change c : changes(r, subnet)) {
            if (c.atMicros() <= micros) {
                ips = c.ips();
            }
        }
        return ips;
    }

    /** The addresses other tenants held at the start of the run: the scenario's value. */
    static long atStart(RunResult r, String subnet) {
        for (dev.enisim.scenario.Scenario.Vpc v : r.scenario().vpcs()) {
            for (dev.enisim.scenario.Scenario.Subnet s : v.subnets()) {
                if (s.id().equals(subnet)) {
                    return s.otherUsedIps();
                }
            }
        }
        return 0;
    }

    /**
     * What happened before the end, for the figure at the end: empty when the timeline never changed it; otherwise
     * each value from the start ("0 from the start, 250 from 15d 00:00:00, 0 from 25d 00:00:00"), or, past
     * {@value #LISTED} changes, their most and when it was first held ("at most 250, from 15d 00:00:00").
     */
    public static String during(RunResult r, String subnet, Narrative.When when) {
        List<Change> cs = changes(r, subnet);
        if (cs.isEmpty()) {
            return "";
        }
        if (cs.size() <= LISTED) {
            StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%,d from the start", atStart(r, subnet)));
            for (Change c : cs) {
                b.append(String.format(java.util.Locale.ROOT, ", %,d from ", c.ips())).append(when.at(c.atMicros()));
            }
            return b.toString();
        }
        Change most = new Change(0, atStart(r, subnet));
        for (Change c : cs) {
            if (c.ips() > most.ips()) {
                most = c;
            }
        }
        return String.format(java.util.Locale.ROOT, "at most %,d, ", most.ips()) + (most.atMicros() == 0 && most.ips() == atStart(r, subnet)
                ? "from the start" : "from " + when.at(most.atMicros()));
    }

    /** The subnet table's cell: the figure at the end, and below it {@link #during} when the timeline changed it. */
    static String cell(RunResult r, String subnet, long atEnd, Narrative.When when) {
        String during = during(r, subnet, when);
        return String.format(java.util.Locale.ROOT, "%,d", atEnd) + (during.isEmpty() ? "" : "<br><small>(" + during + ")</small>");
    }
}
