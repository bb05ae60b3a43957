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
 * A plan's functions at the edges of what the gate reads: the note on functions paired with groups by each.key says
 * "key", a function whose own index has no group instance in the plan says which instance is missing, and a plan
 * destroying a function outside any VPC (Terraform's state holds {@code vpc_config: []}) deletes it. Session 48:
 * PIT's survivors of {@code TerraformPlan.pair} and {@code function} (session 46's run).
 */
class TerraformPairingEdgesTest {

    @TempDir
    Path dir;

    private Change read(String plan) throws Exception {
        Path p = Files.writeString(dir.resolve("plan.json"), plan);
        return ChangeReader.read(List.of(), List.of(p), new ChangeReader.Inputs(Map.of(), Map.of(), Map.of(),
                Map.of(TerraformInstanceKeysTest.SUBNET, TerraformInstanceKeysTest.VPC), Set.of("old-fn"), false));
    }

    @Test
    void functionsPairedByEachKeyAreSaidToBePairedByKey() throws Exception {
        Change c = read(TerraformInstanceKeysTest.plan(2, true, "each.key"));
        List<String> paired = c.notes().stream().filter(n -> n.contains("paired")).toList();
        assertEquals(1, paired.size(), c.notes().toString());
        assertTrue(paired.get(0).contains("aws_lambda_function.fn's vpc_config.security_group_ids references"
                + " aws_security_group.sg by each.key: each instance is paired with the aws_security_group.sg instance"
                + " of its own key, as aws_security_group.sg[each.key] would"), paired.get(0));
    }

    @Test
    void aFunctionWhoseOwnIndexHasNoGroupInThePlanSaysWhichInstanceIsMissing() throws Exception {
        String plan = TerraformInstanceKeysTest.plan(3, false, "count.index")
                .replace("\"aws_security_group.sg[2]\"", "\"aws_security_group.other[2]\"");
        Change c = read(plan);
        assertTrue(ChangeReaderTest.fn(c, "fn-1").vpcKnown());
        Change.Function third = ChangeReaderTest.fn(c, "fn-2");
        assertFalse(third.vpcKnown(), "its group is not known");
        assertTrue(third.groups().isEmpty(), third.groups().toString());
        List<String> said = c.placeholders().stream().map(Change.Placeholder::what).toList();
        assertEquals(List.of("security_group_ids of aws_lambda_function.fn[2] is known only after apply, and comes"
                + " from aws_security_group.sg[2] (count.index), which the plan does not have"), said);
    }

    @Test
    void destroyingAFunctionOutsideAnyVpcDeletesIt() throws Exception {
        Change c = read("""
                {"format_version": "1.2", "terraform_version": "1.9.5", "resource_changes": [
                  {"address": "aws_lambda_function.old", "mode": "managed", "type": "aws_lambda_function",
                   "name": "old", "provider_name": "registry.terraform.io/hashicorp/aws",
                   "change": {"actions": ["delete"], "before": {"function_name": "old-fn", "memory_size": 128,
                              "vpc_config": []}, "after": null, "after_unknown": {}}}]}
                """);
        Change.Function f = ChangeReaderTest.fn(c, "old-fn");
        assertEquals(Change.Action.DELETE, f.action());
        assertTrue(f.subnets().isEmpty());
        assertTrue(f.vpcKnown());
    }
}
