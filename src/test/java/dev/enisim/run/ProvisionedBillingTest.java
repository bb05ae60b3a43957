package dev.enisim.run;

import static dev.enisim.run.Scenarios.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.SimEvent;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.ArrivalSpec;
import dev.enisim.workload.DistributionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Provisioned concurrency billed as AWS bills it: "from the time you enable it on your function until it is
 * disabled, rounded up to the nearest 5 minutes", at the concurrency configured and the memory
 * (aws.amazon.com/lambda/pricing), whether or not Lambda has allocated the environments yet (90 s of preparation
 * here). A 1,024 MB x86_64 function at the default price table ($0.0000041667 per GB-second), invoked once a
 * minute so that the run has traffic; each figure below is concurrency x seconds billed x that rate.
 */
class ProvisionedBillingTest {

    private static final double RATE = 0.0000041667; // us-east-1 x86_64, per GB-second, 1 GB

    private static Scenarios scenario(long durationSeconds, int configured) {
        Scenarios s = new Scenarios();
        s.durationMicros = durationSeconds * SEC;
        s.concurrencyLimit = 1000;
        s.functions.add(Scenario.Function.builder("f", new DistributionSpec.Constant(100_000),
                new ArrivalSpec.Constant(1 / 60.0, 0, Long.MAX_VALUE)).memoryMb(1024).timeoutMicros(60 * SEC)
                .connectionsPerInvocation(0).initDuration(Scenario.Function.NO_INIT)
                .provisionedConcurrency(configured).build());
        return s;
    }

    /** PutProvisionedConcurrencyConfig at {@code seconds} (0: DeleteProvisionedConcurrencyConfig). */
    private static void at(Scenarios s, long seconds, int amount) {
        s.timeline.add(new Scenario.At(seconds * SEC, new SimEvent.PutProvisionedConcurrency(0, amount)));
    }

    private static RunSummary.Cost cost(Scenarios s) {
        return new Simulation(s.build(), 0).checkingInvariants().run().summary().functions().get("f").cost();
    }

    /**
     * Enabled at 1 min at 10, deleted at 8 min: a 7-minute spell, billed as 10 minutes at 10. The environments
     * were allocated at 2.5 min (5.5 minutes of them: 3,300 environment-seconds, what the run's allocated time
     * billed before).
     */
    @Test
    void aSpellOfSevenMinutesIsBilledAsTen() {
        Scenarios s = scenario(1800, 0);
        at(s, 60, 10);
        at(s, 480, 0);
        RunSummary.Cost c = cost(s);
        assertEquals(10 * 600 * RATE, c.provisioned(), 1e-12);
        assertEquals(List.of(new RunSummary.Cost.Spell(60, 480, null,
                List.of(new RunSummary.Cost.Figure(60, 10)), 10, c.provisioned())), c.provisionedSpells());
    }

    /**
     * Two spells of a minute each (1 to 2 min, 10 to 11 min) are two five-minute periods, 5 + 5, not one five-minute
     * period for their two minutes; neither was ever allocated (90 s of preparation), and both are billed.
     */
    @Test
    void twoSpellsOfAMinuteAreBilledFivePlusFive() {
        Scenarios s = scenario(1800, 0);
        at(s, 60, 10);
        at(s, 120, 0);
        at(s, 600, 10);
        at(s, 660, 0);
        RunSummary.Cost c = cost(s);
        assertEquals(2 * 10 * 300 * RATE, c.provisioned(), 1e-12);
        assertEquals(2, c.provisionedSpells().size());
        for (RunSummary.Cost.Spell spell : c.provisionedSpells()) {
            assertEquals(5, spell.billedMinutes());
            assertEquals(10 * 300 * RATE, spell.cost(), 1e-12);
        }
        assertEquals(600.0, c.provisionedSpells().get(1).from());
    }

    /**
     * 10 from 1 min, raised to 20 at 8 min, deleted at 15 min: one 14-minute spell in two priced segments, billed
     * 15 minutes: 7 min at 10 and 7 min at 20, the minute of rounding at 20 (the figure it ended at)
     * [assumed: AWS's pricing page is silent on a change within a spell].
     */
    @Test
    void aFigureChangedMidSpellStartsASegmentAtTheNewFigure() {
        Scenarios s = scenario(1800, 0);
        at(s, 60, 10);
        at(s, 480, 20);
        at(s, 900, 0);
        RunSummary.Cost c = cost(s);
        assertEquals((10 * 420 + 20 * 480) * RATE, c.provisioned(), 1e-12);
        RunSummary.Cost.Spell spell = c.provisionedSpells().get(0);
        assertEquals(1, c.provisionedSpells().size(), "a change of figure does not end the spell");
        assertEquals(15, spell.billedMinutes());
        assertEquals(List.of(new RunSummary.Cost.Figure(60, 10), new RunSummary.Cost.Figure(480, 20)),
                spell.concurrency());
    }

    /**
     * Enabled at 25 min and still enabled at the run's end (28 min 40 s): billed to the end, rounded up to 5
     * minutes, and marked as still enabled.
     */
    @Test
    void aSpellStillEnabledAtTheEndIsBilledToTheEndRoundedUp() {
        Scenarios s = scenario(1720, 0);
        at(s, 1500, 10);
        RunSummary.Cost c = cost(s);
        assertEquals(10 * 300 * RATE, c.provisioned(), 1e-12);
        assertEquals(List.of(new RunSummary.Cost.Spell(1500, 1720, true,
                List.of(new RunSummary.Cost.Figure(1500, 10)), 5, c.provisioned())), c.provisionedSpells());
    }

    /**
     * Configured before the run (functions[*].provisionedConcurrency): one spell from the run's start, lowered to 3
     * at 10 min and deleted at 20 min; a function without provisioned concurrency has no spells (none in its
     * summary.json cost, nor in the account's).
     */
    @Test
    void configuredBeforeTheRunIsASpellFromItsStart() {
        Scenarios s = scenario(1800, 5);
        s.functions.add(Scenario.Function.builder("g", new DistributionSpec.Constant(100_000),
                new ArrivalSpec.Constant(1 / 60.0, 0, Long.MAX_VALUE)).timeoutMicros(60 * SEC)
                .connectionsPerInvocation(0).initDuration(Scenario.Function.NO_INIT).build());
        at(s, 600, 3);
        at(s, 1200, 0);
        RunSummary r = new Simulation(s.build(), 0).checkingInvariants().run().summary();
        RunSummary.Cost c = r.functions().get("f").cost();
        assertEquals((5 * 600 + 3 * 600) * RATE, c.provisioned(), 1e-12);
        assertEquals(List.of(new RunSummary.Cost.Spell(0, 1200, null, List.of(new RunSummary.Cost.Figure(0, 5),
                new RunSummary.Cost.Figure(600, 3)), 20, c.provisioned())), c.provisionedSpells());
        assertNull(r.functions().get("g").cost().provisionedSpells());
        assertNull(r.cost().provisionedSpells());
        assertEquals(c.provisioned(), r.cost().provisioned(), 1e-15);
    }

    /**
     * DeleteFunction at 8 min deletes the configuration with the function: the spell from 1 min ends there (billed
     * 10 minutes, as a DeleteProvisionedConcurrencyConfig at 8 min is), not at the run's end (30 minutes).
     */
    @Test
    void deletingTheFunctionEndsItsSpell() {
        Scenarios s = scenario(1800, 0);
        at(s, 60, 10);
        s.timeline.add(new Scenario.At(480 * SEC, new SimEvent.DeleteFunction(0)));
        RunSummary.Cost c = cost(s);
        assertEquals(10 * 600 * RATE, c.provisioned(), 1e-12);
        assertEquals(List.of(new RunSummary.Cost.Spell(60, 480, null,
                List.of(new RunSummary.Cost.Figure(60, 10)), 10, c.provisioned())), c.provisionedSpells());
    }

    /** A deletion while the allocation is under way: the allocation never lands, the spell ends at the deletion. */
    @Test
    void deletingTheFunctionDropsAnAllocationUnderWay() {
        Scenarios s = scenario(1800, 0);
        at(s, 60, 10);
        s.timeline.add(new Scenario.At(90 * SEC, new SimEvent.DeleteFunction(0)));
        RunSummary.Cost c = cost(s);
        assertEquals(10 * 300 * RATE, c.provisioned(), 1e-12); // 30 s, rounded up to 5 minutes
        assertEquals(1, c.provisionedSpells().size());
        assertEquals(90.0, c.provisionedSpells().get(0).to(), 1e-9);
    }

    /**
     * Configured on a function created at 10 min ({@code createdAt}): billed from its creation (it cannot be enabled
     * on a function that does not exist), 20 minutes at 5, not the run's 30; one created after the run's end is not
     * billed at all.
     */
    @Test
    void configuredOnALaterFunctionIsBilledFromItsCreation() {
        Scenarios s = scenario(1800, 5);
        s.functions.set(0, s.functions.get(0).toBuilder().createdAtMicros(600 * SEC).build());
        RunSummary.Cost c = cost(s);
        assertEquals(5 * 1200 * RATE, c.provisioned(), 1e-12);
        assertEquals(List.of(new RunSummary.Cost.Spell(600, 1800, true,
                List.of(new RunSummary.Cost.Figure(600, 5)), 20, c.provisioned())), c.provisionedSpells());
        Scenarios never = scenario(1800, 5);
        never.functions.set(0, never.functions.get(0).toBuilder().createdAtMicros(2400 * SEC).build());
        assertEquals(0, cost(never).provisioned());
    }
}
