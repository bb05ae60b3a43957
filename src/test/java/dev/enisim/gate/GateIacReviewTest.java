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
        assertTrue(m.contains("plan.json: resource_changes[1].change.after.vpc_config[0].security_group_ids:"
                + " aws_lambda_function.big: at most 5 security groups per function, got 6"), m);
        assertTrue(m.contains("plan.json: resource_changes[2].change.after.vpc_config[0].security_group_ids:"
                + " aws_lambda_function.bigger: at most 5 security groups per function, got 7"), m);
        assertEquals(2, m.lines().count(), m);
    }
}
