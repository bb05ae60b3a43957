package dev.enisim.report.chart;

import dev.enisim.metrics.Metric;
import dev.enisim.metrics.Series;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One colour per function and per ENI key across a run's chart files and its page. The {@value Palette#DISTINCT} most
 * relevant keep their {@link Palette#colour}; each one past them (the palette's grey) takes, in the order the chart
 * files first draw it, the palette colour taken by no function or key drawn with it in any chart file, else the one
 * taken in the fewest of them; where that leaves two named series of a chart file in one colour, a search over the
 * names past the ten finds a colouring that keeps them apart, from the ten if one exists, else with {@link
 * Palette#EXTRA} too. The chart files took the first colour left unused chart by chart, the page a colour of
 * its own for the whole page: shared-eni-65k's svc-06 was ochre in concurrency.png and blue on the page's concurrency
 * chart, svc-13 green and ochre. The page draws a subset of each chart file's series (its 8 most relevant, the files'
 * 10), so what keeps the files' series apart keeps the page's apart.
 */
public final class SeriesColours {

    private final Palette palette;
    private final Map<String, String> assigned = new HashMap<>();

    private SeriesColours(RunResult r) {
        this.palette = Palette.of(r);
        List<List<String>> drawn = drawn(r);
        List<String> past = new ArrayList<>(); // the names past the distinct colours, in the order first drawn
        for (List<String> names : drawn) {
            for (String name : names) {
                if (fixed(name).equals(Palette.OTHERS) && !past.contains(name)) {
                    past.add(name);
                }
            }
        }
        for (String name : past) {
            Map<String, Integer> taken = new HashMap<>(); // each colour: in how many of its charts
            for (List<String> names : drawn) {
                if (!names.contains(name)) {
                    continue;
                }
                Set<String> here = new HashSet<>();
                for (String other : names) {
                    String c = other.equals(name) ? null : colourOf(other);
                    if (c != null && !c.equals(Palette.OTHERS)) {
                        here.add(c);
                    }
                }
                here.forEach(h -> taken.merge(h, 1, Integer::sum));
            }
            String pick = null;
            for (String c : Palette.SERIES) {
                if (pick == null || taken.getOrDefault(c, 0) < taken.getOrDefault(pick, 0)) {
                    pick = c;
                }
            }
            assigned.put(name, pick);
        }
        if (clashes(drawn) > 0) {
            Map<String, String> searched = search(drawn, past, List.of(Palette.SERIES));
            if (searched == null) { // no colouring from the ten: the extra colours too
                List<String> more = new ArrayList<>(List.of(Palette.SERIES));
                more.addAll(List.of(Palette.EXTRA));
                searched = search(drawn, highestFirst(drawn, past), more);
            }
            if (searched != null) {
                assigned.putAll(searched);
            }
        }
    }

    /**
     * {@code past} ordered by the highest place each takes in a chart file (ties: first drawn first), so that among
     * names equally constrained the first extra colour, the one furthest from the ten, goes to the name a chart
     * shows nearest its top: the page draws each chart's most relevant few, where shared-eni-65k's svc-13 (third in
     * concurrency) would otherwise take the dusty rose, 21 from svc-07's pink beside it, and svc-02 (eighth in
     * latency-by-function at best) the plum.
     */
    private static List<String> highestFirst(List<List<String>> drawn, List<String> past) {
        Map<String, Integer> highest = new HashMap<>();
        for (List<String> names : drawn) {
            for (int i = 0; i < names.size(); i++) {
                highest.merge(names.get(i), i, Math::min);
            }
        }
        List<String> out = new ArrayList<>(past);
        out.sort(java.util.Comparator.comparingInt(highest::get)); // stable: ties keep the order first drawn
        return out;
    }

    /** How many pairs of named series one chart file draws in one colour. */
    private int clashes(List<List<String>> drawn) {
        int n = 0;
        for (List<String> names : drawn) {
            Set<String> seen = new HashSet<>();
            for (String name : names) {
                String c = colourOf(name);
                if (!c.equals(Palette.OTHERS) && !seen.add(c)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The most choices the search below tries before it gives up (and the one-by-one choice stands). */
    static final int SEARCH_BUDGET = 200_000;

    /**
     * A colour for each name past the distinct colours such that no chart file draws two named series in one colour,
     * found by a backtracking search (the most constrained name first, {@code colours} in their order), or null when
     * there is none within {@link #SEARCH_BUDGET} choices. Used only where the one-by-one choice left a clash, first
     * with the palette's ten, then with {@link Palette#EXTRA} after them: with the ENI key streams' timings,
     * shared-eni-65k's latency-by-function drew svc-02 and svc-09 in one colour, as the first choices of names drawn
     * in several charts took the only colours a later name had left, and no colouring from the ten exists there
     * (svc-13 is drawn beside the eight fixed colours in one chart and svc-12 and svc-20, holding the other two, in
     * another).
     */
    private Map<String, String> search(List<List<String>> drawn, List<String> past, List<String> colours) {
        Map<String, Set<String>> fixedNear = new HashMap<>(); // a past name: the fixed colours drawn beside it
        Map<String, Set<String>> pastNear = new HashMap<>(); // a past name: the past names drawn beside it
        Set<String> isPast = new HashSet<>(past);
        for (String name : past) {
            fixedNear.put(name, new HashSet<>());
            pastNear.put(name, new HashSet<>());
        }
        for (List<String> names : drawn) {
            for (String name : names) {
                if (!isPast.contains(name)) {
                    continue;
                }
                for (String other : names) {
                    if (other.equals(name)) {
                        continue;
                    }
                    if (isPast.contains(other)) {
                        pastNear.get(name).add(other);
                    } else if (!fixed(other).equals(Palette.OTHERS)) {
                        fixedNear.get(name).add(fixed(other));
                    }
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        int[] budget = {SEARCH_BUDGET};
        return place(past, fixedNear, pastNear, colours, out, budget) ? out : null;
    }

    private static boolean place(List<String> past, Map<String, Set<String>> fixedNear,
            Map<String, Set<String>> pastNear, List<String> colours, Map<String, String> out, int[] budget) {
        String next = null;
        List<String> nextFree = null;
        for (String name : past) { // the unplaced name with the fewest colours left (ties: the first drawn)
            if (out.containsKey(name)) {
                continue;
            }
            List<String> free = free(name, fixedNear, pastNear, colours, out);
            if (next == null || free.size() < nextFree.size()) {
                next = name;
                nextFree = free;
            }
        }
        if (next == null) {
            return true;
        }
        for (String c : nextFree) {
            if (--budget[0] < 0) {
                return false;
            }
            out.put(next, c);
            if (place(past, fixedNear, pastNear, colours, out, budget)) {
                return true;
            }
            out.remove(next);
        }
        return false;
    }

    private static List<String> free(String name, Map<String, Set<String>> fixedNear,
            Map<String, Set<String>> pastNear, List<String> colours, Map<String, String> out) {
        List<String> free = new ArrayList<>();
        for (String c : colours) {
            if (fixedNear.get(name).contains(c)) {
                continue;
            }
            boolean taken = false;
            for (String other : pastNear.get(name)) {
                if (c.equals(out.get(other))) {
                    taken = true;
                    break;
                }
            }
            if (!taken) {
                free.add(c);
            }
        }
        return free;
    }

    /** The run's colours (computed from the series its chart files draw). */
    public static SeriesColours of(RunResult r) {
        return new SeriesColours(r);
    }

    /**
     * The colour of a function (by name) or an ENI key (by id), the same in every chart file and on the page; the
     * palette's grey for one no chart file draws.
     */
    public String colour(Metric.Scope scope, String id) {
        String name = name(scope, id);
        String c = assigned.get(name);
        return c != null ? c : palette.colour(scope, id);
    }

    private String colourOf(String name) {
        String c = assigned.get(name);
        return c != null ? c : fixed(name);
    }

    private String fixed(String name) {
        int slash = name.indexOf('/');
        return palette.colour(name.startsWith("function/") ? Metric.Scope.FUNCTION : Metric.Scope.ENI_KEY,
                name.substring(slash + 1));
    }

    private static String name(Metric.Scope scope, String id) {
        return (scope == Metric.Scope.FUNCTION ? "function/" : "eniKey/") + id;
    }

    /**
     * The functions and keys each chart file draws in colour ({@code function/NAME}, {@code eniKey/KEY}), in the order
     * of {@link Charts#all}: latency p50 per function, ConcurrentExecutions, environments, cold starts, ENIs and
     * connections per key, provisioned concurrency, and the queued events' panels together (one legend).
     */
    static List<List<String>> drawn(RunResult r) {
        List<List<String>> out = new ArrayList<>();
        if (Charts.latencyDataset(r).getSeriesCount() > 0) {
            out.add(keys(Charts.latencyByFunctionDataset(r), Metric.Scope.FUNCTION, Charts.MAX_LINES));
        }
        out.add(keys(Charts.perFunction(r, Metric.CONCURRENT_EXECUTIONS), Metric.Scope.FUNCTION, Charts.MAX_LINES
                - 1));
        out.add(keys(Charts.perFunction(r, Metric.ENVIRONMENTS), Metric.Scope.FUNCTION, Charts.MAX_LINES));
        out.add(keys(Charts.perFunction(r, Metric.COLD_STARTS), Metric.Scope.FUNCTION, Charts.MAX_LINES));
        if (Charts.perKey(r, Metric.HYPERPLANE_ENI_COUNT).getSeriesCount() > 0) {
            int keys = Charts.keySeries(r, Metric.HYPERPLANE_ENI_COUNT).size();
            out.add(keys(Charts.perKey(r, Metric.HYPERPLANE_ENI_COUNT), Metric.Scope.ENI_KEY, keys > Charts.MAX_LINES
                    ? Charts.MAX_LINES - 1 : Charts.MAX_LINES));
            out.add(keys(Charts.perKey(r, Metric.ENI_CONNECTIONS), Metric.Scope.ENI_KEY, Charts.MAX_LINES));
        }
        if (r.summary().provisionedConcurrency() != null) {
            out.add(keys(Charts.perFunction(r, Metric.PROVISIONED_CONCURRENCY_ALLOCATED), Metric.Scope.FUNCTION,
                    Charts.MAX_LINES));
        }
        if (r.timeSeries().account(Metric.ASYNC_EVENTS_RECEIVED) != null) {
            out.add(queue(r, Charts.asyncPanels(r, "")));
        }
        if (r.summary().sqs() != null) {
            out.add(queue(r, Charts.sqsPanels(r, "")));
        }
        return out;
    }

    private static List<String> keys(org.jfree.data.xy.XYSeriesCollection c, Metric.Scope scope, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.getSeriesCount() && i < n; i++) {
            out.add(name(scope, String.valueOf(c.getSeriesKey(i))));
        }
        return out;
    }

    private static List<String> queue(RunResult r, List<Charts.QueuePanel> panels) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (Charts.QueuePanel qp : panels) {
            Downsample.Mode mode = Downsample.Mode.of(qp.metric());
            java.util.function.ToLongFunction<Series> score = mode == Downsample.Mode.SUM
                    ? s -> Palette.sum(s.values()) : s -> Palette.max(s.values());
            for (Series s : Palette.top(Charts.queueSeries(r, qp.metric()), Charts.MAX_LINES, score)) {
                names.put(name(Metric.Scope.FUNCTION, s.id()), true);
            }
        }
        return new ArrayList<>(names.keySet());
    }
}
