package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.check.Checker;
import dev.enisim.iac.Change;
import dev.enisim.metrics.RunSummary;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migrating architect's review of the gate: a failed VPC update alone fails {@code no function Failed}; a subnet
 * the new keys fitted in exactly is no cause; a function Failed before the change is said to be so.
 */
class GateMigrationReviewTest {

    @TempDir
    Path dir;

    private static final String ACCOUNT = """
            name: migration
            seed: 7
            duration: 10m
            bucket: 1m
            account: { concurrencyLimit: 1000 }
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/24, az: eu-west-1a }
                  - { id: subnet-b, cidr: 10.0.2.0/28, az: eu-west-1b, otherUsedIps: 11 }
                securityGroups: [sg-old, sg-new]
            functions:
              - name: kept
                existing: Active
                reservedConcurrency: 1
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-old] }
                duration: { dist: exponential, mean: 500ms }
                arrivals: { poisson: 20/s }
            """;

    private RunSummary runOf(String yaml) throws Exception {
        Path p = Files.writeString(dir.resolve("s" + System.nanoTime() + ".yaml"), yaml);
        return new Simulation(ScenarioLoader.load(p), 0).run().summary();
    }

    /**
     * The impact of updating {@code function} (of {@code account}, its resource {@code resource} in t.yaml) at 1 min to
     * {@code subnet} + sg-new: {@code account} run as it is, then with the update on its timeline.
     */
    private Impact updated(String account, String function, String resource, String subnet) throws Exception {
        RunSummary before = runOf(account);
        RunSummary after = runOf(account + """
                timeline:
                  - { at: 1m, action: updateVpcConfig, function: FUNCTION,
                      vpcConfig: { subnetIds: [SUBNET], securityGroupIds: [sg-new] } }
                """.replace("FUNCTION", function).replace("SUBNET", subnet));
        Change.Function f = new Change.Function(function, "t.yaml: Resources." + resource, Change.Action.UPDATE, true,
                List.of(subnet), List.of("sg-new"), null, null, null, 0, false);
        return Impact.of(before, after, new Change(List.of(f), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of("t.yaml")), 60);
    }

    @Test
    void aFailedVpcUpdateAloneFailsTheRule() throws Exception {
        Impact i = updated(ACCOUNT, "kept", "Kept", "subnet-b");
        assertEquals("Active", i.functions().get(0).state(), "no Failed function beside the failed update");
        Checker.Result r = Rules.evaluate("no function Failed", i);
        assertFalse(r.passed(), r.actual());
        assertTrue(r.actual().startsWith("1 update failed: kept (SubnetOutOfIPAddresses)"), r.actual());
    }

    @Test
    void aFailedUpdateBesideAnUnsettledOneIsNamedToo() {
        Impact i = new Impact(List.of(), List.of(), List.of(new Impact.FunctionImpact("upd", "update", "Active",
                "SubnetOutOfIPAddresses", 0, "Failed", 0, null, 0, 0), new Impact.FunctionImpact("new", "create",
                "Pending", null, 30, null, 0, null, 0, 0)), 0, 0, 0, 0, 0, Map.of());
        Checker.Result r = Rules.evaluate("no function Failed", i);
        assertFalse(r.passed());
        assertTrue(r.actual().startsWith("1 update failed: upd (SubnetOutOfIPAddresses)"), r.actual());
        assertTrue(r.actual().contains("1 still Pending"), r.actual());
    }

    @Test
    void aSubnetIsACauseOnlyWhenItHadFewerFreeIpsThanTheNewKeysNeeded() {
        Impact.SubnetImpact exact = new Impact.SubnetImpact("subnet-exact", "vpc-1", "10.30.0.0/27", 27, 27, 0, 27,
                27);
        Impact.SubnetImpact short1 = new Impact.SubnetImpact("subnet-short", "vpc-1", "10.30.0.64/28", 11, 11, 0, 12,
                11);
        Impact.SubnetImpact mounts = new Impact.SubnetImpact("subnet-mount", "vpc-1", "10.30.0.96/28", 11, 11, 0, 11,
                10, 1);
        Impact i = new Impact(List.of(exact, short1, mounts), List.of(), List.of(new Impact.FunctionImpact("f",
                "create", "Failed", "SubnetOutOfIPAddresses", 0, null, 0, null, 0, 0)), 0, 0, 0, 0, 0, Map.of());
        Checker.Result r = Rules.evaluate("no function Failed", i);
        assertFalse(r.passed());
        assertFalse(r.actual().contains("subnet-exact"), "27 keys fit in 27 free IPs: " + r.actual());
        assertTrue(r.actual().contains("subnet-short (10.30.0.64/28): 12 new ENI key(s) need 12 ENI(s), 11 IP(s)"
                + " were free"), r.actual());
        assertTrue(r.actual().contains("subnet-mount (10.30.0.96/28): 11 new ENI key(s) need 11 ENI(s), 11 IP(s)"
                + " were free at the peak before the change, 1 of them taken by the change's EFS mount target(s)"),
                r.actual());
    }

    @Test
    void aFunctionFailedBeforeTheChangeIsCountedAndSaidToBeSo() throws Exception {
        String broken = ACCOUNT + """
                  - name: broke
                    existing: Failed
                    stateReasonCode: SubnetOutOfIPAddresses
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-old] }
                    duration: { dist: constant, value: 100ms }
                    arrivals: { poisson: 1/s }
                """;
        Impact i = updated(broken, "broke", "Broke", "subnet-a");
        Checker.Result r = Rules.evaluate("no function Failed", i);
        assertFalse(r.passed(), "counted, by design: Lambda refuses the update");
        assertTrue(r.actual().startsWith("1 Failed: broke (SubnetOutOfIPAddresses; already Failed before the change,"
                + " needs delete and recreate)"), r.actual());
    }
}
