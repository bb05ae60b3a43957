package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A new account's concurrency limit of 10 keeps all 10 unreserved: a scenario with {@code concurrencyLimit: 10} and no
 * {@code unreservedMinimum} failed ("must not exceed concurrencyLimit (10)") against the default of 100, which the
 * file never gave (an import review: the importer had to write the minimum out). A minimum the file gives is still
 * held to the limit.
 */
class SmallAccountLimitTest {

    private static final String BASE = """
            name: small
            duration: 10m
            %s
            functions: [{name: f, duration: 100ms, arrivals: {poisson: 1/s}}]
            """;

    @Test
    void aLimitBelowOneHundredKeepsItAllUnreserved() throws Exception {
        Scenario s = ScenarioLoader.parse(BASE.formatted("account: { concurrencyLimit: 10 }"), "small.yaml");
        assertEquals(10, s.account().concurrencyLimit());
        assertEquals(10, s.account().unreservedMinimum());
    }

    @Test
    void anAccountOfTheListWithALimitBelowOneHundredLoads() throws Exception {
        ScenarioLoader.parse(BASE.formatted("accounts: [{ id: \"111111111111\", concurrencyLimit: 10 }]"), "small.yaml");
    }

    @Test
    void aMinimumTheFileGivesIsStillHeldToTheLimit() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(BASE.formatted(
                "account: { concurrencyLimit: 10, unreservedMinimum: 11 }"), "small.yaml"));
        assertEquals(List.of("account.unreservedMinimum: must not exceed concurrencyLimit (10)"),
                e.problems().stream().map(Problem::toString).toList());
    }
}
