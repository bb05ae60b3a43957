package dev.enisim.report.page;

import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Seconds;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.report.Narrative;
import dev.enisim.run.RunResult;
import dev.enisim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Updates of a function's configuration that ended with LastUpdateStatus Failed: Lambda kept the function on its old
 * VPC config and ENIs, and it served on (domain.md section 2). A teacher's class filled redeploy-new-subnets' new
 * subnet and predicted "the update fails": only the narrative said so; the page's verdict, its Summary's final state
 * (Active) and the terminal's function list did not.
 */
public final class FailedUpdates {

    /** Updates told in the verdict; the others are counted. */
    static final int TOLD = 3;

    /** One failed update: the function, when it was requested, when it failed, and why. */
    public record Failed(String function, long requestedMicros, long failedMicros, StateReasonCode reasonCode) {
    }

    private FailedUpdates() {
    }

    /** The run's failed updates, in the summary's function order, each function's in time order. */
    public static List<Failed> of(RunSummary s) {
        List<Failed> out = new ArrayList<>();
        for (Map.Entry<String, RunSummary.FunctionSummary> e : s.functions().entrySet()) {
            List<RunSummary.Update> us = e.getValue().updates();
            if (us == null) {
                continue;
            }
            long requested = -1;
            for (RunSummary.Update u : us) {
                long at = Seconds.toMicros(u.atSeconds());
                if (u.lastUpdateStatus() == LastUpdateStatus.InProgress) {
                    requested = at;
                } else if (u.lastUpdateStatus() == LastUpdateStatus.Failed) {
                    out.add(new Failed(e.getKey(), requested < 0 ? at : requested, at, u.reasonCode()));
                    requested = -1;
                }
            }
        }
        return out;
    }

    /** "LastUpdateStatus Failed (SubnetOutOfIPAddresses)". */
    static String status(StateReasonCode code) {
        return "LastUpdateStatus Failed" + (code == null ? "" : " (" + code.name() + ")");
    }

    /**
     * The verdict's sentences: each failed update (at most {@value #TOLD}, then how many more), what it asked, why it
     * failed and that the function kept its old config; empty when none failed. Not escaped: names, ids and codes.
     */
    public static String verdict(RunResult r, Narrative.When when) {
        List<Failed> all = of(r.summary());
        StringBuilder b = new StringBuilder();
        for (Failed f : all.subList(0, Math.min(TOLD, all.size()))) {
            Scenario.VpcConfig[] change = change(r, f.function(), f.requestedMicros());
            b.append("The update of ").append(f.function()).append("'s VPC config at ")
                    .append(when.at(f.requestedMicros()));
            if (change != null) {
                String what = new Headlines.Update(f.requestedMicros(), change[0], change[1]).changed();
                b.append(what.isEmpty() ? "" : " (" + what + ")");
            }
            b.append(" failed").append(f.failedMicros() == f.requestedMicros() ? "" : " at "
                    + when.at(f.failedMicros())).append(": ").append(status(f.reasonCode()));
            b.append(cause(r, f)).append(". Lambda kept ").append(f.function())
                    .append(" on its old VPC config and ENIs, and it served on; the update must be made again once"
                    + " the cause is fixed. ");
        }
        if (all.size() > TOLD) {
            b.append(all.size() - TOLD).append(all.size() - TOLD == 1 ? " more update" : " more updates")
                    .append(" failed: see What happened. ");
        }
        return b.toString();
    }

    /**
     * The terminal's and the Summary's words beside a function's final state: its last failed update, when and
     * why ("last VPC config update Failed (SubnetOutOfIPAddresses) at 01:00:00, kept its old config"); empty when
     * none failed.
     */
    public static String note(RunResult r, String function, Narrative.When when) {
        Failed last = null;
        int n = 0;
        for (Failed f : of(r.summary())) {
            if (f.function().equals(function)) {
                last = f;
                n++;
            }
        }
        if (last == null) {
            return "";
        }
        return (n == 1 ? "VPC config update " : n + " VPC config updates, the last ") + status(last.reasonCode())
                + " at " + when.at(last.failedMicros()) + ": kept its old config";
    }

    /**
     * Why an update failed, after its status: ", a subnet had no free IP for an ENI: subnet-new-a", the subnets of
     * the new config that had no free IP in the run named as the Capacity table names them ({@link
     * dev.enisim.report.Labels#of}); "" when the code says nothing more.
     */
    static String cause(RunResult r, Failed f) {
        String cause = f.reasonCode() == null ? "" : Stranded.cause(f.reasonCode());
        if (cause.isEmpty()) {
            return "";
        }
        List<String> full = new ArrayList<>();
        Scenario.VpcConfig[] change = change(r, f.function(), f.requestedMicros());
        if (f.reasonCode() == StateReasonCode.SubnetOutOfIPAddresses && change != null) {
            for (String id : change[1].subnetIds()) {
                RunSummary.SubnetSummary s = r.summary().subnets().get(id);
                if (s != null && s.minAvailableIps() == 0) {
                    full.add(dev.enisim.report.Labels.of(r.scenario(), id));
                }
            }
        }
        return ", " + cause + (full.isEmpty() ? "" : " (" + String.join(", ", full) + ")");
    }

    /**
     * The narrative's "why" under a failed update of {@code function} at {@code atMicros} (when it failed): what
     * failed, which subnet, and that the function served on its old ENIs; null when no failed update is there.
     */
    public static String why(RunResult r, String function, long atMicros) {
        for (Failed f : of(r.summary())) {
            if (f.function().equals(function) && f.failedMicros() == atMicros) {
                String cause = cause(r, f);
                return "The VPC configuration update failed" + (cause.isEmpty() ? "" : ": " + cause.substring(2))
                        + ". Lambda kept " + function + " on its old VPC config and ENIs: it stayed Active and served"
                        + " on them. Make the update again once the cause is fixed.";
            }
        }
        return null;
    }

    /** The config before and after the update of {@code function} requested at {@code atMicros}; null if none. */
    private static Scenario.VpcConfig[] change(RunResult r, String function, long atMicros) {
        Scenario sc = r.scenario();
        int index = -1;
        Scenario.VpcConfig config = null;
        for (int i = 0; i < sc.functions().size(); i++) {
            if (sc.functions().get(i).name().equals(function)) {
                index = i;
                config = sc.functions().get(i).vpcConfig();
            }
        }
        Scenario.VpcConfig[] out = null;
        for (Scenario.At a : sc.timeline()) {
            if (a.atMicros() > atMicros) {
                break;
            }
            if (a.action() instanceof dev.enisim.model.SimEvent.CreateFunction c && c.function() == index
                    && c.vpcConfig().isPresent()) {
                config = sc.vpcConfig(c.vpcConfig().get());
            }
            if (a.action() instanceof dev.enisim.model.SimEvent.UpdateVpcConfig u && u.function() == index) {
                Scenario.VpcConfig to = sc.vpcConfig(u.vpcConfig());
                if (a.atMicros() == atMicros) {
                    out = new Scenario.VpcConfig[] {config, to};
                } else if (Headlines.madeAndNotFailed(r, function, a.atMicros())) {
                    config = to; // an earlier update made; one refused or failed left the config as it was
                }
            }
        }
        return out;
    }
}
