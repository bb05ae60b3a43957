package dev.enisim.run;

import static dev.enisim.run.Scenarios.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Series;
import dev.enisim.model.ProvisionedAllocation;
import dev.enisim.model.Scaling;
import dev.enisim.model.SimEvent;
import dev.enisim.model.WarmRouting;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.ArrivalSpec;
import dev.enisim.workload.DistributionSpec;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Provisioned concurrency over time, against the documented figures: allocation starts "after a minute or two"
 * (90 s assumed), runs at 6,000 environments a minute per function, and none of a request's environments serves
 * until all are allocated; invocations beyond the allocation spill over to on-demand environments
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html).
 */
class ProvisionedConcurrencyTest {

    /** One function, not in a VPC, invoked at a constant rate with a constant duration (no randomness). */
    private static Scenarios scenario(double ratePerSecond, long durationMicros, int provisioned) {
        Scenarios s = new Scenarios();
        s.durationMicros = 600 * SEC;
        s.bucketMicros = 10 * SEC;
        s.concurrencyLimit = 20_000;
        s.functions.add(Scenario.Function.builder("f", new DistributionSpec.Constant(durationMicros),
                new ArrivalSpec.Constant(ratePerSecond, 0, Long.MAX_VALUE)).timeoutMicros(900 * SEC)
                .connectionsPerInvocation(0).initDuration(Scenario.Function.NO_INIT)
                .provisionedConcurrency(provisioned).build());
        return s;
    }

    private static void at(Scenarios s, long seconds, int amount) {
        s.timeline.add(new Scenario.At(seconds * SEC, new SimEvent.PutProvisionedConcurrency(0, amount)));
    }

    private static long[] series(RunResult r, String scope, String metric) {
        for (Series x : r.timeSeries().series()) {
            if (x.scope().id().equals(scope) && x.metric().metric().equals(metric)
                    && (scope.equals("account") || x.id().equals("f"))) {
                return x.values();
            }
        }
        throw new AssertionError("no series " + metric);
    }

    /** 90 s + 5,000 / 6,000 min = 140 s after the request, all at once: none allocated or used before. */
    @Test
    void allocationTakesPreparationPlusTheDocumentedRate() {
        assertEquals(140 * SEC, ProvisionedAllocation.DEFAULT.readyAfterMicros(5000));
        assertEquals(90 * SEC + 10_000, ProvisionedAllocation.DEFAULT.readyAfterMicros(1), "10 ms per environment");
        assertEquals(210 * SEC, ProvisionedAllocation.DEFAULT.readyAfterMicros(12_000), "two minutes for 12,000");

        Scenarios s = scenario(10, 100_000, 0);
        at(s, 60, 5000);
        RunResult r = new Simulation(s.build(), 0).checkingInvariants().run();
        long[] allocated = series(r, "function", "Sim.ProvisionedConcurrency.Allocated");
        long[] onProvisioned = series(r, "function", "ProvisionedConcurrencyInvocations");
        for (int b = 0; b < 20; b++) { // buckets before 200 s = 60 + 140
            assertEquals(0, allocated[b], "nothing usable before the whole request is allocated, bucket " + b);
            assertEquals(0, onProvisioned[b], "no invocation on provisioned concurrency, bucket " + b);
        }
        assertEquals(5000, allocated[20], "allocated at 200 s");
        assertEquals(100, onProvisioned[21], "then every invocation (10/s) runs on it");
        assertTrue(r.actions().stream().anyMatch(a -> a.atSeconds() == 200.0 && a.description().contains("READY")),
                r.actions().toString());
        RunSummary.ProvisionedSummary p = r.summary().provisionedConcurrency().get("f");
        assertEquals(5000, p.allocatedAtEnd());
        assertEquals(1, p.allocationsCompleted());
    }

    /**
     * A request made while another is being allocated supersedes it [assumed]: 100 at 0 s (ready at 91 s)
     * replaced by 12,000 at 30 s (nothing was allocated yet, so all 12,000 are allocated: 2 minutes), ready at
     * 30 + 90 + 120 = 240 s; nothing allocated before.
     */
    @Test
    void aLaterRequestSupersedesOneUnderWay() {
        Scenarios s = scenario(1, 100_000, 0);
        at(s, 0, 100);
        at(s, 30, 12_000);
        RunResult r = new Simulation(s.build(), 0).checkingInvariants().run();
        long[] allocated = series(r, "function", "Sim.ProvisionedConcurrency.Allocated");
        for (int b = 0; b < 24; b++) {
            assertEquals(0, allocated[b], "bucket " + b);
        }
        assertEquals(12_000, allocated[24], "ready at 240 s");
        assertTrue(r.actions().stream().noneMatch(a -> a.atSeconds() == 91.0), "the first request never completes");
        assertTrue(r.actions().stream().anyMatch(a -> a.atSeconds() == 240.0 && a.description().contains("READY")),
                r.actions().toString());
    }

    /**
     * Spillover: 100 invocations a second of 150 ms keep 15 in flight; with 10 provisioned (allocated before the
     * run) 10 run on it and 5 spill over, so a third of the invocations are ProvisionedConcurrencySpilloverInvocations.
     * DeleteProvisionedConcurrencyConfig at 300 s ends it at once: no spillover and no provisioned invocation after.
     */
    @Test
    void spilloverIsTheInvocationsBeyondTheAllocation() {
        Scenarios s = scenario(100, 150_000, 10);
        at(s, 300, 0);
        RunResult r = new Simulation(s.build(), 0).checkingInvariants().run();
        long[] spill = series(r, "function", "ProvisionedConcurrencySpilloverInvocations");
        long[] onProvisioned = series(r, "function", "ProvisionedConcurrencyInvocations");
        long[] allocated = series(r, "function", "Sim.ProvisionedConcurrency.Allocated");
        for (int b = 1; b < 30; b++) {
            assertEquals(1000, spill[b] + onProvisioned[b], "every invocation runs on one or the other, bucket " + b);
            // a bucket holds 66 2/3 cycles of 15 arrivals (5 of them spill over): a third, within one cycle's 5
            assertEquals(1000 / 3.0, spill[b], 5, "a third spill over, bucket " + b);
        }
        for (int b = 31; b < 60; b++) {
            assertEquals(0, spill[b] + onProvisioned[b], "none after the deletion, bucket " + b);
            assertEquals(0, allocated[b], "bucket " + b);
        }
        RunSummary.ProvisionedSummary p = r.summary().provisionedConcurrency().get("f");
        assertEquals(0, p.requested());
        assertEquals(0, p.allocatedAtEnd());
        assertEquals(10, p.peakAllocated());
        long total = 0;
        for (long x : spill) {
            total += x;
        }
        assertEquals(total, p.spilloverInvocations());
    }

    /**
     * Lowering while busy: provisioned environments above the new amount end with their invocation. 40/s of
     * 375 ms keep 15 in flight and stay under the request-rate cap of 10 x 5 = 50/s that provisioned concurrency
     * 5 allows (README: request-rate caps).
     */
    @Test
    void loweringEndsBusyEnvironmentsWhenTheyFinish() {
        Scenarios s = scenario(40, 375_000, 20);
        at(s, 100, 5);
        RunResult r = new Simulation(s.build(), 0).checkingInvariants().run();
        RunSummary.ProvisionedSummary p = r.summary().provisionedConcurrency().get("f");
        assertEquals(5, p.allocatedAtEnd());
        long[] spill = series(r, "function", "ProvisionedConcurrencySpilloverInvocations");
        assertEquals(0, spill[5], "15 in flight fit in 20");
        assertEquals(400 * 10 / 15.0, spill[20], 10, "with 5: two thirds spill over (within one cycle's 10)");
    }

    /**
     * A VPC function with provisioned concurrency allocated is not reclaimed as idle [assumed
     * keepsFunctionActive]; without it (or with the assumption off) it goes Inactive after the idle period.
     */
    @Test
    void provisionedConcurrencyKeepsAnIdleVpcFunctionActive() {
        for (boolean keeps : new boolean[] {true, false}) {
            Scenarios s = new Scenarios();
            s.durationMicros = 20L * 86_400 * SEC;
            s.bucketMicros = 3600 * SEC;
            s.vpc("vpc-1", 500, List.of(Scenarios.subnet("subnet-a", "10.0.0.0/24", "use1-az1", 0)), List.of("sg-1"));
            s.functions.add(Scenario.Function.builder("f", new DistributionSpec.Constant(100_000),
                    new ArrivalSpec.None()).timeoutMicros(900 * SEC)
                    .vpcConfig(new Scenario.VpcConfig(List.of("subnet-a"), List.of("sg-1")))
                    .connectionsPerInvocation(0).initDuration(Scenario.Function.NO_INIT).provisionedConcurrency(2)
                    .build());
            s.scaling = new Scenario.ScalingSpec(Scaling.DEFAULT, 600 * SEC, WarmRouting.MOST_RECENTLY_USED,
                    new ProvisionedAllocation(90 * SEC, 6000, keeps));
            RunResult r = new Simulation(s.build(), 0).checkingInvariants().run();
            assertEquals(keeps ? "Active" : "Inactive", r.summary().functions().get("f").finalState(),
                    "keepsFunctionActive " + keeps);
        }
    }

    /** No provisioned concurrency anywhere: no section, no series (outputs of such runs do not change). */
    @Test
    void runsWithoutProvisionedConcurrencyShowNothing() {
        RunResult r = new Simulation(scenario(10, 100_000, 0).build(), 0).run();
        assertNull(r.summary().provisionedConcurrency());
        assertTrue(r.timeSeries().series().stream().noneMatch(x -> x.metric().metric().startsWith("ProvisionedConcurrency")));
    }
}
