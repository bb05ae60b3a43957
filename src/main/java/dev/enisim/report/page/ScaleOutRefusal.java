package dev.enisim.report.page;

import dev.enisim.metrics.JournalEntry;
import dev.enisim.metrics.Metric;
import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Seconds;
import dev.enisim.metrics.Series;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where an Active function's scale-out was refused: the subnets with no free IP (SubnetIPAddressLimitReachedException)
 * or the VPCs whose ENI quota had no room (ENILimitReachedException), named as the scenario names them, for the story
 * and the report's "What failed" table (the Capacity table named the full subnet; the story did not).
 *
 * <p>Read off the run after it: the function's subnets while its failures happened (its VpcConfig, an update's from
 * the instant it succeeded), and among them those whose free IPs (the time series' bucket minimum) were 0 in a bucket
 * from one retry back-off (hyperplane.eniRetryBackoff) before the spell's first failure to its last: a request that
 * finds the key's ENIs full during the back-off fails without a new try, while the subnet may have freed an IP.
 */
public final class ScaleOutRefusal {

    private final RunResult r;
    /** Per function, its keys over time ({@link TopologyData#keySpells}: a pass over the journal), made once. */
    private final java.util.Map<String, List<TopologyData.KeySpell>> spells = new java.util.HashMap<>();

    private ScaleOutRefusal(RunResult r) {
        this.r = r;
    }

    /** Function + what refused its scale-out, told once ({@link #once}). */
    private final Set<String> told = new java.util.HashSet<>();

    /** The refusals of this run. */
    public static ScaleOutRefusal of(RunResult r) {
        return new ScaleOutRefusal(r);
    }

    /**
     * What was full for the refused scale-outs of an {@link JournalEntry.Kind#INVOCATIONS} spell (an Active
     * function's, failing with SubnetIPAddressLimitReachedException or ENILimitReachedException), in words: "subnet-a
     * (10.0.0.0/28, 0 of 11 usable IPs free)", "vpc-main's ENI quota (500 Hyperplane ENIs, other services' counted)";
     * null when the run does not tell (another error, no full subnet found).
     */
    public String where(JournalEntry e) {
        if ("SubnetIPAddressLimitReachedException".equals(e.reason())) {
            List<String> full = fullSubnets(e);
            if (full.isEmpty()) {
                return null;
            }
            List<String> named = new ArrayList<>();
            for (String id : full) {
                RunSummary.SubnetSummary s = r.summary().subnets().get(id);
                named.add(id + " (" + s.cidr() + ", 0 of " + String.format(Locale.ROOT, "%,d", s.usableIps())
                        + " usable IPs free)");
            }
            return String.join(", ", named);
        }
        if ("ENILimitReachedException".equals(e.reason())) {
            // the VPC's quota or the Region's network interfaces, as the Capacity table judges them (at their peak,
            // other services' ENIs counted); both named when the run cannot tell which
            RunSummary.Region region = r.summary().region();
            boolean regionFull = region != null
                    && region.peakNetworkInterfaces() >= region.networkInterfacesPerRegion();
            List<String> full = new ArrayList<>();
            for (String vpc : vpcs(e)) {
                RunSummary.VpcSummary v = r.summary().vpcs().get(vpc);
                if (v != null && (!regionFull || v.peakEnis() + v.otherUsedEnis() >= v.eniQuota())) {
                    full.add(vpc + "'s ENI quota (" + String.format(Locale.ROOT, "%,d", v.eniQuota())
                            + " Hyperplane ENIs, other services' counted)");
                }
            }
            if (regionFull) {
                full.add(String.format(Locale.ROOT, "the Region's %,d network interfaces",
                        region.networkInterfacesPerRegion()));
            }
            return full.isEmpty() ? null : String.join(" or ", full);
        }
        return null;
    }

    /**
     * As {@link #where}, for a line of the story or the player: only for a function {@code Active} at the spell
     * (a Failed one's errors are its failed creation) under Hyperplane, and once per function (null when this
     * function's refusals were already named so).
     */
    public String once(JournalEntry e, String functionState) {
        if (!"Active".equals(functionState) || r.scenario().networkModel() == dev.enisim.model.NetworkModel.LEGACY) {
            return null;
        }
        String where = where(e);
        return where != null && told.add(e.subject() + "\n" + where) ? where : null;
    }

    /** What a failure line adds for {@link #once}'s answer: ", a scale-out refused; full: ..." ("" for null). */
    public static String suffix(String where) {
        return where == null ? "" : ", a scale-out refused; full: " + where;
    }

    /** The function's subnets with no free IP while the spell's failures happened, in the scenario's order. */
    List<String> fullSubnets(JournalEntry e) {
        Set<String> used = new LinkedHashSet<>();
        for (String key : keys(e)) {
            RunSummary.KeySummary k = r.summary().eniKeys().get(key);
            if (k != null) {
                used.add(k.subnet());
            }
        }
        long b = r.timeSeries().bucketMicros();
        long from = Math.max(0, e.atMicros() - r.scenario().hyperplane().eniRetryBackoffMicros());
        List<String> out = new ArrayList<>();
        for (String subnet : r.summary().subnets().keySet()) {
            Series free = used.contains(subnet)
                    ? r.timeSeries().get(Metric.SUBNET_AVAILABLE_IPS, Metric.Scope.SUBNET, subnet) : null;
            if (free == null) {
                continue;
            }
            int last = (int) Math.min(free.values().length - 1, e.lastMicros() / b);
            for (int i = (int) (from / b); i <= last; i++) {
                if (free.values()[i] <= 0) {
                    out.add(subnet);
                    break;
                }
            }
        }
        return out;
    }

    /** The VPCs of the function's keys while the spell's failures happened. */
    private Set<String> vpcs(JournalEntry e) {
        Set<String> out = new LinkedHashSet<>();
        for (String key : keys(e)) {
            RunSummary.KeySummary k = r.summary().eniKeys().get(key);
            if (k != null) {
                out.add(k.vpc());
            }
        }
        return out;
    }

    /** The function's keys from its spell's first failure to its last (the VpcConfig then in force, and updates'). */
    private Set<String> keys(JournalEntry e) {
        List<TopologyData.KeySpell> spells = this.spells.computeIfAbsent(e.subject(),
                f -> TopologyData.keySpells(r, f, false));
        double first = Seconds.of(e.atMicros());
        double last = Seconds.of(e.lastMicros());
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < spells.size(); i++) {
            double until = i + 1 < spells.size() ? spells.get(i + 1).fromSeconds() : Double.POSITIVE_INFINITY;
            if (spells.get(i).fromSeconds() <= last && until > first) {
                out.addAll(spells.get(i).keys());
            }
        }
        return out;
    }
}
