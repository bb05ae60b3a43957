package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Session 43 (h2), a teacher's read of the pages' tops: eni-not-ready's verdict said "14,883 of 180,212 invocations did
 * not succeed (8.3%); most: ResourceConflictException, 12,653 from 00:00:00 to 00:01:02", requests sent while its
 * functions were Pending at creation, and nothing of the ENINotReadyExceptions its description is about. A verdict now
 * leads with the most frequent failure the network caused, when there is one, and then names the most frequent.
 */
class VerdictLeadTest {

    @Test
    void theNetworksFailureLeadsThenTheMostFrequent() throws Exception {
        String v = Verdicts.of("eni-not-ready");
        assertTrue(v.contains("invocations did not succeed (12.0%); for a network cause: ENINotReadyException, 3,818"
                + " from "), v);
        assertTrue(v.contains("; the most: ResourceConflictException, 17,866 from 00:00:00 to 00:01:29."), v);
    }

    @Test
    void aVerdictWhoseMostFrequentFailureIsTheNetworksIsAsBefore() throws Exception {
        String v = Verdicts.of("legacy-vs-hyperplane");
        assertTrue(v.contains("; most: EC2ThrottledException, 347 from 00:00:04 to 00:00:09."), v);
        assertFalse(v.contains("for a network cause"), v);
    }
}
