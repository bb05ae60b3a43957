package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --set PATH=VALUE}: selectors, created blocks, and the errors a user sees. */
class OverridesTest {

    private static JsonNode quickstart() throws ScenarioException {
        return ScenarioLoader.readTree(Path.of("scenarios/quickstart.yaml"));
    }

    private static JsonNode set(String... assignments) throws ScenarioException {
        return Overrides.apply(quickstart(), List.of(assignments), "quickstart.yaml");
    }

    private static String error(String... assignments) {
        return assertThrows(ScenarioException.class, () -> set(assignments)).getMessage();
    }

    @Test
    void namesIndexesAndStarSelectElements() throws Exception {
        JsonNode t = set("functions[orders-api].arrivals.poisson=100/s", "vpcs[0].subnets[*].otherUsedIps=0",
                "hyperplane.eniCreateTime.median=30s", "seed=7");
        assertEquals("100/s", t.at("/functions/0/arrivals/poisson").asText());
        assertEquals(0, t.at("/vpcs/0/subnets/0/otherUsedIps").asInt());
        assertEquals(0, t.at("/vpcs/0/subnets/1/otherUsedIps").asInt());
        assertEquals("30s", t.at("/hyperplane/eniCreateTime/median").asText());
        assertEquals(7, t.get("seed").asInt());
        Scenario s = ScenarioLoader.parseTree(t, "quickstart.yaml");
        assertEquals(7, s.seed());
        assertEquals(42, quickstart().get("seed").asInt(), "the original tree is left alone");
    }

    @Test
    void valuesAreYaml() throws Exception {
        JsonNode t = set("functions[orders-api].vpcConfig.subnetIds=[subnet-b]", "vpcs[0].subnets[0]={id: subnet-a,"
                + " cidr: 10.0.1.0/24, az: us-east-1a}");
        assertEquals(1, t.at("/functions/0/vpcConfig/subnetIds").size());
        assertEquals("10.0.1.0/24", t.at("/vpcs/0/subnets/0/cidr").asText());
        assertEquals(1, ScenarioLoader.parseTree(t, "q").functions().get(0).vpcConfig().subnetIds().size());
    }

    @Test
    void aBlockLeftToItsDefaultsIsCreated() throws Exception {
        JsonNode t = Overrides.apply(ScenarioLoader.readTree(Path.of("scenarios/teardown.yaml")),
                List.of("hyperplane.eniCreateTime=30s"), "teardown.yaml");
        assertEquals(30_000_000L, ScenarioLoader.parseTree(t, "teardown.yaml").hyperplane().eniCreateTime().mean(),
                1e-6);
    }

    @Test
    void aBadSelectorNamesWhatIsThere() {
        assertTrue(error("functions[orders-apj].memoryMb=512").contains("quickstart.yaml: --set "
                + "functions[orders-apj].memoryMb: no element named 'orders-apj' (present: orders-api, orders-worker,"
                + " reports, billing, audit, notifications); did you mean 'orders-api'?"));
        assertTrue(error("vpcs[3].subnets[*].cidr=10.0.0.0/24").contains("index 3 out of range (the list has 1 "
                + "element)"));
        assertTrue(error("vpcs[0].subnets.cidr=10.0.0.0/24").contains("--set vpcs[0].subnets.cidr: a list: select"
                + " its elements with [index], [*] or [name]"));
        assertTrue(error("vpcs[0].subnets.cidr.x=1").contains("a list: select its elements"));
        assertTrue(error("functions[orders-api]memoryMb").contains("expected PATH=VALUE"));
        assertTrue(error("functions[orders-api.memoryMb=1").contains("malformed path"));
    }

    @Test
    void everyBadAssignmentIsReportedAtOnce() {
        String e = error("functions[nope].memoryMb=1", "vpcs[9].id=x");
        assertEquals(2, e.lines().count(), e);
    }

    @Test
    void badYamlIsOneLine() {
        String e = error("functions[orders-api].arrivals.poisson=[");
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("the value '[' is not valid YAML"), e);
    }

    @Test
    void aBadKeyOrValueIsLeftToTheValidation() throws Exception {
        JsonNode key = set("hyperplane.eniCreatTime.median=30s");
        ScenarioException k = assertThrows(ScenarioException.class, () -> ScenarioLoader.parseTree(key, "q.yaml"));
        assertTrue(k.getMessage().contains("hyperplane.eniCreatTime: unknown key 'eniCreatTime'"), k.getMessage());
        assertTrue(k.getMessage().contains("did you mean 'eniCreateTime'?"), k.getMessage());
        JsonNode value = set("functions[0].memoryMb=64");
        ScenarioException v = assertThrows(ScenarioException.class, () -> ScenarioLoader.parseTree(value, "q.yaml"));
        assertTrue(v.getMessage().contains("functions[0].memoryMb: expected a whole number from 128 to 10240, got 64"),
                v.getMessage());
    }
}
