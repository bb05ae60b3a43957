package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The name each drop reason has in summary.json's {@code async.<function>.dropReasons}, the page and the narrative:
 * AWS's {@code requestContext.condition} where AWS names one, enisim's in the same PascalCase where it does not.
 */
class AsyncDropConditionsTest {

    @Test
    void eachDropReasonHasItsConditionsName() {
        assertEquals(List.of("EventAgeExceeded", "RetriesExhausted", "ReservedConcurrencyZero", "FunctionNotInvocable"),
                Arrays.stream(AsyncDrop.values()).map(AsyncDrop::condition).toList());
    }
}
