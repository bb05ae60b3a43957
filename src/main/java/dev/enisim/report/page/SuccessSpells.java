package dev.enisim.report.page;

import dev.enisim.metrics.JournalEntry;
import dev.enisim.metrics.Metric;
import dev.enisim.metrics.Series;
import dev.enisim.metrics.TimeSeries;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal with each spell of successes cut where the narrative cuts it (its {@code splitSuccesses}, whose rules
 * this follows): where something of interest happens in a quiet gap between its invocations (the function's own
 * failures above all), or at a gap long against the spell. The player told az-outage's "6,976 invocations of
 * reports-single-az succeeded, 00:01:08 to 02:00:00" across the hour in which each of its calls failed, where the
 * narrative told 3,449 before and 3,527 after. Each part is an entry of its own at its start (the start of its first
 * time-series bucket, the spell's own for the first part), ending at the end of its last bucket; a spell whose
 * buckets do not add up to its count stays whole. {@code TopologySpellsTest} checks that both tell the same spells.
 */
final class SuccessSpells {

    /** A spell's part cut at a quiet gap of at least 1 / this of its span. */
    private static final int QUIET_SHARE = 10;
    /** A quiet gap is one the function's mean per active bucket leaves empty with a chance under 1%: -ln(0.01). */
    private static final double UNLIKELY_GAP = -Math.log(0.01);
    /** At most this many parts per spell. */
    private static final int MAX_PARTS = 8;

    private SuccessSpells() {
    }

    /** The journal, its spells of successes in parts, in time order (a part after the entries of its instant). */
    static List<JournalEntry> split(RunResult r) {
        List<JournalEntry> journal = r.journal();
        List<JournalEntry> out = new ArrayList<>(journal.size());
        List<JournalEntry> later = new ArrayList<>();
        List<JournalEntry> events = new ArrayList<>();
        for (JournalEntry x : journal) {
            if (x.kind() != JournalEntry.Kind.INVOCATIONS || !x.state().equals("SUCCESS")) {
                events.add(x);
            }
        }
        long[] starts = new long[events.size()];
        long[] maxEnd = new long[events.size()];
        for (int i = 0; i < starts.length; i++) {
            JournalEntry x = events.get(i);
            starts[i] = x.atMicros();
            maxEnd[i] = Math.max(x.atMicros(), i == 0 ? Long.MIN_VALUE : maxEnd[i - 1]);
        }
        Map<String, List<JournalEntry>> failures = new HashMap<>();
        for (JournalEntry x : events) {
            if (x.kind() == JournalEntry.Kind.INVOCATIONS) {
                failures.computeIfAbsent(x.subject(), k -> new ArrayList<>()).add(x);
            }
        }
        for (JournalEntry e : journal) {
            if (e.kind() != JournalEntry.Kind.INVOCATIONS || !e.state().equals("SUCCESS")) {
                out.add(e);
                continue;
            }
            List<JournalEntry> parts = parts(r, e, starts, maxEnd, failures.getOrDefault(e.subject(), List.of()));
            out.add(parts.get(0));
            later.addAll(parts.subList(1, parts.size()));
        }
        if (later.isEmpty()) {
            return out;
        }
        IdentityHashMap<JournalEntry, Boolean> cut = new IdentityHashMap<>();
        later.forEach(x -> cut.put(x, true));
        out.addAll(later);
        out.sort(Comparator.comparingLong(JournalEntry::atMicros).thenComparingInt(x -> cut.containsKey(x) ? 1 : 0));
        return out;
    }

    private static List<JournalEntry> parts(RunResult r, JournalEntry e, long[] starts, long[] maxEnd,
            List<JournalEntry> ownFailures) {
        TimeSeries ts = r.timeSeries();
        long b = ts.bucketMicros();
        Series inv = ts.get(Metric.INVOCATIONS, Metric.Scope.FUNCTION, e.subject());
        Series err = ts.get(Metric.ERRORS, Metric.Scope.FUNCTION, e.subject());
        List<JournalEntry> whole = List.of(e);
        if (inv == null || e.untilMicros() <= e.atMicros() || e.atMicros() / b >= inv.values().length) {
            return whole;
        }
        int first = (int) (e.atMicros() / b);
        int last = (int) Math.min(inv.values().length - 1, (e.untilMicros() - 1) / b);
        List<Integer> active = new ArrayList<>();
        long sum = 0;
        long[] ok = new long[last - first + 1];
        for (int i = first; i <= last; i++) {
            ok[i - first] = Math.round(inv.values()[i] - (err == null ? 0 : err.values()[i]));
            if (ok[i - first] > 0) {
                active.add(i);
                sum += ok[i - first];
            }
        }
        if (active.isEmpty() || sum != e.count()) {
            return whole;
        }
        long span = active.get(active.size() - 1) + 1 - active.get(0);
        double perBucket = sum / (double) active.size();
        // the gaps to cut at: [index in active of the bucket after the gap, forced (an event in it), length]
        List<long[]> cuts = new ArrayList<>();
        for (int k = 1; k < active.size(); k++) {
            int gap = active.get(k) - active.get(k - 1) - 1;
            if (gap <= 0) {
                continue;
            }
            long from = (active.get(k - 1) + 1) * b;
            long to = active.get(k) * b;
            int before = java.util.Arrays.binarySearch(starts, to - 1); // the last event starting before `to`
            if (before < 0) {
                before = -before - 2;
            } else {
                while (before + 1 < starts.length && starts[before + 1] == to - 1) {
                    before++;
                }
            }
            boolean event = before >= 0 && maxEnd[before] >= from;
            boolean own = false;
            for (JournalEntry x : ownFailures) {
                own |= x.atMicros() < to && Math.max(x.atMicros(), x.lastMicros()) >= from;
            }
            boolean unlikely = gap * perBucket >= UNLIKELY_GAP;
            if (own || unlikely && (event || gap * (long) QUIET_SHARE >= span)) {
                cuts.add(new long[] {k, own || event ? 1 : 0, gap});
            }
        }
        cuts.sort(Comparator.comparingLong((long[] c) -> -c[1]).thenComparingLong(c -> -c[2])
                .thenComparingLong(c -> c[0]));
        List<Integer> at = new ArrayList<>();
        for (long[] c : cuts.subList(0, Math.min(MAX_PARTS - 1, cuts.size()))) {
            at.add((int) c[0]);
        }
        at.sort(null);
        at.add(active.size());
        List<JournalEntry> parts = new ArrayList<>();
        int from = 0;
        for (int to : at) {
            long n = 0;
            for (int k = from; k < to; k++) {
                n += ok[active.get(k) - first];
            }
            long startAt = from == 0 ? e.atMicros() : active.get(from) * b;
            long endAt = Math.max(startAt, Math.min(e.untilMicros(), (active.get(to - 1) + 1) * b));
            parts.add(from == 0 && to == active.size() ? e : new JournalEntry(startAt, e.kind(), e.subject(),
                    e.state(), e.reason(), e.detail(), n, endAt, endAt));
            from = to;
        }
        return parts;
    }
}
