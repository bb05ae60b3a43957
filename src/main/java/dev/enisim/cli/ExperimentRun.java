package dev.enisim.cli;

import dev.enisim.experiment.Experiment;
import dev.enisim.experiment.ExperimentException;
import dev.enisim.experiment.PointRunner;
import dev.enisim.experiment.PointSpec;
import dev.enisim.experiment.Sweep;
import dev.enisim.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An experiment's points run on the chosen engine with a progress file beside the output folder (so that
 * re-running the same command resumes), and its outputs written all at once, after which the progress file
 * goes. Shared by sweep and sensitivity.
 */
final class ExperimentRun {

    private ExperimentRun() {
    }

    /**
     * The points of {@code design} that a run into {@code outDir} would still run ({@link Experiment#pending}); a
     * progress file of this experiment from another enisim is refused here, before the budget is estimated (exit 2).
     */
    static List<Map<String, String>> pending(PointSpec spec, List<Map<String, String>> design, Path outDir) {
        return pending(spec, design, outDir, false);
    }

    /**
     * As above; {@code replace} ({@value #REPLACE}): a progress file enisim does not resume (another user's, or one
     * with a corrupt line) leaves every point to run, as the run starts it afresh.
     */
    static List<Map<String, String>> pending(PointSpec spec, List<Map<String, String>> design, Path outDir,
            boolean replace) {
        try {
            return Experiment.pending(spec, design, outDir, replace);
        } catch (ExperimentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    static List<Sweep.Point> points(PointSpec spec, List<Map<String, String>> design, EngineOptions engine,
            Path outDir, boolean quiet, PrintWriter err, boolean replace) {
        try (PointRunner runner = engine.runner(pending(spec, design, outDir, replace).size())) {
            return points(spec, design, runner, outDir, quiet, err, replace);
        }
    }

    /** As above, on {@code runner} (which the caller closes). */
    static List<Sweep.Point> points(PointSpec spec, List<Map<String, String>> design, PointRunner runner,
            Path outDir, boolean quiet, PrintWriter err) {
        return points(spec, design, runner, outDir, quiet, err, false);
    }

    /**
     * As above; {@code replace} ({@value #REPLACE}): a progress file enisim does not resume (another user's, or one
     * with a corrupt line) is started afresh.
     */
    static List<Sweep.Point> points(PointSpec spec, List<Map<String, String>> design, PointRunner runner,
            Path outDir, boolean quiet, PrintWriter err, boolean replace) {
        Thread interrupted = interruptedLine(Experiment.progressFile(outDir), design.size(), err);
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            return run(spec, design, runner, outDir, quiet, err, replace);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is going: the line is being said
            }
        }
    }

    /**
     * Ctrl-C (SIGINT) or SIGTERM while the points run: one line saying how many are kept and that the same command
     * resumes (it ended with exit 130 and no word, so a user could not tell whether hours of points were lost).
     */
    static Thread interruptedLine(Path progressFile, int points, PrintWriter err) {
        return new Thread(() -> {
            int kept = Experiment.stop(progressFile); // no point appended after the count: it is the last
            err.println("enisim: interrupted: " + (kept == 0 ? "no point was kept (the same command starts over)"
                    : kept + " of " + points + (points == 1 ? " point is" : " points are") + " kept in "
                    + progressFile + "; the same command run again resumes from them"));
            err.flush();
        }, "enisim-experiment-interrupted");
    }

    private static List<Sweep.Point> run(PointSpec spec, List<Map<String, String>> design, PointRunner runner,
            Path outDir, boolean quiet, PrintWriter err, boolean replace) {
        try {
            return Experiment.run(spec, design, runner, Experiment.progressFile(outDir), line -> {
                if (!quiet) {
                    err.println("  " + line);
                    err.flush();
                }
            }, warning -> {
                err.println("warning: " + warning);
                err.flush();
            }, replace);
        } catch (ExperimentException e) {
            throw new UserInputException(e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot read or write the progress file "
                    + Experiment.progressFile(outDir) + " (" + dev.enisim.scenario.InputText.reason(e) + ")");
        }
    }

    /**
     * The folders that the progress file of {@code outDir} will need and that do not exist yet, deepest first:
     * taken before the experiment runs, so that {@link #discard} removes only what the run created.
     */
    static List<Path> missingFolders(Path outDir) {
        List<Path> missing = new ArrayList<>();
        for (Path p = Experiment.progressFile(outDir).getParent(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(p);
        }
        return missing;
    }

    /**
     * An experiment that writes nothing (its points failed on bad values: re-running it would fail them again) leaves
     * nothing behind either: its progress file goes, and of the folders it created ({@code created}, from
     * {@link #missingFolders} before the run) those left empty.
     */
    static void discard(Path outDir, List<Path> created) {
        try {
            Files.deleteIfExists(Experiment.progressFile(outDir));
            for (Path folder : created) {
                if (!isEmptyFolder(folder)) {
                    break;
                }
                Files.delete(folder);
            }
        } catch (IOException e) {
            throw new UserInputException("cannot delete the progress file " + Experiment.progressFile(outDir) + ": "
                    + e.getMessage());
        }
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    static void write(Map<String, byte[]> files, Path outDir, Path workingDir) {
        write(files, outDir, workingDir, true);
    }

    /** As {@link #write}, the progress file kept (a partial result: the points stay for a later look). */
    static void writeKeepingProgress(Map<String, byte[]> files, Path outDir, Path workingDir) {
        write(files, outDir, workingDir, false);
    }

    private static void write(Map<String, byte[]> files, Path outDir, Path workingDir, boolean done) {
        try {
            ReportWriter.writeFiles(files, outDir, workingDir);
            if (done) {
                Files.deleteIfExists(Experiment.progressFile(outDir));
            }
        } catch (dev.enisim.report.OutputRefused e) {
            Path progress = Experiment.progressFile(outDir);
            if (!Files.isRegularFile(progress, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
            // a disk without room for the report, found at the end: the points are not lost
            throw new dev.enisim.report.OutputRefused(e.getMessage() + "; the points run are kept in " + progress
                    + ", so the same command run again resumes from them");
        } catch (IOException e) {
            // the writer's message names the file already ("cannot write X: No space left on device"): said once
            String m = e.getMessage();
            throw new UserInputException(m != null && m.startsWith("cannot write ") ? m : "cannot write " + outDir
                    + ": " + dev.enisim.report.SafeOutput.reason(e));
        }
    }

    /** The option that lets a sweep or a sensitivity analysis replace a finished one of another experiment. */
    static final String REPLACE = "--replace";

    /** What a sweep.json or sensitivity.json leaves out when its option was not given: absent is a value of its own. */
    private static final java.util.Set<String> ABSENT_WHEN_NOT_GIVEN = java.util.Set.of("warmUp");

    /**
     * Refuses (exit 2, before anything runs) a sweep into {@code outDir} when it holds a finished sweep (its
     * sweep.json) of another experiment than {@code experiment} ({@link dev.enisim.experiment.Experiment#id}), unless
     * {@code replace}: the next sweep of a scenario into its default folder replaced the last one's results without a
     * word. The same experiment run again rewrites it, as before. {@code now}: what this sweep's sweep.json will say
     * (dotted keys for nested fields; null: a key written only when given, not given), to name what differs.
     */
    static void refuseReplacing(Path outDir, String experiment, boolean replace, Map<String, Object> now) {
        refuseReplacing(outDir, "sweep.json", "sweep", experiment, replace, now);
    }

    /**
     * As above for the experiment whose finished result in {@code outDir} is told by its sidecar {@code json}
     * (sweep.json, sensitivity.json) naming its {@code experiment}; {@code what}: the result in words ("sweep",
     * "sensitivity analysis"). A sensitivity analysis replaced the last one's (hours of points) as silently.
     */
    static void refuseReplacing(Path outDir, String json, String what, String experiment, boolean replace,
            Map<String, Object> now) {
        Path sidecar = outDir.resolve(json);
        if (replace || !Files.isRegularFile(sidecar, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        com.fasterxml.jackson.databind.JsonNode was;
        try {
            was = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sidecar.toFile());
        } catch (IOException | RuntimeException e) {
            return; // not a sidecar enisim can read: the output's own checks say what they must
        }
        if (was == null || !was.isObject() || experiment.equals(was.path("experiment").asText(null))) {
            return;
        }
        List<String> differs = new ArrayList<>();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        now.forEach((key, value) -> {
            com.fasterxml.jackson.databind.JsonNode w = was;
            for (String part : key.split("\\.")) {
                w = w.path(part);
            }
            // a key missing from a file says nothing (an older enisim's), but one written only when given
            boolean differ = w.isMissingNode() || w.isNull() ? ABSENT_WHEN_NOT_GIVEN.contains(key) && value != null
                    : value == null || !w.toString().equals(mapper.valueToTree(value).toString()); // 42 read back an int
            if (differ) {
                differs.add(key);
            }
        });
        String why = !was.has("experiment") ? "its " + json + " does not name its experiment (an older enisim wrote it)"
                : differs.isEmpty() ? "a trace file's content, the scenario file's path or --set traffic differs"
                : "its " + json + "'s " + String.join(", ", differs) + " differ";
        throw new UserInputException(outDir + " holds a finished " + what + " of another experiment (" + why
                + "); it is kept: give another --out, or add " + REPLACE + " to replace it");
    }
}
