package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What --help prints can be read and copied as printed: an example command pastes into a shell whole (picocli
 * wrapped {@code sensitivity}'s example inside the metric's name, {@code import}'s and {@code gate}'s between an
 * option and its file), and {@code plan}'s numbered list keeps its indentation (a line too long for the 80
 * columns put "on as many" at the left margin).
 */
class HelpLayoutTest {

    private static List<String> helps() {
        List<String> names = new ArrayList<>();
        names.add("--help");
        names.addAll(new CommandLine(new Main(Path.of(""))).getSubcommands().keySet());
        return names;
    }

    @Test
    void everyExampleCommandPastesWhole() {
        List<String> broken = new ArrayList<>();
        for (String name : helps()) {
            CliTest.Result r = name.equals("--help") ? CliTest.run("--help") : CliTest.run(name, "--help");
            String[] lines = r.out().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].startsWith("Example:")) {
                    continue;
                }
                List<String> block = new ArrayList<>();
                String first = lines[i].substring("Example:".length()).strip();
                if (!first.isEmpty()) {
                    block.add(first);
                }
                for (int j = i + 1; j < lines.length && !lines[j].isBlank()
                        && !lines[j].startsWith("Exit codes"); j++) {
                    block.add(lines[j].strip());
                }
                for (int k = 0; k < block.size() - 1; k++) {
                    if (!block.get(k).endsWith(" \\")) {
                        broken.add(name + ": '" + block.get(k) + "' goes on without ' \\' in '" + block.get(k + 1)
                                + "'");
                    }
                }
            }
        }
        assertEquals(List.of(), broken, "examples that a shell would read as two commands");
    }

    /** A quoted --set or --vary in an option's description stays on one line ({@code bench --set}'s was cut). */
    @Test
    void everyQuotedExampleArgumentStaysOnOneLine() {
        List<String> cut = new ArrayList<>();
        java.util.regex.Pattern open = java.util.regex.Pattern.compile("--(set|vary|metric) '[^']*$");
        for (String name : helps()) {
            CliTest.Result r = name.equals("--help") ? CliTest.run("--help") : CliTest.run(name, "--help");
            for (String line : r.out().split("\n")) {
                if (open.matcher(line).find()) {
                    cut.add(name + ": " + line.strip());
                }
            }
        }
        assertEquals(List.of(), cut, "quoted arguments of help examples cut across lines");
    }

    @Test
    void plansNumberedListKeepsItsIndentation() {
        String out = CliTest.run("plan", "--help").out();
        String list = out.substring(out.indexOf("Runs variants of the scenario:"), out.indexOf("Writes plan.json"));
        List<String> outdented = new ArrayList<>();
        String[] lines = list.split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].startsWith("  ")) {
                outdented.add(lines[i]);
            }
        }
        assertEquals(List.of(), outdented, "lines of plan's numbered list at the left margin");
    }
}
