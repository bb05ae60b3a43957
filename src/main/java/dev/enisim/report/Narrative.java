package dev.enisim.report;

import dev.enisim.metrics.JournalEntry;
import dev.enisim.metrics.Seconds;
import dev.enisim.report.page.Headlines;
import dev.enisim.run.RunResult;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.DistributionSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The run told in words, one line per meaningful event with its simulated time, for teaching: each rule is
 * explained the first time it applies (in the words of the network model in force), invocations are summarised
 * per spell ("412 invocations of orders-api failed with ResourceConflictException between 00:00:00 and
 * 00:01:14"), and ENI events of the same kind at the same instant are told together. Lines that say the same thing
 * about more than {@value #CROWD} functions within a short span are one line ({@link #crowds}); the subnets, security
 * groups and VPCs the scenario names are labelled as the terminal and the page label them ({@link #labelled}).
 */
public final class Narrative {

    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry("Pending:Creating", "A function attached to a VPC stays Pending until Lambda has a Hyperplane"
                    + " ENI ready for every subnet + security-group set it uses; its invocations fail meanwhile with"
                    + " ResourceConflictException."),
            Map.entry("shared", "Hyperplane ENIs are shared by every function and version with the same subnet and"
                    + " security groups: no new IP, no new quota slot, and attaching takes seconds."),
            // an existing function shares at the run's set-up: nothing is attached during the run (a teacher's review)
            Map.entry("shared:existing", "Hyperplane ENIs are shared by every function and version with the same"
                    + " subnet and security groups: an existing function already uses its key's ENIs when the run"
                    + " starts, with no IP or quota slot of its own for them; nothing is attached during the run."),
            Map.entry("Failed:SubnetOutOfIPAddresses", "The subnet had no free address for a new ENI. A function"
                    + " whose creation failed must be deleted and recreated; its invocations fail with"
                    + " SubnetIPAddressLimitReachedException."),
            Map.entry("Failed:InsufficientRolePermissions", "The execution role cannot create network interfaces"
                    + " (EC2 permissions missing); invocations fail with EC2AccessDeniedException."),
            Map.entry("Pending:Restoring", "The first invocation of an Inactive function fails with"
                    + " ResourceNotReadyException and starts restoring its ENIs; invocations fail the same way until"
                    + " it is Active again."),
            Map.entry("eni:Orphaned", "The role Lambda would delete the ENI with has lost its EC2 permissions: the"
                    + " ENI is orphaned and keeps its IP and quota slot until someone deletes it by hand."),
            Map.entry("update:InProgress", "A VPC configuration update keeps the function Active on its old ENIs"
                    + " until the new ones are ready."),
            Map.entry("inv:TooManyRequestsException", "Throttles (429) come from the account or reserved"
                    + " concurrency limits, or from the scaling rate."),
            Map.entry("preset", "A runtime preset is the Init Duration measured for a hello-world function of that"
                    + " runtime, memory, architecture and package (public lambda-perf benchmark, 86 days); a real"
                    + " function adds its own initialisation (initExtra)."),
            Map.entry("Failed:EC2RequestLimitExceeded", "EC2 refused Lambda's call to create the ENI for its"
                    + " request rate (hyperplane.ec2RequestLimit); invocations fail with EC2ThrottledException."),
            Map.entry("inv:EC2ThrottledException", "The function is Failed (EC2RequestLimitExceeded): when it was"
                    + " created, EC2 refused Lambda's call to create its Hyperplane ENI for its request"
                    + " rate (hyperplane.ec2RequestLimit). Every invocation now fails with EC2ThrottledException, not"
                    + " for EC2's rate at that moment but because the function is Failed: delete and recreate it"
                    + " (when fewer ENI creations run at once) to use it again."),
            Map.entry("Failed:InternalError", "Lambda cancelled the function's pending operation (an update or"
                    + " PublishVersion after hyperplane.stuckPendingAfter Pending) or its creation failed before the"
                    + " run: the function is Failed and must be deleted and recreated; its invocations fail with"
                    + " ResourceConflictException. An ENI made for a cancelled creation that no other function uses"
                    + " is deleted (one still being created, once it is ready: hyperplane.cancelledCreationKeepsEnis)."),
            Map.entry("inv:ENINotReadyException", "Every ENI of the key was full and Lambda was creating another:"
                    + " requests are refused with ENINotReadyException (502) until it is ready"
                    + " (hyperplane.eniNotReadyOnScaleOut)."),
            Map.entry("inv:ServiceException", "Every subnet of the function is in an unavailable Availability Zone:"
                    + " the reason to give functions subnets in several AZs. ServiceException is enisim's assumption"
                    + " here: AWS names no error for it (README, Modelling assumptions)."),
            Map.entry("eni:phases", "Creating, InUse, Deleting, Deleted and Orphaned (enis.csv's finalState, the"
                    + " charts' legends) are enisim's lifecycle phases of an ENI, not AWS values: aws ec2"
                    + " describe-network-interfaces prints a Status (available, attaching, in-use, detaching,"
                    + " associated), in-use for an ENI in use (InUse). Creating, Deleting and Orphaned (an ENI Lambda"
                    + " could not delete) have no Status of their own."),
            Map.entry("fn:TaskTimedOut", "The invocation ran past the function's timeout: Lambda stops it and"
                    + " reports a function error (the caller sees Status: timeout), its concurrency held until then."
                    + " TaskTimedOut is enisim's name for this cause."),
            Map.entry("fn:NoFreePortOnEni", "The invocation ran but could not open its connection: every ENI of its"
                    + " key already carried the most connections one holds (hyperplane.connectionsPerEni) while"
                    + " Lambda created another. To the function it looks like a connection timeout; NoFreePortOnEni"
                    + " is enisim's name for it, AWS reports nothing of its own."),
            Map.entry("fn:ErrorPortAllocation", "The NAT gateway had no port left for this destination (55,000"
                    + " connections per address and destination): the function's connection failed, and the gateway"
                    + " counts it in its ErrorPortAllocation metric."),
            Map.entry("action:kept", "A Hyperplane ENI belongs to its subnet + security-group key, not to a"
                    + " function: deleting a function deletes a key's ENIs only when no other function or published"
                    + " version uses the key; until then they stay, with their IPs."),
            Map.entry("action:role", "Lambda needs the execution role's EC2 permissions only to create and delete"
                    + " network interfaces: invocations go on, but an ENI Lambda can no longer delete is orphaned and"
                    + " keeps its IP and quota slot."));

    /** The legacy (pre-2019) model's own explanations, where they differ from Hyperplane's. */
    private static final Map<String, String> WHY_LEGACY = Map.ofEntries(
            Map.entry("Failed:EniLimitExceeded", "The VPC reached its limit of network interfaces (legacy.eniLimit,"
                    + " EC2's quota); invocations fail with ENILimitReachedException."),
            Map.entry("eni:Deleting", "No execution environment uses this ENI any more: Lambda deletes it after a"
                    + " delay, and only then frees its IP."),
            Map.entry("inv:EC2ThrottledException", "Under the legacy model every cold start calls EC2's"
                    + " CreateNetworkInterface; when EC2 throttles those calls the cold start fails with"
                    + " EC2ThrottledException."));

    private Narrative() {
    }

    /** The lines of the story. */
    public static List<String> lines(RunResult r) {
        List<String> out = new ArrayList<>();
        Set<String> explained = new HashSet<>();
        boolean legacy = r.scenario().networkModel() == dev.enisim.model.NetworkModel.LEGACY;
        Map<String, String> why = why(r.scenario(), legacy);
        fullRegionQuotas(r, why, legacy);
        restoreRegionFull(r, why);
        Map<String, Set<String>> live = new java.util.HashMap<>(); // per key, its ENIs created and not going away
        Map<JournalEntry, Spell> spells = new java.util.IdentityHashMap<>();
        List<JournalEntry> entries = splitSuccesses(r, spells);
        List<Scenario.Function> presets = new ArrayList<>();
        for (Scenario.Function f : r.scenario().functions()) {
            if (presetLabel(f.initDuration()) != null) {
                presets.add(f);
            }
        }
        presets.sort(Comparator.comparingLong(Scenario.Function::createdAtMicros));
        int nextPreset = 0;
        When start = When.of(r.scenario());
        Map<Integer, Member> members = new java.util.TreeMap<>(); // the lines a crowd may take in, by index in out
        Set<String> failedOnce = new HashSet<>(); // the failures whose first line is told: the later ones may crowd
        Set<String> inPlace = readyAtOnce(entries);
        Existing existing = Existing.of(r, entries, inPlace);
        Set<JournalEntry> refused = refusedDeletions(entries);
        Set<JournalEntry> doomed = doomedDeletions(entries);
        Map<String, String> stateOf = new java.util.HashMap<>(); // each function's state as the story goes
        dev.enisim.report.page.ScaleOutRefusal refusals = dev.enisim.report.page.ScaleOutRefusal.of(r);
        Cycle cycle = Cycle.of(r, start);
        // legacy ENIs told in a group of their second before their turn (legacyGroup): skipped at their turn
        Set<JournalEntry> toldEarlier = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        // with several accounts, who held a full shared subnet's addresses when a function failed on it
        SubnetHolders holders = r.scenario().multiAccount() && !legacy ? new SubnetHolders(entries) : null;
        Set<String> heldTold = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry e = entries.get(i);
            if (toldEarlier.contains(e)) {
                continue;
            }
            if (cycle != null && e.atMicros() > cycle.atMicros()) {
                cycle.tell(out, explained);
                cycle = null;
            }
            while (nextPreset < presets.size() && presets.get(nextPreset).createdAtMicros() <= e.atMicros()) {
                preset(out, members, why, explained, presets.get(nextPreset++), start);
            }
            String time = clock(e.atMicros(), start);
            if (existing.folded(e)) {
                // an existing function past a handful: its action said in its group's line, once; its state at the
                // start and its ENIs in place in that line too
                existing.tell(e, time, out, why, explained);
                if (e.kind() == JournalEntry.Kind.FUNCTION_STATE) {
                    stateOf.put(e.subject(), e.state());
                } else if (e.kind() == JournalEntry.Kind.ENI_STATE && e.state().equals("Creating")) {
                    live.computeIfAbsent(keyOf(e.detail()), x -> new HashSet<>()).add(e.subject());
                }
                continue;
            }
            switch (e.kind()) {
                case ACTION -> {
                    String created = e.detail().startsWith("CreateFunction ") && !e.detail().contains(" rejected: ")
                            ? e.detail().substring("CreateFunction ".length()) : null;
                    int space = created == null ? -1 : created.indexOf(' ');
                    if (space > 0) {
                        members.put(out.size(), new Member("CreateFunction" + created.substring(space),
                                created.substring(0, space), e.atMicros(), e.atMicros(), 0, false, null));
                    }
                    out.add(time + "  " + e.detail());
                    if (e.detail().startsWith("DeleteRole ") || e.detail().startsWith("Revoke EC2 permissions")) {
                        explain(out, why, explained, "action:role");
                    }
                    if (e.detail().startsWith("DeleteFunction ") && e.detail().contains(" stay")) {
                        explain(out, why, explained, "action:kept");
                    }
                }
                case FUNCTION_STATE -> {
                    stateOf.put(e.subject(), e.state());
                    if (passedThrough(entries, i)) {
                        continue; // an existing Inactive function set up through Active at the same instant
                    }
                    String reason = e.reason() == null ? "" : " (" + e.reason() + ")";
                    if (!e.state().equals("Failed") && !(e.state().equals("Inactive") && !"Idle".equals(e.reason()))) {
                        // a Failed function or a restore that failed (a quota hit, no IP) is told alone
                        members.put(out.size(), new Member("state -> " + e.state() + reason + ": " + e.detail(),
                                e.subject(), e.atMicros(), e.atMicros(), 0, false, null));
                    }
                    out.add(time + "  " + e.subject() + " -> " + e.state() + reason + ": " + e.detail());
                    explain(out, why, explained, e.state() + ":" + e.reason());
                    String held = holders == null || !e.state().equals("Failed")
                            || !"SubnetOutOfIPAddresses".equals(e.reason()) ? null : holders.why(r, i, time);
                    if (held != null && heldTold.add(held.replace(time, ""))) {
                        out.add("          why: " + held); // each its own: who held the subnet then
                    }
                }
                case FUNCTION_UPDATE -> {
                    if (!e.state().equals("Failed")) {
                        members.put(out.size(), new Member("update " + e.state() + (e.reason() == null ? ""
                                : " (" + e.reason() + ")"), e.subject(), e.atMicros(), e.atMicros(), 0, false, null));
                    }
                    out.add(time + "  " + e.subject() + " LastUpdateStatus " + e.state()
                            + (e.reason() == null ? "" : " (" + e.reason() + ")"));
                    explain(out, why, explained, "update:" + e.state());
                    String failed = e.state().equals("Failed")
                            ? dev.enisim.report.page.FailedUpdates.why(r, e.subject(), e.atMicros()) : null;
                    if (failed != null) {
                        out.add("          why: " + failed); // each its own: the subnet differs
                    }
                }
                case ENI_SHARED -> {
                    members.put(out.size(), new Member("shares " + e.state() + " (" + e.detail() + ")", e.subject(),
                            e.atMicros(), e.atMicros(), 0, false, null));
                    out.add(time + "  " + e.subject() + " shares " + e.state() + " (" + e.detail() + ")");
                    explain(out, why, explained, atSetUp(r, e) ? "shared:existing" : "shared");
                }
                case ENI_AWAITED -> {
                    members.put(out.size(), new Member("waits " + e.state() + " (" + e.detail() + ")", e.subject(),
                            e.atMicros(), e.atMicros(), 0, false, null));
                    out.add(time + "  " + awaited(e));
                    explain(out, why, explained, "shared");
                }
                case ENI_STATE -> {
                    int j = i;
                    while (j + 1 < entries.size() && entries.get(j + 1).kind() == JournalEntry.Kind.ENI_STATE
                            && entries.get(j + 1).atMicros() == e.atMicros()
                            && entries.get(j + 1).state().equals(e.state()) && !existing.folded(entries.get(j + 1))) {
                        j++;
                    }
                    List<JournalEntry> group = legacy ? legacyGroup(entries, i, time, start, existing, toldEarlier)
                            : entries.subList(i, j + 1);
                    List<JournalEntry> told = group;
                    if (!legacy && (e.state().equals("Creating") || e.state().equals("InUse"))) {
                        // an existing function's ENIs, ready the instant they are made: told once, "in place"
                        // (beside "creating one takes a median of 75s", "created" then "ready" in the same second
                        // read as a contradiction)
                        told = group.stream().filter(x -> !inPlace.contains(x.subject())).toList();
                        List<JournalEntry> placed = group.stream().filter(x -> inPlace.contains(x.subject())).toList();
                        if (e.state().equals("Creating") && !placed.isEmpty()) {
                            tell(out, time, placed, "in place");
                            explain(out, why, explained, "eni:InPlace");
                        }
                    }
                    if (e.state().equals("Deleting")) {
                        // a deletion refused at its request while invocations still ran on the ENI: said at the
                        // request, not told as "Lambda deletes it ... and only then frees its IP"
                        List<JournalEntry> bound = group.stream().filter(doomed::contains).toList();
                        if (!bound.isEmpty()) {
                            told = group.stream().filter(x -> !doomed.contains(x)).toList();
                            tellDoomed(out, time, bound);
                            explain(out, why, explained, "eni:DeletingDoomed");
                        }
                    }
                    if (e.state().equals("Orphaned")) {
                        // a deletion refused at its request (the role had already lost its EC2 permissions): the
                        // ENI orphaned at once, said as such, not as "orphaned" after a deletion that never ran
                        List<JournalEntry> bound = group.stream().filter(refused::contains).toList();
                        if (!bound.isEmpty()) {
                            told = group.stream().filter(x -> !refused.contains(x)).toList();
                            tellRefused(out, time, bound);
                            explain(out, why, explained, "eni:OrphanedAtRequest");
                        }
                    }
                    if (!told.isEmpty()) {
                        if (legacy) {
                            tellLegacy(out, time, told, eniVerb(e.state()));
                        } else {
                            tell(out, time, told, eniVerb(e.state()));
                        }
                        explain(out, why, explained, "eni:" + e.state());
                    }
                    explain(out, why, explained, "eni:phases"); // once, at the story's first ENI
                    boolean scaleOut = false; // an ENI created for a key that has one in service: a scale-out
                    for (JournalEntry x : group) {
                        Set<String> ids = live.computeIfAbsent(keyOf(x.detail()), k -> new HashSet<>());
                        if (e.state().equals("Creating")) {
                            scaleOut |= !ids.isEmpty();
                            ids.add(x.subject());
                        } else if (!e.state().equals("InUse")) { // going away (Deleting, Deleted, Orphaned)
                            ids.remove(x.subject());
                        }
                    }
                    if (scaleOut && !legacy) {
                        explain(out, why, explained, "eni:ScaleOut");
                    }
                    i = legacy ? i : j;
                }
                case RESTORE_RETRIES -> out.add(time + "  " + retries(e, at -> clock(at, start)));
                case INVOCATIONS -> {
                    Spell spell = spells.get(e);
                    if (spell != null) {
                        members.put(out.size(), new Member("inv succeeded", e.subject(), e.atMicros(),
                                spell.endMicros(), e.count(), false, null));
                        out.add(time + "  " + succeeded(e, spell, r.timeSeries().bucketMicros(), start));
                        continue;
                    }
                    String first = clock(e.atMicros(), start);
                    String last = clock(Headlines.lastOfSpell(r, e), start);
                    boolean about = Headlines.approximate(r, e);
                    // an Active function's ENI error is a scale-out refused, not the failure a Failed one tells
                    boolean scaleOut = e.reason() != null && "Active".equals(stateOf.get(e.subject()))
                            && why.containsKey("scaleOut:" + e.reason());
                    // the subnet (or VPC quota) that refused it, named once per function (the Capacity table named
                    // it, the story did not)
                    String where = scaleOut ? refusals.once(e, stateOf.get(e.subject())) : null;
                    boolean async = e.reason() != null && isAsync(r, e.subject());
                    if (!failedOnce.add(outcome(e)) && where == null && !async) {
                        // a failure told before: its first line stands alone, with its why; later ones may crowd
                        members.put(out.size(), new Member("inv " + outcome(e), e.subject(), e.atMicros(),
                                Headlines.lastOfSpell(r, e), e.count(), about, null));
                    }
                    out.add(time + "  " + String.format(Locale.ROOT, "%,d", e.count()) + " invocation"
                            + (e.count() == 1 ? "" : "s") + " of " + e.subject() + " " + outcome(e) + (e.count() == 1
                            ? " at " + first : !about && first.equals(last) ? " at " + first + ", within one second"
                            : " between " + first + " and " + (about ? "about " : "") + last)
                            + (async ? " (attempts at queued events, a"
                                    + " first attempt or a retry: see below)" : "")
                            + dev.enisim.report.page.ScaleOutRefusal.suffix(where));
                    if (e.reason() != null) {
                        String rule = scaleOut ? "scaleOut:" + e.reason() : "inv:" + e.reason();
                        explain(out, why, explained, rule);
                    } else if (e.state().startsWith("FUNCTION_ERROR")) {
                        explain(out, why, explained, "fn:" + e.detail());
                    }
                }
            }
        }
        while (nextPreset < presets.size()) {
            preset(out, members, why, explained, presets.get(nextPreset++), start);
        }
        if (cycle != null) {
            cycle.tell(out, explained);
        }
        asyncEvents(r, out, start);
        sqsQueues(r, out, start);
        provisioned(r, out, start);
        accounts(r, out, start);
        dualStack(r, out, start);
        long window = Math.max(r.timeSeries().bucketMicros(), CROWD_SPAN_MICROS);
        // each outage's why under its line, as explain told it alone before (Outages.withWhy)
        return labelled(r.scenario(), dev.enisim.report.page.Outages.withWhy(crowds(out, members, window,
                Seconds.toMicros(r.summary().simulatedSeconds()), start, r.timeSeries().bucketMicros()), r));
    }

    /**
     * Lines that say the same thing about more than this many functions within a span ({@link #CROWD_SPAN_MICROS}
     * or the run's time-series bucket, the longer) are one line: more than a terminal's 24 lines of "X's cold starts:
     * init from the measured preset ..." or "X -> Active: all ENIs ready" bury the outage and the ENI lines a reader
     * looks for (a 600-function account's story gave 491 of the one and 880 spells of successes). Fewer keep a line
     * each, as before.
     */
    public static final int CROWD = 24;

    /** The shortest span a crowd is gathered over: a minute (the time-series bucket when it is longer). */
    static final long CROWD_SPAN_MICROS = 60 * Seconds.MICROS;

    /**
     * A line about one function that a crowd may take in ({@link #crowds}).
     *
     * @param kind       what the line says, the function aside: lines of the same kind say the same thing
     * @param function   the function it is about
     * @param atMicros   its instant (a spell's first)
     * @param lastMicros a spell's last instant (its end for successes); {@code atMicros} for the others
     * @param count      a spell's invocations; for a preset, 1 when the function adds its own initExtra
     * @param about      a spell whose last instant is read off its buckets
     * @param preset     a preset line's preset label, else null
     */
    record Member(String kind, String function, long atMicros, long lastMicros, long count, boolean about,
            String preset) {
    }

    /**
     * The story with each crowd said in one line: lines of the same {@link Member#kind} (cold starts from a preset,
     * CreateFunction with the same VpcConfig, the same state change, sharing or awaiting the same ENI, the same
     * LastUpdateStatus, successes, the same failure) whose instants fall within {@code window} of the first one's,
     * more than {@value #CROWD} of them, are one line at the first's place, naming the first
     * {@value dev.enisim.report.chart.ExistingFunctions#HANDFUL} functions (for invocations the ones with the most,
     * with their counts) and how many more, with the explanations their lines gave; the lines between them stay
     * where they were. Lines of a kind too scattered for that, more than {@value #SCATTERED} of them left, are
     * gathered wider ({@link #scattered}): functions created two a minute over hours. Never taken in, so told a line each: ENIs created, ready and deleted, actions other than
     * CreateFunction (an outage, a deletion, the role's permissions), a function going Failed or Inactive for a
     * failed restore (a quota hit, a subnet out of IPs), a failure's first line (the later ones of the same outcome
     * may crowd), a refused scale-out's line naming what was full, and an asynchronous function's failures.
     */
    static List<String> crowds(List<String> out, Map<Integer, Member> members, long window, long spanMicros,
            When start, long bucketMicros) {
        if (members.size() <= CROWD) {
            return out;
        }
        Map<String, List<Integer>> open = new java.util.HashMap<>(); // each kind's latest crowd, by line index
        List<List<Integer>> crowds = new ArrayList<>();
        for (Map.Entry<Integer, Member> e : members.entrySet()) { // in story order
            Member m = e.getValue();
            List<Integer> c = open.get(m.kind());
            if (c == null || m.atMicros() >= members.get(c.get(0)).atMicros() + window) {
                c = new ArrayList<>();
                open.put(m.kind(), c);
                crowds.add(c);
            }
            c.add(e.getKey());
        }
        // more than CROWD within a minute, or more than a handful scattered wider (scattered)
        List<List<Integer>> gathered = new ArrayList<>(crowds.stream().filter(c -> c.size() > CROWD).toList());
        gathered.addAll(scattered(crowds, members, Math.max(SCATTERED_SPANS * window, spanMicros / CROWD)));
        Map<Integer, String> said = new java.util.HashMap<>(); // a crowd's first line -> the crowd's line
        Map<Integer, Integer> into = new java.util.HashMap<>(); // the crowd's other lines -> its first
        for (List<Integer> c : gathered) {
            said.put(c.get(0), crowd(c.stream().map(members::get).toList(), start, bucketMicros));
            c.subList(1, c.size()).forEach(i -> into.put(i, c.get(0)));
        }
        if (said.isEmpty()) {
            return out;
        }
        // an explanation follows the line it was given after: one given after a line taken in follows the crowd's
        Map<Integer, List<String>> whys = new java.util.HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            Integer head = into.get(i);
            for (int k = i + 1; head != null && k < out.size() && out.get(k).startsWith(" "); k++) {
                whys.computeIfAbsent(head, x -> new ArrayList<>()).add(out.get(k));
            }
        }
        List<String> told = new ArrayList<>(out.size() - into.size());
        for (int i = 0; i < out.size(); i++) {
            if (into.containsKey(i)) {
                while (i + 1 < out.size() && out.get(i + 1).startsWith(" ")) {
                    i++;
                }
                continue;
            }
            told.add(said.getOrDefault(i, out.get(i)));
            List<String> taken = whys.get(i);
            if (taken != null) {
                while (i + 1 < out.size() && out.get(i + 1).startsWith(" ")) {
                    told.add(out.get(++i));
                }
                told.addAll(taken);
            }
        }
        return told;
    }

    /** A scattered crowd's span is this many times a crowd's ({@link #scattered}): ten minutes, or ten buckets. */
    static final int SCATTERED_SPANS = 10;

    /**
     * Lines of one kind that no crowd took in are gathered wider ({@link #scattered}) past this many in the story: two
     * terminals' worth. Fewer keep a line each: 24 functions created alike and a 25th two minutes later are 25 lines.
     */
    static final int SCATTERED = 2 * CROWD;

    /**
     * The crowds of lines too scattered for a minute's crowd: a kind's lines that no crowd took in, when there are
     * more than {@value #SCATTERED} of them in the story, gathered over a wider span ({@code wide}: ten minutes, or
     * the run's length over {@value #CROWD} when longer, so that a kind says at most about that many lines), each
     * gathering of more than {@value dev.enisim.report.chart.ExistingFunctions#HANDFUL} one line. 600 functions
     * created 30 s apart over five hours were 600 lines "f-123 -> Active: all ENIs ready", two a minute, never a
     * crowd: now 24 lines of 25 functions.
     */
    private static List<List<Integer>> scattered(List<List<Integer>> crowds, Map<Integer, Member> members,
            long wide) {
        Map<String, List<Integer>> left = new java.util.LinkedHashMap<>(); // per kind, its lines in no crowd
        for (List<Integer> c : crowds) {
            if (c.size() <= CROWD) {
                left.computeIfAbsent(members.get(c.get(0)).kind(), k -> new ArrayList<>()).addAll(c);
            }
        }
        List<List<Integer>> out = new ArrayList<>();
        for (List<Integer> lines : left.values()) {
            if (lines.size() <= SCATTERED) {
                continue;
            }
            java.util.Collections.sort(lines);
            List<Integer> c = null;
            for (int i : lines) {
                if (c == null || members.get(i).atMicros() >= members.get(c.get(0)).atMicros() + wide) {
                    c = new ArrayList<>();
                    out.add(c);
                }
                c.add(i);
            }
        }
        // a gathering of a handful or fewer stays lines, one each
        out.removeIf(c -> c.size() <= dev.enisim.report.chart.ExistingFunctions.HANDFUL);
        return out;
    }

    /** One crowd's line ({@link #crowds}). */
    private static String crowd(List<Member> c, When start, long bucketMicros) {
        Member first = c.get(0);
        long from = first.atMicros();
        long to = first.atMicros();
        long total = 0;
        boolean about = false;
        Map<String, Long> each = new java.util.LinkedHashMap<>(); // the functions in story order, their invocations
        for (Member m : c) {
            from = Math.min(from, m.atMicros());
            to = Math.max(to, m.atMicros());
            total += m.count();
            about |= m.about();
            each.merge(m.function(), m.count(), Long::sum);
        }
        String kind = first.kind();
        boolean invocations = kind.startsWith("inv ");
        List<String> names = new ArrayList<>(each.keySet());
        if (invocations) {
            names.sort(Comparator.comparingLong((String f) -> -each.get(f))); // stable: ties in story order
        }
        int shown = Math.min(names.size(), dev.enisim.report.chart.ExistingFunctions.HANDFUL);
        StringBuilder named = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            named.append(i == 0 ? "" : ", ").append(names.get(i)).append(invocations ? " (" + n(each.get(
                    names.get(i))) + ")" : "");
        }
        named.append(names.size() > shown ? " and " + n(names.size() - shown) + " more" : "");
        String fns = n(each.size()) + " function" + (each.size() == 1 ? "" : "s");
        String span = clock(from, start).equals(clock(to, start)) ? "" : ", between " + clock(from, start)
                + " and " + clock(to, start);
        String time = clock(first.atMicros(), start) + "  ";
        if (kind.equals("preset")) {
            Map<String, Integer> runtimes = new java.util.TreeMap<>();
            long low = Long.MAX_VALUE;
            long high = Long.MIN_VALUE;
            java.util.regex.Pattern p50 = java.util.regex.Pattern.compile("measured p50 ([0-9,]+) ms");
            for (Member m : c) {
                int space = m.preset().indexOf(' ');
                runtimes.merge(space < 0 ? m.preset() : m.preset().substring(0, space), 1, Integer::sum);
                java.util.regex.Matcher x = p50.matcher(m.preset());
                if (x.find()) {
                    long v = Long.parseLong(x.group(1).replace(",", ""));
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
            StringBuilder by = new StringBuilder();
            runtimes.forEach((k, v) -> by.append(by.length() == 0 ? "" : ", ").append(k).append(' ').append(n(v)));
            return time + fns + "' cold starts: init from the measured presets of their runtime, memory, architecture"
                    + " and package (" + by + (low > high ? "" : low == high ? "; measured p50 " + low + " ms"
                    : "; measured p50 " + low + " to " + high + " ms") + ")" + (total == 0 ? "" : ", " + n(total)
                    + " of them + their own initExtra") + span + ": " + named + " (each one's runtime, memory,"
                    + " architecture and package in the scenario)";
        }
        if (kind.startsWith("CreateFunction ")) {
            return time + "CreateFunction for " + fns + kind.substring("CreateFunction".length()) + span + ": "
                    + named;
        }
        if (kind.startsWith("state ")) {
            return time + fns + " " + kind.substring("state ".length()) + span + ": " + named;
        }
        if (kind.startsWith("update ")) {
            return time + fns + " LastUpdateStatus " + kind.substring("update ".length()) + span + ": " + named;
        }
        if (kind.startsWith("shares ")) {
            return time + fns + " share " + kind.substring("shares ".length()) + span + ": " + named;
        }
        if (kind.startsWith("waits ")) {
            return time + fns + " wait for " + kind.substring("waits ".length()) + ", which Lambda is already"
                    + " creating for the same subnet and security groups, to share it" + span + ": " + named;
        }
        long last = 0;
        for (Member m : c) {
            last = Math.max(last, m.lastMicros());
        }
        String invs = n(total) + " invocation" + (total == 1 ? "" : "s") + " of " + fns + " ";
        if (kind.equals("inv succeeded")) {
            return time + invs + "succeeded" + (span.isEmpty() ? " from " + clock(from, start) : ", starting"
                    + span.substring(1)) + ", the last by " + clock(last, start) + " (counted per "
                    + Assumptions.duration(bucketMicros) + " time-series bucket): the most " + named;
        }
        String end = clock(last, start);
        return time + invs + kind.substring("inv ".length()) + (!about && end.equals(clock(from, start))
                ? " at " + end + ", within one second" : " between " + clock(from, start) + " and "
                + (about ? "about " : "") + end) + ": the most " + named;
    }

    /**
     * The story with the subnets, security groups and VPCs the scenario names labelled as the terminal and the page
     * label them ({@link Labels#of}: {@code private-a (subnet-0a1b2c3d4e5f60789)}); the explanations and a scenario
     * that names none unchanged.
     */
    static List<String> labelled(Scenario s, List<String> lines) {
        java.util.function.UnaryOperator<String> label = Labels.inText(s);
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            out.add(line.startsWith(" ") ? line : label.apply(line));
        }
        return out;
    }

    /**
     * The line that tells a load that rose and fell again and again ({@link Headlines#loadCycles}) what the Hyperplane
     * ENIs did meanwhile, at the bucket where the load first came back up after its first fall: its first peak, its
     * trough and its rise again, the execution environments at each, and the ENIs that stayed at their number through
     * them (none created, none deleted between the peak and the rise; "nor to the end" when none was after either).
     * Told only when they stayed: an ENI that came or went is told by its own line. diurnal-week's story ("a week of
     * daily peaks and troughs; ENIs stay put, environments follow the traffic") never said the ENIs stayed put.
     */
    record Cycle(long atMicros, String line, String why) {

        static Cycle of(RunResult r, When start) {
            Headlines.Cycles c = Headlines.loadCycles(r);
            if (c == null || c.rise() < 0 || c.trough() < 0 || c.firstPeak() < 0) {
                return null;
            }
            dev.enisim.metrics.TimeSeries ts = r.timeSeries();
            long b = ts.bucketMicros();
            long[] inv = ts.account(dev.enisim.metrics.Metric.INVOCATIONS).values();
            dev.enisim.metrics.Series enis = ts.account(dev.enisim.metrics.Metric.HYPERPLANE_ENI_COUNT);
            if (enis == null || enis.values().length <= c.rise()) {
                return null;
            }
            long n = enis.values()[c.firstPeak()];
            if (n <= 0 || enis.values()[c.rise()] != n) {
                return null;
            }
            long from = c.firstPeak() * b;
            long to = (c.rise() + 1) * b;
            boolean later = false; // an ENI created or going away after the rise
            for (JournalEntry e : r.journal()) {
                if (e.kind() == JournalEntry.Kind.ENI_STATE && e.atMicros() >= from) {
                    if (e.atMicros() < to) {
                        return null; // not put: its own lines tell it
                    }
                    later = true;
                }
            }
            String bucket = Assumptions.duration(b);
            StringBuilder line = new StringBuilder(clock(c.rise() * b, start)).append("  The load rose again: ")
                    .append(n(inv[c.rise()])).append(" invocations in this ").append(bucket).append(", after ")
                    .append(n(inv[c.firstPeak()])).append(" at its first peak (the ").append(bucket).append(" from ")
                    .append(clock(from, start)).append(") and ").append(n(inv[c.trough()])).append(" at the trough"
                            + " (the ").append(bucket).append(" from ").append(clock(c.trough() * b, start)).append(')');
            dev.enisim.metrics.Series env = ts.account(dev.enisim.metrics.Metric.ENVIRONMENTS_AVERAGE);
            if (env != null && env.values().length > c.rise()) {
                long[] v = env.values();
                line.append(String.format(Locale.ROOT, "; execution environments followed it (%,.1f on average at the"
                        + " peak, %,.1f at the trough, %,.1f now)", v[c.firstPeak()] / 1000.0, v[c.trough()] / 1000.0,
                        v[c.rise()] / 1000.0));
            }
            // one ENI: "the Hyperplane ENI stayed", not "the Hyperplane ENIs stayed at 1 ... the same 1"
            line.append(n == 1 ? ", but the one Hyperplane ENI stayed" : ", but the Hyperplane ENIs stayed at " + n(n))
                    .append(" through the fall and the rise: none created, none deleted").append(later ? ""
                            : " (nor later: the same " + (n == 1 ? "one" : n(n)) + " through all " + c.rises()
                            + " rises and falls of the run)").append('.');
            String why = String.format(Locale.ROOT, "Hyperplane ENIs belong to subnet + security-group keys, not to"
                    + " execution environments: Lambda makes one when a function brings a new key (another only when"
                    + " a key's ENIs carry %,d connections each, hyperplane.connectionsPerEni), so a busy hour costs no"
                    + " ENI and no IP, and a quiet one frees none; execution environments, cold starts and connections"
                    + " follow the traffic.", r.scenario().hyperplane().connectionsPerEni());
            return new Cycle(c.rise() * b, line.toString(), why);
        }

        void tell(List<String> out, Set<String> explained) {
            out.add(line);
            if (explained.add("cycle")) {
                out.add("          why: " + why);
            }
        }
    }

    /**
     * Part of a spell of successes as told: its first instant (exact when it is the spell's first success, else the
     * start of its first time-series bucket) and the end of the last bucket that counted one (capped by the spell's
     * end). Successes are not timed one by one; the function's time series say in which buckets they were.
     */
    record Spell(boolean startExact, long endMicros) {
    }

    /** A spell's part cut at a quiet gap of at least 1 / this of its span (ledger-ping's pings 10 days apart in 40 days, a nightly job's nights). */
    private static final int QUIET_SHARE = 10;
    /** A quiet gap is one the function's mean per active bucket leaves empty with a chance under 1%: -ln(0.01). */
    private static final double UNLIKELY_GAP = -Math.log(0.01);
    /** At most this many parts per spell. */
    private static final int MAX_PARTS = 8;

    /**
     * The journal with each spell of successes cut where something of interest happens between its invocations: a
     * quiet gap (buckets without one) during which another event happened (a failure of the function, a state change,
     * an action...), or one long against the spell (a tenth of it or more: keep-warm pings 10 days apart were one
     * line "5 invocations between 00:00:00 and about 40d 01:00:00"). Each part is an entry of its own at its start, after
     * the entries of that instant; a spell whose buckets do not add up to its count (another spell's successes in a
     * shared bucket) stays whole.
     */
    /**
     * The journal with each spell of successes cut where the narrative cuts it (in time order, a part after the
     * entries of its instant): the page's player tells the same spells as the story.
     */
    public static List<JournalEntry> successSpells(RunResult r) {
        return splitSuccesses(r, new java.util.IdentityHashMap<>());
    }

    private static List<JournalEntry> splitSuccesses(RunResult r, Map<JournalEntry, Spell> spells) {
        List<JournalEntry> journal = r.journal();
        List<JournalEntry> out = new ArrayList<>(journal.size());
        List<JournalEntry> later = new ArrayList<>();
        // the other events, by start (the journal is in time order), with the latest end among those so far: whether
        // one touches [from, to) is one binary search (a failure spell lasts from its first to its last instant)
        List<JournalEntry> events = journal.stream().filter(x -> x.kind() != JournalEntry.Kind.INVOCATIONS
                || !x.state().equals("SUCCESS")).toList();
        long[] starts = new long[events.size()];
        long[] maxEnd = new long[events.size()];
        for (int i = 0; i < starts.length; i++) {
            JournalEntry x = events.get(i);
            starts[i] = x.atMicros();
            // another function's failures are an event where their line is told (a throttle spell of days would
            // make every gap of every function eventful); the function's own, over their whole spell (below)
            maxEnd[i] = Math.max(x.atMicros(), i == 0 ? Long.MIN_VALUE : maxEnd[i - 1]);
        }
        Map<String, List<JournalEntry>> failures = new java.util.HashMap<>();
        for (JournalEntry x : events) {
            if (x.kind() == JournalEntry.Kind.INVOCATIONS) {
                failures.computeIfAbsent(x.subject(), k -> new ArrayList<>()).add(x);
            }
        }
        for (JournalEntry e : journal) {
            if (e.kind() != JournalEntry.Kind.INVOCATIONS || !e.state().equals("SUCCESS")) {
                out.add(e);
                continue;
            }
            List<JournalEntry> parts = parts(r, e, starts, maxEnd, failures.getOrDefault(e.subject(), List.of()),
                    spells);
            out.add(parts.get(0));
            later.addAll(parts.subList(1, parts.size()));
        }
        if (later.isEmpty()) {
            return out;
        }
        java.util.IdentityHashMap<JournalEntry, Boolean> cut = new java.util.IdentityHashMap<>();
        later.forEach(x -> cut.put(x, true));
        out.addAll(later);
        out.sort(Comparator.comparingLong(JournalEntry::atMicros).thenComparingInt(x -> cut.containsKey(x) ? 1 : 0));
        return out;
    }

    private static List<JournalEntry> parts(RunResult r, JournalEntry e, long[] starts, long[] maxEnd,
            List<JournalEntry> ownFailures, Map<JournalEntry, Spell> spells) {
        dev.enisim.metrics.TimeSeries ts = r.timeSeries();
        long b = ts.bucketMicros();
        dev.enisim.metrics.Series inv = ts.get(dev.enisim.metrics.Metric.INVOCATIONS,
                dev.enisim.metrics.Metric.Scope.FUNCTION, e.subject());
        dev.enisim.metrics.Series err = ts.get(dev.enisim.metrics.Metric.ERRORS,
                dev.enisim.metrics.Metric.Scope.FUNCTION, e.subject());
        List<JournalEntry> whole = List.of(e);
        if (inv == null || e.untilMicros() <= e.atMicros() || e.atMicros() / b >= inv.values().length) {
            spells.put(e, new Spell(true, e.untilMicros()));
            return whole;
        }
        int first = (int) (e.atMicros() / b);
        int last = (int) Math.min(inv.values().length - 1, (e.untilMicros() - 1) / b);
        List<Integer> active = new ArrayList<>();
        long sum = 0;
        long[] ok = new long[last - first + 1];
        for (int i = first; i <= last; i++) {
            ok[i - first] = Math.round(inv.values()[i] - (err == null ? 0 : err.values()[i]));
            if (ok[i - first] > 0) {
                active.add(i);
                sum += ok[i - first];
            }
        }
        if (active.isEmpty()) {
            spells.put(e, new Spell(true, e.untilMicros()));
            return whole;
        }
        if (sum != e.count() && sharedLastBucketIsOthers(ok, e.count())) {
            // the spell's last bucket holds only later successes (idle14: the two after the restore, 28d 00:00:40 on,
            // shared the hour in which the spell ended; "the last by 28d 00:00:09" for a last success at 14d): its
            // first bucket holds its first success alone
            sum = e.count();
            ok[0] = 1;
            ok[ok.length - 1] = 0;
            active.remove(Integer.valueOf(last));
        }
        if (sum != e.count()) {
            spells.put(e, new Spell(true, Headlines.lastOfSpell(r, e)));
            return whole;
        }
        long span = active.get(active.size() - 1) + 1 - active.get(0);
        double perBucket = sum / (double) active.size();
        // the gaps to cut at: [index in active of the bucket after the gap, forced (an event in it), length]
        List<long[]> cuts = new ArrayList<>();
        for (int k = 1; k < active.size(); k++) {
            int gap = active.get(k) - active.get(k - 1) - 1;
            if (gap <= 0) {
                continue;
            }
            long from = (active.get(k - 1) + 1) * b;
            long to = active.get(k) * b;
            int before = java.util.Arrays.binarySearch(starts, to - 1); // the last event starting before `to`
            if (before < 0) {
                before = -before - 2;
            } else {
                while (before + 1 < starts.length && starts[before + 1] == to - 1) {
                    before++;
                }
            }
            boolean event = before >= 0 && maxEnd[before] >= from;
            boolean own = false;
            for (JournalEntry x : ownFailures) {
                own |= x.atMicros() < to && Math.max(x.atMicros(), x.lastMicros()) >= from;
            }
            // a gap the function's own traffic makes by chance (Poisson: one of `gap` empty buckets in a row at its
            // mean per active bucket, under 1%) is no quiet spell: with 1,000 functions at 2 a minute, each one's
            // empty minutes cut its line in parts, other functions' events in them too
            boolean unlikely = gap * perBucket >= UNLIKELY_GAP;
            if (own || unlikely && (event || gap * (long) QUIET_SHARE >= span)) {
                cuts.add(new long[] {k, own || event ? 1 : 0, gap});
            }
        }
        cuts.sort(Comparator.comparingLong((long[] c) -> -c[1]).thenComparingLong(c -> -c[2])
                .thenComparingLong(c -> c[0]));
        List<Integer> at = new ArrayList<>();
        for (long[] c : cuts.subList(0, Math.min(MAX_PARTS - 1, cuts.size()))) {
            at.add((int) c[0]);
        }
        at.sort(null);
        at.add(active.size());
        List<JournalEntry> parts = new ArrayList<>();
        int from = 0;
        for (int to : at) {
            long n = 0;
            for (int k = from; k < to; k++) {
                n += ok[active.get(k) - first];
            }
            long startAt = from == 0 ? e.atMicros() : active.get(from) * b;
            long endAt = Math.max(startAt, Math.min(e.untilMicros(), (active.get(to - 1) + 1) * b));
            JournalEntry part = from == 0 && to == active.size() ? e : new JournalEntry(startAt, e.kind(),
                    e.subject(), e.state(), e.reason(), e.detail(), n, endAt, endAt);
            spells.put(part, new Spell(from == 0, endAt));
            parts.add(part);
            from = to;
        }
        return parts;
    }

    /**
     * Whether the successes a spell's buckets count ({@code ok}, from its first bucket to its last) can only add up to
     * its {@code count} with none of them in its last bucket: the buckets between the two edges are the spell's alone,
     * its first holds at least its first success, and when what the edges must hold together is that one, the last
     * bucket's successes (it goes on after the spell ended) are all later spells'. A spell of one bucket is not.
     */
    static boolean sharedLastBucketIsOthers(long[] ok, long count) {
        int n = ok.length;
        if (n < 2 || ok[n - 1] == 0 || ok[0] == 0) {
            return false;
        }
        long inner = 0;
        for (int i = 1; i < n - 1; i++) {
            inner += ok[i];
        }
        // the first bucket holds 1 to ok[0] of the spell's, so the last one's share is 0 to edges - 1: none only when
        // the edges hold the first success alone
        return count - inner == 1;
    }

    /** A part of a spell of successes in words, saying which of its times are exact and which its buckets'. */
    private static String succeeded(JournalEntry e, Spell s, long bucketMicros, When start) {
        String fn = " of " + e.subject() + " succeeded";
        String bucket = Assumptions.duration(bucketMicros);
        String from = clock(e.atMicros(), start);
        String end = clock(s.endMicros(), start);
        if (e.count() == 1) {
            return s.startExact() ? "1 invocation" + fn + " at " + from : "1 invocation" + fn + " between " + from
                    + " and " + end + " (in that " + bucket + " time-series bucket)";
        }
        String n = String.format(Locale.ROOT, "%,d invocations", e.count());
        return s.startExact() ? n + fn + " from " + from + ", the last by " + end + " (counted per " + bucket
                + " time-series bucket)" : n + fn + " between " + from + " and " + end + " (counted per " + bucket
                + " time-series bucket)";
    }

    /** A {@link JournalEntry.Kind#ENI_AWAITED} entry in words. */
    public static String awaited(JournalEntry e) {
        return e.subject() + " waits for " + e.state() + " (" + e.detail() + "), which Lambda is already creating for"
                + " the same subnet and security groups: it will share it";
    }

    /** A {@link JournalEntry.Kind#RESTORE_RETRIES} entry in words, its instants given by {@code clock}. */
    public static String retries(JournalEntry e, java.util.function.LongFunction<String> clock) {
        return e.subject() + " was invoked again while Inactive: its restore was tried again "
                + (e.count() == 1 ? "once, at " + clock.apply(e.atMicros()) : String.format(Locale.ROOT, "%,d times",
                e.count()) + " between " + clock.apply(e.atMicros()) + " and " + clock.apply(e.untilMicros()))
                + ", failing at once each time as before (" + e.reason() + "): it stays Inactive";
    }

    private static boolean isAsync(RunResult r, String function) {
        return r.summary().async() != null && r.summary().async().containsKey(function);
    }

    /** What became of each asynchronous function's events, with the queue's rule told once. */
    private static void asyncEvents(RunResult r, List<String> out, When start) {
        if (r.summary().async() == null) {
            return;
        }
        String end = clock(Seconds.toMicros(r.summary().simulatedSeconds()), start);
        for (Map.Entry<String, dev.enisim.metrics.RunSummary.AsyncSummary> e : r.summary().async().entrySet()) {
            dev.enisim.metrics.RunSummary.AsyncSummary a = e.getValue();
            out.add(end + "  " + e.getKey() + " (invocationType Event): " + count(a.received(), "event", "events") + " queued, "
                    + n(a.succeeded()) + " succeeded (" + n(a.succeededAfterRetries()) + " after retries), "
                    + n(a.dropped()) + " dropped" + (a.dropped() == 0 ? "" : " (" + n(a.sentToDeadLetterQueue())
                    + " to the dead-letter queue, " + n(a.sentToDestination()) + " to the on-failure destination)")
                    + ", " + n(a.queuedAtEnd()) + " still queued; " + n(a.systemRetries())
                    + " retries after throttles or system errors, " + n(a.functionErrorRetries())
                    + " after function errors; " + (a.latencyMillis().count() == 0 ? "none completed"
                    : "queueing to completion p50 " + seconds(a.latencyMillis().p50()) + ", p99 "
                    + seconds(a.latencyMillis().p99())));
        }
        out.add("          why: An asynchronous event that meets a throttle or a system error (a 5xx, such as"
                + " ResourceNotReadyException while an Inactive function is restored) goes back to Lambda's event queue"
                + " and is retried after 1 s, 2 s, 4 s ... up to 5 minutes, for up to maximumEventAge (6 h by"
                + " default); a function error is retried 1 then 2 minutes later (maximumRetryAttempts). An event out"
                + " of retries or too old goes to the on-failure destination or dead-letter queue and is dropped. The"
                + " caller got 202 Accepted when the event was queued: the failed attempts above (an event's first"
                + " attempt and its retries, so more attempts than events) are not errors it saw.");
    }

    /** Dual-stack subnets: the IPv6 addresses their ENIs took beside the IPv4 ones, with the rule told once. */
    private static void dualStack(RunResult r, List<String> out, When start) {
        if (r.summary().dualStack() == null) {
            return;
        }
        String end = clock(Math.round(r.summary().simulatedSeconds() * 1e6), start);
        for (Map.Entry<String, dev.enisim.metrics.RunSummary.DualStackSubnet> e : r.summary().dualStack().entrySet()) {
            dev.enisim.metrics.RunSummary.DualStackSubnet d = e.getValue();
            out.add(end + "  " + e.getKey() + " (dual-stack, " + d.ipv6Cidr() + "): up to " + n(d.peakIpv6Addresses())
                    + " IPv6 and " + n(d.peakIpv4Addresses()) + " IPv4 addresses held by Lambda's ENIs at once"
                    + (d.functionsAllowingIpv6().isEmpty() ? "" : "; outbound IPv6 allowed for "
                            + String.join(", ", d.functionsAllowingIpv6())));
        }
        out.add("          why: In a dual-stack subnet each Hyperplane ENI takes an IPv6 address from the /64 and still"
                + " its IPv4 address, so the subnet's IPv4 addresses run out as they would without IPv6."
                + " Ipv6AllowedForDualStack only lets the functions send IPv6 traffic; IPv6-only subnets are refused.");
    }

    /** Several accounts on shared VPCs: what each account used, with the per-account key rule told once. */
    private static void accounts(RunResult r, List<String> out, When start) {
        if (r.summary().accounts() == null) {
            return;
        }
        String end = clock(Math.round(r.summary().simulatedSeconds() * 1e6), start);
        for (Map.Entry<String, dev.enisim.metrics.RunSummary.AccountSummary> e : r.summary().accounts().entrySet()) {
            dev.enisim.metrics.RunSummary.AccountSummary a = e.getValue();
            out.add(end + "  account " + e.getKey() + " (" + (a.functions().isEmpty() ? "no functions"
                    : String.join(", ", a.functions())) + "): " + count(a.invocations(), "invocation", "invocations") + ", "
                    + n(a.succeeded()) + " succeeded, " + n(a.throttled()) + " throttled, " + n(a.invokeErrors())
                    + " invoke errors; up to " + n(a.peakConcurrentExecutions()) + " concurrent, "
                    + count(a.peakEnis(), "ENI", "ENIs") + " at once on " + count(a.eniKeys().size(), "key", "keys"));
        }
        out.add("          why: Hyperplane ENIs are keyed by subnet and security-group set within an account (\"each"
                + " unique security group and subnet combination in your account requires a different network"
                + " interface\"): accounts sharing a VPC through AWS RAM never share an ENI, so each takes its own"
                + " addresses from a shared subnet. Each account has its own concurrency limit.");
    }

    /** What each function's provisioned concurrency served, with its allocation rule told once. */
    private static void provisioned(RunResult r, List<String> out, When start) {
        if (r.summary().provisionedConcurrency() == null) {
            return;
        }
        String end = clock(Math.round(r.summary().simulatedSeconds() * 1e6), start);
        for (Map.Entry<String, dev.enisim.metrics.RunSummary.ProvisionedSummary> e
                : r.summary().provisionedConcurrency().entrySet()) {
            dev.enisim.metrics.RunSummary.ProvisionedSummary p = e.getValue();
            dev.enisim.metrics.RunSummary.FunctionSummary fs = r.summary().functions().get(e.getKey());
            String state = fs == null ? "Active" : fs.finalState(); // an Inactive function cannot use it
            out.add(end + "  " + e.getKey() + "'s provisioned concurrency: " + n(p.allocatedAtEnd()) + " allocated ("
                    + n(p.requested()) + " requested, at most " + n(p.peakAllocated()) + " at once"
                    + (state.equals("Active") || p.allocatedAtEnd() == 0 ? "" : "; unusable: the function is " + state
                    + " at the end") + "); "
                    + n(p.invocations()) + " invocations ran on it, " + n(p.spilloverInvocations())
                    + " spilled over to on-demand environments");
        }
        out.add("          why: Lambda starts allocating requested provisioned concurrency after a minute or two of"
                + " preparation, then up to 6,000 environments a minute per function, and none of a request's"
                + " environments serves until all are allocated; a lowering or a deletion takes effect at once."
                + " Invocations beyond the allocated environments run on on-demand ones (cold when none is idle):"
                + " ProvisionedConcurrencySpilloverInvocations.");
    }

    /** What each SQS-fed function's queue went through, with the poller's rule told once. */
    private static void sqsQueues(RunResult r, List<String> out, When start) {
        if (r.summary().sqs() == null) {
            return;
        }
        String end = clock(Seconds.toMicros(r.summary().simulatedSeconds()), start);
        for (Map.Entry<String, dev.enisim.metrics.RunSummary.SqsSummary> e : r.summary().sqs().entrySet()) {
            dev.enisim.metrics.RunSummary.SqsSummary q = e.getValue();
            out.add(end + "  " + e.getKey() + "'s SQS queue: " + n(q.sent()) + " messages sent, " + n(q.deleted())
                    + " deleted, " + n(q.movedToDeadLetterQueue()) + " redriven to its DLQ, "
                    + (q.expired() == 0 ? "" : n(q.expired()) + " expired (older than the queue's retention period), ")
                    + n(q.returnedToQueue())
                    + " back on the queue after a failed batch, " + n(q.visibleAtEnd() + q.inFlightAtEnd())
                    + " left; up to " + n(q.peakConcurrentBatches()) + " batches at once, " + n(q.peakVisible())
                    + " messages waiting, the oldest " + Math.round(q.maxAgeOfOldestMessageSeconds()) + " s");
        }
        out.add("          why: Lambda's poller starts with 5 concurrent batches and adds up to 300 a minute while"
                + " messages remain (at most 1,000, or MaximumConcurrency); it does not count reserved concurrency, so"
                + " batches beyond it are throttled and retried until the visibility timeout, then reappear on the"
                + " queue, as do the messages of a batch that failed; after maxReceiveCount receipts a message goes"
                + " to the queue's dead-letter queue.");
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** A count and its noun, singular for 1: "1 ENI at once on 1 key" (it read "1 ENIs at once on 1 keys"). */
    static String count(long v, String one, String many) {
        return n(v) + " " + (v == 1 ? one : many);
    }

    private static String seconds(double millis) {
        return millis < 1000 ? Math.round(millis) + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }

    /** "f's cold starts: init from the measured preset ...", told when the function appears. */
    private static void preset(List<String> out, Map<Integer, Member> members, Map<String, String> whys,
            Set<String> explained, Scenario.Function f, When start) {
        DistributionSpec d = f.initDuration();
        members.put(out.size(), new Member("preset", f.name(), f.createdAtMicros(), f.createdAtMicros(),
                d instanceof DistributionSpec.Sum ? 1 : 0, false, presetLabel(d)));
        out.add(clock(f.createdAtMicros(), start) + "  " + f.name() + "'s cold starts: init from the measured preset "
                + presetLabel(d) + (d instanceof DistributionSpec.Sum ? " + its own initExtra" : ""));
        explain(out, whys, explained, "preset");
    }

    /** The preset a function's init distribution comes from, or null when it names none. */
    private static String presetLabel(DistributionSpec d) {
        if (d instanceof DistributionSpec.Sum s) {
            return presetLabel(s.base());
        }
        return d instanceof DistributionSpec.ShiftedLogNormal l ? l.label() : null;
    }

    /**
     * The story for a terminal of {@code width} columns: a longer line is broken between words (never inside
     * one), its continuation indented under its text (after the time, or after "why:").
     */
    public static List<String> wrap(List<String> lines, int width) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.length() <= width) {
                out.add(line);
                continue;
            }
            int why = line.indexOf("why: ");
            int two = line.indexOf("  ");
            int indent = line.startsWith(" ") && why >= 0 ? why + 5 : two >= 0 ? two + 2 : 0;
            indent = indent >= width / 2 ? 4 : indent;
            String pad = " ".repeat(indent);
            String rest = line;
            boolean first = true;
            while (rest.length() > width) {
                int cut = rest.lastIndexOf(' ', width);
                if (cut <= indent) {
                    cut = rest.indexOf(' ', width);  // a word longer than the line: keep it whole
                    if (cut < 0) {
                        break;
                    }
                }
                out.add(rest.substring(0, cut));
                rest = pad + rest.substring(cut + 1).stripLeading();
                first = false;
            }
            out.add(first ? line : rest);
        }
        return out;
    }

    /** Lines that tell a failure: never left out of an abridged story. */
    public static boolean failure(String line) {
        return line.contains(" failed with ") || line.contains(" ran but failed") || line.contains("-> Failed")
                || line.contains(" orphaned") || line.contains("LastUpdateStatus Failed");
    }

    /**
     * The story for a page: whole when it has at most {@code keep} lines; otherwise the first {@code keep / 2}
     * lines, then every failure line (with its "why"), up to {@code maxFailures} of them, and a line in place of
     * each run of other lines saying how many were left out and when they were.
     */
    public static List<String> abridged(List<String> lines, int keep, int maxFailures) {
        if (lines.size() <= keep) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.subList(0, keep / 2));
        int skipped = 0;
        String from = null;
        String to = null;
        int failures = 0;
        int failuresLeft = 0;
        for (int i = keep / 2; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean why = line.startsWith(" ") && i > 0 && failure(lines.get(i - 1));
            if ((failure(line) || why) && failures < maxFailures) {
                if (skipped > 0) {
                    out.add(leftOut(skipped, from, to));
                    skipped = 0;
                }
                out.add(line);
                failures += why ? 0 : 1;
            } else {
                if (failure(line)) {
                    failuresLeft++;
                }
                if (!line.startsWith(" ")) {
                    to = line.substring(0, line.indexOf("  ") < 0 ? line.length() : line.indexOf("  "));
                    from = skipped == 0 ? to : from;
                }
                skipped++;
            }
        }
        if (skipped > 0) {
            out.add(leftOut(skipped, from, to));
        }
        if (failuresLeft > 0) {
            out.add("... and " + String.format(Locale.ROOT, "%,d", failuresLeft) + " more failure lines: all in"
                    + " narrative.txt (enisim explain)");
        }
        return out;
    }

    private static String leftOut(int n, String from, String to) {
        return "          ... " + String.format(Locale.ROOT, "%,d", n) + " other line" + (n == 1 ? "" : "s")
                + (from == null ? "" : from.equals(to) ? " at " + from : " from " + from + " to " + to)
                + " (no failure among them): in narrative.txt";
    }

    /**
     * The explanations for this scenario: the figures they quote are its own (a deletion delay capped at 20
     * minutes under {@code assumptions: documented} is not "up to 45"; an idle rule set to 3 days is not "weeks").
     */
    static Map<String, String> why(Scenario sc, boolean legacy) {
        Map<String, String> m = new java.util.HashMap<>(WHY);
        Scenario.Hyperplane h = sc.hyperplane();
        m.put("eni:Creating", "A Hyperplane ENI takes one IP of its subnet and one slot of the VPC's ENI quota as soon"
                + " as Lambda starts creating it; creating one takes " + typical(h.eniCreateTime())
                + " (hyperplane.eniCreateTime).");
        m.put("eni:InPlace", "The function existed before the run (existing): its ENIs are in place from the start,"
                + " each holding one IP of its subnet and one slot of the VPC's ENI quota.");
        m.put("eni:Deleting", "No function or version uses this ENI's key any more: Lambda deletes it after a delay ("
                + typical(h.eniDeleteTime()) + ": hyperplane.eniDeleteTime), and only then frees its IP and quota"
                + " slot.");
        m.put("eni:DeletingDoomed", "Lambda deletes an ENI nobody uses any more with the execution role's EC2"
                + " permissions; without them the deletion fails: Lambda only waits for the invocations still running"
                + " on the ENI (none of the usual delay, " + typical(h.eniDeleteTime()) + ": hyperplane.eniDeleteTime),"
                + " then it is orphaned: it keeps its IP and quota slot until someone deletes it by hand.");
        m.put("eni:OrphanedAtRequest", "Lambda deletes an ENI nobody uses any more with the execution role's EC2"
                + " permissions; without them the deletion fails as soon as it is asked for: no deletion runs (no"
                + " Deleting phase, none of the usual delay, " + typical(h.eniDeleteTime())
                + ": hyperplane.eniDeleteTime) and the ENI is orphaned at once: it keeps its IP and quota slot until"
                + " someone deletes it by hand.");
        // the function goes Inactive on its own quiet period even when another function keeps its ENIs: enisim's
        // assumption, which the sentence said as AWS's rule ("unless another function still uses them") while the
        // kept-warm function's neighbour went Inactive anyway (a teacher's review, idle-reclaim)
        // the quiet period in parts when it is not one unit: 19d 23h 45m read "28785m" (a teacher's review); where
        // the clock starts is said, as the function's line says it (activation counts as a use: README's assumptions)
        m.put("Inactive:Idle", "Lambda makes a VPC function that has not been invoked for "
                + inParts(h.idleReclaimAfterMicros()) + " (hyperplane.idleReclaimAfter) Inactive and"
                + " reclaims its ENIs. ENIs that another function or version still uses stay for it; the idle function"
                + " goes Inactive all the same, and its next invocation fails while it is restored, a quick attach to"
                + " those ENIs (an assumption: AWS does not document what a shared key does to an idle function; README,"
                + " Modelling assumptions). enisim counts that quiet period from the function's last invocation, or"
                + " from when it last became Active if that came later (the end of its restore or creation: an"
                + " assumption, as AWS does not say).");
        m.put("Failed:EniLimitExceeded", sc.multiAccount() && !legacy ? String.format(Locale.ROOT, "EC2 refused the"
                + " function's ENI: its VPC's ENI quota (vpcs[*].eniQuota, 500 by default, other services' ENIs"
                + " included) or its own account's network interfaces per Region (accounts[*].networkInterfacesPerRegion,"
                + " each account's quota; an account's functions' ENIs, also in a VPC shared with it, the"
                + " otherUsedEnis of the VPCs it owns and its otherNetworkInterfaces) had no room; invocations fail"
                + " with ENILimitReachedException.")
                : String.format(Locale.ROOT, "EC2 refused the function's ENI: its VPC's ENI"
                + " quota (vpcs[*].eniQuota, 500 by default, other services' ENIs included) or the Region's network"
                + " interfaces (account.networkInterfacesPerRegion, %,d here, every VPC's and service's ENIs) had no"
                + " room; invocations fail with ENILimitReachedException.", sc.networkInterfacesPerRegion()));
        restoreFailures(m, sc, h.eniRetryBackoffMicros());
        m.put("eni:ScaleOut", String.format(java.util.Locale.ROOT, "One Hyperplane ENI carries at most %,d"
                + " connections (hyperplane.connectionsPerEni): beyond that Lambda creates another ENI for the same"
                + " subnet + security-group key, with an IP and a quota slot of its own.", h.connectionsPerEni()));
        scaleOutFailures(m, h);
        if (legacy) {
            m.keySet().removeIf(k -> k.startsWith("scaleOut:")); // a legacy cold start's ENI is no scale-out
            m.putAll(WHY_LEGACY);
            m.put("eni:Creating", "Under the legacy VPC model a cold start creates or attaches an ENI of the"
                    + " function's own in the subnet (one ENI per 3 GB of environment memory, not shared with other"
                    + " functions), which adds " + typical(sc.legacy().coldStartAttachTime())
                    + " to the cold start (legacy.coldStartAttachTime). Each ENI takes one IP of the subnet; a new one"
                    + " is being created for as long as the cold start that made it waits, then ready, and a cold"
                    + " start placed on it meanwhile waits until it is ready.");
        }
        return m;
    }

    /**
     * Why an Active function's invocation fails with an ENI error: every ENI of its key was full, and the ENI Lambda
     * then creates for the same key was refused (the function stays Active; a failed creation at CreateFunction, a
     * restore or an update is told by the state or update it ends).
     */
    private static void scaleOutFailures(Map<String, String> m, Scenario.Hyperplane h) {
        Map<String, String> causes = Map.of(
                "SubnetIPAddressLimitReachedException", "the subnet had no free address for it (its other tenants'"
                        + " addresses, otherUsedIps, and Lambda's ENIs held them all)",
                "ENILimitReachedException", "it would have passed the VPC's ENI quota (shared with other services,"
                        + " otherUsedEnis) or the Region's network interfaces",
                "EC2AccessDeniedException", "the execution role had lost its EC2 permissions");
        causes.forEach((error, cause) -> m.put("scaleOut:" + error, String.format(Locale.ROOT, "The function is"
                + " Active, but every ENI of the key already carried %,d connections (hyperplane.connectionsPerEni),"
                + " so Lambda tried to create another ENI for the same subnet + security groups, and %s: the request"
                + " fails with %s (502), and so does every request that finds the key's ENIs full until Lambda tries"
                + " again, %s later (hyperplane.eniRetryBackoff). Requests that find a free port still run.",
                h.connectionsPerEni(), cause, error, Assumptions.duration(h.eniRetryBackoffMicros()))));
    }

    /**
     * With several accounts, the why of EniLimitExceeded says whose network interfaces per Region were full in this
     * run, with the figure (each account has its own quota: the one to raise).
     */
    private static void fullRegionQuotas(RunResult r, Map<String, String> why, boolean legacy) {
        dev.enisim.metrics.RunSummary.Region region = r.summary().region();
        if (legacy || !r.scenario().multiAccount()) {
            return;
        }
        // which limit was full, as the run's figures tell it: the VPCs' quotas at their peak, the accounts' Region
        // quotas; only those (31 accounts' 5,000 each said nothing of which; review r2, session 60)
        List<String> full = new ArrayList<>();
        // a VPC counted per account: the full copies of the accounts with a function Failed for it (another
        // account's full copy refused none of them), else every full copy
        java.util.Set<String> refused = new java.util.HashSet<>();
        r.summary().functions().forEach((name, f) -> {
            if ("EniLimitExceeded".equals(String.valueOf(f.finalReasonCode()))) {
                refused.add(r.scenario().accounts().of(name));
            }
        });
        r.summary().vpcs().forEach((id, v) -> v.full().forEach((account, a) -> {
            if (account.isEmpty() || refused.isEmpty() || refused.contains(account)) {
                full.add(quotaWords(id, v, account, a));
            }
        }));

        if (region != null && region.byAccount() != null) {
            region.full().forEach((id, a) -> full.add(String.format(Locale.ROOT, "account %s's network interfaces"
                    + " per Region (accounts[%d].networkInterfacesPerRegion, %,d: its functions' ENIs, also in a VPC"
                    + " shared with it, the otherUsedEnis of the VPCs it owns and its otherNetworkInterfaces)", id,
                    r.scenario().accounts().index(id), a.networkInterfacesPerRegion())));
        }
        why.computeIfPresent("Failed:EniLimitExceeded", (k, text) -> full.isEmpty() ? text : "EC2 refused the"
                + " function's ENI: in this run " + String.join(" and ", full) + (full.size() == 1 ? " was" : " were")
                + " full (each account's network interfaces per Region are its own; " + countedPer(r.scenario())
                + "); invocations fail with ENILimitReachedException.");
    }

    /** A full ENI quota in words: the VPC's own ({@code account} ""), or that account's copy of it. */
    private static String quotaWords(String vpc, dev.enisim.metrics.RunSummary.VpcSummary v, String account,
            dev.enisim.metrics.RunSummary.VpcSummary copy) {
        return account.isEmpty() ? String.format(Locale.ROOT, "VPC %s's ENI quota (vpcs[*].eniQuota, %,d, other"
                + " services' ENIs included)", vpc, v.eniQuota())
                : String.format(Locale.ROOT, "account %s's own ENI quota in VPC %s (vpcs[*].eniQuota, %,d, counted"
                + " per account: its functions' ENIs in the VPC%s)", account, vpc, copy.eniQuota(),
                copy.otherUsedEnis() > 0 ? " and, as the VPC's owner, other services'" : "");
    }

    /** Whose ENIs the scenario's VPCs' ENI quotas count (vpcs[*].eniQuotaCountedPer [assumed]), in words. */
    private static String countedPer(Scenario sc) {
        long perAccount = sc.vpcs().stream().filter(Scenario.Vpc::quotaPerAccount).count();
        return perAccount == 0 ? "a VPC's ENI quota counts every account's ENIs in it"
                : perAccount == sc.vpcs().size() ? "a VPC's ENI quota is each account's own too, as"
                        + " vpcs[*].eniQuotaCountedPer: account says"
                : "a VPC's ENI quota counts every account's ENIs in it, unless its eniQuotaCountedPer is account:"
                        + " then each account's own";
    }

    /**
     * A restore refused with EniLimitExceeded: the why says which quota, as far as the run's figures tell it
     * (summary.json region): the Region's network interfaces when they were full ("In this run the Region's 3 network
     * interfaces were full"; with several accounts, whose), else the VPC's ENI quota, the only other cause of that
     * code. EniLimitExceeded names no quota, and the story said "the VPC" whichever it was.
     */
    private static void restoreRegionFull(RunResult r, Map<String, String> why) {
        dev.enisim.metrics.RunSummary.Region region = r.summary().region();
        if (region == null) {
            return;
        }
        if (region.full().isEmpty()) {
            String none = region.byAccount() == null ? "the Region's network interfaces were never full"
                    : "no account's network interfaces per Region were full";
            why.computeIfPresent("Inactive:EniLimitExceeded", (k, text) -> text + " In this run " + none + ": it was the"
                    + " VPC's ENI quota.");
            return;
        }
        List<String> full = new ArrayList<>();
        region.full().forEach((id, a) -> full.add(id.isEmpty() ? String.format(Locale.ROOT, "the Region's %,d network"
                + " interfaces", a.networkInterfacesPerRegion()) : String.format(Locale.ROOT, "account %s's %,d"
                + " network interfaces per Region", id, a.networkInterfacesPerRegion())));
        why.computeIfPresent("Inactive:EniLimitExceeded", (k, text) -> text + " In this run " + String.join(" and ",
                full) + " were full.");
    }

    /**
     * Why an Inactive function whose restore failed (its reason code the failure's, not Idle) is Inactive again.
     * EniLimitExceeded is either quota, as for a Failed function: it read "the VPC had no room left in its ENI quota"
     * for a restore the Region's network interfaces refused ({@link #fullRegionQuotas} then says whose were full).
     */
    private static void restoreFailures(Map<String, String> m, Scenario sc, long backoffMicros) {
        String region = sc.multiAccount() ? "its own account's network interfaces per Region"
                + " (accounts[*].networkInterfacesPerRegion, each account's own)"
                : String.format(Locale.ROOT, "the Region's network interfaces (account.networkInterfacesPerRegion,"
                + " %,d here, every VPC's and service's ENIs)", sc.networkInterfacesPerRegion());
        Map<String, String> causes = Map.of(
                "SubnetOutOfIPAddresses", "the subnet had no free address for a new ENI",
                "EniLimitExceeded", "its VPC's ENI quota (vpcs[*].eniQuota, other services' ENIs included) or " + region
                        + " had no room for a new ENI",
                "InsufficientRolePermissions", "the execution role cannot create network interfaces",
                "EC2RequestLimitExceeded", "EC2 refused Lambda's call to create the ENI for its request rate");
        causes.forEach((code, cause) -> m.put("Inactive:" + code, "Restoring the function's ENIs failed: " + cause
                + ". The function goes back to Inactive (its reason code the failure's, not Idle); its next invocation"
                + " fails with ResourceNotReadyException and tries to restore it again. Lambda tries to create an ENI"
                + " for the key again only " + Assumptions.duration(backoffMicros) + " after a failed creation"
                + " (hyperplane.eniRetryBackoff): until then each restore fails at once."));
    }

    /** A delay's distribution in words: "a median of 10m, 35m at the 99th percentile, at most 45m". */
    public static String typical(dev.enisim.workload.DistributionSpec d) {
        String cap = Double.isInfinite(d.max()) ? "" : ", at most " + Assumptions.duration(d.max());
        if (d instanceof dev.enisim.workload.DistributionSpec.Constant c) {
            return Assumptions.duration(c.value());
        }
        if (d instanceof dev.enisim.workload.DistributionSpec.LogNormal l) {
            return "a median of " + Assumptions.duration(l.median()) + ", " + Assumptions.duration(l.p99())
                    + " at the 99th percentile" + cap;
        }
        return Assumptions.distribution(d);
    }

    private static void explain(List<String> out, Map<String, String> whys, Set<String> explained, String rule) {
        String why = whys.get(rule);
        if (why != null && explained.add(rule)) {
            out.add("          why: " + why);
        }
    }

    /**
     * The existing functions said together ({@link dev.enisim.report.chart.ExistingFunctions}): past a handful that
     * start alike, their actions, their states at the start ("-> Active: existing function, ENIs in place") and their
     * ENIs in place are one line, at the first's action, with the explanations those lines gave. A 600-function
     * account's story opened on 600 "Existing function" lines, 584 "-> Active" lines and 366 "ENI ... in place"
     * lines.
     */
    private record Existing(Map<String, dev.enisim.report.chart.ExistingFunctions.Group> groups,
            Set<JournalEntry> folded, Map<dev.enisim.report.chart.ExistingFunctions.Group, List<String>> enis,
            Set<dev.enisim.report.chart.ExistingFunctions.Group> said) {

        static Existing of(RunResult r, List<JournalEntry> entries, Set<String> inPlace) {
            Map<String, dev.enisim.report.chart.ExistingFunctions.Group> groups =
                    dev.enisim.report.chart.ExistingFunctions.groups(r);
            Set<JournalEntry> folded = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            Map<dev.enisim.report.chart.ExistingFunctions.Group, List<String>> enis = new java.util.IdentityHashMap<>();
            dev.enisim.report.chart.ExistingFunctions.Group current = null; // the group of the function set up now
            String function = null;
            long at = 0;
            for (JournalEntry e : groups.isEmpty() ? List.<JournalEntry>of() : entries) {
                if (current != null && e.atMicros() != at) {
                    current = null;
                }
                if (e.kind() == JournalEntry.Kind.ACTION) {
                    function = dev.enisim.report.chart.ExistingFunctions.function(e.detail());
                    current = function == null ? null : groups.get(function);
                    if (current != null && Seconds.toMicros(current.atSeconds()) == e.atMicros()) {
                        folded.add(e);
                        at = e.atMicros();
                    } else {
                        current = null;
                    }
                } else if (current != null && e.kind() == JournalEntry.Kind.ENI_STATE
                        && inPlace.contains(e.subject())) {
                    folded.add(e);
                    if (e.state().equals("Creating")) {
                        enis.computeIfAbsent(current, g -> new ArrayList<>()).add(e.subject());
                    }
                } else if (current != null && (e.kind() == JournalEntry.Kind.FUNCTION_STATE
                        && e.detail().startsWith("existing function") || e.kind() == JournalEntry.Kind.ENI_SHARED)
                        && e.subject().equals(function)) { // a group's sharing is its line's (600 "shares" lines)
                    folded.add(e);
                }
            }
            return new Existing(groups, folded, enis, java.util.Collections.newSetFromMap(
                    new java.util.IdentityHashMap<>()));
        }

        boolean folded(JournalEntry e) {
            return !folded.isEmpty() && folded.contains(e);
        }

        /** The group's line at its first action (nothing for the others), with what its lines explained. */
        void tell(JournalEntry e, String time, List<String> out, Map<String, String> why, Set<String> explained) {
            if (e.kind() != JournalEntry.Kind.ACTION) {
                return;
            }
            dev.enisim.report.chart.ExistingFunctions.Group g = groups.get(
                    dev.enisim.report.chart.ExistingFunctions.function(e.detail()));
            if (!said.add(g)) {
                return;
            }
            List<String> placed = enis.getOrDefault(g, List.of());
            String head = g.description();
            int colon = head.indexOf(": ");
            String opening = head.substring(0, colon);
            // what is true at the start: those Active, and those the quota or a subnet makes Failed at once, as the
            // chart's marker says it (ExistingFunctions.Group#label: thirty.yaml's 250 Active, 20 Failed at 0)
            String failedText = "";
            if (g.failed() > 0) {
                int n = g.failed();
                opening = String.format(Locale.ROOT, "%,d existing functions start Active", g.names().size() - n);
                failedText = String.format(Locale.ROOT, "; %,d more %s Failed at once (%s), each told below; all"
                        + " %,d", n, n == 1 ? "is" : "are", g.reasons(), g.names().size());
            }
            out.add(time + "  " + opening + (placed.isEmpty() ? "" : String.format(Locale.ROOT,
                    ", with %s in place (%s)", placed.size() == 1 ? "1 ENI" : String.format(Locale.ROOT, "%,d ENIs",
                    placed.size()), placed.size() == 1 ? placed.get(0) : placed.get(0) + " to "
                    + placed.get(placed.size() - 1))) + failedText + head.substring(colon)
                    + " (each one's VpcConfig in the scenario, its states in summary.json"
                    + (placed.isEmpty() ? "" : ", the ENIs in enis.csv") + ")");
            if (!placed.isEmpty()) {
                explain(out, why, explained, "eni:InPlace");
                explain(out, why, explained, "eni:phases");
            }
            String reason = g.start().startsWith("Inactive (") || g.start().startsWith("Failed (")
                    ? g.start().substring(g.start().indexOf('(') + 1, g.start().indexOf(':')) : "null";
            explain(out, why, explained, g.state() + ":" + reason);
        }
    }

    /** Whether {@code e} is about an existing function (existing: Active...) at the run's set-up (time 0). */
    private static boolean atSetUp(RunResult r, JournalEntry e) {
        return e.atMicros() == 0 && r.scenario().functions().stream().anyMatch(f -> f.name().equals(e.subject())
                && f.existing() != Scenario.Function.Existing.NO);
    }

    /**
     * Whether entry {@code i}, a function's state at the run's set-up, is left at once for another at the same
     * instant: an existing Inactive function is made Active then Inactive (idle) at 00:00:00, which the story told
     * as two changes ("-> Active", "-> Inactive") where the function simply starts Inactive.
     */
    private static boolean passedThrough(List<JournalEntry> entries, int i) {
        JournalEntry e = entries.get(i);
        if (!e.detail().startsWith("existing function")) {
            return false;
        }
        for (int k = i + 1; k < entries.size() && entries.get(k).atMicros() == e.atMicros(); k++) {
            JournalEntry n = entries.get(k);
            if (n.kind() == JournalEntry.Kind.FUNCTION_STATE && n.subject().equals(e.subject())) {
                return n.detail().startsWith("existing function");
            }
        }
        return false;
    }

    /** ENIs whose InUse entry is at the instant of their Creating entry (an existing function's, made in place). */
    private static Set<String> readyAtOnce(List<JournalEntry> entries) {
        Set<String> out = new HashSet<>();
        for (JournalEntry e : madeInPlace(entries)) {
            out.add(e.subject());
        }
        return out;
    }

    /**
     * The Creating and InUse entries of the ENIs made in place (an existing function's: InUse at the instant of their
     * Creating), which the story tells as one "in place" and the topology player as one line.
     */
    public static Set<JournalEntry> madeInPlace(List<JournalEntry> entries) {
        Map<String, JournalEntry> created = new java.util.HashMap<>();
        Set<JournalEntry> out = new HashSet<>();
        for (JournalEntry e : entries) {
            if (e.kind() != JournalEntry.Kind.ENI_STATE) {
                continue;
            }
            if (e.state().equals("Creating")) {
                created.put(e.subject(), e);
            } else if (e.state().equals("InUse")) {
                JournalEntry c = created.remove(e.subject());
                if (c != null && c.atMicros() == e.atMicros()) {
                    out.add(c);
                    out.add(e);
                }
            }
        }
        return out;
    }

    /**
     * The Orphaned entries of ENIs that were not Deleting before: Lambda was asked to delete them after their role had
     * lost its EC2 permissions, and the deletion failed at the request (an ENI orphaned from Deleting lost the role
     * while its deletion ran: told as "orphaned").
     */
    private static Set<JournalEntry> refusedDeletions(List<JournalEntry> entries) {
        Map<String, String> last = new java.util.HashMap<>();
        Set<JournalEntry> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (JournalEntry e : entries) {
            if (e.kind() != JournalEntry.Kind.ENI_STATE) {
                continue;
            }
            String before = last.put(e.subject(), e.state());
            if (e.state().equals("Orphaned") && !"Deleting".equals(before)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The Deleting entries of ENIs whose next state is Orphaned with no role losing its permissions between: Lambda
     * was asked to delete them after their role had lost its EC2 permissions, while invocations still ran on them,
     * so the deletion could only fail (read off the run's journal, not foretold). With a DeleteRole or a revocation
     * between, the role may have lost them during the deletion: told as "orphaned" at its end.
     */
    private static Set<JournalEntry> doomedDeletions(List<JournalEntry> entries) {
        Map<String, JournalEntry> deleting = new java.util.HashMap<>();
        Set<JournalEntry> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (JournalEntry e : entries) {
            if (e.kind() == JournalEntry.Kind.ACTION && (e.detail().startsWith("DeleteRole ")
                    || e.detail().startsWith("Revoke EC2 permissions"))) {
                deleting.clear();
            }
            if (e.kind() != JournalEntry.Kind.ENI_STATE) {
                continue;
            }
            JournalEntry d = deleting.remove(e.subject());
            if (d != null && e.state().equals("Orphaned")) {
                out.add(d);
            }
            if (e.state().equals("Deleting")) {
                deleting.put(e.subject(), e);
            }
        }
        return out;
    }

    /** ENIs released for deletion that Lambda cannot delete, while invocations still run on them: they will be orphaned. */
    private static void tellDoomed(List<String> out, String time, List<JournalEntry> enis) {
        tellCannot(out, time, enis, "it will be orphaned, keeping its IP and quota slot",
                "they will be orphaned, keeping their IPs and quota slots");
    }

    /** ENIs released for deletion that Lambda cannot delete: one line saying so, and that they are orphaned. */
    private static void tellRefused(List<String> out, String time, List<JournalEntry> enis) {
        tellCannot(out, time, enis, "it is orphaned, keeping its IP and quota slot",
                "they are orphaned, keeping their IPs and quota slots");
    }

    private static void tellCannot(List<String> out, String time, List<JournalEntry> enis, String one, String many) {
        JournalEntry first = enis.get(0);
        String cannot = " Lambda cannot delete, its execution role having lost its EC2 permissions (deleted or"
                + " stripped): ";
        if (enis.size() == 1) {
            out.add(time + "  ENI " + first.subject() + " (" + first.detail() + ") is no longer used, but" + cannot
                    .replace("cannot delete,", "cannot delete it,") + one);
        } else {
            out.add(time + "  " + enis.size() + " ENIs no longer used, " + first.subject() + " to "
                    + enis.get(enis.size() - 1).subject() + ", which" + cannot + many);
        }
    }

    /** One line for ENIs of the same step at the same instant: "ENI x verb (key ip)" or "n ENIs verb: a to b". */
    private static void tell(List<String> out, String time, List<JournalEntry> enis, String verb) {
        JournalEntry first = enis.get(0);
        if (enis.size() == 1) {
            out.add(time + "  ENI " + first.subject() + " " + verb + " (" + first.detail() + ")");
        } else {
            // "2 ENIs deleted, IPs freed", not "IP freed" (a teacher's review)
            out.add(time + "  " + enis.size() + " ENIs " + verb.replace("IP freed", "IPs freed") + ": "
                    + first.subject() + " to "
                    + enis.get(enis.size() - 1).subject());
        }
    }

    /**
     * The legacy model's ENIs in {@code entries[i]}'s state told in the same second ({@code time}), from {@code i} on:
     * a legacy cold start makes its own ENI, so a burst of them comes microseconds apart, between other lines of the
     * same second, and the story told them a line each (246 "ENI eni-0001 being created" lines in
     * legacy-vs-hyperplane: a teacher's review). The ones after {@code i} are put in {@code toldEarlier}; what lies
     * between keeps its order, in the same second.
     */
    private static List<JournalEntry> legacyGroup(List<JournalEntry> entries, int i, String time, When start,
            Existing existing, Set<JournalEntry> toldEarlier) {
        JournalEntry e = entries.get(i);
        List<JournalEntry> group = new ArrayList<>();
        group.add(e);
        for (int k = i + 1; k < entries.size() && clock(entries.get(k).atMicros(), start).equals(time); k++) {
            JournalEntry x = entries.get(k);
            if (x.kind() == JournalEntry.Kind.ENI_STATE && x.state().equals(e.state()) && !existing.folded(x)
                    && !toldEarlier.contains(x)) {
                group.add(x);
                toldEarlier.add(x);
            }
        }
        return group;
    }

    /** The most parts of a legacy group's ENI ids told ({@code eni-0001 to eni-0004} is one). */
    static final int LEGACY_ID_PARTS = 6;

    /**
     * A legacy group's line: one ENI as before, with its function, subnet and address; more as "44 ENIs being created
     * (ingest@subnet-ingest-a+[sg-ingest] 25, ingest@subnet-ingest-b+[sg-ingest] 19): eni-0002 to eni-0045", how many
     * per function and subnet (a legacy ENI is a function's own), and the ids in runs, the first {@value
     * #LEGACY_ID_PARTS} runs and how many more (enis.csv lists each).
     */
    private static void tellLegacy(List<String> out, String time, List<JournalEntry> enis, String verb) {
        if (enis.size() == 1) {
            tell(out, time, enis, verb);
            return;
        }
        Map<String, Integer> perKey = new java.util.TreeMap<>();
        for (JournalEntry x : enis) {
            perKey.merge(keyOf(x.detail()), 1, Integer::sum);
        }
        List<String> keys = new ArrayList<>();
        perKey.forEach((k, n) -> keys.add(k + " " + n));
        out.add(time + "  " + enis.size() + " ENIs " + verb.replace("IP freed", "IPs freed") + " (" + String.join(", ",
                keys) + "): " + idRuns(enis.stream().map(JournalEntry::subject).toList(), LEGACY_ID_PARTS));
    }

    /**
     * ENI ids in order, consecutive ones as a run ("eni-0001 to eni-0004, eni-0007"; two as "eni-0005, eni-0006"), at
     * most {@code parts} runs and then "and 12 more (enis.csv lists each)"; an id without a number at its end stands
     * alone.
     */
    static String idRuns(List<String> ids, int parts) {
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        List<String> runs = new ArrayList<>();
        int told = 0;
        int a = 0;
        while (a < sorted.size() && runs.size() < parts) {
            int b = a;
            while (b + 1 < sorted.size() && next(sorted.get(b), sorted.get(b + 1))) {
                b++;
            }
            runs.add(a == b ? sorted.get(a) : sorted.get(a) + (b == a + 1 ? ", " : " to ") + sorted.get(b));
            told += b - a + 1;
            a = b + 1;
        }
        int more = sorted.size() - told;
        return String.join(", ", runs) + (more == 0 ? "" : " and " + more + " more (enis.csv lists each)");
    }

    /** Whether id {@code b} is the one after {@code a} ("eni-0009", "eni-0010"). */
    private static boolean next(String a, String b) {
        int i = a.length();
        while (i > 0 && Character.isDigit(a.charAt(i - 1))) {
            i--;
        }
        int k = b.length();
        while (k > 0 && Character.isDigit(b.charAt(k - 1))) {
            k--;
        }
        if (i == a.length() || k == b.length() || !a.substring(0, i).equals(b.substring(0, k))
                || a.length() - i > 18 || b.length() - k > 18) {
            return false;
        }
        return Long.parseLong(b.substring(k)) == Long.parseLong(a.substring(i)) + 1;
    }

    /** The key of an ENI entry's detail ("subnet-a+[sg-app] 10.0.1.14": the part before the address). */
    private static String keyOf(String detail) {
        int space = detail == null ? -1 : detail.lastIndexOf(' ');
        return space < 0 ? String.valueOf(detail) : detail.substring(0, space);
    }

    private static String eniVerb(String state) {
        return switch (state) {
            case "Creating" -> "being created"; // creation started: ready only at "ready"
            case "InUse" -> "ready";
            case "Deleting" -> "being deleted";
            case "Deleted" -> "deleted, IP freed";
            case "Orphaned" -> "orphaned";
            default -> state;
        };
    }

    /** An invocation spell's outcome in words: "succeeded", "failed with X (reason)", "ran but failed (cause)". */
    public static String outcome(JournalEntry e) {
        if (e.state().equals("SUCCESS")) {
            return "succeeded";
        }
        if (e.state().startsWith("FUNCTION_ERROR")) {
            return "ran but failed (" + e.detail() + ")";
        }
        String http = http(e.reason());
        return "failed with " + e.reason() + (e.detail().isEmpty() ? http.isEmpty() ? "" : " (" + http + ")"
                : " (" + e.detail() + (http.isEmpty() ? "" : ", " + http) + ")");
    }

    /**
     * "HTTP 502": the status Invoke answers an exception with, from the model's one table of outcomes
     * ({@link dev.enisim.model.Outcome}, domain reference section 3); "" for a name it does not have.
     */
    public static String http(String exception) {
        for (dev.enisim.model.Outcome o : dev.enisim.model.Outcome.all()) {
            if (exception.equals(o.exception()) && o.kind() != dev.enisim.model.Outcome.Kind.FUNCTION_ERROR) {
                return "HTTP " + o.httpStatus();
            }
        }
        return "";
    }

    /**
     * A configured span as the scenario file would say it ({@link Assumptions#duration}: {@code 14d}) when it is one
     * unit, else in parts ({@code 19d 23h 45m}, {@code 2h 30m 15.5s}).
     */
    static String inParts(long micros) {
        dev.enisim.model.SpanParts p = dev.enisim.model.SpanParts.of(micros);
        if (p.unitsAboveZero() <= 1 && (p.fractionMicros() == 0 || micros / Seconds.MICROS == 0)) {
            return Assumptions.duration(micros);
        }
        return p.text();
    }

    /** {@code hh:mm:ss}, with days in front after the first day ({@code 3d 04:05:06}). */
    public static String clock(long micros) {
        long s = micros / Seconds.MICROS;
        long d = s / 86_400;
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", (s % 86_400) / 3600, (s % 3600) / 60, s % 60);
        return d > 0 ? d + "d " + hms : hms;
    }

    /**
     * The wall-clock form when the scenario says when it starts ({@code startsAt}): {@code Mon 14:00:05} (UTC), with
     * the date in a run longer than a week ({@code Mon 2 Mar 14:00:05}: a weekday alone named day 0 and day 14
     * alike); without it, simulated time as {@link #clock(long)}.
     */
    public static String clock(long micros, When when) {
        return when.at(micros);
    }

    /** How one run's instants are told: simulated time, or wall-clock time from its {@code startsAt}. */
    public record When(java.util.Optional<java.time.Instant> startsAt, boolean dated) {

        /** A week: runs longer than this give the date with the weekday. */
        static final long WEEK_MICROS = dev.enisim.scenario.WallClock.WEEK_MICROS;

        public static When of(Scenario s) {
            return new When(s.startsAt(), dev.enisim.scenario.WallClock.dated(s));
        }

        public String at(long micros) {
            return startsAt.isEmpty() ? clock(micros) : dev.enisim.scenario.WallClock.at(startsAt.get(), micros, dated);
        }
    }

    /** The journal as JSON lines (trace.jsonl). */
    public static String trace(RunResult r) {
        StringBuilder b = new StringBuilder();
        for (JournalEntry e : r.journal()) {
            try {
                b.append(SummaryJson.mapper().writer().without(
                        com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(e))
                        .append('\n');
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return b.toString();
    }
}
