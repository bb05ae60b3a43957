package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.eni.EniState;
import java.util.List;
import java.util.OptionalLong;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The legacy model's ENI has a Creating phase of its own: it lasts the time the cold start that made it waits
 * (legacy.coldStartAttachTime), and cold starts placed on it meanwhile wait until it is ready.
 */
class LegacyEniCreatingPhaseTest {

    /** A legacy world whose cold starts draw these attach times, in turn. */
    private static WorldHarness legacy(long... attachMicros) {
        PrimitiveIterator.OfLong draws = LongStream.of(attachMicros).iterator();
        WorldHarness h = new WorldHarness(5000, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT,
                new Legacy(draws::nextLong, 100, 10));
        h.vpcWithSg(5000);
        h.subnet("s", "10.0.0.0/24", "az");
        return h;
    }

    private static WorldSnapshot.EniView eni(WorldHarness h, int i) {
        return h.world().snapshot().enis().get(i);
    }

    @Test
    void aNewEniIsCreatingForTheTimeItsColdStartWaits() {
        WorldHarness h = legacy(10 * SEC);
        int f = h.function("f", 3072, List.of("s"), List.of("sg"), 0, 0, 0);
        h.create(f, 0);
        h.advanceTo(SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC));
        assertEquals(EniState.Creating, eni(h, 0).state(), "being created while its cold start waits for it");
        assertEquals(OptionalLong.empty(), eni(h, 0).readyMicros());
        h.advanceTo(11 * SEC - 1);
        assertEquals(EniState.Creating, eni(h, 0).state());
        h.advanceTo(12 * SEC + 1);
        assertEquals(EniState.InUse, eni(h, 0).state());
        assertEquals(SEC, eni(h, 0).createdMicros());
        assertEquals(OptionalLong.of(11 * SEC), eni(h, 0).readyMicros(), "ready when its cold start's wait ends");
        assertEquals(List.of(11 * SEC), h.latencies, "the cold start's latency is unchanged: attach 10 s + 1 s");
    }

    @Test
    void aColdStartOnAnEniStillBeingCreatedWaitsForIt() {
        WorldHarness h = legacy(10 * SEC, 2 * SEC, 3 * SEC);
        int f = h.function("f", 1536, List.of("s"), List.of("sg"), 0, 0, 0); // two environments per ENI
        h.create(f, 0);
        h.advanceTo(0);
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC)); // makes eni-0001, ready at 10 s
        h.advanceTo(4 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC)); // its second slot: drew 2 s, but the ENI is ready at 10 s
        assertEquals(1, h.world().snapshot().enis().size(), "placed on the ENI being created, not on a new one");
        h.advanceTo(30 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC)); // a warm environment: no wait
        h.advanceTo(31 * SEC);
        assertEquals(List.of(11 * SEC, 7 * SEC, SEC), h.latencies,
                "10 s + 1 s; the second waits 6 s for the ENI (not its own 2 s) + 1 s; warm: 1 s");
        assertEquals(OptionalLong.of(10 * SEC), eni(h, 0).readyMicros());
    }

    @Test
    void aColdStartOnAReadyEniPaysOnlyItsOwnAttachTime() {
        WorldHarness h = legacy(2 * SEC, 3 * SEC);
        int f = h.function("f", 1536, List.of("s"), List.of("sg"), 0, 0, 0);
        h.create(f, 0);
        h.advanceTo(0);
        h.invoke(f, SEC);
        h.advanceTo(2 * SEC + 1); // eni-0001 ready at 2 s; its first environment runs until 3 s
        assertEquals(EniState.InUse, eni(h, 0).state());
        h.invoke(f, SEC);
        h.advanceTo(10 * SEC);
        assertEquals(List.of(3 * SEC, 4 * SEC), h.latencies, "2 s + 1 s, then 3 s + 1 s on the ready ENI");
        assertEquals(1, h.world().snapshot().enis().size());
    }
}
