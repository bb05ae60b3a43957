package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code --help} styled so that it reads on a light and on a dark terminal: picocli's default printed every option
 * in yellow (ANSI 33), about 1.5:1 on a white background (an accessibility review). Commands and options are bold,
 * their values italic, no colour of their own; a pipe or {@code NO_COLOR} still gets no styles at all (picocli's
 * {@code AUTO}).
 */
class HelpColoursTest {

    /** An ANSI SGR sequence: ESC [ codes m. */
    private static final Pattern SGR = Pattern.compile("\u001B\\[([0-9;]*)m");

    /** Every command's help as a terminal would get it (styles forced on, each command's own scheme). */
    private static Map<String, String> styledHelps() {
        CommandLine root = Main.commandTree(Path.of("").toAbsolutePath());
        Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("enisim", styled(root));
        root.getSubcommands().forEach((name, cl) -> out.put(name, styled(cl)));
        return out;
    }

    private static String styled(CommandLine cl) {
        StringWriter w = new StringWriter();
        cl.usage(new PrintWriter(w, true), new CommandLine.Help.ColorScheme.Builder(cl.getColorScheme())
                .ansi(CommandLine.Help.Ansi.ON).build());
        return w.toString();
    }

    @Test
    void noCommandsHelpUsesAColourOnlyBoldAndItalic() {
        List<String> wrong = new ArrayList<>();
        styledHelps().forEach((name, text) -> {
            Matcher m = SGR.matcher(text);
            while (m.find()) {
                for (String code : m.group(1).split(";")) {
                    // 0 and empty reset, 1 bold, 3 italic, 21/22/23 their ends; 30-37, 90-97 and 38 are colours
                    if (!List.of("", "0", "1", "3", "21", "22", "23").contains(code)) {
                        wrong.add(name + ": ESC[" + m.group(1) + "m");
                        break;
                    }
                }
            }
        });
        assertEquals(List.of(), wrong.stream().distinct().toList());
    }

    @Test
    void optionsAreBoldAndTheirValuesItalic() {
        String run = styledHelps().get("run");
        assertTrue(run.contains("\u001B[1m--out"),
                "run's --out in bold: " + run.lines().filter(l -> l.contains("--out")).findFirst().orElse(""));
        assertTrue(run.contains("\u001B[3mDIR") || run.contains("\u001B[3m<"), "an option's value in italic: "
                + run.lines().filter(l -> l.contains("--out")).findFirst().orElse(""));
    }

    /** Styles only on a terminal and without NO_COLOR: every command's scheme decides so itself (AUTO). */
    @Test
    void everyCommandLeavesTheTerminalToDecide() {
        CommandLine root = Main.commandTree(Path.of("").toAbsolutePath());
        assertEquals(CommandLine.Help.Ansi.AUTO, root.getColorScheme().ansi());
        root.getSubcommands().forEach((name, cl) -> assertEquals(CommandLine.Help.Ansi.AUTO,
                cl.getColorScheme().ansi(), name));
        // not a terminal (a test's output): no escape at all
        assertTrue(!CliTest.run("run", "--help").out().contains("\u001B"), "run --help into a pipe");
    }
}
