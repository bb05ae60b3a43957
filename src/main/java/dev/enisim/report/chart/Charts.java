package dev.enisim.report.chart;

import dev.enisim.metrics.Metric;
import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Seconds;
import dev.enisim.metrics.Series;
import dev.enisim.metrics.TimeSeries;
import dev.enisim.report.Labels;
import dev.enisim.report.chart.ChartStyle.TimeUnit;
import dev.enisim.run.RunResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a run, built from its {@link RunResult} only. Dataset builders are separate so that tests can
 * check the series without looking at pixels. Long runs are downsampled to at most {@link #MAX_POINTS} points
 * per series (counts summed, levels keeping their extremes).
 */
public final class Charts {

    /** A chart and the file name it is written under (without extension). */
    public record Chart(String name, String title, JFreeChart chart) {
    }

    static final int MAX_POINTS = 600;
    static final int MAX_LINES = 10;

    private Charts() {
    }

    /** Every chart that has something to show for this run, in reading order. */
    public static List<Chart> all(RunResult r) {
        List<Chart> out = new ArrayList<>();
        Wording w = Wording.of(r);
        out.add(new Chart("invocations", "Invocations by outcome", invocations(r)));
        if (latencyDataset(r).getSeriesCount() > 0) {
            out.add(new Chart("latency", "Latency of successful invocations", latency(r)));
            out.add(new Chart("latency-by-function", "Latency p50 per function", latencyByFunction(r)));
        }
        out.add(new Chart("concurrency", "ConcurrentExecutions", concurrency(r)));
        out.add(new Chart("environments", "Execution environments per function", perFunctionChart(r,
                Metric.ENVIRONMENTS, "Execution environments per function (maximum per bucket)", "Environments")));
        out.add(new Chart("cold-starts", "Cold starts per function", perFunctionChart(r, Metric.COLD_STARTS,
                "Cold starts per function (per " + bucketLabel(r, Downsample.factor(r.timeSeries().buckets(),
                        MAX_POINTS)) + ")", "Cold starts")));
        // with keys left out, one line fewer: room for the others and the total over all keys (eleven at most)
        XYSeriesCollection enis = perKey(r, Metric.HYPERPLANE_ENI_COUNT, keyCount(r, Metric.HYPERPLANE_ENI_COUNT)
                > MAX_LINES ? MAX_LINES - 1 : MAX_LINES);
        if (enis.getSeriesCount() > 0) {
            int keysShown = enis.getSeriesCount();
            String others = othersOfKeys(r, Metric.HYPERPLANE_ENI_COUNT, enis);
            JFreeChart c = line(r, w.enisTitle(), "ENIs", enis, true);
            integerAxis(c);
            keyColours(r, c);
            keyLabels(r, c);
            sameValues(c);
            if (others != null) { // the keys not drawn, the highest of them, dashed grey: as the page's chart has them
                int i = enis.getSeriesIndex(others);
                c.getXYPlot().getRenderer().setSeriesPaint(i, java.awt.Color.decode(Palette.OTHERS));
                c.getXYPlot().getRenderer().setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
                String total = allKeys(r, Metric.HYPERPLANE_ENI_COUNT, enis);
                if (total != null) { // the total against the quota, in black, as the account is on concurrency
                    int t = enis.getSeriesIndex(total);
                    c.getXYPlot().getRenderer().setSeriesPaint(t, Color.decode(Palette.TOTAL));
                    c.getXYPlot().getRenderer().setSeriesStroke(t, new BasicStroke(2f));
                }
            }
            String legend = Palette.legendNote(keysShown, keyCount(r, Metric.HYPERPLANE_ENI_COUNT), "peak ENIs",
                    others == null ? "in summary.json eniKeys"
                            : "in summary.json eniKeys (others: the highest of them)");
            String together = others == null ? allKeysNote(r, keyCount(r, Metric.HYPERPLANE_ENI_COUNT)) : "";
            note(c, legend.isEmpty() ? together : together.isEmpty() ? legend : legend + ". " + together);
            out.add(new Chart("enis", w.enisTitle(), c));
            out.add(new Chart("connections", w.connectionsTitle(), connections(r)));
        }
        if (!r.summary().subnets().isEmpty()) {
            out.add(new Chart("subnet-ips", "Available IPs per subnet", subnets(r)));
        }
        NatChart.addTo(out, r);
        if (r.timeSeries().account(Metric.ASYNC_EVENTS_RECEIVED) != null) {
            // one chart of panels per function, the event age among them (it had an image of its own)
            out.add(new Chart("async-events", "Asynchronous events per function", asyncEvents(r)));
        }
        if (r.summary().accounts() != null) {
            out.add(new Chart("accounts-enis", "Hyperplane ENIs per account", accounts(r, Metric.HYPERPLANE_ENI_COUNT,
                    "Hyperplane ENIs per account (its own keys; maximum per bucket)", "ENIs")));
            out.add(new Chart("accounts-concurrency", "ConcurrentExecutions per account", accounts(r,
                    Metric.CONCURRENT_EXECUTIONS, "ConcurrentExecutions per account (against its own limit; maximum per"
                            + " bucket)", "Concurrent executions")));
        }
        if (r.summary().provisionedConcurrency() != null) {
            out.add(new Chart("provisioned-concurrency", "Provisioned concurrency allocated", perFunctionChart(r,
                    Metric.PROVISIONED_CONCURRENCY_ALLOCATED, "Provisioned concurrency allocated per function (usable;"
                            + " maximum per bucket)", "Environments")));
            out.add(new Chart("provisioned-invocations", "Provisioned concurrency: invocations and spillover",
                    provisioned(r)));
        }
        if (r.summary().sqs() != null) {
            out.add(new Chart("sqs-queues", "SQS queues per function", sqsQueues(r)));
        }
        if (!r.summary().functions().isEmpty()) {
            out.add(new Chart("timeline", "State timeline", StateTimeline.chart(r)));
        }
        WarmUpBand.shade(out, r); // the warm-up run --warm-up left out of the summary (nothing without it)
        return out;
    }

    static TimeUnit unit(RunResult r) {
        return TimeUnit.forDuration(r.summary().simulatedSeconds(), r.scenario().startsAt());
    }

    // ---- datasets -------------------------------------------------------------------------------------------

    /** x values of merged buckets (bucket starts) in the chart's time unit, and the merge factor. */
    private static XYSeries series(String key, long[] values, TimeSeries ts, TimeUnit unit, Downsample.Mode mode,
            double scale, boolean gaps) {
        int factor = Downsample.factor(values.length, MAX_POINTS);
        long[] merged = Downsample.merge(values, factor, mode);
        XYSeries s = new XYSeries(key, true, false);
        double step = Seconds.of(ts.bucketMicros() * factor) / unit.seconds();
        for (int i = 0; i < merged.length; i++) {
            if (merged[i] < 0 && gaps) {
                s.add(i * step, null);
            } else {
                s.add(i * step, Math.max(0, merged[i]) * scale);
            }
        }
        return s;
    }

    /** The account's invocations per bucket by outcome (each drawn from 0): success, function errors, throttles, errors. */
    public static DefaultTableXYDataset invocationsDataset(RunResult r) {
        TimeSeries ts = r.timeSeries();
        TimeUnit u = unit(r);
        DefaultTableXYDataset d = new DefaultTableXYDataset();
        for (Outcome o : outcomes(r)) {
            d.addSeries(series(o.name(), o.values(), ts, u, Downsample.Mode.SUM, 1, false));
        }
        return d;
    }

    /**
     * One outcome of the invocation requests, as the image and the page draw it: its values per bucket (not merged),
     * its colour, its dash pattern (null: solid) and its total.
     */
    public record Outcome(String name, long[] values, String colour, float[] dash, long total) {
    }

    /**
     * Succeeded, function errors, throttles, then each invoke error by exception, in that order, each in its colour
     * and (after Succeeded) a dash of its own ({@link Palette}): the same outcome looks the same in every panel.
     */
    public static List<Outcome> outcomes(RunResult r) {
        TimeSeries ts = r.timeSeries();
        Series inv = ts.account(Metric.INVOCATIONS);
        Series err = ts.account(Metric.ERRORS);
        long[] ok = new long[ts.buckets()];
        for (int i = 0; i < ok.length; i++) {
            ok[i] = inv.values()[i] - err.values()[i];
        }
        List<Outcome> out = new ArrayList<>();
        out.add(new Outcome("Succeeded", ok, Palette.SUCCEEDED, null, Palette.sum(ok)));
        out.add(outcome("Function errors", err.values(), Palette.FUNCTION_ERRORS, 0));
        out.add(outcome("Throttles (429)", ts.account(Metric.THROTTLES).values(), Palette.THROTTLES, 1));
        int e = 0;
        for (Series s : ts.invokeErrorsByException(Metric.Scope.ACCOUNT, "")) {
            out.add(outcome(s.exception(), s.values(), Palette.ERRORS[e % Palette.ERRORS.length], e + 2));
            e++;
        }
        return out;
    }

    private static Outcome outcome(String name, long[] values, String colour, int dash) {
        return new Outcome(name, values, colour, Palette.ERROR_DASHES[dash % Palette.ERROR_DASHES.length],
                Palette.sum(values));
    }

    /** The most panels of outcomes that did not succeed; past it, the smallest share the last panel. */
    public static final int MAX_FAILED_PANELS = 4;

    /**
     * The outcomes that did not succeed grouped into panels, each drawn on a scale of its own: one per outcome that
     * occurred, largest total first (the last panel holds the rest when there are more than
     * {@value #MAX_FAILED_PANELS}); outcomes that never occurred are in none. Indices into {@link #outcomes}.
     */
    public static List<List<Integer>> failedPanels(List<Outcome> outcomes) {
        List<Integer> occurred = new ArrayList<>();
        for (int i = 1; i < outcomes.size(); i++) {
            if (outcomes.get(i).total() > 0) {
                occurred.add(i);
            }
        }
        occurred.sort(java.util.Comparator.comparingLong((Integer i) -> -outcomes.get(i).total())
                .thenComparingInt(i -> i));
        List<List<Integer>> panels = new ArrayList<>();
        for (int k = 0; k < occurred.size(); k++) {
            if (k < MAX_FAILED_PANELS - 1 || occurred.size() == MAX_FAILED_PANELS) {
                panels.add(List.of(occurred.get(k)));
            } else {
                panels.add(List.copyOf(occurred.subList(k, occurred.size())));
                break;
            }
        }
        return panels;
    }

    /** A panel's heading: "ServiceException: 7,067 (2.3% of requests)", or the rest together. */
    public static String panelTitle(List<Outcome> outcomes, List<Integer> panel) {
        long requests = outcomes.stream().mapToLong(Outcome::total).sum();
        if (panel.size() == 1) {
            Outcome o = outcomes.get(panel.get(0));
            return o.name() + ": " + num(o.total()) + " (" + Wording.pct(o.total(), requests) + " of requests)";
        }
        List<String> parts = new ArrayList<>();
        for (int i : panel) {
            parts.add(outcomes.get(i).name() + " " + num(outcomes.get(i).total()));
        }
        return "The other outcomes: " + String.join(", ", parts);
    }

    private static String num(long v) {
        return String.format(java.util.Locale.ROOT, "%,d", v);
    }

    /** The account's latency p50/p90/p99 in milliseconds (gaps where nothing succeeded). */
    public static XYSeriesCollection latencyDataset(RunResult r) {
        XYSeriesCollection c = new XYSeriesCollection();
        TimeSeries ts = r.timeSeries();
        for (Metric m : List.of(Metric.LATENCY_P50, Metric.LATENCY_P90, Metric.LATENCY_P99)) {
            Series s = ts.account(m);
            if (s != null && java.util.Arrays.stream(s.values()).anyMatch(v -> v >= 0)) {
                c.addSeries(series(m.statistic(), s.values(), ts, unit(r), Downsample.Mode.MAX, m.unit().scale(), true));
            }
        }
        return c;
    }

    /** One series per ENI key (the busiest {@value #MAX_LINES} by peak) of {@code metric}. */
    public static XYSeriesCollection perKey(RunResult r, Metric metric) {
        return perKey(r, metric, MAX_LINES);
    }

    private static XYSeriesCollection perKey(RunResult r, Metric metric, int lines) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (Series s : Palette.top(keySeries(r, metric), lines, x -> Palette.max(x.values()))) {
            c.addSeries(series(s.id(), s.values(), r.timeSeries(), unit(r), Downsample.Mode.MAX, 1, false));
        }
        return c;
    }

    /**
     * Adds to {@code shown} (the top keys) one series for every other key, when there are any: the highest of them in
     * each bucket (quota-500's 500 keys of one ENI each drew ten flat lines at 1 and nothing of the 500 that reached
     * the quota; summing the keys' maxima claimed more than was ever there at once, so the total is drawn on its own:
     * {@link #allKeys}); returns its name, or null.
     */
    private static String othersOfKeys(RunResult r, Metric metric, XYSeriesCollection shown) {
        List<Series> all = keySeries(r, metric);
        if (all.size() <= shown.getSeriesCount()) {
            return null;
        }
        java.util.Set<String> drawn = new java.util.HashSet<>();
        for (int i = 0; i < shown.getSeriesCount(); i++) {
            drawn.add(String.valueOf(shown.getSeriesKey(i)));
        }
        List<Series> rest = new ArrayList<>();
        for (Series s : all) {
            if (!drawn.contains(s.id())) {
                rest.add(s);
            }
        }
        long[] highest = Palette.others(rest, r.timeSeries().buckets(), false);
        String name = "others (" + String.format(java.util.Locale.ROOT, "%,d", rest.size()) + " keys, highest of them)";
        shown.addSeries(series(name, highest, r.timeSeries(), unit(r), Downsample.Mode.MAX, 1, false));
        return name;
    }

    /** The name of the account's total of {@code metric} over all keys, added to {@code shown}; null if not kept. */
    private static String allKeys(RunResult r, Metric metric, XYSeriesCollection shown) {
        Series total = r.timeSeries().account(metric);
        if (total == null) {
            return null;
        }
        shown.addSeries(series(ALL_KEYS, total.values(), r.timeSeries(), unit(r), Downsample.Mode.MAX, 1, false));
        return ALL_KEYS;
    }

    /**
     * When the per-key ENI chart draws no total line (every key drawn) and has more than one key: the most ENIs of all
     * keys together at once, which the quota line counts. A teacher's review: eight flat lines at 1 on top of each
     * other under "vpc-main quota 500 (all keys)", the total of 8 nowhere. Empty otherwise.
     */
    public static String allKeysNote(RunResult r, int keys) {
        Series total = r.timeSeries().account(Metric.HYPERPLANE_ENI_COUNT);
        if (keys < 2 || total == null) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "All %,d keys together: at most %,d ENIs at once (a VPC's quota"
                + " counts all its keys)", keys, Palette.max(total.values()));
    }

    /** The series of a per-key chart that is the account's total over every key. */
    public static final String ALL_KEYS = "all keys";

    static List<Series> keySeries(RunResult r, Metric metric) {
        return nonZero(r.timeSeries().all(metric, Metric.Scope.ENI_KEY));
    }

    /** The series that are above zero somewhere. */
    public static List<Series> nonZero(List<Series> series) {
        List<Series> out = new ArrayList<>();
        for (Series s : series) {
            if (Palette.max(s.values()) > 0) {
                out.add(s);
            }
        }
        return out;
    }

    private static int keyCount(RunResult r, Metric metric) {
        return keySeries(r, metric).size();
    }

    /**
     * The connections chart's data: per key (the busiest by peak connections) its connections and, under
     * Hyperplane and when the connections come within half of it, its capacity {@code "capacity <key>"}: the
     * key's ENIs in service in each bucket ({@link #readyEnis}) times {@code connectionsPerEni} (so 2 ENIs hold
     * 130,000 by default).
     */
    public static XYSeriesCollection connectionsDataset(RunResult r) {
        XYSeriesCollection c = perKey(r, Metric.ENI_CONNECTIONS);
        if (!Wording.of(r).connectionCapacity()) {
            return c;
        }
        int perEni = r.scenario().hyperplane().connectionsPerEni();
        int n = c.getSeriesCount();
        for (int i = 0; i < n; i++) {
            String key = String.valueOf(c.getSeriesKey(i));
            Series enis = r.timeSeries().get(Metric.HYPERPLANE_ENI_COUNT, Metric.Scope.ENI_KEY, key);
            if (enis != null && c.getSeries(i).getMaxY() * 2 >= perEni) {
                c.addSeries(series("capacity " + key, capacity(readyEnis(r, key, enis.values().length), perEni),
                        r.timeSeries(), unit(r),
                        Downsample.Mode.MAX, 1, false));
            }
        }
        return c;
    }

    /**
     * The key's ENIs in service in each of {@code buckets} buckets: ready before the bucket ends, and neither asked
     * to be deleted nor orphaned before it starts (an ENI being created takes no connection: counting it showed a
     * scale-out's capacity a minute and more before the ENI could carry any, while requests failed for want of a
     * port).
     */
    public static long[] readyEnis(RunResult r, String key, int buckets) {
        long bucket = r.scenario().bucketMicros();
        long[] out = new long[buckets];
        for (RunResult.EniLifetime e : r.enis()) {
            if (!e.key().equals(key) || e.readySeconds().isEmpty()) {
                continue;
            }
            long ready = micros(e.readySeconds().getAsDouble());
            long gone = Long.MAX_VALUE; // out of service: deletion asked, orphaned or ended, whichever came first
            for (java.util.OptionalDouble t : List.of(e.deletionRequestedSeconds(), e.orphanedSeconds(),
                    e.endedSeconds())) {
                if (t.isPresent()) {
                    gone = Math.min(gone, micros(t.getAsDouble()));
                }
            }
            int first = (int) Math.min(buckets, ready / bucket);
            int last = gone == Long.MAX_VALUE ? buckets - 1 : (int) Math.min(buckets - 1, (gone - 1) / bucket);
            for (int i = first; i <= last; i++) {
                out[i]++;
            }
        }
        return out;
    }

    private static long micros(double seconds) {
        return Math.round(seconds * 1e6);
    }

    /** Capacity per bucket: the key's ENIs in service in that bucket times the connections one ENI holds. */
    public static long[] capacity(long[] enis, int perEni) {
        long[] out = new long[enis.length];
        for (int i = 0; i < enis.length; i++) {
            out[i] = Math.max(0, enis[i]) * (long) perEni;
        }
        return out;
    }

    /** One series per function (the {@value #MAX_LINES} with the highest total or peak) of {@code metric}. */
    public static XYSeriesCollection perFunction(RunResult r, Metric metric) {
        XYSeriesCollection c = new XYSeriesCollection();
        Downsample.Mode mode = Downsample.Mode.of(metric);
        java.util.function.ToLongFunction<Series> score = mode == Downsample.Mode.SUM ? x -> Palette.sum(x.values())
                : x -> Palette.max(x.values());
        for (Series s : Palette.top(functionSeries(r, metric), MAX_LINES, score)) {
            c.addSeries(series(s.id(), s.values(), r.timeSeries(), unit(r), mode, 1, false));
        }
        return c;
    }

    /** The function series of a metric that are not all zero, in the unit shown (ages in whole ms or s). */
    private static List<Series> functionSeries(RunResult r, Metric metric) {
        List<Series> shown = new ArrayList<>();
        for (Series s : r.timeSeries().all(metric, Metric.Scope.FUNCTION)) {
            long[] v = metric.unit().rounded(s.values());
            shown.add(v == s.values() ? s : new Series(s.scope(), s.id(), s.metric(), s.exception(), v));
        }
        return nonZero(shown);
    }

    /** Latency p50 (ms) of each of the busiest functions on its own: one slow function no longer hides the rest. */
    public static XYSeriesCollection latencyByFunctionDataset(RunResult r) {
        XYSeriesCollection c = new XYSeriesCollection();
        List<Series> p50 = functionSeries(r, Metric.LATENCY_P50);
        java.util.Map<String, Long> invocations = new java.util.HashMap<>();
        r.summary().functions().forEach((f, s) -> invocations.put(f, s.invocations().succeeded()));
        for (Series s : Palette.top(p50, MAX_LINES, x -> invocations.getOrDefault(x.id(), 0L))) {
            c.addSeries(series(s.id(), s.values(), r.timeSeries(), unit(r), Downsample.Mode.MAX,
                    Metric.LATENCY_P50.unit().scale(), true));
        }
        return c;
    }

    /**
     * Free addresses per subnet, labelled with the subnet's chart label ({@link Labels#chart}: its name first when
     * the scenario names it), CIDR and usable size.
     */
    public static XYSeriesCollection subnetDataset(RunResult r) {
        XYSeriesCollection c = new XYSeriesCollection();
        Map<String, RunSummary.SubnetSummary> subnets = r.summary().subnets();
        for (String id : chartedSubnets(r)) {
            Series s = r.timeSeries().get(Metric.SUBNET_AVAILABLE_IPS, Metric.Scope.SUBNET, id);
            RunSummary.SubnetSummary sub = subnets.get(id);
            c.addSeries(series(Labels.chart(r.scenario(), id) + " (" + sub.cidr() + ", " + sub.usableIps() + " usable)", s.values(),
                    r.timeSeries(), unit(r), Downsample.Mode.MIN, 1, false));
        }
        return c;
    }

    /**
     * The subnets' ids, the fullest first: the fewest free IPs for their size, then by id. The page's Capacity table
     * and subnet charts order them so; the PNG took the summary's order and left out the one subnet of 15 that ran out
     * (a 600-function account's).
     */
    public static List<String> fullestFirst(RunSummary s) {
        Map<String, RunSummary.SubnetSummary> subnets = s.subnets();
        List<String> ids = new ArrayList<>(subnets.keySet());
        ids.sort(java.util.Comparator.comparingDouble((String id) -> subnets.get(id).minAvailableIps()
                / (double) Math.max(1, subnets.get(id).usableIps())).thenComparing(id -> id));
        return ids;
    }

    /** The subnets the PNG draws: the fullest first ({@link #fullestFirst}) with a series, at most MAX_LINES. */
    private static List<String> chartedSubnets(RunResult r) {
        List<String> out = new ArrayList<>();
        for (String id : fullestFirst(r.summary())) {
            if (out.size() < MAX_LINES && r.timeSeries().get(Metric.SUBNET_AVAILABLE_IPS, Metric.Scope.SUBNET, id)
                    != null) {
                out.add(id);
            }
        }
        return out;
    }

    // ---- charts ---------------------------------------------------------------------------------------------

    /**
     * Panels on one time axis: the invocations that succeeded, then each outcome that did not succeed in a panel of its
     * own, on its own scale, headed by its total, and a sentence with every outcome's total. On one scale az-outage's
     * 7,067 ServiceExceptions (about 120 a minute under 2,400 successes, and under 2,350 ResourceConflictExceptions
     * in its first minute) were a faint line along 0: a reader did not see that invocations failed for an hour.
     */
    static JFreeChart invocations(RunResult r) {
        List<Outcome> outcomes = outcomes(r);
        DefaultTableXYDataset d = invocationsDataset(r);
        String per = bucketLabel(r, Downsample.factor(r.timeSeries().buckets(), MAX_POINTS));
        NumberAxis x = new ChartStyle.ClockAxis();
        x.setAutoRangeStickyZero(false); // a margin before 0: a value in the first bucket is not hidden by the axis
        org.jfree.chart.plot.CombinedDomainXYPlot combined = new org.jfree.chart.plot.CombinedDomainXYPlot(x);
        combined.setGap(12);
        List<List<Integer>> panels = new ArrayList<>();
        panels.add(List.of(0));
        panels.addAll(failedPanels(outcomes));
        for (int k = 0; k < panels.size(); k++) {
            // one step line per outcome, each from 0, as the page draws them (stacked areas here put the page's 4,600
            // succeeded and 600 failed at 5,300, and thinned a few invocations every 10 days to invisible spikes)
            DefaultTableXYDataset one = new DefaultTableXYDataset();
            XYStepRenderer lines = new XYStepRenderer();
            for (int i : panels.get(k)) {
                Outcome o = outcomes.get(i);
                try {
                    one.addSeries((XYSeries) d.getSeries(i).clone());
                } catch (CloneNotSupportedException e) {
                    throw new IllegalStateException(e);
                }
                int s = one.getSeriesCount() - 1;
                // colours apart for red/green colour-blind readers, and a dash of its own for every outcome but
                // Succeeded: the outcomes are not told by colour alone
                lines.setSeriesPaint(s, Color.decode(o.colour()));
                lines.setSeriesStroke(s, o.dash() == null ? new BasicStroke(2f) : new BasicStroke(2f,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, o.dash(), 0f));
            }
            lines.setLegendLine(new java.awt.geom.Line2D.Double(-16, 0, 16, 0)); // long enough to show the dash
            XYPlot p = panel(one, lines, k == 0 ? "Succeeded per " + per : "per " + per);
            if (k > 0) {
                org.jfree.chart.title.TextTitle head = new org.jfree.chart.title.TextTitle(panelTitle(outcomes,
                        panels.get(k)), ChartStyle.LABEL);
                head.setPaint(new Color(0x212121));
                head.setBackgroundPaint(new Color(255, 255, 255, 220));
                p.addAnnotation(new org.jfree.chart.annotations.XYTitleAnnotation(0.005, 0.99, head,
                        org.jfree.chart.ui.RectangleAnchor.TOP_LEFT));
            }
            mark(r, p, k == 0);
            combined.add(p, k == 0 ? 3 : 2);
        }
        JFreeChart chart = new JFreeChart("Invocations by outcome", ChartStyle.TITLE, combined, true);
        ChartStyle.apply(chart, unit(r), "");
        note(chart, failedSentence(r));
        key(r, chart);
        return chart;
    }

    /** The height of the invocations chart's image: the succeeded panel, and 110 px for each failure panel. */
    static int invocationsHeight(RunResult r) {
        return 380 + 110 * failedPanels(outcomes(r)).size();
    }

    /** One panel of the invocations chart: its lines, a dot on each value alone, a whole-number axis from 0. */
    private static XYPlot panel(DefaultTableXYDataset d, XYStepRenderer lines, String label) {
        NumberAxis y = new NumberAxis(label);
        y.setLabelFont(ChartStyle.LABEL);
        y.setTickLabelFont(ChartStyle.TICK);
        y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.##",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
        y.setUpperMargin(0.28); // a lane above the data for the action labels, or the panel's heading
        y.setStandardTickUnits(RootTickUnits.integers());
        y.setAutoRangeMinimumSize(1);
        y.setRangeType(org.jfree.data.RangeType.POSITIVE);
        XYPlot p = new XYPlot(d, null, y, lines);
        p.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(new Color(0xE0E0E0));
        p.setRangeGridlinePaint(new Color(0xE0E0E0));
        p.setOutlineVisible(false);
        markAlone(p, d, lines);
        return p;
    }

    /**
     * Every outcome's total in one sentence, for the invocations chart of the image and the page alike: "9,417 of
     * 301,968 invocation requests did not succeed (3.1%): ServiceException 7,067, ResourceConflictException 2,350,
     * each drawn on a scale of its own; Function errors 0, Throttles (429) 0.", or "Every one of the 301,968
     * invocation requests succeeded." Counted from the time series the chart draws.
     */
    public static String failedSentence(RunResult r) {
        List<Outcome> outcomes = outcomes(r);
        long total = outcomes.stream().mapToLong(Outcome::total).sum();
        long bad = total - outcomes.get(0).total();
        if (bad == 0) {
            return "Every one of the " + num(total) + " invocation requests succeeded.";
        }
        List<String> occurred = new ArrayList<>();
        for (List<Integer> panel : failedPanels(outcomes)) {
            for (int i : panel) {
                occurred.add(outcomes.get(i).name() + " " + num(outcomes.get(i).total()));
            }
        }
        List<String> none = new ArrayList<>();
        for (Outcome o : outcomes.subList(1, outcomes.size())) {
            if (o.total() == 0) {
                none.add(o.name() + " 0");
            }
        }
        return num(bad) + " of " + num(total) + " invocation requests did not succeed (" + Wording.pct(bad, total)
                + "): " + String.join(", ", occurred) + (occurred.size() == 1 ? ", drawn on a scale of its own"
                        : ", each drawn on a scale of its own") + (none.isEmpty() ? "" : "; " + String.join(", ", none))
                + ".";
    }

    /**
     * A dot on each value that stands alone (above 0, its neighbours 0 or absent), in its series' colour, drawn by a
     * second renderer over the same data: in a 45-day run a bucket is a pixel or two wide, so a few invocations every
     * 10 days drew nothing a reader could see.
     */
    static void markAlone(XYPlot plot, org.jfree.data.xy.XYDataset d, XYLineAndShapeRenderer lines) {
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean getItemShapeVisible(int series, int item) {
                return alone(d, series, item);
            }

            @Override
            public org.jfree.chart.LegendItem getLegendItem(int datasetIndex, int series) {
                return null; // the lines' legend names the series
            }
        };
        dots.setDefaultShape(new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
        dots.setAutoPopulateSeriesShape(false);
        for (int i = 0; i < d.getSeriesCount(); i++) {
            dots.setSeriesPaint(i, lines.getSeriesPaint(i));
        }
        // a dataset object of its own: the plot finds a dataset's renderer by the object, and the lines' renderer
        // would otherwise draw the legend a second time
        XYSeriesCollection same = new XYSeriesCollection();
        for (int i = 0; i < d.getSeriesCount(); i++) {
            XYSeries copy = new XYSeries(d.getSeriesKey(i), true, false);
            for (int k = 0; k < d.getItemCount(i); k++) {
                copy.add(d.getX(i, k), d.getY(i, k));
            }
            same.addSeries(copy);
        }
        int index = plot.getDatasetCount();
        plot.setDataset(index, same);
        plot.setRenderer(index, dots);
    }

    /** Above 0 with no value above 0 either side of it. */
    static boolean alone(org.jfree.data.xy.XYDataset d, int series, int item) {
        double v = d.getYValue(series, item);
        if (!(v > 0)) {
            return false;
        }
        int n = d.getItemCount(series);
        return (item == 0 || !(d.getYValue(series, item - 1) > 0)) && (item == n - 1
                || !(d.getYValue(series, item + 1) > 0));
    }

    /**
     * The latency charts' word on merged buckets, null when a point is one bucket: a bucket's percentiles cannot be
     * merged into a longer window's (the run keeps each bucket's p50, p90 and p99, not its distribution), so a point of
     * merged buckets is the highest of their values (a 30-day run's p50 line drew 145 ms where the run's p50 was 100 ms).
     */
    public static String latencyMerged(RunResult r) {
        TimeSeries ts = r.timeSeries();
        int factor = Downsample.factor(ts.buckets(), MAX_POINTS);
        return factor == 1 ? null : "Each point is the highest of " + factor + " buckets' percentiles (a bucket is "
                + bucketLabel(r, 1) + "), not the percentile of the " + bucketLabel(r, factor) + ": see summary.json for"
                + " the run's own";
    }

    static JFreeChart latency(RunResult r) {
        JFreeChart chart = line(r, "Latency of successful invocations, all functions (init + duration)",
                "Latency (ms)", latencyDataset(r), false);
        note(chart, "All functions pooled: see latency-by-function (or the interactive page) for each one");
        note(chart, latencyMerged(r));
        sameValues(chart); // p50 = p90 = p99 (burst-scaling) hid two of the three lines without a word
        return chart;
    }

    static JFreeChart latencyByFunction(RunResult r) {
        XYSeriesCollection d = latencyByFunctionDataset(r);
        JFreeChart chart = line(r, "Latency p50 per function (init + duration; maximum per bucket)", "Latency (ms)",
                d, false);
        functionColours(r, chart);
        note(chart, latencyMerged(r));
        note(chart, Palette.legendNote(d.getSeriesCount(), functionSeries(r, Metric.LATENCY_P50).size(),
                "successful invocations", "in summary.json functions"));
        return chart;
    }

    /** One line per function (the busiest first) of a metric kept per function. */
    static JFreeChart perFunctionChart(RunResult r, Metric metric, String title, String yLabel) {
        XYSeriesCollection d = perFunction(r, metric);
        JFreeChart chart = line(r, title, yLabel, d, true);
        integerAxis(chart);
        functionColours(r, chart);
        sameValues(chart);
        note(chart, Palette.legendNote(d.getSeriesCount(), functionSeries(r, metric).size(),
                Downsample.Mode.of(metric) == Downsample.Mode.SUM ? "total" : "peak", "in summary.json functions"));
        return chart;
    }

    /**
     * The report's look for a chart made elsewhere (sweep charts): white, the report's fonts and grid, numbers
     * with thousands separators, and an optional note under the title.
     */
    public static void reportStyle(JFreeChart chart, String note) {
        XYPlot plot = ChartStyle.base(chart);
        for (org.jfree.chart.axis.ValueAxis a : new org.jfree.chart.axis.ValueAxis[] {plot.getDomainAxis(),
            plot.getRangeAxis()}) {
            a.setLabelFont(ChartStyle.LABEL);
            a.setTickLabelFont(ChartStyle.TICK);
            if (a instanceof NumberAxis n && !(n instanceof org.jfree.chart.axis.SymbolAxis)) {
                n.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###",
                        java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
            }
        }
        note(chart, note);
    }

    /**
     * Whole-number axis: ticks at integers only (ENIs, environments, cold starts, executions), never below 0 (a
     * minimum span of 2 around values of 0 and 1 ran the ENI axis down to -0.5).
     */
    public static void integerAxis(JFreeChart chart) {
        NumberAxis y = (NumberAxis) chart.getXYPlot().getRangeAxis();
        y.setStandardTickUnits(RootTickUnits.integers());
        y.setAutoRangeMinimumSize(1); // 2 was centred on the data: 0 and 1 drew -0.5 to 1.5
        y.setRangeType(org.jfree.data.RangeType.POSITIVE);
    }

    /**
     * Series with the same value in every bucket lie exactly on one another: each one after the first of its group is
     * dashed (the one under it shows through the gaps) and the note names them. idle-reclaim's keys on subnet-batch-b
     * hid under those on subnet-batch-a, and the legend listed four keys where two lines showed.
     */
    static void sameValues(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        org.jfree.data.xy.XYDataset d = plot.getDataset();
        String note = sameValuesNote(d.getSeriesCount(), (a, b) -> identical(d, a, b),
                i -> plot.getRenderer().getLegendItemLabelGenerator().generateLabel(d, i), (j, nth) -> plot.getRenderer().setSeriesStroke(j,
                        new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f},
                                6f * (nth % 2))));
        if (note != null) {
            plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD); // the dashed ones on top
            note(chart, note);
        }
    }

    /** Told each series drawn dashed over an identical one: its index and its place in its group (from 1). */
    @FunctionalInterface
    public interface Dash {
        void dash(int series, int nthInGroup);
    }

    /**
     * The groups of series with the same values throughout, among {@code n} ({@code equal} says which are), for the
     * image and the page alike: each series after the first of its group is given to {@code dash}, and the note
     * naming the groups is returned ("Same values throughout, drawn on one another (dashed): A = B"), or null.
     */
    public static String sameValuesNote(int n, java.util.function.BiPredicate<Integer, Integer> equal,
            java.util.function.IntFunction<String> label, Dash dash) {
        List<String> groups = new ArrayList<>();
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (done[i]) {
                continue;
            }
            List<String> same = new ArrayList<>();
            for (int j = i + 1; j < n; j++) {
                if (!done[j] && equal.test(i, j)) {
                    done[j] = true;
                    same.add(label.apply(j));
                    dash.dash(j, same.size());
                }
            }
            if (!same.isEmpty()) {
                groups.add(label.apply(i) + " = " + String.join(" = ", same));
            }
        }
        return groups.isEmpty() ? null : "Same values throughout, drawn on one another (dashed): "
                + String.join("; ", groups);
    }

    private static boolean identical(org.jfree.data.xy.XYDataset d, int a, int b) {
        if (d.getItemCount(a) != d.getItemCount(b)) {
            return false;
        }
        for (int k = 0; k < d.getItemCount(a); k++) {
            if (Double.compare(d.getYValue(a, k), d.getYValue(b, k)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** A note under the title, e.g. "top 10 of 60 by peak ENIs; 50 more in summary.json eniKeys". */
    static void note(JFreeChart chart, String text) {
        if (text != null && !text.isEmpty()) {
            org.jfree.chart.title.TextTitle t = new org.jfree.chart.title.TextTitle(text, ChartStyle.LABEL);
            t.setPaint(new Color(0x616161));
            chart.addSubtitle(t);
        }
    }

    /** Each series named after a function takes that function's colour, the same in every chart and on the page. */
    static void functionColours(RunResult r, JFreeChart chart) {
        colours(chart, SeriesColours.of(r), Metric.Scope.FUNCTION);
    }

    /**
     * Each series named after a key (or "capacity KEY") is labelled in the legend (and the same-values note) as the
     * page labels it, short enough for the image ({@link Labels#chartKey}: "private-a (subnet-0a1b…)+[api-lambda
     * (sg-0aaa…)]" when the scenario names them); the series keep the keys, which colour them.
     */
    static void keyLabels(RunResult r, JFreeChart chart) {
        chart.getXYPlot().getRenderer().setLegendItemLabelGenerator((d, series) -> keyLabel(r,
                String.valueOf(d.getSeriesKey(series))));
    }

    /** A key's series label: {@link Labels#chartKey}, after "capacity " for its capacity line. */
    static String keyLabel(RunResult r, String series) {
        String capacity = "capacity ";
        return series.startsWith(capacity) ? capacity + Labels.chartKey(r.scenario(), series.substring(
                capacity.length())) : Labels.chartKey(r.scenario(), series);
    }

    /** Each series named after a key (or "capacity KEY") takes that key's colour, the same in every chart. */
    static void keyColours(RunResult r, JFreeChart chart) {
        colours(chart, SeriesColours.of(r), Metric.Scope.ENI_KEY);
    }

    private static void colours(JFreeChart chart, SeriesColours p, Metric.Scope scope) {
        XYPlot plot = chart.getXYPlot();
        org.jfree.data.xy.XYDataset d = plot.getDataset();
        // each function or key in its colour of the run (SeriesColours); one no chart file was thought to draw takes a
        // colour this chart does not use (several greys looked alike)
        java.util.Set<String> used = new java.util.HashSet<>();
        Map<String, String> own = new java.util.HashMap<>();
        for (int i = 0; i < d.getSeriesCount(); i++) {
            String id = String.valueOf(d.getSeriesKey(i));
            used.add(p.colour(scope, id.startsWith("capacity ") ? id.substring("capacity ".length()) : id));
        }
        for (int i = 0; i < d.getSeriesCount(); i++) {
            String id = String.valueOf(d.getSeriesKey(i));
            boolean capacity = id.startsWith("capacity ");
            String of = capacity ? id.substring("capacity ".length()) : id;
            String colour = p.colour(scope, of);
            if (colour.equals(Palette.OTHERS) && !of.startsWith("others (") && !of.equals(ALL_KEYS)
                    && !of.equals("Account")) {
                colour = own.computeIfAbsent(of, k -> {
                    String c = Palette.unused(used);
                    used.add(c);
                    return c;
                });
            }
            plot.getRenderer().setSeriesPaint(i, Color.decode(colour));
            float[] dash = scope == Metric.Scope.FUNCTION ? Palette.dash(colour) : null;
            if (dash != null) { // a second cue besides colour (Palette.SERIES_DASHES)
                plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, dash, 0f));
            }
            if (capacity) {
                plot.getRenderer().setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            }
        }
    }

    /**
     * One panel of the queued events' chart (the asynchronous functions' event queue, or the SQS queues that feed
     * functions): its heading, its axis label, and the metric drawn per function (one line each, in its colour).
     */
    public record QueuePanel(String id, String title, String yLabel, Metric metric) {
    }

    /**
     * The asynchronous functions' panels, in AWS's words with the metric's name after them: events received, events
     * waiting in Lambda's queue, the age of an event when it is tried, then (only when some occurred) events dropped
     * and failed sends to the DLQ or on-failure destination. {@code per} names the bucket ("10 s", "minute").
     * async-events.png drew the account's raw metric names summed over functions, counts and a level on one axis.
     */
    public static List<QueuePanel> asyncPanels(RunResult r, String per) {
        List<QueuePanel> out = new ArrayList<>();
        out.add(new QueuePanel("received", "Events received: queued for the function (AsyncEventsReceived), per "
                + per, "received per " + per, Metric.ASYNC_EVENTS_RECEIVED));
        out.add(new QueuePanel("queued", "Events waiting in Lambda's event queue to be tried or retried (maximum per "
                + per + ")", "waiting", Metric.ASYNC_EVENTS_QUEUED));
        out.add(new QueuePanel("age", "Event age: queued to tried, ms (AsyncEventAge, maximum per " + per + ")",
                "ms", Metric.ASYNC_EVENT_AGE));
        out.add(new QueuePanel("dropped", "Events dropped: too old or out of retries, sent first to the DLQ or"
                + " on-failure destination when one is set (AsyncEventsDropped), per " + per, "per " + per,
                Metric.ASYNC_EVENTS_DROPPED));
        out.add(new QueuePanel("dead-letter-errors", "Failed sends to the dead-letter queue (DeadLetterErrors), per "
                + per, "per " + per, Metric.DEAD_LETTER_ERRORS));
        out.add(new QueuePanel("destination-failures", "Failed sends to the on-failure destination"
                + " (DestinationDeliveryFailures), per " + per, "per " + per, Metric.DESTINATION_DELIVERY_FAILURES));
        return withData(r, out, 3);
    }

    /** The SQS queues' panels (one queue per SQS-fed function): messages visible, the oldest's age, to the DLQ. */
    public static List<QueuePanel> sqsPanels(RunResult r, String per) {
        List<QueuePanel> out = new ArrayList<>();
        out.add(new QueuePanel("visible", "Messages waiting in each function's SQS queue"
                + " (ApproximateNumberOfMessagesVisible, maximum per " + per + ")", "messages visible",
                Metric.APPROXIMATE_NUMBER_OF_MESSAGES_VISIBLE));
        out.add(new QueuePanel("oldest", "Age of the oldest message in the queue, s (ApproximateAgeOfOldestMessage,"
                + " maximum per " + per + ")", "s", Metric.APPROXIMATE_AGE_OF_OLDEST_MESSAGE));
        out.add(new QueuePanel("dead-letter", "Messages moved to the queue's DLQ after maxReceiveCount receives, per "
                + per, "per " + per, Metric.SQS_MESSAGES_TO_DEAD_LETTER_QUEUE));
        return withData(r, out, 2);
    }

    /** The first {@code always} panels, and the others only when some function has data in them. */
    private static List<QueuePanel> withData(RunResult r, List<QueuePanel> panels, int always) {
        List<QueuePanel> out = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            if (i < always || !queueSeries(r, panels.get(i).metric()).isEmpty()) {
                out.add(panels.get(i));
            }
        }
        return out;
    }

    /** A queue metric's function series that are above zero somewhere, in the unit shown (ages in whole ms or s). */
    public static List<Series> queueSeries(RunResult r, Metric metric) {
        return functionSeries(r, metric);
    }

    /**
     * Each asynchronous function's totals in AWS's words, for the chart's note: "thumbnails: 600 events received, 600
     * succeeded (121 after retries), 612 retries, 0 dropped". Up to {@value #MAX_LINES} functions, the busiest first.
     */
    public static String asyncSentence(RunResult r) {
        return busiestFirst(r.summary().async(), RunSummary.AsyncSummary::received, (f, a) -> {
            StringBuilder b = new StringBuilder(f).append(": ").append(num(a.received())).append(" events received, ")
                    .append(num(a.succeeded())).append(" succeeded (").append(num(a.succeededAfterRetries()))
                    .append(" after retries), ").append(num(a.functionErrorRetries() + a.systemRetries()))
                    .append(" retries, ").append(num(a.dropped())).append(" dropped");
            List<String> why = new ArrayList<>();
            a.dropReasons().forEach((reason, n) -> {
                if (n > 0) {
                    why.add(reason + " " + num(n));
                }
            });
            if (!why.isEmpty()) {
                b.append(" (").append(String.join(", ", why)).append(")");
            }
            if (a.sentToDeadLetterQueue() > 0) {
                b.append(", ").append(num(a.sentToDeadLetterQueue())).append(" sent to its DLQ");
            }
            if (a.sentToDestination() > 0) {
                b.append(", ").append(num(a.sentToDestination())).append(" sent to its on-failure destination");
            }
            if (a.refused() > 0) {
                b.append(", ").append(num(a.refused())).append(" refused before queueing");
            }
            if (a.queuedAtEnd() > 0) {
                b.append(", ").append(num(a.queuedAtEnd())).append(" still queued at the end");
            }
            return b.toString();
        }, "async");
    }

    /** Each SQS queue's totals, for the chart's note: "order-export: 60,000 messages sent, 60,000 deleted, ...". */
    public static String sqsSentence(RunResult r) {
        return busiestFirst(r.summary().sqs(), RunSummary.SqsSummary::sent, (f, q) -> f + "'s queue: " + num(q.sent())
                + " messages sent, " + num(q.deleted()) + " deleted (processed), " + num(q.returnedToQueue())
                + " returned to the queue, " + num(q.throttledAttempts()) + " throttled attempts, "
                + num(q.movedToDeadLetterQueue()) + " moved to the DLQ, " + num(q.expired()) + " expired, "
                + num(q.visibleAtEnd()) + " still visible at the end", "sqs");
    }

    /**
     * The words of each function's totals, the {@value #MAX_LINES} busiest by {@code size} first (then by name), joined
     * in one sentence, and how many more summary.json's {@code where} has; "" when there are none.
     */
    private static <T> String busiestFirst(Map<String, T> byFunction, java.util.function.ToLongFunction<T> size,
            java.util.function.BiFunction<String, T, String> words, String where) {
        if (byFunction == null || byFunction.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>(byFunction.keySet());
        names.sort(java.util.Comparator.comparingLong((String f) -> -size.applyAsLong(byFunction.get(f)))
                .thenComparing(f -> f));
        List<String> parts = new ArrayList<>();
        for (String f : names.subList(0, Math.min(MAX_LINES, names.size()))) {
            parts.add(words.apply(f, byFunction.get(f)));
        }
        String more = names.size() > MAX_LINES ? "; " + num(names.size() - MAX_LINES) + " more in summary.json "
                + where : "";
        return String.join("; ", parts) + more + ".";
    }

    /**
     * The queued events in panels on one time axis, one line per function in its colour: what Lambda's event queue
     * (async) or the SQS queues did, in AWS's words. async-events.png drew "AsyncEventsReceived",
     * "AsyncEventsDropped" and "Sim.AsyncEventsQueued" summed over functions, counts per bucket and a level on one
     * axis.
     */
    static JFreeChart queueChart(RunResult r, String title, List<QueuePanel> panels, String sentence) {
        NumberAxis x = new ChartStyle.ClockAxis();
        x.setAutoRangeStickyZero(false);
        org.jfree.chart.plot.CombinedDomainXYPlot combined = new org.jfree.chart.plot.CombinedDomainXYPlot(x);
        combined.setGap(12);
        SeriesColours colours = SeriesColours.of(r);
        for (int k = 0; k < panels.size(); k++) {
            QueuePanel qp = panels.get(k);
            DefaultTableXYDataset one = new DefaultTableXYDataset();
            XYStepRenderer lines = new XYStepRenderer();
            Downsample.Mode mode = Downsample.Mode.of(qp.metric());
            java.util.function.ToLongFunction<Series> score = mode == Downsample.Mode.SUM
                    ? s -> Palette.sum(s.values()) : s -> Palette.max(s.values());
            for (Series s : Palette.top(queueSeries(r, qp.metric()), MAX_LINES, score)) {
                one.addSeries(series(s.id(), s.values(), r.timeSeries(), unit(r), mode, 1, false));
                int i = one.getSeriesCount() - 1;
                String colour = colours.colour(Metric.Scope.FUNCTION, s.id());
                float[] dash = Palette.dash(colour); // a second cue besides colour (Palette.SERIES_DASHES)
                lines.setSeriesPaint(i, Color.decode(colour));
                lines.setSeriesStroke(i, dash == null ? new BasicStroke(2f) : new BasicStroke(2f,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
                lines.setSeriesVisibleInLegend(i, k == 0);
            }
            XYPlot p = panel(one, lines, qp.yLabel());
            org.jfree.chart.title.TextTitle head = new org.jfree.chart.title.TextTitle(qp.title(), ChartStyle.LABEL);
            head.setPaint(new Color(0x212121));
            head.setBackgroundPaint(new Color(255, 255, 255, 220));
            p.addAnnotation(new org.jfree.chart.annotations.XYTitleAnnotation(0.005, 0.99, head,
                    org.jfree.chart.ui.RectangleAnchor.TOP_LEFT));
            mark(r, p, false);
            combined.add(p, 1);
        }
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, combined, true);
        ChartStyle.apply(chart, unit(r), "");
        note(chart, sentence);
        key(r, chart);
        return chart;
    }

    /** The asynchronous functions' event queue, per function ({@link #asyncPanels}). */
    static JFreeChart asyncEvents(RunResult r) {
        String per = bucketLabel(r, Downsample.factor(r.timeSeries().buckets(), MAX_POINTS));
        return queueChart(r, "Asynchronous events per function (Lambda's event queue)", asyncPanels(r, per),
                asyncSentence(r));
    }

    /** The SQS queues that feed functions, per function ({@link #sqsPanels}). */
    static JFreeChart sqsQueues(RunResult r) {
        String per = bucketLabel(r, Downsample.factor(r.timeSeries().buckets(), MAX_POINTS));
        return queueChart(r, "SQS queues per function (event source mappings)", sqsPanels(r, per), sqsSentence(r));
    }

    /** The height of a queue chart's image: 170 px a panel and room for the title, legend and note. */
    static int queueHeight(int panels) {
        return 200 + 170 * panels;
    }

    /** Several accounts on shared VPCs: one line per account of its {@code account} row's {@code metric}. */
    static JFreeChart accounts(RunResult r, Metric metric, String title, String yLabel) {
        XYSeriesCollection c = new XYSeriesCollection();
        TimeSeries ts = r.timeSeries();
        for (String id : r.summary().accounts().keySet()) {
            c.addSeries(series(id, ts.get(metric, Metric.Scope.ACCOUNT, id).values(), ts, unit(r), Downsample.Mode.MAX,
                    1, false));
        }
        JFreeChart chart = line(r, title, yLabel, c, true);
        integerAxis(chart);
        return chart;
    }

    /**
     * The account's invocations that ran on provisioned concurrency and those that spilled over to on-demand
     * environments (per bucket).
     */
    static JFreeChart provisioned(RunResult r) {
        XYSeriesCollection c = new XYSeriesCollection();
        TimeSeries ts = r.timeSeries();
        for (Metric m : List.of(Metric.PROVISIONED_CONCURRENCY_INVOCATIONS,
                Metric.PROVISIONED_CONCURRENCY_SPILLOVER_INVOCATIONS)) {
            c.addSeries(series(m.metric(), ts.account(m).values(), ts, unit(r), Downsample.Mode.SUM, 1,
                    false));
        }
        JFreeChart chart = line(r, "Invocations on provisioned concurrency and spillover (per " + bucketLabel(r,
                Downsample.factor(ts.buckets(), MAX_POINTS)) + ")", "Invocations", c, true);
        integerAxis(chart);
        return chart;
    }

    static JFreeChart concurrency(RunResult r) {
        XYSeriesCollection c = new XYSeriesCollection();
        TimeSeries ts = r.timeSeries();
        c.addSeries(series("Account", ts.account(Metric.CONCURRENT_EXECUTIONS).values(), ts, unit(r),
                Downsample.Mode.MAX, 1, false));
        XYSeriesCollection fns = perFunction(r, Metric.CONCURRENT_EXECUTIONS);
        for (int i = 0; i < fns.getSeriesCount() && i < MAX_LINES - 1; i++) {
            c.addSeries(fns.getSeries(i));
        }
        JFreeChart chart = line(r, "ConcurrentExecutions (maximum per bucket)", "Concurrent executions", c, true);
        integerAxis(chart);
        functionColours(r, chart);
        chart.getXYPlot().getRenderer().setSeriesPaint(0, Color.decode(Palette.TOTAL));
        note(chart, Palette.legendNote(c.getSeriesCount() - 1, functionSeries(r, Metric.CONCURRENT_EXECUTIONS)
                .size(), "peak", "in summary.json functions"));
        XYPlot plot = chart.getXYPlot();
        long peak = Palette.max(ts.account(Metric.CONCURRENT_EXECUTIONS).values());
        ValueMarker limit = new ValueMarker(r.scenario().account().concurrencyLimit());
        limit.setPaint(ChartStyle.THROTTLE);
        limit.setStroke(new BasicStroke(1.5f));
        limit.setLabel("account limit " + r.scenario().account().concurrencyLimit());
        limit.setLabelFont(ChartStyle.MARKER);
        limit.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        limit.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
        if (peak * 2 >= r.scenario().account().concurrencyLimit()) {
            plot.addRangeMarker(limit); // only near the data, or the scale would flatten them
        }
        for (var f : r.scenario().functions()) {
            if (f.reservedConcurrency().isPresent() && peak * 2 >= f.reservedConcurrency().getAsInt()) {
                ValueMarker m = new ValueMarker(f.reservedConcurrency().getAsInt());
                // in the function's colour, as on the page (a blue-grey #90A4AE here, 2.4:1 on white)
                m.setPaint(Color.decode(SeriesColours.of(r).colour(Metric.Scope.FUNCTION, f.name())));
                m.setLabel(f.name() + " reserved " + f.reservedConcurrency().getAsInt());
                m.setLabelFont(ChartStyle.MARKER);
                m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
                plot.addRangeMarker(m);
            }
        }
        return chart;
    }

    static JFreeChart connections(RunResult r) {
        XYSeriesCollection c = connectionsDataset(r);
        Wording w = Wording.of(r);
        JFreeChart chart = line(r, w.connectionsTitle() + " (maximum per bucket)", "Connections", c, true);
        integerAxis(chart);
        keyColours(r, chart);
        keyLabels(r, chart);
        String note = Palette.legendNote(perKey(r, Metric.ENI_CONNECTIONS).getSeriesCount(),
                keyCount(r, Metric.ENI_CONNECTIONS), "peak connections", "in summary.json eniKeys");
        if (w.connectionCapacity()) {
            boolean drawn = false;
            for (int i = 0; i < c.getSeriesCount(); i++) {
                drawn |= String.valueOf(c.getSeriesKey(i)).startsWith("capacity ");
            }
            note = (note.isEmpty() ? "" : note + ". ") + (drawn ? "Dashed: capacity = the key's ENIs x "
                    + String.format(java.util.Locale.ROOT, "%,d", r.scenario().hyperplane().connectionsPerEni())
                    : "Capacity (ENIs x " + String.format(java.util.Locale.ROOT, "%,d",
                    r.scenario().hyperplane().connectionsPerEni()) + ") not drawn: no key came within half of it");
        }
        note(chart, note);
        return chart;
    }

    /** One panel per subnet (its own scale), the usable size marked: a /28 running out stays visible. */
    static JFreeChart subnets(RunResult r) {
        XYSeriesCollection all = subnetDataset(r);
        org.jfree.chart.plot.CombinedDomainXYPlot combined =
                new org.jfree.chart.plot.CombinedDomainXYPlot(new ChartStyle.ClockAxis());
        int i = 0;
        for (String id : chartedSubnets(r)) { // the dataset's order: series i is this subnet's
            Map.Entry<String, RunSummary.SubnetSummary> e = Map.entry(id, r.summary().subnets().get(id));
            XYSeriesCollection one = new XYSeriesCollection(all.getSeries(i));
            XYStepRenderer renderer = new XYStepRenderer();
            renderer.setSeriesPaint(0, ChartStyle.SERIES[i % ChartStyle.SERIES.length]);
            renderer.setSeriesStroke(0, new BasicStroke(2f));
            NumberAxis y = new NumberAxis("free IPs");
            y.setStandardTickUnits(RootTickUnits.integers());
            y.setLabelFont(ChartStyle.TICK);
            y.setTickLabelFont(ChartStyle.TICK);
            Series free = r.timeSeries().get(Metric.SUBNET_AVAILABLE_IPS, Metric.Scope.SUBNET, e.getKey());
            long[] range = freeIpRange(free == null ? new long[0] : Downsample.merge(free.values(), Downsample.factor(
                    free.values().length, MAX_POINTS), Downsample.Mode.MIN), e.getValue().usableIps());
            y.setRange(range[0], range[1]);
            XYPlot p = new XYPlot(one, null, y, renderer);
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(new Color(0xE0E0E0));
            p.setDomainGridlinePaint(new Color(0xE0E0E0));
            ValueMarker usable = new ValueMarker(e.getValue().usableIps());
            usable.setPaint(Color.decode(Palette.OTHERS)); // the page's grey (#9E9E9E here, 2.7:1 on white)
            usable.setLabel(e.getValue().usableIps() + " usable");
            usable.setLabelFont(ChartStyle.MARKER);
            usable.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT); // above the line: off the data
            usable.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            p.addRangeMarker(usable);
            // the lifecycle moments, labelled over the first panel: an ENI deleted is where its subnet's IPs come back
            ChartStyle.mark(p, List.of(), a -> false, LifecycleMoments.of(r), i == 0, unit(r),
                    r.summary().simulatedSeconds());
            combined.add(p, 1);
            i++;
        }
        JFreeChart chart = new JFreeChart("Available IPs per subnet (minimum per bucket)", ChartStyle.TITLE, combined,
                true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(ChartStyle.LABEL);
        NumberAxis x = (NumberAxis) combined.getDomainAxis();
        ChartStyle.timeAxis(x, unit(r));
        note(chart, Palette.legendNote(all.getSeriesCount(), r.summary().subnets().size(), "fill",
                "in summary.json subnets"));
        ChartStyle.key(chart, false, !LifecycleMoments.of(r).isEmpty());
        return chart;
    }

    /**
     * The free-IP axis of one subnet, {lower, upper}: zoomed to the data, with the usable line when it is within
     * three times the data's span of them, and room above for labels (at least a third of the height). 0 to 300 made
     * teardown's 249 -> 251, the IPs coming back, a flat line. The bounds are two steps of a round size apart (1, 2, 5
     * times a power of ten) and on multiples of it, so that an axis at least 60 px high has three readable whole
     * ticks or more: quickstart's 207 to 210 on 206 to 213 had one tick, "210", on the page's small chart.
     */
    public static long[] freeIpRange(long[] values, long usable) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (long v : values) {
            if (v >= 0) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = usable;
        }
        long span = Math.max(2, hi - lo);
        if (usable >= hi && usable - hi <= 3 * span) {
            hi = usable;
        } else if (usable < lo && lo - usable <= 3 * span) {
            lo = usable;
        }
        span = Math.max(2, hi - lo);
        long lower = Math.max(0, (long) Math.floor(lo - span * 0.15));
        long upper = Math.max((long) Math.ceil(hi + (hi - lower) * 0.6), lower + 2);
        for (long power = 1; ; power *= 10) {
            for (long step : new long[] {power, 2 * power, 5 * power}) {
                long from = Math.floorDiv(lower, step) * step;
                long to = -Math.floorDiv(-upper, step) * step; // the ceiling
                if (to - from <= 2 * step) {
                    return new long[] {from, from + 2 * step};
                }
            }
        }
    }

    static JFreeChart line(RunResult r, String title, String yLabel, XYSeriesCollection d, boolean steps) {
        NumberAxis x = new ChartStyle.ClockAxis();
        NumberAxis y = new NumberAxis();
        XYLineAndShapeRenderer renderer = steps ? new XYStepRenderer() : new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < d.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.SERIES[i % ChartStyle.SERIES.length]);
            renderer.setSeriesStroke(i, new BasicStroke(i == 0 ? 2f : 1.5f));
        }
        XYPlot plot = new XYPlot(d, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, unit(r), yLabel);
        mark(r, plot, true);
        key(r, chart);
        return chart;
    }

    /**
     * The timeline's actions and the run's lifecycle moments on a plot, labelled or lines alone (a panel under one
     * that labels them): the chart files marked the actions alone, where the page's charts mark both
     * ({@link ChartStyle#mark}).
     */
    static void mark(RunResult r, XYPlot plot, boolean labelled) {
        ChartStyle.mark(plot, ActionMarkers.of(r), a -> labelled, LifecycleMoments.of(r), labelled, unit(r),
                r.summary().simulatedSeconds());
    }

    /** The key to the chart's lines under its legend, for the kinds it marks ({@link ChartStyle#key}). */
    static void key(RunResult r, JFreeChart chart) {
        ChartStyle.key(chart, !ActionMarkers.of(r).isEmpty(), !LifecycleMoments.of(r).isEmpty());
    }

    private static String bucketLabel(RunResult r, int factor) {
        long s = r.timeSeries().bucketMicros() * factor / Seconds.MICROS;
        if (s % 86_400 == 0) {
            return (s / 86_400) + " d";
        }
        if (s % 3600 == 0) {
            return (s / 3600) + " h";
        }
        if (s % 60 == 0) {
            return (s / 60) + " min";
        }
        return s + " s";
    }

    /** Colour by state name, shared with the timeline and the interactive page ({@link Palette#STATES}). */
    static Map<String, Color> stateColors() {
        Map<String, Color> m = new LinkedHashMap<>();
        Palette.STATES.forEach((k, v) -> m.put(k, Color.decode(v)));
        return m;
    }
}
