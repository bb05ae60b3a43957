package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Did you mean": Levenshtein distance, and how close counts as a typo. */
class SuggestTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({"kitten, sitting, 3", "'', abc, 3", "abc, '', 3", "abc, abc, 0", "flaw, lawn, 2", "ab, ba, 2",
        "memoryMb, memoryMB, 1", "subnet, subnets, 1", "a, b, 1", "abcdef, azced, 3"})
    void editDistanceIsLevenshtein(String a, String b, int distance) {
        assertEquals(distance, Suggest.distance(a, b));
        assertEquals(distance, Suggest.distance(b, a), "symmetric");
    }

    @Test
    void theClosestWithinAThirdOfTheWordIsSuggested() {
        List<String> keys = List.of("memoryMb", "timeout", "duration", "arrivals");
        assertEquals("memoryMb", Suggest.closest("memoryMB", keys), "case does not count");
        assertEquals("timeout", Suggest.closest("timout", keys), "one edit in 6 letters");
        assertEquals("duration", Suggest.closest("durtaion", keys), "two edits in 8 letters (8 / 3 = 2)");
        assertNull(Suggest.closest("drtaoin", keys), "four edits in 7 letters: not a typo");
        assertEquals("arrivals", Suggest.closest("arivls", keys), "two edits in 6 letters (6 / 3 = 2)");
        assertNull(Suggest.closest("arvls", keys), "three edits in 5 letters (5 / 3 = 1)");
        assertEquals("timeout", Suggest.closest("timeout", List.of("timeouts", "timeout")), "exact beats close");
        assertEquals("az", Suggest.closest("ax", List.of("az")), "one edit is always allowed");
        assertNull(Suggest.closest("g", List.of("f")), "but never a whole rewrite");
        assertNull(Suggest.closest("zzz", List.of("az")));
        assertNull(Suggest.closest("anything", List.of()), "nothing to suggest from");
        assertEquals("ab", Suggest.closest("abc", List.of("ab", "abd")), "ties: the first");
    }
}
