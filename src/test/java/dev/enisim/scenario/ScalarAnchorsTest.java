package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An anchor on a plain value ({@code memoryMb: &mem 1024}, then {@code memoryMb: *mem}) is that value again, as an
 * anchor on a map or a list is: Jackson 2.18's parser dropped it, so every alias of it was refused as "undefined alias
 * *mem" (see {@link ScalarAnchors}).
 */
class ScalarAnchorsTest {

    /** Whole numbers, texts, durations and booleans anchored, each used more than once, one from an x- key. */
    static final String SHARED = """
            name: scalars
            duration: 1h
            x-timeout: &t 30s
            hyperplane:
              reuseDeletingEni: &no false
              eniNotReadyOnScaleOut: *no
              cancelledCreationKeepsEnis: &yes true
            vpcs:
              - id: vpc-main
                subnets:
                  - { id: &sa subnet-a, cidr: 10.0.1.0/28, az: us-east-1a }
                securityGroups: [&sg sg-app]
            functions:
              - name: a
                memoryMb: &mem 1024
                timeout: *t
                vpcConfig: { subnetIds: [*sa], securityGroupIds: [*sg] }
                duration: &d 100ms
                arrivals: { poisson: &rate 5/s }
              - name: b
                memoryMb: *mem
                timeout: *t
                vpcConfig: { subnetIds: [*sa], securityGroupIds: [*sg] }
                duration: *d
                arrivals: { poisson: *rate }
              - { name: c, memoryMb: *mem, duration: *d, arrivals: { poisson: *rate } }
            """;

    @Test
    void scalarAnchorsGiveTheirValuesEveryTimeTheyAreUsed() throws Exception {
        Scenario s = ScenarioLoader.parse(SHARED, "s.yaml");
        for (Scenario.Function f : s.functions()) {
            assertEquals(1024, f.memoryMb(), f.name());
            assertEquals(f.name().equals("c") ? 3_000_000 : 30_000_000, f.timeoutMicros(), f.name() + ": 30s or the"
                    + " default");
            assertEquals(s.functions().get(0).duration(), f.duration(), f.name());
            assertEquals(s.functions().get(0).arrivals(), f.arrivals(), f.name());
        }
        assertEquals(s.functions().get(0).vpcConfig(), s.functions().get(1).vpcConfig());
        assertTrue(!s.hyperplane().reuseDeletingEni() && !s.hyperplane().eniNotReadyOnScaleOut()
                && s.hyperplane().cancelledCreationKeepsEnis(), s.hyperplane().toString());
    }

    @Test
    void theTreeHoldsTheAnchoredScalarsWithTheirTypes() throws Exception {
        JsonNode t = YamlTree.read("""
                i: &i 1024
                big: &big 12345678901
                f: &f 0.25
                s: &s hello
                q: &q "1024"
                b: &b true
                n: &n null
                uses: [*i, *big, *f, *s, *q, *b, *n, *i]
                """);
        JsonNode u = t.get("uses");
        assertTrue(u.get(0).isInt() && u.get(0).intValue() == 1024, u.toString());
        assertTrue(u.get(1).isLong() && u.get(1).longValue() == 12345678901L, u.toString());
        assertTrue(u.get(2).isDouble() && u.get(2).doubleValue() == 0.25, u.toString());
        assertEquals("hello", u.get(3).textValue());
        assertEquals("1024", u.get(4).textValue(), "a quoted number stays text");
        assertTrue(u.get(5).isBoolean() && u.get(5).booleanValue(), u.toString());
        assertTrue(u.get(6).isNull(), u.toString());
        assertEquals(u.get(0), u.get(7));
        assertEquals(t.get("i"), u.get(0));
    }

    /** An anchor written again names the latest value, as for maps; an anchor on a key is no value's. */
    @Test
    void aRedefinedAnchorNamesItsLatestValue() throws Exception {
        JsonNode t = YamlTree.read("a: &x 1\nb: *x\nc: &x 2\nd: *x\n");
        assertEquals("{\"a\":1,\"b\":1,\"c\":2,\"d\":2}", t.toString());
    }

    /** An alias before its anchor is still an error, said at its path and line. */
    @Test
    void anAliasBeforeItsScalarAnchorIsUndefined(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("late.yaml"), SHARED.replace("memoryMb: &mem 1024", "memoryMb: ?")
                .replace("memoryMb: *mem\n", "memoryMb: &mem 1024\n").replace("memoryMb: ?", "memoryMb: *mem"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertEquals(file + ":15: functions[0].memoryMb: undefined alias *mem (an alias must come after its anchor"
                + " &mem)", e.getMessage());
    }

    /** A merge key of a scalar alias is said as a merge key of a plain scalar is; map merges keep working. */
    @Test
    void aMergeKeyOfAScalarAliasIsNotAMap() {
        List<String> problems = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(SHARED.replace(
                "  - { name: c,", "  - { <<: *mem, name: c,"), "s.yaml")).problems().stream()
                .map(p -> p.path() + ": " + p.message()).toList();
        assertEquals(List.of("functions[2].<<: '<<' merges maps (<<: *anchor), got number"), problems);
    }

    @Test
    void mapMergesStillTakeScalarAliases() throws Exception {
        Scenario s = ScenarioLoader.parse(SHARED.replace("  - { name: c, memoryMb: *mem,",
                "  - { <<: {memoryMb: *mem, timeout: *t}, name: c,"), "s.yaml");
        assertEquals(1024, s.functions().get(2).memoryMb());
        assertEquals(30_000_000, s.functions().get(2).timeoutMicros());
    }

    /**
     * A bad value anchored on a scalar is said once, at the anchor's line, naming the aliases that use it, as a bad
     * value in an anchored map is.
     */
    @Test
    void aBadAnchoredScalarIsSaidOnceAtTheAnchor(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), SHARED.replace("&mem 1024", "&mem lots")
                .replace("x-timeout: &t 30s", "x-timeout: &t 30 seconds"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertEquals(List.of(file + ":15: functions[0].memoryMb: expected a whole number, got 'lots'; in anchor &mem,"
                + " also used by functions[1].memoryMb, functions[2].memoryMb",
                file + ":3: x-timeout: " + FieldRulesTest.DURATION + ", got '30 seconds'; in anchor &t, used by"
                + " functions[0].timeout, functions[1].timeout"), e.getMessage().lines().toList());
    }

    /**
     * A {@code --set} value is read as a file's values are: an anchor in it is its value again, an alias with no
     * anchor in the value is an undefined alias (it was the text 'm'), a repeated key is one.
     */
    @Test
    void aSetValueReadsAnchorsAsTheFileDoes() throws Exception {
        JsonNode tree = YamlTree.read("a: 1\n");
        List<Problem> problems = new java.util.ArrayList<>();
        JsonNode set = Overrides.applyValid(tree, List.of("a=[&x 1, *x, *x]", "b=&y 30s", "c=", "d=~"), problems);
        assertEquals(List.of(), problems);
        assertEquals("[1,1,1]", set.get("a").toString());
        assertEquals("30s", set.get("b").textValue());
        assertTrue(set.get("c").isMissingNode(), "no value, as before: 'got nothing'");
        assertTrue(set.get("d").isNull());
        Overrides.applyValid(tree, List.of("a=*m", "b={k: 1, k: 2}", "c=[1, *n]"), problems);
        assertEquals(List.of("--set a: undefined alias *m (an alias must come after its anchor &m)",
                "--set b.k: written twice (again at line 1; first at 1): a key is written once in a map",
                "--set c[1]: undefined alias *n (an alias must come after its anchor &n)"),
                problems.stream().map(Problem::toString).toList());
    }
}
