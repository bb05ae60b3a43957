package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.engine.EventLoop;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.model.network.Cidr;
import dev.enisim.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * The model's public entry ({@link LambdaService} and its builder) as a run declares and drives it: declarations
 * numbered in the order made (VPCs, security groups, subnets, NAT gateways, accounts), nothing declared once built,
 * each event handed to its owner (the asynchronous queue's retries, the SQS poller's steps and scale-ups, the
 * world's events and invocations' ends), and a synchronous arrival running for the duration drawn for it (the
 * function's own, or the table given for all).
 */
class ServiceDeclarationsAndDispatchTest {

    private final EventLoop<SimEvent> loop = new EventLoop<>();
    /** "seconds fact" for each invocation, concurrency change, message deleted and NAT connection count. */
    private final List<String> facts = new ArrayList<>();
    /** "seconds function state/reason: cause" for each change of a function's state. */
    private final List<String> states = new ArrayList<>();

    private String at(long nowMicros) {
        return nowMicros % SEC == 0 ? nowMicros / SEC + "s " : nowMicros / 1000 + "ms ";
    }

    /**
     * Two VPCs, each with a security group, a subnet in az-1 and a NAT gateway; accounts "acct-a" and "acct-b";
     * in vpc-1, function 0 "sync" (runs {@code syncMicros}), 1 "async" (retries while Pending), 2 "queue" (fed by
     * an SQS queue, batches of 1) and 3 "egress" (its one connection an invocation through vpc-1's gateway), each
     * but "sync" running 1 s. ENIs take 1 s to create.
     */
    private LambdaService.Builder declared(long syncMicros) {
        WorldSettings settings = LambdaServiceTest.settingsOfOneSecond();
        WorldListener world = new WorldListener() {
            @Override
            public void invocation(int function, Outcome outcome, long nowMicros) {
                facts.add(at(nowMicros) + "invoked " + function + " " + outcome.name());
            }

            @Override
            public void concurrency(int function, int functionInFlight, int accountInFlight, long nowMicros) {
                facts.add(at(nowMicros) + "in flight " + function + ": " + functionInFlight);
            }

            @Override
            public void natConnections(int gateway, int destination, int connections, long nowMicros) {
                facts.add(at(nowMicros) + "nat " + gateway + "/" + destination + " " + connections);
            }

            @Override
            public void functionState(int function, State state, StateReasonCode reason, String cause,
                    long nowMicros) {
                states.add(at(nowMicros) + function + " " + state + "/" + reason + ": " + cause);
            }
        };
        SqsListener sqs = new SqsListener() {
            @Override
            public void deleted(int function, int messages, long nowMicros) {
                facts.add(at(nowMicros) + "deleted " + function + " " + messages);
            }
        };
        LambdaService.Builder b = LambdaService.builder(settings, Port.of(loop), world, AsyncListener.NONE, sqs);
        assertEquals(0, b.addVpc("vpc-1", 500, 0));
        assertEquals(1, b.addVpc("vpc-2", 500, 0));
        assertEquals(0, b.addSecurityGroup("vpc-1", "sg-1"));
        assertEquals(1, b.addSecurityGroup("vpc-2", "sg-2"));
        assertEquals(0, b.addSubnet("vpc-1", "subnet-1", Cidr.parse("10.0.1.0/24"), "az-1", 0));
        assertEquals(1, b.addSubnet("vpc-2", "subnet-2", Cidr.parse("10.1.1.0/24"), "az-1", 0));
        assertEquals(0, b.addNatGateway("vpc-1", "nat-1", "az-1", 1));
        assertEquals(1, b.addNatGateway("vpc-2", "nat-2", "az-1", 1));
        b.setFirstAccount("acct-a");
        assertEquals(1, b.addAccount("acct-b", 100));
        RandomStreams streams = new RandomStreams(1, 0);
        List<String> names = List.of("sync", "async", "queue", "egress");
        for (String name : names) {
            LongSupplier duration = name.equals("sync") ? () -> syncMicros : () -> SEC;
            int i = b.addFunction(TestFunction.of(name, 900 * SEC, -1, 1, List.of("subnet-1"), List.of("sg-1")),
                    streams.stream(name + "/subnet"), () -> 0L, 0, duration);
            assertEquals(names.indexOf(name), i);
        }
        b.asynchronous(1, AsyncInvocationsTest.config(0, 3600 * SEC, false, true), streams.stream("delivery"));
        b.fedByQueue(2, SqsEventSourceTest.config(1, 1000, 300 * SEC, 3));
        b.addEgress(3, "api", 1.0, false);
        return b;
    }

    /** The model built from {@code b}, its four functions created at 0 (Active at 1 s, when their ENI is ready). */
    private LambdaService created(LambdaService.Builder b) {
        LambdaService s = b.build();
        loop.setPlainHandler(s::handle);
        for (int f = 0; f < 4; f++) {
            loop.schedule(0, SimEvent.PRIORITY_CONTROL, new SimEvent.CreateFunction(f));
        }
        return s;
    }

    private void run(LambdaService s, long untilMicros) {
        loop.runUntil(untilMicros, (e, now) -> {
            s.handle(e, now);
            s.checkInvariants();
        });
    }

    private long count(String fact) {
        return facts.stream().filter(fact::equals).count();
    }

    /** The asynchronous event of 0.5 s finds its function Pending (ResourceConflict): Lambda retries it 1 s later. */
    @Test
    void anAsynchronousRetryReachesTheQueue() {
        LambdaService s = created(declared(SEC));
        run(s, 500_000);
        s.arrive(1, 500_000);
        run(s, 1_500_000);
        assertEquals(List.of("500ms invoked 1 RESOURCE_CONFLICT", "1500ms in flight 1: 1", "1500ms invoked 1 SUCCESS"),
                facts);
    }

    /**
     * Seven messages at 10 s for the queue's function: 5 batches at once, then one more every 0.2 s (scale-up
     * steps); each runs 1 s and its message is deleted when it completes.
     */
    @Test
    void theSqsPollersStepsAndScaleUpsReachThePoller() {
        LambdaService s = created(declared(SEC));
        run(s, 10 * SEC);
        for (int i = 0; i < 7; i++) {
            s.arrive(2, 10 * SEC);
        }
        assertEquals(5, count("10s invoked 2 SUCCESS"));
        run(s, 10_400_000);
        assertEquals(1, count("10200ms invoked 2 SUCCESS"));
        assertEquals(1, count("10400ms invoked 2 SUCCESS"));
        run(s, 11_400_000);
        assertEquals(5, count("11s deleted 2 1"));
        assertEquals(1, count("11200ms deleted 2 1"));
        assertEquals(1, count("11400ms deleted 2 1"));
    }

    /** The egress function's invocation at 20 s opens its connection through nat-1 and closes it at 21 s. */
    @Test
    void aDeclaredEgressGoesThroughItsVpcsGateway() {
        LambdaService s = created(declared(SEC));
        run(s, 20 * SEC);
        s.arrive(3, 20 * SEC);
        run(s, 30 * SEC);
        // the connection opens before the invocation is reported; its release was scheduled before the end
        assertEquals(List.of("20s nat 0/0 1", "20s in flight 3: 1", "20s invoked 3 SUCCESS", "21s nat 0/0 0",
                "21s in flight 3: 0"), facts.subList(facts.indexOf("20s nat 0/0 1"), facts.size()));
    }

    @Test
    void aSynchronousArrivalRunsForTheDurationItsFunctionDraws() {
        assertEquals(List.of("20s in flight 0: 1", "20s invoked 0 SUCCESS", "27s in flight 0: 0"),
                syncArrivalAt20s(declared(7 * SEC)));
    }

    /** A table of durations for all functions is what a synchronous arrival draws from, not the function's own. */
    @Test
    void aSynchronousArrivalRunsForTheDurationTheTableDrawsWhenOneIsGiven() {
        LambdaService.Builder b = declared(7 * SEC);
        b.durations(f -> 3 * SEC);
        assertEquals(List.of("20s in flight 0: 1", "20s invoked 0 SUCCESS", "23s in flight 0: 0"),
                syncArrivalAt20s(b));
    }

    /** The facts of an arrival of "sync" at 20 s in the model built from {@code b}, to 30 s. */
    private List<String> syncArrivalAt20s(LambdaService.Builder b) {
        LambdaService s = created(b);
        run(s, 20 * SEC);
        facts.clear();
        s.arrive(0, 20 * SEC);
        run(s, 30 * SEC);
        return facts;
    }

    /**
     * An invocation's end is the only plain event: its function is the one in its payload; another kind is refused.
     * Reading its rows ahead reads something (the slot's and the function's rows: not nothing) and changes nothing.
     */
    @Test
    void anInvocationsEndIsThePlainEventOfItsFunction() {
        LambdaService s = created(declared(SEC));
        run(s, 20 * SEC);
        long payload = Invocations.end(3, 0);
        assertEquals(3, s.functionOf(SimEvent.INVOCATION_END, payload));
        assertEquals(-1, s.functionOf(SimEvent.INVOCATION_END + 1, payload));
        s.arrive(0, 20 * SEC); // slot 0: the first invocation of the run
        // its row is fetched by stores (FunctionRows.touchRow); none of its environments is idle: no slab line read
        assertEquals(0, s.touchArrival(0), "nothing read");
        assertNotEquals(0, s.touch(SimEvent.INVOCATION_END, Invocations.end(0, 0)));
        assertEquals(0, s.touch(SimEvent.INVOCATION_END + 1, payload), "no other plain event is read ahead");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.handle(SimEvent.INVOCATION_END + 1, payload, 20 * SEC));
        assertEquals("no plain event of kind " + (SimEvent.INVOCATION_END + 1), e.getMessage());
        run(s, 30 * SEC);
        assertEquals(List.of("20s in flight 0: 1", "20s invoked 0 SUCCESS", "21s in flight 0: 0"),
                facts.subList(facts.indexOf("20s in flight 0: 1"), facts.size()));
    }

    /**
     * "sync", Active at 1 s (when its key's first ENI is ready) and never invoked, is reclaimed 14 days later: its
     * state says for how long it was not invoked, and that the clock started when it became Active (its activation
     * counts as a use: a teacher's review found "not invoked for 7 days" after a restore that an invocation minutes
     * earlier had started).
     */
    @Test
    void anIdleFunctionGoesInactiveSayingHowLongItWasNotInvoked() {
        LambdaService s = created(declared(SEC));
        run(s, 20 * WorldHarness.DAY);
        assertEquals("1s 0 Active/null: all ENIs ready",
                states.stream().filter(t -> t.contains(" 0 Active")).findFirst().orElseThrow());
        long reclaimed = 1 + 14 * 86_400;
        assertEquals(reclaimed + "s 0 Inactive/Idle: not invoked in the 14 days since it became Active",
                states.stream().filter(t -> t.contains(" 0 Inactive")).findFirst().orElseThrow());
    }

    /** A slot's read ahead reads that slot's row: slot 1's moves with slot 1's row, not with slot 0's. */
    @Test
    void aSlotsReadAheadReadsItsOwnRow() {
        Invocations inv = new Invocations();
        int zero = inv.start(1, 2, 3, 4, 5, 6, false, 100);
        int one = inv.start(7, 8, 9, 10, 11, 12, true, 200);
        long before = inv.touch(one);
        inv.finish(zero);
        assertEquals(zero, inv.start(9, 2, 3, 4, 5, 6, false, 999)); // slot 0's first and last longs change
        assertEquals(before, inv.touch(one), "slot 0's row is not read");
        inv.finish(one);
        assertEquals(one, inv.start(7, 8, 9, 10, 11, 12, true, 201));
        assertNotEquals(before, inv.touch(one));
    }

    @Test
    void nothingIsDeclaredOnceBuilt() {
        LambdaService.Builder b = declared(SEC);
        assertEquals(3, b.addOtherRegionInterfaces(3), "the Region has room: all of them");
        b.build();
        assertThrows(IllegalStateException.class, () -> b.durations(f -> SEC));
        WorldHarness h = WorldHarness.standard();
        h.build.setFirstAccount("acct-a");
        h.world();
        WorldBuilder w = h.build;
        assertThrows(IllegalStateException.class, () -> w.addNatGateway("vpc-1", "nat-9", "az-1", 1));
        assertThrows(IllegalStateException.class, () -> w.addEgress(0, "api", 1.0, false));
        assertThrows(IllegalStateException.class, () -> w.addSecurityGroup("vpc-1", "sg-9"));
        assertThrows(IllegalStateException.class, () -> w.setFirstAccount("acct-9"));
        assertThrows(IllegalStateException.class, () -> w.addAccount("acct-9", 10));
        assertThrows(IllegalStateException.class, () -> w.addOtherRegionInterfaces(1));
    }
}
