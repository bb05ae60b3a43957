package dev.enisim.check;

import dev.enisim.scenario.Scenario;
import java.util.List;

/** Check results made by hand for the renderers' tests (JUnit XML, the step summary's Markdown). */
final class Checks {

    private Checks() {
    }

    /** Scenario {@code name} of a minute, from {@code file}, one replication, with {@code results}. */
    static Checker.ScenarioCheck check(String name, String file, Checker.Result... results) {
        return new Checker.ScenarioCheck(Scenario.builder(name, 60_000_000L).build(), file, 1, List.of(results),
                List.of());
    }

    /** The expectation {@code sentence}, its verdict and the value it saw. */
    static Checker.Result result(String sentence, boolean passed, String actual) {
        return new Checker.Result(Expectation.parse(sentence), passed, actual);
    }
}
