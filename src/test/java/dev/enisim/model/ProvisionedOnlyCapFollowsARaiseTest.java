package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Under {@code requestRateCap: provisionedOnly} the cap on what provisioned environments serve is 10 x the provisioned
 * concurrency allocated now: a raise that is allocated raises it (the function's bucket is made again for the new
 * figure), so traffic within the new cap stays on provisioned environments, with no cold start.
 */
class ProvisionedOnlyCapFollowsARaiseTest {

    @Test
    void aRaisedProvisionedConcurrencyServesUpToItsNewCap() {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT, null,
                new ProvisionedAllocation(90 * SEC, 6000, true, false));
        int f = h.function("f", 128, List.of(), List.of(), 0, 5, 0); // outside any VPC: Active at once
        h.create(f, 0);
        h.advanceTo(SEC);
        for (long t = SEC; t < 3 * SEC; t += 25_000) { // 40/s, within 10 x 5
            h.advanceTo(t);
            assertEquals(Outcome.SUCCESS, h.world().invoke(f, t, 500));
        }
        assertEquals(0, h.coldStarts, "within the cap of 50/s");
        h.at(10 * SEC, new SimEvent.PutProvisionedConcurrency(f, 10));
        h.advanceTo(200 * SEC);
        assertEquals(List.of(10, 10), List.of(h.seen.provisioned.get(f)[0], h.seen.provisioned.get(f)[1]),
                "requested and allocated");
        for (long t = 200 * SEC; t < 205 * SEC; t += 12_500) { // 80/s: over the old cap, within 10 x 10
            h.advanceTo(t);
            assertEquals(Outcome.SUCCESS, h.world().invoke(f, t, 500));
        }
        assertEquals(0, h.coldStarts, "within the new cap of 100/s: every request on a provisioned environment");
    }
}
