package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A problem in a file of hundreds of functions is found by its line: {@code big.yaml:14: functions[1]...}, the form
 * editors and CI logs link, and never a wrong line.
 */
class SourceLinesTest {

    @TempDir
    Path dir;

    /** One VPC of one subnet (subnet-a) and one group (sg-1): the scenario tests' `vpcs:` block, five lines. */
    static final String ONE_VPC = """
            vpcs:
              - id: vpc-1
                subnets:
                  - {id: subnet-a, cidr: 10.0.0.0/24, az: eu-west-1a}
                securityGroups: [sg-1]
            """;

    private static final String SCENARIO = "name: lines\nduration: 1h\n" + ONE_VPC + """
            functions:
              - name: api
                vpcConfig: {subnetIds: [subnet-a], securityGroupIds: [sg-1]}
                arrivals: {poisson: 5/s}
                duration: 100ms
              - name: worker
                vpcConfig:
                  subnetIds: [subnet-a, subnet-zz]
                  securityGroupIds: [sg-1]
                arrivals: {poisson: 5/s}
            """;

    @Test
    void eachProblemOfAScenarioFileIsSaidAtItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("big.yaml"), SCENARIO);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        List<String> lines = e.getMessage().lines().toList();
        // the second id of a flow list is on the list's line; a missing field is said at its object's first line
        assertTrue(lines.contains(file + ":15: functions[1].vpcConfig.subnetIds[1]: unknown subnet 'subnet-zz'"
                + " (known: subnet-a); did you mean 'subnet-a'?"), e.getMessage());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(file + ":13: functions[1].duration: is required")),
                e.getMessage());
        assertEquals(2, lines.size(), e.getMessage());
    }

    @Test
    void aFieldsLineIsItsKeysAndAListItemsItsFirstLine() throws Exception {
        Map<String, Integer> at = SourceLines.of(SCENARIO, false, List.of("duration", "functions[1]",
                "functions[1].vpcConfig", "functions[1].vpcConfig.subnetIds[1]", "functions[0].duration",
                "vpcs[0].subnets[0].cidr"));
        assertEquals(Map.of("duration", 2, "functions[1]", 13, "functions[1].vpcConfig", 14,
                "functions[1].vpcConfig.subnetIds[1]", 15, "functions[0].duration", 12,
                "vpcs[0].subnets[0].cidr", 6), at);
    }

    @Test
    void aPathTheFileDoesNotHaveGetsNoLineNotAWrongOne() throws Exception {
        // a missing top-level field (its object is the whole file), an item beyond the list, a field two levels
        // below anything written, a path in another notation
        Map<String, Integer> at = SourceLines.of(SCENARIO, false, List.of("seed", "functions[2]",
                "functions[2].memorySize", "functions[0].arrivals.poisson.x", "row 5", ""));
        assertEquals(Map.of(), at);
        assertEquals(Map.of("functions[0].memorySize", 9), SourceLines.of(SCENARIO, false,
                List.of("functions[0].memorySize")), "one level up: the object the field is missing from");
    }

    @Test
    void anAliasedValueIsSaidAtTheAlias() throws Exception {
        String text = """
                name: a
                x-rate: &r {poisson: 5/s}
                functions:
                  - name: f
                    arrivals: *r
                """;
        assertEquals(Map.of("functions[0].arrivals", 5), SourceLines.of(text, false,
                List.of("functions[0].arrivals", "functions[0].arrivals.poisson.x")),
                "inside the alias, two levels below the file's text: no line");
    }

    @Test
    void jsonFilesHaveTheirLinesToo() throws Exception {
        String json = "{\"Subnets\": [\n  {\"SubnetId\": \"a\"},\n  {\"SubnetId\": \"b\",\n   \"CidrBlock\": 7}]}\n";
        assertEquals(Map.of("Subnets[1].CidrBlock", 4, "Subnets[0].CidrBlock", 2), SourceLines.of(json, true,
                List.of("Subnets[1].CidrBlock", "Subnets[0].CidrBlock")));
        Path file = Files.writeString(dir.resolve("subnets.json"), json);
        assertEquals(Map.of("Subnets[1].CidrBlock", 4), SourceLines.of(file, List.of("Subnets[1].CidrBlock")));
    }

    @Test
    void aProblemASetMadeAndASourceThatIsNoFileHaveNoLine() throws Exception {
        Path file = Files.writeString(dir.resolve("s.yaml"), SCENARIO.replace("subnet-a, subnet-zz", "subnet-a")
                + "    duration: 100ms\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file,
                List.of("duration=abc"), null));
        assertTrue(e.getMessage().startsWith(file + ": duration: "), e.getMessage());
        assertTrue(e.getMessage().contains("(from --set duration=abc)"), e.getMessage());
        ScenarioException named = new ScenarioException("many-functions", List.of(new Problem("duration", "x")));
        assertEquals("many-functions: duration: x", named.getMessage());
        ScenarioException gone = new ScenarioException(dir.resolve("gone.yaml").toString(),
                List.of(new Problem("duration", "x")));
        assertEquals(dir.resolve("gone.yaml") + ": duration: x", gone.getMessage());
    }

    @Test
    void theFileIsReadForItsLinesOnlyWhenTheMessageIsAsked() throws Exception {
        Path file = Files.writeString(dir.resolve("late.yaml"), SCENARIO);
        ScenarioException e = new ScenarioException(file.toString(), List.of(new Problem("functions[1]", "x")));
        Files.writeString(file, "\n\n" + SCENARIO); // moved down two lines before anyone reads the message
        assertEquals(file + ":15: functions[1]: x", e.getMessage());
        assertEquals(file + ":15: functions[1]: x", e.getMessage(), "made once");
    }
}
