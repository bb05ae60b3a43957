package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * gate.md's prose and list items are folded at {@link Fold#WIDTH} columns (readable in a terminal and in a review
 * diff) without changing what renders: only spaces become line breaks, code spans and links stay whole, no line
 * starts a new block; table rows and headings stay one line each.
 */
class GateMarkdownFoldTest {

    private static String joined(String s) {
        return s.replaceAll("[ \\n]+", " ").strip();
    }

    @Test
    void theCommittedExamplesFoldTheirProseAndKeepTheirRowsWhole() throws Exception {
        for (String name : List.of("gate-template.md", "gate-shared.md", "gate-plan.md")) {
            List<String> lines = Files.readAllLines(Path.of("scenarios/gate-example", name));
            for (String l : lines) {
                boolean row = l.startsWith("|");
                boolean heading = l.startsWith("#");
                assertTrue(row || heading || l.length() <= Fold.WIDTH || !l.strip().contains(" "),
                        name + ": a prose line of " + l.length() + " columns: " + l);
            }
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("  ")), name + ": a list item folded, its lines"
                    + " indented under it");
        }
    }

    @Test
    void onlySpacesBecomeLineBreaksAndNoLineOpensABlock() {
        String item = "- Placeholder: traffic 1/s (--default-traffic) of 12 created function(s): "
                + String.join(", ", java.util.Collections.nCopies(12, "payments-validate")) + " - 1. # > <b> `a b c"
                + " d e f g h i j k l m n o p q r s t u v w x y z` [the README](README.md#gate-a-deployment-in-ci)"
                + " --traffic NAME=RATE 1) + * === ``` end";
        for (int shift = 0; shift < 40; shift++) { // every break point tried: the words move along the line
            String text = item.replace("Placeholder:", "Placeholder:" + " x".repeat(shift));
            String folded = Fold.fold(text, "  ");
            assertEquals(joined(text), joined(folded), "only spaces become line breaks");
            List<String> lines = folded.lines().toList();
            assertTrue(lines.size() > 2, folded);
            for (String l : lines.subList(1, lines.size())) {
                assertTrue(l.startsWith("  ") && !l.startsWith("   "), "indented under the item: " + l);
                String start = l.strip();
                assertFalse(start.matches("([-+*#>=<|~_]|```|\\d+[.)]).*"), "a line opening a block: " + l);
            }
            for (String l : lines) {
                assertEquals(0L, l.replace("```", "").chars().filter(c -> c == '`').count() % 2,
                        "a code span split: " + l);
                assertFalse(l.contains("[the README](") != l.contains("(README.md#gate"), "a link split: " + l);
            }
        }
    }

    @Test
    void aLongListFitsTheWidth() {
        String text = "- Note: versions published by " + String.join(", ", java.util.Collections.nCopies(30,
                "payments-authorize")) + ": a version pins its function's keys, which adds no ENI";
        String folded = Fold.fold(text, "  ");
        assertEquals(joined(text), joined(folded));
        folded.lines().forEach(l -> assertTrue(l.length() <= Fold.WIDTH, "at most " + Fold.WIDTH + ": " + l));
        assertTrue(folded.lines().count() >= 6, folded);
    }

    @Test
    void aShortLineIsLeftAsItIs() {
        assertEquals("- 1 new ENI key(s).", Fold.fold("- 1 new ENI key(s).", "  "));
        assertEquals("x".repeat(150), Fold.fold("x".repeat(150), ""), "a word longer than the width: whole");
    }
}
