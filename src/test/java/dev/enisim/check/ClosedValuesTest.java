package dev.enisim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The text metrics whose values are a closed set (states, reason codes, LastUpdateStatus, the assumption preset): a
 * value outside it is bad input when the expect block is read (a CI review: {@code finalReasonCode !=
 * SubnetOutOfIPAdresses} passed while the function ended SubnetOutOfIPAddresses).
 */
class ClosedValuesTest {

    private static String problem(String sentence) {
        return ExpectReader.closedValueProblem(Expectation.parse(sentence));
    }

    @Test
    void everyClosedSetRefusesAMisspeltValueWithTheClosestOne() {
        assertTrue(problem("functions.api.transitions[1].state == Actve").contains("'Actve' is not a state enisim "
                + "reports (did you mean 'Active'?); expected one of Pending, Active, Inactive, Failed, Deleted"),
                problem("functions.api.transitions[1].state == Actve"));
        assertTrue(problem("functions.api.transitions[1]reasonCode != Restorng").contains("(did you mean "
                + "'Restoring'?)"), problem("functions.api.transitions[1]reasonCode != Restorng"));
        assertTrue(problem("functions.api.updates[0].reasonCode != EniLimitExceded").contains("did you mean "
                + "'EniLimitExceeded'"));
        assertTrue(problem("functions.api.lastUpdateStatus == Succesful").contains("'Succesful' is not a "
                + "LastUpdateStatus enisim reports (did you mean 'Successful'?); expected one of InProgress, "
                + "Successful, Failed"), problem("functions.api.lastUpdateStatus == Succesful"));
        assertTrue(problem("functions.api.updates[2].lastUpdateStatus == 'done'").contains("expected one of "
                + "InProgress, Successful, Failed"));
        assertEquals("'assumptions == fields': 'fields' is not an assumption preset enisim reports (did you mean "
                + "'field'?); expected one of documented, field", problem("assumptions == fields"));
        assertTrue(problem("functions.api.finalReasonCode == Nothing").endsWith(", or null (none)"));
        // no known value near it: no suggestion, and the known ones listed (a state's, without "null")
        String far = problem("functions.api.finalState == Zzzzzzzzzzzzzzzz");
        assertTrue(!far.contains("did you mean") && far.endsWith("expected one of Pending, Active, Inactive, Failed,"
                + " Deleted, NotCreated"), far);
    }

    @Test
    void aKnownValueNullANumberAndAnOpenTextAreLeftAlone() {
        assertNull(problem("functions.api.finalState == NotCreated"));
        assertNull(problem("functions.api.finalState != 'Failed'"));
        assertNull(problem("functions.api.finalReasonCode == null"));
        assertNull(problem("functions.api.finalReasonCode != SubnetOutOfIPAddresses"));
        assertNull(problem("functions.api.finalState != 3"), "a number: said with the run's text (CheckReviewFixes)");
        assertNull(problem("scenario == anything"));
        assertNull(problem("teardowns[0].action == deleteVersion 3"));
        assertNull(problem("subnets.subnet-a.az == us-east-1a"));
    }
}
