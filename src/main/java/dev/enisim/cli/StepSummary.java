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
     * gave an empty default). A folder or a link is refused before any run: after the runs, its exit 2 replaced
     * the verdict already printed.
     */
    static Path of(String option, Path home, String what) {
        if (option == null || option.isBlank()) {
            return null;
        }
        Path file = home.resolve(option);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new UserInputException("--step-summary " + option + ": expected a file to append the " + what
                    + " to (as $GITHUB_STEP_SUMMARY is), got a folder or a link");
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
