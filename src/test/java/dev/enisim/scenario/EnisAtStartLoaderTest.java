package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code vpcs[*].enisAtStart}, the keys that start with more than one ENI: read as a set of security groups in an
 * account, every mistake said at once with its path and what was expected (exit 2 on the command line), and an entry
 * no existing Active function uses, or one under the legacy model, warned of (the run makes no ENI for it).
 */
class EnisAtStartLoaderTest {

    private static final String BASE = """
            name: t
            duration: 10m
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                securityGroups: [sg-app, sg-db]
                enisAtStart:
            %s
            functions:
              - name: f
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app, sg-db] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    /** The scenario with {@code entries} (one a line, each {@code - {...}}) under enisAtStart. */
    private static String with(String entries) {
        return BASE.formatted(String.join("\n", entries.lines().map(l -> "      " + l.strip()).toList()));
    }

    private static Scenario parse(String entries) throws ScenarioException {
        return ScenarioLoader.parse(with(entries), "t.yaml");
    }

    private static List<Problem> problems(String entries) {
        return assertThrows(ScenarioException.class, () -> parse(entries)).problems();
    }

    @Test
    void aKeyIsASubnetAndASetOfGroupsOfTheFirstAccount() throws Exception {
        Scenario s = parse("- { subnetId: subnet-a, securityGroupIds: [sg-db, sg-app], enis: 3 }");
        assertEquals(List.of(new Scenario.KeyAtStart("subnet-a", List.of("sg-app", "sg-db"), "", 3)),
                s.vpcs().get(0).enisAtStart());
        assertEquals(List.of(), ScenarioLoader.warnings(s));
    }

    @Test
    void everyMistakeIsSaidWithItsPathAndWhatWasExpected() {
        assertEquals(List.of(
                new Problem("vpcs[0].enisAtStart[0].subnetId", "'subnet-z' is not a subnet of vpc-1 (known: subnet-a): a"
                        + " key's ENIs are in a subnet of the VPC that lists them"),
                new Problem("vpcs[0].enisAtStart[0].securityGroupIds[1]", "'sg-other' is not one of vpc-1's"
                        + " securityGroups (known: sg-app, sg-db)"),
                new Problem("vpcs[0].enisAtStart[0].enis", "expected a whole number from 1 to 500, got 0"),
                new Problem("vpcs[0].enisAtStart[1].securityGroupIds", "is required: the key's security groups, as"
                        + " the functions' vpcConfig names them"),
                new Problem("vpcs[0].enisAtStart[1].account", "is given only with 'accounts' (several accounts on"
                        + " shared VPCs)"),
                new Problem("vpcs[0].enisAtStart[1].enis", "is required"),
                new Problem("vpcs[0].enisAtStart[2].securityGroupIds", "must not be empty: a key is a subnet and a"
                        + " set of security groups"),
                new Problem("vpcs[0].enisAtStart[3].count", "unknown key 'count' (expected one of: subnetId,"
                        + " securityGroupIds, account, enis)"),
                new Problem("vpcs[0].enisAtStart[5]", "the key subnet-a+[sg-app,sg-db] is given twice (also"
                        + " vpcs[0].enisAtStart[4])")),
                problems("""
                              - { subnetId: subnet-z, securityGroupIds: [sg-app, sg-other], enis: 0 }
                              - { subnetId: subnet-a, account: "111111111111" }
                              - { subnetId: subnet-a, securityGroupIds: [], enis: 2 }
                              - { subnetId: subnet-a, securityGroupIds: [sg-app], enis: 2, count: 2 }
                              - { subnetId: subnet-a, securityGroupIds: [sg-app, sg-db], enis: 2 }
                              - { subnetId: subnet-a, securityGroupIds: [sg-db, sg-app], enis: 4 }"""));
    }

    @Test
    void anEntryTheRunDoesNotUseIsWarnedOf() throws Exception {
        Scenario unused = parse("- { subnetId: subnet-a, securityGroupIds: [sg-app], enis: 2 }");
        assertEquals(List.of("t.yaml: vpcs[0].enisAtStart[0]: no existing: Active function uses subnet-a with security"
                + " groups [sg-app]: its 2 ENIs are not made (a key starts with ENIs only for an existing Active"
                + " function)"), ScenarioLoader.warnings(unused));
        Scenario inactive = ScenarioLoader.parse(with(
                "- { subnetId: subnet-a, securityGroupIds: [sg-app, sg-db], enis: 2 }")
                .replace("existing: Active", "existing: Inactive"), "t.yaml");
        assertEquals(1, ScenarioLoader.warnings(inactive).size(), ScenarioLoader.warnings(inactive).toString());
        Scenario legacy = ScenarioLoader.parse(with(
                "- { subnetId: subnet-a, securityGroupIds: [sg-app, sg-db], enis: 2 }")
                + "networkModel: legacy\n", "t.yaml");
        assertEquals(List.of("t.yaml: vpcs[0].enisAtStart[0]: not modelled under networkModel: legacy (its ENIs are"
                + " made by cold starts): no ENI is in place at the start"), ScenarioLoader.warnings(legacy));
    }

    @Test
    void withSeveralAccountsAKeyNamesItsAccountOrIsTheFirsts() throws Exception {
        String two = with("""
                      - { subnetId: subnet-a, securityGroupIds: [sg-app, sg-db], enis: 2 }
                      - { subnetId: subnet-a, securityGroupIds: [sg-app, sg-db], account: "222222222222", enis: 3 }""")
                + "accounts:\n  - { id: \"111111111111\" }\n  - { id: \"222222222222\" }\n";
        Scenario s = ScenarioLoader.parse(two, "t.yaml");
        assertEquals(List.of(new Scenario.KeyAtStart("subnet-a", List.of("sg-app", "sg-db"), "111111111111", 2),
                new Scenario.KeyAtStart("subnet-a", List.of("sg-app", "sg-db"), "222222222222", 3)),
                s.vpcs().get(0).enisAtStart());
        // account 222222222222 has no existing Active function there: warned of
        assertEquals(1, ScenarioLoader.warnings(s).size(), ScenarioLoader.warnings(s).toString());
        List<Problem> p = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(two.replace(
                "account: \"222222222222\"", "account: \"333333333333\""), "t.yaml")).problems();
        assertEquals(List.of(new Problem("vpcs[0].enisAtStart[1].account", "'333333333333' is not one of the"
                + " accounts (known: 111111111111, 222222222222)")), p);
    }
}
