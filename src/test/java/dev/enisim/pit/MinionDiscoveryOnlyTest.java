package dev.enisim.pit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The extension that lets PIT's mutation minions find tests without running them skips nothing anywhere else. */
class MinionDiscoveryOnlyTest {

    @Test
    void onlyAMutationMinionsDiscoveryIsSkipped() {
        String finder = "org.pitest.junit5.JUnit5TestUnitFinder";
        String mutation = "org.pitest.mutationtest.execute.MutationTestMinion";
        assertTrue(MinionDiscoveryOnly.discovering(Stream.of("org.junit.X", finder, "a.B", mutation)));
        assertFalse(MinionDiscoveryOnly.discovering(Stream.of(finder, "org.pitest.coverage.execute.CoverageMinion")),
                "the coverage minion's discovery is the coverage run: the tests run whole");
        assertFalse(MinionDiscoveryOnly.discovering(Stream.of("org.pitest.junit5.JUnit5TestUnit", mutation)),
                "a mutant's tests run whole");
        assertFalse(MinionDiscoveryOnly.discovering(Stream.of("org.apache.maven.surefire.booter.ForkedBooter")));
    }

    @Test
    void underSurefireTheTestsRun() {
        assertFalse(MinionDiscoveryOnly.inMutationMinionDiscovery(), "this very test's stack");
    }
}
