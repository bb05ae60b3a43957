package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The legacy (pre-2019) model: a cold start makes its function's ENI, Creating for the attach time it waits (10 s
 * here). A function deleted meanwhile leaves an ENI nobody uses: when it is ready it is deleted at once (the
 * deletion takes 600 s), not kept InUse with its IP for ever.
 */
class LegacyEniOfADeletedFunctionTest {

    @Test
    void anEniReadyAfterItsFunctionWasDeletedIsDeleted() {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT,
                new Legacy(() -> 10 * SEC, 10_000, 10_000));
        h.vpcWithSg(500);
        h.subnet("s", "10.0.1.0/24", "az-1");
        int f = h.function("legacy", 3072, List.of("s"), List.of("sg"), 0, 0, 0);
        h.create(f, 0);
        h.advanceTo(SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC), "a cold start waiting 10 s for the ENI it makes");
        h.at(5 * SEC, new SimEvent.DeleteFunction(f));
        h.advanceTo(700 * SEC);
        assertEquals(List.of("1s eni-0001 Creating", "11s eni-0001 InUse", "11s eni-0001 Deleting",
                "611s eni-0001 Deleted"), h.log.stream().filter(l -> l.contains("eni-0001")).toList());
    }
}
