package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from the files (tag values, security-group names, status reasons, function names) written into the
 * generated YAML, in comments and as values: a line break or a control character must not end a comment or become
 * YAML, and a name must read back as the same string (not {@code 0x1F} as 31).
 */
class UserTextInYamlTest {

    @TempDir
    Path dir;

    /** describe-subnets output as the CLI prints it, the subnet's Name tag given (JSON-escaped) by the test. */
    private static String subnets(String jsonName) {
        return """
                {"Subnets": [{"AvailabilityZone": "us-east-1a", "AvailableIpAddressCount": 200,
                  "CidrBlock": "10.0.0.0/24", "SubnetId": "subnet-a", "VpcId": "vpc-1",
                  "Tags": [{"Key": "Name", "Value": "%s"}]}]}
                """.formatted(jsonName);
    }

    private Scenario importAndLoad(String subnets, String functions) throws Exception {
        String yaml = Importer.scenario(ImporterTest.only(write(dir, "subnets.json", subnets),
                write(dir, "functions.json", functions)), "names", 600);
        return ScenarioLoader.load(write(dir, "imported.yaml", yaml));
    }

    private static final String ONE_FUNCTION = """
            {"Functions": [{"FunctionName": "api", "Runtime": "python3.12", "MemorySize": 128, "Timeout": 3,
              "VpcConfig": {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"], "VpcId": "vpc-1"}}]}
            """;

    @Test
    void aNameTagWithALineBreakStaysInItsComment() throws Exception {
        for (String tag : List.of("line1\\nline2", "a\\nfunctions: []", "cr\\rlf\\r\\nend", "bell\\u0007tab\\t",
                "ls\\u2028ps\\u2029nel\\u0085", "# not a comment: {x}")) {
            String yaml = Importer.scenario(ImporterTest.only(write(dir, "subnets.json", subnets(tag)),
                    write(dir, "functions.json", ONE_FUNCTION)), "names", 600);
            Scenario s = ScenarioLoader.load(write(dir, "imported.yaml", yaml)); // threw: the tag's 2nd line was YAML
            assertEquals(1, s.functions().size(), tag);
            String line = yaml.lines().filter(l -> l.contains("id: subnet-a")).findFirst().orElseThrow();
            assertTrue(line.contains("#"), line);
            assertFalse(yaml.contains("\u0007") || yaml.contains("\u2028") || yaml.contains("\r"), tag);
        }
        String yaml = Importer.scenario(ImporterTest.only(write(dir, "subnets.json", subnets("line1\\nline2")),
                write(dir, "functions.json", ONE_FUNCTION)), "names", 600);
        assertTrue(yaml.contains("# line1\\nline2: "), "the break shown escaped, on the subnet's line");
    }

    @Test
    void aStatusReasonWithLineBreaksStaysInTheNotes() throws Exception {
        String functions = """
                {"Functions": [{"FunctionName": "api", "MemorySize": 128, "Timeout": 3,
                  "LastUpdateStatus": "Failed", "LastUpdateStatusReason": "bad\\nfunctions: []\\n- x",
                  "VpcConfig": {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"], "VpcId": "vpc-1"}}]}
                """;
        assertEquals(1, importAndLoad(subnets("a"), functions).functions().size());
    }

    @Test
    void namesThatYamlReadsAsOtherThanStringsAreQuoted() throws Exception {
        List<String> names = List.of("0x1F", "0o17", "1e3", "1_000", "007", "123", "true", "no", "on", "off",
                "yes", "null", "NaN", "_", "a-b", "0b101", "1E3", "0_1");
        StringBuilder fns = new StringBuilder("{\"Functions\": [");
        for (String n : names) {
            fns.append(fns.length() > 15 ? ", " : "").append("{\"FunctionName\": \"").append(n)
                    .append("\", \"MemorySize\": 128, \"Timeout\": 3}");
        }
        Scenario s = importAndLoad(subnets("a"), fns.append("]}").toString());
        assertEquals(new java.util.TreeSet<>(names),
                new java.util.TreeSet<>(s.functions().stream().map(Scenario.Function::name).toList()));
    }

    @Test
    void quotedScalarsReadBackAsThemselves() {
        for (String v : List.of("0x1F", "0o7", ".5", "1e3", "~", "Off", "subnet-0abc", "a\"b\\c", "tab\there",
                "nl\nx", "\u0085", "\uFEFFbom", "\uD83D\uDE00")) {
            String q = ScenarioWriter.q(v);
            assertTrue(ScenarioWriter.readsBackAsString(v) || q.startsWith("\""), v);
            try (var p = new com.fasterxml.jackson.dataformat.yaml.YAMLFactory().createParser("k: " + q + "\n")) {
                p.nextToken();
                p.nextToken();
                assertEquals(com.fasterxml.jackson.core.JsonToken.VALUE_STRING, p.nextToken(), q);
                assertEquals(v, p.getText(), q);
            } catch (java.io.IOException e) {
                throw new AssertionError(q, e);
            }
        }
        assertEquals("subnet-0abc", ScenarioWriter.q("subnet-0abc"));
    }
}
