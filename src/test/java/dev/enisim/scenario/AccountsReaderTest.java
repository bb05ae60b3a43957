package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code accounts[*]}, {@code vpcs[*].owner}, {@code functions[*].account}: read, defaulted, refused at their paths. */
class AccountsReaderTest {

    private static final String VPC = """
            vpcs:
              - id: vpc-1
                %s
                subnets: [{ id: subnet-a, cidr: 10.0.0.0/24, az: az-1 }]
                securityGroups: [sg-1]
            functions:
              - name: f
                %s
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                duration: 100ms
                arrivals: { poisson: 1/s }
              - name: g
                reservedConcurrency: 60
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    private static String yaml(String accounts, String owner, String account) {
        return "name: a\nduration: 1h\n" + accounts + VPC.formatted(owner, account);
    }

    private static List<String> problems(String yaml) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "a.yaml"));
        return e.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
    }

    @Test
    void accountsOwnersAndFunctionAccountsAreRead() throws ScenarioException {
        Scenario s = ScenarioLoader.parse(yaml("""
                accounts:
                  - { id: "111111111111" }
                  - { id: "222222222222", concurrencyLimit: 200, unreservedMinimum: 10 }
                """, "owner: \"111111111111\"", "account: \"222222222222\""), "a.yaml");
        assertTrue(s.multiAccount());
        assertEquals(List.of(new Scenario.Account(1000, 100, 5000, "111111111111"),
                new Scenario.Account(200, 10, 5000, "222222222222")), s.accounts().list());
        assertEquals(s.accounts().list().get(0), s.account(), "the first account is the scenario's account");
        assertEquals(Map.of("f", "222222222222", "g", "111111111111"), s.accounts().byFunction(),
                "g defaults to the first account");
        assertEquals(Map.of("vpc-1", "111111111111"), s.accounts().vpcOwners());
    }

    @Test
    void aSingleAccountScenarioHasNone() throws ScenarioException {
        Scenario s = ScenarioLoader.parse(yaml("", "", ""), "a.yaml");
        assertFalse(s.multiAccount());
        assertEquals(Scenario.Accounts.SINGLE, s.accounts());
        assertEquals("", s.account().id());
    }

    @Test
    void badAccountsAreReportedAtTheirPaths() {
        List<String> p = problems(yaml("""
                account: { concurrencyLimit: 10 }
                accounts:
                  - { id: "111111111111", concurrencyLimit: 50, unreservedMinimum: 0 }
                  - { id: "111111111111" }
                  - { id: "12345" }
                """, "owner: \"999999999999\"", "account: \"333333333333\""));
        assertTrue(p.stream().anyMatch(x -> x.startsWith("account: give either")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("accounts[1].id: duplicate account id")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("accounts[2].id: expected an AWS account id")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("vpcs[0].owner:")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("functions[0].account:")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("accounts[0]: its functions' reserved concurrency adds up"
                + " to 60, more than concurrencyLimit 50 - unreservedMinimum 0 = 50")), p.toString());
    }

    @Test
    void ownerAndAccountNeedAccounts() {
        List<String> p = problems(yaml("", "owner: \"111111111111\"", "account: \"111111111111\""));
        assertEquals(List.of("vpcs[0].owner: only with 'accounts' (several accounts sharing VPCs)",
                "functions[0].account: only with 'accounts' (several accounts sharing VPCs)"), p);
    }
}
