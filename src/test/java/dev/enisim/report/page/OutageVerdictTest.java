package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Session 41's browser review of az-outage (tile az-outage-1400-00): the verdict said "9,417 of 301,968 invocations
 * did not succeed (3.1%); most: ServiceException, 7,067 from 00:30:00 to 01:29:59" and named neither the AZ that
 * went down nor payments, the function the outage left unharmed (the scenario's point). It names both, from the run.
 */
class OutageVerdictTest {

    @Test
    void theVerdictNamesTheAzTheFunctionItStoppedAndTheOneItSpared() throws Exception {
        String v = Verdicts.of("az-outage");
        assertTrue(v.contains("; most: ServiceException, 7,067 from 00:30:00 to 01:29:59. us-east-1a was unavailable"
                + " from 00:30:00 to 01:30:00: reports-single-az, whose subnets are all in us-east-1a, failed 7,067"
                + " invocations with ServiceException while it lasted; payments, with subnets in us-east-1a and"
                + " us-east-1b, had no invocation refused by Lambda while it lasted (Lambda used its subnets in the AZs"
                + " still up)."), v);
    }

    @Test
    void aRunWithoutAnOutageTellsNone() throws Exception {
        assertFalse(Verdicts.of("teardown").contains("was unavailable"));
    }
}
