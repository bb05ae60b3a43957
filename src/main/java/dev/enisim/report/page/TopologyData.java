package dev.enisim.report.page;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.metrics.JournalEntry;
import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Seconds;
import dev.enisim.model.NetworkModel;
import dev.enisim.report.Labels;
import dev.enisim.report.Narrative;
import dev.enisim.report.chart.Palette;
import dev.enisim.model.SimEvent;
import dev.enisim.run.RunResult;
import dev.enisim.scenario.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The topology and lifecycle player's data: VPCs, subnets (usable size, other tenants, exact IP use over time),
 * ENI keys, ENIs with their lifetimes, functions with their state changes and the keys they use over time, and
 * the journal as steps for the time slider. Which function uses which ENI at a time t is derived in the browser:
 * a Pending or Active function uses the live ENIs of its keys. Bounded: at most {@value #MAX_FUNCTIONS}
 * functions, {@value #MAX_KEYS} keys and {@value #MAX_ENIS} ENIs are drawn (the rest counted, and said so),
 * {@value #MAX_STEPS} slider steps and {@value #MAX_EVENTS} journal lines.
 */
final class TopologyData {

    static final int MAX_FUNCTIONS = 40;
    static final int MAX_KEYS = 30;
    static final int MAX_ENIS = 80;
    static final int MAX_STEPS = 2_000;
    static final int MAX_EVENTS = 6_000;
    private static final int MAX_FILL_POINTS = 4_000;
    /** An ENI's step it did not reach, as the player's script reads it ({@code player.js}: {@code >= 0}). */
    private static final double NOT_REACHED = -1;

    private TopologyData() {
    }

    static ObjectNode build(RunResult r) {
        ObjectNode o = Json.obj();
        RunSummary s = r.summary();
        boolean legacy = r.scenario().networkModel() == NetworkModel.LEGACY;
        o.put("legacy", legacy);
        o.put("durationSeconds", s.simulatedSeconds());
        o.set("stateColors", Json.obj().setAll(colours(v -> v)));
        // each state's box edged as its bars in the state timeline (Palette.edge): a light fill (Pending, Inactive,
        // Creating) stood about 1.6:1 against the white figure, its edge 3:1 at least (WCAG 1.4.11)
        o.set("stateEdges", Json.obj().setAll(colours(Palette::edge)));
        // states drawn hatched too (Failed), as in the state timeline: not told by colour alone
        ArrayNode hatched = o.putArray("hatched");
        Palette.STATES.keySet().stream().filter(Palette.HATCHED::contains).forEach(hatched::add);

        // functions in the order of the page's function table and the terminal (Stranded): a 600-function account's
        // 4 functions left Inactive by a restore that found no IP were first there, and not drawn here (only Failed
        // ones came first, then the busiest 40)
        List<Map.Entry<String, RunSummary.FunctionSummary>> ordered = new ArrayList<>(s.functions().entrySet());
        ordered.sort(Stranded.order());
        List<String> fnNames = ordered.stream().map(Map.Entry::getKey).toList();
        List<String> shownFns = fnNames.subList(0, Math.min(MAX_FUNCTIONS, fnNames.size()));
        Map<String, List<KeySpell>> fnKeys = new LinkedHashMap<>();
        for (String f : shownFns) {
            fnKeys.put(f, keySpells(r, f, legacy));
        }
        // keys: those the shown functions use, then the busiest others
        Set<String> keySet = new java.util.LinkedHashSet<>();
        fnKeys.values().forEach(l -> l.forEach(k -> keySet.addAll(k.keys())));
        List<String> byPeak = new ArrayList<>(s.eniKeys().keySet());
        byPeak.sort(Comparator.comparingLong((String k) -> -s.eniKeys().get(k).peakEnis()).thenComparing(k -> k));
        keySet.addAll(byPeak);
        List<String> keys = new ArrayList<>(keySet).subList(0, Math.min(MAX_KEYS, keySet.size()));
        keys.sort(Comparator.comparing((String k) -> s.eniKeys().get(k).subnet()).thenComparing(k -> k));
        Set<String> shownKeys = new HashSet<>(keys);
        // ENIs of the shown keys, in creation order
        List<RunResult.EniLifetime> enis = new ArrayList<>();
        int enisOfShownKeys = 0;
        for (RunResult.EniLifetime e : r.enis()) {
            if (shownKeys.contains(e.key())) {
                enisOfShownKeys++;
                if (enis.size() < MAX_ENIS) {
                    enis.add(e);
                }
            }
        }
        o.set("leftOut", Json.obj().put("functions", fnNames.size() - shownFns.size()).put("order", Stranded.ORDER)
                .put("keys", s.eniKeys().size() - keys.size()).put("enis", r.enis().size() - enis.size())
                .put("enisTotal", r.enis().size()).put("enisOfShownKeys", enisOfShownKeys));

        vpcs(o, r, keys);
        ArrayNode ka = o.putArray("keys");
        // each key's live ENIs over time, all of them: its label counted only the drawn ones (legacy-vs-hyperplane
        // said "42 ENIs" of a subnet's 123)
        Map<String, TreeMap<Double, Integer>> byKey = deltas(r, RunResult.EniLifetime::key);
        for (String k : keys) {
            RunSummary.KeySummary ks = s.eniKeys().get(k);
            ArrayNode sgs = Json.arr();
            ks.securityGroups().forEach(sgs::add);
            ObjectNode ko = Json.obj().put("id", k).put("subnet", ks.subnet()).put("vpc", ks.vpc());
            ko.set("sgs", sgs);
            // what the scenario names (imported Name tags): the groups labelled as the page's tables label them (the
            // box cuts them, its tooltip has them whole), the subnet by its name alone before the key's ENI count
            // (its box, a line away, has its id; "private-a (subnet-0f1e...) · 2 ENIs" cut the count off)
            if (!Labels.key(r.scenario(), k).equals(k)) {
                ArrayNode sgLabels = ko.putArray("sgLabels");
                ks.securityGroups().forEach(g -> sgLabels.add(Labels.of(r.scenario(), g)));
                String subnetName = Labels.name(r.scenario(), ks.subnet());
                if (subnetName != null) {
                    ko.put("subnetLabel", subnetName);
                }
            }
            ko.set("live", steps(byKey.get(k)));
            ka.add(ko);
        }
        ArrayNode ea = o.putArray("enis");
        for (RunResult.EniLifetime e : enis) {
            ea.add(Json.obj().put("id", e.id()).put("key", e.key()).put("subnet", e.subnet()).put("ip", e.ip())
                    .put("created", e.createdSeconds()).put("ready", e.readySeconds().orElse(NOT_REACHED))
                    .put("deleting", e.deletionRequestedSeconds().orElse(NOT_REACHED))
                    .put("orphaned", e.orphanedSeconds().orElse(NOT_REACHED))
                    .put("ended", e.endedSeconds().orElse(NOT_REACHED)));
        }
        ArrayNode fa = o.putArray("functions");
        for (String f : shownFns) {
            RunSummary.FunctionSummary fs = s.functions().get(f);
            ArrayNode tr = Json.arr();
            for (RunSummary.Transition t : fs.transitions()) {
                tr.add(Json.obj().put("t", t.atSeconds()).put("state", t.state().name()).put("reason", t.reasonCode() == null ? null : t.reasonCode().name())
                        .put("cause", t.cause()));
            }
            ArrayNode ks = Json.arr();
            for (KeySpell k : fnKeys.get(f)) {
                ArrayNode ids = Json.arr();
                k.keys().stream().filter(shownKeys::contains).forEach(ids::add);
                ks.add(Json.obj().put("t", k.fromSeconds()).set("keys", ids));
            }
            ObjectNode fo = Json.obj().put("name", f).put("finalState", fs.finalState()).put("invocations",
                    fs.invocations().total());
            fo.set("transitions", tr);
            fo.set("keys", ks);
            fa.add(fo);
        }
        Set<String> drawn = new HashSet<>(shownFns);
        enis.forEach(e -> drawn.add(e.id()));
        events(o, r, drawn, affected(r, fnKeys));
        return o;
    }

    /**
     * Each Availability Zone's spells down, {@code [from, to]} in seconds (to: the run's end when it does not come
     * back), from the timeline's AZ actions.
     */
    static Map<String, List<double[]>> azDown(RunResult r) {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        for (dev.enisim.report.chart.StateTimeline.AzDown d : dev.enisim.report.chart.StateTimeline.azDown(r)) {
            out.computeIfAbsent(d.az(), k -> new ArrayList<>()).add(new double[] {d.fromSeconds(), d.toSeconds()});
        }
        return out;
    }

    /**
     * Per Availability Zone, what its outage touches, as subjects of its "down" and "back up" lines: its subnets and
     * the drawn functions with a key in one of them (a subnet's history told nothing of the hour it was down).
     */
    private static Map<String, List<String>> affected(RunResult r, Map<String, List<KeySpell>> fnKeys) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<String, String> azOf = new java.util.HashMap<>();
        for (Scenario.Vpc v : r.scenario().vpcs()) {
            for (Scenario.Subnet sub : v.subnets()) {
                out.computeIfAbsent(sub.az(), k -> new ArrayList<>()).add(sub.id());
                azOf.put(sub.id(), sub.az());
            }
        }
        fnKeys.forEach((f, spells) -> {
            Set<String> zones = new java.util.LinkedHashSet<>();
            spells.forEach(k -> k.keys().forEach(key -> {
                RunSummary.KeySummary ks = r.summary().eniKeys().get(key);
                if (ks != null && azOf.containsKey(ks.subnet())) {
                    zones.add(azOf.get(ks.subnet()));
                }
            }));
            zones.forEach(az -> out.get(az).add(f));
        });
        return out;
    }

    /** From a time on, a function uses these keys (its VpcConfig's subnets x its security groups). */
    record KeySpell(double fromSeconds, List<String> keys) {
    }

    static List<KeySpell> keySpells(RunResult r, String function, boolean legacy) {
        List<KeySpell> out = new ArrayList<>();
        for (Scenario.Function f : r.scenario().functions()) {
            if (f.name().equals(function)) {
                out.add(new KeySpell(f.existing() == Scenario.Function.Existing.NO ? Seconds.of(f.createdAtMicros())
                        : 0,
                        keysOf(r, function, f.vpcConfig(), legacy)));
            }
        }
        // an update switches keys once it has succeeded (the function stays on its old ENIs meanwhile)
        List<Double> successes = new ArrayList<>();
        for (JournalEntry e : r.journal()) {
            if (e.kind() == JournalEntry.Kind.FUNCTION_UPDATE && e.subject().equals(function)
                    && e.state().equals("Successful")) {
                successes.add(Seconds.of(e.atMicros()));
            }
        }
        int next = 0;
        List<Scenario.Function> functions = r.scenario().functions();
        for (Scenario.At a : r.scenario().timeline()) {
            Scenario.VpcConfig v = null;
            double at = Seconds.of(a.atMicros());
            if (a.action() instanceof SimEvent.CreateFunction c && functions.get(c.function()).name().equals(function)
                    && c.vpcConfig().isPresent()) { // without one, the function keeps its keys
                v = r.scenario().vpcConfig(c.vpcConfig().get());
            } else if (a.action() instanceof SimEvent.UpdateVpcConfig u
                    && functions.get(u.function()).name().equals(function)) {
                v = r.scenario().vpcConfig(u.vpcConfig());
                while (next < successes.size() && successes.get(next) < at) {
                    next++;
                }
                if (next < successes.size()) {
                    at = successes.get(next++);
                }
            }
            if (v != null) {
                out.add(new KeySpell(at, keysOf(r, function, v, legacy)));
            }
        }
        out.sort(Comparator.comparingDouble(KeySpell::fromSeconds));
        return out;
    }

    private static List<String> keysOf(RunResult r, String function, Scenario.VpcConfig v, boolean legacy) {
        List<String> out = new ArrayList<>();
        if (v == null || !v.attached()) {
            return out;
        }
        Set<String> sgs = new HashSet<>(v.securityGroupIds());
        for (String subnet : v.subnetIds()) {
            r.summary().eniKeys().forEach((label, k) -> {
                boolean owner = legacy ? label.startsWith(function + "@") : !label.contains("@");
                if (owner && k.subnet().equals(subnet) && new HashSet<>(k.securityGroups()).equals(sgs)) {
                    out.add(label);
                }
            });
        }
        return out;
    }

    /** Per subnet or key ({@code by}), +1 at each ENI's creation and -1 at its end, by instant. */
    private static Map<String, TreeMap<Double, Integer>> deltas(RunResult r,
            java.util.function.Function<RunResult.EniLifetime, String> by) {
        Map<String, TreeMap<Double, Integer>> out = new LinkedHashMap<>();
        for (RunResult.EniLifetime e : r.enis()) {
            TreeMap<Double, Integer> d = out.computeIfAbsent(by.apply(e), k -> new TreeMap<>());
            d.merge(e.createdSeconds(), 1, Integer::sum);
            e.endedSeconds().ifPresent(t -> d.merge(t, -1, Integer::sum));
        }
        return out;
    }

    /** The live ENIs as steps {@code [[t, n], ...]} from {@code deltas} (none: empty), at most MAX_FILL_POINTS. */
    private static ArrayNode steps(TreeMap<Double, Integer> deltas) {
        ArrayNode out = Json.arr();
        int live = 0;
        for (Map.Entry<Double, Integer> d : (deltas == null ? new TreeMap<Double, Integer>() : deltas).entrySet()) {
            live += d.getValue();
            if (out.size() < MAX_FILL_POINTS) {
                out.add(Json.arr().add(d.getKey()).add(live));
            }
        }
        return out;
    }

    /** VPCs and their subnets, each subnet with its IPs in use over time (other tenants + live ENIs). */
    private static void vpcs(ObjectNode o, RunResult r, List<String> keys) {
        ArrayNode va = o.putArray("vpcs");
        ArrayNode sa = o.putArray("subnets");
        Map<String, TreeMap<Double, Integer>> deltas = deltas(r, RunResult.EniLifetime::subnet);
        Map<String, List<double[]>> azDown = azDown(r);
        Set<String> keySubnets = new HashSet<>();
        keys.forEach(k -> keySubnets.add(r.summary().eniKeys().get(k).subnet()));
        List<String> subnetIds = new ArrayList<>(); // by the timeline's subnet index: the scenario's order
        for (Scenario.Vpc v : r.scenario().vpcs()) {
            v.subnets().forEach(sub -> subnetIds.add(sub.id()));
        }
        for (Scenario.Vpc v : r.scenario().vpcs()) {
            RunSummary.VpcSummary vs = r.summary().vpcs().get(v.id());
            // the legacy model's limit is EC2's network interfaces (legacy.eniLimit, what eniQuota then holds), not the
            // Hyperplane ENI quota the player called it
            va.add(Json.obj().put("id", v.id()).put("quota", vs == null ? v.eniQuota() : vs.eniQuota())
                    .put("limit", r.scenario().networkModel() == NetworkModel.LEGACY
                            ? "legacy.eniLimit" : "quota")
                    .put("peakEnis", vs == null ? 0 : vs.peakEnis()));
            label((ObjectNode) va.get(va.size() - 1), r, v.id());
            for (Scenario.Subnet sub : v.subnets()) {
                if (!keySubnets.contains(sub.id()) && keySubnets.size() > 0 && sa.size() >= MAX_KEYS) {
                    continue;
                }
                RunSummary.SubnetSummary ss = r.summary().subnets().get(sub.id());
                ObjectNode so = Json.obj().put("id", sub.id()).put("vpc", v.id()).put("cidr", String.valueOf(
                        sub.cidr())).put("az", sub.az()).put("usable", ss.usableIps());
                label(so, r, sub.id());
                // other tenants over time: the scenario's value, then its setOtherUsedIps actions
                ArrayNode other = so.putArray("other");
                other.add(Json.arr().add(0).add(sub.otherUsedIps()));
                for (Scenario.At a : r.scenario().timeline()) {
                    if (a.action() instanceof SimEvent.SetOtherUsedIps x && subnetIds.get(x.subnet()).equals(sub.id())) {
                        other.add(Json.arr().add(Seconds.of(a.atMicros())).add(x.count()));
                    }
                }
                so.set("enis", steps(deltas.get(sub.id())));
                // the spells its Availability Zone is down: the player greys the subnet and its ENIs then
                ArrayNode down = so.putArray("down");
                for (double[] d : azDown.getOrDefault(sub.az(), List.of())) {
                    down.add(Json.arr().add(d[0]).add(d[1]));
                }
                sa.add(so);
            }
        }
    }

    /**
     * A VPC's or subnet's {@code label} ({@link Labels#of}: "private-a (subnet-0a1b2c3d4e5f60789)") when the scenario
     * names it; none otherwise, and the player shows the id as before.
     */
    private static void label(ObjectNode o, RunResult r, String id) {
        String label = Labels.of(r.scenario(), id);
        if (!label.equals(id)) {
            o.put("label", label);
        }
    }

    /**
     * The journal as lines (subjects for an element's history) and the slider's steps (distinct times): the
     * timeline's actions and what happened to the drawn functions and ENIs.
     */
    private static void events(ObjectNode o, RunResult r, Set<String> drawn, Map<String, List<String>> byAz) {
        ArrayNode ev = o.putArray("events");
        ArrayNode steps = o.putArray("steps");
        List<Double> times = new ArrayList<>();
        int left = 0;
        // successes in the narrative's parts: one spell across az-outage's hour of ServiceException was told as
        // succeeding through it
        ScaleOutRefusal refusals = ScaleOutRefusal.of(r);
        java.util.function.UnaryOperator<String> label = Labels.inText(r.scenario());
        Map<String, String> stateOf = new java.util.HashMap<>(); // each function's state as the journal goes
        // an existing function's ENIs, made in place at the start: one line "in place", as the narrative tells them,
        // not "Creating" and "InUse" in the same instant (a zero-length Creating, beside "creating takes ~75 s")
        Set<JournalEntry> inPlace = r.scenario().networkModel() == NetworkModel.LEGACY ? Set.of()
                : Narrative.madeInPlace(r.journal());
        for (JournalEntry e : dev.enisim.report.Narrative.successSpells(r)) {
            if (e.state() != null && e.state().equals("Creating") && inPlace.contains(e)) {
                continue;
            }
            if (e.kind() == JournalEntry.Kind.FUNCTION_STATE) {
                stateOf.put(e.subject(), e.state());
            }
            if (e.kind() == JournalEntry.Kind.ACTION ? !drawnAction(e.detail(), drawn) : !drawn.contains(e.subject())) {
                continue;
            }
            if (ev.size() >= MAX_EVENTS) {
                left++;
                continue;
            }
            double t = Seconds.of(e.atMicros());
            ArrayNode subjects = Json.arr();
            if (!e.subject().isEmpty()) {
                subjects.add(e.subject());
            }
            if (e.kind() == JournalEntry.Kind.ACTION && e.detail().startsWith(AZ_ACTION)) {
                String az = e.detail().substring(AZ_ACTION.length());
                az = az.endsWith(" down") ? az.substring(0, az.length() - 5) : az.endsWith(" back up")
                        ? az.substring(0, az.length() - 8) : az;
                byAz.getOrDefault(az, List.of()).forEach(subjects::add);
            }
            // an Active function's refused scale-out: what was full, once per function as the story says it, and
            // in the full subnets' histories
            String full = e.kind() == JournalEntry.Kind.INVOCATIONS && e.reason() != null
                    ? refusals.once(e, stateOf.get(e.subject())) : null;
            if (full != null && "SubnetIPAddressLimitReachedException".equals(e.reason())) {
                refusals.subnets(e).forEach(subjects::add);
            }
            String text = switch (e.kind()) {
                case FUNCTION_STATE -> e.subject() + " -> " + e.state() + (e.reason() == null ? "" : " ("
                        + e.reason() + ")") + (e.detail() == null || e.detail().isEmpty() ? "" : ": " + e.detail());
                case FUNCTION_UPDATE -> e.subject() + " LastUpdateStatus " + e.state() + (e.reason() == null ? ""
                        : " (" + e.reason() + ")");
                case ENI_STATE -> "ENI " + e.subject() + " " + (inPlace.contains(e) ? "in place, InUse" : e.state())
                        + " (" + e.detail() + ")";
                case ENI_SHARED -> e.subject() + " shares " + e.state() + " (" + e.detail() + ")";
                case ACTION -> e.detail();
                case RESTORE_RETRIES -> Narrative.retries(e, Narrative::clock);
                case ENI_AWAITED -> Narrative.awaited(e);
                case INVOCATIONS -> String.format(Locale.ROOT, "%,d", e.count()) + " invocation" + (e.count() == 1
                        ? "" : "s") + " of " + e.subject() + " " + Narrative.outcome(e) + ", " + Narrative.clock(e.atMicros())
                        + (e.count() == 1 ? "" : " to " + Narrative.clock(Headlines.lastOfSpell(r, e)))
                        + ScaleOutRefusal.suffix(full);
            };
            if (e.kind() == JournalEntry.Kind.ENI_SHARED || e.kind() == JournalEntry.Kind.ENI_AWAITED
                    || e.kind() == JournalEntry.Kind.ENI_STATE) {
                String where = e.detail() == null ? "" : e.detail();
                subjects.add(e.kind() == JournalEntry.Kind.ENI_STATE ? "" : e.state());
                subjects.add(where.contains(" ") ? where.substring(0, where.indexOf(' ')) : where);
            }
            // the subnets, security groups and VPCs the scenario names, name first as the boxes and narrative.txt
            // say them: the journal said "eni-0003 InUse (subnet-0bb2cc3dd4ee5ff62+[sg-0c1d...] 10.60.2.253)"
            ev.add(Json.obj().put("t", t).put("kind", e.kind().name()).put("text", label.apply(text))
                    .set("subjects", subjects));
            if (e.kind() != JournalEntry.Kind.INVOCATIONS && (times.isEmpty() || times.get(times.size() - 1) != t)) {
                times.add(t);
            }
        }
        o.put("eventsLeftOut", left);
        double end = r.summary().simulatedSeconds();
        if (times.isEmpty() || times.get(times.size() - 1) < end) {
            times.add(end);
        }
        int stride = Math.max(1, (times.size() + MAX_STEPS - 1) / MAX_STEPS);
        List<Double> at = new ArrayList<>();
        for (int i = 0; i < times.size(); i += stride) {
            at.add(times.get(i));
        }
        if ((times.size() - 1) % stride != 0) {
            at.add(times.get(times.size() - 1));
        }
        at.forEach(steps::add);
        // the step that lists each line: a spell of invocations at the last step at or before its start (az-outage's
        // failures from 00:30:00.5 were listed at 01:30:00, "back up", not at 00:30:00, "down"), anything else at
        // the first step at or after it (the steps are those instants, unless there are too many)
        for (com.fasterxml.jackson.databind.JsonNode n : ev) {
            double t = n.get("t").asDouble();
            int i = java.util.Collections.binarySearch(at, t);
            int step;
            if (i >= 0) {
                step = i;
            } else if (n.get("kind").asText().equals(JournalEntry.Kind.INVOCATIONS.name())) {
                step = Math.max(0, -i - 2);
            } else {
                step = Math.min(at.size() - 1, -i - 1);
            }
            ((ObjectNode) n).put("step", step);
        }
    }

    /** How the model's journal words an Availability Zone's outage and return ({@code World}). */
    private static final String AZ_ACTION = "Availability Zone ";

    /** An account-wide action (AZ outage, role change...) or one on a drawn function ("CreateFunction f-1 ..."). */
    static boolean drawnAction(String description, Set<String> drawn) {
        String[] w = description.split(" ", 3);
        boolean onFunction = w.length >= 2 && w[0].matches("CreateFunction|UpdateFunctionConfiguration|DeleteFunction"
                + "|PublishVersion|DeleteVersion");
        return !onFunction || drawn.contains(w[1]) || drawn.contains(unqualified(w[1]));
    }

    /**
     * A function's name without a version qualifier ({@code f-1:3} is {@code f-1}); a label ({@code
     * 200000000000:api}, a name two accounts' functions have) keeps its account, which is no version.
     */
    private static String unqualified(String function) {
        int colon = function.lastIndexOf(':');
        return colon > 0 && function.substring(colon + 1).matches("\\d+|\\$LATEST") ? function.substring(0, colon)
                : function;
    }

    /** Each state's colour ({@link Palette#STATES}) through {@code of}: the fill itself, or its edge. */
    private static Map<String, com.fasterxml.jackson.databind.JsonNode> colours(
            java.util.function.UnaryOperator<String> of) {
        Map<String, com.fasterxml.jackson.databind.JsonNode> m = new LinkedHashMap<>();
        Palette.STATES.forEach((k, v) -> m.put(k, Json.F.textNode(of.apply(v))));
        return m;
    }
}
