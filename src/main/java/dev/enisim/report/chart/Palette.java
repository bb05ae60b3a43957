package dev.enisim.report.chart;

import dev.enisim.metrics.Metric;
import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Series;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Colours and rankings shared by every chart of a run (the PNG/SVG files and the interactive page), so that a
 * function or an ENI key has the same colour everywhere: the {@value #DISTINCT} most relevant get distinct
 * colours (functions by invocations, keys by peak ENIs then peak connections), the rest share a grey.
 * Also picks the top N series of a chart by relevance, so that charts stay bounded whatever the number of
 * functions or keys. Pure functions of the run's result.
 */
public final class Palette {

    /** Distinct series colours (Material 800s), in order of relevance. */
    public static final String[] SERIES = {"#1565C0", "#2E7D32", "#EF6C00", "#6A1B9A", "#C62828", "#00838F",
        "#9E9D24", "#5D4037", "#AD1457", "#455A64"};
    public static final int DISTINCT = SERIES.length;
    public static final String OTHERS = "#9E9E9E";

    /** State colours: function states warm/neutral, ENI states blue family; Pending and Creating clearly apart. */
    public static final Map<String, String> STATES = stateColours();

    private final Map<String, Integer> functionRank = new HashMap<>();
    private final Map<String, Integer> keyRank = new HashMap<>();

    private Palette(RunResult r) {
        List<Map.Entry<String, RunSummary.FunctionSummary>> fns = new ArrayList<>(r.summary().functions().entrySet());
        fns.sort(Comparator.comparingLong((Map.Entry<String, RunSummary.FunctionSummary> e) ->
                -e.getValue().invocations().total()).thenComparing(Map.Entry::getKey));
        for (int i = 0; i < fns.size(); i++) {
            functionRank.put(fns.get(i).getKey(), i);
        }
        List<Map.Entry<String, RunSummary.KeySummary>> keys = new ArrayList<>(r.summary().eniKeys().entrySet());
        keys.sort(Comparator.comparingLong((Map.Entry<String, RunSummary.KeySummary> e) -> -e.getValue().peakEnis())
                .thenComparingLong(e -> -e.getValue().peakConnections()).thenComparing(Map.Entry::getKey));
        for (int i = 0; i < keys.size(); i++) {
            keyRank.put(keys.get(i).getKey(), i);
        }
    }

    public static Palette of(RunResult r) {
        return new Palette(r);
    }

    /** The colour of a function (by name) or an ENI key (by label); grey past the first {@value #DISTINCT}. */
    public String colour(Metric.Scope scope, String id) {
        Integer rank = scope == Metric.Scope.FUNCTION ? functionRank.get(id) : scope == Metric.Scope.ENI_KEY
                ? keyRank.get(id) : null;
        return rank == null || rank >= DISTINCT ? OTHERS : SERIES[rank];
    }

    /** The first distinct colour not in {@code used} (or the grey when all are taken). */
    public static String unused(java.util.Set<String> used) {
        for (String c : SERIES) {
            if (!used.contains(c)) {
                return c;
            }
        }
        return OTHERS;
    }

    /**
     * One series standing for {@code rest} in each of {@code buckets} buckets: their sum for counts per bucket, and
     * for levels (each a maximum per bucket) the highest of them: a sum of maxima reached at different moments of
     * a bucket claims more than ever happened at once (quota-500's other functions summed to ~130 concurrent
     * executions under an account peak of 15).
     */
    public static long[] others(List<Series> rest, int buckets, boolean sum) {
        long[] out = new long[buckets];
        for (Series s : rest) {
            for (int i = 0; i < buckets && i < s.values().length; i++) {
                long v = Math.max(0, s.values()[i]);
                out[i] = sum ? out[i] + v : Math.max(out[i], v);
            }
        }
        return out;
    }

    public java.awt.Color awt(Metric.Scope scope, String id) {
        return java.awt.Color.decode(colour(scope, id));
    }

    /**
     * The {@code n} series with the highest score (ties by id), in that order; the caller states how many were
     * left out. Never holds more than the input list.
     */
    public static List<Series> top(List<Series> candidates, int n, java.util.function.ToLongFunction<Series> score) {
        List<Series> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingLong((Series s) -> -score.applyAsLong(s)).thenComparing(Series::id));
        return sorted.subList(0, Math.min(n, sorted.size()));
    }

    /** The note under a chart that does not show every series: "top 9 by invocations; 11 more in the table". */
    public static String legendNote(int shown, int total, String by, String where) {
        if (shown >= total) {
            return "";
        }
        return "top " + shown + " of " + total + " by " + by + "; " + (total - shown) + " more " + where;
    }

    public static long max(long[] v) {
        long m = 0;
        for (long x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    public static long sum(long[] v) {
        long m = 0;
        for (long x : v) {
            m += Math.max(0, x);
        }
        return m;
    }

    /** "CreateFunction orders-api with subnets ..." becomes "orders-api created". */
    public static String shortLabel(String description) {
        String[] w = description.split(" ");
        if (w.length >= 2 && w[0].equals("CreateFunction")) {
            return w[1] + " created";
        }
        if (w.length >= 2 && w[0].equals("UpdateFunctionConfiguration")) {
            return w[1] + " updated";
        }
        if (w.length >= 2 && w[0].equals("DeleteFunction")) {
            return w[1] + " deleted";
        }
        if (description.startsWith("Availability Zone ")) {
            return "AZ " + description.substring("Availability Zone ".length());
        }
        return description.length() > 32 ? description.substring(0, 31) + "..." : description;
    }

    private static Map<String, String> stateColours() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("Pending", "#FFB300");
        m.put("Active", "#2E7D32");
        m.put("Inactive", "#90A4AE");
        m.put("Failed", "#C62828");
        m.put("Deleted", "#424242");
        m.put("Creating", "#81D4FA");
        m.put("InUse", "#1565C0");
        m.put("Deleting", "#8E24AA");
        m.put("Orphaned", "#6D4C41");
        return java.util.Collections.unmodifiableMap(m);
    }
}
