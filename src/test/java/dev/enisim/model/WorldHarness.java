package dev.enisim.model;

import dev.enisim.engine.EventLoop;
import dev.enisim.model.function.State;
import dev.enisim.model.network.Cidr;
import dev.enisim.random.RandomStreams;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A world on a real event loop with fixed delays, for model tests: add to {@link #build}, then invoke and advance. */
final class WorldHarness {

    static final long SEC = 1_000_000L;
    static final long DAY = 86_400 * SEC;
    static final long IDLE_AFTER = 14 * DAY;
    static final long DELETE_MICROS = 600 * SEC;
    static final long KEEP_ALIVE = 600 * SEC;
    static final long STUCK_PENDING_AFTER = 360 * SEC;
    static final int REGION_DEFAULT = 5000;

    final EventLoop<SimEvent> loop = new EventLoop<>();
    final Port port = Port.of(loop);
    final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    final List<String> log = new ArrayList<>();
    final WorldBuilder build;
    private World world;
    /** Every notification the world sent (the listener below sees them too). */
    final Notifications seen;
    long timeoutMicros = 900 * SEC;

    WorldHarness(int accountLimit, int connectionsPerEni, long createMicros, long attachMicros) {
        this(accountLimit, connectionsPerEni, createMicros, attachMicros, Scaling.DEFAULT, (Legacy) null);
    }

    int coldStarts;
    final List<Long> latencies = new ArrayList<>();

    WorldHarness(int accountLimit, int connectionsPerEni, long createMicros, long attachMicros, Scaling scaling,
            Legacy legacy) {
        this(accountLimit, connectionsPerEni, createMicros, attachMicros, scaling, legacy,
                ProvisionedAllocation.DEFAULT);
    }

    WorldHarness(int accountLimit, int connectionsPerEni, long createMicros, long attachMicros, Scaling scaling,
            Legacy legacy, ProvisionedAllocation provisioning) {
        this(accountLimit, connectionsPerEni, createMicros, attachMicros, scaling,
                legacy == null ? HyperplaneNetworking.INSTANCE : new LegacyNetworking(legacy), REGION_DEFAULT,
                provisioning);
    }

    /** @param regionLimit EC2's network interfaces per Region */
    WorldHarness(int accountLimit, int connectionsPerEni, long createMicros, long attachMicros, Scaling scaling,
            Legacy legacy, int regionLimit) {
        this(accountLimit, connectionsPerEni, createMicros, attachMicros, scaling,
                legacy == null ? HyperplaneNetworking.INSTANCE : new LegacyNetworking(legacy), regionLimit,
                ProvisionedAllocation.DEFAULT);
    }

    /** A Hyperplane world with its own EC2 request limit and scale-out answer. */
    static WorldHarness hyperplane(int accountLimit, int connectionsPerEni, long createMicros, long attachMicros,
            HyperplaneNetworking networking) {
        return new WorldHarness(accountLimit, connectionsPerEni, createMicros, attachMicros, Scaling.DEFAULT,
                (Networking) networking, REGION_DEFAULT, ProvisionedAllocation.DEFAULT);
    }

    private WorldHarness(int accountLimit, int connectionsPerEni, long createMicros, long attachMicros,
            Scaling scaling, Networking networking, int regionLimit, ProvisionedAllocation provisioning) {
        WorldListener recorder = new WorldListener() {
            @Override
            public void invocation(int function, Outcome outcome, long nowMicros) {
                outcomes.merge(outcome, 1, Integer::sum);
            }

            @Override
            public void concurrency(int function, int functionInFlight, int accountInFlight, long nowMicros) {
            }

            @Override
            public void connections(int key, int keyConnections, long nowMicros) {
            }

            @Override
            public void latency(int function, long latencyMicros, boolean coldStart, long nowMicros) {
                latencies.add(latencyMicros);
                if (coldStart) {
                    coldStarts++;
                }
            }

            @Override
            public void eniState(dev.enisim.model.eni.EniId eni, dev.enisim.model.eni.EniState from,
                    dev.enisim.model.eni.EniState to, long nowMicros) {
                log.add(nowMicros / SEC + "s " + eni.name() + " " + to);
            }

            @Override
            public void subnetIps(int subnet, int availableIps, long nowMicros) {
            }

            @Override
            public void functionUpdate(int function, dev.enisim.model.function.LastUpdateStatus status,
                    dev.enisim.model.function.StateReasonCode reason, long nowMicros) {
                log.add(nowMicros / SEC + "s " + world().snapshot().functions().get(function).name() + " LastUpdateStatus "
                        + status + (reason == null ? "" : "/" + reason));
            }

            @Override
            public void functionState(int function, State state, dev.enisim.model.function.StateReasonCode reason,
                    String cause, long nowMicros) {
                log.add(nowMicros / SEC + "s " + world().snapshot().functions().get(function).name() + " " + state
                        + (reason == null ? "" : "/" + reason));
            }
        };
        seen = new Notifications(recorder);
        build = new WorldBuilder(new WorldSettings(new TestSettings(accountLimit, connectionsPerEni, 300 * SEC,
                IDLE_AFTER, KEEP_ALIVE, scaling, WarmRouting.MOST_RECENTLY_USED, regionLimit, STUCK_PENDING_AFTER,
                provisioning),
                WorldSettings.EniTimings.shared(() -> createMicros, () -> attachMicros, () -> DELETE_MICROS),
                networking,
                WorldSettings.NO_DRAWS), port, seen);
        loop.setPlainHandler((kind, payload, now) -> {
            world().handle(kind, payload, now);
            world().checkInvariants();
        });
    }

    /**
     * The running world: built from {@link #build} on first use (add VPCs, subnets and functions before; a change
     * afterwards is a timeline event).
     */
    World world() {
        if (world == null) {
            world = build.build();
        }
        return world;
    }

    static WorldHarness standard() {
        return standard(ProvisionedAllocation.DEFAULT);
    }

    /** The standard harness with another provisioned-concurrency allocation. */
    static WorldHarness standard(ProvisionedAllocation provisioning) {
        return standard(60 * SEC, provisioning);
    }

    /** The standard harness with ENIs taking {@code createMicros} to create. */
    static WorldHarness standard(long createMicros, ProvisionedAllocation provisioning) {
        WorldHarness h = new WorldHarness(1000, 65_000, createMicros, 5 * SEC, Scaling.DEFAULT, null, provisioning);
        h.build.addVpc("vpc-1", 500);
        h.build.addSecurityGroup("vpc-1", "sg-a");
        h.build.addSecurityGroup("vpc-1", "sg-b");
        h.build.addSubnet("vpc-1", "subnet-1", Cidr.parse("10.0.1.0/28"), "az-1", 3);
        h.build.addSubnet("vpc-1", "subnet-2", Cidr.parse("10.0.2.0/24"), "az-2", 0);
        return h;
    }

    int function(String name, List<String> subnets, List<String> groups) {
        return function(name, subnets, groups, -1, 1);
    }

    /** A function with cold-start init {@code initMicros}, a DB pool and provisioned concurrency. */
    int function(String name, int memoryMb, List<String> subnets, List<String> groups, int connectionsPerEnvironment,
            int provisioned, long initMicros) {
        return build.addFunction(new TestFunction(name, memoryMb, timeoutMicros, java.util.OptionalInt.empty(), 1,
                connectionsPerEnvironment, provisioned, name + "-role", subnets, groups),
                new RandomStreams(1, 0).stream("function/" + name + "/subnet"), () -> initMicros);
    }

    int function(String name, List<String> subnets, List<String> groups, int reserved, int connections) {
        return build.addFunction(TestFunction.of(name, timeoutMicros, reserved, connections, subnets, groups),
                new RandomStreams(1, 0).stream("function/" + name + "/subnet"), () -> 0L);
    }

    /** A VPC "vpc" with quota {@code eniQuota} and one security group "sg" (add subnets with {@link #subnet}). */
    void vpcWithSg(int eniQuota) {
        build.addVpc("vpc", eniQuota);
        build.addSecurityGroup("vpc", "sg");
    }

    /** A subnet of VPC "vpc" with no other tenants' addresses. Returns its index. */
    int subnet(String id, String cidr, String az) {
        return build.addSubnet("vpc", id, Cidr.parse(cidr), az, 0);
    }

    /**
     * A function without VpcConfig (128 MB, no reserved concurrency, no init time), created at 0 and run to 0: Active
     * at once (a function without VpcConfig needs no ENI). Returns its index.
     */
    int activeWithoutVpc(String name) {
        int f = function(name, List.of(), List.of());
        create(f, 0);
        advanceTo(0);
        return f;
    }

    /**
     * A function in subnet-1 with sg-a holding a pool of 10 connections per environment (128 MB), created at 0, and at
     * 60 s (its ENI ready) one invocation of 1 s that succeeds: one warm environment holding its pool. Returns its index.
     */
    int warmWithPool(String name) {
        int f = function(name, 128, List.of("subnet-1"), List.of("sg-a"), 10, 0, 0);
        create(f, 0);
        advanceTo(60 * SEC);
        org.junit.jupiter.api.Assertions.assertEquals(Outcome.SUCCESS, invoke(f, SEC), "the first invocation");
        return f;
    }

    /** The function "api" in subnet-1 with sg-a (one connection per invocation), created at 0. Returns its index. */
    int createdApi() {
        int f = function("api", List.of("subnet-1"), List.of("sg-a"));
        create(f, 0);
        return f;
    }

    /** A VpcConfig of subnet and security group ids, as the world's indices (the world is built by then). */
    SimEvent.VpcConfig vpc(List<String> subnetIds, List<String> groupIds) {
        return world().network().vpcConfig(subnetIds, groupIds);
    }

    void create(int function, long atMicros) {
        at(atMicros, new SimEvent.CreateFunction(function));
    }

    void at(long atMicros, SimEvent action) {
        loop.schedule(atMicros, SimEvent.PRIORITY_CONTROL, action);
    }

    WorldSnapshot.EniView eni(int id) {
        return world().snapshot().enis().get(id - 1);
    }

    void advanceTo(long micros) {
        loop.runUntil(micros, (e, now) -> {
            world().handle(e, now);
            world().checkInvariants();
        });
    }

    Outcome invoke(int function, long durationMicros) {
        Outcome o = world().invoke(function, loop.nowMicros(), durationMicros);
        world().checkInvariants();
        return o;
    }

    /** Free addresses of subnet {@code subnet} now. */
    int availableIps(int subnet) {
        return world().snapshot().subnets().get(subnet).availableIps();
    }

    /** Functions and versions using key {@code key} now. */
    int users(int key) {
        return world().fleet().pools.get(key).users();
    }

    State state(int function) {
        return world().snapshot().functions().get(function).state();
    }
}
