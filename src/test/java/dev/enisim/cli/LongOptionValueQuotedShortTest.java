package dev.enisim.cli;

import org.junit.jupiter.api.Test;

/** An option's value of a megabyte is quoted short in the command's problem, naming the option. */
class LongOptionValueQuotedShortTest {

    @Test
    void aMegabyteOptionValueIsQuotedShort() {
        LongValues.badInput(new String[] {"run", "scenarios/quickstart.yaml", "--warm-up", LongValues.BIG},
                "--warm-up: expected a duration");
        LongValues.badInput(new String[] {"plan", "scenarios/quickstart.yaml", "--assumptions", LongValues.BIG},
                "--assumptions: expected documented, field or both, got ");
    }
}
