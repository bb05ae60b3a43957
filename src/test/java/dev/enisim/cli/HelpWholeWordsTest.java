package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help wraps between words: a file name, a dotted path or "e.g." is never cut after one of its
 * dots. picocli breaks lines where the JDK's line BreakIterator allows, which is after any '.' before a letter:
 * {@code check --help} printed "DIR/&lt;scenario name&gt;." / "summary.json" and "such as ." / "gitlab-ci.yml",
 * {@code sweep} and {@code sensitivity} "enis." / "peak", {@code gate} "after." / "yaml", {@code bench} "e." / "g.".
 */
class HelpWholeWordsTest {

    /** A line that ends with a '.' and the next line's first word (lower case, a digit or an identifier). */
    private static final Pattern CUT = Pattern.compile("(\\S*\\.)\\n\\s*([a-z0-9_$][^\\s]*)");

    private static List<String> commands(CommandLine root) {
        List<String> names = new ArrayList<>();
        names.add("");
        names.addAll(root.getSubcommands().keySet());
        return names;
    }

    /** The help of a command as printed (80 columns, as a user sees it). */
    private static String help(String command) {
        return command.isEmpty() ? CliTest.run("--help").out() : CliTest.run(command, "--help").out();
    }

    /** The same help with room for every line (one command tree for all: building one takes a while). */
    private static String unwrapped(CommandLine root, String command) {
        CommandLine cl = command.isEmpty() ? root : root.getSubcommands().get(command);
        cl.setUsageHelpWidth(2000); // nothing wrapped, each word as written
        StringWriter out = new StringWriter();
        cl.usage(new PrintWriter(out, true), CommandLine.Help.Ansi.OFF);
        return out.toString();
    }

    /**
     * No word is cut after one of its dots, and nothing of the wrapping's own leaks into what is printed: every
     * '.' of the unwrapped help is back.
     */
    @Test
    void noDottedWordIsCutAcrossLines() {
        List<String> cut = new ArrayList<>();
        CommandLine root = new CommandLine(new Main(Path.of("")));
        for (String command : commands(root)) {
            String name = command.isEmpty() ? "enisim" : command;
            String out = help(command);
            String wide = unwrapped(root, command);
            Matcher m = CUT.matcher(out.replace("\r\n", "\n"));
            while (m.find()) {
                // a sentence that ends a line ("... its report." then "validate ...") is no word cut: the two
                // halves written together are only in the unwrapped help when they were one word
                String word = m.group(1) + m.group(2);
                if (wide.contains(word)) {
                    cut.add(name + ": '" + m.group(1) + "' / '" + m.group(2) + "' (" + word + ")");
                }
            }
            assertEquals(wide.chars().filter(c -> c == '.').count(), out.chars().filter(c -> c == '.').count(),
                    name + ": as many dots as in the unwrapped help");
            assertFalse(out.chars().anyMatch(c -> Character.getType(c) == Character.PRIVATE_USE), name);
        }
        assertEquals(List.of(), cut, "words cut after a '.' in --help");
    }

    /** The cuts the oracle above finds were real: check's help had these two. */
    @Test
    void checksHelpKeepsItsFileNamesWhole() {
        String out = help("check");
        assertTrue(out.contains("name>.summary.json"), out);
        assertTrue(out.contains(".gitlab-ci.yml"), out);
    }
}
