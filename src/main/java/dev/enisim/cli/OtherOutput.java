package dev.enisim.cli;

import dev.enisim.report.SafeOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A warning when a command's output folder holds another command's output, which the command replaces as a whole
 * ({@link SafeOutput} replaces any folder enisim wrote): a sweep's folder given to {@code sweep}'s neighbour
 * {@code run --out} was replaced with no word (an SRE team's wish, session 49). The command that wrote a folder is
 * told by the files its marker lists.
 */
final class OtherOutput {

    private static final Pattern LISTED = Pattern.compile("(?:[0-9a-f]{64}  )?(.+)");
    private static final int NAMED = 2;

    private OtherOutput() {
    }

    /** Prints on {@code err} the warning {@link #replacing} gives, if any. */
    static void warn(Path dir, String command, PrintWriter err) {
        String w = replacing(dir, command);
        if (w != null) {
            err.println("warning: " + w);
            err.flush();
        }
    }

    /**
     * What {@code command} is about to replace in {@code dir}, in words, when enisim wrote it for another command; null
     * when it is none, is {@code command}'s own, or cannot be told.
     */
    static String replacing(Path dir, String command) {
        if (dir == null) {
            return null;
        }
        List<String> files = new ArrayList<>();
        try {
            Path marker = dir.resolve(SafeOutput.MARKER);
            if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !(lines.get(0) + "\n").equals(SafeOutput.MARKER_HEADER)) {
                return null;
            }
            for (String line : lines.subList(1, lines.size())) {
                Matcher m = LISTED.matcher(line);
                if (m.matches()) {
                    files.add(m.group(1));
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // not readable: SafeOutput says what it must
        }
        String wrote = writer(files);
        if (wrote == null || wrote.equals(command)) {
            return null;
        }
        String named = String.join(", ", files.subList(0, Math.min(NAMED, files.size())));
        int more = files.size() - NAMED;
        return dir + " holds the output of enisim " + wrote + " (" + named + (more > 0 ? " and " + more + " more file"
                + (more == 1 ? "" : "s") : "") + "): " + command + " replaces it as a whole";
    }

    /** The command whose output these are, by the files only it writes; null when none is told. */
    static String writer(List<String> files) {
        if (files.contains("sweep.csv")) {
            return "sweep";
        }
        if (files.contains("sensitivity.csv") || files.contains("sensitivity.json")) {
            return "sensitivity";
        }
        if (files.stream().anyMatch(f -> f.equals("plan.json") || f.matches("plan-[a-z]+\\.json"))) {
            return "plan";
        }
        if (files.contains("gate.md") || files.contains("gate.html")) {
            return "gate";
        }
        if (files.contains("summary.json") && (files.contains("report.html") || files.contains(
                "summary-replication-0.json"))) {
            return "run";
        }
        return null;
    }
}
