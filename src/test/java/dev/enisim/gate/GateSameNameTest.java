package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.TestFiles;
import dev.enisim.importer.ImportCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One app deployed into several workload accounts has the same function names in each (review r2, session 60, item
 * 5): the gate refused a change whose function another account of the scenario has ("enisim holds one function of a
 * name per scenario"). A function is its account's: the change's b1 in account 100000000000 is created there beside
 * account 300000000000's b1, and an update of 300000000000's b1 names it by its label in the after scenario.
 */
class GateSameNameTest {

    @TempDir
    Path dir;

    private static String plan(String action) {
        return GateAccountsTest.plan("").replace("RESERVED", "-1").replace("\"b3\"", "\"b1\"")
                .replace("aws_lambda_function.b3", "aws_lambda_function.b1").replace("[\"create\"]", action);
    }

    private Result gate(String action, String account) throws Exception {
        Path scenario = TestFiles.write(dir, "tight.yaml", GateAccountsTest.TIGHT.replace("otherUsedIps: 10",
                "otherUsedIps: 0"));
        Path plan = TestFiles.write(dir, "plan.json", plan(action));
        return GateCommandTest.run("gate", "--account", scenario.toString(), "--plan", plan.toString(), "--traffic",
                "b1=5/s", "--account-id", account, "--out", dir.resolve("out").toString());
    }

    @Test
    void aFunctionOfANameAnotherAccountHasIsCreatedInTheChangesAccount() throws Exception {
        Result r = gate("[\"create\"]", "100000000000");
        assertEquals(0, r.code(), r.out() + r.err());
        String after = Files.readString(dir.resolve("out/after.yaml"));
        assertTrue(after.contains("- name: \"b1\"\n  account: \"100000000000\"\n"), after);
        assertTrue(after.contains("- name: \"b1\"\n  account: \"300000000000\"\n"), after);
    }

    /**
     * The report matches the two versions' functions by account and name: the created b1 is an added function under
     * its label (it was missing from the table, and the plan's create was said to be an update of 300000000000's b1),
     * and 300000000000's b1, {@code b1} before and {@code 300000000000:b1} after, is the same function, not a new one
     * whose failures are the change's.
     */
    @Test
    void theCreatedFunctionIsReportedAsAddedUnderItsLabel() throws Exception {
        Result r = gate("[\"create\"]", "100000000000");
        assertEquals(0, r.code(), r.out() + r.err());
        String md = Files.readString(dir.resolve("out/gate.md"));
        assertTrue(md.matches("(?s).*\\n\\| 100000000000:b1 \\| create \\| Active \\| [^|]+ \\| - \\| 0 / (\\d+) \\|\\n.*"),
                md);
        assertFalse(md.contains("| 300000000000:b1 |"), "the existing b1 is not the change's: " + md);
        assertFalse(md.contains("| b1 |"), md);
        assertFalse(md.contains("already has a function of that name"), md);
        String created = md.replaceAll("(?s).*\\| 100000000000:b1 \\| create \\| Active \\| [^|]+ \\| - \\| 0 / (\\d+) \\|.*",
                "$1");
        assertTrue(md.contains("of the functions the change creates (invoked while Pending included)"
                + " {ResourceConflictException=" + created + "}"), "the created function's failures only: " + md);
    }

    @Test
    void anUpdateOfOneAccountsFunctionNamesItByItsLabel() throws Exception {
        Path scenario = TestFiles.write(dir, "two.yaml", GateAccountsTest.TIGHT.replace("otherUsedIps: 10",
                "otherUsedIps: 0") + """
                  - { name: b1, account: "100000000000", existing: Active, vpcConfig: { subnetIds: [subnet-a],\
                 securityGroupIds: [sg-b] }, duration: 200ms, arrivals: { poisson: 1/s } }
                """);
        Path plan = TestFiles.write(dir, "plan.json", plan("[\"update\"]").replace("[\"subnet-a\", \"subnet-b\"]",
                "[\"subnet-b\"]").replace("\"before\": null",
                "\"before\": {\"function_name\": \"b1\", \"vpc_config\": [{\"subnet_ids\": [\"subnet-a\"],"
                        + " \"security_group_ids\": [\"sg-b\"]}]}"));
        Result r = GateCommandTest.run("gate", "--account", scenario.toString(), "--plan", plan.toString(),
                "--account-id", "300000000000", "--out", dir.resolve("out").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String after = Files.readString(dir.resolve("out/after.yaml"));
        assertTrue(after.contains("  action: \"updateVpcConfig\"\n  function: \"300000000000:b1\"\n"), after);
    }
}
