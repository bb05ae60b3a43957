package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A nested stack's generated function name, {@code PARENT-ChildId-SUFFIX-LogicalId-SUFFIX}, when CloudFormation
 * shortened it to its first 50 characters before the last suffix: which of the account's names match
 * ({@link CloudFormation#generated(List, Set)}), the cut falling inside a part, inside a suffix, or after the whole
 * name. Written against the nested names' surviving mutants (thirty-third pass).
 */
class ShortenedNestedNamesTest {

    private static final List<String> LONG = List.of("PARENT-ChildId-", "-VeryLongLogicalIdOfTheWorkerFunction");

    private static List<String> matches(List<String> base, String... account) {
        return CloudFormation.generated(base, Set.of(account));
    }

    @Test
    void aNameCutInsideItsLogicalIdMatches() {
        String cut = "PARENT-ChildId-ABC123-VeryLongLogicalIdOfTheWorker"; // 50 characters
        assertEquals(50, cut.length());
        assertEquals(List.of(cut + "-Q1W2E3"), matches(LONG, cut + "-Q1W2E3"));
        assertEquals(List.of(), matches(LONG, "PARENT-ChildId-ABC123-VeryLongLogicalIdOfTheWorkeX-Q1W2E3"),
                "a character of the logical id differs");
        assertEquals(List.of(), matches(LONG, "PARENT-ChildId--VeryLongLogicalIdOfTheWorkerFunc-Q1W2E3"),
                "no suffix where the nested stack's must be");
        assertEquals(List.of(), matches(LONG, "PARENT-ChildId-ABé123-VeryLongLogicalIdOfTheWorker-Q1W2E3"),
                "a suffix is ASCII letters and digits");
        assertEquals(List.of(), matches(LONG, "PARENT-ChildId-ABC123-VeryLongLogical-Q1"),
                "under 50 characters: not a shortened name, and not the whole one");
    }

    @Test
    void aNameCutInsideTheNestedStacksSuffixMatches() {
        String parent = "A-very-long-parent-stack-name-and-its-child-id-"; // 47 characters
        assertEquals(47, parent.length());
        List<String> base = List.of(parent, "-Fn");
        assertEquals(List.of(parent + "ABC-SUF1"), matches(base, parent + "ABC-SUF1"),
                "the first 50 end in the suffix: the rest was cut");
    }

    @Test
    void aNameWholeWithinTheKeptFiftyIsNotAShortenedOne() {
        List<String> base = List.of("PARENT-", "-Fn");
        String forty = "A".repeat(40);
        assertEquals(List.of("PARENT-" + forty + "-Fn-XYZ"), matches(base, "PARENT-" + forty + "-Fn-XYZ"),
                "the whole name, with its suffix");
        assertEquals(List.of(), matches(base, "PARENT-" + forty + "-FnX-XYZ"),
                "its first 50 hold the whole name and it goes on otherwise: not shortened, another function");
    }
}
