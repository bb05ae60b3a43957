package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code security_group_ids = [aws_security_group.sg[count.index].id]} (or {@code [each.key]}): Terraform's plan
 * lists that expression's references as {@code ["aws_security_group.sg", "count.index"]}, the traversal ending at the
 * index it cannot know. Each function instance takes the group instance of its own index or key, not every instance
 * (which gave every function all the groups: one ENI key instead of one each, and a plan of more than 5 refused).
 */
class TerraformInstanceKeysTest {

    static final String SUBNET = ChangeReaderTest.A;
    static final String VPC = "vpc-0a1b2c3d4e5f60718";

    @TempDir
    Path dir;

    /**
     * A plan of {@code n} security groups and {@code n} functions, both with count ({@code forEach}: for_each over
     * "fn-0".."fn-N"), as {@code terraform show -json} prints it: the groups' ids unknown until apply.
     */
    static String plan(int n, boolean forEach, String iterator) {
        StringBuilder changes = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String key = forEach ? "\\\"fn-" + i + "\\\"" : String.valueOf(i);
            String index = forEach ? "\"fn-" + i + "\"" : String.valueOf(i);
            changes.append(i == 0 ? "" : ",").append("""
                {"address": "aws_security_group.sg[%1$s]", "mode": "managed", "type": "aws_security_group",
                 "name": "sg", "index": %2$s, "provider_name": "registry.terraform.io/hashicorp/aws",
                 "change": {"actions": ["create"], "before": null, "after": {"vpc_id": "%3$s", "name": "sg%4$d"},
                            "after_unknown": {"id": true}}},
                {"address": "aws_lambda_function.fn[%1$s]", "mode": "managed", "type": "aws_lambda_function",
                 "name": "fn", "index": %2$s, "provider_name": "registry.terraform.io/hashicorp/aws",
                 "change": {"actions": ["create"], "before": null,
                            "after": {"function_name": "fn-%4$d", "memory_size": 256, "timeout": 10,
                                      "vpc_config": [{"ipv6_allowed_for_dual_stack": false,
                                                      "subnet_ids": ["%5$s"]}]},
                            "after_unknown": {"vpc_config": [{"security_group_ids": true, "subnet_ids": [false],
                                                              "vpc_id": true}]}}}
                """.formatted(key, index, VPC, i, SUBNET));
        }
        String repeat = forEach ? "\"for_each_expression\": {\"references\": [\"local.fns\"]}"
                : "\"count_expression\": {\"constant_value\": " + n + "}";
        return """
            {"format_version": "1.2", "terraform_version": "1.9.5", "resource_changes": [%s],
             "configuration": {"root_module": {"resources": [
               {"address": "aws_security_group.sg", "mode": "managed", "type": "aws_security_group", "name": "sg",
                %s, "expressions": {"vpc_id": {"constant_value": "%s"}}},
               {"address": "aws_lambda_function.fn", "mode": "managed", "type": "aws_lambda_function", "name": "fn",
                %s, "expressions": {"vpc_config": [{"subnet_ids": {"constant_value": ["%s"]},
                  "security_group_ids": {"references": ["aws_security_group.sg", "%s"]}}]}}]}}}
            """.formatted(changes, repeat, VPC, repeat, SUBNET, iterator);
    }

    private Change read(String plan) throws Exception {
        Path p = Files.writeString(dir.resolve("plan.json"), plan);
        return ChangeReader.read(List.of(), List.of(p), new ChangeReader.Inputs(Map.of(), Map.of(), Map.of(),
                Map.of(SUBNET, VPC), Set.of("orders-api"), false));
    }

    @Test
    void countIndexPairsEachFunctionWithTheGroupOfItsOwnIndex() throws Exception {
        Change c = read(plan(3, false, "count.index"));
        for (int i = 0; i < 3; i++) {
            Change.Function f = ChangeReaderTest.fn(c, "fn-" + i);
            assertTrue(f.vpcKnown(), c.placeholders().toString());
            assertEquals(List.of("aws_security_group.sg[" + i + "]"), f.groups(), "its own group, not all three");
        }
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("aws_lambda_function.fn's vpc_config"
                + ".security_group_ids references aws_security_group.sg by count.index: each instance is paired with"
                + " the aws_security_group.sg instance of its own index")), c.notes().toString());
        assertEquals(1, c.notes().stream().filter(n -> n.contains("paired")).count(), "said once, not per instance");
    }

    @Test
    void eachKeyPairsFiftyFunctionsWithTheirOwnGroupInsteadOfRefusingThePlan() throws Exception {
        Change c = read(plan(50, true, "each.key"));
        assertEquals(50, c.functions().size());
        for (int i = 0; i < 50; i++) {
            assertEquals(List.of("aws_security_group.sg[\"fn-" + i + "\"]"), ChangeReaderTest.fn(c, "fn-" + i)
                    .groups());
        }
    }

    @Test
    void anIndexThatCannotBePairedIsUnresolvedNotEveryInstance() throws Exception {
        Change c = read(plan(3, true, "each.value")); // aws_security_group.sg[each.value.sg]: which one, unknown
        for (int i = 0; i < 3; i++) {
            Change.Function f = ChangeReaderTest.fn(c, "fn-" + i);
            assertFalse(f.vpcKnown(), "not simulated: its groups are not known");
            assertTrue(f.groups().isEmpty(), f.groups().toString());
        }
        String p = c.placeholders().get(0).toString();
        assertTrue(p.contains("plan.json: resource_changes[1].change.after_unknown.vpc_config[0].security_group_ids:"
                + " security_group_ids of aws_lambda_function.fn[\"fn-0\"] is known only after apply, and comes from an"
                + " instance of aws_security_group.sg chosen by each.value, which enisim cannot pair"), p);
        Change wrongKind = read(plan(2, true, "count.index")); // count.index of a for_each resource: not a pair
        assertFalse(ChangeReaderTest.fn(wrongKind, "fn-0").vpcKnown());
    }
}
