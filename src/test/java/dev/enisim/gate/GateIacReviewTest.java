package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.check.Checker;
import dev.enisim.iac.Change;
import dev.enisim.iac.ChangeReader;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate on the templates and plans of a platform engineer's second review (the account: {@code gate/account.yaml},
 * orders-api in subnet-0f1e..., which has 6 addresses free).
 */
class GateIacReviewTest {

    static final String SUBNET = "subnet-0f1e2d3c4b5a69788";
    static final String VPC = "vpc-0a1b2c3d4e5f60718";

    @TempDir
    Path dir;

    private Gate.Verdict plan(String json, String... rules) throws Exception {
        Path p = Files.writeString(dir.resolve("plan.json"), json);
        Change c = ChangeReader.read(List.of(), List.of(p), GateTest.against(GateTest.ACCOUNT));
        return Gate.run(GateTest.ACCOUNT, c, new Gate.Options(300, Map.of(), "1/s", List.of(rules)));
    }

    /** One created function's resource change, its security groups known. */
    private static String function(int i, String name, int groups) {
        StringBuilder sgs = new StringBuilder();
        for (int g = 0; g < groups; g++) {
            sgs.append(g == 0 ? "" : ", ").append("\"sg-0").append(i).append(g).append("aaaaaaaaaaaaaa\"");
        }
        return """
            {"address": "aws_lambda_function.%1$s", "mode": "managed", "type": "aws_lambda_function", "name": "%1$s",
             "change": {"actions": ["create"], "before": null,
                        "after": {"function_name": "%1$s", "memory_size": 256, "timeout": 10,
                                  "vpc_config": [{"subnet_ids": ["%2$s"], "security_group_ids": [%3$s]}]},
                        "after_unknown": {}}}
            """.formatted(name, SUBNET, sgs);
    }

    @Test
    void functionsOfCountWithTheirOwnGroupTakeAKeyEachAndFailTheSubnetTheyDoNotFitIn() throws Exception {
        // 3 functions, each its own group (count.index): 3 new keys in a subnet with 6 free leave 3, not 5
        Gate.Verdict v = plan(dev.enisim.iac.TerraformInstanceKeysTestAccess.plan(3, "count.index"),
                "every subnet keeps 4 IPs at the peak");
        Checker.Result r = v.results().get(0);
        assertFalse(r.passed(), r.actual());
        assertTrue(r.actual().contains("3 new ENI(s)"), r.actual());
        assertTrue(v.afterScenario().contains("- \"aws_security_group.sg[2]\""), v.afterScenario());
    }

    @Test
    void aFunctionTheAccountRefusesIsNamedByItsOwnPlanPathNotTheSimulatedScenarios() throws Exception {
        String json = "{\"format_version\": \"1.2\", \"resource_changes\": [" + function(1, "small", 1) + ", "
                + function(2, "big", 6) + ", " + function(3, "bigger", 7) + "]}";
        ScenarioException x = assertThrows(ScenarioException.class, () -> plan(json, "no function Failed"));
        String m = x.getMessage();
        assertFalse(m.contains("functions["), m);
        assertTrue(m.contains("plan.json:9: resource_changes[1].change.after.vpc_config[0].security_group_ids:"
                + " aws_lambda_function.big: at most 5 security groups per function, got 6"), m);
        assertTrue(m.contains("plan.json:14: resource_changes[2].change.after.vpc_config[0].security_group_ids:"
                + " aws_lambda_function.bigger: at most 5 security groups per function, got 7"), m);
        assertEquals(2, m.lines().count(), m);
    }

    private Gate.Verdict template(String yaml, String... rules) throws Exception {
        Path t = Files.writeString(dir.resolve("t.yaml"), "Resources:\n" + yaml);
        Change c = ChangeReader.read(List.of(t), List.of(), GateTest.against(GateTest.ACCOUNT));
        return Gate.run(GateTest.ACCOUNT, c, new Gate.Options(300, Map.of(), "1/s", List.of(rules)));
    }

    private static String ordersApi(String more) {
        return dev.enisim.iac.Templates.function("OrdersApi", "orders-api", "      VpcConfig:\n        SubnetIds: ["
                + SUBNET + "]\n        SecurityGroupIds: [sg-0a11aa11aa11aa11a]\n" + more);
    }

    @Test
    void reservingMoreThanTheAccountAllowsOnAnExistingFunctionFailsAsOnANewOne() throws Exception {
        Gate.Verdict v = template(ordersApi("      ReservedConcurrentExecutions: 990\n"), "no function Failed");
        assertFalse(v.passed(), "Lambda refuses 990 of 1000 - 100 on orders-api, which exists, as on a new function");
        Checker.Result r = v.results().get(0);
        assertEquals(Gate.RESERVED, r.expectation().text());
        assertTrue(r.actual().contains("orders-api 990 (an update; it reserves nothing now)"), r.actual());
        assertFalse(v.afterScenario().contains("reservedConcurrency"), "simulated with the reservation it keeps");
    }

    @Test
    void anUpdateAppliesItsReservationMemoryAndTimeoutToTheExistingFunctionAndSaysSo() throws Exception {
        Gate.Verdict v = template(ordersApi("      ReservedConcurrentExecutions: 200\n      MemorySize: 2048\n"
                + "      Timeout: 30\n"), "no function Failed");
        assertTrue(v.passed(), v.results().toString());
        String after = v.afterScenario();
        assertTrue(after.contains("reservedConcurrency: 200"), after);
        assertTrue(after.contains("memoryMb: 2048"), after);
        assertTrue(after.contains("timeout: \"30s\""), after);
        assertTrue(v.markdown().contains("the change sets reservedConcurrency none -> 200, memoryMb 1024 -> 2048,"
                + " timeout 10s -> 30s: applied to it in the after run from the run's start"), v.markdown());
    }

    @Test
    void aPlanUpdatingAnExistingFunctionsReservationIsCheckedAsWell() throws Exception {
        String json = """
            {"format_version": "1.2", "resource_changes": [
              {"address": "aws_lambda_function.api", "mode": "managed", "type": "aws_lambda_function", "name": "api",
               "change": {"actions": ["update"],
                 "before": {"function_name": "orders-api", "memory_size": 1024, "timeout": 10,
                            "reserved_concurrent_executions": -1,
                            "vpc_config": [{"subnet_ids": ["%1$s"], "security_group_ids": ["sg-0a11aa11aa11aa11a"]}]},
                 "after": {"function_name": "orders-api", "memory_size": 1024, "timeout": 10,
                           "reserved_concurrent_executions": 950,
                           "vpc_config": [{"subnet_ids": ["%1$s"], "security_group_ids": ["sg-0a11aa11aa11aa11a"]}]},
                 "after_unknown": {}}}]}
            """.formatted(SUBNET);
        Gate.Verdict v = plan(json, "no function Failed");
        assertFalse(v.passed());
        assertEquals(Gate.RESERVED, v.results().get(0).expectation().text());
    }

    private Gate.Verdict withParameters(String yaml, String parameters, boolean allowUnsimulated) throws Exception {
        Path t = Files.writeString(dir.resolve("cond.yaml"), yaml);
        Path p = Files.writeString(dir.resolve("params.json"), parameters);
        ChangeReader.Inputs a = GateTest.against(GateTest.ACCOUNT);
        ChangeReader.Inputs in = new ChangeReader.Inputs(ChangeReader.parameters(p), a.exports(), a.pseudo(),
                a.subnetVpc(), a.functions(), false);
        return Gate.run(GateTest.ACCOUNT, ChangeReader.read(List.of(t), List.of(), in), new Gate.Options(300,
                Map.of(), "1/s", List.of("no function Failed"), allowUnsimulated, "gate rules", 1));
    }

    static final String CONDITIONAL = "Parameters:\n  Env: { Type: String, AllowedValues: [dev, prod] }\n"
            + "Conditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n"
            + dev.enisim.iac.Templates.function("ProdOnly", "prod-only", "      VpcConfig:\n        SubnetIds: ["
            + SUBNET + "]\n        SecurityGroupIds: [sg-0b22bb22bb22bb22b]\n").replace("    Type: AWS::Lambda::Function\n",
            "    Type: AWS::Lambda::Function\n    Condition: IsProd\n");

    @Test
    void aVpcFunctionWhoseCreationHangsOnAnUnresolvedConditionFailsTheGateUnlessAllowed() throws Exception {
        String previous = "[{\"ParameterKey\": \"Env\", \"UsePreviousValue\": true}]";
        Gate.Verdict v = withParameters(CONDITIONAL, previous, false);
        assertFalse(v.passed(), "prod-only may be created, in a new key: nothing was checked for it");
        Checker.Result r = v.results().get(0);
        assertEquals(Gate.SIMULATED, r.expectation().text());
        assertTrue(r.actual().startsWith("1 not simulated: prod-only (") && r.actual().contains("cond.yaml:"
                + " Resources.ProdOnly): whether it is created is not known: condition IsProd depends on unresolved"
                + " values"), r.actual());
        assertTrue(withParameters(CONDITIONAL, previous, true).passed(), "--allow-unsimulated");
        Gate.Verdict prod = withParameters(CONDITIONAL, "[{\"ParameterKey\": \"Env\", \"ParameterValue\":"
                + " \"prod\"}]", false); // resolved: simulated, and the rules decide
        assertTrue(prod.results().stream().noneMatch(x -> x.expectation().text().equals(Gate.SIMULATED)),
                prod.results().toString());
    }

    @Test
    void deletingAStackKeepsAFunctionWhoseDeletionPolicyIsRetain() throws Exception {
        Path t = Files.writeString(dir.resolve("retain.yaml"), "Resources:\n" + ordersApi("").replace(
                "    Type: AWS::Lambda::Function\n", "    Type: AWS::Lambda::Function\n    DeletionPolicy: Retain\n"
                + "    UpdateReplacePolicy: Retain\n"));
        ChangeReader.Inputs a = GateTest.against(GateTest.ACCOUNT);
        ChangeReader.Inputs delete = new ChangeReader.Inputs(Map.of(), Map.of(), Map.of(), a.subnetVpc(),
                a.functions(), true);
        Change c = ChangeReader.read(List.of(t), List.of(), delete);
        assertTrue(c.functions().isEmpty(), "CloudFormation keeps a retained function: " + c.functions());
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("retain.yaml: Resources.OrdersApi (orders-api) has"
                + " DeletionPolicy Retain: deleting the stack keeps the function and its ENIs; not deleted here")),
                c.notes().toString());
        Gate.Verdict v = Gate.run(GateTest.ACCOUNT, c, new Gate.Options(300, Map.of(), "1/s", Gate.DEFAULT_RULES));
        assertTrue(v.passed(), "its callers still find it: " + v.results());
        Path deleted = Files.writeString(dir.resolve("plain.yaml"), "Resources:\n" + ordersApi(""));
        assertEquals(Change.Action.DELETE, ChangeReader.read(List.of(deleted), List.of(), delete).functions().get(0)
                .action(), "without the policy, deleted");
    }

    @Test
    void aDeletedFunctionsOwnFailedCallsAreNamedAsItsCallersInTheVerdict() throws Exception {
        Path t = Files.writeString(dir.resolve("gone.yaml"), "Resources:\n" + ordersApi(""));
        ChangeReader.Inputs a = GateTest.against(GateTest.ACCOUNT);
        Change c = ChangeReader.read(List.of(t), List.of(), new ChangeReader.Inputs(Map.of(), Map.of(), Map.of(),
                a.subnetVpc(), a.functions(), true));
        Gate.Verdict v = Gate.run(GateTest.ACCOUNT, c, new Gate.Options(300, Map.of(), "1/s",
                List.of("failing invocations <= 0")));
        Checker.Result r = v.results().get(0);
        assertFalse(r.passed(), "the callers may outlive it: counted");
        assertTrue(r.actual().matches("\\d+ more failed invocations of existing functions"
                + " \\{ResourceNotFoundException=\\d+}: \\d+ of them calls to functions the change deletes"
                + " \\(orders-api\\), their account's recorded traffic: their callers' failures if they outlive the"
                + " change \\(if the change removes the callers too, drop `failing invocations` from --rules\\)"),
                r.actual());
    }

    @Test
    void provisionedConcurrencyOfAnExistingFunctionIsSaidNotSimulatedNotDroppedSilently() throws Exception {
        String version = "  Version:\n    Type: AWS::Lambda::Version\n    Properties:\n      FunctionName: !Ref OrdersApi\n"
                + "      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 5 }\n";
        Gate.Verdict v = template(ordersApi("") + version, "no function Failed");
        assertTrue(v.markdown().contains("the change sets provisioned concurrency 5 (it has 0): not simulated for a"
                + " function that exists"), v.markdown());
    }
}
