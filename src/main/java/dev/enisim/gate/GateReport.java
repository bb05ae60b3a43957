package dev.enisim.gate;

import dev.enisim.check.Checker;
import dev.enisim.iac.Change;
import dev.enisim.metrics.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gate's verdict as Markdown (for a pull request: GitHub's step summary or a comment) and as a self-contained
 * HTML page with the before and after figures side by side. Same results, same bytes.
 */
final class GateReport {

    static final String MARKER = "<!-- enisim gate -->";
    private final Change change;
    private final Deployment.After after;
    private final Impact impact;
    private final List<Checker.Result> results;
    private final boolean passed;
    private final RunSummary before;
    private final RunSummary afterRun;
    private final long deployAtSeconds;
    private final int unsimulatedAllowed;
    private final int replications;
    /** What the account's scenario says of itself (a PARTIAL import): first among the caveats. */
    private final List<String> warnings;

    /**
     * @param unsimulatedAllowed functions not simulated that --allow-unsimulated let pass (said in the headline)
     * @param replications       runs of each side: the rules over all, the tables replication 0's
     */
    GateReport(Change change, Deployment.After after, Impact impact, List<Checker.Result> results, boolean passed,
            RunSummary before, RunSummary afterRun, long deployAtSeconds, int unsimulatedAllowed, int replications,
            List<String> warnings) {
        this.warnings = List.copyOf(warnings);
        this.deployAtSeconds = deployAtSeconds;
        this.unsimulatedAllowed = unsimulatedAllowed;
        this.replications = replications;
        this.change = change;
        this.after = after;
        this.impact = impact;
        this.results = results;
        this.passed = passed;
        this.before = before;
        this.afterRun = afterRun;
    }

    /** The tables, as rows of cells: the same content for Markdown and HTML. */
    private record Table(String title, List<String> header, List<List<String>> rows) {
    }

    /** PASSED or FAILED, and a pass with functions it could not simulate says so. */
    String headline() {
        return (passed ? "PASSED" : "FAILED") + (unsimulatedAllowed == 0 ? "" : " (" + unsimulatedAllowed
                + " function(s) of the change not simulated: --allow-unsimulated)");
    }

    /** With several accounts in the scenario: which the change's functions go into (else nothing). */
    private String into() {
        return after.accounts().isEmpty() ? "" : " (the change deploys into account" + (after.accounts().size() > 1
                ? "s " : " ") + String.join(" and ", after.accounts()) + ")";
    }

    private List<Table> tables() {
        List<Table> out = new ArrayList<>();
        List<List<String>> rules = new ArrayList<>();
        for (Checker.Result r : results) {
            rules.add(List.of(r.passed() ? "pass" : "**FAIL**", r.expectation().text(), r.actual()));
        }
        out.add(new Table("Rules", List.of("", "rule", "actual"), rules));
        List<List<String>> subnets = new ArrayList<>();
        // the change's EFS mount targets take addresses too: a column when it has any
        boolean mounts = impact.subnets().stream().anyMatch(s -> s.newInterfaces() > 0);
        for (Impact.SubnetImpact s : impact.subnets()) {
            List<String> row = new ArrayList<>(List.of(s.id(), s.cidr(), Integer.toString(s.usableIps()),
                    Long.toString(s.freeBefore()), s.freeAfter() + " (" + Format.percent(s.freeAfterPercent()) + ")",
                    Integer.toString(s.newKeys()), Long.toString(s.newEnis())));
            if (mounts) {
                row.add(Integer.toString(s.newInterfaces()));
            }
            subnets.add(row);
        }
        List<String> header = new ArrayList<>(List.of("subnet", "CIDR", "usable", "free before", "free after",
                "new keys", "new ENIs"));
        if (mounts) {
            header.add("the change's EFS mount targets");
        }
        out.add(new Table("Subnets the change touches (free IPs at the peak)", header, subnets));
        List<List<String>> vpcs = new ArrayList<>();
        for (Impact.VpcImpact v : impact.vpcs()) {
            vpcs.add(List.of(v.id(), Integer.toString(v.quota()), Long.toString(v.otherAfter()),
                    Long.toString(v.peakBefore()), Long.toString(v.peakAfter()), Long.toString(v.headroom())));
        }
        out.add(new Table("VPCs: Lambda ENIs at the peak and quota headroom (the quota less other services' ENIs"
                + " and Lambda's)", List.of("VPC", "quota", "other services' ENIs", "before", "after", "headroom"),
                vpcs));
        List<List<String>> fns = new ArrayList<>();
        for (Impact.FunctionImpact f : impact.functions()) {
            fns.add(List.of(f.name(), f.action(), f.state() + (f.reason() == null ? "" : " (" + f.reason() + ")")
                    + (f.updateStatus() == null ? "" : ", update " + f.updateStatus()),
                    f.pendingSeconds() > 0 ? Format.seconds(f.pendingSeconds()) : f.updateSeconds() > 0
                    ? Format.seconds(f.updateSeconds()) + " (update InProgress)" : "-",
                    f.teardownSeconds() == null ? "-" : Format.seconds(f.teardownSeconds()),
                    f.failedBefore() + " / " + f.failedAfter()));
        }
        out.add(new Table("Functions", List.of("function", "change", "state after", "Pending for",
                "teardown wait", "failed invocations before / after"), fns));
        return out;
    }

    private List<String> findings() {
        List<String> out = new ArrayList<>();
        out.add(impact.newKeys() + " new ENI key(s) (subnet + security-group set), " + impact.newEnis()
                + " new ENI(s) at the peak.");
        if (impact.newKeysFromNewGroups() > impact.keysIfShared() && impact.keysIfShared() > 0) {
            out.add("Security groups the change creates make " + impact.newKeysFromNewGroups() + " new key(s); one"
                    + " shared group for those functions would make " + impact.keysIfShared() + " (one per subnet).");
        }
        if (!impact.existingErrors().isEmpty() || !impact.createdErrors().isEmpty()) {
            out.add("Failed invocations the change adds (after - before): of existing functions "
                    + (impact.existingErrors().isEmpty() ? "none" : impact.existingErrors().toString()) + "; of the"
                    + " functions the change creates (invoked while Pending included) " + (impact.createdErrors()
                    .isEmpty() ? "none" : impact.createdErrors().toString()) + ".");
        }
        after.interfaces().forEach(i -> out.add("Simulated from the deployment on: " + i + "."));
        return out;
    }

    private List<String> caveats() {
        List<String> out = new ArrayList<>();
        warnings.forEach(w -> out.add("Warning: " + w));
        after.notSimulated().forEach(n -> out.add("Not simulated: " + n));
        List<String> open = impact.functions().stream().filter(Impact.FunctionImpact::unsettled).map(f -> f.name()
                + ("Pending".equals(f.state()) ? "" : " (updating its VpcConfig)")).toList();
        if (!open.isEmpty()) { // the run ended before their creation or update did: their outcome is not known
            out.add("Not judged: " + open.size() + " function(s) of the change still Pending when the run ended, "
                    + Format.seconds(Math.max(0, before.simulatedSeconds() - deployAtSeconds)) + " after the"
                    + " deployment (" + String.join(", ", open) + "): whether they end Active or Failed was not"
                    + " simulated (`no function Failed` fails for them, unless --allow-failed); deploy earlier"
                    + " (--deploy-at) or run the account longer");
        }
        change.placeholders().forEach(p -> out.add("Unresolved: " + p));
        after.placeholders().forEach(p -> out.add("Placeholder: " + p));
        return out;
    }

    /**
     * What the change's reading and its deployment noted that is known, not an unknown (a function updated with its
     * VpcConfig unchanged, a runtime without a measured preset...): a list of its own, after the unknowns (review 54
     * found 13 such notes under "What the gate could not know").
     */
    private List<String> notes() {
        List<String> out = new ArrayList<>(change.notes());
        out.addAll(after.notes());
        return out;
    }

    String markdown() {
        StringBuilder b = new StringBuilder(MARKER).append('\n');
        b.append("## enisim gate: ").append(headline()).append("\n\n");
        b.append("Change: ").append(String.join(", ", change.sources())).append(". Account: `")
                .append(before.scenario()).append('`').append(into()).append(", simulated ").append(Format.seconds(before.simulatedSeconds()))
                .append(" without and with the change, deployed at ").append(Format.seconds(deployAtSeconds))
                .append(replications == 1 ? " (seed " + before.seed() + " for both; one run each: a Pending spell or"
                + " a teardown wait is one random draw, `--replications N` checks N)" : " (seed " + before.seed()
                + ", " + replications + " replications each: every rule must hold in all; the tables are"
                + " replication 0's)").append(".\n\n");
        for (String f : findings()) {
            b.append("- ").append(f).append('\n');
        }
        for (Table t : tables()) {
            b.append("\n### ").append(t.title()).append("\n\n");
            if (t.rows().isEmpty()) {
                b.append("(none)\n");
                continue;
            }
            b.append("| ").append(String.join(" | ", t.header())).append(" |\n|");
            t.header().forEach(h -> b.append("---|"));
            b.append('\n');
            for (List<String> row : t.rows()) {
                b.append("| ");
                for (String c : row) {
                    b.append(c.replace("|", "\\|")).append(" | ");
                }
                b.setLength(b.length() - 1);
                b.append('\n');
            }
        }
        List<String> caveats = caveats();
        if (!caveats.isEmpty()) {
            b.append("\n### What the gate could not know\n\n");
            caveats.forEach(c -> b.append("- ").append(c).append('\n'));
        }
        List<String> notes = notes();
        if (!notes.isEmpty()) {
            b.append("\n### Notes\n\n");
            notes.forEach(n -> b.append("- ").append(n).append('\n'));
        }
        b.append("\n<sub>enisim simulates Lambda's Hyperplane ENIs; CloudFormation's and Terraform's ordering,"
                + " retries and rollbacks are not modelled (README: \"Gate a deployment in CI\").</sub>\n");
        return b.toString();
    }

    String html() {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>enisim gate</title><style>body{font-family:sans-serif;max-width:70em;margin:2em auto}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;"
                + "text-align:left}.fail{color:#b00;font-weight:bold}.pass{color:#070}.side{display:flex;gap:2em}"
                + "</style></head><body>\n");
        b.append("<h1>enisim gate: <span class=\"").append(passed ? "pass\">" : "fail\">").append(esc(headline()))
                .append("</span></h1>\n<p>Change: ").append(esc(String.join(", ", change.sources()))).append(esc(into()))
                .append("</p>\n");
        b.append("<ul>");
        findings().forEach(f -> b.append("<li>").append(esc(f)).append("</li>"));
        b.append("</ul>\n");
        for (Table t : tables()) {
            table(b, t);
        }
        b.append("<h2>Before and after, side by side</h2>\n<div class=\"side\">");
        for (RunSummary s : List.of(before, afterRun)) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("ENIs created", Long.toString(s.enis().created())));
            rows.add(List.of("ENIs at the peak", Long.toString(s.enis().peak())));
            rows.add(List.of("invocations", Long.toString(s.invocations().total())));
            rows.add(List.of("succeeded", Long.toString(s.invocations().succeeded())));
            for (Map.Entry<String, RunSummary.SubnetSummary> e : s.subnets().entrySet()) {
                rows.add(List.of(e.getKey() + " min free IPs", Long.toString(e.getValue().minAvailableIps())));
            }
            b.append("<div>");
            table(b, new Table(s == before ? "Before" : "After", List.of("figure", "value"), rows));
            b.append("</div>");
        }
        b.append("</div>\n");
        List<String> caveats = caveats();
        if (!caveats.isEmpty()) {
            b.append("<h2>What the gate could not know</h2><ul>");
            caveats.forEach(c -> b.append("<li>").append(esc(c)).append("</li>"));
            b.append("</ul>\n");
        }
        List<String> notes = notes();
        if (!notes.isEmpty()) {
            b.append("<h2>Notes</h2><ul>");
            notes.forEach(n -> b.append("<li>").append(esc(n)).append("</li>"));
            b.append("</ul>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder b, Table t) {
        b.append("<h2>").append(esc(t.title())).append("</h2>\n");
        if (t.rows().isEmpty()) {
            b.append("<p>(none)</p>\n");
            return;
        }
        b.append("<table><tr>");
        t.header().forEach(h -> b.append("<th scope=\"col\">").append(esc(h)).append("</th>"));
        b.append("</tr>\n");
        for (List<String> row : t.rows()) {
            b.append("<tr>");
            for (String c : row) {
                boolean fail = c.equals("**FAIL**");
                b.append(fail ? "<td class=\"fail\">FAIL" : c.equals("pass") ? "<td class=\"pass\">pass"
                        : "<td>" + esc(c)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
