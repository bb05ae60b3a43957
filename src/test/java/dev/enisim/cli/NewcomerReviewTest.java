package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's review of the README and the help (session 46): what a reader typing the commands as shown met.
 */
class NewcomerReviewTest {

    @TempDir
    Path dir;

    /**
     * scenarios/README.md's example has no {@code description}: {@code explain} opened with "example (seed 42, field
     * assumptions): " and nothing after the colon.
     */
    @Test
    void explainOfAScenarioWithoutADescriptionLeavesNoColonHanging() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.yaml"), CliTest.GOOD);
        CliTest.Result r = CliTest.run("explain", plain.toString());
        assertEquals(0, r.code(), r.err());
        String first = r.out().lines().findFirst().orElseThrow();
        assertEquals("cli-test (seed 1, field assumptions)", first);

        Path described = Files.writeString(dir.resolve("described.yaml"),
                CliTest.GOOD.replace("duration: 10m\n", "duration: 10m\ndescription: One function, one subnet.\n"));
        CliTest.Result d = CliTest.run("explain", described.toString());
        assertEquals(0, d.code(), d.err());
        assertEquals("cli-test (seed 1, field assumptions): One function, one subnet.",
                d.out().lines().findFirst().orElseThrow());
    }

    /**
     * validate's and explain's {@code --set} help said "The outputs say so: summary.json's and plan.json's
     * 'overrides'", which neither writes, and showed a bracketed PATH unquoted (zsh: "no matches found").
     */
    @Test
    void setsHelpQuotesBracketsAndPromisesOnlyWhatTheCommandWrites() {
        for (String command : new String[] {"validate", "explain", "run", "plan"}) {
            CliTest.Result r = CliTest.run(command, "--help");
            assertEquals(0, r.code(), command);
            String help = r.out().replaceAll("\\s+", " ");
            assertTrue(help.contains("--set 'functions[orders-api].memoryMb=512'"), command + ": " + help);
            assertFalse(help.contains("--set functions[orders-api].memoryMb=512"), command + ": " + help);
            assertFalse(help.contains("The outputs say so"), command + ": " + help);
            assertTrue(help.contains("every file the command writes"), command + ": " + help);
        }
    }

    /**
     * {@code run --replications 3} printed {@code invocations.throttled 0.00 [0.00, 1.00]} under a note saying a count
     * 0 in every replication has {@code [0, 0.9986]}: the row now says what its bound is, at the note's digits.
     */
    @Test
    void theZeroCountNoteSaysTheBoundAsTheTablePrintsIt() throws Exception {
        Path scenario = Files.writeString(dir.resolve("three.yaml"), CliTest.GOOD);
        CliTest.Result r = CliTest.run("run", scenario.toString(), "--replications", "3", "--out",
                dir.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out().replaceAll("\\s+", " ");
        assertTrue(out.contains("invocations.throttled 0.00 0 in all 3 replications; 95% upper bound 0.9986 per"
                + " replication (rule of three)"), out);
        assertFalse(out.contains("[0.00, 1.00]"), out);
        assertTrue(out.contains("a count 0 in every replication: [0, 0.9986], the 95% upper bound of a Poisson mean"
                + " with none seen, -ln(0.05)/3 (the rule of three, about 3/n)"), out);
    }

    /** The help writes {@code enisim COMMAND}: it says what to type for it, and the README says how. */
    @Test
    void theHelpSaysWhatEnisimStandsFor() throws Exception {
        CliTest.Result r = CliTest.run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("('enisim' in help and messages: java -jar"
                + " target/enisim.jar, or an alias of it: README) Example: enisim run scenarios/quickstart.yaml"), r.out());
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("`alias enisim='java -jar \"$PWD/target/enisim.jar\"'`"), "README's alias line");
        assertFalse(readme.contains("java -jar enisim.jar "), "every README command runs a jar that is there");
    }
}
