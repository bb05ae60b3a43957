package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile YAML (a review's h4): what the reader cannot take is said as what it is, where it is, and refused in bounded
 * time, memory and stack.
 */
class YamlEdgesTest {

    private static String problem(String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(text, "t.yaml"));
        return e.problems().get(0).toString();
    }

    private static final String SEPARATING_TAB = ": YAML 1.2 allows a tab between tokens, but enisim's YAML reader"
            + " (SnakeYAML, YAML 1.1) takes a tab only inside a value or a comment; use a space";

    /** A tab after a colon or inside a flow map is not an indentation: it was said to be, at the column before it. */
    @Test
    void aSeparatingTabIsSaidAsWhatItIsAtItsOwnColumn() {
        assertEquals("malformed YAML/JSON at line 2, column 10: a tab after ':'" + SEPARATING_TAB,
                problem("name: t\nduration:\t1h\n"));
        assertEquals("malformed YAML/JSON at line 3, column 28: a tab after ':'" + SEPARATING_TAB,
                problem("name: t\nduration: 1h\naccount: {concurrencyLimit:\t1000}\n"));
        assertEquals("malformed YAML/JSON at line 3, column 11: a tab after '{'" + SEPARATING_TAB,
                problem("name: t\nduration: 1h\naccount: {\tconcurrencyLimit: 1000}\n"));
        assertEquals("malformed YAML/JSON at line 2, column 5: a tab after '-'" + SEPARATING_TAB,
                problem("a:\r\n  - \tx\r\n")); // Windows line ends count as one
        // a tab inside a block text is the text's own: the one refused is the one after the comma
        assertEquals("malformed YAML/JSON at line 4, column 9: a tab after ','" + SEPARATING_TAB,
                problem("a:\n  d: |\n    \tblock\n  e: [1,\t2]\n"));
        assertEquals("malformed YAML/JSON at line 2, column 1: a tab in the indentation: YAML indents with spaces"
                + " only", problem("a: {\n\tb: 1}\n"));
    }

    /** {@code depth} levels of {@code nest} nested lists, each level's innermost value aliasing the level before. */
    private static String aliasChain(int levels, int nest) {
        StringBuilder s = new StringBuilder("x-a0: &a0 [x]\n");
        for (int i = 1; i < levels; i++) {
            s.append("x-a").append(i).append(": &a").append(i).append(' ').append("[".repeat(nest)).append("*a")
                    .append(i - 1).append("]".repeat(nest)).append('\n');
        }
        return s.toString();
    }

    /**
     * Nesting built by aliases of aliases is bounded as the text's own is: 23 levels of 45 nested lists overflowed the
     * stack of the reader's size count (an internal error, exit 3); 21 of them (901 levels) are read.
     */
    @Test
    void nestingThroughAliasesIsBoundedWithThePathAndTheLimit() throws Exception {
        assertNotNull(YamlTree.read(aliasChain(21, 45)));
        YamlTree.AliasException e = assertThrows(YamlTree.AliasException.class,
                () -> YamlTree.read(aliasChain(40, 45)));
        assertEquals("at x-a23" + "[0]".repeat(45) + " (line 24): nested deeper than 1,000 levels once aliases are"
                + " expanded (the alias *a22 holds 992 levels, here at level 47; aliases of aliases nest)",
                e.getMessage());
        StringBuilder chain = new StringBuilder("x-m0: &m0 {v: 1}\n");
        for (int i = 1; i < 40; i++) { // each level a map merging the one before, 45 maps deep
            chain.append("x-m").append(i).append(": &m").append(i).append(' ').append("{k: ".repeat(45))
                    .append("{<<: *m").append(i - 1).append('}').append("}".repeat(45)).append('\n');
        }
        String merged = assertThrows(YamlTree.AliasException.class, () -> YamlTree.read(chain.toString()))
                .getMessage();
        assertTrue(merged.startsWith("at x-m23" + ".k".repeat(45) + ".<< (line 24): nested deeper than 1,000 levels"),
                merged);
    }

    /**
     * A merge-key bomb ({@code <<: [*b, *b, ...]}, each level merging the one before ten times and nesting it once)
     * is refused by the values' budget, saying where, within a second (here a bound for a loaded machine) and without
     * filling the memory.
     */
    @Test
    void aMergeKeyBombIsRefusedSayingWhere() {
        StringBuilder b = new StringBuilder("name: bomb\nduration: 1h\nx-b0: &b0 {a: 1, b: 2, c: 3, d: 4, e: 5}\n");
        for (int i = 1; i < 40; i++) {
            String prev = "*b" + (i - 1);
            b.append("x-b").append(i).append(": &b").append(i).append(" {<<: [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, prev))).append("], k").append(i)
                    .append(": [").append(String.join(", ", java.util.Collections.nCopies(10, prev))).append("]}\n");
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        String message = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            long before = threads.getCurrentThreadAllocatedBytes();
            String m = problem(b.toString());
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 256L << 20, allocated + " bytes allocated");
            return m;
        });
        assertTrue(message.startsWith("malformed YAML: at x-b6.<<["), message);
        assertTrue(message.endsWith("more than 5,000,000 values once aliases and merge keys are expanded (aliases of"
                + " aliases multiply: an alias bomb?)"), message);
    }

    /** A tag was dropped by the parser without a word: {@code !custom 1024} was then "expected a whole number". */
    @Test
    void aTagThatMeansNothingIsSaidAtItsPath() throws Exception {
        List<Problem> found = new ArrayList<>();
        YamlTree.read("a: !custom 1024\nb: !!str 1024\nc: !!int \"7\"\nd: !!java/object:java.lang.ProcessBuilder [ls]\n"
                + "e: !!binary aGVsbG8=\n", found);
        String rest = " means nothing to enisim, which reads plain values (no tags but YAML's own !!str, !!int,"
                + " !!float, !!bool, !!null, !!map, !!seq): remove it";
        assertEquals(List.of("a: the YAML tag !custom" + rest,
                "d: the YAML tag !!java/object:java.lang.ProcessBuilder" + rest, "e: the YAML tag !!binary" + rest),
                found.stream().map(Problem::toString).toList());
        // a template given as a scenario is still told as one, its !Ref notwithstanding
        assertEquals("this is a CloudFormation template, not a scenario: enisim gate --template reads it (with the"
                + " account's scenario as --account)",
                problem("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Fn: {Properties: {Role: !Ref R}}\n"));
    }

    /** A Latin-1 letter in a UTF-8 scenario: its line and column, as an editor counts them. */
    @Test
    void aByteThatIsNotUtf8IsSaidAtItsLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latin.yaml");
        byte[] head = "name: caf\u00e9\nduration: 1h\ndescription: d".getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(head, head.length + 2);
        all[head.length] = (byte) 0xE9; // é in Latin-1
        all[head.length + 1] = '\n';
        Files.write(f, all);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.readTree(f));
        assertEquals("not UTF-8 text at line 3, column 15 (byte 0xE9) (a binary file, or another encoding such as"
                + " UTF-16 or Latin-1: save it as UTF-8)", e.problems().get(0).toString());
    }
}
