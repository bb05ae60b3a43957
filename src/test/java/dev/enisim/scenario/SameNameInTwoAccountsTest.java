package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.model.SimEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-account platform owner's review (session 60, r2 item 5): one SAM app deployed into several workload
 * accounts has the same function names in each, and AWS's function is its account's (its ARN). With {@code accounts}
 * a name is unique in its account only; a name that several accounts have labels each function {@code
 * <account>:<name>}, and a name unique in the scenario stays as it is.
 */
public class SameNameInTwoAccountsTest {

    /** Three accounts on one shared subnet, up to {@code functions:}. */
    public static final String HEAD = """
            name: same-name
            seed: 1
            duration: 30m
            accounts:
              - { id: "100000000000" }
              - { id: "200000000000" }
              - { id: "300000000000" }
            vpcs:
              - id: vpc-shared
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: eu-west-1a }
                securityGroups: [sg-app]
            functions:
            """;

    private static String fn(String name, String account) {
        return "  - { name: " + name + (account == null ? "" : ", account: \"" + account + "\"")
                + ", vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }, duration: 100ms,"
                + " arrivals: { poisson: 1/s } }\n";
    }

    private static final String TWO = HEAD + fn("api", "200000000000") + fn("api", "300000000000")
            + fn("worker", "300000000000") + fn("orders", null);

    private static List<String> problems(String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(text, "s.yaml"));
        return e.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
    }

    @Test
    void aNameInTwoAccountsIsTwoFunctionsLabelledByTheirAccount() throws Exception {
        Scenario s = ScenarioLoader.parse(TWO, "s.yaml");
        assertEquals(List.of("200000000000:api", "300000000000:api", "worker", "orders"),
                s.functions().stream().map(Scenario.Function::name).toList(), "a name unique in the scenario stays");
        assertEquals(List.of("200000000000", "300000000000", "300000000000", "100000000000"),
                s.functions().stream().map(f -> s.accounts().of(f.name())).toList());
        assertEquals(List.of("200000000000:api-role", "300000000000:api-role", "worker-role", "orders-role"),
                s.functions().stream().map(Scenario.Function::role).toList(), "two accounts' api-role: two roles");
    }

    @Test
    void aFunctionWithoutAccountIsTheFirstAccounts() throws Exception {
        Scenario s = ScenarioLoader.parse(HEAD + fn("api", null) + fn("api", "300000000000"), "s.yaml");
        assertEquals(List.of("100000000000:api", "300000000000:api"),
                s.functions().stream().map(Scenario.Function::name).toList());
    }

    @Test
    void aNameTwiceInOneAccountIsStillRefused() {
        assertEquals(List.of("functions[2].name: duplicate function name 'api' in account 100000000000 (a name is"
                + " unique in its account)"), problems(HEAD + fn("api", null) + fn("api", "300000000000")
                + fn("api", "100000000000")));
    }

    @Test
    void theTimelineNamesOneOfThemByItsLabelAndAPlainNameIsRefusedWithTheLabels() throws Exception {
        Scenario s = ScenarioLoader.parse(TWO + """
                timeline:
                  - { at: 5m, action: deleteFunction, function: "300000000000:api" }
                  - { at: 6m, action: deleteRole, role: "200000000000:api-role" }
                  - { at: 7m, action: deleteFunction, function: worker }
                """, "s.yaml");
        assertEquals(List.of(new SimEvent.DeleteFunction(1), new SimEvent.SetRolePermissions(0, false, true),
                new SimEvent.DeleteFunction(2)), s.timeline().stream().map(Scenario.At::action).toList());
        assertEquals(List.of(
                "timeline[0].function: 'api' is a function of accounts 200000000000 and 300000000000 (a function is"
                        + " its account's): name one as 200000000000:api or 300000000000:api",
                "timeline[1].role: 'api-role' is a role of accounts 200000000000 and 300000000000 (a role is its"
                        + " account's): name one as 200000000000:api-role or 300000000000:api-role"),
                problems(TWO + """
                        timeline:
                          - { at: 5m, action: deleteFunction, function: api }
                          - { at: 6m, action: deleteRole, role: api-role }
                        """), "all at once");
    }

    @TempDir
    Path dir;

    private Scenario set(String... sets) throws Exception {
        Path f = dir.resolve("two.yaml");
        Files.writeString(f, TWO);
        return ScenarioLoader.load(f, List.of(sets), null);
    }

    @Test
    void setSelectsAFunctionByItsLabelAndRefusesANameOfTwoAccounts() throws Exception {
        Scenario s = set("functions[300000000000:api].memoryMb=512", "functions[worker].memoryMb=256");
        assertEquals(List.of(128, 512, 256, 128), s.functions().stream().map(Scenario.Function::memoryMb).toList());
        ScenarioException e = assertThrows(ScenarioException.class, () -> set("functions[api].memoryMb=512",
                "functions[100000000000:api].memoryMb=512"));
        assertEquals(List.of("--set functions[api].memoryMb: 'api' is a function of accounts 200000000000 and"
                        + " 300000000000 (a function is its account's): name one as 200000000000:api or"
                        + " 300000000000:api",
                "--set functions[100000000000:api].memoryMb: no element named '100000000000:api' (present:"
                        + " 200000000000:api, 300000000000:api, worker, orders); did you mean '200000000000:api'?"),
                e.problems().stream().map(p -> p.path() + ": " + p.message()).toList(), "both at once");
    }
}
