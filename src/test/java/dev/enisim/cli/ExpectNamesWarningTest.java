package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An expectation naming a function, subnet or VPC the scenario does not have (a typo) is warned of by every command,
 * with the closest name, and refused by check and validate before any run (an SRE team's wish, session 49):
 * validate said "ok" for one with a list element, run said nothing, check refused it after the whole run; then
 * validate said "ok" with a warning to what check refused (pass 61).
 */
class ExpectNamesWarningTest {

    @TempDir
    Path dir;

    private Path scenario(String... sentences) throws Exception {
        StringBuilder expect = new StringBuilder("expect:\n");
        for (String s : sentences) {
            expect.append("  - \"").append(s).append("\"\n");
        }
        return Files.writeString(dir.resolve("n.yaml"), """
                name: n
                duration: 2m
                vpcs:
                  - id: vpc-a
                    subnets:
                      - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                    securityGroups: [sg-a]
                functions:
                  - name: checkout
                    memoryMb: 512
                    timeout: 10s
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                    duration: { dist: constant, value: 100ms }
                    arrivals: { constant: 1/s }
                """ + expect);
    }

    @Test
    void aMisspeltNameIsWarnedOfByEveryCommandAndRefusedByCheckBeforeItsRun() throws Exception {
        Path f = scenario("functions.chekout.transitions[0].state == Active", "functions.checkout.finalState == "
                + "Active", "subnets.subnet-b.peakEnis >= 0", "eniKeys.subnet-x+[sg-a].peakEnis >= 0",
                "mean(vpcs.vpc-b.peakEnis) >= 0", "functions.zzzzzzzzzz.finalState == Active");
        String first = f + ": expect[0]: 'functions.chekout.transitions[0].state' names function 'chekout', which the"
                + " scenario does not have (did you mean 'checkout'?); check refuses it (exit 2)";
        Result v = CliTest.run("validate", f.toString());
        assertEquals(2, v.code(), "refused as check refuses it: " + v.err());
        assertFalse(v.out().contains(": ok ("), v.out());
        assertTrue(v.err().contains(f + ":16: expect[0]: 'functions.chekout.transitions[0].state' names function"
                + " 'chekout', which the scenario does not have (did you mean 'checkout'?)\n"), v.err());
        assertFalse(v.err().contains("warning:"), "a problem, not a warning: " + v.err());
        assertTrue(v.err().contains("expect[2]: 'subnets.subnet-b.peakEnis' names subnet 'subnet-b', which the"
                + " scenario does not have (did you mean 'subnet-a'?)"), v.err());
        assertTrue(v.err().contains("expect[3]: 'eniKeys.subnet-x+[sg-a].peakEnis': its ENI key is on subnet"
                + " 'subnet-x', which the scenario does not have"), v.err());
        assertTrue(v.err().contains("expect[4]: 'vpcs.vpc-b.peakEnis' names VPC 'vpc-b'"), v.err());
        assertTrue(v.err().contains("expect[5]: 'functions.zzzzzzzzzz.finalState' names function 'zzzzzzzzzz',"
                + " which the scenario does not have (its function: checkout)"), v.err());
        assertFalse(v.err().contains("expect[1]"), "a name the scenario has: " + v.err());
        assertFalse(v.err().contains("unknown metric 'functions.zzzzzzzzzz"), "said once: " + v.err());

        Result r = CliTest.run("run", f.toString(), "--out", dir.resolve("out").toString(), "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: " + first), "run reads no expect block, and says so: " + r.err());

        Result c = CliTest.run("check", f.toString());
        assertEquals(2, c.code(), c.err());
        assertTrue(c.err().contains("n.yaml:16: expect[0]: 'functions.chekout.transitions[0].state' names function"
                + " 'chekout', which the scenario does not have (did you mean 'checkout'?)"), c.err());
        assertFalse(c.out().contains("PASS"), "refused before the run: " + c.out());
    }
}
