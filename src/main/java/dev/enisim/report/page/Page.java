package dev.enisim.report.page;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The interactive parts of report.html: styles, the charts section (drawn in the browser by uPlot from the
 * run's data, embedded as JSON) and the scripts. Everything is inlined: the page needs no network and no other
 * file.
 */
public final class Page {

    /** The mark every enisim page carries in its head: a page file that has it may be replaced by a new one. */
    public static final String MARK = "<meta name=\"generator\" content=\"enisim\"/>";

    private Page() {
    }

    /**
     * How every page enisim writes opens, its {@link #MARK} included: an existing page file is replaced only if it
     * opens so (a file holding the mark elsewhere, such as a copy of this source, is not a page enisim wrote).
     */
    public static final String OPENING = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n" + MARK + "\n";

    /** A page's start, up to and including {@code <body>}: charset, viewport, title and the report's style. */
    public static String head(String title) {
        return OPENING + "<title>"
                + dev.enisim.report.HtmlReport.esc(title)
                + "</title>\n" + styles() + "</head>\n<body>\n";
    }

    /** The {@code <style>} element: uPlot's and the report's. */
    public static String styles() {
        return "<style>" + Assets.uplotCss() + "\n" + paletteCss() + "\n" + Assets.own("report.css") + "</style>\n";
    }

    /**
     * The chart palette as CSS custom properties, for the page's own drawing (report.css): {@code --state-Active} and
     * the other states, their edges ({@code --edge-Pending}: {@link dev.enisim.report.chart.Palette#edge}),
     * {@code --succeeded}. The edges of the topology were the old Active green #2E7D32.
     */
    static String paletteCss() {
        StringBuilder b = new StringBuilder(":root{");
        dev.enisim.report.chart.Palette.STATES.forEach((state, colour) -> b.append("--state-").append(state)
                .append(':').append(colour).append(';'));
        dev.enisim.report.chart.Palette.STATES.forEach((state, colour) -> b.append("--edge-").append(state)
                .append(':').append(dev.enisim.report.chart.Palette.edge(colour)).append(';'));
        return b.append("--succeeded:").append(dev.enisim.report.chart.Palette.SUCCEEDED).append('}').toString();
    }

    /** The charts section; {@code files} names the PNG/SVG chart files written beside the page. */
    public static String chartsSection(java.util.Collection<String> files) {
        StringBuilder b = new StringBuilder("<section id=\"charts\">\n<h2>Charts</h2>\n"
                + "<div class=\"toolbar\"><label>Show <input id=\"filter\" type=\"search\" list=\"filter-names\" "
                + "placeholder=\"function or key\"/></label> <span class=\"zoom\"><button type=\"button\" "
                + "id=\"pan-left\" title=\"earlier\" aria-label=\"earlier\">&#9664;</button><button type=\"button\" id=\"zoom-in\" "
                + "title=\"zoom in\" aria-label=\"zoom in\">+</button><button type=\"button\" id=\"zoom-out\" title=\"zoom out\" aria-label=\"zoom out\">&#8722;"
                + "</button><button type=\"button\" id=\"pan-right\" title=\"later\" aria-label=\"later\">&#9654;</button><button "
                + "type=\"button\" id=\"zoom-reset\">whole run</button></span> <span class=\"hint\">drag across a "
                + "chart to zoom, double-click for the whole run, click a legend entry to hide it</span></div>\n"
                + "<datalist id=\"filter-names\"></datalist>\n<div id=\"chart-list\"></div>\n"
                + "<noscript><p>The interactive charts need JavaScript; the same charts are in the charts folder."
                + "</p></noscript>\n<p class=\"note\">" + (files.isEmpty() ? "" : "The same charts as image files (for "
                + "documents, CI and print): "));
        boolean first = true;
        for (String f : files) {
            if (f.endsWith(".png")) {
                String base = f.substring(0, f.length() - 4);
                b.append(first ? "" : ", ").append("<a href=\"").append(f).append("\">")
                        .append(base.substring(base.lastIndexOf('/') + 1)).append("</a> (<a href=\"").append(base)
                        // named in full for a screen reader's list of links, where "svg" alone said nothing
                        .append(".svg\" aria-label=\"").append(base.substring(base.lastIndexOf('/') + 1))
                        .append(" as SVG\">svg</a>)");
                first = false;
            }
        }
        return b.append("</p>\n</section>\n").toString();
    }

    /** The topology and lifecycle player (drawn by player.js). */
    public static String topologySection() {
        StringBuilder b = new StringBuilder("<section id=\"topology\">\n<h2>Topology and lifecycle</h2>\n"
                + "<p class=\"note\">The VPC, its subnets (IP fill: other tenants grey, ENIs blue), the ENI keys, the "
                + "ENIs and the functions, with a line from each function to the ENIs it uses. Move the slider or "
                + "press play to step through the run; click an element for its history.</p>\n"
                + "<div class=\"player\"><button type=\"button\" id=\"player-play\">&#9654; play</button>"
                + "<button type=\"button\" id=\"player-prev\" title=\"previous step\" aria-label=\"previous step\">&#8249;</button>"
                + "<input type=\"range\" id=\"player-slider\" min=\"0\" max=\"0\" value=\"0\" "
                + "aria-label=\"simulated time\"/><button type=\"button\" id=\"player-next\" title=\"next step\" aria-label=\"next step\">"
                + "&#8250;</button> <span id=\"player-time\" aria-live=\"polite\" aria-atomic=\"true\"></span></div>\n"
                // the time and what happened at the step said by a screen reader as they change (play, the slider)
                + "<ul id=\"player-now\" class=\"now\" aria-live=\"polite\">"
                + "</ul>\n<p class=\"legend\">");
        // a hatched state (Failed) hatched in the legend too, and so named, as in the state timeline's legend; each
        // swatch edged as the boxes are (Palette.edge): Pending's, Inactive's and Creating's stood 1.6:1 on the page
        // Deleted as the figure draws a deleted (or not yet created) ENI or function: a white box, dashed
        // (report.css's .node.absent), not the state timeline's black, which no box of the figure is (a teacher's review)
        dev.enisim.report.chart.Palette.STATES.forEach((state, colour) -> {
            if (state.equals("Deleted")) {
                b.append("<span><i style=\"background:#ffffff;border:1px dashed #8a8a8a\"></i>Deleted or not yet"
                        + " created (white, dashed)</span> ");
                return;
            }
            boolean hatched = dev.enisim.report.chart.Palette.HATCHED.contains(state);
            b.append("<span><i style=\"background:").append(hatched ? "repeating-linear-gradient(45deg," + colour
                    + " 0 3px,rgba(255,255,255,.7) 3px 4.5px," + colour + " 4.5px 6px)" : colour)
                    .append(";border:1px solid ").append(dev.enisim.report.chart.Palette.edge(colour)).append("\"></i>")
                    .append(state).append(hatched ? " (hatched)" : "").append("</span> ");
        });
        // on a narrow screen the figure (about 930 px) runs past the window, in a box whose sideways scroll nothing
        // showed: a phone's reader saw the VPC and the keys, and no ENI or function
        return b.append("</p>\n<p class=\"note sideways topology-hint\">Wider than the screen: swipe the figure"
                + " sideways for the ENIs and the functions.</p>\n<div class=\"scroll topology\"><svg id=\"topology-svg\" xmlns=\"http://www.w3.org/"
                + "2000/svg\" role=\"group\" aria-label=\"topology: the VPC, its subnets, ENI keys, ENIs and functions"
                // a group, not an image: an image hid its focusable boxes (each a button named with its state, player.js)
                + "\"></svg></div>\n<p class=\"note\" "
                + "id=\"topology-note\"></p>\n<div id=\"history\" class=\"history\"><p class=\"note\">Click "
                + "a subnet, key, ENI or function (or press Enter on it) for its history.</p></div>\n</section>\n").toString();
    }

    /**
     * The state timeline (every function's state and the ENIs' Creating, InUse, Deleting, Orphaned spells) drawn on
     * the page from its SVG chart file: the lifecycle at a glance, which was only a link among the chart files.
     * Empty when there is none.
     */
    /** Larger state timelines are linked, not drawn inline (a 1,000-function run's page stays under 400 kB). */
    static final int MAX_INLINE_SVG_CHARS = 150_000;

    public static String lifecycleFigure(byte[] svg) {
        if (svg == null) {
            return "";
        }
        String text = new String(svg, java.nio.charset.StandardCharsets.UTF_8);
        int at = text.indexOf("<svg");
        if (at < 0) {
            return "";
        }
        if (text.length() > MAX_INLINE_SVG_CHARS) { // many lanes of many spells: linked, the page stays light
            return "<section id=\"lifecycle\">\n<h2>Lifecycle</h2>\n<p class=\"note\">The state timeline of the"
                    + " functions and ENIs is too large to draw here (" + text.length() / 1000 + " kB): <a href=\""
                    + "charts/timeline.svg\">charts/timeline.svg</a>, <a href=\"charts/timeline.png\">png</a>.</p>\n"
                    + "</section>\n";
        }
        // the file's own size as its view box, so that the figure scales to the page's width
        String inline = text.substring(at).replaceFirst("<svg ", "<svg class=\"lifecycle-svg\" role=\"img\" "
                + "aria-label=\"state timeline of the functions and ENIs\" ");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("width='([0-9.]+)' height='([0-9.]+)'")
                .matcher(inline);
        if (m.find()) {
            inline = inline.substring(0, m.start()) + "viewBox='0 0 " + m.group(1) + " " + m.group(2) + "'"
                    + inline.substring(m.end());
        }
        return "<section id=\"lifecycle\">\n<h2>Lifecycle</h2>\n<figure class=\"lifecycle\">\n<figcaption>The lifecycle at a glance: each function's"
                + " state (Pending, Active, Inactive, Failed (hatched), Deleted) and each ENI's (Creating, InUse,"
                + " Deleting, Orphaned) over the whole run; an Availability Zone's outage is a dashed, lined band over"
                + " the lanes it stops (its ENIs, and the functions with no subnet in another AZ). The same chart as"
                + " charts/timeline.png.</figcaption>\n<p class=\"note sideways lifecycle-hint\">Wider than the screen:"
                + " swipe the chart sideways for the rest of the run.</p>\n"
                + "<div class=\"scroll\">" + inline.strip() + "</div>\n</figure>\n</section>\n";
    }

    /** Functions the latency chart's note names at most for their equal percentiles. */
    static final int SAME_NAMED = 5;

    /**
     * The latency chart's note (chart id {@code latency}) also says what its list offers and why (all functions
     * together, drawn first, then each function on its own, the busiest by invocations first), and which functions'
     * own p50, p90 and p99 are the same throughout: the note named them for all functions together only, and burst-
     * scaling's api-backend, chosen in the list, drew one line of three with nothing said (browser review).
     */
    static void latencyNote(ObjectNode data) {
        ObjectNode latency = null;
        for (com.fasterxml.jackson.databind.JsonNode c : data.withArray("charts")) {
            if (c.path("id").asText().equals("latency") && c.has("choices")) {
                latency = (ObjectNode) c;
            }
        }
        if (latency == null || latency.get("choices").size() < 2) {
            return;
        }
        com.fasterxml.jackson.databind.JsonNode choices = latency.get("choices");
        int n = choices.size() - 1;
        String note = latency.path("note").asText();
        StringBuilder b = new StringBuilder(note);
        if (note.contains("Same values throughout")) {
            b.append(", for all functions together");
        }
        b.append(b.length() == 0 ? "" : ". ").append("The list beside the title shows all functions together (drawn"
                + " first) or one function on its own: ");
        if (n == 1) {
            b.append(choices.get(1).get("name").asText()).append(", the only one that ran");
        } else {
            b.append("the ").append(n).append(" busiest by invocations that ran, the busiest first (")
                    .append(choices.get(1).get("name").asText()).append(')');
        }
        List<String> same = new ArrayList<>();
        int named = 0;
        for (int i = 1; i < choices.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode one = choices.get(i).get("series");
            String groups = dev.enisim.report.chart.Charts.sameValuesNote(one.size(), (x, y) -> one.get(x).get("values")
                    .equals(one.get(y).get("values")), k -> one.get(k).get("label").asText(), (j, nth) -> { });
            if (groups != null) {
                if (named++ < SAME_NAMED) {
                    same.add(choices.get(i).get("name").asText() + ": " + groups.substring(groups.indexOf(": ") + 2));
                }
            }
        }
        b.append('.');
        if (!same.isEmpty()) {
            b.append(" On its own, the same values throughout, drawn on one another (dashed): ")
                    .append(String.join("; ", same)).append(named > SAME_NAMED ? "; and " + (named - SAME_NAMED)
                            + " more functions" : "").append('.');
        }
        latency.put("note", b.toString());
    }

    /**
     * The bytes of the chart scripts every page with charts embeds (uPlot and charts.js): {@code OutputSize} counts
     * them as they are, so that a script grown in a later change does not push a page past its estimate (session 43:
     * charts.js grew 1,865 bytes and compare-network-models' page measured 1.00 of its fitted estimate).
     */
    public static long chartScriptBytes() {
        return ChartScripts.BYTES;
    }

    /** {@link #chartScriptBytes}, read once (the estimate is asked for every point of a sweep). */
    private static final class ChartScripts {
        static final long BYTES = (Assets.script(Assets.uplotJs()) + Assets.script(Assets.own("charts.js")))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** Charts of two runs on the same axes, drawn by the same script. */
    public static String compareScripts(RunResult a, String labelA, RunResult b, String labelB) {
        ObjectNode data = Json.obj();
        data.set("charts", CompareData.build(a, labelA, b, labelB));
        return "<script type=\"application/json\" id=\"enisim-data\">" + Json.inScript(data) + "</script>\n"
                + Assets.script(Assets.uplotJs()) + Assets.script(Assets.own("charts.js"));
    }

    /** The embedded data and the scripts that draw from it, at the end of the body. */
    public static String scripts(RunResult r) {
        ObjectNode data = Json.obj();
        ObjectNode charts = ChartData.build(r);
        latencyNote(charts);
        data.set("charts", charts);
        data.set("topology", TopologyData.build(r));
        return "<script type=\"application/json\" id=\"enisim-data\">" + Json.inScript(data) + "</script>\n"
                + Assets.script(Assets.uplotJs()) + Assets.script(Assets.own("charts.js"))
                + Assets.script(Assets.own("player.js"));
    }
}
