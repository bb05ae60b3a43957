package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a problem reached through an alias is said: an unknown key whose value is an alias at the key's own line (it
 * was said at the anchor's, under the anchor's path), and a value at the end of a long chain of merges or aliases at the
 * line that writes it (the trace was cut after 256 steps, at a map that does not write it).
 */
class AliasKeyAndChainLinesTest {

    @TempDir
    Path dir;

    private List<String> problems(String text) throws Exception {
        Path file = Files.writeString(dir.resolve("a.yaml"), text);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        String prefix = file + ":";
        return e.getMessage().lines().map(l -> l.startsWith(prefix) ? l.substring(prefix.length()) : l).toList();
    }

    private static final String FUNCTION = "name: f\nduration: 100ms\narrivals: { poisson: 1/s }";

    @Test
    void anUnknownKeyWhoseValueIsAnAliasIsSaidAtTheKey() throws Exception {
        String text = OneSubnetYaml.of("name: t\nduration: 1h\nx-base: &base\n  a: 1\n  b: 2\ntrafic: *base",
                FUNCTION + "\nmemorySiz: *base");
        List<String> said = problems(text);
        assertTrue(said.contains("6: trafic: unknown key 'trafic' (expected one of: name, duration, bucket, account,"
                + " vpcs, hyperplane, functions, timeline, expect, networkModel, scaling, legacy, async, startsAt, sqs,"
                + " prices, assumptions, accounts, description, seed; or x-NAME, your own, for YAML anchors)"), said
                .toString());
        assertTrue(said.stream().anyMatch(l -> l.startsWith("16: functions[0].memorySiz: unknown key 'memorySiz'")
                && l.endsWith("did you mean 'memoryMb'?")), said.toString());
        assertEquals(2, said.size(), said.toString());
    }

    /** An unknown key written in an anchored map is said there, once, with the places that use it. */
    @Test
    void anUnknownKeyInsideAnAnchorIsSaidAtTheAnchor() throws Exception {
        String text = OneSubnetYaml.of("name: t\nduration: 1h\nx-sz: &sz {a: 1}\nx-fn: &fn\n  memorySiz: *sz",
                "<<: *fn\n" + FUNCTION);
        List<String> said = problems(text);
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("5: x-fn.memorySiz: unknown key 'memorySiz'") && said.get(0)
                .endsWith("; in anchor &fn, used by functions[0]"), said.toString());
    }

    /** A key written twice whose second value is an alias: said at the key, not at the anchor. */
    @Test
    void aKeyWrittenTwiceWithAnAliasIsSaidAtTheKey() throws Exception {
        String text = OneSubnetYaml.of("name: t\nduration: 1h\nx-a: &a {k: 1}\nx-b: 1\nx-b: *a", FUNCTION);
        List<String> said = problems(text);
        assertEquals(List.of("4: x-b: written twice (again at line 5; first at 4): a key is written once in a map"), said);
    }

    /** {@code n} anchors, each merging the one before; the first writes {@code memoryMb: big}; f merges the last. */
    private static String mergeChain(int n) {
        StringBuilder head = new StringBuilder("name: t\nduration: 1h\nx-m0: &m0 {memoryMb: big}\n");
        for (int i = 1; i < n; i++) {
            head.append("x-m").append(i).append(": &m").append(i).append(" {<<: *m").append(i - 1).append("}\n");
        }
        return OneSubnetYaml.of(head.toString(), FUNCTION).replace("functions:\n  - vpcConfig",
                "functions:\n  - <<: *m" + (n - 1) + "\n    vpcConfig");
    }

    @Test
    void aValueAtTheEndOfALongMergeChainIsSaidWhereItIsWritten() throws Exception {
        for (int n : new int[] {3, 300, 2_000}) {
            List<String> said = problems(mergeChain(n));
            assertEquals(List.of("3: x-m0.memoryMb: expected a whole number, got 'big'; in anchor &m0, used by"
                    + " functions[0]"), said, "a chain of " + n);
        }
    }

    /** {@code n} anchors, each a map whose key k aliases the one before: the path f.k.k...k is n levels deep. */
    @Test
    void aValueAtTheEndOfALongAliasChainIsSaidWhereItIsWritten() throws Exception {
        StringBuilder text = new StringBuilder("x-a0: &a0 {v: 1}\n");
        for (int i = 1; i < 400; i++) {
            text.append("x-a").append(i).append(": &a").append(i).append(" {k: *a").append(i - 1).append("}\n");
        }
        text.append("f: *a399\n");
        AliasOrigins origins = AliasOrigins.of(text.toString());
        String path = "f" + ".k".repeat(399) + ".v";
        assertArrayEquals(new String[] {"x-a0.v", "a0", "f"}, origins.trace(path, false));
        assertArrayEquals(new String[] {"x-a0.v", "a0", "f"}, origins.trace(path, true), "the key v is x-a0's own");
        assertArrayEquals(new String[] {"x-a2.k", "a2", "f"}, origins.trace("f" + ".k".repeat(398), true));
        assertArrayEquals(new String[] {"x-a0", "a0", "f"}, origins.trace("f" + ".k".repeat(399), false));
    }

    /** A key written twice, its second value merging the first: the trace stops, it does not loop. */
    @Test
    void aPathThatLeadsBackToItselfEnds() throws Exception {
        AliasOrigins origins = AliasOrigins.of("a: &x {v: 1}\na: {<<: *x}\n");
        assertArrayEquals(new String[] {"a.v", "x", "a"}, origins.trace("a.v", false));
    }
}
