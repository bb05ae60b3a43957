package dev.enisim.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which files a scenario may make enisim read: those in or below its own folder, and in or below the folders the
 * user allowed on the command line ({@code --allow-read DIR}, as Deno's {@code --allow-read} or kustomize's load
 * restrictor do), after following symbolic links. A scenario's {@code trace: {file: ...}} could name any file the
 * process could read ({@code /etc/shadow}, {@code ~/.aws/credentials}): an adversarial review found a pull request's
 * scenario, checked in CI, made enisim read the runner's files, and quote their lines into errors and the JUnit file.
 *
 * <p>The allowed folders are the process's (one command line per process; a sweep's worker threads, and Spark's
 * local executors, read the same traces): set by the command line's option, cleared with each new command line.
 */
public final class ReadScope {

    /** The folders allowed besides a scenario's own, each as given (absolute) and as its real path. */
    private static volatile List<Path> allowed = List.of();

    private ReadScope() {
    }

    /** The option that allows a folder, as the refusal tells it. */
    public static final String OPTION = "--allow-read";

    /**
     * Allows a scenario to name files in or below each of {@code folders} (absolute, existing folders: see
     * {@link #folderProblem}) for the rest of this command; replaces the folders allowed before.
     */
    public static void allow(List<Path> folders) {
        List<Path> all = new ArrayList<>();
        for (Path f : folders) {
            Path abs = f.toAbsolutePath().normalize();
            all.add(abs);
            try {
                all.add(abs.toRealPath());
            } catch (IOException e) {
                // not a folder now: refused by the command line before any scenario is read
            }
        }
        allowed = List.copyOf(all);
    }

    /** Only each scenario's own folder: as a new command line starts. */
    public static void reset() {
        allowed = List.of();
    }

    /** Why {@code folder} cannot be given to {@link #OPTION}, or null. */
    public static String folderProblem(Path folder) {
        if (!Files.exists(folder)) {
            return OPTION + " " + folder + ": no such folder";
        }
        if (!Files.isDirectory(folder)) {
            return OPTION + " " + folder + ": not a folder (give the folder the files are in)";
        }
        return null;
    }

    /**
     * Why the scenario whose folder is {@code scenarioFolder} may not read {@code file} (as it resolves it), or null:
     * its real path (links followed) is not in or below the scenario's folder or an allowed one. A file that does not
     * exist is judged by its path alone (the read that follows says it is missing), so a scenario cannot learn
     * whether a file outside exists. {@code shownAs}: the file as the scenario spells it.
     */
    static String refusal(Path scenarioFolder, Path file, String shownAs) {
        return refusal(scenarioFolder, file, "the trace " + shownAs, "the scenario's folder", "a scenario may name"
                + " only a file in or below its own folder; if you trust this scenario");
    }

    /**
     * Why a file that another file names (a CloudFormation template's nested stack) may not be read, or null: as for
     * a scenario's trace, its real path must be in or below {@code folder} or an allowed one, judged before it is
     * read, so that the naming file cannot learn whether a file outside exists.
     *
     * @param folder   the folder of the file that names it
     * @param file     the file named, as resolved
     * @param what     the file as the refusal names it ({@code nested stack Child's template ../x.yaml})
     * @param whose    the folder as the refusal names it ({@code the template's folder})
     * @param rule     the rule and who is trusted ({@code a template may nest only ...; if you trust this template})
     */
    public static String refusal(Path folder, Path file, String what, String whose, String rule) {
        List<Path> roots = new ArrayList<>(allowed);
        Path base = folder.toAbsolutePath().normalize();
        roots.add(base);
        try {
            roots.add(base.toRealPath());
        } catch (IOException e) {
            // a scenario not read from a file (a built-in workload): its folder as given
        }
        Path abs = file.toAbsolutePath().normalize();
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            real = null; // not there, or a link that leads nowhere
        }
        Path judged = real != null ? real : abs;
        for (Path root : roots) {
            if (judged.startsWith(root)) {
                return null;
            }
        }
        Path outside = real != null ? real : abs;
        Path parent = outside.getParent() == null ? outside : outside.getParent();
        return what + (real != null && !real.equals(abs) ? " leads to " + real + " (a symbolic link),"
                : " is") + " outside " + whose + " (" + base + "): " + rule + ", allow the folder with " + OPTION
                + " " + parent;
    }
}
