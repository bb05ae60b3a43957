package dev.enisim.model;

import dev.enisim.model.function.StateReasonCode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every event of the simulation: small immutable records behind one sealed interface, dispatched in one place
 * ({@link World#handle}; arrivals in the run's handler). Priorities order events that fall on the same
 * microsecond: control-plane actions first, then ENI lifecycle, then completions (which free capacity), then
 * arrivals.
 */
public sealed interface SimEvent {

    int PRIORITY_CONTROL = 0;
    int PRIORITY_ENI = 1;
    int PRIORITY_COMPLETION = 2;
    int PRIORITY_ARRIVAL = 3;

    /** The next invocation of a function arrives. One instance per function is reused. */
    record Arrival(int function) implements SimEvent {
    }

    /**
     * The kind of the plain event (no object: {@link Port#schedule(long, int, int, long)}, handled by {@link
     * World#handle(int, long, long)}) that ends an admitted invocation, which gives back its concurrency and
     * connections, and its execution environment. What it gives back is in the model's table of invocations in
     * flight ({@link Invocations}); the payload is the function's index and the invocation's slot in that table
     * ({@link Invocations#end}), so that an invocation allocates nothing.
     */
    int INVOCATION_END = 0;

    /** Connections through a NAT gateway close (invocation over, or dropped after the idle timeout). */
    record NatRelease(int gateway, int destination, int address, int count) implements SimEvent {
    }

    /** An asynchronous event's next attempt (or its expiry): see {@link AsyncInvocations}. */
    record AsyncAttempt(AsyncEvent event) implements SimEvent {
    }

    /** An SQS poller may add concurrency now (its scale-up while messages remain). */
    record SqsScaleUp(int function) implements SimEvent {
    }

    /** Visible messages of an SQS queue never received may have outlived the queue's retention period. */
    record SqsRetention(int function) implements SimEvent {
    }

    /** The next step of an SQS batch: delete, retry, or its messages' return after the visibility timeout. */
    record SqsBatchStep(int function, SqsBatch batch) implements SimEvent {
    }

    /** Idle environments of a function may have outlived the keep-alive. */
    record EnvironmentExpiry(int function) implements SimEvent {
    }

    /** A new Hyperplane ENI finished creating. */
    record EniReady(HyperplaneEni eni) implements SimEvent {
    }

    /** A function finished attaching to a key that already had a ready ENI. */
    record AttachDone(int function, int key) implements SimEvent {
    }

    /**
     * Lambda finished deleting an ENI whose deletion was requested at {@code requestedMicros} (stale if reused);
     * {@code refused}: the releasing role lacked its EC2 permissions at the request, so the ENI is orphaned whatever
     * the role has by then (the event only waited for the invocations still on it).
     */
    record EniDeletionDone(HyperplaneEni eni, long requestedMicros, boolean refused) implements SimEvent {
    }

    /** Time to check whether a function has been idle long enough to be reclaimed (stale unless token matches). */
    record IdleCheck(int function, long token) implements SimEvent {
    }

    /** A provisioned-concurrency request finished allocating (stale unless {@code token} is the latest). */
    record ProvisionedReady(int function, long token) implements SimEvent {
    }

    // ---- control-plane actions of the scenario's timeline ----------------------------------------------------

    /**
     * A control-plane action: what a scenario's timeline holds (the loader builds these records, with every name
     * resolved to its index: functions, roles, subnets and Availability Zones are numbered in the order the
     * scenario defines them, which is the order the world is built in).
     */
    sealed interface Control extends SimEvent {
    }

    /**
     * A timeline action as the scenario file names it ({@code setOtherUsedIps}: AWS's vocabulary) and how its record
     * is read from the action's fields. Declared here, next to the records, so that a new action is its record, its
     * line in {@link #ACTIONS}, its case in {@link World#handle} and the owner's method: the loader gives every
     * action the same {@link ActionFields}.
     */
    record Action(String name, java.util.function.Function<ActionFields, Control> read) {
    }

    /**
     * What an action's reading asks of its fields in the file, names already resolved to the world's indices (in
     * the order the scenario defines them). The loader implements it: a field that is missing, unknown or out of
     * bounds is reported with its path (the action is then left out, so the value given back does not matter), and
     * the keys asked for are the action's allowed keys.
     */
    interface ActionFields {
        /** A required function name, as its index. */
        int function(String key);

        /** A required execution role name, as its index (roles in the order functions first name them). */
        int role(String key);

        /** A required subnet id, as its index (every VPC's, in VPC order). */
        int subnet(String key);

        /** An optional subnet id: empty when the key is absent. */
        OptionalInt optionalSubnet(String key);

        /** A required VPC id, as its index. */
        int vpc(String key);

        /** A required Availability Zone name, as its index (in the order subnets first name them). */
        int az(String key);

        /** A required whole number from {@code min} to {@code max}. */
        int count(String key, int min, int max);

        /**
         * A required number of addresses of {@code subnet} (its index; -1 when it was missing or unknown): from 0 to
         * the subnet's usable addresses (its size less the 5 AWS reserves).
         */
        int subnetAddresses(String key, int subnet);

        /**
         * A required provisioned concurrency for {@code function}: at least 1, at most the function's reserved
         * concurrency, or the account's unreserved concurrency when it has none.
         */
        int provisionedConcurrency(String key, int function);

        /** An optional VpcConfig ({@code {subnetIds, securityGroupIds}}, both empty: none): empty when absent. */
        Optional<VpcConfig> vpcConfig(String key);

        /** A required VpcConfig; {@code hint} says what to write when it is missing. */
        VpcConfig requiredVpcConfig(String key, String hint);

        /** When {@code key} is given, a time after the action's at which {@code end} happens. */
        void until(String key, Control end);
    }

    /** The timeline's actions, in the order the loader lists them in its messages. */
    List<Action> ACTIONS = List.of(
            new Action("createFunction", a -> new CreateFunction(a.function("function"), a.vpcConfig("vpcConfig"))),
            new Action("updateVpcConfig", a -> new UpdateVpcConfig(a.function("function"),
                    a.requiredVpcConfig("vpcConfig", "{subnetIds: [], securityGroupIds: []} detaches"))),
            new Action("publishVersion", a -> new PublishVersion(a.function("function"))),
            new Action("deleteVersion", a -> new DeleteVersion(a.function("function"),
                    a.count("version", 1, Integer.MAX_VALUE))),
            new Action("deleteFunction", a -> new DeleteFunction(a.function("function"))),
            new Action("deleteRole", a -> new SetRolePermissions(a.role("role"), false, true)),
            new Action("revokeRolePermissions", a -> new SetRolePermissions(a.role("role"), false, false)),
            new Action("grantRolePermissions", a -> new SetRolePermissions(a.role("role"), true, false)),
            new Action("setOtherUsedIps", a -> {
                int subnet = a.subnet("subnet");
                return new SetOtherUsedIps(subnet, a.subnetAddresses("otherUsedIps", subnet));
            }),
            new Action("setOtherUsedEnis", a -> new SetOtherUsedEnis(a.vpc("vpc"),
                    a.count("otherUsedEnis", 0, 10_000_000))),
            new Action("azOutage", a -> {
                int az = a.az("az");
                a.until("until", new AzAvailability(az, false));
                return new AzAvailability(az, true);
            }),
            new Action("deleteOrphanedEnis", a -> new DeleteOrphanedEnis(a.optionalSubnet("subnet"))),
            new Action("putProvisionedConcurrencyConfig", a -> {
                int f = a.function("function");
                return new PutProvisionedConcurrency(f, a.provisionedConcurrency("provisionedConcurrency", f));
            }),
            new Action("deleteProvisionedConcurrencyConfig", a -> new PutProvisionedConcurrency(a.function("function"),
                    0)));

    /**
     * A VpcConfig as the world's indices: subnets and security groups numbered in the order the scenario defines
     * them (every VPC's, in VPC order). Empty lists: not attached to a VPC.
     */
    record VpcConfig(List<Integer> subnets, List<Integer> securityGroups) {
        public static final VpcConfig NONE = new VpcConfig(List.of(), List.of());

        public VpcConfig {
            subnets = List.copyOf(subnets);
            securityGroups = List.copyOf(securityGroups);
        }
    }

    /**
     * CreateFunction (also re-creates a deleted function): with a new VpcConfig, or, when {@code vpcConfig} is
     * empty, the one the function has (its configured one, or the last it was given).
     */
    record CreateFunction(int function, Optional<VpcConfig> vpcConfig) implements Control {
        /** Creation with the function's current VpcConfig. */
        public CreateFunction(int function) {
            this(function, Optional.empty());
        }

        /** Creation with a new VpcConfig. */
        public CreateFunction(int function, VpcConfig vpcConfig) {
            this(function, Optional.of(vpcConfig));
        }
    }

    /**
     * A function that already exists at time 0 (imported): Active with its ENIs in place, or Inactive; or Failed
     * ({@code failed}, its StateReasonCode, not null): its creation failed before the run. An Active one starts with
     * {@code warmEnvironments} idle execution environments, as a running account has them ({@link LambdaService#warmEnvironments}).
     * An Inactive one whose last restore failed has that failure's code in {@code inactiveReason} (null: Idle).
     */
    record ExistingFunction(int function, boolean active, StateReasonCode failed, int warmEnvironments,
            StateReasonCode inactiveReason) implements Control {

        /** Active, Failed, or Inactive because idle (Idle). */
        public ExistingFunction(int function, boolean active, StateReasonCode failed, int warmEnvironments) {
            this(function, active, failed, warmEnvironments, null);
        }

        /** An existing Active or Inactive function, with no environment at time 0. */
        public ExistingFunction(int function, boolean active) {
            this(function, active, null, 0);
        }

        /** An existing function, with no environment at time 0. */
        public ExistingFunction(int function, boolean active, StateReasonCode failed) {
            this(function, active, failed, 0);
        }
    }

    /** UpdateFunctionConfiguration with a new VpcConfig (empty lists detach the function). */
    record UpdateVpcConfig(int function, VpcConfig vpcConfig) implements Control {
    }

    record PublishVersion(int function) implements Control {
    }

    record DeleteVersion(int function, int version) implements Control {
    }

    record DeleteFunction(int function) implements Control {
    }

    /**
     * The role loses (or, with {@code granted}, gets back) its EC2 network-interface permissions ({@code deleted}:
     * because it was deleted). Roles are numbered in the order functions first name them.
     */
    record SetRolePermissions(int role, boolean granted, boolean deleted) implements Control {
    }

    /** Other tenants of the subnet now use {@code count} addresses (as many as Lambda's ENIs leave free). */
    record SetOtherUsedIps(int subnet, int count) implements Control {
    }

    /** Other services' ENIs in the VPC (EFS mount targets...) now number {@code count} (as many as fit). */
    record SetOtherUsedEnis(int vpc, int count) implements Control {
    }

    /** An Availability Zone goes down ({@code down}) or comes back. */
    record AzAvailability(int az, boolean down) implements Control {
    }

    /** The account deletes orphaned ENIs by hand: those of one subnet, or of all ({@code subnet} empty). */
    record DeleteOrphanedEnis(OptionalInt subnet) implements Control {
    }

    /**
     * PutProvisionedConcurrencyConfig ({@code amount} > 0) or DeleteProvisionedConcurrencyConfig ({@code amount}
     * 0): see {@link ProvisionedAllocation} for when a raise becomes usable; a lowering is immediate.
     */
    record PutProvisionedConcurrency(int function, int amount) implements Control {
    }
}
