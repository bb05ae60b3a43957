package dev.enisim.model;

import static dev.enisim.model.WorldHarness.KEEP_ALIVE;
import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Execution environments, cold starts, keep-alive, provisioned concurrency and the scaling rate (issue 4). */
class EnvironmentsTest {

    private static Environments envs(WorldHarness h, int f) {
        return h.world().function(f).environments();
    }

    @Test
    void aWarmEnvironmentIsReusedAndOnlyTheFirstInvocationIsCold() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("api", 128, List.of(), List.of(), 0, 0, 400_000);
        h.create(f, 0);
        h.advanceTo(0);
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC));
        assertEquals(1_400_000L, h.latencies.get(0), "cold: init 400 ms + duration 1 s");
        h.advanceTo(1_399_999);
        assertEquals(1, h.world().accountInFlight(), "the environment is busy during init and the run");
        h.advanceTo(2 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC));
        assertEquals(1_000_000L, h.latencies.get(1), "warm: no init");
        assertEquals(1, h.coldStarts);
        assertEquals(1, envs(h, f).total());
    }

    @Test
    void idleEnvironmentsAreReclaimedAfterTheKeepAlive() {
        WorldHarness h = WorldHarness.standard();
        int f = h.activeWithoutVpc("api");
        h.invoke(f, SEC);
        h.invoke(f, SEC);
        h.advanceTo(SEC);
        assertEquals(2, envs(h, f).idle());
        h.advanceTo(SEC + KEEP_ALIVE - 1);
        assertEquals(2, envs(h, f).idle());
        h.advanceTo(SEC + KEEP_ALIVE);
        assertEquals(0, envs(h, f).total());
        h.invoke(f, SEC);
        assertEquals(3, h.coldStarts);
    }

    @Test
    void theMostRecentlyUsedEnvironmentIsReusedSoTheOldestExpire() {
        WorldHarness h = WorldHarness.standard();
        int f = h.activeWithoutVpc("api");
        h.invoke(f, SEC);
        h.invoke(f, 2 * SEC);
        h.advanceTo(2 * SEC);
        // every 5 minutes one invocation: it keeps one environment warm; the other expires
        for (long t = 300; t <= 1200; t += 300) {
            h.advanceTo(t * SEC);
            h.invoke(f, SEC);
        }
        assertEquals(1, envs(h, f).total());
        assertEquals(2, h.coldStarts);
    }

    @Test
    void provisionedEnvironmentsAreReadyWhenTheFunctionIsActiveAndHoldTheirPools() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("db", 128, List.of("subnet-2"), List.of("sg-a"), 10, 3, 500_000);
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(3, envs(h, f).provisioned());
        assertEquals(30, h.world().snapshot().keys().get(0).connections(), "3 pools of 10 connections");
        for (int i = 0; i < 3; i++) {
            assertEquals(Outcome.SUCCESS, h.invoke(f, 10 * SEC));
        }
        assertEquals(0, h.coldStarts);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 10 * SEC));
        assertEquals(1, h.coldStarts, "the fourth needs an on-demand environment");
        assertEquals(44, h.world().snapshot().keys().get(0).connections(), "4 pools + 4 invocations");
        h.advanceTo(60 * SEC + KEEP_ALIVE + 20 * SEC);
        assertEquals(3, envs(h, f).total(), "provisioned environments never expire");
        assertEquals(30, h.world().snapshot().keys().get(0).connections());
    }

    /**
     * Functions 0 and 1 ("a", "b"), 128 MB, each environment holding a database pool of 40 connections, on one key
     * of one subnet, Active at 65 s, each invoked once (a cold start of 100 s, both succeed).
     */
    static WorldHarness twoPoolsOfFortyInvokedOnce() {
        WorldHarness h = new WorldHarness(1000, 100, 60 * SEC, 5 * SEC);
        h.vpcWithSg(500);
        h.subnet("s", "10.0.0.0/24", "az");
        int a = h.function("a", 128, List.of("s"), List.of("sg"), 40, 0, 0);
        int b = h.function("b", 128, List.of("s"), List.of("sg"), 40, 0, 0);
        assertEquals(List.of(0, 1), List.of(a, b));
        h.create(a, 0);
        h.create(b, 0);
        h.advanceTo(65 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(a, 100 * SEC));
        assertEquals(Outcome.SUCCESS, h.invoke(b, 100 * SEC));
        return h;
    }

    @Test
    void databasePoolsFillASharedEniAndScaleItOut() {
        WorldHarness h = twoPoolsOfFortyInvokedOnce();
        int a = 0;
        assertEquals(82, h.world().snapshot().keys().get(0).connections());
        assertEquals(Outcome.FUNCTION_ERROR_NO_PORT, h.invoke(a, 100 * SEC), "no room for a third pool of 40");
        assertEquals(2, h.world().snapshot().enis().size(), "the shared key scales out");
    }

    @Test
    void theScalingRateAllowsAThousandNewEnvironmentsPerTenSeconds() {
        WorldHarness h = new WorldHarness(5000, 65_000, SEC, SEC);
        int f = h.activeWithoutVpc("burst");
        int ok = 0;
        for (int i = 0; i < 1500; i++) {
            ok += h.invoke(f, 600 * SEC) == Outcome.SUCCESS ? 1 : 0;
        }
        assertEquals(1000, ok);
        assertEquals(500, h.outcomes.get(Outcome.THROTTLED_RATE));
        h.advanceTo(5 * SEC);
        ok = 0;
        for (int i = 0; i < 1000; i++) {
            ok += h.invoke(f, 600 * SEC) == Outcome.SUCCESS ? 1 : 0;
        }
        assertEquals(500, ok, "refilled continuously: 500 in 5 s");
        h.advanceTo(100 * SEC);
        ok = 0;
        for (int i = 0; i < 2000; i++) {
            ok += h.invoke(f, 600 * SEC) == Outcome.SUCCESS ? 1 : 0;
        }
        assertEquals(1000, ok, "unused rate does not accumulate beyond 1,000");
    }

    /**
     * The AWS operator guide's on-demand scaling example, under the pre-2023 account burst (3,000, then +500 per
     * minute), account limit 10,000: requests arrive at the start of each minute and finish within it.
     */
    @Test
    void legacyBurstReproducesTheOperatorGuideExampleExactly() {
        int[][] cases = {{10_000}, {5000, 5000}, {3333, 3333, 3334}, {2500, 2500, 2500, 2500}};
        int[][] servedExpected = {{3000}, {3000, 3500}, {3000, 3333, 3334}, {2500, 2500, 2500, 2500}};
        for (int c = 0; c < cases.length; c++) {
            Scaling burst = new Scaling(Scaling.Model.LEGACY_BURST, 1000, 10 * SEC, 3000, 500, 60 * SEC);
            WorldHarness h = new WorldHarness(10_000, 65_000, SEC, SEC, burst, null);
            int f = h.function("api", 128, List.of(), List.of(), 0, 0, 0);
            h.create(f, 0);
            for (int minute = 0; minute < cases[c].length; minute++) {
                h.advanceTo(minute * 60 * SEC);
                int served = 0;
                for (int i = 0; i < cases[c][minute]; i++) {
                    served += h.invoke(f, 30 * SEC) == Outcome.SUCCESS ? 1 : 0;
                }
                assertEquals(servedExpected[c][minute], served, "case " + (c + 1) + ", minute " + (minute + 1));
            }
        }
    }

    /**
     * The legacy burst counts from the start of a scaling episode (the first environment made while the account had
     * none), not from time 0: a burst of 2, then 2 more per minute. Nothing runs until 1,000 s; then 3 requests (of
     * 600 s) get 2 environments, and a minute later 3 more get 2 (the cap is 4).
     */
    @Test
    void theLegacyBurstCountsFromTheStartOfTheEpisode() {
        Scaling burst = new Scaling(Scaling.Model.LEGACY_BURST, 1000, 10 * SEC, 2, 2, 60 * SEC);
        WorldHarness h = new WorldHarness(10_000, 65_000, SEC, SEC, burst, null);
        int f = h.function("api", 128, List.of(), List.of(), 0, 0, 0);
        h.create(f, 0);
        int[] served = new int[2];
        for (int minute = 0; minute < 2; minute++) {
            h.advanceTo(1000 * SEC + minute * 60 * SEC);
            for (int i = 0; i < 3; i++) {
                served[minute] += h.invoke(f, 600 * SEC) == Outcome.SUCCESS ? 1 : 0;
            }
        }
        assertArrayEquals(new int[] {2, 2}, served);
    }
}
