package dev.enisim.cli;

import dev.enisim.report.SafeOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * A CI job's summary file ({@code --step-summary}, GitHub Actions' {@code $GITHUB_STEP_SUMMARY} by default) that
 * {@code gate} and {@code check} append their Markdown to: the file is shared by the job's steps, so it is appended
 * to, never replaced; one this command made for the append is not left behind half-written.
 */
final class StepSummary {

    private StepSummary() {
    }

    /**
     * {@code markdown} (a heading, a blank line, the rest) with the line saying the runs had {@code --set}
     * {@code overrides} under its heading; as it is without any.
     */
    static String withOverrides(String markdown, List<String> overrides) {
        if (overrides.isEmpty()) {
            return markdown;
        }
        String line = "Run with overrides: `" + dev.enisim.scenario.Overrides.options(overrides).replace("`", "'")
                + "`\n\n";
        int body = markdown.startsWith("#") ? markdown.indexOf("\n\n") : -1;
        return body < 0 ? line + markdown : markdown.substring(0, body + 2) + line + markdown.substring(body + 2);
    }

    /**
     * The file {@code option} names (relative to {@code home}), null when none (unset: the environment variable
     * gave an empty default). Whatever would stop the append is refused before any run (a folder, a link, a file
     * this process may not write, a folder that does not exist or takes no file): after the runs, its exit 2
     * replaced the verdict.
     */
    static Path of(String option, Path home, String what) {
        return of(option, home, what, List.of());
    }

    /**
     * As {@link #of(String, Path, String)}, also refusing a file the command reads or writes ({@code files}: its
     * inputs and other outputs) and a name that a scenario, a report or a JUnit file takes (a summary is Markdown). A
     * safety review appended the verdicts to the scenario being checked ({@code check q.yaml --step-summary q.yaml}),
     * which then no longer parsed, and to the JUnit file.
     */
    static Path of(String option, Path home, String what, List<Path> files) {
        return of(option, false, home, what, files);
    }

    /**
     * As {@link #of(String, Path, String, List)}; {@code fromEnvironment}: the path came from
     * {@code $GITHUB_STEP_SUMMARY}, not from {@code --step-summary}, and a refusal names the variable (it named the
     * option, which the user never gave: a stale variable on a self-hosted runner).
     */
    static Path of(String option, boolean fromEnvironment, Path home, String what, List<Path> files) {
        if (option == null || option.isBlank()) {
            return null;
        }
        String named = fromEnvironment ? "$GITHUB_STEP_SUMMARY (" + option + ")" : "--step-summary " + option;
        Path file = home.resolve(option);
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String ext : DATA_EXTENSIONS) {
            if (name.endsWith(ext)) {
                throw new UserInputException(named + ": expected the CI job's Markdown summary"
                        + " file (as $GITHUB_STEP_SUMMARY names it), got a " + ext + " file; enisim appends Markdown"
                        + " only to a summary file");
            }
        }
        for (Path other : files) {
            if (other != null && same(file, home.resolve(other))) {
                throw new UserInputException(named + ": it is " + other + ", which this "
                        + "command reads or writes; give the CI job's summary file");
            }
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new UserInputException(named + ": expected a file to append the " + what
                        + " to (as $GITHUB_STEP_SUMMARY is), got " + kind(file));
            }
            if (!Files.isWritable(file)) {
                throw new UserInputException(named + ": cannot append the " + what + " to it"
                        + " (permission denied, or a read-only file system)");
            }
            if (!runnersOrOurs(file, System.getenv())) {
                throw new UserInputException(named + ": not a CI job's summary file, so enisim does not append to it"
                        + " (it appends only to a new or empty file, GitHub Actions' step_summary_* file, a file under"
                        + " _runner_file_commands, the one $GITHUB_STEP_SUMMARY names in a GitHub Actions job, or a"
                        + " file that already holds enisim's summary)");
            }
            return file;
        }
        // appended to with CREATE, which makes no folder: the folder must be there, and take a new file
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UserInputException(named + ": " + folder + " is a file, not a folder, so nothing can be "
                    + "written under it (enisim appends the " + what + " to a file in a folder that exists)");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserInputException(named + ": no such folder: " + (folder == null ? option
                    : folder) + " (enisim appends the " + what + " to a file in a folder that exists)");
        }
        try {
            SafeOutput.checkFile(file, home, null);
        } catch (dev.enisim.report.OutputRefused refused) { // a read-only folder, the kernel's /proc: before any run
            throw new UserInputException((fromEnvironment ? "$GITHUB_STEP_SUMMARY: " : "--step-summary ")
                    + refused.getMessage());
        }
        return file;
    }

    /**
     * The line at the start of every block enisim appends ({@code gate}'s Markdown carries its own
     * {@code <!-- enisim gate -->}): an HTML comment, which the job's summary does not show, by which a later append
     * knows the file as a summary.
     */
    static final String MARKER = "<!-- enisim step summary -->";

    /** How every marker of enisim's Markdown begins (this class's and gate's). */
    private static final String MARKER_PREFIX = "<!-- enisim ";

    /**
     * Whether the existing {@code file} is one enisim may append to: it was appended to by design (a CI job's
     * summary), but a mistyped path or a stale variable appended Markdown to a source file, a shell's rc file, a
     * user's notes (an adversarial review). Taken as the runner's or enisim's: an empty file; GitHub Actions' own
     * ({@code step_summary_<uuid>}, or any file under a {@code _runner_file_commands} folder, where the runner keeps
     * it: other steps' Markdown may be in it); the file {@code $GITHUB_STEP_SUMMARY} names when
     * {@code $GITHUB_ACTIONS} is {@code true} (a job of the runner, or of a runner that names it otherwise, such as
     * act's {@code SUMMARY.md}); a file that holds enisim's marker line. Any other is refused.
     */
    static boolean runnersOrOurs(Path file, java.util.Map<String, String> env) {
        try {
            if (Files.size(file) == 0) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        Path name = file.getFileName();
        if (name != null && name.toString().startsWith("step_summary_")) {
            return true;
        }
        for (Path part : file.toAbsolutePath().normalize()) {
            if (part.toString().equals("_runner_file_commands")) {
                return true;
            }
        }
        String named = env.get("GITHUB_STEP_SUMMARY");
        if ("true".equals(env.get("GITHUB_ACTIONS")) && named != null && !named.isBlank()
                && same(file, Path.of(named))) {
            return true;
        }
        return holdsMarker(file);
    }

    /** Whether a line of {@code file} begins with enisim's marker (a file this process may not read: no). */
    private static boolean holdsMarker(Path file) {
        try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(MARKER_PREFIX) && line.endsWith("-->")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** {@code markdown} beginning with enisim's marker line (as it is when it carries one already, as gate's). */
    static String marked(String markdown) {
        return markdown.startsWith(MARKER_PREFIX) ? markdown : MARKER + "\n" + markdown;
    }

    /** Names a summary file never has: the formats enisim reads and writes (a scenario, a report, a JUnit file). */
    private static final List<String> DATA_EXTENSIONS = List.of(".yaml", ".yml", ".json", ".xml", ".html", ".htm",
            ".csv", ".svg", ".jsonl");

    static boolean same(Path a, Path b) {
        return SafeOutput.samePlace(a, b);
    }

    private static String kind(Path file) {
        return Files.isSymbolicLink(file) ? "a link" : Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
                ? "a folder" : "a device, a pipe or a socket";
    }

    /**
     * Appends {@code markdown} to {@code file} (null: nothing). An append that fails part-way (a full disk) is undone:
     * the file is cut back to the length it had, or removed if this append made it, so the job's summary never ends
     * in half a table.
     */
    static void append(Path file, String markdown) {
        if (file == null) {
            return;
        }
        boolean existed = Files.exists(file);
        long before = -1;
        // a step before this one that wrote no line end (printf, echo -n) had the heading glued to its last line,
        // where it is no heading: the block then starts on a line of its own, after a blank line
        String separator = existed && !endsWithLineBreak(file) ? "\n\n" : "";
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            before = ch.size();
            ch.position(before);
            ByteBuffer bytes = ByteBuffer.wrap((separator + marked(markdown)).getBytes(StandardCharsets.UTF_8));
            try {
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(false);
            } catch (IOException e) {
                try {
                    ch.truncate(before); // the summary as it was: no half-written table
                } catch (IOException stays) {
                    e.addSuppressed(stays);
                }
                throw e;
            }
        } catch (IOException e) {
            if (!existed) { // ours, made for this append: not left behind empty or half-written
                try {
                    Files.deleteIfExists(file);
                } catch (IOException gone) {
                    // the append's failure is the one to report
                }
            }
            throw new UserInputException("cannot append to the step summary " + file + ": " + SafeOutput.reason(e));
        }
    }

    /** Whether {@code file} is empty or ends with a line feed (one this process may not read: taken as ending so). */
    private static boolean endsWithLineBreak(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer last = ByteBuffer.allocate(1);
            return size == 0 || ch.read(last, size - 1) != 1 || last.get(0) == '\n';
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }
}
