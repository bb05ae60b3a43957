package dev.enisim.importer;

import dev.enisim.scenario.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Traffic from saved {@code aws cloudwatch get-metric-data} output. Each result is matched to a function by its
 * {@code Id} or {@code Label} (the longest function name found there, dashes written as underscores since Ids
 * cannot hold dashes), and to a metric by the word {@code Invocations} or {@code Duration} in what remains.
 * Results for other metrics or functions are left out and said so in the notes.
 */
final class CloudWatch {

    static final String COMMAND = "aws cloudwatch get-metric-data";
    /** The period of a function whose Invocations results hold no data point (no traffic to spread over it). */
    static final long DEFAULT_PERIOD_SECONDS = 300;

    /**
     * A function's traffic: Invocations (Sum) per period by start time (epoch seconds; periods CloudWatch left
     * out had none), and the mean of Duration (Average) weighted by invocations, or null.
     */
    record Traffic(long periodSeconds, TreeMap<Long, Double> invocations, Double meanDurationMs) {
    }

    private final List<String> names;
    private final List<String> notes;
    private final long givenPeriod;
    private final Map<String, TreeMap<Long, Double>> invocations = new TreeMap<>();
    private final Map<String, TreeMap<Long, Double>> durations = new TreeMap<>();
    /** Throttles (Sum) and ConcurrentExecutions per function, by time: said in the notes, not traffic. */
    private final Map<String, TreeMap<Long, Double>> throttles = new TreeMap<>();
    private final Map<String, TreeMap<Long, Double>> concurrency = new TreeMap<>();
    /** Function -> the period of the files its results came from (0: unknown). */
    private final Map<String, Long> periods = new TreeMap<>();
    /** Function -> where its first Invocations result was read (file, path), for problems. */
    private final Map<String, Place> firstInvocations = new TreeMap<>();
    /**
     * Result (function and metric) -> the last one read with that Id, when its StatusCode was PartialData (CloudWatch
     * has more of its data points on a next page): removed when a later page gives the same result Complete.
     */
    private final Map<String, Place> partialData = new TreeMap<>();
    /** Where pages (documents with or without a NextToken) and unreadable files are counted, or null. */
    private Account account;

    /** Where a result was read. */
    private record Place(Path file, String path, boolean token) {
    }

    /**
     * @param periodSeconds the Period of the queries, or 0 to take, per file, the smallest gap between data points
     *                      of any of its results (the output does not say the Period; CloudWatch leaves out the
     *                      periods without data, so one function's gaps alone do not tell it)
     */
    CloudWatch(Collection<String> functionNames, List<String> notes, long periodSeconds) {
        this.names = List.copyOf(functionNames);
        this.notes = notes;
        this.givenPeriod = periodSeconds;
    }

    /**
     * Counts each document read as a page of the get-metric-data listing in {@code a} (a NextToken: more pages), as
     * the other listings are, so that a listing without its last page is refused or PARTIAL ({@link Checks#pages}).
     */
    CloudWatch pagesIn(Account a) {
        this.account = a;
        return this;
    }

    void read(Path file) throws ScenarioException {
        List<CliJson> docs = account == null ? CliJson.readAll(file, COMMAND) : account.readAll(file, COMMAND);
        List<String> functions = new ArrayList<>();
        List<Series> series = new ArrayList<>();
        long gap = 0;
        for (CliJson j : docs) {
            gap = read(j, functions, series, gap);
            if (account != null) {
                account.page(j, COMMAND);
            }
        }
        if (givenPeriod > 0) {
            checkPeriod(series, gap);
        } else {
            checkSpacing(series, gap);
        }
        docs.get(0).throwIfProblems();
        long period = givenPeriod > 0 ? givenPeriod : gap;
        if (givenPeriod == 0 && gap > 0) {
            notes.add(file + ": CloudWatch period taken as " + ScenarioWriter.time(gap) + ", the smallest gap between"
                    + " its data points; periods without one had no invocations (`--period` sets it)");
        }
        for (String fn : functions) {
            periods.merge(fn, period, (a, b) -> a == 0 ? b : b == 0 ? a : Math.min(a, b));
        }
    }

    /** One result's data points (epoch seconds, ascending), and where it is, for problems. */
    private record Series(CliJson doc, String path, List<Long> times) {
    }

    /**
     * Without {@code --period}, the period is the smallest gap between the file's data points; a gap that is not a
     * multiple of it means the points do not tell the period (CloudWatch gives points a whole number of periods
     * apart, so it divides both): refused, asking for {@code --period}, rather than guessed.
     */
    private void checkSpacing(List<Series> series, long fileGap) {
        for (Series r : series) {
            for (int k = 1; k < r.times().size(); k++) {
                long g = r.times().get(k) - r.times().get(k - 1);
                if (g % fileGap != 0) {
                    r.doc().problem(r.path() + ".Timestamps", "data points " + g + " s apart, not a multiple of the "
                            + fileGap + " s between the closest points of this file: the period of the queries cannot"
                            + " be told from the points (it divides both, " + gcd(g, fileGap) + " s or less);"
                            + " give the Period the queries used with --period (enisim import stops rather than"
                            + " guess)");
                    return;
                }
            }
        }
    }

    private static long gcd(long x, long y) {
        return y == 0 ? x : gcd(y, x % y);
    }

    /**
     * The data must fit the {@code --period} given: no two points of a result closer than it, every gap a multiple of
     * it, and the file's points not all spaced a multiple of it apart. The last is what a query of a longer Period
     * gives (5-minute data read with {@code --period 1m}): taken as given, each 5-minute count would become a burst
     * of one minute at five times the rate, with four quiet minutes after it, so it is refused, saying which period
     * the data show. A period the data confirm anywhere in the file (two points one period apart, or a gap that is
     * not a multiple of the smallest) is sparse data at that period: fine.
     */
    private void checkPeriod(List<Series> series, long fileGap) {
        boolean fits = true;
        for (Series r : series) {
            long smallest = 0;
            long offBeat = 0;
            for (int k = 1; k < r.times().size(); k++) {
                long g = r.times().get(k) - r.times().get(k - 1);
                smallest = smallest == 0 || g < smallest ? g : smallest;
                offBeat = offBeat == 0 && g % givenPeriod != 0 ? g : offBeat;
            }
            if (smallest > 0 && smallest < givenPeriod) {
                r.doc().problem(r.path() + ".Timestamps", "data points " + smallest + " s apart, closer than the period"
                        + " of " + givenPeriod + " s given (--period)");
                fits = false;
            } else if (offBeat > 0) {
                r.doc().problem(r.path() + ".Timestamps", "data points " + offBeat + " s apart, not a multiple of the"
                        + " period of " + givenPeriod + " s given (--period): expected points a whole number of periods"
                        + " apart, as CloudWatch gives them (was the queries' Period another?)");
                fits = false;
            }
        }
        if (!fits || fileGap <= givenPeriod) {
            return;
        }
        for (Series r : series) {
            for (int k = 1; k < r.times().size(); k++) {
                if ((r.times().get(k) - r.times().get(k - 1)) % fileGap != 0) {
                    return; // sparse data at a shorter period: points that are not all fileGap apart
                }
            }
        }
        Series first = series.stream().filter(r -> r.times().size() > 1).findFirst().orElseThrow();
        String given = ScenarioWriter.time(givenPeriod);
        String data = ScenarioWriter.time(fileGap);
        long times = fileGap / givenPeriod;
        first.doc().problem(first.path() + ".Timestamps", "every data point in this file is a multiple of " + data
                + " apart, " + times + " times the period of " + given + " given (--period): expected points " + given
                + " apart somewhere, as queries with a Period of " + givenPeriod + " s give them. These look like " + data
                + " sums, and read as " + given + " ones each would be a burst at " + times + " times the rate with quiet"
                + " time after it. Pass --period " + data + ", or leave --period out to use the data's spacing (if the"
                + " Period really was " + given + " and the function ran only every " + data + ", --period " + data
                + " gives the same counts, each spread over its " + data + ")");
    }

    /** One document's results, each added to {@code series}; returns the smallest gap so far. */
    private long read(CliJson j, List<String> functions, List<Series> series, long gapSoFar) {
        long gap = gapSoFar;
        if (!j.root.has("MetricDataResults") && j.root.path("Datapoints").isArray()) {
            j.problem("Datapoints", "this is `aws cloudwatch get-metric-statistics` output, which names neither its"
                    + " function (the FunctionName dimension is not printed) nor its Period: save `" + COMMAND + "`"
                    + " output instead, one query per function and metric with an Id naming both, like"
                    + " orders_api_invocations (scenarios/import-example/queries.json)");
            j.wrongKind = true;
            return gap;
        }
        List<JsonNode> list = j.list("MetricDataResults", COMMAND);
        for (int i = 0; i < list.size(); i++) {
            TreeMap<Long, Double> points = new TreeMap<>();
            String fn = result(j, list.get(i), "MetricDataResults[" + i + "]", points);
            if (fn != null) {
                functions.add(fn);
                if (invocations(list.get(i), fn)) {
                    firstInvocations.putIfAbsent(fn, new Place(j.file, j.at("MetricDataResults[" + i + "]"), false));
                }
                long g = smallestGap(points);
                gap = g > 0 && (gap == 0 || g < gap) ? g : gap;
                series.add(new Series(j, "MetricDataResults[" + i + "]", List.copyOf(points.keySet())));
            }
        }
        return gap;
    }

    /** Reads one result into its function's series and {@code points}; returns the function, or null. */
    private String result(CliJson j, JsonNode r, String p, TreeMap<Long, Double> points) {
        String id = j.text(r, p, "Id", true);
        String label = j.text(r, p, "Label", false);
        String status = j.text(r, p, "StatusCode", false);
        String text = normalise((id == null ? "" : id) + " " + (label == null ? "" : label));
        String fn = function(normalise(id == null ? "" : id), normalise(label == null ? "" : label));
        List<String> unsaid = fn != null ? List.of() : withoutAccount(normalise(id == null ? "" : id),
                normalise(label == null ? "" : label));
        if (!unsaid.isEmpty()) {
            j.problem(CliJson.join(p, "Id"), Problem.quote(id) + (label == null ? "" : " (Label " + Problem.quote(label)
                    + ")") + " names " + plain(unsaid.get(0)) + ", a function of several accounts (" + String.join(
                    " and ", unsaid) + "), without its account: give this query a Label with its account, like \""
                    + unsaid.get(0) + " Invocations\", or its Id the account id, like "
                    + plain(unsaid.get(0)).replace('-', '_') + "_" + accountOf(unsaid.get(0)) + "_invocations");
            return null;
        }
        if (fn != null) {
            List<String> alike = alike(fn, id, label);
            if (alike.size() > 1) {
                List<String> literal = alike.stream().filter(n -> literally(id, n) || literally(label, n)).toList();
                if (literal.size() != 1) {
                    j.problem(CliJson.join(p, "Id"), Problem.quote(id) + (label == null ? ""
                            : " (Label " + Problem.quote(label) + ")") + " names " + String.join(" and ", alike) + " alike (Ids write '-' as '_', and names are"
                            + " matched whatever their case): give this query a Label with the function's name as"
                            + " it is, like \"" + alike.get(0) + " Invocations\"");
                    return null;
                }
                notes.add("result " + id + (label == null ? "" : " (" + label + ")") + " in " + j.file + " could name "
                        + String.join(" or ", alike) + ": taken as " + literal.get(0) + ", whose name it holds as"
                        + " written (give each query a Label with the function's name to be sure)");
                fn = literal.get(0);
            }
        }
        String rest = fn == null ? text : text.replace(normalise(fn), " ");
        boolean inv = hasWord(rest, "invocations");
        boolean dur = hasWord(rest, "duration");
        String what = "result " + id + (label == null ? "" : " (" + label + ")") + " in " + j.file;
        boolean thr = hasWord(rest, "throttles") || hasWord(rest, "throttle");
        boolean conc = hasWord(rest, "concurrentexecutions") || hasWord(rest, "concurrent")
                && hasWord(rest, "executions");
        if (fn != null && !inv && !dur && thr != conc) { // r1: left out unsaid, though throttled demand is missing
            if (!"InternalError".equals(status) && !"Forbidden".equals(status)) {
                TreeMap<Long, Double> series = (thr ? throttles : concurrency).computeIfAbsent(fn,
                        k -> new TreeMap<>());
                points(j, r, p, fn, series, new TreeMap<>());
            }
            return null; // not traffic: no part in the period's spacing
        }
        if (fn == null || inv == dur) {
            String part = fn == null ? partOfLongerName(text) : null;
            notes.add(what + " left out: " + (part != null ? "its Id and Label name " + part + " only as part of a"
                    + " longer name (another function's?): name the function, then the metric, like "
                    + part.replace('-', '_') + "_invocations"
                    : fn == null ? "its Id and Label name no imported function"
                    : inv ? "its Id and Label say both Invocations and Duration"
                    : "its Id and Label say neither Invocations nor Duration"));
            return null;
        }
        if ("InternalError".equals(status) || "Forbidden".equals(status)) {
            j.problem(CliJson.join(p, "StatusCode"), "CloudWatch returned " + status
                    + " for this query: expected Complete or PartialData (query again, with cloudwatch:GetMetricData)");
            return null;
        }
        String key = fn + (inv ? " Invocations" : " Duration");
        if ("PartialData".equals(status)) {
            partialData.put(key, new Place(j.file, j.at(CliJson.join(p, "StatusCode")), j.nextPage() != null));
        } else {
            partialData.remove(key); // a later page completes it
        }
        TreeMap<Long, Double> series = (inv ? invocations : durations).computeIfAbsent(fn, k -> new TreeMap<>());
        return points(j, r, p, fn, series, points) ? fn : null;
    }

    /**
     * A result's data points into its function's {@code series} and {@code points}; false when its Timestamps and
     * Values are not two lists of equal length (a problem).
     */
    private static boolean points(CliJson j, JsonNode r, String p, String fn, TreeMap<Long, Double> series,
            TreeMap<Long, Double> points) {
        JsonNode ts = r.get("Timestamps");
        JsonNode vs = r.get("Values");
        if (ts == null || vs == null || !ts.isArray() || !vs.isArray() || ts.size() != vs.size()) {
            j.problem(p, "expected lists Timestamps and Values of equal length");
            return false;
        }
        for (int k = 0; k < ts.size(); k++) {
            Long at = time(j, ts.get(k), p + ".Timestamps[" + k + "]");
            JsonNode v = vs.get(k);
            if (!v.isNumber() || v.asDouble() < 0 || !Double.isFinite(v.asDouble())) {
                j.problem(p + ".Values[" + k + "]", "expected a number >= 0, got " + v);
            } else if (at != null) {
                points.put(at, v.asDouble());
                Double before = series.put(at, v.asDouble());
                if (before != null && before != v.asDouble()) {
                    j.problem(p + ".Timestamps[" + k + "]", "another result gives " + fn + " " + before
                            + " at this time, this one " + v.asDouble() + ": expected one value per period");
                }
            }
        }
        return true;
    }

    /**
     * An ISO-8601 time (AWS CLI v2; with a space instead of the T as Python's str() prints it), or epoch seconds as
     * AWS CLI v1 prints them with its default {@code cli_timestamp_format} ({@code wire}); milliseconds when the
     * number is too large for seconds.
     */
    private static Long time(CliJson j, JsonNode t, String path) {
        if (t.isNumber() && Double.isFinite(t.asDouble()) && t.asDouble() >= 0) {
            double v = t.asDouble();
            return Math.round(v >= 1e11 ? v / 1000 : v);
        }
        try {
            if (t.isTextual()) {
                return OffsetDateTime.parse(t.asText().trim().replace(' ', 'T')).toEpochSecond();
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        j.problem(path, "expected an ISO-8601 time like 2026-11-20T08:00:00+00:00 or epoch seconds, got " + t);
        return null;
    }

    /** Whether the result (of function {@code fn}) is an Invocations one: read again from its Id and Label. */
    private boolean invocations(JsonNode r, String fn) {
        String text = normalise(r.path("Id").asText("") + " " + r.path("Label").asText(""));
        return hasWord(text.replace(normalise(fn), " "), "invocations");
    }

    /**
     * Results whose last page read is PartialData (CloudWatch has more of their data points): each is refused, or
     * with {@code allowPartial} imported with a PARTIAL warning (added to {@link Account#partial}), as a listing
     * without its last page is. A result on a page with a NextToken, in a listing of which no last page was given,
     * is left to {@link Checks#pages}, which says so for the whole page. Returns the warnings.
     */
    List<String> partial(Account a, boolean allowPartial, boolean tokenPagesReported) throws ScenarioException {
        Map<Path, List<dev.enisim.scenario.Problem>> problems = new java.util.LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, Place> e : partialData.entrySet()) {
            Place at = e.getValue();
            if (at.token() && tokenPagesReported) {
                continue;
            }
            String message = "CloudWatch returned PartialData for " + e.getKey() + ": it has more data points than"
                    + " this output holds (on a next page, NextToken), and no later page gives this result Complete";
            if (!allowPartial) {
                problems.computeIfAbsent(at.file(), k -> new ArrayList<>()).add(new dev.enisim.scenario.Problem(
                        at.path(), message + ": give every page (several files to --metrics), save the output again"
                        + " without --max-items / --no-paginate, or pass --allow-partial to import this part alone"));
            } else {
                String warning = "PARTIAL: " + at.file() + " (" + at.path() + "): " + message + "; imported as it is"
                        + " (--allow-partial): the periods on the other pages are missing, and count as no"
                        + " invocations";
                a.partial.add(warning);
                warnings.add(warning);
            }
        }
        Importer.throwIfAny(problems);
        return warnings;
    }

    /**
     * The traffic of every function that had an Invocations result, after all files are read. A function with data
     * points, none of whose files has two points to read the period from, is refused without {@code --period}.
     */
    Map<String, Traffic> traffic() throws ScenarioException {
        Map<String, Traffic> out = new TreeMap<>();
        Map<Path, List<dev.enisim.scenario.Problem>> unknown = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, TreeMap<Long, Double>> e : invocations.entrySet()) {
            TreeMap<Long, Double> counts = e.getValue();
            long period = periods.getOrDefault(e.getKey(), 0L);
            if (period == 0 && !counts.isEmpty()) {
                Place at = firstInvocations.get(e.getKey());
                unknown.computeIfAbsent(at.file(), k -> new ArrayList<>()).add(new dev.enisim.scenario.Problem(
                        CliJson.join(at.path(), "Timestamps"), e.getKey() + ": one data point per result in every"
                        + " file of its results, so the period of the queries cannot be read from the points"
                        + " (get-metric-data does not print the Period): give it with --period, like --period 1d for"
                        + " a query with --period 86400 (enisim import stops rather than guess)"));
                continue;
            }
            out.put(e.getKey(), new Traffic(period == 0 ? DEFAULT_PERIOD_SECONDS : period, counts,
                    meanDuration(durations.get(e.getKey()), counts)));
        }
        Importer.throwIfAny(unknown);
        for (String fn : durations.keySet()) {
            if (!invocations.containsKey(fn)) {
                notes.add(fn + ": CloudWatch Duration without Invocations; its traffic is a placeholder");
            }
        }
        throttleNotes(out);
        return out;
    }

    /**
     * What Throttles and ConcurrentExecutions results say. Invocations leave throttled requests out (domain.md
     * section 3), so a function throttled in the window had more demand than its imported arrivals. The Throttles
     * are not added to them: a caller's retries count in Throttles each time, and in Invocations once one runs, so
     * the sum could overstate the demand as much as Invocations understate it; the note gives both bounds instead.
     */
    private void throttleNotes(Map<String, Traffic> traffic) {
        List<String> none = new ArrayList<>();
        throttles.forEach((fn, points) -> {
            long n = Math.round(points.values().stream().mapToDouble(Double::doubleValue).sum());
            if (n == 0) {
                none.add(fn);
                return;
            }
            Traffic t = traffic.get(fn);
            long ran = t == null ? 0 : Math.round(t.invocations().values().stream().mapToDouble(Double::doubleValue)
                    .sum());
            notes.add(fn + ": " + String.format(Locale.ROOT, "%,d", n) + " requests were throttled (CloudWatch Throttles, Sum, in the window): demand"
                    + " is understated, as Invocations" + (t == null ? " (none given: its traffic is a placeholder)"
                    : ", " + String.format(Locale.ROOT, "%,d", ran) + ", from which its arrivals come,") + " leave throttled requests out. They are not"
                    + " added back, since a caller's retries count in Throttles each time: the demand lies between"
                    + " Invocations and Invocations + Throttles" + (ran > 0 ? String.format(Locale.ROOT, " (x%.2f"
                    + " the arrivals at most)", (ran + n) / (double) ran) : ""));
        });
        if (!none.isEmpty()) {
            notes.add("CloudWatch Throttles: none in the window for " + Importer.names(none, Importer.GROUP_ABOVE)
                    + ": Invocations are the whole demand");
        }
        concurrency.forEach((fn, points) -> {
            if (!points.isEmpty()) {
                notes.add(fn + ": CloudWatch ConcurrentExecutions up to " + Math.round(points.values().stream()
                        .mapToDouble(Double::doubleValue).max().orElseThrow()) + " in the window (Maximum gives the"
                        + " peak): not imported (the run's concurrency comes from its arrivals and duration); compare"
                        + " it with " + fn + "'s peakConcurrentExecutions in the run's summary.json");
            }
        });
    }

    /** Duration of functions that have no Invocations result (their traffic is a placeholder). */
    Double durationOnly(String fn) {
        return invocations.containsKey(fn) ? null : meanDuration(durations.get(fn), new TreeMap<>());
    }

    /** The smallest gap between data points (0 with fewer than two). */
    private static long smallestGap(TreeMap<Long, Double> counts) {
        long best = 0;
        Long previous = null;
        for (long t : counts.keySet()) {
            if (previous != null && (best == 0 || t - previous < best)) {
                best = t - previous;
            }
            previous = t;
        }
        return best;
    }

    /** Mean of per-period averages, weighted by that period's invocations where known. */
    private static Double meanDuration(TreeMap<Long, Double> averages, TreeMap<Long, Double> counts) {
        if (averages == null || averages.isEmpty()) {
            return null;
        }
        double sum = 0;
        double weights = 0;
        for (Map.Entry<Long, Double> a : averages.entrySet()) {
            double w = counts.isEmpty() ? 1 : counts.getOrDefault(a.getKey(), 0.0);
            sum += w * a.getValue();
            weights += w;
        }
        if (weights == 0) { // no period has both: fall back to the plain mean
            return averages.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }
        return sum / weights;
    }

    /**
     * Words that may stand next to a function's name in an Id or Label without being part of a longer name: the
     * metrics and statistics, and short query tags ({@code m}, {@code q}). Any other word joined to the name (as
     * {@code api} in {@code orders_api_invocations} for a function {@code orders}) makes it part of a longer name:
     * a function not imported, whose traffic must not be given to this one.
     */
    private static final java.util.Set<String> BESIDE = java.util.Set.of("invocations", "invocation", "inv", "invs",
            "duration", "durations", "dur", "sum", "avg", "average", "mean", "count", "total", "ms", "metric", "stat",
            "lambda", "fn", "function", "of", "for", "by", "per", "period",
            // Lambda's other metrics, left out by the metric check that follows
            "errors", "error", "throttles", "throttle", "concurrentexecutions", "concurrency", "iteratorage",
            "deadlettererrors", "destinationdeliveryfailures", "provisionedconcurrencyutilization");

    /**
     * The function whose name appears whole in the Id or in the Label, not joined to another word that would make
     * it part of a longer name (the longest such name; null when none).
     */
    private String function(String id, String label) {
        String best = null;
        int bestLength = 0;
        for (String name : names) {
            String n = normalise(plain(name));
            String account = accountOf(name);
            if ((standsAlone(id, n) || standsAlone(label, n)) && (account == null || hasWord(id, account)
                    || hasWord(label, account)) && (best == null || n.length() > bestLength)) {
                best = name;
                bestLength = n.length();
            }
        }
        return best;
    }

    /**
     * The imported functions of several accounts whose name the Id or Label gives without any of their accounts
     * ({@code api_invocations} with {@code 222222222222:api} and {@code 333333333333:api}), empty when none.
     */
    private List<String> withoutAccount(String id, String label) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String n = normalise(plain(name));
            if (accountOf(name) != null && (standsAlone(id, n) || standsAlone(label, n))) {
                out.add(name);
            }
        }
        return out;
    }

    /** A label's name ({@code api} of {@code 222222222222:api}), or the name. */
    private static String plain(String name) {
        return name.substring(name.indexOf(dev.enisim.scenario.FunctionLabels.SEPARATOR) + 1);
    }

    /** A label's account ({@code 222222222222} of {@code 222222222222:api}), or null for a name. */
    private static String accountOf(String name) {
        int colon = name.indexOf(dev.enisim.scenario.FunctionLabels.SEPARATOR);
        return colon < 0 ? null : name.substring(0, colon);
    }

    /**
     * The imported functions that the Id or Label names as it names {@code fn}: their names differ from it only in
     * case or in '-' against '_' (orders-api, orders_api), sorted.
     */
    private List<String> alike(String fn, String id, String label) {
        String n = normalise(fn);
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (normalise(name).equals(n)) {
                out.add(name);
            }
        }
        out.sort(null);
        return out;
    }

    /** Whether {@code name} appears in {@code text} exactly as written (case, '-' and '_'), as whole words. */
    private static boolean literally(String text, String name) {
        if (text == null) {
            return false;
        }
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            int end = at + name.length();
            if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether name {@code n} appears in {@code text} as whole words, its neighbours metric words or tags only. */
    private static boolean standsAlone(String text, String n) {
        for (int at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + 1)) {
            int end = at + n.length();
            if (wholeWords(text, at, end) && besideOk(wordBefore(text, at)) && besideOk(wordAfter(text, end))) {
                return true;
            }
        }
        return false;
    }

    /** The first imported function named in the text as whole words but only joined to other words, or null. */
    private String partOfLongerName(String text) {
        for (String name : names) {
            String n = normalise(name);
            for (int at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + 1)) {
                if (wholeWords(text, at, at + n.length())) {
                    return name;
                }
            }
        }
        return null;
    }

    private static boolean wholeWords(String text, int at, int end) {
        return (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }

    /** A neighbour that leaves the name whole: none (a space or the end), a metric word, or a short tag. */
    private static boolean besideOk(String word) {
        return word == null || BESIDE.contains(word) || word.length() == 1 || word.matches("[a-z]\\d+|\\d+");
    }

    /** The word joined to the text before {@code at} by a dash (an Id's underscore, normalised), or null. */
    private static String wordBefore(String text, int at) {
        if (at < 2 || text.charAt(at - 1) != '-') {
            return null;
        }
        int from = at - 1;
        while (from > 0 && Character.isLetterOrDigit(text.charAt(from - 1))) {
            from--;
        }
        return from == at - 1 ? null : text.substring(from, at - 1);
    }

    /** The word joined to the text after {@code end} by a dash, or null. */
    private static String wordAfter(String text, int end) {
        if (end + 1 >= text.length() || text.charAt(end) != '-') {
            return null;
        }
        int to = end + 1;
        while (to < text.length() && Character.isLetterOrDigit(text.charAt(to))) {
            to++;
        }
        return to == end + 1 ? null : text.substring(end + 1, to);
    }

    private static boolean hasWord(String text, String word) {
        for (String w : text.split("[^a-z0-9]+")) {
            if (w.equals(word)) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
