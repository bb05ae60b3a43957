package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The legacy model's ENIs per environments: the run ({@link Legacy#environmentsOfNthEni}, through
 * LegacyNetworking) and {@code plan}'s formula ({@link Legacy#enisFor}) are one rule, at every memory size (the run
 * made one ENI per environment above 3 GB while the formula said memory / 3 GB of them: 3.3x at 10 GB).
 */
class LegacyOneRuleTest {

    @Test
    void enisForIsTheLeastNumberOfEnisTheRunNeedsAtEveryMemory() {
        for (int memory : new int[] {128, 512, 1000, 1024, 1536, 2048, 3008, 3072, 3073, 4096, 6144, 10240}) {
            long served = 0;
            int k = 0;
            for (long n = 1; n <= 300; n++) {
                while (served < n) {
                    served += Legacy.environmentsOfNthEni(memory, ++k);
                }
                assertEquals(k, Legacy.enisFor(n, memory), n + " environments of " + memory + " MB");
            }
        }
    }

    @Test
    void aboveThreeGigabytesOneEniPerEnvironmentAndTheDocumentedFiguresBelow() {
        assertEquals(85, Legacy.enisFor(85, 10240), "one per environment, not ceil(85 x 10,240 / 3,072) = 284");
        assertEquals(667, Legacy.enisFor(1000, 2048));
        assertEquals(980, Legacy.enisFor(1000, 3008));
    }
}
