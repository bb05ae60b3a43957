package dev.enisim.scenario;

import static dev.enisim.scenario.FieldRulesTest.GOOD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --set PATH=VALUE} as the commands apply it ({@link ScenarioLoader#load(Path, List, Long)}): the edges of
 * paths and selectors, each bad assignment one problem naming it and what is there.
 */
class OverridesEdgesTest {

    @TempDir
    Path dir;

    private Scenario load(Long seed, String... sets) throws Exception {
        Path f = dir.resolve("good.yaml");
        Files.writeString(f, GOOD);
        return ScenarioLoader.load(f, List.of(sets), seed);
    }

    private List<String> problems(String... sets) throws Exception {
        Path f = dir.resolve("good.yaml");
        Files.writeString(f, GOOD);
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f, List.of(sets), null)).problems()
                .stream().map(p -> p.path() + ": " + p.message()).toList();
    }

    @Test
    void aSeedAndAssignmentsApplyInOrder() throws Exception {
        Scenario s = load(99L, "functions[f].memoryMb=256", "functions[0].memoryMb=512", "seed=3");
        assertEquals(99, s.seed(), "--seed wins over the file and over --set seed");
        assertEquals(512, s.functions().get(0).memoryMb(), "the later assignment wins");
        assertEquals(3, load(null, "seed=3").seed());
        assertEquals(1, load(null).seed(), "nothing set: the file's (the default, 1)");
        // the last digit of an index selects by index, not by name
        assertEquals(List.of("--set vpcs[0].subnets[9].otherUsedIps: index 9 out of range (the list has 2 elements)"),
                problems("vpcs[0].subnets[9].otherUsedIps=1"));
        // an element selected last is replaced whole
        Scenario replaced = load(null, "vpcs[0].subnets[subnet-b]={id: subnet-b, cidr: 10.9.0.0/24, az: us-east-1b}");
        assertEquals("10.9.0.0/24", replaced.vpcs().get(0).subnets().get(1).cidr().toString());
        assertEquals("10.0.1.0/28", replaced.vpcs().get(0).subnets().get(0).cidr().toString());
    }

    @Test
    void anAccountIsSelectedByItsIdAsAFunctionByItsName() throws Exception {
        Path f = dir.resolve("two.yaml");
        Files.writeString(f, """
                name: two
                duration: 1m
                accounts:
                  - { id: "100000000000" }
                  - { id: "400000000000", concurrencyLimit: 3000 }
                vpcs:
                  - id: vpc-a
                    subnets: [{ id: subnet-a, cidr: 10.0.0.0/24, az: eu-west-1a }]
                    securityGroups: [sg-a]
                functions:
                  - { name: f, account: "400000000000", duration: 100ms, arrivals: { poisson: 1/s },
                      vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] } }
                """);
        Scenario s = ScenarioLoader.load(f, List.of("accounts[400000000000].networkInterfacesPerRegion=5"), null);
        assertEquals(5, s.accounts().list().get(1).networkInterfacesPerRegion());
        assertEquals(5000, s.accounts().list().get(0).networkInterfacesPerRegion());
        assertEquals(7, ScenarioLoader.load(f, List.of("accounts[1].networkInterfacesPerRegion=7"), null).accounts()
                .list().get(1).networkInterfacesPerRegion(), "an index is still an index");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f,
                List.of("accounts[500000000000].networkInterfacesPerRegion=5"), null));
        assertEquals("--set accounts[500000000000].networkInterfacesPerRegion: index 500000000000 out of range (the"
                + " list has 2 elements)", e.problems().get(0).path() + ": " + e.problems().get(0).message());
    }

    @Test
    void badPathsAndSelectorsSayWhatIsThere() throws Exception {
        assertEquals(List.of("--set =5: expected PATH=VALUE, e.g. functions[orders-api].memoryMb=512"), problems("=5"));
        assertEquals(List.of("--set .: malformed path (expected names and [index], [*] or [name] selectors)"),
                problems(".=5"));
        assertEquals(List.of("--set name.first.x: no 'first' here (present: nothing)"), problems("name.first.x=1"));
        assertEquals(List.of("--set name[0]: selector [0] on something that is not a list"), problems("name[0]=x"));
        assertEquals(List.of("--set functions[1234567890].memoryMb: index 1234567890 out of range (the list has 1 "
                + "element)"), problems("functions[1234567890].memoryMb=1"));
        assertEquals(List.of("--set functions[99999999999].memoryMb: index 99999999999 out of range (the list has 1 "
                + "element)"), problems("functions[99999999999].memoryMb=1"), "beyond an int: still an index");
        assertEquals(List.of("--set functions[999999999].memoryMb: index 999999999 out of range (the list has 1 "
                + "element)"), problems("functions[999999999].memoryMb=1"));
        assertEquals(List.of("--set functions[1]: index 1 out of range (the list has 1 element)"),
                problems("functions[1]={name: g}"));
        assertEquals(List.of("--set functions[zzzzzzzz].memoryMb: no element named 'zzzzzzzz' (present: f)"),
                problems("functions[zzzzzzzz].memoryMb=1"));
        assertEquals(List.of("--set vpcs[0].subnetz[0].cidr: no 'subnetz' here (present: id, subnets, securityGroups); "
                + "did you mean 'subnets'?"), problems("vpcs[0].subnetz[0].cidr=x"));
        assertEquals(List.of("--set name.x: 'x' is set on something that is not an object"), problems("name.x=1"));
    }
}
