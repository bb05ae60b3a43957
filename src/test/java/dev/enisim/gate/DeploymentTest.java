package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.enisim.iac.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A change applied to an account's scenario tree ({@link Deployment#apply}), each kind of change on its own: the
 * network it defines, functions created (with their settings and traffic), updated, deleted and replaced at the
 * deployment's instant, versions published, EFS mount targets, and what is left out with the reason.
 */
class DeploymentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final String ACCOUNT = """
            name: acct
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: eu-west-1a, otherUsedIps: 2 }
                securityGroups: [sg-1]
            functions:
              - { name: api, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] } }
              - { name: plain }
            """;

    private static Change.Function fn(String name, Change.Action action, List<String> subnets, List<String> groups) {
        return new Change.Function(name, "t.yaml: Resources." + name, action, true, subnets, groups, null, null, null,
                0, false);
    }

    private static Change change(List<Change.Function> functions) {
        return new Change(functions, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static Deployment.After apply(Change c, Map<String, String> traffic) throws Exception {
        return Deployment.apply(YAML.readTree(ACCOUNT), c, new Deployment.Options(300, traffic, "1/s"));
    }

    private static List<String> timeline(JsonNode tree) {
        List<String> out = new ArrayList<>();
        tree.path("timeline").forEach(a -> out.add(a.toString()));
        return out;
    }

    @Test
    void theNetworkTheChangeDefinesIsAddedAndWhatCannotBeIsSaid() throws Exception {
        Change c = new Change(List.of(), List.of(new Change.Vpc("NewVpc", "10.9.0.0/16", "t.yaml: Resources.NewVpc")),
                List.of(new Change.Subnet("NewSub", "NewVpc", "10.9.1.0/24", null, "w"),
                        new Change.Subnet("Lost", "Elsewhere", "10.9.2.0/24", "a", "w2"),
                        new Change.Subnet("NoCidr", "NewVpc", null, "a", "w3"),
                        new Change.Subnet("Old", "vpc-1", "10.0.1.0/24", "eu-west-1b", "w4")),
                List.of(new Change.Group("NewSg", "NewVpc", "w5"), new Change.Group("Stray", "Nowhere", "w6"),
                        new Change.Group("sg-1", "vpc-1", "w7")),
                List.of(), List.of(), List.of(), List.of());
        Deployment.After a = apply(c, Map.of());
        JsonNode vpcs = a.tree().get("vpcs");
        assertEquals("[{\"id\":\"subnet-a\",\"cidr\":\"10.0.0.0/24\",\"az\":\"eu-west-1a\",\"otherUsedIps\":2},"
                + "{\"id\":\"Old\",\"cidr\":\"10.0.1.0/24\",\"az\":\"eu-west-1b\"}]", vpcs.get(0).get("subnets")
                .toString(), "a subnet added to an account's VPC");
        assertEquals("[\"sg-1\"]", vpcs.get(0).get("securityGroups").toString(), "a group already there: not twice");
        assertEquals("{\"id\":\"NewVpc\",\"subnets\":[{\"id\":\"NewSub\",\"cidr\":\"10.9.1.0/24\",\"az\":"
                + "\"NewSub-az\"}],\"securityGroups\":[\"NewSg\"]}", vpcs.get(1).toString());
        assertEquals(List.of("subnet Lost (w2) not added: its VPC is not known; functions using it are not simulated",
                "subnet NoCidr (w3) not added: its CIDR is not known; functions using it are not simulated"), a.notes());
        assertEquals(List.of("subnet NewSub: Availability Zone not known before deployment; called NewSub-az"),
                a.placeholders());
        assertEquals("acct-after", a.tree().get("name").asText());
        assertEquals(List.of(), a.notSimulated());
    }

    @Test
    void aCreatedFunctionGetsItsSettingsTrafficAndAGroupOfItsSubnetsVpc() throws Exception {
        Change c = change(List.of(
                new Change.Function("new1", "w", Change.Action.CREATE, true, List.of("subnet-a"), List.of("sg-1",
                        "sg-9"), 512, 30, 5, 2, false),
                fn("new2", Change.Action.CREATE, List.of(), List.of()),
                fn("new3", Change.Action.UPDATE, List.of(), List.of())));
        Deployment.After a = apply(c, Map.of("new1", "7/s"));
        JsonNode fns = a.tree().get("functions");
        assertEquals("{\"name\":\"new1\",\"createdAt\":\"300s\",\"memoryMb\":512,\"timeout\":\"30s\",\"vpcConfig\":"
                + "{\"subnetIds\":[\"subnet-a\"],\"securityGroupIds\":[\"sg-1\",\"sg-9\"]},\"reservedConcurrency\":5,"
                + "\"provisionedConcurrency\":2,\"duration\":\"100ms\",\"arrivals\":{\"poisson\":\"7/s\"}}",
                fns.get(2).toString());
        assertEquals("{\"name\":\"new2\",\"createdAt\":\"300s\",\"memoryMb\":128,\"timeout\":\"3s\",\"duration\":"
                + "\"100ms\",\"arrivals\":{\"poisson\":\"1/s\"}}", fns.get(3).toString(),
                "Lambda's defaults; not in a VPC; the default rate");
        assertEquals("new3", fns.get(4).get("name").asText(), "an update of a function the account lacks: a creation");
        assertEquals("[\"sg-1\",\"sg-9\"]", a.tree().get("vpcs").get(0).get("securityGroups").toString());
        assertEquals(List.of("security group sg-9 (used by new1) is not in the account's scenario: taken to be in"
                + " vpc-1", "new3 (t.yaml: Resources.new3): updated by the change but not in the account: simulated as created at the"
                + " deployment"), a.notes(), "the update of a function the account lacks is said, not silent");
        assertEquals(List.of("traffic 1/s (--default-traffic) of 2 created function(s): new2, new3 (give --traffic"
                + " NAME=RATE)", "the duration of created functions' invocations: 100ms"), a.placeholders());
    }

    @Test
    void updatesDeletesAndReplacementsAreTimelineActionsAtTheDeployment() throws Exception {
        Change c = change(List.of(
                fn("api", Change.Action.UPDATE, List.of("subnet-a"), List.of("sg-1")),
                new Change.Function("plain", "w", Change.Action.UPDATE, true, List.of("subnet-a"), List.of("sg-1"),
                        null, null, null, 0, true),
                fn("gone", Change.Action.DELETE, List.of(), List.of())));
        Deployment.After a = apply(c, Map.of());
        assertEquals(List.of("{\"at\":\"300s\",\"action\":\"publishVersion\",\"function\":\"plain\"}",
                "{\"at\":\"300s\",\"action\":\"updateVpcConfig\",\"function\":\"plain\",\"vpcConfig\":{\"subnetIds\":"
                        + "[\"subnet-a\"],\"securityGroupIds\":[\"sg-1\"]}}"), timeline(a.tree()),
                "the version of the current configuration first: it keeps the old keys' ENIs");
        assertEquals(List.of("plain publishes versions: the version of its current configuration keeps the old keys'"
                        + " ENIs after the update (while that version exists)",
                "gone: deleted by the change but not in the account: nothing to delete",
                "api: updated, but its VpcConfig is unchanged: no new ENI",
                "versions published by plain: a version pins its function's keys, which adds no ENI; not simulated"
                        + " apart"), a.notes());
        assertEquals(List.of(), a.placeholders(), "nothing created, nothing assumed");

        Deployment.After r = apply(change(List.of(fn("api", Change.Action.REPLACE, List.of("subnet-a"),
                List.of("sg-1")), fn("plain", Change.Action.DELETE, List.of(), List.of()))), Map.of());
        assertEquals(List.of("{\"at\":\"300s\",\"action\":\"deleteFunction\",\"function\":\"api\"}",
                "{\"at\":\"301s\",\"action\":\"createFunction\",\"function\":\"api\",\"vpcConfig\":{\"subnetIds\":"
                        + "[\"subnet-a\"],\"securityGroupIds\":[\"sg-1\"]}}",
                "{\"at\":\"300s\",\"action\":\"deleteFunction\",\"function\":\"plain\"}"), timeline(r.tree()));
    }

    @Test
    void aFunctionWhoseNetworkIsNotKnownIsNotSimulated() throws Exception {
        Change c = change(List.of(
                new Change.Function("unknown", "t: R.unknown", Change.Action.CREATE, false, List.of(), List.of(), null,
                        null, null, 0, false),
                fn("far", Change.Action.CREATE, List.of("subnet-a", "subnet-zz"), List.of("sg-1"))));
        Deployment.After a = apply(c, Map.of());
        assertEquals(List.of("unknown (t: R.unknown): its VpcConfig is not resolved (see the Unresolved lines)",
                "far (t.yaml: Resources.far): subnet subnet-zz is not known"), a.notSimulated());
        assertEquals(2, a.tree().get("functions").size(), "neither added");
        assertEquals(List.of(), a.placeholders(), "nothing created: no traffic or duration assumed");
    }

    @Test
    void mountTargetsTakeAnAddressEachInTheirSubnetAndASlotOfTheirVpcsQuotaFromTheDeployment() throws Exception {
        Change c = new Change(List.of(), List.of(), List.of(), List.of(), List.of(
                new Change.Interface("subnet-a", "EFS mount target", "w1"),
                new Change.Interface("subnet-a", "EFS mount target", "w2"),
                new Change.Interface("subnet-q", "EFS mount target", "w3")), List.of(), List.of(), List.of());
        Deployment.After a = apply(c, Map.of());
        assertEquals(List.of("{\"at\":\"300s\",\"action\":\"setOtherUsedIps\",\"subnet\":\"subnet-a\","
                + "\"otherUsedIps\":4}", "{\"at\":\"300s\",\"action\":\"setOtherUsedEnis\",\"vpc\":\"vpc-1\","
                + "\"otherUsedEnis\":2}"), timeline(a.tree()), "2 used by others already, 2 more; none in the quota, 2");
        assertEquals(List.of("EFS mount target in subnet-q (w3): subnet not known; not simulated"), a.notes(),
                "what the gate could not know: the one it did not simulate");
        assertEquals(List.of("2 EFS mount target(s) or other interfaces in subnet-a: one address each",
                "2 EFS mount target(s) or other interfaces in vpc-1: one slot each of its ENI quota (shared with other"
                        + " services such as Amazon EFS)"), a.interfaces(), "simulated: said apart from the notes");
        assertTrue(a.placeholders().isEmpty());
    }
}
