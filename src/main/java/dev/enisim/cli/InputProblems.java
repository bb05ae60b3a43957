package dev.enisim.cli;

import dev.enisim.report.OutputRefused;
import dev.enisim.report.SafeOutput;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Every problem of a command's input at once, each as the terminal says it on its own (a scenario's lines, or
 * "enisim: ..."): exit code 2. {@code check} of several files named only the first broken one.
 */
final class InputProblems extends RuntimeException {
    InputProblems(Collection<String> messages) {
        super(String.join("\n", messages));
    }

    /**
     * Adds to {@code problems} why {@code dir} may not be the output folder, or cannot be written
     * ({@link SafeOutput#checkFolderWritable}: a trial write, before the experiment's first run), if so; nothing for a
     * null {@code dir} (no folder known: the scenario itself is broken, said already).
     */
    static void checkFolder(Collection<String> problems, Path dir, Path home) {
        if (dir != null) {
            try {
                SafeOutput.checkFolderWritable(dir, home);
            } catch (OutputRefused e) {
                problems.add(Main.userMessage(e));
            }
        }
    }
}
