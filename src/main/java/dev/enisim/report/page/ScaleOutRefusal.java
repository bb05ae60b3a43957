package dev.enisim.report.page;

import dev.enisim.metrics.JournalEntry;
import dev.enisim.metrics.RefusedScaleOut;
import dev.enisim.metrics.RunSummary;
import dev.enisim.model.ScaleOutLimit;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where an Active function's scale-out was refused: the subnets with no free IP (SubnetIPAddressLimitReachedException),
 * the VPCs whose ENI quota had no room or an account's network interfaces per Region (ENILimitReachedException: the
 * quota of the account whose key it was, with several accounts), named as the scenario names them, for the story, the report's "What failed" table and the topology player.
 *
 * <p>Read from what the model recorded as it refused them ({@link RunResult#refusedScaleOuts}: per function, spell and
 * limit), not inferred from the free IPs afterwards: a subnet of the function that touched 0 free IPs without
 * refusing it is not named, nor one whose refusals belong to another spell.
 */
public final class ScaleOutRefusal {

    private final RunResult r;
    /** Function + what refused its scale-out, told once ({@link #once}). */
    private final Set<String> told = new java.util.HashSet<>();

    private ScaleOutRefusal(RunResult r) {
        this.r = r;
    }

    /** The refusals of this run. */
    public static ScaleOutRefusal of(RunResult r) {
        return new ScaleOutRefusal(r);
    }

    /**
     * What refused the scale-outs of an {@link JournalEntry.Kind#INVOCATIONS} spell (an Active function's, failing
     * with SubnetIPAddressLimitReachedException or ENILimitReachedException), in words: "subnet-a (10.0.0.0/28, 0 of
     * 11 usable IPs free)", "vpc-main's ENI quota (500 Hyperplane ENIs, other services' counted)", "the Region's 5,000
     * network interfaces" ("account 333333333333's 20 network interfaces per Region" with several accounts); subnets,
     * then VPCs in the scenario's order, then the Region (the accounts in the scenario's order); null when none did
     * (another error, a Failed function's).
     */
    public String where(JournalEntry e) {
        List<String> named = new ArrayList<>();
        for (String id : refusing(e, ScaleOutLimit.SUBNET_IPS, r.summary().subnets().keySet())) {
            RunSummary.SubnetSummary s = r.summary().subnets().get(id);
            named.add(id + " (" + s.cidr() + ", 0 of " + String.format(Locale.ROOT, "%,d", s.usableIps())
                    + " usable IPs free)");
        }
        for (String vpc : refusing(e, ScaleOutLimit.VPC_ENI_QUOTA, r.summary().vpcs().keySet())) {
            RunSummary.VpcSummary v = r.summary().vpcs().get(vpc);
            named.add(vpc + "'s ENI quota (" + String.format(Locale.ROOT, "%,d", v.eniQuota())
                    + (v.byAccount() == null ? " Hyperplane ENIs, other services' counted)"
                    : " Hyperplane ENIs of the key's account: each account's own, vpcs[*].eniQuotaCountedPer)"));
        }
        for (String account : refusing(e, ScaleOutLimit.REGION_NETWORK_INTERFACES, accounts(r))) {
            named.add(regionQuota(r, account));
        }
        return named.isEmpty() ? null : String.join(", ", named);
    }

    /** The accounts whose Region quota a refusal can name, in the scenario's order: "" alone with one account. */
    private static List<String> accounts(RunResult r) {
        if (!r.scenario().multiAccount()) {
            return List.of("");
        }
        return r.scenario().accounts().list().stream().map(dev.enisim.scenario.Scenario.Account::id).toList();
    }

    /**
     * An account's network interfaces per Region in words, with its figure: "the Region's 5,000 network interfaces"
     * with one account (id ""), "account 333333333333's 20 network interfaces per Region" with several (each account
     * has its own quota).
     */
    public static String regionQuota(RunResult r, String account) {
        if (account.isEmpty()) {
            return String.format(Locale.ROOT, "the Region's %,d network interfaces",
                    r.scenario().networkInterfacesPerRegion());
        }
        return String.format(Locale.ROOT, "account %s's %,d network interfaces per Region", account,
                regionLimit(r, account));
    }

    /** An account's networkInterfacesPerRegion (the legacy model's eniLimit under it, every account's). */
    static int regionLimit(RunResult r, String account) {
        dev.enisim.scenario.Scenario sc = r.scenario();
        if (account.isEmpty() || sc.networkModel() == dev.enisim.model.NetworkModel.LEGACY) {
            return sc.networkInterfacesPerRegion();
        }
        return sc.accounts().list().get(sc.accounts().index(account)).networkInterfacesPerRegion();
    }

    /**
     * The summary's Region figures of the account a function's ENIs count against (its own account's, also in a VPC
     * another account shares with it): the only account's with one; null when the run has none.
     */
    public static RunSummary.Region regionOf(RunResult r, String function) {
        RunSummary.Region region = r.summary().region();
        if (region == null || region.byAccount() == null) {
            return region;
        }
        return region.byAccount().get(r.scenario().accounts().of(function));
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

    /** The subnets that refused the spell's scale-outs, in the scenario's order. */
    List<String> subnets(JournalEntry e) {
        return refusing(e, ScaleOutLimit.SUBNET_IPS, r.summary().subnets().keySet());
    }

    /** Of {@code ids} (in their order), those whose {@code limit} refused scale-outs the spell {@code e} counts. */
    private List<String> refusing(JournalEntry e, ScaleOutLimit limit, Iterable<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            for (RefusedScaleOut x : r.refusedScaleOuts()) {
                if (x.limit() == limit && x.where().equals(id) && x.countedIn(e)) {
                    out.add(id);
                    break;
                }
            }
        }
        return out;
    }
}
