package dev.enisim.report.page;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.metrics.Metric;
import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Seconds;
import dev.enisim.metrics.Series;
import dev.enisim.metrics.TimeSeries;
import dev.enisim.report.chart.Charts;
import dev.enisim.report.chart.Downsample;
import dev.enisim.report.chart.Palette;
import dev.enisim.report.chart.Wording;
import dev.enisim.run.RunResult;
import dev.enisim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The interactive charts' data, drawn in the browser from the run's time series. Bounded whatever the size of
 * the run: every chart has at most {@value #MAX_POINTS} points per series and {@value #TOP} named series plus
 * one "others" series (summed for counts, the highest of them for levels), and says so in its note; the latency chart offers the {@value #CHOICES}
 * busiest functions. Memory and page size grow with buckets, not with functions or keys.
 */
final class ChartData {

    /** The most timeline actions marked on the page's charts (the page's size); the rest are said to be left out. */
    static final int MARKERS = 200;

    /** The ENI quota's line: the Failed state's wine, apart from every series colour. */
    static final String QUOTA = Palette.STATES.get("Failed");

    static final int MAX_POINTS = 600;
    static final int TOP = 8;
    static final int CHOICES = 20;
    private static final int MAX_SUBNET_PANELS = 6;

    private final RunResult r;
    private final TimeSeries ts;
    private final Palette palette;
    private final Wording words;
    private final int factor;

    private ChartData(RunResult r) {
        this.r = r;
        this.ts = r.timeSeries();
        this.palette = Palette.of(r);
        this.words = Wording.of(r);
        this.factor = Downsample.factor(ts.buckets(), MAX_POINTS);
    }

    static ObjectNode build(RunResult r) {
        return new ChartData(r).json();
    }

    private ObjectNode json() {
        ObjectNode o = Json.obj();
        double step = Seconds.of(ts.bucketMicros() * factor);
        ArrayNode x = o.putArray("x");
        int n = (ts.buckets() + factor - 1) / factor;
        for (int i = 0; i < n; i++) {
            x.add(i * step);
        }
        o.put("stepSeconds", step);
        o.put("durationSeconds", r.summary().simulatedSeconds());
        if (r.summary().warmUpSeconds() != null) { // the band the charts shade (run --warm-up); absent: none
            o.put("warmUpSeconds", r.summary().warmUpSeconds());
        }
        if (r.scenario().startsAt().isPresent()) { // the axis in weekday form (Mon 14:00); absent: simulated time
            o.put("startsAtEpochSeconds", r.scenario().startsAt().get().getEpochSecond());
        }
        ArrayNode charts = o.putArray("charts");
        invocations().forEach(charts::add);
        ObjectNode latency = latency();
        if (latency != null) {
            charts.add(latency);
        }
        charts.add(perFunction("concurrency", "ConcurrentExecutions (maximum per " + bucket() + ")",
                "concurrent executions", Metric.CONCURRENT_EXECUTIONS, concurrencyLines()));
        charts.add(perFunction("environments", "Execution environments per function (maximum per " + bucket() + ")",
                "environments", Metric.ENVIRONMENTS, Json.arr()));
        charts.add(perFunction("cold-starts", "Cold starts per " + bucket(), "cold starts", Metric.COLD_STARTS,
                Json.arr()));
        if (!keySeries(Metric.HYPERPLANE_ENI_COUNT).isEmpty()) {
            charts.add(enis());
        }
        if (!keySeries(Metric.ENI_CONNECTIONS).isEmpty()) {
            charts.add(connections());
        }
        subnets(charts);
        // the queued events, as charts/async-events.png and sqs-queues.png draw them: the page had no chart of them
        if (ts.account(Metric.ASYNC_EVENTS_RECEIVED) != null) {
            queue(charts, "async-events", "Asynchronous events per function (Lambda's event queue)",
                    Charts.asyncPanels(r, bucket()), Charts.asyncSentence(r));
        }
        if (r.summary().sqs() != null) {
            queue(charts, "sqs-queues", "SQS queues per function (event source mappings)", Charts.sqsPanels(r, bucket()),
                    Charts.sqsSentence(r));
        }
        stableColours(charts);
        // up to 200 actions are marker lines (a label where there is room; zooming in makes room): the first 60 alone left
        // out quota-500's last 50 creations, the ten that go Failed among them
        // existing functions past a handful one marker: a 600-function account's 200 were all "Existing function X"
        // at 00:00:00, its AZ outage among the 402 left out; functions created close in time likewise, the scenario's
        // names first (ActionMarkers)
        List<RunSummary.Action> actions = dev.enisim.report.chart.ActionMarkers.of(r);
        ArrayNode markers = o.putArray("markers");
        for (RunSummary.Action a : actions) {
            if (markers.size() >= MARKERS) {
                break;
            }
            markers.add(Json.obj().put("t", a.atSeconds()).put("label", Palette.shortLabel(a.description())));
        }
        o.put("markersLeftOut", Math.max(0, actions.size() - MARKERS));
        // the lifecycle moments beside the actions (Inactive, restores, scale-outs, ENIs deleted: LifecycleMoments),
        // at most 20, drawn in a colour and line of their own (charts.js); idle-reclaim's charts marked 0d alone
        ArrayNode moments = o.putArray("moments");
        for (dev.enisim.report.chart.LifecycleMoments.Marker m : dev.enisim.report.chart.LifecycleMoments.of(r)) {
            moments.add(Json.obj().put("t", m.atSeconds()).put("kind", m.kind().name()).put("label", m.label())
                    .put("count", m.count()).put("detail", m.detail()));
        }
        return o;
    }

    // ---- charts -------------------------------------------------------------------------------------------

    /**
     * The invocations by outcome in panels, as charts/invocations.png draws them: those that succeeded, the sentence
     * with every outcome's total, then each outcome that did not succeed in a panel of its own on its own scale (drawn
     * into the same box: {@code panelOf}). On one scale az-outage's ServiceExceptions were a faint line along 0 under
     * 2,400 successes a minute.
     */
    private List<ObjectNode> invocations() {
        List<Charts.Outcome> outcomes = Charts.outcomes(r);
        List<ObjectNode> out = new ArrayList<>();
        // the per-bucket unit on the axis, as the error panels ("per minute") and invocations.png ("Succeeded per
        // minute") have it: "succeeded" alone gave no unit
        ObjectNode c = chart("invocations", "Invocations by outcome, per " + bucket(), "succeeded per " + bucket(),
                true);
        c.withArray("series").add(outcome(outcomes.get(0), 0));
        out.add(c);
        List<List<Integer>> panels = Charts.failedPanels(outcomes);
        for (int k = 0; k < panels.size(); k++) {
            ObjectNode f = chart("invocations-failed-" + (k + 1), Charts.panelTitle(outcomes, panels.get(k)),
                    "per " + bucket(), true);
            f.put("panelOf", "invocations").put("small", true).put("markerLabels", false);
            // the image's colours and dashes (Palette): every series after Succeeded has a dash of its own, so that no
            // two outcomes are told by colour alone (the page had its own two reds, and solid lines only)
            for (int i : panels.get(k)) {
                f.withArray("series").add(outcome(outcomes.get(i), i));
            }
            out.add(f);
        }
        // every request, by outcome: CloudWatch's Invocations (timeseries.csv) is Succeeded + Function errors only
        c.put("note", Charts.failedSentence(r) + " Every invocation request is drawn by its outcome. CloudWatch's"
                + " Invocations (the Invocations column of timeseries.csv) counts only those that ran: Succeeded +"
                + " Function errors, not throttles nor invoke errors.");
        return out;
    }

    private ObjectNode outcome(Charts.Outcome o, int index) {
        ObjectNode s = series(o.name(), "account", "", o.colour(), o.values(), Downsample.Mode.SUM, 1);
        return index == 0 ? s : dashed(s, index - 1);
    }

    /** p50/p90/p99 of all functions, and of each of the busiest {@value #CHOICES} functions on its own. */
    private ObjectNode latency() {
        ArrayNode all = latencySeries(Metric.Scope.ACCOUNT, "");
        if (all.isEmpty()) {
            return null;
        }
        ObjectNode c = chart("latency", "Latency of successful invocations, ms (init + duration; " + latencyPer() + ")",
                "ms", false);
        c.put("stepped", false);
        ArrayNode choices = c.putArray("choices");
        choices.add(Json.obj().put("name", "all functions").set("series", all));
        List<Series> fns = Charts.nonZero(ts.all(Metric.INVOCATIONS, Metric.Scope.FUNCTION));
        List<Series> top = Palette.top(fns, CHOICES, s -> Palette.sum(s.values()));
        for (Series f : top) {
            ArrayNode one = latencySeries(Metric.Scope.FUNCTION, f.id());
            if (!one.isEmpty()) {
                choices.add(Json.obj().put("name", f.id()).set("series", one));
            }
        }
        c.set("series", all);
        c.put("note", Palette.legendNote(top.size(), fns.size(), "invocations", "functions in summary.json"));
        // p50 = p90 = p99 (burst-scaling: every invocation alike) hid two of the three lines without a word: dashed and
        // named, as on the other charts; a function's own choice is dashed likewise (the note names all functions')
        sameValues(c);
        for (int i = 1; i < choices.size(); i++) {
            ArrayNode one = (ArrayNode) choices.get(i).get("series");
            String same = Charts.sameValuesNote(one.size(), (a, b) -> one.get(a).get("values").equals(
                    one.get(b).get("values")), k -> one.get(k).get("label").asText(),
                    (j, nth) -> ((ObjectNode) one.get(j)).put("dash", true));
            ((ObjectNode) choices.get(i)).put("note", choiceNote(choices.get(i).get("name").asText(), same,
                    choices.size() - 1));
        }
        return c;
    }

    /**
     * The latency chart's note while one function is picked in its list (charts.js shows it in place of the chart's
     * own note, which speaks of all functions together and stays for "all functions" and a page read without
     * scripts): which function is drawn, whether its own p50, p90 and p99 lie on one another, and what the list offers.
     */
    static String choiceNote(String function, String same, int offered) {
        return "Drawn: " + function + " on its own" + (same == null ? "." : ". " + same + ".") + " The list beside the"
                + " title offers all functions together (\"all functions\") or " + (offered == 1 ? "this function, the"
                + " only one that ran." : "one of the " + offered + " busiest by invocations, the busiest first.");
    }

    private ArrayNode latencySeries(Metric.Scope scope, String id) {
        ArrayNode out = Json.arr();
        String[] colours = {Palette.SERIES[0], Palette.SERIES[1], Palette.SERIES[2]}; // as latency.png
        Metric[] stats = {Metric.LATENCY_P50, Metric.LATENCY_P90, Metric.LATENCY_P99};
        for (int i = 0; i < stats.length; i++) {
            Series s = ts.get(stats[i], scope, id);
            if (s != null && Palette.max(s.values()) > 0) {
                out.add(series(stats[i].statistic(), scope.id(), id, colours[i], s.values(), Downsample.Mode.MAX,
                        stats[i].unit().scale()));
            }
        }
        return out;
    }

    private ArrayNode concurrencyLines() {
        ArrayNode lines = Json.arr();
        Series account = ts.account(Metric.CONCURRENT_EXECUTIONS);
        long peak = Palette.max(account.values());
        int limit = r.scenario().account().concurrencyLimit();
        lines.add(line("account limit " + num(limit), limit, Palette.THROTTLES, peak * 2 >= limit)); // as the image
        for (Scenario.Function f : r.scenario().functions()) {
            if (f.reservedConcurrency().isPresent() && lines.size() < TOP) {
                int v = f.reservedConcurrency().getAsInt();
                lines.add(line(f.name() + " reserved " + num(v), v, palette.colour(Metric.Scope.FUNCTION, f.name()),
                        peak * 2 >= v));
            }
        }
        return lines;
    }

    /**
     * The top functions of {@code metric} (by total for a sum, else by peak) and one "others" series; the account
     * first when the metric is kept for the account too.
     */
    private ObjectNode perFunction(String id, String title, String yLabel, Metric metric, ArrayNode lines) {
        ObjectNode c = chart(id, title, yLabel, true);
        ArrayNode s = c.withArray("series");
        Downsample.Mode mode = Downsample.Mode.of(metric);
        boolean total = mode == Downsample.Mode.SUM;
        if (metric == Metric.CONCURRENT_EXECUTIONS) {
            s.add(series("account", "account", "", Palette.TOTAL, ts.account(metric).values(), mode, 1));
        }
        List<Series> fns = Charts.nonZero(ts.all(metric, Metric.Scope.FUNCTION));
        java.util.function.ToLongFunction<Series> score = total ? x -> Palette.sum(x.values())
                : x -> Palette.max(x.values());
        addTopAndOthers(s, fns, score, mode, "functions");
        c.put("note", Palette.legendNote(Math.min(TOP, fns.size()), fns.size(), total ? "total" : "peak",
                "in the tables (" + othersNote(mode) + ")"));
        sameValues(c);
        c.set("lines", visible(lines, c));
        return c;
    }

    private ObjectNode enis() {
        ObjectNode c = chart("enis", words.enisTitle() + " (maximum per " + bucket() + ")", "ENIs", true);
        List<Series> keys = keySeries(Metric.HYPERPLANE_ENI_COUNT);
        Series all = ts.account(Metric.HYPERPLANE_ENI_COUNT);
        // the total against the quota, as the others are no longer summed; one key fewer makes room for it (the page's
        // size stays as it was)
        boolean total = keys.size() > TOP && all != null;
        if (total) {
            c.withArray("series").add(series("all keys", "account", "", Palette.TOTAL, all.values(), Downsample.Mode.MAX,
                    1));
        }
        int shown = total ? TOP - 1 : TOP;
        addTopAndOthers(c.withArray("series"), keys, x -> Palette.max(x.values()), Downsample.Mode.MAX, "keys", shown);
        ArrayNode lines = Json.arr();
        for (Scenario.Vpc v : r.scenario().vpcs()) {
            RunSummary.VpcSummary vs = r.summary().vpcs().get(v.id());
            if (vs != null) {
                // legacy: the limit that applies instead of the Hyperplane ENI quota (summary.json's eniQuota)
                String limit = r.scenario().networkModel() == dev.enisim.model.NetworkModel.LEGACY
                        ? " legacy.eniLimit " : " quota ";
                lines.add(line(v.id() + limit + num(vs.eniQuota()) + (vs.byAccount() == null ? " (all keys)"
                        : " (each account's keys: eniQuotaCountedPer)"), vs.eniQuota(), QUOTA,
                        vs.peakEnis() * 2 >= vs.eniQuota()));
            }
        }
        String legend = Palette.legendNote(Math.min(shown, keys.size()), keys.size(), "peak ENIs",
                "in summary.json eniKeys (" + othersNote(Downsample.Mode.MAX) + ")");
        String together = total ? "" : dev.enisim.report.chart.Charts.allKeysNote(r, keys.size());
        c.put("note", legend.isEmpty() ? together : together.isEmpty() ? legend : legend + ". " + together);
        sameValues(c);
        c.set("lines", visible(lines, c));
        return c;
    }

    /** Connections per key, each shown key with its capacity (its ENIs in service x connectionsPerEni) when data come near. */
    private ObjectNode connections() {
        ObjectNode c = chart("connections", words.connectionsTitle() + " (maximum per " + bucket() + ")",
                "connections", true);
        List<Series> keys = keySeries(Metric.ENI_CONNECTIONS);
        List<Series> top = addTopAndOthers(c.withArray("series"), keys, x -> Palette.max(x.values()),
                Downsample.Mode.MAX, "keys");
        int perEni = r.scenario().hyperplane().connectionsPerEni();
        List<String> off = new ArrayList<>();
        if (words.connectionCapacity()) {
            for (Series k : top) {
                long[] cap = Charts.capacity(Charts.readyEnis(r, k.id(), k.values().length), perEni);
                if (Palette.max(k.values()) * 2 >= perEni) {
                    ObjectNode s = series("capacity " + k.id(), Metric.Scope.ENI_KEY.id(), k.id(),
                            palette.colour(Metric.Scope.ENI_KEY, k.id()), cap, Downsample.Mode.MAX, 1);
                    s.put("dash", true);
                    c.withArray("series").add(s);
                } else {
                    off.add(k.id());
                }
            }
        }
        String note = Palette.legendNote(Math.min(TOP, keys.size()), keys.size(), "peak connections",
                "in summary.json eniKeys (" + othersNote(Downsample.Mode.MAX) + ")");
        if (!off.isEmpty()) {
            note = (note.isEmpty() ? "" : note + ". ") + "Capacity (" + num(perEni) + " per ENI) not drawn for "
                    + off.size() + " key" + (off.size() == 1 ? "" : "s") + " below half of it";
        }
        // keys with no connection all run are left out of the chart: said, so that none vanishes from the legend
        // unexplained (quickstart's subnet-b+[sg-audit], its one environment in subnet-a; a teacher's review)
        List<String> idle = new ArrayList<>();
        for (Series k : ts.all(Metric.ENI_CONNECTIONS, Metric.Scope.ENI_KEY)) {
            if (Palette.max(k.values()) == 0) {
                idle.add(dev.enisim.report.Labels.key(r.scenario(), k.id()));
            }
        }
        if (!idle.isEmpty()) {
            note = (note.isEmpty() ? "" : note + ". ") + "Not drawn: " + (idle.size() == 1 ? "1 key" : idle.size()
                    + " keys") + " with no connection all run (" + (idle.size() <= 3 ? String.join(", ", idle)
                    : String.join(", ", idle.subList(0, 3)) + " and " + (idle.size() - 3) + " more") + ")";
        }
        c.put("note", note);
        return c;
    }

    /**
     * A queue's panels in one box ({@link Charts#asyncPanels}, {@link Charts#sqsPanels}): the first is the chart, headed
     * by {@code title} and followed by {@code sentence}, the others panels of it, each with its heading; one line per
     * function (the top {@value #TOP} and the others).
     */
    private void queue(ArrayNode charts, String id, String title, List<Charts.QueuePanel> panels, String sentence) {
        for (int k = 0; k < panels.size(); k++) {
            Charts.QueuePanel p = panels.get(k);
            ObjectNode c = k == 0 ? chart(id, title + ". " + p.title(), p.yLabel(), true)
                    : chart(id + "-" + p.id(), p.title(), p.yLabel(), true);
            if (k > 0) {
                c.put("panelOf", id).put("small", true).put("markerLabels", false);
            }
            Downsample.Mode mode = Downsample.Mode.of(p.metric());
            List<Series> fns = Charts.queueSeries(r, p.metric());
            addTopAndOthers(c.withArray("series"), fns, mode == Downsample.Mode.SUM ? x -> Palette.sum(x.values())
                    : x -> Palette.max(x.values()), mode, "functions");
            String more = Palette.legendNote(Math.min(TOP, fns.size()), fns.size(), mode == Downsample.Mode.SUM
                    ? "total" : "peak", "in the tables (" + othersNote(mode) + ")");
            c.put("note", k == 0 ? sentence + (more.isEmpty() ? "" : " " + more) : more);
            charts.add(c);
        }
    }

    /** One small chart per subnet (its own scale), the fullest first. */
    private void subnets(ArrayNode charts) {
        List<Series> subnets = new ArrayList<>();
        Map<String, RunSummary.SubnetSummary> sums = r.summary().subnets();
        for (String id : Charts.fullestFirst(r.summary())) { // as the Capacity table and the PNG order them
            Series s = ts.get(Metric.SUBNET_AVAILABLE_IPS, Metric.Scope.SUBNET, id);
            if (s != null) {
                subnets.add(s);
            }
        }
        int shown = 0;
        for (Series s : subnets) {
            if (shown++ >= MAX_SUBNET_PANELS) {
                break;
            }
            RunSummary.SubnetSummary sub = sums.get(s.id());
            ObjectNode c = chart("subnet-" + s.id(), "Free IPs in " + dev.enisim.report.Labels.of(r.scenario(), s.id())
                    + " (" + sub.cidr() + ", " + sub.az()
                    + ", " + num(sub.usableIps()) + " usable; minimum per " + bucket() + ")", "free IPs", true);
            c.put("small", true);
            // zoomed to the data (teardown's 249 -> 251 was flat on 0 to 300), the usable line when near, labels above
            long[] range = Charts.freeIpRange(Downsample.merge(s.values(), factor, Downsample.Mode.MIN),
                    sub.usableIps());
            c.put("yMin", range[0]);
            c.put("yMax", range[1]);
            // each subnet in its colour of charts/subnet-ips.png (the fullest first, a colour each): all were blue
            c.withArray("series").add(series(dev.enisim.report.Labels.of(r.scenario(), s.id()), "subnet", s.id(),
                    Palette.SERIES[(shown - 1) % Palette.DISTINCT], s.values(), Downsample.Mode.MIN, 1));
            c.withArray("lines").add(line(num(sub.usableIps()) + " usable", sub.usableIps(), Palette.OTHERS,
                    sub.usableIps() <= range[1]));
            c.set("lines", visible(c.withArray("lines"), c));
            if (shown == Math.min(MAX_SUBNET_PANELS, subnets.size())) {
                String more = Palette.legendNote(shown, subnets.size(), "fill", "in the subnet table");
                String note = c.get("note").asText();
                c.put("note", note.isEmpty() ? more : more.isEmpty() ? note : note + ". " + more);
            }
            charts.add(c);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /**
     * One colour per function or key on the whole page and in every chart file, apart from every other in each chart it
     * is drawn in (a teacher's review, C4): {@link dev.enisim.report.chart.SeriesColours}, the {@value
     * Palette#DISTINCT} most relevant in their colour of the palette, each past them in the one the run's chart files
     * give it. The page gave those past them colours of its own, page-wide (once chart by chart, so one function was
     * blue in one chart and teal in the next), and the chart files theirs chart by chart: shared-eni-65k's svc-06 was
     * blue on the page and ochre in concurrency.png. The latency chart's series are percentiles, coloured as
     * latency.png, and stay.
     */
    private void stableColours(ArrayNode charts) {
        dev.enisim.report.chart.SeriesColours colours = dev.enisim.report.chart.SeriesColours.of(r);
        for (com.fasterxml.jackson.databind.JsonNode c : charts) {
            if (c.get("id").asText().equals("latency")) {
                continue;
            }
            for (com.fasterxml.jackson.databind.JsonNode x : c.withArray("series")) {
                String scope = x.get("scope").asText();
                Metric.Scope sc = scope.equals("function") ? Metric.Scope.FUNCTION : scope.equals(
                        Metric.Scope.ENI_KEY.id()) ? Metric.Scope.ENI_KEY : null;
                String colour = sc == null ? Palette.OTHERS : colours.colour(sc, x.get("id").asText());
                if (!colour.equals(Palette.OTHERS)) {
                    ((ObjectNode) x).put("color", colour);
                }
                // a function's line in the sixth to tenth colour dashed as in the chart files (Palette.dash), unless
                // dashed already for the same values as another's
                float[] dash = sc == Metric.Scope.FUNCTION ? Palette.dash(x.get("color").asText()) : null;
                if (dash != null && !x.has("dash")) {
                    ArrayNode d = ((ObjectNode) x).putArray("dash");
                    for (float f : dash) {
                        d.add((int) f);
                    }
                }
            }
        }
    }

    /**
     * Adds the top {@value #TOP} series by {@code score} and, if any are left, one "others" series: for counts per
     * bucket (invocations, cold starts) their sum; for levels (a maximum per bucket: concurrency, ENIs, connections)
     * the highest of them in each bucket, so labelled. Summing the others' per-bucket maxima drew quota-500's 92
     * other functions at ~130 concurrent executions where the account never passed 15 (their peaks fall at
     * different moments of a bucket). Named series whose shared colour is the palette's grey get a distinct colour
     * of their own in this chart, and "others" is dashed: svc-006, svc-008 and others were three near-identical
     * greys.
     */
    private List<Series> addTopAndOthers(ArrayNode out, List<Series> candidates,
            java.util.function.ToLongFunction<Series> score, Downsample.Mode mode, String what) {
        return addTopAndOthers(out, candidates, score, mode, what, TOP);
    }

    private List<Series> addTopAndOthers(ArrayNode out, List<Series> candidates,
            java.util.function.ToLongFunction<Series> score, Downsample.Mode mode, String what, int n) {
        List<Series> top = Palette.top(candidates, n, score);
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Series s : top) {
            used.add(palette.colour(s.scope(), s.id()));
        }
        for (Series s : top) {
            String colour = palette.colour(s.scope(), s.id());
            if (colour.equals(Palette.OTHERS)) {
                colour = Palette.unused(used);
                used.add(colour);
            }
            out.add(series(s.scope() == Metric.Scope.FUNCTION || s.scope() == Metric.Scope.ACCOUNT ? s.id()
                    : dev.enisim.report.Labels.key(r.scenario(), s.id()), s.scope().id(), s.id(), colour, s.values(),
                    mode, 1));
        }
        if (candidates.size() > top.size()) {
            java.util.Set<Series> shown = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            shown.addAll(top);
            List<Series> rest = new ArrayList<>();
            for (Series s : candidates) {
                if (!shown.contains(s)) {
                    rest.add(s);
                }
            }
            boolean sum = mode == Downsample.Mode.SUM;
            long[] others = Palette.others(rest, ts.buckets(), sum);
            ObjectNode o = series("others (" + num(rest.size()) + " " + what + ", " + (sum ? "summed" : "highest of them")
                    + ")", "others", "", Palette.OTHERS, others, mode, 1);
            o.put("dash", true);
            out.add(o);
        }
        return top;
    }

    /**
     * Series with the same values throughout lie exactly on one another: each after the first of its group is dashed
     * (the one under it shows through the gaps) and the note names them (idle-reclaim's keys on subnet-batch-b hid
     * under those on subnet-batch-a).
     */
    private static void sameValues(ObjectNode c) {
        ArrayNode series = c.withArray("series");
        String same = Charts.sameValuesNote(series.size(), (a, b) -> series.get(a).get("values").equals(
                series.get(b).get("values")), i -> series.get(i).get("label").asText(),
                (j, nth) -> ((ObjectNode) series.get(j)).put("dash", true));
        if (same != null) {
            String note = c.get("note").asText();
            c.put("note", (note.isEmpty() ? "" : note + ". ") + same);
        }
    }

    /** How a chart's note names its "others" series. */
    private static String othersNote(Downsample.Mode mode) {
        return mode == Downsample.Mode.SUM ? "others: summed" : "others: the highest of them";
    }

    private List<Series> keySeries(Metric metric) {
        return Charts.nonZero(ts.all(metric, Metric.Scope.ENI_KEY));
    }

    private ObjectNode chart(String id, String title, String yLabel, boolean integer) {
        ObjectNode c = Json.obj().put("id", id).put("title", title).put("yLabel", yLabel).put("integer", integer)
                .put("stepped", true).put("note", "");
        c.putArray("series");
        c.putArray("lines");
        return c;
    }

    private ObjectNode series(String label, String scope, String id, String colour, long[] values,
            Downsample.Mode mode, double scale) {
        ObjectNode s = Json.obj().put("label", label).put("scope", scope).put("id", id).put("color", colour);
        ArrayNode v = s.putArray("values");
        for (long x : Downsample.merge(values, factor, mode)) {
            if (x < 0) {
                v.addNull();
            } else if (scale == 1) {
                v.add(x);
            } else {
                v.add(x * scale);
            }
        }
        return s;
    }

    /**
     * Series {@code s} drawn with the {@code n}th of {@link Palette#ERROR_DASHES} (on, off, ... in pixels), as the
     * image draws the outcome after Succeeded.
     */
    private static ObjectNode dashed(ObjectNode s, int n) {
        ArrayNode d = s.putArray("dash");
        for (float v : Palette.ERROR_DASHES[n % Palette.ERROR_DASHES.length]) {
            d.add(v);
        }
        return s;
    }

    private static ObjectNode line(String label, double value, String colour, boolean visible) {
        return Json.obj().put("label", label).put("value", value).put("color", colour).put("visible", visible);
    }

    /** Lines within reach of the data are drawn; the others are named in the note (or they would flatten it). */
    private static ArrayNode visible(ArrayNode lines, ObjectNode chart) {
        ArrayNode out = Json.arr();
        List<String> off = new ArrayList<>();
        lines.forEach(l -> {
            if (l.get("visible").asBoolean()) {
                out.add(l);
            } else {
                off.add(l.get("label").asText());
            }
        });
        if (!off.isEmpty()) {
            String note = chart.get("note").asText();
            chart.put("note", (note.isEmpty() ? "" : note + ". ") + "Above the scale: " + String.join(", ", off));
        }
        return out;
    }

    private String bucket() {
        return bucket(ts.bucketMicros() * factor / Seconds.MICROS);
    }

    /**
     * What a point of the latency chart is. A bucket's percentiles cannot be merged into a longer window's (the run keeps
     * each bucket's p50, p90 and p99, not its distribution), so a point of merged buckets is the highest of their values
     * (Downsample.Mode.MAX), and the title says so: a 30-day run's "p50 per 72 min" drew 145 ms where the run's p50 was
     * 100 ms (the simulation expert's review).
     */
    String latencyPer() {
        String own = bucket(ts.bucketMicros() / Seconds.MICROS);
        return factor == 1 ? "p50, p90 and p99 per " + own
                : "p50, p90 and p99 per " + own + ", each point the highest per-" + own + " value in its " + bucket();
    }

    /** A bucket of {@code s} seconds as a chart's title says it: "minute", "5 min", "hour", "2 days", "30 s". */
    static String bucket(long s) {
        if (s % 86_400 == 0) {
            return s == 86_400 ? "day" : (s / 86_400) + " days";
        }
        if (s % 3600 == 0) {
            return s == 3600 ? "hour" : (s / 3600) + " h";
        }
        if (s % 60 == 0) {
            return s == 60 ? "minute" : (s / 60) + " min";
        }
        return s + " s";
    }

    static String num(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
