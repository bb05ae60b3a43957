package dev.enisim.report.page;

import dev.enisim.metrics.Metric;
import dev.enisim.metrics.Seconds;
import dev.enisim.metrics.Series;
import dev.enisim.metrics.TimeSeries;
import dev.enisim.report.chart.StateTimeline;
import dev.enisim.run.RunResult;
import dev.enisim.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each Availability Zone's outage ({@code azOutage}) did, from the run's result: its subnets, the Hyperplane ENIs
 * there that carried no traffic while it lasted (and their keys), the functions with a subnet in it (those with every
 * subnet in an AZ then down, and their ServiceExceptions; those with a subnet elsewhere, and Lambda's refusals of
 * them), counted from the time series in the buckets it touched. The page's verdict ({@link Headlines}) and the
 * terminal say it: a 600-function account's run with an outage said nothing of it in the terminal.
 */
public final class Outages {

    private Outages() {
    }

    /**
     * One outage.
     *
     * @param az          the Availability Zone
     * @param fromMicros  when it went down
     * @param toMicros    when it came back (past the run's end: it did not)
     * @param subnets     the scenario's subnets in it
     * @param enis        the Hyperplane ENIs in those subnets alive at some time of the outage
     * @param keys        their subnet + security-group keys
     * @param stopped     the functions with every subnet in an AZ then down, and their ServiceExceptions
     * @param spread      the functions with a subnet in it and another in an AZ still up, and Lambda's refusals of them
     * @param azsOf       each of those functions' AZs
     * @param firstBucket the first time-series bucket it touched
     * @param lastBucket  the last
     * @param whole       whether it starts and ends on bucket edges (or ends with the run): the counts are its own
     */
    public record Outage(String az, long fromMicros, long toMicros, List<String> subnets, List<String> enis,
            Set<String> keys, Map<String, Long> stopped, Map<String, Long> spread, Map<String, Set<String>> azsOf,
            int firstBucket, int lastBucket, boolean whole) {

        /** Whether a function has a subnet in the AZ. */
        public boolean touchesAFunction() {
            return !stopped.isEmpty() || !spread.isEmpty();
        }

        /** The ServiceExceptions of the functions it stopped. */
        public long serviceExceptions() {
            return stopped.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Lambda's refusals of the functions with a subnet elsewhere. */
        public long refusedElsewhere() {
            return spread.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Each outage that starts within the run, in time order (none without an {@code azOutage}). */
    public static List<Outage> of(RunResult r) {
        List<StateTimeline.AzDown> downs = StateTimeline.azDown(r);
        List<Outage> out = new ArrayList<>();
        if (downs.isEmpty()) {
            return out;
        }
        long end = r.scenario().durationMicros();
        Map<String, String> azOf = new java.util.HashMap<>();
        for (Scenario.Vpc v : r.scenario().vpcs()) {
            for (Scenario.Subnet sub : v.subnets()) {
                azOf.put(sub.id(), sub.az());
            }
        }
        TimeSeries ts = r.timeSeries();
        long b0 = ts.bucketMicros();
        for (StateTimeline.AzDown d : downs) {
            long from = Seconds.toMicros(d.fromSeconds());
            long to = Seconds.toMicros(d.toSeconds());
            if (from >= end) {
                continue;
            }
            List<String> subnets = new ArrayList<>();
            azOf.forEach((sn, az) -> {
                if (az.equals(d.az())) {
                    subnets.add(sn);
                }
            });
            java.util.Collections.sort(subnets);
            List<String> enis = new ArrayList<>();
            Set<String> keys = new LinkedHashSet<>();
            for (RunResult.EniLifetime e : r.enis()) {
                if (d.az().equals(azOf.get(e.subnet())) && Seconds.toMicros(e.createdSeconds()) < to
                        && (e.endedSeconds().isEmpty() || Seconds.toMicros(e.endedSeconds().getAsDouble()) > from)) {
                    enis.add(e.id());
                    keys.add(e.key());
                }
            }
            Map<String, Long> stopped = new LinkedHashMap<>(); // function -> ServiceExceptions in the outage
            Map<String, Long> spread = new LinkedHashMap<>(); // function -> Lambda's refusals in the outage
            Map<String, Set<String>> azsOf = new LinkedHashMap<>();
            for (Scenario.Function f : r.scenario().functions()) {
                Set<String> azs = new TreeSet<>();
                for (String sn : f.vpcConfig().subnetIds()) {
                    if (azOf.containsKey(sn)) {
                        azs.add(azOf.get(sn));
                    }
                }
                if (!azs.contains(d.az())) {
                    continue;
                }
                azsOf.put(f.name(), azs);
                boolean alone = true;
                for (String az : azs) {
                    alone &= az.equals(d.az()) || down(downs, az, from, to);
                }
                (alone ? stopped : spread).put(f.name(), 0L);
            }
            // Counted from the time series, in the buckets the outage touched: the journal counts a whole spell of
            // the function's state, so a day's TaskTimedOut overlapping the outage was all put on it. A function with
            // a subnet in an AZ still up is told Lambda's refusals (invoke errors) only: its own errors and
            // throttles do not depend on an AZ.
            int firstBucket = (int) (from / b0);
            int lastBucket = (int) ((Math.min(to, end) - 1) / b0);
            for (String fn : stopped.keySet()) {
                for (Series x : ts.invokeErrorsByException(Metric.Scope.FUNCTION, fn)) {
                    if (x.exception().equals("ServiceException")) {
                        stopped.put(fn, sum(x, firstBucket, lastBucket));
                    }
                }
            }
            for (String fn : spread.keySet()) {
                spread.put(fn, sum(ts.get(Metric.INVOKE_ERRORS, Metric.Scope.FUNCTION, fn), firstBucket, lastBucket));
            }
            boolean whole = from % b0 == 0 && (to % b0 == 0 || to >= end);
            out.add(new Outage(d.az(), from, to, List.copyOf(subnets), List.copyOf(enis), keys, stopped, spread,
                    azsOf, firstBucket, lastBucket, whole));
        }
        return out;
    }

    /** Whether {@code az} is down for the whole of [from, to) in one of {@code downs}. */
    private static boolean down(List<StateTimeline.AzDown> downs, String az, long from, long to) {
        for (StateTimeline.AzDown d : downs) {
            if (d.az().equals(az) && Seconds.toMicros(d.fromSeconds()) <= from && Seconds.toMicros(d.toSeconds()) >= to) {
                return true;
            }
        }
        return false;
    }

    private static long sum(Series s, int first, int last) {
        long n = 0;
        if (s == null) {
            return 0;
        }
        for (int i = first; i <= last && i < s.values().length; i++) {
            n += s.values()[i];
        }
        return n;
    }

    /**
     * The story's lines with, under each "Availability Zone ... down", why it matters in this run: the ENIs there
     * carried no traffic until it was back up, the functions with a subnet in an AZ still up went on serving from it,
     * and those with none failed (the terminal's and the page's outage counts, {@link #of}). az-outage's explain told
     * only reports-single-az's ServiceExceptions, never that payments kept serving from us-east-1b (the teacher's
     * review, session 51); narrative.txt and the page's Narrative told neither, only explain added it (session 52):
     * now {@link dev.enisim.report.Narrative#lines} ends with this, and explain prints those lines.
     */
    public static java.util.List<String> withWhy(java.util.List<String> lines, RunResult r) {
        java.util.List<Outage> outages = of(r);
        if (outages.isEmpty()) {
            return lines;
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.Set<Outage> told = new java.util.HashSet<>();
        for (String line : lines) {
            out.add(line);
            for (Outage o : outages) {
                if (!told.contains(o) && line.endsWith("  Availability Zone " + o.az() + " down")) {
                    told.add(o);
                    out.add("          why: " + why(o));
                    break;
                }
            }
        }
        return out;
    }

    /** One outage in words, for {@link #withWhy}. */
    static String why(Outage o) {
        StringBuilder b = new StringBuilder("While an Availability Zone is down, ");
        b.append(o.enis().isEmpty() ? "no ENI of the run is in it" : (o.enis().size() == 1 ? "the ENI there ("
                : "the " + o.enis().size() + " ENIs there (") + names(o.enis()) + ") carr" + (o.enis().size() == 1
                ? "ies" : "y") + " no traffic");
        java.util.List<String> unharmed = new java.util.ArrayList<>();
        java.util.List<String> harmed = new java.util.ArrayList<>();
        o.spread().forEach((fn, n) -> (n == 0 ? unharmed : harmed).add(fn));
        if (!unharmed.isEmpty() || !harmed.isEmpty()) {
            java.util.List<String> both = new java.util.ArrayList<>();
            for (String fn : unharmed.size() + harmed.size() <= 5 ? concat(unharmed, harmed) : java.util.List.<String>of()) {
                java.util.Set<String> up = new java.util.TreeSet<>(o.azsOf().getOrDefault(fn, java.util.Set.of()));
                up.remove(o.az());
                both.add(up.isEmpty() ? fn : fn + " (" + String.join(", ", up) + ")");
            }
            b.append("; a function with subnets in other AZs goes on serving from those: ").append(both.isEmpty()
                    ? names(concat(unharmed, harmed)) : String.join(", ", both));
            if (!harmed.isEmpty()) {
                b.append(" (").append(names(harmed)).append(" still with ").append(String.format(java.util.Locale.ROOT, "%,d",
                        o.refusedElsewhere())).append(" invocations refused: see the page's What failed)");
            }
        }
        if (!o.stopped().isEmpty()) {
            b.append("; a function with no subnet in an AZ still up fails until it is back up (").append(names(
                    o.stopped().keySet())).append(")");
        }
        if (!o.touchesAFunction()) {
            b.append("; no function has a subnet there");
        }
        return b.append('.').toString();
    }

    private static java.util.List<String> concat(java.util.List<String> a, java.util.List<String> b) {
        java.util.List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Up to five names, then how many more. */
    private static String names(java.util.Collection<String> all) {
        java.util.List<String> l = new java.util.ArrayList<>(all);
        return l.size() <= 5 ? String.join(", ", l) : String.join(", ", l.subList(0, 5)) + " and " + (l.size() - 5)
                + " more";
    }
}
