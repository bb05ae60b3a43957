package dev.enisim.iac;

import static dev.enisim.iac.ChangeReaderTest.A;
import static dev.enisim.iac.ChangeReaderTest.fn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each action and resource type of a Terraform plan ({@code terraform show -json}) as the change it makes: create,
 * update, delete, replace (either order), the ones that change nothing, data sources skipped; a function's settings
 * from {@code after} (from {@code before} when deleted); the network a plan creates; a broken plan's problems at
 * once.
 */
class TerraformPlanResourcesTest {

    @TempDir
    Path dir;

    private static String change(String address, String type, String actions, String before, String after) {
        return "{\"address\": \"" + address + "\", \"mode\": \"managed\", \"type\": \"" + type + "\", \"name\": \""
                + address.substring(address.lastIndexOf('.') + 1) + "\", \"change\": {\"actions\": " + actions
                + ", \"before\": " + before + ", \"after\": " + after + ", \"after_unknown\": {}}}";
    }

    private static String function(String address, String actions, String values) {
        return change(address, "aws_lambda_function", actions, actions.contains("delete") ? values : "null",
                actions.equals("[\"delete\"]") ? "null" : values);
    }

    private Path plan(String... changes) throws Exception {
        return Files.writeString(dir.resolve("plan.json"), "{\"format_version\": \"1.2\", \"resource_changes\": ["
                + String.join(", ", changes) + "]}");
    }

    private static Change read(Path plan) throws Exception {
        return ChangeReader.read(List.of(), List.of(plan), new ChangeReader.Inputs(Map.of(), Map.of(), Map.of(),
                Map.of(A, "vpc-1"), Set.of("existing", "old"), false));
    }

    private static final String VPC = "\"vpc_config\": [{\"subnet_ids\": [\"" + A + "\"], \"security_group_ids\":"
            + " [\"sg-1\"]}]";

    @Test
    void eachActionAndAFunctionsSettings() throws Exception {
        Change c = read(plan(
                function("aws_lambda_function.a", "[\"create\"]", "{\"function_name\": \"new-fn\", \"memory_size\": 1024,"
                        + " \"timeout\": 60, \"runtime\": \"python3.12\", \"reserved_concurrent_executions\": 5,"
                        + " \"publish\": true, " + VPC + "}"),
                function("aws_lambda_function.b", "[\"update\"]", "{\"function_name\": \"existing\","
                        + " \"reserved_concurrent_executions\": -1}"),
                function("aws_lambda_function.c", "[\"delete\"]", "{\"function_name\": \"old\", " + VPC + "}"),
                function("aws_lambda_function.d", "[\"delete\", \"create\"]", "{\"function_name\": \"swap1\"}"),
                function("aws_lambda_function.e", "[\"create\", \"delete\"]", "{\"function_name\": \"swap2\"}"),
                function("aws_lambda_function.f", "[\"create\"]", "{\"function_name\": \"existing2\"}"),
                function("aws_lambda_function.g", "[\"no-op\"]", "{\"function_name\": \"same\"}"),
                function("aws_lambda_function.h", "[\"read\"]", "{\"function_name\": \"read\"}"),
                function("aws_lambda_function.i", "[\"forget\"]", "{\"function_name\": \"forget\"}"),
                function("aws_lambda_function.existing", "[\"create\"]", "{\"function_name\": \"existing\"}")
                        .replace("\"mode\": \"managed\"", "\"mode\": \"data\"")));
        List<String> names = c.functions().stream().map(Change.Function::name).toList();
        assertEquals(List.of("new-fn", "existing", "old", "swap1", "swap2", "existing2"), names,
                "no-op, read, forget and data sources change nothing");
        Change.Function a = fn(c, "new-fn");
        assertEquals(Change.Action.CREATE, a.action());
        assertEquals(1024, a.memoryMb());
        assertEquals(60, a.timeoutSeconds());
        assertEquals(5, a.reserved());
        assertTrue(a.publishes());
        assertEquals("python3.12", a.runtime(), "its runtime: the cold-start preset the gate uses");
        assertEquals(List.of(A), a.subnets());
        assertEquals(List.of("sg-1"), a.groups());
        Change.Function b = fn(c, "existing");
        assertEquals(Change.Action.UPDATE, b.action());
        assertNull(b.reserved(), "-1: no reservation");
        assertNull(b.memoryMb());
        assertFalse(b.publishes());
        assertNull(b.runtime(), "not in the plan: the existing function's");
        assertEquals(List.of(), b.subnets());
        Change.Function deleted = fn(c, "old");
        assertEquals(Change.Action.DELETE, deleted.action());
        assertEquals(List.of(A), deleted.subnets(), "a deleted function's network: from before");
        assertEquals(List.of("sg-1"), deleted.groups());
        assertTrue(c.notes().stream().noneMatch(n -> n.contains("defined twice")), "the data source is not a function"
                + " of the change: " + c.notes());
        assertEquals(Change.Action.REPLACE, fn(c, "swap1").action());
        assertEquals(Change.Action.REPLACE, fn(c, "swap2").action());
        assertEquals(Change.Action.CREATE, fn(c, "existing2").action(), "not in the account");
    }

    /**
     * A vpc_config unknown as a whole until apply (a dynamic block over an unknown value) is not "no VPC": the
     * function is not simulated and the placeholders say why; subnets known with groups unknown are not enough either.
     */
    @Test
    void aVpcConfigNotKnownInFullIsNeverTakenForNone() throws Exception {
        Change c = read(plan(
                change("aws_lambda_function.dyn", "aws_lambda_function", "[\"create\"]", "null",
                        "{\"function_name\": \"dyn\"}").replace("\"after_unknown\": {}",
                        "\"after_unknown\": {\"vpc_config\": true}"),
                change("aws_lambda_function.half", "aws_lambda_function", "[\"create\"]", "null",
                        "{\"function_name\": \"half\", \"reserved_concurrent_executions\": 0, \"vpc_config\":"
                                + " [{\"subnet_ids\": [\"" + A + "\"]}]}").replace("\"after_unknown\": {}",
                        "\"after_unknown\": {\"vpc_config\": [{\"security_group_ids\": true}]}")));
        assertFalse(fn(c, "dyn").vpcKnown(), c.placeholders().toString());
        assertFalse(fn(c, "half").vpcKnown(), c.placeholders().toString());
        assertEquals(List.of(A), fn(c, "half").subnets(), "the known part kept");
        assertEquals(0, fn(c, "half").reserved(), "0 reserved: the function cannot run, not 'no reservation'");
        List<String> what = c.placeholders().stream().map(Change.Placeholder::what).toList();
        String nowhere = " is known only after apply, and the plan's configuration does not say where it comes from";
        assertEquals(List.of("subnet_ids of aws_lambda_function.dyn" + nowhere,
                "security_group_ids of aws_lambda_function.dyn" + nowhere,
                "security_group_ids of aws_lambda_function.half" + nowhere), what);
    }

    @Test
    void aCreatedFunctionWhoseNameTheAccountHasIsAnUpdate() throws Exception {
        Change c = read(plan(function("aws_lambda_function.x", "[\"create\"]", "{\"function_name\": \"existing\"}")));
        assertEquals(Change.Action.UPDATE, fn(c, "existing").action());
    }

    @Test
    void anUnknownNameIsTheResourcesNameAndSaidSo() throws Exception {
        Change c = read(plan(function("aws_lambda_function.worker", "[\"create\"]", "{\"memory_size\": 256}")));
        assertEquals(256, fn(c, "worker").memoryMb());
        assertTrue(c.notes().get(0).endsWith("(aws_lambda_function.worker): function_name unknown: called worker"
                + " here"), c.notes().toString());
    }

    @Test
    void theNetworkAPlanCreatesReplacesOrAddsTo() throws Exception {
        Change c = read(plan(
                change("aws_vpc.v", "aws_vpc", "[\"create\"]", "null", "{\"cidr_block\": \"10.9.0.0/16\"}"),
                change("aws_vpc.kept", "aws_vpc", "[\"update\"]", "{}", "{\"cidr_block\": \"10.8.0.0/16\"}"),
                change("aws_subnet.s", "aws_subnet", "[\"create\"]", "null", "{\"vpc_id\": \"vpc-1\", \"cidr_block\":"
                        + " \"10.9.1.0/24\", \"availability_zone\": \"eu-west-1a\"}"),
                change("aws_subnet.r", "aws_subnet", "[\"delete\", \"create\"]", "{}", "{\"vpc_id\": \"vpc-1\","
                        + " \"cidr_block\": \"\"}"),
                change("aws_subnet.u", "aws_subnet", "[\"update\"]", "{}", "{\"vpc_id\": \"vpc-1\"}"),
                change("aws_security_group.g", "aws_security_group", "[\"create\"]", "null", "{\"vpc_id\":"
                        + " \"vpc-1\"}"),
                change("aws_security_group.u", "aws_security_group", "[\"update\"]", "{}", "{\"vpc_id\": \"vpc-1\"}"),
                change("aws_security_group.r", "aws_security_group", "[\"create\", \"delete\"]", "{}",
                        "{\"vpc_id\": \"vpc-1\"}"),
                change("aws_efs_mount_target.m", "aws_efs_mount_target", "[\"create\"]", "null", "{\"subnet_id\": \""
                        + A + "\"}"),
                change("aws_efs_mount_target.kept", "aws_efs_mount_target", "[\"update\"]", "{}", "{\"subnet_id\": \""
                        + A + "\"}"),
                change("aws_lambda_capacity_provider.p", "aws_lambda_capacity_provider", "[\"create\"]", "null",
                        "{}")));
        assertEquals(List.of("aws_vpc.v"), c.vpcs().stream().map(Change.Vpc::id).toList());
        assertEquals("10.9.0.0/16", c.vpcs().get(0).cidr());
        assertEquals(List.of("aws_subnet.s", "aws_subnet.r"), c.subnets().stream().map(Change.Subnet::id).toList(),
                "created or replaced; an update adds no subnet");
        assertEquals(new Change.Subnet("aws_subnet.s", "vpc-1", "10.9.1.0/24", "eu-west-1a", c.subnets().get(0)
                .where()), c.subnets().get(0));
        assertNull(c.subnets().get(1).cidr(), "an empty text is no value");
        assertNull(c.subnets().get(1).az());
        assertEquals(List.of("aws_security_group.g", "aws_security_group.r"), c.groups().stream().map(Change.Group::id)
                .toList(), "created or replaced");
        assertEquals(List.of(A), c.interfaces().stream().map(Change.Interface::subnet).toList(),
                "a created mount target's address in its subnet");
        assertTrue(c.notes().stream().anyMatch(n -> n.endsWith("(aws_lambda_capacity_provider.p) is a capacity"
                + " provider (Lambda Managed Instances): not simulated")), c.notes().toString());
    }

    @Test
    void provisionedConcurrencyOfAFunctionThePlanDoesNotChangeIsANote() throws Exception {
        Change c = read(plan(
                function("aws_lambda_function.a", "[\"create\"]", "{\"function_name\": \"new-fn\"}"),
                change("aws_lambda_provisioned_concurrency_config.a", "aws_lambda_provisioned_concurrency_config",
                        "[\"create\"]", "null", "{\"function_name\": \"new-fn\", \"provisioned_concurrent_executions\":"
                                + " 9}"),
                change("aws_lambda_provisioned_concurrency_config.b", "aws_lambda_provisioned_concurrency_config",
                        "[\"create\"]", "null", "{\"function_name\": \"elsewhere\","
                                + " \"provisioned_concurrent_executions\": 2}")));
        assertEquals(9, fn(c, "new-fn").provisioned());
        assertTrue(c.notes().stream().anyMatch(n -> n.endsWith("aws_lambda_provisioned_concurrency_config.b:"
                + " provisioned concurrency of a function this plan does not change; not simulated")),
                c.notes().toString());
    }

    @Test
    void aBrokenPlanHasEveryProblemAtOnce() throws Exception {
        Path p = plan(
                "{\"address\": \"x\"}",
                function("aws_lambda_function.bad", "[\"create\"]", "{\"function_name\": \"has space\"}"),
                function("aws_lambda_function.odd", "[\"create\", \"update\"]", "{\"function_name\": \"odd\"}"),
                function("aws_lambda_function.far", "[\"create\"]", "{\"function_name\": \"far\", \"vpc_config\":"
                        + " [{\"subnet_ids\": [\"subnet-elsewhere\"], \"security_group_ids\": [\"sg-1\"]}]}"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> read(p));
        assertEquals(p.toString(), e.source());
        List<String> problems = new ArrayList<>(e.problems().stream().map(Object::toString).toList());
        assertEquals(List.of(
                "resource_changes[0]: expected {address, type, change: {actions, before, after, after_unknown}}",
                "resource_changes[2].change.actions: expected create, update, delete, [delete, create], no-op or read,"
                        + " got [create, update]",
                "resource_changes[1].change.after.function_name: expected 1 to 64 letters, digits, '-' or '_', got"
                        + " 'has space'",
                "resource_changes[3].change.after.vpc_config[0].subnet_ids[0]: subnet 'subnet-elsewhere' is neither in"
                        + " the imported account nor created by this plan (known: " + A + ")"), problems);

        // Terraform leaves resource_changes out of a plan with no changes (omitempty): a no-op plan, not bad input
        // (it was exit 2 while "resource_changes": [] passed)
        Path empty = Files.writeString(dir.resolve("empty.json"), "{\"format_version\": \"1.2\"}");
        Change none = read(empty);
        assertEquals(List.of(), none.functions());
        assertEquals(List.of(empty + ": the plan changes nothing (no resource_changes)"), none.notes());
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format_version\": \"1.2\","
                + " \"resource_changes\": {}}");
        ScenarioException n = assertThrows(ScenarioException.class, () -> read(broken));
        assertEquals("resource_changes: expected a list of the plan's changes", n.problems().get(0).toString());
    }

    /** Terraform writes {@code vpc_config: []} for a function outside a VPC, in {@code before} when it is deleted. */
    @Test
    void aDeletedFunctionOutsideAVpcIsDeletedWithNoNetwork() throws Exception {
        Change c = read(plan(function("aws_lambda_function.c", "[\"delete\"]", "{\"function_name\": \"old\","
                + " \"vpc_config\": []}")));
        Change.Function deleted = fn(c, "old");
        assertEquals(Change.Action.DELETE, deleted.action());
        assertEquals(List.of(), deleted.subnets());
        assertEquals(List.of(), deleted.groups());
    }

    /**
     * A plan whose {@code after} leaves vpc_config out while {@code after_unknown} lists its attributes as unknown:
     * the function is in a VPC whose ids are not known (not simulated, each list said), never "no VPC".
     */
    @Test
    void aVpcConfigOnlyAfterUnknownNamesIsAVpcNotKnownNotNone() throws Exception {
        Change c = read(plan(change("aws_lambda_function.late", "aws_lambda_function", "[\"create\"]", "null",
                "{\"function_name\": \"late\"}").replace("\"after_unknown\": {}", "\"after_unknown\": {\"vpc_config\":"
                + " [{\"subnet_ids\": true, \"security_group_ids\": true}]}")));
        assertFalse(fn(c, "late").vpcKnown());
        assertEquals(List.of("subnet_ids", "security_group_ids"), c.placeholders().stream().map(p -> p.where()
                .substring(p.where().lastIndexOf('.') + 1)).toList());
    }

    /** An entry with an address and a type but no change: said as the entry's shape, not as an unknown action. */
    @Test
    void anEntryWithoutActionsIsSaidToLackItsChange() throws Exception {
        Path p = plan("{\"address\": \"aws_lambda_function.x\", \"mode\": \"managed\", \"type\":"
                + " \"aws_lambda_function\", \"name\": \"x\"}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> read(p));
        assertEquals(List.of("resource_changes[0]: expected {address, type, change: {actions, before, after,"
                + " after_unknown}}"), e.problems().stream().map(Object::toString).toList());
    }

    @Test
    void anIpv6NativeSubnetIsIpv6Only() throws Exception {
        Change c = read(plan(change("aws_subnet.v6", "aws_subnet", "[\"create\"]", "null", "{\"vpc_id\": \"vpc-1\","
                + " \"ipv6_native\": true, \"availability_zone\": \"eu-west-1a\"}"), change("aws_subnet.v4",
                "aws_subnet", "[\"create\"]", "null", "{\"vpc_id\": \"vpc-1\", \"cidr_block\": \"10.0.9.0/24\"}")));
        assertEquals(List.of(true, false), c.subnets().stream().map(Change.Subnet::ipv6Only).toList());
    }
}
