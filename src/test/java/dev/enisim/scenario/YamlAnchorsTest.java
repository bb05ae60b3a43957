package dev.enisim.scenario;

import static dev.enisim.scenario.FieldRulesTest.GOOD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * YAML's anchors, aliases and merge keys, as a scenario with many similar functions uses them (scenarios/README.md):
 * an alias is its anchor's value, {@code <<: *base} gives the keys the map does not set itself, and what YAML
 * cannot mean is one clear problem.
 */
class YamlAnchorsTest {

    private static final String TWO = """
            name: anchors
            duration: 1h
            functions:
              - &base
                name: a
                duration: 100ms
                memoryMb: 512
                arrivals: &traffic { poisson: 5/s }
              - <<: *base
                name: b
                memoryMb: 1024
              - name: c
                duration: 1s
                arrivals: *traffic
            """;

    @Test
    void aliasesAndMergeKeysGiveTheAnchoredValues() throws Exception {
        Scenario s = ScenarioLoader.parse(TWO, "t.yaml");
        Scenario.Function a = s.functions().get(0);
        Scenario.Function b = s.functions().get(1);
        Scenario.Function c = s.functions().get(2);
        assertEquals(List.of("a", "b", "c"), s.functions().stream().map(Scenario.Function::name).toList());
        // b: its own name and memory, the rest from a
        assertEquals(1024, b.memoryMb());
        assertEquals(512, a.memoryMb());
        assertEquals(a.duration(), b.duration());
        assertEquals(a.arrivals(), b.arrivals());
        assertEquals(a.arrivals(), c.arrivals());
        assertEquals(128, c.memoryMb(), "c merged nothing: the default");
    }

    @Test
    void severalMapsMergeTheFirstWinning() throws Exception {
        Scenario s = ScenarioLoader.parse(GOOD.replace("  - name: f\n", """
                  - <<: [{memoryMb: 256, timeout: 10s}, {memoryMb: 512, timeout: 20s, createdAt: 1m}]
                    name: f
                    timeout: 5s
                """), "t.yaml");
        Scenario.Function f = s.functions().get(0);
        assertEquals(256, f.memoryMb(), "the first merged map wins over the second");
        assertEquals(5_000_000, f.timeoutMicros(), "the map's own key wins over every merged one");
        assertEquals(60_000_000, f.createdAtMicros(), "a key only the second map has");
    }

    @Test
    void whatYamlCannotMeanIsOneProblem() {
        assertEquals(List.of("functions[0].arrivals: undefined alias *nowhere (an alias must come after its anchor "
                + "&nowhere)"), problems(GOOD.replace("{ poisson: 5/s }", "*nowhere")));
        // a merge key's value that is not a map is said at the key's own path (so with its line), not as the whole
        // file's malformed YAML
        assertEquals(List.of("functions[0].<<: '<<' merges maps (<<: *anchor), got string"),
                problems(GOOD.replace("  - name: f\n", "  - <<: f\n    name: f\n")));
        assertEquals(List.of("functions[0].<<: '<<' merges maps (<<: *anchor), got number"),
                problems(GOOD.replace("  - name: f\n", "  - <<: [{memoryMb: 256}, 5]\n    name: f\n")));
    }

    /**
     * An undefined alias (a typo: {@code <<: *fnn}) is said at its path, so with its file's line like every other
     * problem, once for all its uses; it was "(root): malformed YAML: undefined alias *fnn" with no line.
     */
    @Test
    void anUndefinedAliasIsSaidAtItsLineOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("typo.yaml");
        java.nio.file.Files.writeString(file, GOOD.replace("functions:\n", "x-fn: &fn {duration: 100ms}\nfunctions:\n")
                .replace("  - name: f\n", "  - name: f\n    <<: *fnn\n") + "  - { name: g, <<: *fnn }\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertEquals(file + ":12: functions[0].<<: undefined alias *fnn (an alias must come after its anchor &fnn);"
                + " used 1 more time", e.getMessage());
    }

    /** Three functions merging one anchor ({@code &fn}) whose duration's p99 is not a duration; c's memory is bad. */
    static final String SHARED = "name: anchors\nduration: 10m\n" + SourceLinesTest.ONE_VPC + """
            x-fn: &fn
              vpcConfig: {subnetIds: [subnet-a], securityGroupIds: [sg-1]}
              duration: {dist: lognormal, median: 50ms, p99: fast}
              arrivals: {poisson: 1/s}
            functions:
              - {<<: *fn, name: a}
              - {<<: *fn, name: b}
              - <<: *fn
                name: c
                memoryMb: lots
            """;

    private ScenarioException loadFails(java.nio.file.Path dir, String text) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("anchors.yaml"), text);
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    }

    /**
     * A bad value in an anchor that three functions merge is said once, at the anchor's own path and line, with the
     * places that use it, and the file's other problem with it; it was said three times, once per function, at the
     * function's first line or at none.
     */
    @Test
    void aBadValueInAnAnchorIsSaidOnceAtTheAnchor(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ScenarioException e = loadFails(dir, SHARED);
        String f = dir.resolve("anchors.yaml").toString();
        assertEquals(List.of(f + ":10: x-fn.duration.p99: " + FieldRulesTest.DURATION + ", got 'fast'; in anchor &fn,"
                + " used by functions[0], functions[1], functions[2]",
                f + ":17: functions[2].memoryMb: expected a whole number, got 'lots'"), e.getMessage().lines().toList());
        assertEquals(4, e.problems().size(), "the problems themselves stay one per use: " + e.problems());
    }

    /**
     * An alias ({@code duration: *dur}) of a value anchored in a function: said at the anchor's line once, "also" as
     * the anchor's own function has it; a function whose own key overrides the merged one is said at the override's
     * line, and is no use of the anchor's value.
     */
    @Test
    void anOverrideIsSaidAtItsOwnLineAndAnAliasAtItsAnchor(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ScenarioException e = loadFails(dir, SHARED.replace("  - {<<: *fn, name: a}\n", """
                  - name: a
                    vpcConfig: {subnetIds: [subnet-a], securityGroupIds: [sg-1]}
                    arrivals: {poisson: 1/s}
                    duration: &dur {dist: exponential, mean: soon}
                  - {name: z, <<: *fn, duration: *dur}
                  - {name: y, <<: *fn, duration: slow}
                """));
        String f = dir.resolve("anchors.yaml").toString();
        assertEquals(List.of(f + ":16: functions[0].duration.mean: " + FieldRulesTest.DURATION + ", got 'soon'; in"
                + " anchor &dur, also used by functions[1].duration",
                f + ":18: functions[2].duration: " + FieldRulesTest.DURATION + ", got 'slow'",
                f + ":10: x-fn.duration.p99: " + FieldRulesTest.DURATION + ", got 'fast'; in anchor &fn, used by"
                + " functions[3], functions[4]",
                f + ":22: functions[4].memoryMb: expected a whole number, got 'lots'"), e.getMessage().lines().toList());
    }

    /** Forty uses are named five, and counted. */
    @Test
    void manyUsesAreCounted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String many = SHARED.replace("  - {<<: *fn, name: b}\n", "");
        for (int i = 0; i < 40; i++) {
            many += "  - {<<: *fn, name: f" + i + "}\n";
        }
        ScenarioException e = loadFails(dir, many);
        assertTrue(e.getMessage().contains(":10: x-fn.duration.p99: " + FieldRulesTest.DURATION + ", got 'fast'; in"
                + " anchor &fn, used by functions[0], functions[1], functions[2], functions[3], functions[4] and 37"
                + " more\n"), e.getMessage());
        assertEquals(2, e.getMessage().lines().count(), e.getMessage());
    }

    /**
     * An alias is its anchor's node, not a copy: a chain of 3,000 anchors, each aliasing the one before (4.5 million
     * values expanded, a few kilobytes written), took 1.1 GB and half a minute as copies, and ran a 512 MiB heap out.
     * Such a chain is now as deep as the parser lets a text be ({@link YamlTree#MAX_DEPTH}, YamlEdgesTest), so its
     * 990 anchors each hold seven more values: 4.4 million expanded.
     */
    @Test
    void anAliasSharesItsAnchorsNode() throws Exception {
        StringBuilder chain = new StringBuilder("x-c0: &c0 {v: 1}\n");
        for (int i = 1; i < 990; i++) {
            chain.append("x-c").append(i).append(": &c").append(i).append(" {v: *c").append(i - 1)
                    .append(", w: [1, 2, 3, 4, 5, 6, 7]}\n");
        }
        com.fasterxml.jackson.databind.JsonNode tree = YamlTree.read(chain.toString());
        assertTrue(tree.get("x-c989").get("v") == tree.get("x-c988"), "the anchored node itself");
        assertEquals(990, depth(tree.get("x-c989")));
    }

    private static int depth(com.fasterxml.jackson.databind.JsonNode n) {
        return n.isObject() ? 1 + depth(n.get("v")) : 0;
    }

    /** A --set of a value an alias shares changes it only where it is set: the tree it changes is a copy. */
    @Test
    void aSetOfASharedValueChangesItOnlyThere(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("two.yaml"), TWO);
        Scenario s = ScenarioLoader.load(file, List.of("functions[2].arrivals.poisson=9/s",
                "functions[1].duration=2s"), null);
        Scenario plain = ScenarioLoader.load(file);
        assertEquals(plain.functions().get(0).arrivals(), s.functions().get(0).arrivals(), "a's own arrivals");
        assertEquals(plain.functions().get(0).arrivals(), s.functions().get(1).arrivals(), "b's, merged from a");
        assertTrue(!plain.functions().get(2).arrivals().equals(s.functions().get(2).arrivals()), "c's, set");
        assertEquals(plain.functions().get(0).duration(), s.functions().get(0).duration(), "a's duration");
        assertEquals(plain, ScenarioLoader.load(file), "the file read again: the same");
    }

    /** SnakeYAML's own limit is 3 MB; enisim's is 64 MiB (a scenario of thousands of functions is that big). */
    @Test
    void aScenarioOfMoreThanThreeMegabytesIsRead() throws Exception {
        String big = GOOD + "description: " + "x".repeat(3_200_000) + "\n";
        assertEquals("good", ScenarioLoader.parse(big, "big.yaml").name());
    }

    private static List<String> problems(String yaml) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "t.yaml")).problems().stream()
                .map(p -> p.path() + ": " + p.message()).toList();
    }
}
