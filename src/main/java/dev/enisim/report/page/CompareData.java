package dev.enisim.report.page;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.metrics.Metric;
import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Seconds;
import dev.enisim.metrics.Series;
import dev.enisim.report.chart.Downsample;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Two runs' charts on the same axes (A blue, B orange), in the shape the page's chart script draws: succeeded
 * and failed invocations, ConcurrentExecutions, ENIs, latency p99, cold starts, and the free IPs of the fullest
 * subnets. Both runs must share the bucket width; the longer run sets the time axis. Bounded like ChartData.
 */
final class CompareData {

    /** Run A's and B's colours: the palette's first two (blue, orange), apart for colour-blind readers too. */
    static final String A = dev.enisim.report.chart.Palette.SERIES[0];
    static final String B = dev.enisim.report.chart.Palette.SERIES[1];

    private CompareData() {
    }

    static ObjectNode build(RunResult a, String labelA, RunResult b, String labelB) {
        ObjectNode o = Json.obj();
        int buckets = Math.max(a.timeSeries().buckets(), b.timeSeries().buckets());
        int factor = Downsample.factor(buckets, ChartData.MAX_POINTS);
        double step = Seconds.of(a.timeSeries().bucketMicros() * factor);
        ArrayNode x = o.putArray("x");
        for (int i = 0; i < (buckets + factor - 1) / factor; i++) {
            x.add(i * step);
        }
        o.put("stepSeconds", step);
        o.put("durationSeconds", Math.max(a.summary().simulatedSeconds(), b.summary().simulatedSeconds()));
        Double warmUp = warmUpSeconds(a, b);
        if (warmUp != null) { // the band the run page's charts shade (compare --warm-up); absent: none
            o.put("warmUpSeconds", warmUp);
        }
        o.putArray("markers");
        o.put("markersLeftOut", 0);
        ArrayNode charts = o.putArray("charts");
        if (a.timeSeries().bucketMicros() != b.timeSeries().bucketMicros()) {
            return o; // different grids: the page says so and shows the table only
        }
        Pair p = new Pair(a, labelA, b, labelB, buckets, factor);
        // the bucket named as the run's report names it ("per minute"): "per bucket" left its length unsaid
        String per = ChartData.bucket(Math.round(step));
        charts.add(p.chart("succeeded", "Succeeded invocations per " + per, "invocations", true, Downsample.Mode.SUM,
                r -> minus(account(r, Metric.INVOCATIONS), account(r, Metric.ERRORS))));
        charts.add(p.chart("failed", "Invocations that did not succeed per " + per + " (errors, throttles, function "
                + "errors)", "invocations", true, Downsample.Mode.SUM,
                r -> plus(plus(account(r, Metric.INVOKE_ERRORS), account(r, Metric.THROTTLES)),
                        account(r, Metric.ERRORS))));
        charts.add(p.chart("concurrency", "ConcurrentExecutions (maximum per " + per + ")", "executions", true,
                Downsample.Mode.MAX, r -> account(r, Metric.CONCURRENT_EXECUTIONS)));
        charts.add(p.chart("enis", "ENIs, all keys (maximum per " + per + ")", "ENIs", true, Downsample.Mode.MAX,
                r -> account(r, Metric.HYPERPLANE_ENI_COUNT)));
        ObjectNode lat = p.chart("latency", "Latency p99 of successful invocations, ms", "ms", false,
                Downsample.Mode.MAX, r -> account(r, Metric.LATENCY_P99));
        lat.put("stepped", false);
        lat.withArray("series").forEach(s -> scale((ObjectNode) s, Metric.LATENCY_P99.unit().scale()));
        charts.add(lat);
        charts.add(p.chart("cold-starts", "Cold starts per " + per, "cold starts", true, Downsample.Mode.SUM,
                r -> account(r, Metric.COLD_STARTS)));
        List<String> subnets = new ArrayList<>(a.summary().subnets().keySet());
        subnets.removeIf(id -> !b.summary().subnets().containsKey(id));
        subnets.sort(Comparator.comparingLong((String id) -> Math.min(a.summary().subnets().get(id).minAvailableIps(),
                b.summary().subnets().get(id).minAvailableIps())).thenComparing(id -> id));
        for (String id : subnets.subList(0, Math.min(3, subnets.size()))) {
            RunSummary.SubnetSummary s = a.summary().subnets().get(id);
            // the subnet's Name tag first, as the run's own page titles its panel: the compare page said the id alone
            String label = dev.enisim.report.Labels.of(a.scenario(), id);
            ObjectNode c = p.chart("subnet-" + id, "Free IPs in " + (label.equals(id)
                    ? dev.enisim.report.Labels.of(b.scenario(), id) : label) + " (" + s.cidr() + ", " + s.usableIps()
                    + " usable; minimum per " + per + ")", "free IPs", true, Downsample.Mode.MIN,
                    r -> values(r.timeSeries().get(Metric.SUBNET_AVAILABLE_IPS, Metric.Scope.SUBNET, id)));
            c.put("small", true);
            c.put("yMin", 0);
            charts.add(c);
        }
        return o;
    }

    /**
     * The warm-up both runs' statistics leave out (compare --warm-up: the same for both), in seconds; null when there
     * is none or the two runs' differ (one band cannot show two).
     */
    static Double warmUpSeconds(RunResult a, RunResult b) {
        Double w = a.summary().warmUpSeconds();
        return w != null && w > 0 && w.equals(b.summary().warmUpSeconds()) ? w : null;
    }

    private record Pair(RunResult a, String labelA, RunResult b, String labelB, int buckets, int factor) {
        ObjectNode chart(String id, String title, String y, boolean integer, Downsample.Mode mode,
                java.util.function.Function<RunResult, long[]> values) {
            ObjectNode c = Json.obj().put("id", id).put("title", title).put("yLabel", y).put("integer", integer)
                    .put("stepped", true).put("note", "");
            c.putArray("lines");
            ArrayNode s = c.putArray("series");
            s.add(series(labelA, A, values.apply(a), mode));
            s.add(series(labelB, B, values.apply(b), mode));
            overlap(c);
            return c;
        }

        /**
         * Where both runs have the same value their lines lie on one another (legacy-vs-hyperplane's hyperplane line
         * hid under legacy's after the first minute): B is dashed, so that A shows through, and the note says in how
         * many buckets, as the run report's "drawn on one another".
         */
        private void overlap(ObjectNode c) {
            ArrayNode s = c.withArray("series");
            com.fasterxml.jackson.databind.JsonNode va = s.get(0).get("values");
            com.fasterxml.jackson.databind.JsonNode vb = s.get(1).get("values");
            int same = 0;
            int both = 0;
            for (int i = 0; i < Math.min(va.size(), vb.size()); i++) {
                if (!va.get(i).isNull() && !vb.get(i).isNull()) {
                    both++;
                    same += va.get(i).asDouble() == vb.get(i).asDouble() ? 1 : 0;
                }
            }
            if (same > 0) {
                ((ObjectNode) s.get(1)).put("dash", true);
                c.put("note", (same == both ? "Same values throughout" : String.format(java.util.Locale.ROOT,
                        "Same values in %,d of %,d buckets", same, both)) + ", drawn on one another: " + labelB
                        + " (orange) dashed over " + labelA + " (blue)");
            }
        }

        private ObjectNode series(String label, String colour, long[] v, Downsample.Mode mode) {
            long[] padded = new long[buckets];
            java.util.Arrays.fill(padded, -1);
            if (v != null) {
                System.arraycopy(v, 0, padded, 0, Math.min(v.length, buckets));
            }
            ObjectNode s = Json.obj().put("label", label).put("scope", "run").put("id", label).put("color", colour);
            ArrayNode out = s.putArray("values");
            for (long x : Downsample.merge(padded, factor, mode)) {
                if (x < 0) {
                    out.addNull();
                } else {
                    out.add(x);
                }
            }
            return s;
        }
    }

    private static void scale(ObjectNode series, double k) {
        ArrayNode v = (ArrayNode) series.get("values");
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isNull()) {
                v.set(i, Json.F.numberNode(v.get(i).asLong() * k));
            }
        }
    }

    private static long[] account(RunResult r, Metric metric) {
        return values(r.timeSeries().account(metric));
    }

    private static long[] values(Series s) {
        return s == null ? null : s.values();
    }

    private static long[] minus(long[] a, long[] b) {
        long[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] -= b[i];
        }
        return out;
    }

    private static long[] plus(long[] a, long[] b) {
        long[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += b[i];
        }
        return out;
    }
}
