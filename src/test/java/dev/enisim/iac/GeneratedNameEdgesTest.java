package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The edges of matching an account's function to the name CloudFormation generated and shortened to 64 characters
 * ({@link CloudFormation#generated(List, Set)}): which function the gate updates rather than creates. Session 48: PIT's
 * survivors of {@code CloudFormation.shortened} and {@code startsLonger} (session 46's run).
 */
class GeneratedNameEdgesTest {

    private static final String SUFFIX = "1GRP3N0TVA1LD"; // 13 characters, as in real shortened names

    private static List<String> matches(List<String> base, String... account) {
        return CloudFormation.generated(base, Set.of(account));
    }

    @Test
    void aStackNameOfExactlyHalfIsKeptWholeAndTheLogicalIdCut() {
        // 25 characters of 49: the stack's name whole (its half, rounded up), the logical id cut to the 24 left
        String deployed = "mylongerapp-playground-ne-InstancesLifecycleHandle-" + SUFFIX;
        assertEquals(64, deployed.length());
        assertEquals(List.of(deployed), matches(List.of("mylongerapp-playground-ne-InstancesLifecycleHandler"),
                deployed));
    }

    @Test
    void anotherStackWhoseNameBeginsWithThisOnesIsNotThisStacksFunction() {
        // stack "ordersarchiveABCDEFGHIJKLMNOP" (29 characters) is not stack "orders": its function is not ours
        String other = "ordersarchiveABCDEFGHIJKLMNOP-IngestWorkerFunction-" + SUFFIX;
        assertEquals(64, other.length());
        assertEquals(List.of(), matches(List.of("orders-IngestWorkerFunction"), other));
    }

    @Test
    void aTwiceNestedStacksFunctionCutWithinTheOuterNestedStacksSuffixIsMatched() {
        // PARENT-Child-SUFFIX-Inner-SUFFIX-LogicalId-SUFFIX, over 64: the logical id kept whole (20), the stack's name
        // cut to the 29 left, within the first nested stack's random suffix (12 of its characters kept)
        List<String> base = List.of("abcdefghij-Child-", "-Inner-", "-IngestWorkerFunction");
        String deployed = "abcdefghij-Child-ABCDEFGHIJKL-IngestWorkerFunction-" + SUFFIX;
        assertEquals(64, deployed.length());
        assertEquals(List.of(deployed), matches(base, deployed));
    }
}
