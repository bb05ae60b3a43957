package dev.enisim.cli;

import dev.enisim.report.SafeOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
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
            if (sealed(file)) {
                throw new UserInputException(named + ": it is a report enisim wrote and sealed (a gate.md, a"
                        + " validate-model --markdown report, a checked-in example), not a CI job's summary file, so"
                        + " enisim does not append to it; give the CI job's summary file");
            }
            if (!runnersOrOurs(file, System.getenv())) {
                throw new UserInputException(named + ": not a CI job's summary file, so enisim does not append to it"
                        + " (it appends only to a new or empty file, GitHub Actions' step_summary_* file, a file under"
                        + " _runner_file_commands, the one $GITHUB_STEP_SUMMARY names in a GitHub Actions job, or a"
                        + " file that already holds enisim's step summary)");
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
     * The line at the start of every block enisim appends (gate's Markdown too, before its own
     * {@code <!-- enisim gate -->}): an HTML comment, which the job's summary does not show, by which a later append
     * knows the file as a summary. Only this line does: gate's marker and the seal that ends gate.md and
     * {@code validate-model --markdown} begin {@code <!-- enisim } too, and a review had the step summary appended to a
     * gate.md in gate's own folder (which gate then refused to replace) and to a checked-in example.
     */
    static final String MARKER = "<!-- enisim step summary -->";

    /** How the seal enisim ends its sealed Markdown with begins (gate.md, validate-model --markdown). */
    private static final String SEAL_PREFIX = "<!-- enisim sha256 ";

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
        return runnersOrOurs(file, env, null);
    }

    /** As {@link #runnersOrOurs(Path, java.util.Map)}, reading the file open in {@code open} when not null. */
    private static boolean runnersOrOurs(Path file, java.util.Map<String, String> env, FileChannel open) {
        try {
            if ((open == null ? Files.size(file) : open.size()) == 0) {
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
        if (open == null) {
            return holdsMarker(file);
        }
        try {
            return scan(open, MARKER);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether a line of {@code file} is enisim's step summary marker (a file this process may not read: no). */
    private static boolean holdsMarker(Path file) {
        return scan(file, MARKER);
    }

    /** Whether {@code file} holds enisim's seal (it is a sealed report, not a summary). */
    static boolean sealed(Path file) {
        return scan(file, SEAL_PREFIX);
    }

    /** Whether a line of {@code file} (never a link followed) is {@code marker}, or begins with it ending in a space. */
    private static boolean scan(Path file, String marker) {
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return scan(ch, marker);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** As {@link #scan(Path, String)}, on a file open (read from its start; the channel is left open). */
    private static boolean scan(SeekableByteChannel ch, String marker) throws IOException {
        ch.position(0);
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                java.nio.channels.Channels.newInputStream(new Unclosed(ch)), StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (marker.endsWith(" ") ? line.startsWith(marker) && line.endsWith("-->") : line.equals(marker)) {
                return true;
            }
        }
        return false;
    }

    /** A channel whose close leaves the one it reads open (the append goes on writing to it). */
    private record Unclosed(SeekableByteChannel ch) implements java.nio.channels.ReadableByteChannel {
        @Override
        public int read(ByteBuffer dst) throws IOException {
            return ch.read(dst);
        }

        @Override
        public boolean isOpen() {
            return ch.isOpen();
        }

        @Override
        public void close() {
            // left open
        }
    }

    /** {@code markdown} beginning with enisim's marker line (as it is when it carries it already). */
    static String marked(String markdown) {
        return markdown.startsWith(MARKER + "\n") ? markdown : MARKER + "\n" + markdown;
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
     * in half a table. The file is opened without following a link, and what {@link #of} checked before the runs is
     * checked again on the file opened: a review put a link to a user's {@code .bashrc} in its place during the runs,
     * and the verdicts were appended to that.
     */
    static void append(Path file, String markdown) {
        if (file == null) {
            return;
        }
        boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        if (existed && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) { // a pipe's open would wait
            throw new UserInputException("cannot append to the step summary " + file + ": it is now "
                    + kind(file) + ", not the file it was before the runs; nothing appended");
        }
        boolean made = false;
        long before = -1;
        try (FileChannel ch = FileChannel.open(file, existed ? java.util.Set.of(StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS) : java.util.Set.of(StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS))) {
            made = !existed;
            before = ch.size();
            if (before > 0 && (!runnersOrOurs(file, System.getenv(), ch) || scan(ch, SEAL_PREFIX))) {
                throw new UserInputException("cannot append to the step summary " + file + ": it is no longer the"
                        + " file it was before the runs (it does not hold enisim's step summary); nothing appended");
            }
            // a step before this one that wrote no line end (printf, echo -n) had the heading glued to its last line,
            // where it is no heading: the block then starts on a line of its own, after a blank line
            String separator = before > 0 && !endsWithLineBreak(ch, before) ? "\n\n" : "";
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
            if (made) { // ours, made for this append: not left behind empty or half-written
                try {
                    Files.deleteIfExists(file);
                } catch (IOException gone) {
                    // the append's failure is the one to report
                }
            }
            throw new UserInputException("cannot append to the step summary " + file + ": "
                    + (Files.isSymbolicLink(file) ? "it is now a link, not the file it was before the runs;"
                    + " nothing appended" : SafeOutput.reason(e)));
        }
    }

    /** Whether the file open in {@code ch} ({@code size} bytes, not 0) ends with a line feed (unreadable: taken so). */
    private static boolean endsWithLineBreak(FileChannel ch, long size) {
        try {
            ByteBuffer last = ByteBuffer.allocate(1);
            return ch.read(last, size - 1) != 1 || last.get(0) == '\n';
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }
}
