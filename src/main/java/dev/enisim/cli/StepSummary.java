package dev.enisim.cli;

import dev.enisim.report.SafeOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A CI job's summary file ({@code --step-summary}, GitHub Actions' {@code $GITHUB_STEP_SUMMARY} by default) that
 * {@code gate} and {@code check} append their Markdown to: the file is shared by the job's steps, so it is appended
 * to, never replaced; one this command made for the append is not left behind half-written.
 */
final class StepSummary {

    private StepSummary() {
    }

    /**
     * The file {@code option} names (relative to {@code home}), null when none (unset: the environment variable
     * gave an empty default). Whatever would stop the append is refused before any run (a folder, a link, a file
     * this process may not write, a folder that does not exist or takes no file): after the runs, its exit 2
     * replaced the verdict.
     */
    static Path of(String option, Path home, String what) {
        if (option == null || option.isBlank()) {
            return null;
        }
        Path file = home.resolve(option);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new UserInputException("--step-summary " + option + ": expected a file to append the " + what
                        + " to (as $GITHUB_STEP_SUMMARY is), got a folder or a link");
            }
            if (!Files.isWritable(file)) {
                throw new UserInputException("--step-summary " + option + ": cannot append the " + what + " to it"
                        + " (permission denied, or a read-only file system)");
            }
            return file;
        }
        // appended to with CREATE, which makes no folder: the folder must be there, and take a new file
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserInputException("--step-summary " + option + ": no such folder: " + (folder == null ? option
                    : folder) + " (the " + what + " is appended to a file in a folder that exists)");
        }
        try {
            SafeOutput.checkFile(file, home, null);
        } catch (dev.enisim.report.OutputRefused refused) { // a read-only folder, the kernel's /proc: before any run
            throw new UserInputException("--step-summary " + refused.getMessage());
        }
        return file;
    }

    /** Appends {@code markdown} to {@code file} (null: nothing). */
    static void append(Path file, String markdown) {
        if (file == null) {
            return;
        }
        boolean existed = Files.exists(file);
        try {
            Files.writeString(file, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            if (!existed) { // ours, made for this append: not left behind empty or half-written
                try {
                    Files.deleteIfExists(file);
                } catch (IOException gone) {
                    // the append's failure is the one to report
                }
            }
            throw new UserInputException("cannot append to the step summary: " + SafeOutput.reason(e));
        }
    }
}
