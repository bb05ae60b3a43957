package dev.enisim.gate;

import dev.enisim.model.function.StateReasonCode;
import dev.enisim.iac.Change;
import dev.enisim.metrics.RunSummary;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The change's impact: the after run against the before run (same seed, so unchanged functions draw the same
 * numbers). Free addresses at the peak are each subnet's minimum available IPs over the run; new ENI keys are the
 * keys of the after run that the before run did not have.
 */
record Impact(List<SubnetImpact> subnets, List<VpcImpact> vpcs, List<FunctionImpact> functions, int newKeys,
        long newEnis, int newKeysFromNewGroups, int keysIfShared, long extraFailedInvocations,
        Map<String, Long> extraErrors, Map<String, Long> existingErrors, Map<String, Long> createdErrors) {

    /**
     * {@code extraErrors}: the run's invocation errors after - before, of all functions; {@code existingErrors}: the
     * extra failures of the functions that existed before (the set {@code extraFailedInvocations} counts) by kind
     * (exception, throttle reason or function error cause), which add up to it; {@code createdErrors}: the failures of
     * the functions the after run has and the before run has not, by kind. This constructor, without the breakdowns
     * by set, takes the existing functions' to be all the run's extra errors.
     */
    Impact(List<SubnetImpact> subnets, List<VpcImpact> vpcs, List<FunctionImpact> functions, int newKeys,
            long newEnis, int newKeysFromNewGroups, int keysIfShared, long extraFailedInvocations,
            Map<String, Long> extraErrors) {
        this(subnets, vpcs, functions, newKeys, newEnis, newKeysFromNewGroups, keysIfShared, extraFailedInvocations,
                extraErrors, extraErrors, Map.of());
    }

    /**
     * A subnet the change touches: free IPs at the peak before and after, the ENIs of its new keys, and the change's
     * other new interfaces in it (EFS mount targets), one address each.
     */
    record SubnetImpact(String id, String vpc, String cidr, int usableIps, long freeBefore, long freeAfter,
            int newKeys, long newEnis, int newInterfaces) {

        SubnetImpact(String id, String vpc, String cidr, int usableIps, long freeBefore, long freeAfter, int newKeys,
                long newEnis) {
            this(id, vpc, cidr, usableIps, freeBefore, freeAfter, newKeys, newEnis, 0);
        }

        double freeAfterPercent() {
            return usableIps == 0 ? 0 : 100.0 * freeAfter / usableIps;
        }
    }

    /**
     * A VPC the change touches: its quota, Lambda's ENIs at the peak before and after, and other services' ENIs (EFS
     * mount targets...) after, which share the quota [doc]: the headroom is what is left of the quota beside both.
     */
    record VpcImpact(String id, int quota, long peakBefore, long peakAfter, long otherAfter) {

        VpcImpact(String id, int quota, long peakBefore, long peakAfter) {
            this(id, quota, peakBefore, peakAfter, 0);
        }

        long headroom() {
            return quota - peakAfter - otherAfter;
        }
    }

    /**
     * A function of the change (or one that failed in the after run): its final state and reason, longest Pending
     * spell, the wait until its ENIs were deleted (deleted functions), failed invocations before and after.
     */
    record FunctionImpact(String name, String action, String state, String reason, double pendingSeconds,
            String updateStatus, double updateSeconds, Double teardownSeconds, long failedBefore, long failedAfter,
            boolean failedWithout) {

        /** {@code failedWithout}: the function is Failed in the before run too (one saved {@code existing: Failed}). */
        FunctionImpact(String name, String action, String state, String reason, double pendingSeconds,
                String updateStatus, double updateSeconds, Double teardownSeconds, long failedBefore,
                long failedAfter) {
            this(name, action, state, reason, pendingSeconds, updateStatus, updateSeconds, teardownSeconds,
                    failedBefore, failedAfter, false);
        }

        boolean failed() {
            return "Failed".equals(state) || "Failed".equals(updateStatus);
        }

        /**
         * Whether the change's creation or VPC update of this function had not ended when the run ended (still
         * Pending, an update still InProgress): whether it ends Active or Failed was never simulated.
         */
        boolean unsettled() {
            return !failed() && !"unchanged".equals(action) && !"delete".equals(action)
                    && ("Pending".equals(state) || "InProgress".equals(updateStatus));
        }
    }

    /**
     * Which function of the before run each function of the after run is: AWS's function is its account's, so two
     * versions' functions are matched by account and name, not by label (a change that creates {@code api} in a
     * second account makes the first account's {@code api} {@code 100000000000:api} in the after run, still the
     * before run's {@code api}). {@code beforeOf}: after label -> before label, for those the before run has;
     * {@code actions}: after label -> the change's action on it.
     */
    record Matching(Map<String, String> beforeOf, Map<String, String> afterOf, Map<String, String> actions) {

        Matching(Map<String, String> beforeOf, Map<String, String> actions) {
            this(beforeOf, inverse(beforeOf), actions);
        }

        private static Map<String, String> inverse(Map<String, String> m) {
            Map<String, String> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(v, k));
            return out;
        }

        /** By label, as when no two accounts share a name: each change's function under its name. */
        static Matching byLabel(RunSummary after, Change change) {
            Map<String, String> same = new TreeMap<>();
            after.functions().keySet().forEach(k -> same.put(k, k));
            Map<String, String> actions = new TreeMap<>();
            change.functions().forEach(f -> actions.put(f.name(), action(f)));
            return new Matching(same, actions);
        }

        /**
         * The functions of the before and after scenarios matched by account and name, and the change's functions
         * by their labels in the after scenario ({@code labels}: one per function of {@code change}, in its order).
         */
        static Matching of(dev.enisim.scenario.Scenario before, dev.enisim.scenario.Scenario after, Change change,
                List<String> labels) {
            Map<String, String> byIdentity = new java.util.HashMap<>();
            before.functions().forEach(f -> byIdentity.put(identity(before, f.name()), f.name()));
            Map<String, String> same = new TreeMap<>();
            for (dev.enisim.scenario.Scenario.Function f : after.functions()) {
                String b = byIdentity.get(identity(after, f.name()));
                if (b != null) {
                    same.put(f.name(), b);
                }
            }
            Map<String, String> actions = new TreeMap<>();
            for (int i = 0; i < change.functions().size(); i++) {
                actions.put(labels.get(i), action(change.functions().get(i)));
            }
            return new Matching(same, actions);
        }

        /** {@code <account>:<name>} of a function of a scenario ({@code :<name>} without accounts). */
        private static String identity(dev.enisim.scenario.Scenario s, String label) {
            String account = s.accounts().of(label);
            if (account.isEmpty() && !s.accounts().list().isEmpty()) {
                account = s.accounts().list().get(0).id();
            }
            return dev.enisim.scenario.FunctionLabels.qualified(account, label.substring(label.indexOf(
                    dev.enisim.scenario.FunctionLabels.SEPARATOR) + 1));
        }

        private static String action(Change.Function f) {
            return f.action().name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The before run's summary of the after run's function {@code label}, or null when it is new. */
        RunSummary.FunctionSummary before(RunSummary run, String label) {
            String b = beforeOf.get(label);
            return b == null ? null : run.functions().get(b);
        }

        /** The after run's summary of the before run's function {@code label}, or null when the after has none. */
        RunSummary.FunctionSummary after(RunSummary run, String label) {
            String a = afterOf.get(label);
            return a == null ? null : run.functions().get(a);
        }
    }

    static Impact of(RunSummary before, RunSummary after, Change change, long deployAtSeconds) {
        return of(before, after, change, deployAtSeconds, Matching.byLabel(after, change));
    }

    static Impact of(RunSummary before, RunSummary after, Change change, long deployAtSeconds, Matching m) {
        Set<String> changedGroups = new TreeSet<>();
        change.groups().forEach(g -> changedGroups.add(g.id()));
        Map<String, int[]> keysPerSubnet = new TreeMap<>();
        Map<String, Long> enisPerSubnet = new TreeMap<>();
        int newKeys = 0;
        long newEnis = 0;
        int fromNewGroups = 0;
        Set<String> subnetsOfNewGroupKeys = new TreeSet<>();
        Set<String> vpcsOfNewKeys = new TreeSet<>();
        for (Map.Entry<String, RunSummary.KeySummary> k : after.eniKeys().entrySet()) {
            if (before.eniKeys().containsKey(k.getKey())) {
                continue;
            }
            RunSummary.KeySummary s = k.getValue();
            newKeys++;
            newEnis += s.peakEnis();
            vpcsOfNewKeys.add(s.vpc());
            keysPerSubnet.computeIfAbsent(s.subnet(), x -> new int[1])[0]++;
            enisPerSubnet.merge(s.subnet(), s.peakEnis(), Long::sum);
            if (s.securityGroups().stream().anyMatch(changedGroups::contains)) {
                fromNewGroups++;
                subnetsOfNewGroupKeys.add(s.subnet());
            }
        }
        // the change's EFS mount targets, in subnets the after run has (Deployment simulates those only)
        Map<String, Integer> interfacesPerSubnet = new TreeMap<>();
        for (Change.Interface i : change.interfaces()) {
            if (after.subnets().containsKey(i.subnet())) {
                interfacesPerSubnet.merge(i.subnet(), 1, Integer::sum);
            }
        }
        Set<String> touched = new LinkedHashSet<>(keysPerSubnet.keySet());
        for (Map.Entry<String, RunSummary.SubnetSummary> s : after.subnets().entrySet()) {
            RunSummary.SubnetSummary b = before.subnets().get(s.getKey());
            if (b == null || s.getValue().minAvailableIps() < b.minAvailableIps()) {
                touched.add(s.getKey());
            }
        }
        List<SubnetImpact> subnets = new ArrayList<>();
        for (String id : new TreeSet<>(touched)) {
            RunSummary.SubnetSummary a = after.subnets().get(id);
            RunSummary.SubnetSummary b = before.subnets().get(id);
            String vpc = after.eniKeys().values().stream().filter(k -> k.subnet().equals(id)).map(
                    RunSummary.KeySummary::vpc).findFirst().orElse("");
            subnets.add(new SubnetImpact(id, vpc, a.cidr(), a.usableIps(), b == null ? a.usableIps()
                    : b.minAvailableIps(), a.minAvailableIps(), keysPerSubnet.getOrDefault(id, new int[1])[0],
                    enisPerSubnet.getOrDefault(id, 0L), interfacesPerSubnet.getOrDefault(id, 0)));
        }
        List<VpcImpact> vpcs = new ArrayList<>();
        for (Map.Entry<String, RunSummary.VpcSummary> v : after.vpcs().entrySet()) {
            RunSummary.VpcSummary b = before.vpcs().get(v.getKey());
            long peakBefore = b == null ? 0 : b.peakEnis();
            RunSummary.VpcSummary a = v.getValue();
            // a VPC the change adds a key to is shown even when its peak did not move: the quota may have refused
            // the key's ENI (the row then says the headroom the refusal met)
            if (a.byAccount() != null) { // eniQuotaCountedPer: account: a row per account's copy of the quota
                for (Map.Entry<String, RunSummary.VpcSummary> c : a.byAccount().entrySet()) {
                    RunSummary.VpcSummary cb = b == null || b.byAccount() == null ? null
                            : b.byAccount().get(c.getKey());
                    RunSummary.VpcSummary ca = c.getValue();
                    if (cb == null || ca.peakEnis() != cb.peakEnis() || ca.otherUsedEnis() != cb.otherUsedEnis()
                            || vpcsOfNewKeys.contains(v.getKey())) {
                        vpcs.add(new VpcImpact(v.getKey() + " (account " + c.getKey() + "'s quota)", ca.eniQuota(),
                                cb == null ? 0 : cb.peakEnis(), ca.peakEnis(), ca.otherUsedEnis()));
                    }
                }
            } else if (a.peakEnis() != peakBefore || b == null || a.otherUsedEnis() != b.otherUsedEnis()
                    || vpcsOfNewKeys.contains(v.getKey())) {
                vpcs.add(new VpcImpact(v.getKey(), a.eniQuota(), peakBefore, a.peakEnis(), a.otherUsedEnis()));
            }
        }
        return new Impact(subnets, vpcs, functions(before, after, m, deployAtSeconds), newKeys, newEnis,
                fromNewGroups,
                subnetsOfNewGroupKeys.size(), extraFailures(before, after, m), extraErrors(before, after),
                existingErrors(before, after, m), createdErrors(before, after, m));
    }

    private static List<FunctionImpact> functions(RunSummary before, RunSummary after, Matching m,
            long deployAtSeconds) {
        Map<String, String> actions = m.actions();
        List<FunctionImpact> out = new ArrayList<>();
        for (Map.Entry<String, RunSummary.FunctionSummary> e : after.functions().entrySet()) {
            String name = e.getKey();
            RunSummary.FunctionSummary a = e.getValue();
            RunSummary.FunctionSummary b = m.before(before, name);
            boolean failed = a.transitions().stream().anyMatch(t -> t.state() == State.Failed)
                    || "Failed".equals(a.lastUpdateStatus());
            // a function the change leaves alone that failed without it too (one saved Failed, existing: Failed) is
            // the account's state, not the change's doing: a gate on any change of its account would fail on it
            boolean failedWithout = b != null && (b.transitions().stream().anyMatch(t -> t.state() == State.Failed)
                    || "Failed".equals(b.lastUpdateStatus()));
            if (!actions.containsKey(name) && (!failed || failedWithout)) {
                continue;
            }
            StateReasonCode reason = a.finalReasonCode();
            for (RunSummary.Transition t : a.transitions()) {
                if (t.state() == State.Failed) {
                    reason = t.reasonCode();
                }
            }
            for (RunSummary.Update u : a.updates()) {
                if (u.lastUpdateStatus() == LastUpdateStatus.Failed) {
                    reason = u.reasonCode();
                }
            }
            // the ENIs the change releases: a deleted function's or version's, and those of a VpcConfig removed or
            // changed (updateVpcConfig), once no one else uses their key; not an idle reclaim, nor the account's own
            // actions before the deployment; a teardown of no ENI (the key stays: another function or version
            // uses it) is none: "-", not "0s" (a planner's review)
            Double teardown = null;
            for (RunSummary.Teardown t : after.teardowns()) {
                if (t.function().equals(name) && !t.action().equals("idle reclaim") && t.enis() > 0
                        && t.releasedAtSeconds() >= deployAtSeconds) {
                    double wait = t.waitSeconds() == null ? Double.POSITIVE_INFINITY : t.waitSeconds();
                    teardown = teardown == null ? wait : Math.max(teardown, wait);
                }
            }
            double updateSeconds = 0;
            Double started = null;
            for (RunSummary.Update u : a.updates()) {
                if (u.lastUpdateStatus() == LastUpdateStatus.InProgress) {
                    started = u.atSeconds();
                } else if (started != null) {
                    updateSeconds = Math.max(updateSeconds, u.atSeconds() - started);
                    started = null;
                }
            }
            String state = failed && a.transitions().stream().anyMatch(t -> t.state() == State.Failed) ? "Failed"
                    : a.finalState();
            out.add(new FunctionImpact(name, actions.getOrDefault(name, "unchanged"), state,
                    reason == null ? null : reason.name(),
                    a.longestPendingSeconds(), a.lastUpdateStatus(), updateSeconds, teardown, b == null ? 0 : failures(b),
                    failures(a), b != null && b.transitions().stream().anyMatch(t -> t.state() == State.Failed)));
        }
        return out;
    }

    static long failures(RunSummary.FunctionSummary f) {
        return f.invocations().total() - f.invocations().succeeded();
    }

    /** Extra failed invocations (throttled, errors, function errors) of functions that existed before. */
    private static long extraFailures(RunSummary before, RunSummary after, Matching m) {
        long extra = 0;
        for (Map.Entry<String, RunSummary.FunctionSummary> e : before.functions().entrySet()) {
            RunSummary.FunctionSummary a = m.after(after, e.getKey());
            if (a != null) {
                extra += Math.max(0, failures(a) - failures(e.getValue()));
            }
        }
        return extra;
    }

    private static Map<String, Long> extraErrors(RunSummary before, RunSummary after) {
        Map<String, Long> out = new TreeMap<>();
        after.invocations().errors().forEach((k, v) -> {
            long d = v - before.invocations().errors().getOrDefault(k, 0L);
            if (d != 0) {
                out.put(k, d);
            }
        });
        return out;
    }

    /**
     * A function's failed invocations by kind: the Invoke API exception of an invoke error, the reason of a throttle
     * (TooManyRequestsException), the cause of a function error; they add up to {@link #failures}.
     */
    private static Map<String, Long> failuresByKind(RunSummary.FunctionSummary f) {
        Map<String, Long> out = new TreeMap<>();
        RunSummary.Invocations i = f.invocations();
        for (Map<String, Long> m : List.of(i.errors(), i.throttleReasons(), i.functionErrorCauses())) {
            m.forEach((k, v) -> out.merge(k, v, Long::sum));
        }
        return out;
    }

    /**
     * The extra failures of the functions {@link #extraFailures} counts (those that existed before and fail more
     * after), by kind, after - before; they add up to its count.
     */
    private static Map<String, Long> existingErrors(RunSummary before, RunSummary after, Matching m) {
        Map<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, RunSummary.FunctionSummary> e : before.functions().entrySet()) {
            RunSummary.FunctionSummary a = m.after(after, e.getKey());
            if (a == null || failures(a) <= failures(e.getValue())) {
                continue;
            }
            Map<String, Long> b = failuresByKind(e.getValue());
            failuresByKind(a).forEach((k, v) -> out.merge(k, v - b.getOrDefault(k, 0L), Long::sum));
        }
        out.values().removeIf(v -> v == 0);
        return out;
    }

    /** The failures of the functions the after run has and the before run has not (the change creates), by kind. */
    private static Map<String, Long> createdErrors(RunSummary before, RunSummary after, Matching m) {
        Map<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, RunSummary.FunctionSummary> e : after.functions().entrySet()) {
            if (m.before(before, e.getKey()) == null) {
                failuresByKind(e.getValue()).forEach((k, v) -> out.merge(k, v, Long::sum));
            }
        }
        out.values().removeIf(v -> v == 0);
        return out;
    }

    long failedFunctions() {
        return functions.stream().filter(FunctionImpact::failed).count();
    }
}
