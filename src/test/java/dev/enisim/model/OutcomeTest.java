package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which outcomes ran (took concurrency, are billed, count as CloudWatch Invocations): a success and the three
 * function errors (no free port, a NAT port allocation error, a timeout: the function ran and failed). A throttle
 * or an Invoke API error never started the function.
 */
class OutcomeTest {

    @Test
    void onlySuccessesAndFunctionErrorsRan() {
        Set<Outcome> ran = EnumSet.of(Outcome.SUCCESS, Outcome.FUNCTION_ERROR_NO_PORT,
                Outcome.FUNCTION_ERROR_PORT_ALLOCATION, Outcome.FUNCTION_ERROR_TIMEOUT);
        for (Outcome o : Outcome.all()) {
            assertEquals(ran.contains(o), o.admitted(), o.name());
        }
    }
}
