package dev.enisim.report;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario run under both network models, side by side: what Hyperplane changed (ENIs and IPs made at
 * creation and shared, versus per environment group and made during cold starts).
 */
public final class NetworkModelComparison {

    /** One row: a figure under Hyperplane and under the legacy model. */
    public record Row(String figure, String hyperplane, String legacy) {
    }

    private NetworkModelComparison() {
    }

    public static List<Row> rows(RunResult hyperplane, RunResult legacy) {
        RunSummary h = hyperplane.summary();
        RunSummary l = legacy.summary();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Peak ENIs", num(h.enis().peak()), num(l.enis().peak())));
        rows.add(new Row("Peak Lambda IPs (all subnets)", num(lambdaIps(h)), num(lambdaIps(l))));
        Map<String, String[]> perSubnet = new LinkedHashMap<>();
        for (Map.Entry<String, RunSummary.SubnetSummary> e : h.subnets().entrySet()) {
            perSubnet.put(e.getKey(), new String[] {num(lambdaIps(e.getValue())),
                num(lambdaIps(l.subnets().get(e.getKey())))});
        }
        perSubnet.forEach((id, v) -> rows.add(new Row("  peak Lambda IPs in " + id, v[0], v[1])));
        rows.add(new Row("Cold starts", num(h.latencyMillis().coldStarts()), num(l.latencyMillis().coldStarts())));
        rows.add(new Row("Cold-start latency p50 / p99 (ms)", pair(h.latencyMillis()), pair(l.latencyMillis())));
        rows.add(new Row("Latency p99 (ms)", p99(h.latencyMillis()), p99(l.latencyMillis())));
        rows.add(new Row("Succeeded", num(h.invocations().succeeded()), num(l.invocations().succeeded())));
        rows.add(new Row("Throttled", num(h.invocations().throttled()), num(l.invocations().throttled())));
        for (String error : h.invocations().errors().keySet()) {
            long a = h.invocations().errors().get(error);
            long b = l.invocations().errors().getOrDefault(error, 0L);
            if (a > 0 || b > 0) {
                rows.add(new Row(error, num(a), num(b)));
            }
        }
        rows.add(new Row("Function errors", num(h.invocations().functionErrors()),
                num(l.invocations().functionErrors())));
        return rows;
    }

    /**
     * What the table cannot say by itself: Hyperplane's ResourceConflictException are calls while a function was
     * Pending (its ENIs being created), which the legacy model has no state for. A teacher's review: 7,901 of them
     * made Hyperplane look worse with no word why. Empty when Hyperplane has no more of them than legacy.
     */
    public static String note(RunResult hyperplane, RunResult legacy) {
        long h = hyperplane.summary().invocations().errors().getOrDefault("ResourceConflictException", 0L);
        long l = legacy.summary().invocations().errors().getOrDefault("ResourceConflictException", 0L);
        if (h <= l) {
            return "";
        }
        return "ResourceConflictException under Hyperplane: calls made while a function was Pending, before its"
                + " ENIs were ready (Lambda creates them when the function is created or its VpcConfig set). The"
                + " legacy model has no Pending state: it makes ENIs during cold starts instead, so it has none of"
                + " these. To compare without them, start the functions as existing: Active.";
    }

    /** The rows as an aligned text table. */
    public static String table(List<Row> rows) {
        int w = "figure".length();
        for (Row r : rows) {
            w = Math.max(w, r.figure().length());
        }
        StringBuilder b = new StringBuilder();
        String fmt = "%-" + w + "s  %14s  %14s%n";
        b.append(String.format(java.util.Locale.ROOT, fmt, "", "hyperplane", "legacy"));
        for (Row r : rows) {
            b.append(String.format(java.util.Locale.ROOT, fmt, r.figure(), r.hyperplane(), r.legacy()));
        }
        return b.toString();
    }

    private static long lambdaIps(RunSummary s) {
        long n = 0;
        for (RunSummary.SubnetSummary sub : s.subnets().values()) {
            n += lambdaIps(sub);
        }
        return n;
    }

    /** Most addresses Lambda held at once in the subnet (other tenants' use taken as constant). */
    private static long lambdaIps(RunSummary.SubnetSummary s) {
        return Math.max(0, s.usableIps() - s.otherUsedIps() - s.minAvailableIps());
    }

    private static String num(long v) {
        return String.format(java.util.Locale.ROOT, "%,d", v);
    }

    private static String ms(double v) {
        return String.format(java.util.Locale.ROOT, "%,.0f", v);
    }

    /** "none" when no invocation succeeded (the summary's null), not a 0 that reads as instant. */
    private static String p99(RunSummary.Latency l) {
        return l.count() == 0 ? "none" : ms(l.p99());
    }

    private static String pair(RunSummary.Latency l) {
        return l.coldStarts() == 0 ? "none" : ms(l.coldStartP50()) + " / " + ms(l.coldStartP99());
    }
}
