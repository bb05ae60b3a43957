package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every command's --help lists every option with its default (a flag, a required option and --help excepted). */
class HelpDefaultsTest {

    @Test
    void everyOptionSaysItsDefault() {
        CommandLine root = new CommandLine(new Main(Path.of("")));
        List<String> missing = new ArrayList<>();
        for (CommandLine sub : root.getSubcommands().values()) {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp() || o.required() || o.arity().max() == 0 || o.hidden()) {
                    continue;
                }
                String text = String.join(" ", o.description()).toLowerCase(Locale.ROOT);
                if (!text.contains("default")) {
                    missing.add(sub.getCommandName() + " " + o.longestName());
                }
            }
            String usage = sub.getUsageMessage();
            assertTrue(usage.contains("Usage: enisim " + sub.getCommandName()), usage);
        }
        assertEquals(List.of(), missing, "options whose --help does not say their default");
    }

    /**
     * Every command's --help renders without picocli's complaint: a bare '%' in a description is a format specifier
     * to picocli ({@code sensitivity --help} printed a 1.3 KB "[picocli WARN] Could not format ..." to stderr with
     * every usage error).
     */
    @Test
    void everyHelpRendersWithoutAWarning() {
        List<String> warned = new ArrayList<>();
        java.io.PrintStream stderr = System.err; // picocli's tracer writes there, not to the command's writer
        java.io.ByteArrayOutputStream traced = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(traced, true, java.nio.charset.StandardCharsets.UTF_8));
            for (String name : new CommandLine(new Main(Path.of(""))).getSubcommands().keySet()) {
                traced.reset();
                CliTest.Result r = CliTest.run(name, "--help");
                if ((r.err() + r.out() + traced.toString(java.nio.charset.StandardCharsets.UTF_8))
                        .contains("picocli WARN")) {
                    warned.add(name);
                }
            }
        } finally {
            System.setErr(stderr);
        }
        assertEquals(List.of(), warned, "commands whose --help made picocli warn");
    }
}
