package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.engine.EventLoop;
import dev.enisim.model.function.State;
import dev.enisim.model.network.Cidr;
import dev.enisim.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model's public entry, as a run uses it: declared in scenario order, then driven by arrivals and events. An
 * arrival goes where the function is invoked from (its SQS queue, Lambda's asynchronous queue, or straight to the
 * world), and the declarations end with {@code build()}.
 */
class LambdaServiceTest {

    private final EventLoop<SimEvent> loop = new EventLoop<>();
    private final List<String> facts = new ArrayList<>();

    /** The harness's standard settings, every ENI creation, deletion and init taking 1 s, no draws. */
    static WorldSettings settingsOfOneSecond() {
        return new WorldSettings(new TestSettings(1000, 65_000, 300 * SEC, WorldHarness.IDLE_AFTER,
                WorldHarness.KEEP_ALIVE, Scaling.DEFAULT, WarmRouting.MOST_RECENTLY_USED, WorldHarness.REGION_DEFAULT,
                WorldHarness.STUCK_PENDING_AFTER, ProvisionedAllocation.DEFAULT),
                WorldSettings.EniTimings.shared(() -> SEC, () -> SEC, () -> SEC),
                HyperplaneLimits.NONE, WorldSettings.NO_DRAWS);
    }

    /** Three functions in one subnet: 0 synchronous, 1 asynchronous, 2 fed by an SQS queue; each runs 1 s. */
    private LambdaService.Builder declared() {
        WorldSettings settings = settingsOfOneSecond();
        WorldListener world = new WorldListener() {
            @Override
            public void invocation(int function, Outcome outcome, long nowMicros) {
                facts.add("invoked " + function + " " + outcome.name());
            }
        };
        AsyncListener async = new AsyncListener() {
            @Override
            public void received(int function, long nowMicros) {
                facts.add("queued " + function);
            }
        };
        SqsListener sqs = new SqsListener() {
            @Override
            public void sent(int function, long nowMicros) {
                facts.add("sent " + function);
            }
        };
        LambdaService.Builder b = LambdaService.builder(settings, Port.of(loop), world, async, sqs);
        b.addVpc("vpc-1", 500, 0);
        b.addSecurityGroup("vpc-1", "sg-1");
        b.addSubnet("vpc-1", "subnet-1", Cidr.parse("10.0.1.0/24"), "az-1", 0);
        RandomStreams streams = new RandomStreams(1, 0);
        for (String name : List.of("sync", "async", "queue")) {
            int i = b.addFunction(TestFunction.of(name, 900 * SEC, -1, 1, List.of("subnet-1"), List.of("sg-1")),
                    streams.stream(name + "/subnet"), () -> 0L, 0, () -> SEC);
            assertEquals(List.of("sync", "async", "queue").indexOf(name), i, "indices in the order declared");
        }
        b.asynchronous(1, AsyncInvocationsTest.config(0, 3600 * SEC, false, false), streams.stream("delivery"));
        b.fedByQueue(2, SqsEventSourceTest.config(1, 1000, 300 * SEC, 3));
        return b;
    }

    /** The three functions created at 0 and Active once their ENI is ready (1 s). */
    private LambdaService active() {
        LambdaService s = declared().build();
        loop.setPlainHandler(s::handle); // invocations' ends
        for (int f = 0; f < 3; f++) {
            loop.schedule(0, SimEvent.PRIORITY_CONTROL, new SimEvent.CreateFunction(f));
        }
        loop.runUntil(10 * SEC, s::handle);
        for (int f = 0; f < 3; f++) {
            assertEquals(State.Active, s.snapshot().functions().get(f).state(), "function " + f);
        }
        return s;
    }

    @Test
    void anArrivalGoesWhereItsFunctionIsInvokedFrom() {
        LambdaService s = active();
        facts.clear();
        s.arrive(0, 10 * SEC);
        assertEquals(List.of("invoked 0 SUCCESS"), facts, "synchronous: invoked at once");
        facts.clear();
        s.arrive(1, 10 * SEC);
        assertEquals(List.of("invoked 1 SUCCESS", "queued 1"), facts, "asynchronous: its first attempt at once, queued");
        facts.clear();
        s.arrive(2, 10 * SEC);
        assertEquals("sent 2", facts.get(0), "fed by a queue: a message sent to it");
        loop.runUntil(20 * SEC, s::handle);
        assertEquals(1, facts.stream().filter(f -> f.equals("invoked 2 SUCCESS")).count(),
                "the poller invokes the function with the message's batch");
        s.checkInvariants();
    }

    @Test
    void eachArrivalDrawsItsDurationOnceFromItsFunction() {
        List<Integer> drawn = new ArrayList<>();
        LambdaService.Builder b = declared();
        // a fourth, synchronous function whose durations are counted on their own
        b.addFunction(TestFunction.of("counted", 900 * SEC, -1, 1, List.of("subnet-1"), List.of("sg-1")),
                new RandomStreams(1, 0).stream("counted/subnet"), () -> 0L, 0, () -> {
                    drawn.add(1);
                    return SEC;
                });
        LambdaService s = b.build();
        loop.setPlainHandler(s::handle);
        loop.schedule(0, SimEvent.PRIORITY_CONTROL, new SimEvent.CreateFunction(3));
        loop.runUntil(10 * SEC, s::handle);
        s.arrive(3, 10 * SEC);
        s.arrive(3, 11 * SEC);
        assertEquals(2, drawn.size());
    }

    @Test
    void nothingIsDeclaredOnceBuilt() {
        LambdaService.Builder b = declared();
        b.build();
        assertThrows(IllegalStateException.class, () -> b.addVpc("vpc-2", 500, 0));
        assertThrows(IllegalStateException.class, () -> b.fedByQueue(0, SqsEventSourceTest.config(1, 10, SEC, 1)));
        assertThrows(IllegalStateException.class,
                () -> b.asynchronous(0, AsyncInvocationsTest.config(0, SEC, false, false), null));
        assertThrows(IllegalStateException.class, b::build);
    }
}
