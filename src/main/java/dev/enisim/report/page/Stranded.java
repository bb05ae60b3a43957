package dev.enisim.report.page;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.function.StateReasonCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Functions that cannot serve at the end of a run: those that went Failed, and those left Inactive (or Pending) with a
 * network or quota StateReasonCode: their restore found no IP, no ENI quota, no EC2 permission, or EC2 throttled it.
 * Such a function's every later call fails with ResourceNotReadyException and tries the restore again, in vain while
 * the cause lasts. A 600-function account's peak-wake run left 4 so (SubnetOutOfIPAddresses), and the terminal's and
 * the page's function lists, "Failed first", put them among 590 quiet Active ones; the verdict did not name them.
 * One order for the terminal, the page's function table and its topology figure.
 */
public final class Stranded {

    /** The StateReasonCodes that name a network or quota cause (not Creating, Restoring, Idle, InternalError). */
    static final Set<StateReasonCode> NETWORK_CODES = java.util.EnumSet.of(StateReasonCode.SubnetOutOfIPAddresses,
            StateReasonCode.EniLimitExceeded, StateReasonCode.InsufficientRolePermissions,
            StateReasonCode.EC2RequestLimitExceeded, StateReasonCode.InvalidSubnet,
            StateReasonCode.InvalidSecurityGroup);

    /** The functions {@link #first} takes, in the words the lists' headings and notes use. */
    public static final String FIRST = "Failed, or Inactive/Pending for a network cause,";

    /**
     * How the function lists are ordered (the terminal's, the page's function table and its topology figure), in the
     * words their headings and notes use: failed VPC config updates after the functions that cannot serve, before the
     * others. A migration whose 16 updates failed (each function Active on its old config) had 14 of them under
     * "... 33 more functions" in the terminal, below quiet functions; the page's table kept that order a pass
     * longer.
     */
    public static final String ORDER = FIRST + " first; then those with a failed VPC config update; each by"
            + " invocation requests";

    private Stranded() {
    }

    /** Whether the function ended Inactive or Pending with a network or quota StateReasonCode. */
    public static boolean stranded(RunSummary.FunctionSummary f) {
        return (f.finalState().equals("Inactive") || f.finalState().equals("Pending"))
                && NETWORK_CODES.contains(f.finalReasonCode());
    }

    /** Whether the function is listed first: Failed, or {@link #stranded}. */
    public static boolean first(RunSummary.FunctionSummary f) {
        return f.finalState().equals("Failed") || stranded(f);
    }

    /** Whether an update of the function's VPC config ended LastUpdateStatus Failed in the run (it kept its old). */
    public static boolean failedUpdate(RunSummary.FunctionSummary f) {
        if (f.updates() == null) {
            return false;
        }
        for (RunSummary.Update u : f.updates()) {
            if (u.lastUpdateStatus() == dev.enisim.model.function.LastUpdateStatus.Failed) {
                return true;
            }
        }
        return false;
    }

    /**
     * The lists' order ({@link #ORDER}): {@link #first} (they cannot serve), then {@link #failedUpdate} (they serve
     * on their old config), then the others; each by requests, most first.
     */
    public static Comparator<Map.Entry<String, RunSummary.FunctionSummary>> order() {
        return Comparator.comparingInt((Map.Entry<String, RunSummary.FunctionSummary> e) -> first(e.getValue()) ? 0
                : failedUpdate(e.getValue()) ? 1 : 2).thenComparingLong(e -> -e.getValue().invocations().total());
    }

    /**
     * The count of the functions the lists take first: "Of 43 functions: 1 Failed, 16 with a failed VPC config update
     * (...)", the terminal's under its list, the page's above its table; empty when there are none. A Failed function
     * is counted as Failed only.
     */
    public static String counts(RunSummary s) {
        int failed = 0;
        int updates = 0;
        int stranded = 0;
        for (RunSummary.FunctionSummary f : s.functions().values()) {
            if (f.finalState().equals("Failed")) {
                failed++;
            } else if (failedUpdate(f)) {
                updates++;
            } else if (stranded(f)) {
                stranded++;
            }
        }
        if (failed + updates + stranded == 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (failed > 0) {
            parts.add(failed + " Failed");
        }
        if (updates > 0) {
            parts.add(updates + " with a failed VPC config update (LastUpdateStatus Failed: " + (updates == 1
                    ? "it kept its" : "each kept its") + " old config)");
        }
        if (stranded > 0) {
            parts.add(stranded + " Inactive/Pending for a network cause");
        }
        return "Of " + s.functions().size() + " function" + (s.functions().size() == 1 ? "" : "s") + ": "
                + String.join(", ", parts);
    }

    /** The stranded functions' names, in the summary's order. */
    public static List<String> names(RunSummary s) {
        List<String> out = new ArrayList<>();
        s.functions().forEach((name, f) -> {
            if (stranded(f)) {
                out.add(name);
            }
        });
        return out;
    }

    /** What keeps a restore from succeeding, for a StateReasonCode of {@link #NETWORK_CODES}. */
    static String cause(StateReasonCode code) {
        return switch (code) {
            case SubnetOutOfIPAddresses -> "a subnet had no free IP for an ENI";
            case EniLimitExceeded -> "the VPC's ENI quota was used up";
            case InsufficientRolePermissions -> "the execution role lacks the EC2 permissions to create ENIs";
            case EC2RequestLimitExceeded -> "EC2 throttled Lambda's CreateNetworkInterface calls";
            case InvalidSubnet -> "a subnet of the VpcConfig is invalid";
            case InvalidSecurityGroup -> "a security group of the VpcConfig is invalid";
            default -> "";
        };
    }

    /**
     * The verdict's sentence naming the stranded functions (at most five, then how many more), grouped by state and
     * StateReasonCode, with what follows; empty when there are none. Not escaped: names and codes only.
     */
    static String verdict(RunSummary s) {
        Map<String, List<String>> byCode = new java.util.TreeMap<>(); // "Inactive SubnetOutOfIPAddresses" -> names
        s.functions().forEach((name, f) -> {
            if (stranded(f)) {
                byCode.computeIfAbsent(f.finalState() + " " + f.finalReasonCode().name(), k -> new ArrayList<>())
                        .add(name);
            }
        });
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<String>> e : byCode.entrySet()) {
            String[] stateCode = e.getKey().split(" ");
            List<String> names = e.getValue();
            boolean one = names.size() == 1;
            b.append(' ').append(stateCode[0]).append(" at the end, ").append(one ? "its" : "their")
                    .append(" ENIs not restored (StateReasonCode ").append(stateCode[1]).append(": ")
                    .append(cause(StateReasonCode.valueOf(stateCode[1]))).append("): ")
                    .append(names.size() > 5 ? String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5)
                            + " more" : names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0,
                            names.size() - 1)) + " and " + names.get(names.size() - 1))
                    .append(one ? ". Each call to it fails" : ". Each call to them fails")
                    .append(stateCode[0].equals("Inactive") ? " with ResourceNotReadyException and tries the restore"
                            + " again, which fails while the cause lasts." : " while the cause lasts.");
        }
        return b.toString();
    }
}
