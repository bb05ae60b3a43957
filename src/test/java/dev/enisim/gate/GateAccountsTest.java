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
 * A change deployed into one of a landing zone's workload accounts (subnets shared through AWS RAM): the gate put it
 * into the scenario's first account, silently (review r2, session 60). Keys are per account (domain.md 10), so a new
 * function of the account that already has an ENI on its key needs no address.
 */
class GateAccountsTest {

    /** Two /28 shared subnets with one free address each; account 300000000000's b1 holds sg-b's keys. */
    static final String TIGHT = """
            name: tight-shared
            seed: 3
            duration: 1h
            accounts:
              - { id: "100000000000" }
              - { id: "300000000000", concurrencyLimit: 3000 }
            vpcs:
              - id: vpc-shared
                owner: "100000000000"
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/28, az: eu-west-1a, otherUsedIps: 10 }
                  - { id: subnet-b, cidr: 10.0.0.16/28, az: eu-west-1b, otherUsedIps: 10 }
                securityGroups: [sg-b]
            functions:
              - { name: b1, account: "300000000000", existing: Active, vpcConfig: { subnetIds: [subnet-a, subnet-b],\
             securityGroupIds: [sg-b] }, duration: 200ms, arrivals: { poisson: 10/s } }
            """;

    static String plan(String after) {
        return """
                {"format_version": "1.2", "terraform_version": "1.9.8", "planned_values": {"root_module": {}},
                 "resource_changes": [{"address": "aws_lambda_function.b3", "mode": "managed",
                   "type": "aws_lambda_function", "name": "b3",
                   "provider_name": "registry.terraform.io/hashicorp/aws",
                   "change": {"actions": ["create"], "before": null, "after": {"function_name": "b3",
                     "memory_size": 256, "timeout": 15, "reserved_concurrent_executions": RESERVED,
                     "vpc_config": [{"subnet_ids": ["subnet-a", "subnet-b"], "security_group_ids": ["sg-b"]}]AFTER},
                   "after_unknown": {"arn": true}}}]}
                """.replace("AFTER", after);
    }

    @TempDir
    Path dir;

    private Result gate(Path account, Path plan, String... more) {
        String[] args = {"gate", "--account", account.toString(), "--plan", plan.toString(), "--traffic", "b3=5/s",
            "--out", dir.resolve("out").toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return GateCommandTest.run(all);
    }

    @Test
    void aNewFunctionGoesIntoTheAccountGivenAndSharesItsKeys() throws Exception {
        Path account = TestFiles.write(dir, "tight.yaml", TIGHT);
        Path plan = TestFiles.write(dir, "plan.json", plan("").replace("RESERVED", "-1"));
        Result r = gate(account, plan, "--account-id", "300000000000");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("PASSED (deployed into account 300000000000); "), r.out());
        String after = Files.readString(dir.resolve("out/after.yaml"));
        assertTrue(after.contains("- name: \"b3\"\n  account: \"300000000000\"\n"), after);
        String md = Files.readString(dir.resolve("out/gate.md"));
        assertTrue(md.contains("Account: `tight-shared` (the change deploys into account 300000000000)"), md);
        assertTrue(md.contains("0 new ENI key(s)"), md);
    }

    @Test
    void severalAccountsAndNoneSaidIsRefusedNamingThem() throws Exception {
        Path account = TestFiles.write(dir, "tight.yaml", TIGHT);
        Path plan = TestFiles.write(dir, "plan.json", plan("").replace("RESERVED", "-1"));
        Result r = gate(account, plan);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--account-id: the scenario has 2 accounts (100000000000, 300000000000) and the"
                + " change does not say which one it deploys into"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        Result wrong = gate(account, plan, "--account-id", "999999999999");
        assertEquals(2, wrong.code(), wrong.out() + wrong.err());
        assertTrue(wrong.err().contains("--account-id 999999999999: not an account of the scenario (its accounts:"
                + " 100000000000, 300000000000)"), wrong.err());
    }

    @Test
    void thePlansArnNamesTheAccountAndItsConcurrencyLimitIsTheOneChecked() throws Exception {
        Path account = TestFiles.write(dir, "tight.yaml", TIGHT);
        // 2,000 reserved: over the first account's 1,000 - 100, within 300000000000's 3,000 - 100
        Path plan = TestFiles.write(dir, "plan.json", plan(", \"role\": \"arn:aws:iam::300000000000:role/b3\"")
                .replace("RESERVED", "2000"));
        Result r = gate(account, plan);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("(deployed into account 300000000000)"), r.out());
    }

    @Test
    void aSingleAccountScenarioNeedsNoAccount() throws Exception {
        Path account = TestFiles.write(dir, "one.yaml", TIGHT.replaceAll("(?s)accounts:.*?vpcs:", "vpcs:")
                .replace("    owner: \"100000000000\"\n", "").replace("account: \"300000000000\", ", ""));
        Path plan = TestFiles.write(dir, "plan.json", plan("").replace("RESERVED", "-1"));
        Result r = gate(account, plan);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("PASSED; "), r.out());
        assertFalse(Files.readString(dir.resolve("out/after.yaml")).contains("account:"));
    }
}
