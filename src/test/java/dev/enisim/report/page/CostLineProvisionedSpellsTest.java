package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost line tells each provisioned-concurrency spell, the minutes AWS bills for it (its time from put to delete
 * rounded up to 5 minutes, at the figure configured) and their cost, beside the provisioned sum (which adds the
 * invocations run on it): the line said only the sum, and a 9-minute spell billed 10 minutes read as if the
 * allocated time alone were billed.
 */
class CostLineProvisionedSpellsTest {

    /** The lesson: 40 from 7m to 16m, billed 10 minutes (40 x 1 GB x 600 s x $0.0000041667 = $0.10). */
    @Test
    void theLessonsSpellIsToldWithItsBilledMinutes() throws Exception {
        var r = new Simulation(ScenarioLoader.load(Path.of("scenarios/provisioned-billing.yaml")), 0).run();
        String line = CostLine.text(r.summary());
        assertTrue(line.contains(", provisioned concurrency $0.209) at us-east-1"), line);
        // three significant digits, trailing zeros kept: "$0.1" for $0.1000008 read rounder than "$0.104" (r1)
        assertTrue(line.endsWith("no charge for ENIs (Hyperplane or not). " + CostLine.LEFT_OUT
                + " Provisioned concurrency: $0.100 enabled (checkout: 40 from 00:07:00 to 00:16:00, billed 10 min,"
                + " $0.100) and $0.109 for the invocations run on it."), line);
    }

    /**
     * A figure changed within a spell, a spell still enabled at the end, and more spells than the line tells (3):
     * f's 10 then 20 (1m to 15m: 7 x 10 + 8 x 20 concurrency-minutes at 128 MB), 5 from 20m to 21m, 5 from 23m to the
     * end (25m); g's 2 for the whole run, the fourth, counted.
     */
    @Test
    void changedFiguresOpenSpellsAndTheRestCounted(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("spells.yaml");
        Files.writeString(yaml, """
                name: spells
                seed: 1
                duration: 25m
                functions:
                  - { name: f, duration: 100ms, arrivals: { constant: 1/m } }
                  - { name: g, duration: 100ms, arrivals: { constant: 1/m }, provisionedConcurrency: 2 }
                timeline:
                  - { at: 1m, action: putProvisionedConcurrencyConfig, function: f, provisionedConcurrency: 10 }
                  - { at: 8m, action: putProvisionedConcurrencyConfig, function: f, provisionedConcurrency: 20 }
                  - { at: 15m, action: deleteProvisionedConcurrencyConfig, function: f }
                  - { at: 20m, action: putProvisionedConcurrencyConfig, function: f, provisionedConcurrency: 5 }
                  - { at: 21m, action: deleteProvisionedConcurrencyConfig, function: f }
                  - { at: 23m, action: putProvisionedConcurrencyConfig, function: f, provisionedConcurrency: 5 }
                """);
        var r = new Simulation(ScenarioLoader.load(yaml), 0).run();
        String line = CostLine.text(r.summary());
        String spells = "(f: 10 from 00:01:00, 20 from 00:08:00 to 00:15:00, billed 15 min, $0.00719; f: 5 from"
                + " 00:20:00 to 00:21:00, billed 5 min, $0.000781; f: 5 from 00:23:00 to the end, billed 5 min,"
                + " $0.000781; and 1 more spell) and";
        assertTrue(line.contains(spells), line);
        assertEquals((7 * 10 + 8 * 20) * 60 * 0.125 * 0.0000041667,
                r.summary().functions().get("f").cost().provisionedSpells().get(0).cost(), 1e-12);
    }
}
