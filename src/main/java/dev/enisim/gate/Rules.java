package dev.enisim.gate;

import dev.enisim.scenario.Problem;
import dev.enisim.check.Checker;
import dev.enisim.check.Expectation;
import dev.enisim.scenario.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gate's thresholds, each a sentence (as in an {@code expect:} block) so that options, a rules file and the
 * reports say the same thing:
 * <ul>
 * <li>{@code no function Failed}: no creation or VPC update ends Failed;</li>
 * <li>{@code every subnet keeps N% of its IPs at the peak} / {@code every subnet keeps N IPs at the peak}: each
 * subnet the change touches;</li>
 * <li>{@code quota headroom >= N}: Lambda ENIs a VPC the change touches can still take at the peak;</li>
 * <li>{@code no function Pending longer than DURATION};</li>
 * <li>{@code new ENIs <= N};</li>
 * <li>{@code failing invocations <= N}: more failed invocations of functions that existed before;</li>
 * <li>{@code teardown wait <= DURATION}: until a deleted function's ENIs are gone.</li>
 * </ul>
 * Any other sentence is a {@code check} expectation on the after run's summary ({@code enis.peak <= 40}).
 */
final class Rules {

    private static final Pattern NO_FAILED = Pattern.compile("no function failed");
    private static final Pattern KEEPS = Pattern.compile("every subnet keeps ([0-9.]+)\\s*(%?)\\s*(of its )?ips?"
            + "(?: free)? at the peak");
    private static final Pattern HEADROOM = Pattern.compile("quota headroom >= ([0-9]+)");
    private static final Pattern PENDING = Pattern.compile("no function pending longer than (\\S+)");
    private static final Pattern NEW_ENIS = Pattern.compile("new enis <= ([0-9]+)");
    private static final Pattern FAILING = Pattern.compile("failing invocations <= ([0-9]+)");
    private static final Pattern TEARDOWN = Pattern.compile("teardown wait <= (\\S+)");

    static final String SENTENCES = "no function Failed; every subnet keeps P% of its IPs at the peak; every subnet"
            + " keeps N IPs at the peak; quota headroom >= N; no function Pending longer than 5m; new ENIs <= N; failing invocations <= N; teardown"
            + " wait <= 45m";

    /** The rules' forms, {@code V} standing for the sentence's own figure (a placeholder when it has none). */
    private static final List<String> FORMS = List.of("no function Failed", "every subnet keeps V% of its IPs at the"
            + " peak", "every subnet keeps V IPs at the peak", "quota headroom >= V", "no function Pending longer than"
            + " V", "new ENIs <= V", "failing invocations <= V", "teardown wait <= V");

    private Rules() {
    }

    /**
     * The gate rule closest to a sentence that is none (a letter off, {@code new ENI <= 5}, {@code no functon
     * Failed}, {@code quota headroom > 50}), with the sentence's own figure, or null when none is close.
     */
    static String closest(String sentence) {
        Matcher figure = Pattern.compile("([0-9][0-9.]*)\\s*([A-Za-z]*)").matcher(sentence.strip());
        String number = null;
        String unit = null;
        if (figure.find()) {
            number = figure.group(1);
            unit = UNITS.get(figure.group(2).toLowerCase(java.util.Locale.ROOT));
        }
        List<String> candidates = new ArrayList<>();
        for (String form : FORMS) {
            boolean duration = form.startsWith("no function Pending") || form.startsWith("teardown");
            // the figure as the rule takes it: a duration with its unit written as a duration is (5 min: 5m; a
            // number without one suggested as DURATION, never as a rule that would be refused too), a count bare
            String v = number == null ? null : duration ? (unit == null || unit.isEmpty() ? null : number + unit)
                    : number;
            candidates.add(form.replace("V", v != null ? v : duration ? "DURATION" : "N"));
        }
        return dev.enisim.scenario.Suggest.closest(sentence.strip().replaceAll("\\s+", " "), candidates);
    }

    /** Units people write after a duration, as a duration writes them ({@code 5 min}: {@code 5m}). */
    private static final java.util.Map<String, String> UNITS = java.util.Map.ofEntries(java.util.Map.entry("", ""),
            java.util.Map.entry("ms", "ms"), java.util.Map.entry("msec", "ms"), java.util.Map.entry("s", "s"),
            java.util.Map.entry("sec", "s"), java.util.Map.entry("secs", "s"), java.util.Map.entry("second", "s"),
            java.util.Map.entry("seconds", "s"), java.util.Map.entry("m", "m"), java.util.Map.entry("min", "m"),
            java.util.Map.entry("mins", "m"), java.util.Map.entry("minute", "m"), java.util.Map.entry("minutes", "m"),
            java.util.Map.entry("h", "h"), java.util.Map.entry("hr", "h"), java.util.Map.entry("hrs", "h"),
            java.util.Map.entry("hour", "h"), java.util.Map.entry("hours", "h"));

    /** Whether the sentence is one of the gate's own (else it is a summary expectation). */
    static boolean isGateRule(String sentence) {
        String s = norm(sentence);
        for (Pattern p : List.of(NO_FAILED, KEEPS, HEADROOM, PENDING, NEW_ENIS, FAILING, TEARDOWN)) {
            if (p.matcher(s).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Checks a sentence without an impact (bad input before anything runs). */
    static void validate(String sentence) {
        evaluate(sentence, null);
    }

    /**
     * Of the extra failures, those of functions the change deletes: their recorded traffic goes on calling them and
     * gets ResourceNotFoundException. Whether its callers outlive the change the gate cannot know, so they count; the
     * verdict says whose they are.
     */
    private static String ofDeleted(Impact impact) {
        long n = 0;
        List<String> names = new java.util.ArrayList<>();
        for (Impact.FunctionImpact f : impact.functions()) {
            if ("delete".equals(f.action()) && f.failedAfter() > f.failedBefore()) {
                n += f.failedAfter() - f.failedBefore();
                names.add(f.name());
            }
        }
        return n == 0 ? "" : ": " + n + " of them calls to functions the change deletes (" + String.join(", ", names)
                + "), their account's recorded traffic: their callers' failures if they outlive the change (if the"
                + " change removes the callers too, drop `failing invocations` from --rules)";
    }

    /**
     * The failures of the functions the change creates, which the rule does not count (the breakdown beside the count
     * is the existing functions' only): said apart, with whose they are.
     */
    private static String ofCreated(Impact impact) {
        long n = impact.createdErrors().values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (Impact.FunctionImpact f : impact.functions()) {
            if (("create".equals(f.action()) || "replace".equals(f.action())) && f.failedAfter() > 0) {
                names.add(f.name() + " " + f.failedAfter());
            }
        }
        return "; not counted: " + n + " failed invocations of functions the change creates "
                + impact.createdErrors() + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ": the table)");
    }

    private static String norm(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The verdict of one of the gate's sentences; with a null impact only checks the sentence. */
    static Checker.Result evaluate(String sentence, Impact impact) {
        String s = norm(sentence);
        Matcher m;
        if (NO_FAILED.matcher(s).matches()) {
            return impact == null ? null : failed(sentence, impact);
        }
        if ((m = KEEPS.matcher(s)).matches()) {
            double n;
            try {
                n = Double.parseDouble(m.group(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Problem.quote(sentence) + ": expected a number, got " + Problem.quote(m.group(1)));
            }
            boolean percent = !m.group(2).isEmpty();
            if (!percent && m.group(3) != null) { // "keeps 3 of its IPs": a percentage without its sign, or a count?
                throw new IllegalArgumentException(Problem.quote(sentence) + " is not a gate rule: a share of the subnet's"
                        + " addresses is `every subnet keeps " + m.group(1) + "% of its IPs at the peak`, a number of"
                        + " addresses `every subnet keeps " + m.group(1) + " IPs at the peak`");
            }
            if (percent && n > 100) { // it could never hold: a FAIL verdict for a rule that is a typo
                throw new IllegalArgumentException(Problem.quote(sentence) + ": a subnet keeps at most 100% of its IPs");
            }
            return impact == null ? null : keeps(sentence, impact, n, percent);
        }
        if ((m = HEADROOM.matcher(s)).matches()) {
            long n = Long.parseLong(m.group(1));
            if (impact == null) {
                return null;
            }
            List<String> bad = new ArrayList<>();
            StringBuilder all = new StringBuilder();
            for (Impact.VpcImpact v : impact.vpcs()) {
                all.append(all.length() == 0 ? "" : ", ").append(v.id()).append(": ").append(v.headroom());
                if (v.headroom() < n) {
                    bad.add(v.id() + ": " + v.peakAfter() + " of " + v.quota() + " ENIs at the peak" + (v.otherAfter()
                            == 0 ? "" : " beside " + v.otherAfter() + " of other services") + ", headroom "
                            + v.headroom());
                }
            }
            // a quota that refused an ENI shows a headroom of 0 at its peak: the demand it refused is the shortfall
            for (Impact.FunctionImpact f : impact.functions()) {
                if ("EniLimitExceeded".equals(f.reason()) && f.failed()) {
                    bad.add(f.name() + " could not get an ENI (EniLimitExceeded): the quota is short by at least 1");
                }
            }
            return result(sentence, bad, all.length() == 0 ? "no VPC changed" : "headroom " + all);
        }
        if ((m = PENDING.matcher(s)).matches()) {
            double limit = seconds(m.group(1), sentence);
            if (impact == null) {
                return null;
            }
            Checker.Result r = longest(sentence, impact, limit, Impact.FunctionImpact::pendingSeconds, " Pending for ",
                    "longest Pending ");
            // a function still Pending when the run ends has a spell cut short there: how long it lasts is unknown
            List<String> open = new ArrayList<>();
            for (Impact.FunctionImpact f : impact.functions()) {
                if ("Pending".equals(f.state()) && f.pendingSeconds() <= limit) {
                    open.add(f.name() + " still Pending when the run ends (" + Format.seconds(f.pendingSeconds())
                            + " so far)");
                }
            }
            if (open.isEmpty()) {
                return r;
            }
            return verdict(sentence, false, (r.passed() ? "" : r.actual() + "; ") + String.join("; ", open)
                    + ": cannot tell; deploy earlier (--deploy-at) or run the account longer");
        }
        if ((m = NEW_ENIS.matcher(s)).matches()) {
            long n = Long.parseLong(m.group(1));
            return impact == null ? null : result(sentence, impact.newEnis() > n ? List.of(impact.newEnis()
                    + " new ENIs (" + impact.newKeys() + " new keys)") : List.of(), impact.newEnis() + " new ENIs");
        }
        if ((m = FAILING.matcher(s)).matches()) {
            long n = Long.parseLong(m.group(1));
            return impact == null ? null : result(sentence, impact.extraFailedInvocations() > n
                    ? List.of(impact.extraFailedInvocations() + " more failed invocations of existing functions "
                    + impact.existingErrors() + ofDeleted(impact) + ofCreated(impact)) : List.of(),
                    impact.extraFailedInvocations() + " more failed invocations of existing functions (the new"
                    + " functions' own: the table)");
        }
        if ((m = TEARDOWN.matcher(s)).matches()) {
            double limit = seconds(m.group(1), sentence);
            return impact == null ? null : longest(sentence, impact, limit, f -> f.teardownSeconds() == null ? 0
                    : f.teardownSeconds(), " waits ", "longest teardown wait ");
        }
        throw new IllegalArgumentException(Problem.quote(sentence) + " is not a gate rule (" + SENTENCES + ")");
    }

    /** A duration per function (0: none) against a limit. */
    private static Checker.Result longest(String sentence, Impact impact, double limit,
            java.util.function.ToDoubleFunction<Impact.FunctionImpact> seconds, String verb, String fine) {
        List<String> bad = new ArrayList<>();
        double longest = 0;
        for (Impact.FunctionImpact f : impact.functions()) {
            double d = seconds.applyAsDouble(f);
            longest = Math.max(longest, d);
            if (d > limit) {
                bad.add(f.name() + verb + Format.seconds(d));
            }
        }
        return result(sentence, bad, fine + Format.seconds(longest));
    }

    private static double seconds(String duration, String sentence) {
        try {
            return Units.durationMicros(duration) / 1e6;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Problem.quote(sentence) + ": " + e.getMessage());
        }
    }

    private static Checker.Result failed(String sentence, Impact impact) {
        List<String> bad = new ArrayList<>();
        List<String> updates = new ArrayList<>(); // a failed update: the function stays Active on its old configuration
        for (Impact.FunctionImpact f : impact.functions()) {
            if ("Failed".equals(f.state())) {
                // Failed in the before run too (imported `existing: Failed`): counted, but not the change's doing
                bad.add(f.name() + " (" + f.reason() + (f.failedWithout() ? "; already Failed before the change,"
                        + " needs delete and recreate" : "") + ")");
            } else if (f.failed()) {
                updates.add(f.name() + " (" + f.reason() + ")");
            }
        }
        List<String> why = new ArrayList<>();
        for (Impact.SubnetImpact s : impact.subnets()) {
            // a cause only when it had fewer free IPs than the new keys (and mount targets) needed: 27 keys in 27
            // free addresses fit, though none is left
            if (s.freeAfter() == 0 && s.newKeys() > 0 && s.freeBefore() < s.newKeys() + s.newInterfaces()) {
                why.add(s.id() + " (" + s.cidr() + "): " + s.newKeys() + " new ENI key(s) need " + s.newKeys()
                        + " ENI(s), " + s.freeBefore() + " IP(s) were free at the peak before the change"
                        + (s.newInterfaces() == 0 ? "" : ", " + Math.min(s.newInterfaces(), s.freeBefore())
                        + " of them taken by the change's EFS mount target(s)"));
            }
        }
        List<String> parts = new ArrayList<>();
        if (!bad.isEmpty()) {
            parts.add(bad.size() + " Failed: " + String.join(", ", bad));
        }
        if (!updates.isEmpty()) {
            parts.add(updates.size() + " update" + (updates.size() == 1 ? "" : "s") + " failed: " + String.join(", ",
                    updates) + " (" + (updates.size() == 1 ? "it stays" : "each stays") + " Active on its old"
                    + " configuration, LastUpdateStatus Failed)");
        }
        String actual = parts.isEmpty() ? "none Failed" : String.join("; ", parts)
                + (why.isEmpty() ? "" : "; " + String.join("; ", why));
        // a creation or update still going on when the run ends: Active or Failed, the run never told
        List<String> open = new ArrayList<>();
        for (Impact.FunctionImpact f : impact.functions()) {
            if (f.unsettled()) {
                open.add(f.name());
            }
        }
        if (open.isEmpty()) { // a failed update fails the rule as a Failed function does
            return verdict(sentence, bad.isEmpty() && updates.isEmpty(), actual);
        }
        return verdict(sentence, false, (parts.isEmpty() ? "" : actual + "; ") + open.size() + " still Pending (or"
                + " updating their VpcConfig) when the run ends (" + String.join(", ", open) + "): cannot tell whether they end Failed; deploy earlier"
                + " (--deploy-at) or run the account longer");
    }

    private static Checker.Result keeps(String sentence, Impact impact, double n, boolean percent) {
        List<String> bad = new ArrayList<>();
        long least = Long.MAX_VALUE;
        for (Impact.SubnetImpact s : impact.subnets()) {
            least = Math.min(least, s.freeAfter());
            boolean ok = percent ? s.freeAfterPercent() >= n : s.freeAfter() >= n;
            if (!ok) {
                bad.add(s.id() + " (" + s.cidr() + "): " + s.freeAfter() + " of " + s.usableIps() + " IPs free at the"
                        + " peak (" + Format.percent(s.freeAfterPercent()) + "), " + s.freeBefore() + " before; "
                        + s.newEnis() + " new ENI(s)" + (s.newInterfaces() == 0 ? "" : ", " + s.newInterfaces()
                        + " EFS mount target(s) of the change"));
            }
        }
        return result(sentence, bad, impact.subnets().isEmpty() ? "no subnet changed" : "fewest free "
                + least + " IPs");
    }

    private static Checker.Result result(String sentence, List<String> bad, String fine) {
        return verdict(sentence, bad.isEmpty(), bad.isEmpty() ? fine : String.join("; ", bad));
    }

    static Checker.Result verdict(String sentence, boolean passed, String actual) {
        return new Checker.Result(new Expectation(sentence, Expectation.Statistic.VALUE, "gate", Expectation.Op.EQ,
                List.of()), passed, actual);
    }
}
