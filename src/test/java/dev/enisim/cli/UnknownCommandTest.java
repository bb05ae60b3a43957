package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A word that is no command is said, with a help option after it too: {@code enisim nosuchcmd --help} printed the
 * main usage and exited 0 (picocli stops reading at a help option), never saying nosuchcmd was unknown.
 */
class UnknownCommandTest {

    @Test
    void anUnknownCommandIsSaidWithOrWithoutHelp() {
        for (String[] args : new String[][] {{"nosuchcmd", "--help"}, {"nosuchcmd", "-h"}, {"nosuchcmd"},
            {"runn", "scenarios/quickstart.yaml"}}) {
            CliTest.Result r = CliTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertTrue(r.err().startsWith("Unmatched argument at index 0: '" + args[0] + "'"), r.err());
            assertTrue(r.err().contains("See 'enisim --help' for its options."), r.err());
            assertEquals("", r.out(), "no usage on standard output");
        }
        assertTrue(CliTest.run("runn").err().contains("Did you mean: enisim run?"), "picocli's suggestion kept");
    }

    @Test
    void aKnownCommandsHelpIsStillHelp() {
        CliTest.Result r = CliTest.run("run", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: enisim run"), r.out());
        assertEquals(0, CliTest.run("--help").code());
        assertEquals(0, CliTest.run("help", "run").code());
    }
}
