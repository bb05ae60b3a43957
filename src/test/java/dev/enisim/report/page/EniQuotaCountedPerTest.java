package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.report.Narrative;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code vpcs[*].eniQuotaCountedPer} [assumed]: whether a shared VPC's ENI quota counts every account's ENIs in it
 * ({@code vpc}, the default) or each account's against its own copy ({@code account}). Two accounts whose ENIs
 * together pass the quota: under {@code vpc} the later ones are refused (EniLimitExceeded), under {@code account}
 * none is, and the account whose own copy is full is the one named.
 */
class EniQuotaCountedPerTest {

    private static final String A = "111111111111";
    private static final String B = "222222222222";

    /**
     * vpc-shared (owner A, quota {@code quota}, 1 ENI of other services) with one subnet; A has two existing
     * functions (2 keys), B two existing and {@code bCreated} created at 1 minute, each on its own security group.
     */
    private static String scenario(String countedPer, int quota, int bCreated) {
        StringBuilder y = new StringBuilder("""
                name: quota-counted-per
                duration: 10m
                accounts:
                  - { id: "111111111111" }
                  - { id: "222222222222" }
                vpcs:
                  - id: vpc-shared
                    owner: "111111111111"
                    eniQuota: %d
                    otherUsedEnis: 1
                %s    subnets:
                      - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                    securityGroups: [sg-1, sg-2, sg-3, sg-4, sg-5]
                functions:
                  - { name: a-1, account: "111111111111", existing: Active, duration: 100ms, arrivals: { constant: 1/m }, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] } }
                  - { name: a-2, account: "111111111111", existing: Active, duration: 100ms, arrivals: { constant: 1/m }, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-2] } }
                  - { name: b-1, account: "222222222222", existing: Active, duration: 100ms, arrivals: { constant: 1/m }, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] } }
                  - { name: b-2, account: "222222222222", existing: Active, duration: 100ms, arrivals: { constant: 1/m }, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-2] } }
                """.formatted(quota, countedPer == null ? "" : "    eniQuotaCountedPer: " + countedPer + "\n"));
        for (int i = 3; i < 3 + bCreated; i++) {
            y.append("  - { name: b-").append(i).append(", account: \"222222222222\", createdAt: 1m, duration: 100ms,"
                    + " arrivals: { constant: 1/m }, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-")
                    .append(i).append("] } }\n");
        }
        return y.toString();
    }

    private static RunResult run(String yaml) throws Exception {
        return new Simulation(ScenarioLoader.parse(yaml, "t.yaml"), 0).checkingInvariants().run();
    }

    private static String state(RunSummary s, String function) {
        RunSummary.FunctionSummary f = s.functions().get(function);
        return f.finalState() + (f.finalReasonCode() == null ? "" : "/" + f.finalReasonCode());
    }

    /** 2 + 1 of A's, 3 of B's: 6 in a quota of 4. One quota: B's later ENIs refused; one each: none. */
    @Test
    void oneQuotaRefusesTheLaterAccountsEnisEachAccountsOwnDoesNot() throws Exception {
        for (String vpc : new String[] {null, "vpc"}) { // the default is vpc: today's behaviour
            RunSummary s = run(scenario(vpc, 4, 1)).summary();
            assertEquals("Active", state(s, "a-1"));
            assertEquals("Active", state(s, "b-1"));
            assertEquals("Failed/EniLimitExceeded", state(s, "b-2"), "1 + 2 + 1 = 4: no slot left");
            assertEquals("Failed/EniLimitExceeded", state(s, "b-3"));
            assertEquals(new RunSummary.VpcSummary(4, 3, 3, 1), s.vpcs().get("vpc-shared"), "no per-account figures");
        }
        RunResult r = run(scenario("account", 4, 1));
        RunSummary s = r.summary();
        for (String f : new String[] {"a-1", "a-2", "b-1", "b-2", "b-3"}) {
            assertEquals("Active", state(s, f), f + ": each account's ENIs count against its own copy");
        }
        Map<String, RunSummary.VpcSummary> byAccount = new LinkedHashMap<>();
        byAccount.put(A, new RunSummary.VpcSummary(4, 2, 2, 1)); // the owner's copy holds other services' ENIs
        byAccount.put(B, new RunSummary.VpcSummary(4, 3, 3, 0));
        assertEquals(new RunSummary.VpcSummary(4, 5, 5, 1, "account", byAccount), s.vpcs().get("vpc-shared"));
        assertTrue(s.vpcs().get("vpc-shared").full().isEmpty(), "no copy reached its quota");
    }

    /**
     * B's copy full (4 of 4 with b-5 refused) while A's is at 3 of 4: the refusal, the page's cause and the
     * narrative's why name B's own quota, not A's and not the VPC's.
     */
    @Test
    void theFullCopyIsTheRefusedAccounts() throws Exception {
        RunResult r = run(scenario("account", 3, 3));
        RunSummary s = r.summary();
        assertEquals("Active", state(s, "b-3"), "B's third ENI fits its own copy of 3");
        assertEquals("Failed/EniLimitExceeded", state(s, "b-4"));
        assertEquals("Failed/EniLimitExceeded", state(s, "b-5"));
        RunSummary.VpcSummary v = s.vpcs().get("vpc-shared");
        assertEquals(new RunSummary.VpcSummary(3, 3, 3, 0), v.byAccount().get(B));
        assertEquals(new RunSummary.VpcSummary(3, 2, 2, 1), v.byAccount().get(A), "A's copy full too (2 + 1)");
        String why = String.join("\n", Narrative.lines(r));
        assertTrue(why.contains("account " + B + "'s own ENI quota in VPC vpc-shared (vpcs[*].eniQuota, 3, counted"
                + " per account"), why);
        assertTrue(!why.contains("account " + A + "'s own"), "A had no function refused: " + why);
        assertTrue(why.contains("as vpcs[*].eniQuotaCountedPer: account says"), why);
        String cause = Headlines.eniLimitCause(r, "b-4");
        assertEquals("the function is Failed: account " + B + "'s own ENI quota in vpc-shared was full (3, each"
                + " account's: vpcs[*].eniQuotaCountedPer)", cause);
    }

    /** Anything but vpc or account is refused, naming the field. */
    @Test
    void anOtherWordIsRefused() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> ScenarioLoader.parse(scenario("accounts", 4, 0), "t.yaml"));
        assertTrue(e.getMessage().contains("vpcs[0].eniQuotaCountedPer")
                && e.getMessage().contains("expected 'vpc'"), e.getMessage());
    }

    /** Under the legacy model no Hyperplane quota applies: no per-account figures. */
    @Test
    void legacyHasNoCopies() throws Exception {
        RunSummary s = run(scenario("account", 4, 0).replace("duration: 10m\n",
                "duration: 10m\nnetworkModel: legacy\n")).summary();
        assertNull(s.vpcs().get("vpc-shared").byAccount());
    }
}
