package dev.enisim.iac;

import static dev.enisim.iac.ChangeReaderTest.A;
import static dev.enisim.iac.ChangeReaderTest.fn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Terraform plan's values unknown until apply become, as {@code terraform show -json} prints them: a list
 * whose elements are known one by one ({@code after} has null where {@code after_unknown} has true), a module
 * instance of {@code for_each}, an index that cannot be paired next to one that can, a network id that comes from
 * no resource of the plan, provisioned concurrency of a function whose name is known only after apply. Never a
 * guess: what is not resolved is a placeholder, and the function is not simulated.
 */
class TerraformUnknownValuesTest {

    static final String VPC = "vpc-0a1b2c3d4e5f60718";

    @TempDir
    Path dir;

    private Change read(String changes, String rootResources, String moduleCalls) throws Exception {
        Path p = Files.writeString(dir.resolve("plan.json"), """
                {"format_version": "1.2", "terraform_version": "1.9.5", "resource_changes": [%s],
                 "configuration": {"root_module": {"resources": [%s], "module_calls": {%s}}}}
                """.formatted(changes, rootResources, moduleCalls));
        return ChangeReader.read(List.of(), List.of(p), new ChangeReader.Inputs(Map.of(), Map.of(), Map.of(),
                Map.of(A, VPC), Set.of("orders-api"), false));
    }

    /** A created resource whose id is unknown until apply. */
    private static String created(String address, String type, String index, String after) {
        String name = address.replaceFirst("\\[[^]]*]$", "").replaceFirst(".*\\.", "");
        return """
                {"address": "%s", "mode": "managed", "type": "%s", "name": "%s",%s
                 "change": {"actions": ["create"], "before": null, "after": %s, "after_unknown": {"id": true}}}
                """.formatted(address, type, name, index == null ? "" : " \"index\": " + index + ",", after);
    }

    /** A created function in subnet A whose security_group_ids are {@code after} / {@code afterUnknown}. */
    private static String function(String address, String index, String name, String after, String afterUnknown) {
        return """
                {"address": "%s", "mode": "managed", "type": "aws_lambda_function", "name": "fn",%s
                 "change": {"actions": ["create"], "before": null,
                            "after": {"function_name": "%s", "vpc_config": [{"subnet_ids": ["%s"],
                                      "security_group_ids": %s}]},
                            "after_unknown": {"arn": true, "vpc_config": [{"subnet_ids": [false],
                                              "security_group_ids": %s, "vpc_id": true}]}}}
                """.formatted(address, index == null ? "" : " \"index\": " + index + ",", name, A, after,
                afterUnknown);
    }

    /** The configuration of a function whose security_group_ids reference {@code refs}. */
    private static String groupsFrom(String address, String refs) {
        return """
                {"address": "%s", "mode": "managed", "type": "aws_lambda_function", "name": "fn",
                 "expressions": {"vpc_config": [{"subnet_ids": {"constant_value": ["%s"]},
                                                 "security_group_ids": {"references": [%s]}}]}}
                """.formatted(address, A, refs);
    }

    private static String group(String address, String index) {
        return created(address, "aws_security_group", index, "{\"vpc_id\": \"" + VPC + "\"}");
    }

    /**
     * {@code security_group_ids = ["sg-1", aws_security_group.a.id, aws_security_group.b.id, local.extra]}: the known
     * element as it is, the unknown ones in order from the resources of the plan the expression references, and the
     * last one, which references none, unresolved (not the first resource again, not a crash).
     */
    @Test
    void eachUnknownElementOfAListTakesTheNextResourceItReferencesAndTheRestAreUnresolved() throws Exception {
        Change c = read(String.join(",", group("aws_security_group.a", null), group("aws_security_group.b", null),
                function("aws_lambda_function.fn", null, "listed", "[\"sg-1\", null, null, null]",
                        "[false, true, true, true]")),
                groupsFrom("aws_lambda_function.fn", "\"aws_security_group.a.id\", \"aws_security_group.a\","
                        + " \"aws_security_group.b.id\", \"aws_security_group.b\", \"local.extra\""), "");
        Change.Function f = fn(c, "listed");
        assertEquals(List.of("sg-1", "aws_security_group.a", "aws_security_group.b"), f.groups());
        assertFalse(f.vpcKnown(), "one group unknown: not simulated");
        assertEquals(List.of(new Change.Placeholder(dir.resolve("plan.json") + ": resource_changes[2].change.after"
                + ".vpc_config[0].security_group_ids[3]", "unknown until apply", "plan the resource it references"
                + " together with it")), c.placeholders());

        Change both = read(String.join(",", group("aws_security_group.a", null), group("aws_security_group.b", null),
                function("aws_lambda_function.fn", null, "two", "[null, null]", "[true, true]")),
                groupsFrom("aws_lambda_function.fn", "\"aws_security_group.a.id\", \"aws_security_group.a\","
                        + " \"aws_security_group.b.id\", \"aws_security_group.b\""), "");
        assertEquals(List.of("aws_security_group.a", "aws_security_group.b"), fn(both, "two").groups());
        assertTrue(fn(both, "two").vpcKnown(), both.placeholders().toString());
    }

    /**
     * {@code [aws_security_group.sg[each.value].id, aws_security_group.common.id]}: the first element's group cannot
     * be paired, so the elements cannot be matched to the resources in order: none is taken (common is not the first
     * element's group), each is unresolved and says why. A function after it, whose group resolves, is not touched.
     */
    @Test
    void anIndexThatCannotBePairedLeavesEveryElementOfItsListUnresolvedAndNoOtherFunction() throws Exception {
        Change c = read(String.join(",", group("aws_security_group.sg[\\\"a\\\"]", "\"a\""),
                group("aws_security_group.common", null),
                function("aws_lambda_function.fn[\\\"a\\\"]", "\"a\"", "keyed", "[null, null]", "[true, true]"),
                function("aws_lambda_function.plain", null, "plain", "[null]", "[true]")),
                String.join(",", groupsFrom("aws_lambda_function.fn", "\"aws_security_group.sg\", \"each.value\","
                        + " \"aws_security_group.common.id\", \"aws_security_group.common\""),
                        groupsFrom("aws_lambda_function.plain", "\"aws_security_group.common.id\","
                                + " \"aws_security_group.common\"")), "");
        Change.Function keyed = fn(c, "keyed");
        assertFalse(keyed.vpcKnown());
        assertEquals(List.of(), keyed.groups(), "not common as its first group");
        List<String> where = c.placeholders().stream().map(Change.Placeholder::where).toList();
        String at = dir.resolve("plan.json") + ": resource_changes[2].change.after.vpc_config[0].security_group_ids";
        assertEquals(List.of(at + "[0]", at + "[1]"), where);
        assertTrue(c.placeholders().get(1).what().startsWith("unknown until apply: comes from an instance of"
                + " aws_security_group.sg chosen by each.value, which enisim cannot pair"), c.placeholders().toString());
        assertEquals("give the ids in the plan (-var)", c.placeholders().get(1).howToGive());

        Change.Function plain = fn(c, "plain");
        assertTrue(plain.vpcKnown(), c.placeholders().toString());
        assertEquals(List.of("aws_security_group.common"), plain.groups());
    }

    /**
     * {@code subnet_ids = [module.net["a"].subnet_id]} with {@code module "net"} over {@code for_each}: the subnet of
     * that module instance, not of every instance.
     */
    @Test
    void anOutputOfOneInstanceOfAModuleIsThatInstancesResourceOnly() throws Exception {
        String subnet = "{\"vpc_id\": \"" + VPC + "\", \"cidr_block\": \"10.0.%d.0/24\"}";
        String fn = """
                {"address": "aws_lambda_function.fn", "mode": "managed", "type": "aws_lambda_function", "name": "fn",
                 "change": {"actions": ["create"], "before": null,
                            "after": {"function_name": "in-a", "vpc_config": [{"security_group_ids": ["sg-1"]}]},
                            "after_unknown": {"vpc_config": [{"subnet_ids": true, "security_group_ids": [false]}]}}}
                """;
        Change c = read(String.join(",", created("module.net[\\\"a\\\"].aws_subnet.this", "aws_subnet", null,
                subnet.formatted(1)), created("module.net[\\\"b\\\"].aws_subnet.this", "aws_subnet", null,
                subnet.formatted(2)), fn), """
                {"address": "aws_lambda_function.fn", "mode": "managed", "type": "aws_lambda_function", "name": "fn",
                 "expressions": {"vpc_config": [{"subnet_ids": {"references": ["module.net[\\"a\\"].subnet_id",
                   "module.net[\\"a\\"]", "module.net"]}, "security_group_ids": {"constant_value": ["sg-1"]}}]}}
                """, """
                "net": {"source": "./net", "for_each_expression": {"references": ["local.azs"]},
                        "module": {"outputs": {"subnet_id": {"expression": {"references": ["aws_subnet.this.id",
                                                                                          "aws_subnet.this"]}}},
                                   "resources": [{"address": "aws_subnet.this", "mode": "managed",
                                                  "type": "aws_subnet", "name": "this"}]}}
                """);
        Change.Function f = fn(c, "in-a");
        assertEquals(List.of("module.net[\"a\"].aws_subnet.this"), f.subnets());
        assertTrue(f.vpcKnown(), c.placeholders().toString());
    }

    /**
     * A subnet's {@code vpc_id} from {@code aws_vpc.main[each.value]} (which instance, unknown here) and a security
     * group's from a data source read at apply: no VPC is guessed for them, and each placeholder says why.
     */
    @Test
    void aNetworkIdThatCannotBeResolvedIsAPlaceholderNotAGuess() throws Exception {
        Change c = read(String.join(",", created("aws_vpc.main[\\\"x\\\"]", "aws_vpc", "\"x\"",
                "{\"cidr_block\": \"10.1.0.0/16\"}"), """
                {"address": "aws_subnet.s[\\"a\\"]", "mode": "managed", "type": "aws_subnet", "name": "s",
                 "index": "a", "change": {"actions": ["create"], "before": null,
                 "after": {"cidr_block": "10.1.1.0/24", "availability_zone": "eu-west-1a"},
                 "after_unknown": {"id": true, "vpc_id": true}}}
                """, """
                {"address": "aws_security_group.g", "mode": "managed", "type": "aws_security_group", "name": "g",
                 "change": {"actions": ["create"], "before": null, "after": {"name": "g"},
                 "after_unknown": {"id": true, "vpc_id": true}}}
                """), """
                {"address": "aws_subnet.s", "mode": "managed", "type": "aws_subnet", "name": "s",
                 "expressions": {"vpc_id": {"references": ["aws_vpc.main", "each.value"]}}},
                {"address": "aws_security_group.g", "mode": "managed", "type": "aws_security_group", "name": "g",
                 "expressions": {"vpc_id": {"references": ["data.aws_vpc.shared.id", "data.aws_vpc.shared"]}}}
                """, "");
        assertNull(c.subnets().get(0).vpc());
        assertNull(c.groups().get(0).vpc());
        String plan = dir.resolve("plan.json").toString();
        assertEquals(List.of(new Change.Placeholder(plan + ": resource_changes[1].change.after.vpc_id", "vpc_id of"
                + " aws_subnet.s[\"a\"] is known only after apply, and comes from an instance of aws_vpc.main chosen by"
                + " each.value, which enisim cannot pair with this instance's key [\"a\"] (only aws_vpc.main[count.index]"
                + " and aws_vpc.main[each.key] are paired)", "give it a value the plan knows (a literal or -var)"),
                new Change.Placeholder(plan + ": resource_changes[2].change.after.vpc_id", "vpc_id of"
                        + " aws_security_group.g is known only after apply, and references no resource this plan"
                        + " creates", "give it a value the plan knows (a literal or -var)")), c.placeholders());
    }

    /**
     * A module's output that leads, through the variable its call passes, back to itself: Terraform refuses such a
     * cycle, but a plan written by hand may have one; it is read to its end, unresolved, never followed forever.
     */
    @Test
    void aCycleOfModuleOutputsAndVariablesEndsUnresolved() throws Exception {
        String fn = """
                {"address": "aws_lambda_function.fn", "mode": "managed", "type": "aws_lambda_function", "name": "fn",
                 "change": {"actions": ["create"], "before": null,
                            "after": {"function_name": "looped", "vpc_config": [{"security_group_ids": ["sg-1"]}]},
                            "after_unknown": {"vpc_config": [{"subnet_ids": true, "security_group_ids": [false]}]}}}
                """;
        Change c = read(fn, """
                {"address": "aws_lambda_function.fn", "mode": "managed", "type": "aws_lambda_function", "name": "fn",
                 "expressions": {"vpc_config": [{"subnet_ids": {"references": ["module.loop.ids", "module.loop"]},
                                                 "security_group_ids": {"constant_value": ["sg-1"]}}]}}
                """, """
                "loop": {"source": "./loop", "expressions": {"x": {"references": ["module.loop.ids", "module.loop"]}},
                         "module": {"outputs": {"ids": {"expression": {"references": ["var.x"]}}}}}
                """);
        assertFalse(fn(c, "looped").vpcKnown());
        assertEquals(List.of("subnet_ids of aws_lambda_function.fn is known only after apply, and comes from"
                + " module.loop.ids, module.loop"), c.placeholders().stream().map(Change.Placeholder::what).toList());
    }

    /**
     * {@code function_name = "app-${random_id.x.hex}"}: the function is simulated under its resource's name (said in a
     * note), and its {@code aws_lambda_provisioned_concurrency_config}, whose function_name is that function's, unknown
     * too, is its provisioned concurrency, not "a function this plan does not change". One whose function_name comes
     * from no resource of the plan is a note.
     */
    @Test
    void provisionedConcurrencyOfAFunctionWhoseNameIsKnownOnlyAfterApplyIsItsOwn() throws Exception {
        String pc = """
                {"address": "aws_lambda_provisioned_concurrency_config.%1$s", "mode": "managed",
                 "type": "aws_lambda_provisioned_concurrency_config", "name": "%1$s",
                 "change": {"actions": ["create"], "before": null,
                            "after": {"provisioned_concurrent_executions": %2$d, "qualifier": "live"},
                            "after_unknown": {"function_name": true, "id": true}}}
                """;
        Change c = read(String.join(",", """
                {"address": "aws_lambda_function.app", "mode": "managed", "type": "aws_lambda_function", "name": "app",
                 "change": {"actions": ["create"], "before": null, "after": {"memory_size": 512, "vpc_config": []},
                            "after_unknown": {"arn": true, "function_name": true, "vpc_config": []}}}
                """, pc.formatted("app", 7), pc.formatted("other", 3)), """
                {"address": "aws_lambda_provisioned_concurrency_config.app", "mode": "managed",
                 "type": "aws_lambda_provisioned_concurrency_config", "name": "app",
                 "expressions": {"function_name": {"references": ["aws_lambda_function.app.function_name",
                                                                  "aws_lambda_function.app"]}}},
                {"address": "aws_lambda_provisioned_concurrency_config.other", "mode": "managed",
                 "type": "aws_lambda_provisioned_concurrency_config", "name": "other",
                 "expressions": {"function_name": {"references": ["data.aws_lambda_function.other.function_name",
                                                                  "data.aws_lambda_function.other"]}}}
                """, "");
        Change.Function app = fn(c, "app");
        assertEquals(512, app.memoryMb());
        assertEquals(7, app.provisioned());
        List<String> notPlanned = c.notes().stream().filter(n -> n.contains("does not change")).toList();
        assertEquals(List.of(dir.resolve("plan.json") + ": aws_lambda_provisioned_concurrency_config.other:"
                + " provisioned concurrency of a function this plan does not change; not simulated"), notPlanned);
    }
}
