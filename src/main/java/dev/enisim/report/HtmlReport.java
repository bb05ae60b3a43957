package dev.enisim.report;

import dev.enisim.metrics.RunSummary;
import dev.enisim.report.page.Headlines;
import dev.enisim.report.page.Page;
import dev.enisim.run.RunResult;
import dev.enisim.scenario.Scenario;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page that works offline from file:// (also well-formed XML, so that tests
 * can parse it; no external URL): the scenario, seed and version, the answers the run gives, a summary, interactive
 * charts drawn from the run's data, what happened in words, and the assumptions in force.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /**
     * The page; {@code charts} maps the chart files written beside it ({@code charts/x.png}, {@code .svg}) to
     * their bytes: the page links to them but draws its own charts from the run's data.
     */
    public static String render(RunResult r, Map<String, byte[]> charts, String version) {
        RunSummary s = r.summary();
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"/>\n<title>enisim: ")
                .append(esc(s.scenario())).append("</title>\n").append(Page.styles()).append("</head>\n<body>\n");
        b.append("<header><h1>").append(esc(s.scenario())).append("</h1>\n<p class=\"sub\">").append(esc(
                r.scenario().description())).append("<br/>seed ").append(s.seed()).append(", ")
                .append(Narrative.clock(Math.round(s.simulatedSeconds() * 1e6))).append(" simulated, ")
                .append(String.format(Locale.ROOT, "%,d", s.events().total())).append(" events, ")
                .append(r.scenario().networkModel().name().toLowerCase(Locale.ROOT)).append(" network model, enisim ")
                .append(esc(version)).append("</p>\n<nav><a href=\"#answers\">Answers</a> <a href=\"#summary\">"
                + "Summary</a> <a href=\"#charts\">Charts</a> <a href=\"#topology\">Topology</a> <a href=\"#story\">What happened</a> <a "
                + "href=\"#assumptions\">Assumptions</a> <a href=\"#scenario\">Scenario</a></nav></header>\n");
        b.append(Headlines.html(r));
        summary(b, s);
        b.append(Page.chartsSection(charts.keySet()));
        b.append(Page.topologySection());
        b.append("<section id=\"story\">\n<h2>What happened</h2>\n<pre>");
        List<String> lines = Narrative.lines(r);
        for (String line : lines.subList(0, Math.min(lines.size(), 400))) {
            b.append(esc(line)).append('\n');
        }
        if (lines.size() > 400) {
            b.append("... ").append(lines.size() - 400).append(" more lines: run enisim explain\n");
        }
        b.append("</pre>\n</section>\n");
        assumptions(b, r.scenario());
        b.append("<section id=\"scenario\">\n<h2>Scenario</h2>\n<details><summary>The scenario file (")
                .append(esc(r.scenario().source())).append(")</summary><pre>")
                .append(esc(scenarioYaml(r.scenario()))).append("</pre></details>\n</section>\n")
                .append(Page.scripts(r)).append("</body>\n</html>\n");
        return b.toString();
    }

    private static void summary(StringBuilder b, RunSummary s) {
        RunSummary.Invocations inv = s.invocations();
        b.append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"scroll\"><table>\n<tr><th>Invocations</th><td class=\"n\">").append(num(inv.total()))
                .append("</td></tr>\n<tr><th>Succeeded</th><td class=\"n\">").append(num(inv.succeeded()))
                .append("</td></tr>\n<tr><th>Throttled (429)</th><td class=\"n\">").append(num(inv.throttled()))
                .append("</td></tr>\n<tr><th>Function errors</th><td class=\"n\">").append(num(inv.functionErrors()))
                .append("</td></tr>\n");
        for (Map.Entry<String, Long> e : inv.errors().entrySet()) {
            if (e.getValue() > 0) {
                b.append("<tr><th class=\"bad\">").append(esc(e.getKey())).append("</th><td class=\"n\">")
                        .append(num(e.getValue())).append("</td></tr>\n");
            }
        }
        RunSummary.Latency l = s.latencyMillis();
        b.append("<tr><th>Latency p50 / p90 / p99 / max (ms)</th><td class=\"n\">").append(fmt(l.p50())).append(" / ")
                .append(fmt(l.p90())).append(" / ").append(fmt(l.p99())).append(" / ").append(fmt(l.max()))
                .append("</td></tr>\n<tr><th>Cold starts</th><td class=\"n\">").append(num(l.coldStarts()))
                .append("</td></tr>\n<tr><th>Peak ConcurrentExecutions</th><td class=\"n\">")
                .append(num(s.peakConcurrentExecutions())).append("</td></tr>\n</table></div>\n");
        b.append("<div class=\"scroll\"><table>\n<tr><th>VPC</th><th>peak ENIs</th><th>quota</th></tr>\n");
        s.vpcs().forEach((id, v) -> b.append("<tr><td>").append(esc(id)).append("</td><td class=\"n\">")
                .append(num(v.peakEnis())).append("</td><td class=\"n\">").append(num(v.eniQuota()))
                .append("</td></tr>\n"));
        b.append("</table></div>\n<div class=\"scroll\"><table>\n<tr><th>Subnet</th><th>CIDR</th><th>AZ</th><th>usable</th><th>other tenants</th>"
                + "<th>fewest free</th></tr>\n");
        s.subnets().forEach((id, sub) -> b.append("<tr><td>").append(esc(id)).append("</td><td>").append(sub.cidr())
                .append("</td><td>").append(esc(sub.az())).append("</td><td class=\"n\">").append(sub.usableIps())
                .append("</td><td class=\"n\">").append(sub.otherUsedIps()).append("</td><td class=\"n")
                .append(sub.minAvailableIps() == 0 ? " bad" : "").append("\">").append(sub.minAvailableIps())
                .append("</td></tr>\n"));
        b.append("</table></div>\n<div class=\"scroll\"><table>\n<tr><th>Function</th><th>final state</th><th>invocations</th><th>succeeded</th>"
                + "</tr>\n");
        s.functions().forEach((name, f) -> b.append("<tr><td>").append(esc(name)).append("</td><td class=\"")
                .append(f.finalState().equals("Failed") ? "bad" : "ok").append("\">").append(esc(f.finalState()))
                .append(f.finalReasonCode() == null ? "" : " (" + esc(f.finalReasonCode()) + ")").append("</td><td class=\"n\">")
                .append(num(f.invocations().total())).append("</td><td class=\"n\">")
                .append(num(f.invocations().succeeded())).append("</td></tr>\n"));
        b.append("</table></div>\n</section>\n");
    }

    private static void assumptions(StringBuilder b, Scenario sc) {
        Scenario.Hyperplane h = sc.hyperplane();
        b.append("<section id=\"assumptions\">\n<h2>Assumptions in force</h2>\n<p>Figures AWS does not document, as this scenario sets them:</p>\n"
                + "<table>\n");
        row(b, "hyperplane.eniCreateTime", String.valueOf(h.eniCreateTime()));
        row(b, "hyperplane.attachExistingTime", String.valueOf(h.attachExistingTime()));
        row(b, "hyperplane.eniDeleteTime", String.valueOf(h.eniDeleteTime()));
        row(b, "hyperplane.connectionsPerEni", num(h.connectionsPerEni()));
        row(b, "hyperplane.idleReclaimAfter", fmt(h.idleReclaimAfterMicros() / 86_400e6) + " days");
        row(b, "hyperplane.eniRetryBackoff", fmt(h.eniRetryBackoffMicros() / 60e6) + " min");
        row(b, "scaling", sc.scaling().scaling().toString());
        row(b, "scaling.keepAlive", fmt(sc.scaling().keepAliveMicros() / 60e6) + " min");
        if (sc.networkModel() == dev.enisim.model.NetworkModel.LEGACY) {
            row(b, "legacy", sc.legacy().toString());
        }
        b.append("</table>\n<p>Distributions are in microseconds. Every parameter and its source: scenarios/README.md."
                + "</p>\n</section>\n");
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n");
    }

    /** The scenario file as written (command-line overrides, if any, are not shown), else its parsed form. */
    private static String scenarioYaml(Scenario s) {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(s.source());
            if (java.nio.file.Files.isRegularFile(p)) {
                return java.nio.file.Files.readString(p);
            }
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            // fall through to the parsed form
        }
        return String.valueOf(s);
    }

    private static String num(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    public static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
