package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario of hundreds of functions writes their common fields once, under a top-level key of its own
 * ({@code x-defaults}), anchored and merged into each function: no function has to carry the anchor.
 */
class ExtensionKeysTest {

    @TempDir
    Path dir;

    private static final String HEAD = """
            name: many
            duration: 1h
            x-defaults: &fn
              vpcConfig: {subnetIds: [subnet-a], securityGroupIds: [sg-1]}
              arrivals: {poisson: 2/s}
              duration: 100ms
            x-notes: "anything of the user's own: ignored"
            """ + SourceLinesTest.ONE_VPC + """
            functions:
              - {name: a, <<: *fn}
              - {name: b, <<: *fn, memoryMb: 512}
            """;

    @Test
    void aTopLevelKeyStartingWithXIsTheUsersOwnPlaceForAnchors() throws Exception {
        Scenario s = ScenarioLoader.load(Files.writeString(dir.resolve("many.yaml"), HEAD));
        assertEquals(2, s.functions().size());
        assertEquals(s.functions().get(0).vpcConfig(), s.functions().get(1).vpcConfig());
        assertEquals(100_000, s.functions().get(1).duration().mean(), 1e-6);
    }

    @Test
    void onlyAtTheTopAndOnlyWithTheDash() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), HEAD.replace("x-notes:", "xnotes:")
                .replace("{name: b, <<: *fn, memoryMb: 512}", "{name: b, <<: *fn, x-mine: 1}"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertTrue(e.getMessage().contains(": xnotes: unknown key 'xnotes' (expected one of: "), e.getMessage());
        assertTrue(e.getMessage().contains("; or x-NAME, your own, for YAML anchors)"), e.getMessage());
        assertTrue(e.getMessage().contains("functions[1].x-mine: unknown key 'x-mine'"), e.getMessage());
        assertEquals(2, e.problems().size(), e.getMessage());
    }
}
