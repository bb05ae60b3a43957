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
}
