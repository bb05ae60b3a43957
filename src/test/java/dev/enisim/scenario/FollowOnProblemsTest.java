package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A problem that only follows from another is not said: an invalid {@code reservedConcurrency: 200} (account limit
 * 100) also gave "warmEnvironments: expected a whole number from 0 to 0, got 5" (an SRE review), the 0 read in its
 * place taken as the bound.
 */
class FollowOnProblemsTest {

    private static List<String> problems(String yaml) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "t.yaml")).problems().stream()
                .map(Problem::toString).toList();
    }

    @Test
    void anInvalidReservationIsNotTheBoundOfWhatHangsOnIt() {
        String yaml = "account: {concurrencyLimit: 100, unreservedMinimum: 10}\n" + ScenarioValidationTest.GOOD
                .replace("reservedConcurrency: 100", "reservedConcurrency: 200\n    existing: Active\n"
                        + "    warmEnvironments: 5\n    provisionedConcurrency: 3");
        assertEquals(List.of("functions[0].reservedConcurrency: expected a whole number from 0 to 100, got 200"),
                problems(yaml));
        // a valid reservation still bounds them
        assertEquals(List.of("functions[0].provisionedConcurrency: must not exceed reservedConcurrency (2)",
                "functions[0].warmEnvironments: expected a whole number from 0 to 2, got 5"),
                problems(yaml.replace("reservedConcurrency: 200", "reservedConcurrency: 2")));
    }
}
