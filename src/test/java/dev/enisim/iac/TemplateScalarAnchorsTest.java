package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A YAML template's anchors on plain values ({@code MemorySize: &mem 1024}, then {@code *mem}), on maps and merge keys
 * ({@code <<: *props}), as SAM and CloudFormation YAML templates write them: each alias is its anchor's value; an alias
 * before its anchor is malformed YAML, at its line.
 */
class TemplateScalarAnchorsTest {

    @TempDir
    Path dir;

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              A:
                Type: AWS::Serverless::Function
                Properties: &props
                  MemorySize: &mem 1024
                  Timeout: &t 30
                  Runtime: &rt python3.12
                  SnapStart: {ApplyOn: &none None}
                  VpcConfig: {SubnetIds: [!Ref Subnet], SecurityGroupIds: [&sg sg-0123456789abcdef0]}
              B:
                Type: AWS::Serverless::Function
                Properties:
                  MemorySize: *mem
                  Timeout: *t
                  Runtime: *rt
                  VpcConfig: {SubnetIds: [!Ref Subnet], SecurityGroupIds: [*sg, *sg]}
              C:
                Type: AWS::Serverless::Function
                Properties:
                  <<: *props
                  MemorySize: 256
            """;

    @Test
    void scalarAliasesAndMergeKeysAreTheirAnchorsValues() throws Exception {
        JsonNode r = TemplateFile.read(Files.writeString(dir.resolve("t.yaml"), TEMPLATE)).get("Resources");
        JsonNode b = r.get("B").get("Properties");
        assertEquals(1024, b.get("MemorySize").intValue());
        assertEquals(30, b.get("Timeout").intValue());
        assertEquals("python3.12", b.get("Runtime").textValue());
        assertEquals("[\"sg-0123456789abcdef0\",\"sg-0123456789abcdef0\"]",
                b.get("VpcConfig").get("SecurityGroupIds").toString());
        JsonNode c = r.get("C").get("Properties");
        assertEquals(256, c.get("MemorySize").intValue(), "its own key over the merged one");
        assertEquals(30, c.get("Timeout").intValue());
        assertEquals("{\"Ref\":\"Subnet\"}", c.get("VpcConfig").get("SubnetIds").get(0).toString());
    }

    @Test
    void anAliasBeforeItsAnchorIsMalformedAtItsLine() throws Exception {
        Path f = Files.writeString(dir.resolve("late.yaml"), TEMPLATE.replace("MemorySize: &mem 1024",
                "MemorySize: *mem").replace("MemorySize: *mem\n      Timeout: *t", "MemorySize: &mem 1024\n      Timeout: *t"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> TemplateFile.read(f));
        assertEquals(f + ": malformed YAML at line 6, column 19: found undefined alias mem", e.getMessage());
    }
}
