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
        assertTrue(r.err().contains("rules.yml:2: gate[0]: 'functions.order-worker-01.finalState != Activ': 'Activ' is"
                + " not a final state enisim reports (did you mean 'Active'?)"), r.err());
    }

    /**
     * A gate rule a letter off ({@code new ENI <= 5}, {@code no functon Failed}, {@code quota headroom > 50}) was told
     * as neither a rule nor an expectation, with the eight forms and an expectation's grammar, and no word of the one
     * meant: the closest rule is named now, with the sentence's own figure.
     */
    @Test
    void aRuleALetterOffNamesTheRuleMeant() {
        ScenarioException x = assertThrows(ScenarioException.class, () -> Gate.rules(List.of("new ENI <= 5",
                "no functon Failed", "quota headroom > 50", "no function pending longer then 10m",
                "every subnet keep 10% of its IPs at the peak", "the subnets look fine"), "rules.yml", "gate"));
        String m = x.getMessage();
        for (String s : new String[] {"gate[0]: 'new ENI <= 5' is not a gate rule nor a summary expectation: did you"
                + " mean 'new ENIs <= 5'? (the gate's rules: no function Failed;",
            "gate[1]: 'no functon Failed' is not a gate rule nor a summary expectation: did you mean 'no function"
                + " Failed'?",
            "gate[2]: 'quota headroom > 50' is not a gate rule nor a summary expectation: did you mean 'quota headroom"
                + " >= 50'?",
            "gate[3]: 'no function pending longer then 10m' is not a gate rule nor a summary expectation: did you mean"
                + " 'no function Pending longer than 10m'?",
            "gate[4]: 'every subnet keep 10% of its IPs at the peak' is not a gate rule nor a summary expectation: did"
                + " you mean 'every subnet keeps 10% of its IPs at the peak'?",
            "gate[5]: 'the subnets look fine' is not a gate rule (no function Failed;"}) {
            assertTrue(m.contains(s), s + " in " + m);
        }
        assertFalse(m.contains("'the subnets look fine' is not a gate rule nor"), "nothing close: no guess");
    }

    private Result assertDoesNotRun(String rulesFile) throws Exception {
        Result r = gate(rulesFile);
        assertEquals(2, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(dir.resolve("g")), "bad input: nothing run, no folder made");
        return r;
    }

    /**
     * An {@code expect:} list beside {@code gate:} was ignored without a word (the gate read {@code gate:} only and
     * passed a change its {@code enis.peak <= 1} refused), as was any other key, a misspelt {@code gates:} with its
     * rules included; an item that was not a sentence (a bare {@code - new ENIs: 5}, a map in YAML) was read as the
     * rule {@code ''}. Each is now bad input, said together with the rules' own problems, at the file's indexes.
     */
    @Test
    void whatARulesFileHoldsBesideItsListIsBadInputNotIgnored() throws Exception {
        Result both = assertDoesNotRun("gate:\n  - \"quota headroom >= 1\"\nexpect:\n  - \"enis.peak <= 1\"\n");
        assertTrue(both.err().contains("rules.yml:3: expect: a rules file gives its rules under `gate:` or `expect:`, not"
                + " both (one of them was ignored): put them in one list under `gate:`"), both.err());

        Result typo = assertDoesNotRun("gate:\n  - \"quota headroom >= 1\"\ngates:\n  - \"new ENIs <= 0\"\n");
        assertTrue(typo.err().contains("rules.yml:3: gates: unknown key 'gates' (a rules file holds a list of rule"
                + " sentences under `gate:`); did you mean 'gate'?"), typo.err());

        Result alone = assertDoesNotRun("gates:\n  - \"new ENIs <= 0\"\n");
        assertTrue(alone.err().contains("did you mean 'gate'?"), alone.err());
        assertEquals(1, alone.err().strip().lines().filter(l -> l.startsWith(dir.toString())).count(), alone.err());

        Result items = assertDoesNotRun("gate:\n  - new ENIs: 5\n  - \"quota headroom >= fifty\"\n  - 5\n"
                + "  - \"quota headroom >= 1\"\n");
        List<String> lines = items.err().strip().lines().filter(l -> l.matches(".*rules\\.yml:\\d+: gate\\[.*")).toList();
        assertEquals(3, lines.size(), items.err());
        assertTrue(lines.get(0).contains("gate[0]: expected a rule sentence such as 'new ENIs <= 5' (quote it in YAML:"
                + " a bare `- new ENIs: 5` is a map, not a sentence), got a map"), items.err());
        assertTrue(lines.get(1).contains("gate[1]: 'quota headroom >= fifty' is not a gate rule"), items.err());
        assertTrue(lines.get(2).contains("gate[2]: expected a rule sentence"), items.err());
        assertTrue(lines.get(2).endsWith("got '5'"), items.err());
    }
}
