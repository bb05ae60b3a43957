package dev.enisim.report;

import dev.enisim.metrics.Seconds;
import dev.enisim.model.AsyncConfig;
import dev.enisim.model.NetworkModel;
import dev.enisim.model.Scaling;
import dev.enisim.model.SqsConfig;
import dev.enisim.scenario.Defaults;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.DistributionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The assumptions a run used, written as a scenario would write them ({@code {dist: lognormal, median: 75s,
 * p99: 5m}}, {@code 14d}, {@code 65000}), under the block of the network model in force: {@code hyperplane.*}
 * for Hyperplane runs, {@code legacy.*} (and the ENI limit) for legacy runs. Pure functions.
 */
public final class Assumptions {

    /** One assumption: its field path in the scenario and its value in scenario syntax. */
    public record Row(String field, String value) {
    }

    private Assumptions() {
    }

    public static List<Row> rows(Scenario sc) {
        List<Row> out = new ArrayList<>();
        Scenario.Hyperplane h = sc.hyperplane();
        out.add(new Row("assumptions", sc.assumptions().label()));
        if (sc.networkModel() == NetworkModel.LEGACY) {
            Scenario.Legacy l = sc.legacy();
            out.add(new Row("networkModel", "legacy"));
            out.add(new Row("legacy.coldStartAttachTime", distribution(l.coldStartAttachTime())));
            out.add(new Row("legacy.ec2ApiBurst", String.valueOf(l.ec2ApiBurst())));
            out.add(new Row("legacy.ec2ApiRefill", rate(l.ec2ApiRefillPerSecond())));
            out.add(new Row("legacy.eniLimit", String.valueOf(l.eniLimit())));
        } else {
            out.add(new Row("hyperplane.eniCreateTime", distribution(h.eniCreateTime())));
            out.add(new Row("hyperplane.attachExistingTime", distribution(h.attachExistingTime())));
            out.add(new Row("hyperplane.connectionsPerEni", String.valueOf(h.connectionsPerEni())));
            out.add(new Row("hyperplane.eniRetryBackoff", duration(h.eniRetryBackoffMicros())));
            out.add(new Row("hyperplane.eniDeleteTime", distribution(h.eniDeleteTime())));
            out.add(new Row("hyperplane.idleReclaimAfter", duration(h.idleReclaimAfterMicros())));
            out.add(new Row("hyperplane.stuckPendingAfter", duration(h.stuckPendingAfterMicros())));
            out.add(new Row("hyperplane.ec2RequestLimit", h.ec2RequestLimit().map(ec2 -> "{burst: " + ec2.burst()
                    + ", refill: " + rate(ec2.perSecond()) + "}").orElse("none")));
            out.add(new Row("hyperplane.eniNotReadyOnScaleOut", String.valueOf(h.eniNotReadyOnScaleOut())));
        }
        Scaling s = sc.scaling().scaling();
        if (s.model() == Scaling.Model.PER_FUNCTION) {
            out.add(new Row("scaling.model", "per-function"));
            out.add(new Row("scaling.newEnvironmentsPer10s", String.valueOf(s.newEnvironments())));
        } else {
            out.add(new Row("scaling.model", "legacy-burst"));
            out.add(new Row("scaling.burst", String.valueOf(s.burst())));
            out.add(new Row("scaling.burstIncreasePerMinute", String.valueOf(s.burstIncrease())));
        }
        out.add(new Row("scaling.keepAlive", duration(sc.scaling().keepAliveMicros())));
        // the idle environments existing functions start with: an assumption that moves a run's first minutes
        // (enisim import writes auto), said when any function has them
        java.util.Map<String, Integer> warm = new java.util.LinkedHashMap<>();
        for (Scenario.Function f : sc.functions()) {
            java.util.OptionalInt w = f.warmEnvironments();
            if (w.isEmpty() || w.getAsInt() > 0) {
                warm.merge(w.isEmpty() ? "auto" : String.valueOf(w.getAsInt()), 1, Integer::sum);
            }
        }
        if (!warm.isEmpty()) {
            List<String> parts = new ArrayList<>();
            warm.forEach((v, n) -> parts.add(v + " (" + n + " function" + (n == 1 ? "" : "s") + ")"));
            out.add(new Row("functions[*].warmEnvironments", String.join(", ", parts)));
        }
        if (s.model() == Scaling.Model.PER_FUNCTION) {
            out.add(new Row("scaling.newRequestsPerSecondPer10s", String.valueOf(s.newRequestsPerSecond())));
        }
        // every other assumed default of the table, so that a new one cannot be left off the page: its value when
        // its block is in force, else its block named in one row of what this scenario does not use
        java.util.Set<String> listed = new java.util.HashSet<>();
        out.forEach(r -> listed.add(r.field()));
        java.util.Map<String, String> unused = new java.util.LinkedHashMap<>();
        for (Defaults.Entry e : Defaults.TABLE) {
            if (!e.source().assumption() || listed.contains(e.path())) {
                continue;
            }
            String why = notInForce(sc, e.path());
            if (why != null) {
                // the other network model's block is not named: the networkModel row says which is in force, and a
                // legacy run's page speaks the legacy model's words only
                if (!e.path().startsWith("hyperplane.") && !e.path().startsWith("legacy.")
                        && !e.path().equals(QUOTA_COUNTED_PER)) { // one account's page need not say whose quota
                    unused.putIfAbsent(block(sc, e.path()), why);
                }
                continue;
            }
            java.util.function.Function<Scenario, String> value = VALUES.get(e.path());
            if (value == null) { // AssumptionsValuesTest puts every assumed default in force: a build fails first
                throw new IllegalStateException("report/Assumptions.java: no value for the assumed default "
                        + e.path() + " of scenario/Defaults.TABLE: add it to VALUES");
            }
            out.add(new Row(e.path(), value.apply(sc)));
        }
        if (!unused.isEmpty()) {
            List<String> parts = new ArrayList<>();
            unused.forEach((b, why) -> parts.add(b + " (" + why + ")"));
            out.add(new Row(NOT_IN_FORCE, String.join(", ", parts)));
        }
        return out;
    }

    /**
     * One price of the cost estimate in force: its field path ({@code prices.x86_64.perGbSecond}), its value as the
     * scenario writes it, and whether this scenario set it ({@code scenario}) or it is the default's ({@code
     * default}, us-east-1's list prices of {@link dev.enisim.scenario.PriceTable#DEFAULT}): a value written equal to
     * the default's is the default's.
     */
    public record Price(String field, String value, String from) {
    }

    /** {@link Price#from} of a price this scenario set. */
    public static final String SET = "scenario";
    /** {@link Price#from} of a default price. */
    public static final String DEFAULT = "default";

    /**
     * The prices the cost estimate of this scenario uses (the "Assumptions in force" section's second table): the
     * region and date labels, the request price, each architecture's on-demand rate (of the architectures its
     * functions use), the provisioned-concurrency rates when it has provisioned concurrency, the INIT rule, the NAT
     * gateway rates when a VPC has NAT gateways; the prices not in force last, in one row ({@link #NOT_IN_FORCE}).
     * Every field of {@link dev.enisim.scenario.PriceTable} is in one or the other (PricesInForceTest).
     */
    public static List<Price> prices(Scenario sc) {
        dev.enisim.scenario.PriceTable p = sc.prices();
        dev.enisim.scenario.PriceTable d = dev.enisim.scenario.PriceTable.DEFAULT;
        List<Price> out = new ArrayList<>();
        out.add(price("prices.region", p.region() + (p.regionLabelOnly() ? " (a label: the rates are "
                + d.region() + "'s)" : ""), p.region().equals(d.region())));
        out.add(price("prices.date", p.date(), p.date().equals(d.date())));
        out.add(price("prices.perMillionRequests", p.perMillionRequests(), d.perMillionRequests()));
        java.util.Set<String> architectures = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        sc.functions().forEach(f -> architectures.add("arm64".equals(f.architecture()) ? "arm64" : "x86_64"));
        boolean provisioned = notInForce(sc, "scaling.provisionedConcurrency.") == null;
        boolean nat = sc.vpcs().stream().anyMatch(v -> !v.natGateways().isEmpty());
        List<String> unused = new ArrayList<>();
        for (String a : List.of("x86_64", "arm64")) {
            if (!architectures.contains(a)) {
                unused.add("prices." + a + ".* (no " + a + " function)");
                continue;
            }
            dev.enisim.scenario.PriceTable.Rates r = p.rates(a);
            dev.enisim.scenario.PriceTable.Rates dr = d.rates(a);
            out.add(price("prices." + a + ".perGbSecond", r.perGbSecond(), dr.perGbSecond()));
            if (provisioned) {
                out.add(price("prices." + a + ".provisionedPerGbSecond", r.provisionedPerGbSecond(),
                        dr.provisionedPerGbSecond()));
                out.add(price("prices." + a + ".provisionedDurationPerGbSecond", r.provisionedDurationPerGbSecond(),
                        dr.provisionedDurationPerGbSecond()));
            }
        }
        if (!provisioned) {
            unused.add("prices.*.provisionedPerGbSecond and provisionedDurationPerGbSecond (no provisioned"
                    + " concurrency)");
        }
        out.add(price("prices.billInit", String.valueOf(p.billInit()), p.billInit() == d.billInit()));
        if (nat) {
            out.add(price("prices.natGatewayPerHour", p.natGatewayPerHour(), d.natGatewayPerHour()));
            out.add(price("prices.natGatewayPerGb", dollarsPer(p.natGatewayPerGb()) + " (not estimated: the model carries"
                    + " connections, not bytes)", p.natGatewayPerGb() == d.natGatewayPerGb()));
        } else {
            unused.add("prices.natGatewayPerHour and natGatewayPerGb (no NAT gateway)");
        }
        if (!unused.isEmpty()) {
            out.add(new Price(NOT_IN_FORCE, String.join(", ", unused), ""));
        }
        return out;
    }

    /**
     * Every field of a price table by its path under {@code prices} ({@code x86_64.perGbSecond}), its value as the
     * scenario writes it: what compare's cost note compares side by side.
     */
    public static Map<String, String> priceValues(dev.enisim.scenario.PriceTable p) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("region", p.region());
        out.put("date", p.date());
        out.put("perMillionRequests", dollarsPer(p.perMillionRequests()));
        for (String a : List.of("x86_64", "arm64")) {
            dev.enisim.scenario.PriceTable.Rates r = p.rates(a);
            out.put(a + ".perGbSecond", dollarsPer(r.perGbSecond()));
            out.put(a + ".provisionedPerGbSecond", dollarsPer(r.provisionedPerGbSecond()));
            out.put(a + ".provisionedDurationPerGbSecond", dollarsPer(r.provisionedDurationPerGbSecond()));
        }
        out.put("billInit", String.valueOf(p.billInit()));
        out.put("natGatewayPerHour", dollarsPer(p.natGatewayPerHour()));
        out.put("natGatewayPerGb", dollarsPer(p.natGatewayPerGb()));
        return out;
    }

    private static Price price(String field, double value, double dflt) {
        return price(field, dollarsPer(value), value == dflt);
    }

    private static Price price(String field, String value, boolean isDefault) {
        return new Price(field, value, isDefault ? DEFAULT : SET);
    }

    /** A price as the scenario writes it: every digit it has, no exponent ({@code 0.0000166667}, {@code 0.2}). */
    static String dollarsPer(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The field of the row naming the assumed defaults a scenario does not use, block by block. */
    public static final String NOT_IN_FORCE = "not in force in this scenario";

    /**
     * The block an assumed default is named by when not in force ({@code sqs.*}); a function's field itself, but an
     * asynchronous function's field under {@code async.*} when no function is asynchronous.
     */
    static String block(Scenario sc, String path) {
        if (ASYNC_FIELDS.stream().anyMatch(path::startsWith) && !anyAsync(sc)) {
            return "async.*";
        }
        if (path.startsWith("functions[*].")) {
            return path;
        }
        if (path.startsWith("scaling.provisionedConcurrency.")) {
            return "scaling.provisionedConcurrency.*";
        }
        return path.substring(0, path.indexOf('.')) + ".*";
    }

    private static final List<String> ASYNC_FIELDS = List.of("functions[*].eventInvokeConfig.",
            "functions[*].deadLetterConfig.");

    private static boolean anyAsync(Scenario sc) {
        return sc.functions().stream().anyMatch(f -> f.async().isPresent());
    }

    /** Whose ENIs a VPC's ENI quota counts with several accounts [assumed]. */
    private static final String QUOTA_COUNTED_PER = "vpcs[*].eniQuotaCountedPer";

    /** {@code vpc} or {@code account} when every VPC says the same, else each VPC's (its id in brackets). */
    private static String quotaCountedPer(Scenario sc) {
        java.util.Set<String> all = new java.util.TreeSet<>();
        List<String> each = new ArrayList<>();
        for (Scenario.Vpc v : sc.vpcs()) {
            all.add(v.eniQuotaCountedPer());
            each.add(v.eniQuotaCountedPer() + " (" + v.id() + ")");
        }
        return all.size() == 1 ? all.iterator().next() : String.join(", ", each);
    }

    /** Why an assumed default does not act in this scenario (its block unused), or null when it is in force. */
    static String notInForce(Scenario sc, String path) {
        if (path.startsWith("async.") || ASYNC_FIELDS.stream().anyMatch(path::startsWith) && !anyAsync(sc)) {
            return anyAsync(sc) ? null : "no function has invocationType: Event";
        }
        boolean legacy = sc.networkModel() == NetworkModel.LEGACY;
        if (path.startsWith("hyperplane.")) {
            return legacy ? "networkModel: legacy" : null;
        }
        if (path.startsWith("legacy.")) {
            return legacy ? null : "networkModel: hyperplane";
        }
        if (path.startsWith("sqs.")) {
            return sc.functions().stream().anyMatch(f -> f.sqs().isPresent()) ? null : "no eventSourceMapping";
        }
        if (path.startsWith("scaling.provisionedConcurrency.")) {
            boolean used = sc.functions().stream().anyMatch(f -> f.provisionedConcurrency() > 0)
                    || sc.timeline().stream().anyMatch(a -> a.action()
                            instanceof dev.enisim.model.SimEvent.PutProvisionedConcurrency);
            return used ? null : "no provisioned concurrency";
        }
        if (path.startsWith("functions[*].eventInvokeConfig.onFailure.")) {
            return sc.functions().stream().anyMatch(f -> f.async().map(AsyncConfig::onFailureDestination)
                    .orElse(false)) ? null : "no on-failure destination";
        }
        if (path.startsWith("functions[*].deadLetterConfig.")) {
            return sc.functions().stream().anyMatch(f -> f.async().map(AsyncConfig::deadLetterQueue).orElse(false))
                    ? null : "no dead-letter queue";
        }
        if (path.equals(QUOTA_COUNTED_PER)) {
            return legacy ? "networkModel: legacy" : sc.multiAccount() ? null : "one account";
        }
        if (path.equals("functions[*].warmEnvironments")) {
            return "no function starts with warm environments";
        }
        if (path.equals("functions[*].egress.keepConnectionsOpen")) {
            return sc.functions().stream().anyMatch(f -> !f.egress().routes().isEmpty()) ? null : "no egress";
        }
        return null;
    }

    /**
     * The value in force of each assumed default of {@link Defaults#TABLE} not written above: a function's field as
     * its values and how many functions have each; a block read into every function ({@code async}, {@code sqs}) as
     * its first user has it.
     */
    private static final java.util.Map<String, java.util.function.Function<Scenario, String>> VALUES = Map.ofEntries(
            Map.entry(QUOTA_COUNTED_PER, Assumptions::quotaCountedPer),
            Map.entry("hyperplane.reuseDeletingEni", sc -> String.valueOf(sc.hyperplane().reuseDeletingEni())),
            Map.entry("hyperplane.eniRetryBackoffScope", sc -> sc.hyperplane().eniRetryBackoffScope()),
            Map.entry("hyperplane.cancelledCreationKeepsEnis",
                    sc -> String.valueOf(sc.hyperplane().cancelledCreationKeepsEnis())),
            Map.entry("scaling.requestRateWindow",
                    sc -> duration(sc.scaling().scaling().requestRateWindowMicros())),
            Map.entry("scaling.warmRouting", sc -> sc.scaling().warmRouting().label()),
            Map.entry("scaling.provisionedConcurrency.preparation",
                    sc -> duration(sc.scaling().provisioned().preparationMicros())),
            Map.entry("scaling.provisionedConcurrency.keepsFunctionActive",
                    sc -> String.valueOf(sc.scaling().provisioned().keepsFunctionActive())),
            Map.entry("scaling.provisionedConcurrency.requestRateCap",
                    sc -> sc.scaling().provisioned().rateCapsAllRequests() ? "allRequests" : "provisionedOnly"),
            Map.entry("functions[*].initDuration", sc -> perFunction(sc, f -> init(f.initDuration()))),
            Map.entry("functions[*].egress.keepConnectionsOpen", sc -> perFunction(sc.functions().stream()
                    .filter(f -> !f.egress().routes().isEmpty()).toList(), f -> String.valueOf(f.egress().keptOpen()))),
            Map.entry("functions[*].eventInvokeConfig.onFailure.deliveryFailureProbability", sc -> perFunction(
                    sc.functions().stream().flatMap(f -> f.async().stream()).filter(AsyncConfig::onFailureDestination)
                            .map(a -> number(a.destinationFailureProbability())).toList())),
            Map.entry("functions[*].deadLetterConfig.deliveryFailureProbability", sc -> perFunction(
                    sc.functions().stream().flatMap(f -> f.async().stream()).filter(AsyncConfig::deadLetterQueue)
                            .map(a -> number(a.deadLetterFailureProbability())).toList())),
            Map.entry("async.backoffFactor", sc -> number(async(sc).backoffFactor())),
            Map.entry("async.onPending", sc -> async(sc).retryPending() ? "retry" : "reject"),
            Map.entry("sqs.errorBackoffFactor", sc -> number(sqs(sc).errorBackoffFactor())),
            Map.entry("sqs.throttleRetry", sc -> duration(sqs(sc).throttleRetryMicros())),
            Map.entry("sqs.errorBackoffInterval", sc -> duration(sqs(sc).errorBackoffIntervalMicros())),
            Map.entry("sqs.minBatches", sc -> Integer.toString(sqs(sc).minBatches())));

    private static AsyncConfig async(Scenario sc) {
        return sc.functions().stream().flatMap(f -> f.async().stream()).findFirst().orElseThrow();
    }

    private static SqsConfig sqs(Scenario sc) {
        return sc.functions().stream().flatMap(f -> f.sqs().stream()).findFirst().orElseThrow();
    }

    private static String perFunction(Scenario sc, java.util.function.Function<Scenario.Function, String> value) {
        return perFunction(sc.functions(), value);
    }

    /** Each function's value as {@link #perFunction(List, java.util.function.Function)} writes it. */
    private static String perFunction(List<String> values) {
        java.util.Map<String, Integer> n = new java.util.LinkedHashMap<>();
        values.forEach(v -> n.merge(v, 1, Integer::sum));
        if (n.size() == 1) {
            return n.keySet().iterator().next();
        }
        List<String> parts = new ArrayList<>();
        n.forEach((v, k) -> parts.add(v + " (" + k + " function" + (k == 1 ? "" : "s") + ")"));
        return String.join(", ", parts);
    }

    /** One value for every function as itself; several as each value and how many functions have it. */
    private static String perFunction(List<Scenario.Function> fs,
            java.util.function.Function<Scenario.Function, String> value) {
        java.util.Map<String, Integer> n = new java.util.LinkedHashMap<>();
        fs.forEach(f -> n.merge(value.apply(f), 1, Integer::sum));
        if (n.size() == 1) {
            return n.keySet().iterator().next();
        }
        List<String> parts = new ArrayList<>();
        n.forEach((v, k) -> parts.add(v + " (" + k + " function" + (k == 1 ? "" : "s") + ")"));
        return String.join(", ", parts);
    }

    /** A function's init time: a runtime preset (the presets table of scenarios/README.md), with its initExtra. */
    private static String init(DistributionSpec d) {
        if (d instanceof DistributionSpec.ShiftedLogNormal p) {
            return "runtime preset";
        }
        if (d instanceof DistributionSpec.Sum s) {
            return init(s.base()) + " + initExtra " + init(s.extra());
        }
        return distribution(d);
    }

    /** A distribution of durations (microseconds) as the scenario writes it; a constant is a plain duration. */
    public static String distribution(DistributionSpec d) {
        String cap = Double.isInfinite(d.max()) ? "" : ", cap: " + duration(d.max());
        if (d instanceof DistributionSpec.Constant c) {
            return cap.isEmpty() ? duration(c.value()) : "{dist: constant, value: " + duration(c.value()) + cap + "}";
        }
        if (d instanceof DistributionSpec.Uniform u) {
            return "{dist: uniform, min: " + duration(u.low()) + ", max: " + duration(u.high()) + cap + "}";
        }
        if (d instanceof DistributionSpec.Exponential e) {
            return "{dist: exponential, mean: " + duration(e.mean()) + cap + "}";
        }
        if (d instanceof DistributionSpec.LogNormal l) {
            return "{dist: lognormal, median: " + duration(l.median()) + ", p99: " + duration(l.p99()) + cap + "}";
        }
        if (d instanceof DistributionSpec.Normal n) {
            return "{dist: normal, mean: " + duration(n.mean()) + ", stddev: " + duration(n.stddev()) + cap + "}";
        }
        throw new IllegalArgumentException("unhandled distribution " + d);
    }

    /**
     * A duration in microseconds in the largest unit that writes it exactly ({@code 14d}, {@code 5m}, {@code 75s},
     * {@code 250ms}); otherwise seconds with decimals ({@code 1.5s}) or, past an hour, parts ({@code 1h30m}).
     */
    public static String duration(double micros) {
        long us = Math.round(micros);
        long[] units = {86_400_000_000L, 3_600_000_000L, 60_000_000L, Seconds.MICROS, 1_000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms", "us"};
        if (us == 0) {
            return "0s";
        }
        for (int i = 0; i < units.length; i++) {
            if (us % units[i] == 0) {
                return (us / units[i]) + names[i];
            }
        }
        return number(Seconds.of(us)) + "s";
    }

    /**
     * A rate as a scenario writes it, in the largest of second, minute and hour that makes it a whole number
     * ({@code 1/m}, not {@code 0.016667/s}, which is another rate), else per second.
     */
    static String rate(double perSecond) {
        String[] units = {"s", "m", "h"};
        double[] seconds = {1, 60, 3600};
        for (int i = 0; i < units.length; i++) {
            double v = perSecond * seconds[i];
            if (v >= 1 && Math.abs(v - Math.rint(v)) < 1e-9 * v) {
                return number(Math.rint(v)) + "/" + units[i];
            }
        }
        return number(perSecond) + "/s";
    }

    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
