package dev.enisim.model;

import dev.enisim.model.SimEvent.IdleCheck;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.Attachment.Purpose;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The function lifecycle of domain.md section 2: creation (Pending until every key has a ready ENI), idle
 * reclaim and restore, VPC config updates (LastUpdateStatus), versions pinning keys, and deletion. Which keys
 * a function or version holds is told to the {@link EniFleet}, which deletes ENIs nobody uses.
 */
final class Lifecycle {

    private final long idleReclaimAfterMicros;
    /** A function with provisioned concurrency allocated is never idle-reclaimed [assumed]. */
    private final boolean keepsProvisionedActive;
    /** An update called on a function Pending for longer than this cancels the operation: Failed [doc]. */
    private final long stuckPendingAfterMicros;
    private final boolean cancelledCreationKeepsEnis; // hyperplane.cancelledCreationKeepsEnis [assumed]
    private final Networking networking;
    private final EniFleet fleet;
    private final EnvironmentPool environments;
    private final Port port;
    private final WorldListener listener;
    private final List<LambdaFunction> functions;
    final List<Teardown> teardowns = new ArrayList<>();
    /** ENIs taken back while being deleted, in order ({@code hyperplane.reuseDeletingEni}). */
    final List<DeletionCancelled> cancellations = new ArrayList<>();
    /** The timeline's actions Lambda refused, in order. */
    final List<RejectedAction> rejections = new ArrayList<>();

    /** @param functions the world's functions by index (read only here) */
    Lifecycle(WorldSettings settings, EniFleet fleet, EnvironmentPool environments, Port port,
            WorldListener listener, List<LambdaFunction> functions) {
        this.idleReclaimAfterMicros = settings.idleReclaimAfterMicros();
        this.stuckPendingAfterMicros = settings.stuckPendingAfterMicros();
        this.cancelledCreationKeepsEnis = settings.cancelledCreationKeepsEnis();
        this.keepsProvisionedActive = settings.provisioning().keepsFunctionActive();
        this.networking = settings.networking();
        this.fleet = fleet;
        this.environments = environments;
        this.port = port;
        this.listener = listener;
        this.functions = functions;
    }

    // ---- creation, restore, update ------------------------------------------------------------------------

    /** CreateFunction: with a new VpcConfig, or (empty) the one the function has. */
    void create(LambdaFunction f, Optional<SimEvent.VpcConfig> vpcConfig, long now) {
        if (f.state() != null && f.state() != State.Deleted) {
            reject(f, "CreateFunction", "", "ResourceConflictException", " (it exists)", now);
            return;
        }
        if (vpcConfig.isPresent()) {
            f.setBinding(fleet.resolveFor(f.name(), f.accountId(), f.memoryMb(), vpcConfig.get()));
        }
        Binding b = f.binding();
        listener.controlAction("CreateFunction " + f.name() + describe(b), now);
        if (!b.attached()) {
            setState(f, State.Active, null, "created without VpcConfig", now);
            environments.reset(f, now);
            return;
        }
        if (!networking.enisBeforeInvocations() && b.configError() == null) {
            // e.g. before Hyperplane, functions were usable at once: ENIs came with each cold start
            addUsers(f, b, now);
            f.setHoldsKeys(true);
            setState(f, State.Active, null, "created (legacy VPC model: ENIs made at cold starts)", now);
            environments.reset(f, now);
            return;
        }
        setState(f, State.Pending, StateReasonCode.Creating, "created with VpcConfig", now);
        if (b.configError() != null) {
            setState(f, State.Failed, b.configError(), "VpcConfig cannot be used", now);
            return;
        }
        addUsers(f, b, now);
        f.setHoldsKeys(true);
        attach(f, Purpose.CREATE, b, now);
    }

    /**
     * A function that exists when the simulation starts: Active with an in-use ENI for each of its keys, or as many
     * as {@code vpcs[*].enisAtStart} says for a key scaled out before the run (made now, taking their IPs and quota
     * slots), or Inactive (idle, its ENIs reclaimed).
     */
    void existing(LambdaFunction f, boolean active, long now) {
        existing(f, active, 0, null, now);
    }

    /**
     * As {@link #existing(LambdaFunction, boolean, long)}; an Active one then has {@code warm} idle execution
     * environments on its keys, as a running account has ({@link EnvironmentPool#warmAtStart}); an Inactive one
     * whose last restore failed ({@code inactiveReason}, null: idle) is Inactive with that reason, as AWS leaves it.
     */
    void existing(LambdaFunction f, boolean active, int warm, StateReasonCode inactiveReason, long now) {
        Binding b = f.binding();
        listener.controlAction("Existing function " + f.name() + describe(b) + (active ? " (Active)" : " (Inactive)"),
                now);
        if (b.attached() && b.configError() != null) {
            setState(f, State.Pending, StateReasonCode.Creating, "existing function", now);
            setState(f, State.Failed, b.configError(), "VpcConfig cannot be used", now);
            return;
        }
        if (b.attached() && !active && networking.enisBeforeInvocations()) {
            setState(f, State.Active, null, "existing function", now);
            if (inactiveReason == null) {
                setState(f, State.Inactive, StateReasonCode.Idle, "existing function, idle: its ENIs were reclaimed",
                        now);
            } else {
                setState(f, State.Inactive, inactiveReason, "existing function, its last restore failed ("
                        + inactiveReason + ") before the run: no ENI", now);
            }
            return;
        }
        if (b.attached()) {
            addUsers(f, b, now);
            f.setHoldsKeys(true);
            for (int key : networking.enisBeforeInvocations() ? b.keys() : new int[0]) {
                if (fleet.pools.get(key).hasInUse()) { // another function's already: said as a creation's sharing
                    listener.eniShared(f.index(), fleet.pools.get(key).firstInUse().ref(), now);
                }
                // one, or as many as the scenario says Hyperplane had scaled the key out to (enisAtStart)
                for (int n = fleet.enisInUse(key), want = fleet.enisAtStart(key); n < want; n++) {
                    EniFailure why = fleet.register(key, f.role(), now);
                    if (why != null) {
                        // the scenario says the ENI exists, but the subnet or quota has no room for it
                        setState(f, State.Pending, StateReasonCode.Creating, "existing function", now);
                        setState(f, State.Failed, why.reason(), "its existing ENI" + (want > 1 ? " " + (n + 1)
                                + " of " + want : "") + " for " + fleet.pools.get(key).eniKey().label()
                                + " does not fit", now);
                        return;
                    }
                    HyperplaneEni placed = fleet.newest(key);
                    placed.placedAtStart();
                    eniReady(placed, now); // it exists already: ready at once
                }
            }
        }
        setState(f, State.Active, null, b.attached() ? "existing function, ENIs in place"
                : "existing function, no VpcConfig: no Hyperplane ENI", now);
        f.invokedAt(now);
        scheduleIdleCheck(f, now);
        environments.reset(f, now);
        if (active && warm > 0) {
            environments.warmAtStart(f, warm, now);
        }
    }

    /**
     * A function whose creation failed before the run ({@code existing: Failed}): Failed with {@code reason} from the
     * start, as a creation that failed in the run leaves it (Pending, then Failed at once): it holds no key, so no
     * ENI, IP or quota slot, and its invocations get what a run-time failure for that reason gives them. AWS: "a
     * function whose creation failed must be deleted and recreated" (domain.md section 2).
     */
    void existingFailed(LambdaFunction f, StateReasonCode reason, long now) {
        listener.controlAction("Existing function " + f.name() + describe(f.binding()) + " (Failed, " + reason
                + ": its creation failed before the run)", now);
        EniFailure.of(reason); // a reason the model gives its invocations an outcome for (the loader checks it)
        setState(f, State.Pending, StateReasonCode.Creating, "existing function", now);
        setState(f, State.Failed, reason, "existing function, its creation failed before the run", now);
    }

    /** An invocation found the function Inactive: restore its ENIs (the invocation itself fails). */
    void restore(LambdaFunction f, long now) {
        setState(f, State.Pending, StateReasonCode.Restoring, "invoked while Inactive", now);
        addUsers(f, f.binding(), now);
        f.setHoldsKeys(true);
        attach(f, Purpose.RESTORE, f.binding(), now);
    }

    void update(LambdaFunction f, SimEvent.VpcConfig vpcConfig, long now) {
        String what = "UpdateFunctionConfiguration " + f.name();
        State s = f.state();
        if (s == null || s == State.Deleted) {
            reject(f, "UpdateFunctionConfiguration", "", "ResourceNotFoundException", "", now);
            return;
        }
        if (unblock(f, what, now)) {
            return;
        }
        if (s == State.Pending || s == State.Failed || f.attachment() != null) {
            reject(f, "UpdateFunctionConfiguration", "", "ResourceConflictException", " (function " + s
                    + (f.attachment() != null && f.attachment().purpose() == Purpose.UPDATE ? ", update in progress"
                    : "") + ")", now);
            return;
        }
        Binding b = fleet.resolveFor(f.name(), f.accountId(), f.memoryMb(), vpcConfig);
        listener.controlAction(what + describe(b), now);
        if (b.configError() != null) {
            setLastUpdate(f, LastUpdateStatus.Failed, b.configError(), now);
            return;
        }
        if (s == State.Inactive || !b.attached() || !networking.enisBeforeInvocations()) {
            // nothing to wait for: an Inactive function makes its ENIs when restored; a detach is immediate
            switchBinding(f, b, "updateVpcConfig", now);
            setLastUpdate(f, LastUpdateStatus.Successful, null, now);
            return;
        }
        setLastUpdate(f, LastUpdateStatus.InProgress, null, now);
        addUsers(f, b, now);
        attach(f, Purpose.UPDATE, b, now);
    }

    /**
     * AWS: "If a function is stuck in the Pending state for more than six minutes, call one of the following API
     * operations to unblock it: UpdateFunctionCode, UpdateFunctionConfiguration, PublishVersion. Lambda cancels the
     * pending operation and puts the function into the Failed state." True when {@code f} was unblocked so.
     */
    private boolean unblock(LambdaFunction f, String what, long now) {
        if (f.state() != State.Pending || now - f.stateSinceMicros() <= stuckPendingAfterMicros) {
            return false; // before 6 minutes the call is rejected (ResourceConflictException)
        }
        Attachment a = f.attachment();
        f.setAttachment(null);
        // a cancelled creation: the Failed function uses no key any more, so an ENI no other function uses is
        // deleted (one still being created, once ready), unless hyperplane.cancelledCreationKeepsEnis [assumed]
        if (a != null && a.purpose() == Purpose.RESTORE) {
            fleet.removeUsers(a.binding(), f.role(), now);
            f.setHoldsKeys(false);
        } else if (a != null && a.purpose() == Purpose.CREATE && !cancelledCreationKeepsEnis) {
            record(f, "cancelled creation", now, fleet.removeUsers(a.binding(), f.role(), now));
            f.setHoldsKeys(false);
        }
        listener.controlAction(what + " after " + (now - f.stateSinceMicros()) / 1_000_000
                + " s Pending: Lambda cancels the pending operation", now);
        setState(f, State.Failed, EniFailure.CANCELLED.reason(), "pending operation cancelled", now);
        return true;
    }

    private void attach(LambdaFunction f, Purpose purpose, Binding b, long now) {
        Attachment a = new Attachment(purpose, b, now);
        f.setAttachment(a);
        for (int key : b.keys()) {
            EniFailure why = fleet.attach(f.index(), key, f.role(), now);
            if (why != null) {
                attachFailed(f, a, why, fleet.pools.get(key).eniKey().label(), fleet.heldBy(), now);
                return;
            }
        }
    }

    /** An ENI finished creating: the functions that waited for its key are told. */
    void eniReady(HyperplaneEni eni, long now) {
        for (int waiter : fleet.ready(eni, now)) {
            keyReady(waiter, eni.key(), now);
        }
    }

    /** A function waiting for {@code key} may use it: an ENI of the key is ready, or it attached to one. */
    void keyReady(int function, int key, long now) {
        LambdaFunction f = functions.get(function);
        Attachment a = f.attachment();
        if (a == null || !a.binding().uses(key)) {
            return; // the attachment this was for failed or was abandoned
        }
        if (a.keyReady(key)) {
            f.setAttachment(null);
            if (a.purpose() == Purpose.UPDATE) {
                // the attachment already holds the new keys: they become the function's; the old ones go
                Binding old = f.binding();
                boolean held = f.holdsKeys(); // false when the function was not attached before the update
                f.setBinding(a.binding());
                f.setHoldsKeys(true);
                if (held) {
                    List<EniId> deleting = fleet.removeUsers(old, f.role(), now);
                    if (!deleting.isEmpty()) { // requested when UpdateFunctionConfiguration was called
                        teardowns.add(new Teardown(f.index(), "updateVpcConfig", a.requestedMicros(), now, deleting));
                    }
                }
                environments.reset(f, now);
                setLastUpdate(f, LastUpdateStatus.Successful, null, now);
                scheduleIdleCheck(f, now); // an idle check that came during the update waited for it
            } else {
                setState(f, State.Active, null, "all ENIs ready", now);
                f.invokedAt(now);
                scheduleIdleCheck(f, now);
                environments.reset(f, now);
            }
        }
    }

    /**
     * An attachment failed for {@code why}: at once, because the key ({@code key}, its label) or the role was backing
     * off after an earlier failure ({@code held}), or because the ENI creation tried now failed ({@code held} null).
     */
    private void attachFailed(LambdaFunction f, Attachment a, EniFailure why, String key, EniBackOffs.BackOff held,
            long now) {
        f.setAttachment(null);
        StateReasonCode reason = why.reason();
        switch (a.purpose()) {
            case CREATE -> setState(f, State.Failed, reason, held == null ? "no ENI could be created for " + key
                    : backingOff(key, held, now), now);
            case RESTORE -> {
                fleet.removeUsers(a.binding(), f.role(), now);
                f.setHoldsKeys(false);
                // back to Inactive (AWS's rule); the reason code is the failure's, as a Failed state's is: AWS does
                // not document which code an Inactive function shows then, and Idle would hide the cause
                setState(f, State.Inactive, reason, "restoring failed: " + reason, now);
            }
            case UPDATE -> {
                fleet.removeUsers(a.binding(), f.role(), now);
                setLastUpdate(f, LastUpdateStatus.Failed, reason, now);
            }
        }
    }

    /**
     * Makes {@code b} the function's binding without waiting: for an Inactive function (which holds no keys), a
     * detach (which needs none), or any update under the legacy model (its ENIs come with cold starts). Keys the
     * function held are released.
     */
    private void switchBinding(LambdaFunction f, Binding b, String action, long now) {
        Binding old = f.binding();
        f.setBinding(b);
        boolean legacyKeys = !networking.enisBeforeInvocations() && b.attached();
        if (f.holdsKeys()) {
            if (legacyKeys) {
                addUsers(f, b, now); // the new ENIs come with the next cold starts
            } else {
                f.setHoldsKeys(false);
            }
            record(f, action, now, fleet.removeUsers(old, f.role(), now));
        } else if (legacyKeys) {
            // a legacy function attached by this update: it uses its new keys from now on (its cold starts' ENIs
            // were deleted as soon as they were ready, their key having no user)
            addUsers(f, b, now);
            f.setHoldsKeys(true);
        }
        environments.reset(f, now);
    }

    /**
     * An invocation of a function that is not Active: the Invoke error its state gives. An Inactive function is
     * restored (the invocation itself fails).
     */
    Outcome rejected(LambdaFunction f, long now) {
        State state = f.state();
        Outcome rejection = LambdaFunction.rejection(state, f.reason());
        if (rejection != null) {
            return rejection;
        }
        if (state == State.Inactive) {
            restore(f, now);
            return Outcome.RESOURCE_NOT_READY;
        }
        return EniFailure.of(f.reason()).invokeError(); // Failed for no failure of ENIs: throws
    }

    // ---- idle reclaim ------------------------------------------------------------------------------------

    private void scheduleIdleCheck(LambdaFunction f, long now) {
        if (!f.binding().attached() || !networking.enisBeforeInvocations()) {
            return; // only functions whose ENIs come before invocations have ENIs to reclaim (Hyperplane's Inactive)
        }
        // activation counts as a use (invokedAt is set then), so this is never in the past
        long at = Math.max(f.lastInvokedMicros() + idleReclaimAfterMicros, now);
        port.schedule(at, SimEvent.PRIORITY_CONTROL, new IdleCheck(f.index(), f.nextIdleToken()));
    }

    void idleCheck(IdleCheck check, long now) {
        LambdaFunction f = functions.get(check.function());
        if (check.token() != f.idleToken() || f.state() != State.Active) {
            return;
        }
        if (f.attachment() != null) {
            return; // an update is under way: looked at again when it ends (keyReady); re-checking now would loop
        }
        long idleFor = now - f.lastInvokedMicros();
        if (idleFor < idleReclaimAfterMicros || !f.binding().attached()) {
            scheduleIdleCheck(f, now);
            return;
        }
        if (keepsProvisionedActive && f.provisionedConcurrency() > 0) {
            // its provisioned environments keep it in use: look again one idle period later
            port.schedule(now + idleReclaimAfterMicros, SimEvent.PRIORITY_CONTROL, new IdleCheck(f.index(),
                    f.nextIdleToken()));
            return;
        }
        setState(f, State.Inactive, StateReasonCode.Idle, idleCause(f, idleFor), now);
        environments.reset(f, now);
        record(f, "idle reclaim", now, fleet.removeUsers(f.binding(), f.role(), now));
        f.setHoldsKeys(false);
    }

    /**
     * What the idle clock measured, told exactly: "not invoked for 14 days", or, when the clock started at the
     * function's activation (a restore or creation that ended after its last invocation: activation counts as a use,
     * README's modelling assumptions), "not invoked in the 7 days since it became Active": a teacher's review found
     * "not invoked for 7 days" 7 days after the end of a restore that an invocation 2m 46s earlier had started. At
     * time 0 (a function existing at the start) the run has nothing earlier, so the plain form is true. The span is
     * exact ({@link #exactSpan}): a rounded "20.0 days" for 19d 23h 45m was not.
     */
    private static String idleCause(LambdaFunction f, long idleFor) {
        boolean sinceActive = f.lastInvokedMicros() == f.stateSinceMicros() && f.stateSinceMicros() > 0;
        return sinceActive ? "not invoked in the " + exactSpan(idleFor) + " since it became Active"
                : "not invoked for " + exactSpan(idleFor);
    }

    /**
     * A span told exactly: as {@link #span} when it is whole days, hours, minutes or seconds ("14 days"), else in
     * parts, the terminal's form ("19d 23h 45m", "7d 2m 46s", "3m 0.25s"; split and told by {@link SpanParts}).
     */
    static String exactSpan(long micros) {
        SpanParts parts = SpanParts.of(micros);
        return parts.fractionMicros() == 0 && parts.unitsAboveZero() <= 1 ? span(micros) : parts.text();
    }

    // ---- versions and deletion -----------------------------------------------------------------------------

    void publishVersion(LambdaFunction f, long now) {
        if (unblock(f, "PublishVersion " + f.name(), now)) {
            return;
        }
        if (f.state() != State.Active || f.attachment() != null) {
            reject(f, "PublishVersion", "", "ResourceConflictException", " (function " + f.state() + ")", now);
            return;
        }
        addUsers(f, f.binding(), now);
        int n = f.publishVersion();
        // "version 1 pins with subnets ..." did not parse as English: what the version keeps, said plainly
        listener.controlAction("PublishVersion " + f.name() + " -> version " + n + ", published" + describe(
                f.binding()) + (f.binding().attached() ? "; it keeps their ENIs while it exists" : ""), now);
    }

    void deleteVersion(LambdaFunction f, int version, long now) {
        Binding b = f.deleteVersion(version);
        if (b == null) {
            reject(f, "DeleteFunction", ":" + version, "ResourceNotFoundException", "", now);
            return;
        }
        listener.controlAction("DeleteFunction " + f.name() + ":" + version, now);
        record(f, "deleteVersion " + version, now, fleet.removeUsers(b, f.role(), now));
    }

    void delete(LambdaFunction f, long now) {
        if (f.state() == null || f.state() == State.Deleted) {
            reject(f, "DeleteFunction", "", "ResourceNotFoundException", "", now);
            return;
        }
        List<int[]> own = new ArrayList<>(); // what it holds, to say which keys' ENIs stay for others
        if (f.holdsKeys()) {
            own.add(f.binding().keys());
        }
        if (f.attachment() != null && f.attachment().purpose() == Purpose.UPDATE) {
            own.add(f.attachment().binding().keys());
        }
        for (Binding v : f.versions()) {
            if (v != null) {
                own.add(v.keys());
            }
        }
        List<String> kept = fleet.keptByOthers(own);
        // a teacher's "why is its ENI still there?": the ENI is the key's, not the function's
        listener.controlAction("DeleteFunction " + f.name() + (kept.isEmpty() ? "" : " (the ENI" + (kept.size() == 1
                ? " of " + kept.get(0) + " stays: another function or version uses that key"
                : "s of " + String.join(", ", kept) + " stay: other functions or versions use those keys") + ")"), now);
        List<EniId> deleting = new ArrayList<>();
        if (f.holdsKeys()) {
            deleting.addAll(fleet.removeUsers(f.binding(), f.role(), now));
            f.setHoldsKeys(false);
        }
        Attachment a = f.attachment();
        if (a != null && a.purpose() == Purpose.UPDATE) {
            deleting.addAll(fleet.removeUsers(a.binding(), f.role(), now));
        }
        f.setAttachment(null);
        for (int v = 1; v <= f.versions().size(); v++) {
            Binding b = f.deleteVersion(v);
            if (b != null) {
                deleting.addAll(fleet.removeUsers(b, f.role(), now));
            }
        }
        environments.deleteProvisioned(f, now);
        setState(f, State.Deleted, null, "DeleteFunction", now);
        fleet.deleted(f.index());
        environments.reset(f, now);
        teardowns.add(new Teardown(f.index(), "deleteFunction", now, now, deleting));
    }

    /**
     * {@code f} starts using the binding's keys ({@link EniFleet#addUsers}); an ENI whose deletion it cancels (it
     * takes back an ENI being deleted, {@code hyperplane.reuseDeletingEni}) is said in the actions (by the fleet) and
     * kept in {@link #cancellations}, so that the teardown that started the deletion can say why it never finished.
     */
    private void addUsers(LambdaFunction f, Binding b, long now) {
        for (EniFleet.Cancelled c : fleet.addUsers(b, f.name(), now)) {
            cancellations.add(new DeletionCancelled(c.eni(), c.requestedMicros(), now, f.index()));
        }
    }

    private void record(LambdaFunction f, String action, long now, List<EniId> deleting) {
        if (!deleting.isEmpty()) {
            teardowns.add(new Teardown(f.index(), action, now, now, deleting));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /**
     * Lambda refused the timeline's {@code action} on {@code f} (its version {@code qualifier}, ":3", or ""):
     * said in the actions ("UpdateFunctionConfiguration api rejected: ResourceConflictException (function Active,
     * update in progress)", {@code detail} the parenthesis) and kept in {@link #rejections} for the run's result.
     */
    private void reject(LambdaFunction f, String action, String qualifier, String error, String detail, long now) {
        listener.controlAction(action + " " + f.name() + qualifier + " rejected: " + error + detail, now);
        rejections.add(new RejectedAction(now, action, f.name() + qualifier, error));
    }

    void setState(LambdaFunction f, State state, StateReasonCode reason, String cause, long now) {
        f.transition(state, reason, cause, now);
        listener.functionState(f.index(), state, reason, cause, now);
    }

    private void setLastUpdate(LambdaFunction f, LastUpdateStatus status, StateReasonCode reason, long now) {
        f.setLastUpdate(status, reason);
        listener.functionUpdate(f.index(), status, reason, now);
    }

    private static String describe(Binding b) {
        if (!b.attached()) {
            return " without VpcConfig";
        }
        return " with subnets " + String.join(", ", b.subnetIds()) + " and security groups ["
                + String.join(", ", b.securityGroupIds()) + "]";
    }

    /**
     * Why a creation failed without trying: "ENI creation for subnet-a+[sg-a] is backing off after its failure 2 min
     * before (SubnetOutOfIPAddresses); Lambda tries again only 3 min from now (hyperplane.eniRetryBackoff)", the role
     * named when the back-off is its own (its permissions). Spans, not clock times: the model knows no start date.
     */
    static String backingOff(String key, EniBackOffs.BackOff held, long now) {
        long ago = now - held.failedAtMicros();
        return "ENI creation for " + key + (held.role() == null ? "" : " by role " + held.role())
                + " is backing off after its failure " + (ago == 0 ? "at this instant" : span(ago) + " before") + " ("
                + held.why().reason() + "); Lambda tries again only " + span(held.retryAtMicros() - now)
                + " from now (hyperplane.eniRetryBackoff)";
    }

    /** A span as people say it in the narrative ({@link Spans#of}). */
    static String span(long micros) {
        return Spans.of(micros);
    }
}
