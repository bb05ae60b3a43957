package dev.enisim.report.page;

import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Seconds;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.report.Narrative;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Restores refused mid-run by functions that came back later: Pending (Restoring), then Inactive again with a network
 * or quota StateReasonCode (no IP, no ENI quota...), the function unable to serve until a later restore succeeded
 * (domain.md section 2). The "why" of ResourceNotReadyException counted the restores that succeeded and named those
 * still Inactive at the end ({@link Stranded}); a teacher's batch-report, refused at 20d for want of an IP and Inactive
 * until 40d, was in neither.
 */
final class RefusedRestores {

    /** Refusals named one by one; the others are counted. */
    static final int NAMED = 3;

    /** One refused restore: the function, when, why, its retries refused too, and when it was Active again. */
    record Refused(String function, double atSeconds, StateReasonCode code, long retries, Double lastRetrySeconds,
            double activeAgainSeconds) {
    }

    private RefusedRestores() {
    }

    /** The refused restores of {@code functions} after which the function was Active again, in time order. */
    static List<Refused> of(RunResult r, java.util.Collection<String> functions) {
        List<Refused> out = new ArrayList<>();
        for (String fn : functions) {
            RunSummary.FunctionSummary f = r.summary().functions().get(fn);
            List<RunSummary.Transition> ts = f == null ? List.of() : f.transitions();
            for (int i = 0; i + 1 < ts.size(); i++) {
                RunSummary.Transition t = ts.get(i);
                RunSummary.Transition next = ts.get(i + 1);
                if (t.state() != State.Pending || t.reasonCode() != StateReasonCode.Restoring
                        || next.state() != State.Inactive || next.reasonCode() == null
                        || !Stranded.NETWORK_CODES.contains(next.reasonCode())) {
                    continue;
                }
                Double active = null;
                for (int j = i + 2; j < ts.size() && active == null; j++) {
                    if (ts.get(j).state() == State.Active) {
                        active = ts.get(j).atSeconds();
                    } else if (ts.get(j).state() == State.Inactive && Stranded.NETWORK_CODES.contains(
                            ts.get(j).reasonCode())) {
                        break; // refused again: told as its own
                    }
                }
                if (active != null) {
                    out.add(new Refused(fn, next.atSeconds(), next.reasonCode(), next.retries() == null ? 0
                            : next.retries(), next.lastRetryAtSeconds(), active));
                }
            }
        }
        out.sort(java.util.Comparator.comparingDouble(Refused::atSeconds).thenComparing(Refused::function));
        return out;
    }

    /**
     * For ResourceNotReadyException, the restores refused by functions that came back later ("; 1 restore refused,
     * the function Inactive until a later one succeeded: batch-report's at 20d 00:00:00 (SubnetOutOfIPAddresses: a
     * subnet had no free IP for an ENI; its 1 retry, at 20d 00:10:00, refused too), Active again at 40d 00:01:02");
     * empty otherwise.
     */
    static String why(RunResult r, String outcome, Map<String, Long> byFunction, Narrative.When when) {
        if (!outcome.equals("ResourceNotReadyException")) {
            return "";
        }
        List<Refused> all = of(r, byFunction.keySet());
        if (all.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("; ").append(all.size()).append(all.size() == 1 ? " restore" : " restores")
                .append(" refused, the function Inactive until a later one succeeded: ");
        List<String> parts = new ArrayList<>();
        for (Refused x : all.subList(0, Math.min(NAMED, all.size()))) {
            String cause = Stranded.cause(x.code());
            StringBuilder p = new StringBuilder(x.function()).append("'s at ")
                    .append(when.at(Seconds.toMicros(x.atSeconds()))).append(" (").append(x.code().name())
                    .append(cause.isEmpty() ? "" : ": " + cause);
            if (x.retries() > 0) {
                p.append("; its ").append(x.retries()).append(x.retries() == 1 ? " retry" : " retries")
                        .append(x.lastRetrySeconds() == null ? "" : (x.retries() == 1 ? ", at " : ", the last at ")
                                + when.at(Seconds.toMicros(x.lastRetrySeconds())))
                        .append(", refused too");
            }
            p.append("), Active again at ").append(when.at(Seconds.toMicros(x.activeAgainSeconds())));
            parts.add(p.toString());
        }
        b.append(String.join("; ", parts));
        if (all.size() > NAMED) {
            b.append("; and ").append(all.size() - NAMED).append(" more (see What happened)");
        }
        return b.toString();
    }
}
