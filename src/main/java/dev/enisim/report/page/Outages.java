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
}
