package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.importer.ImportCommandTest.Result;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gate's rules file as a CI team wrote it (review of session 44, h6). */
class GateRulesFileReviewTest {

    static final String DIR = GateCommandTest.DIR;

    @TempDir
    Path dir;

    private Result gate(String rulesFile) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yml"), rulesFile);
        return GateCommandTest.run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/one-group.yaml",
                "--rules", rules.toString(), "--out", dir.resolve("g").toString());
    }

    /**
     * A misspelt state in a rule ({@code functions.X.finalState != Faild}) passed whatever the run did, and
     * {@code == Activ} failed like a regression: {@code check} refuses it in an {@code expect:} block, the gate took it
     * as any text. Now bad input before anything runs, with the closest value, at the rule's index.
     */
    @Test
    void aMisspeltStateOrReasonCodeInARuleIsBadInputBeforeAnyRun() throws Exception {
        ScenarioException x = assertThrows(ScenarioException.class, () -> Gate.rules(List.of("quota headroom >= 5",
                "functions.api.finalState != Faild", "functions.api.finalReasonCode == SubnetOutOfIpAddresses",
                "functions.api.lastUpdateStatus == Successful"), "rules.yml", "gate"));
        assertEquals(2, x.problems().size(), x.getMessage());
        assertTrue(x.getMessage().contains("rules.yml: gate[1]: 'functions.api.finalState != Faild': 'Faild' is not a"
                + " final state enisim reports (did you mean 'Failed'?)"), x.getMessage());
        assertTrue(x.getMessage().contains("rules.yml: gate[2]: 'functions.api.finalReasonCode =="
                + " SubnetOutOfIpAddresses': 'SubnetOutOfIpAddresses' is not a state reason code enisim reports (did"
                + " you mean 'SubnetOutOfIPAddresses'?)"), x.getMessage());

        Result r = assertDoesNotRun("gate:\n  - \"functions.order-worker-01.finalState != Activ\"\n");
        assertTrue(r.err().contains("rules.yml: gate[0]: 'functions.order-worker-01.finalState != Activ': 'Activ' is not"
                + " a final state enisim reports (did you mean 'Active'?)"), r.err());
    }

    private Result assertDoesNotRun(String rulesFile) throws Exception {
        Result r = gate(rulesFile);
        assertEquals(2, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(dir.resolve("g")), "bad input: nothing run, no folder made");
        return r;
    }
}
