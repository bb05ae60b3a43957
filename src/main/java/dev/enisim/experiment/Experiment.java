package dev.enisim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the points of a design on an engine and survives interruption. Each result line is appended to a
 * progress file as soon as it is back; the file's first line names the experiment (a hash of the scenario, the
 * metrics, the replications and every point's values) and the enisim that computed them (version and build,
 * {@link EnisimBuild}). Re-running the same experiment with the same enisim reads the file, keeps the points already
 * done (ignoring a torn last line) and runs only the rest; with another enisim (another model, maybe other results),
 * or on a file that names none (written before December 2026), it is refused rather than mixing the two. The results
 * come back in design order, decoded from their lines whichever way they were obtained, so a resumed run reports
 * exactly what an uninterrupted one does. The caller deletes the progress file once the outputs are written.
 */
public final class Experiment {

    static final String HEADER = "{\"enisim-progress\":1,\"experiment\":\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Experiment() {
    }

    /** The progress file kept next to the output folder {@code dir}: {@code .<name>.progress.jsonl}. */
    public static Path progressFile(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".progress.jsonl");
    }

    /**
     * The points of {@code design} that a run into {@code outDir} would still run: those its progress file (if it is
     * this experiment's) does not hold yet. For estimating a resumed run's work before it starts; a progress file
     * that is not enisim's leaves every point to run ({@link #run} says why); another experiment's with points done is
     * refused (exit 2), naming what differs.
     */
    public static List<Map<String, String>> pending(PointSpec spec, List<Map<String, String>> design, Path outDir) {
        return pending(spec, design, outDir, false);
    }

    /**
     * As above; {@code startOver} ({@code --replace}): a progress file enisim does not resume ({@link NotResumable}:
     * another user's, or one with a corrupt line) leaves every point to run, as {@link #run} starts it afresh.
     */
    public static List<Map<String, String>> pending(PointSpec spec, List<Map<String, String>> design, Path outDir,
            boolean startOver) {
        Path file = progressFile(outDir);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return design;
        }
        Sweep.Point[] done = new Sweep.Point[design.size()];
        try {
            if (load(file, fingerprint(spec, design), about(spec, design), done) == 0) {
                return design;
            }
        } catch (NotResumable e) {
            if (startOver) {
                return design;
            }
            throw e;
        } catch (ResumeRefused e) {
            throw e; // said before the budget is estimated: the run would refuse it anyway
        } catch (IOException | RuntimeException e) {
            return design; // unreadable or not enisim's: the run itself reports it
        }
        List<Map<String, String>> todo = new ArrayList<>();
        for (int i = 0; i < design.size(); i++) {
            if (done[i] == null) {
                todo.add(design.get(i));
            }
        }
        return todo;
    }

    /** The points {@code progressFile} holds (0: none, or no file): what an interrupted run says it kept. */
    public static int kept(Path progressFile) {
        try (java.util.stream.Stream<String> lines = Files.lines(progressFile, StandardCharsets.UTF_8)) {
            return (int) lines.skip(1).filter(l -> PointCodec.decode(l) != null).count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Runs every point of {@code design} not already in {@code progressFile} (null: keep no file) and returns all
     * the points' results in design order.
     */
    public static List<Sweep.Point> run(PointSpec spec, List<Map<String, String>> design, PointRunner runner,
            Path progressFile, Consumer<String> progress) throws IOException {
        return run(spec, design, runner, progressFile, progress, w -> { });
    }

    /**
     * As above; {@code warning} is told (once, even when {@code progress} is quiet) when, after the first point's
     * line is written, the points left would need more room in the progress file than its disk has free at that
     * point's size ({@link #roomWarning}): the run goes on (the estimate may be high), stopping when the disk fills.
     */
    public static List<Sweep.Point> run(PointSpec spec, List<Map<String, String>> design, PointRunner runner,
            Path progressFile, Consumer<String> progress, Consumer<String> warning) throws IOException {
        return run(spec, design, runner, progressFile, progress, warning, false);
    }

    /**
     * As above; {@code startOver} ({@code --replace}): a progress file enisim does not resume ({@link NotResumable}:
     * another user's, or one with a corrupt line) is deleted, once this run holds its lock, and started afresh.
     */
    public static List<Sweep.Point> run(PointSpec spec, List<Map<String, String>> design, PointRunner runner,
            Path progressFile, Consumer<String> progress, Consumer<String> warning, boolean startOver)
            throws IOException {
        String id = fingerprint(spec, design);
        Sweep.Point[] results = new Sweep.Point[design.size()];
        if (progressFile != null && (Files.isSymbolicLink(progressFile)
                || Files.exists(progressFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(progressFile, java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
            // followed, a link to another experiment's progress file had that file rewritten and the link deleted
            throw new ExperimentException("the progress file " + progressFile + " is a link or a folder, not the file"
                    + " enisim keeps there; move it away, or give another --out");
        }
        // one copy of an experiment at a time: a second resumed from the live one's file, both ran the points left
        // and wrote the output, and its rewrite of the file sent the first one's later points to a deleted file
        Path made = progressFile == null ? null : firstMissing(progressFile.getParent());
        ProgressLock lock = progressFile == null ? null : ProgressLock.take(progressFile, warning);
        try {
            return run(spec, design, runner, progressFile, progress, warning, id, results, made, startOver);
        } finally {
            if (lock != null) {
                lock.close();
                if (made != null && !Files.exists(progressFile)) { // the folders made for the lock alone
                    for (Path p = progressFile.getParent(); p != null && p.startsWith(made); p = p.getParent()) {
                        try {
                            Files.deleteIfExists(p); // fails when not empty: something else is there now
                        } catch (IOException e) {
                            break;
                        }
                    }
                }
            }
        }
    }

    private static List<Sweep.Point> run(PointSpec spec, List<Map<String, String>> design, PointRunner runner,
            Path progressFile, Consumer<String> progress, Consumer<String> warning, String id, Sweep.Point[] results,
            Path made, boolean startOver) throws IOException {
        Map<String, Object> about = about(spec, design);
        int resumed;
        try {
            resumed = progressFile == null ? 0 : load(progressFile, id, about, results);
        } catch (NotResumable e) {
            if (!startOver) {
                throw e;
            }
            java.util.Arrays.fill(results, null); // a corrupt line's points before it are not kept either
            Files.delete(progressFile); // this run holds its lock: no other enisim appends to it
            progress.accept("the progress file " + progressFile + " is not resumed, " + e.reason() + ": starting"
                    + " over, as " + REPLACE + " asks");
            resumed = 0;
        }
        if (resumed == 0 && progressFile != null && Files.exists(progressFile)) {
            progress.accept("the progress file " + progressFile + " holds no point done: starting over");
        }
        List<PointTask> todo = new ArrayList<>();
        for (int i = 0; i < design.size(); i++) {
            if (results[i] == null) {
                todo.add(PointTask.of(i, design.get(i)));
            }
        }
        Tally tally = new Tally(design.size(), resumed, results, progress);
        if (resumed > 0) {
            progress.accept(String.format(java.util.Locale.ROOT, "resuming: %d of %d points already done (%s)", resumed, design.size(),
                    progressFile));
        }
        progress.accept(String.format(java.util.Locale.ROOT, "%d points to run (%s)", todo.size(), runner.describe()));
        int[] kept = {resumed}; // the points the progress file holds
        boolean[] roomTold = {progressFile == null};
        try (FileChannel out = progressFile == null ? null : open(progressFile, id, about, resumed > 0)) {
            try {
                runPoints(spec, runner, todo, out, progressFile, kept, made, roomTold, resumed, results, tally,
                        warning);
            } catch (RuntimeException e) {
                if (progressFile != null) {
                    stopping(progressFile); // Ctrl-C: its line is said; a second one (Spark stopped) contradicted it
                }
                if (!(e instanceof EngineStopped)) {
                    throw e;
                }
                // what is kept, counted: "the points done so far are kept" was said with none done, and a header-only
                // progress file left behind (an unreachable Spark master)
                if (progressFile != null && kept[0] == 0) {
                    out.close();
                    Files.deleteIfExists(progressFile);
                }
                throw new ExperimentException(e.getMessage() + (progressFile == null ? "" : kept[0] == 0
                        ? "; no point was done, nothing is left behind" : "; the " + kept[0] + " of " + design.size()
                        + " points done are kept in " + progressFile + ": run the same command again to resume"));
            }
        }
        List<Sweep.Point> all = new ArrayList<>();
        for (Sweep.Point p : results) {
            if (p == null) {
                throw new IllegalStateException("an engine finished without returning every point");
            }
            all.add(p);
        }
        return all;
    }

    /**
     * Waits for the JVM's end when {@code progressFile} was {@link #stop}ped or the JVM is shutting down (the
     * shutdown's line is said, or about to be: Spark's own hook may stop its context first).
     */
    private static void stopping(Path progressFile) {
        boolean going = STOPPED.contains(progressFile);
        if (!going) {
            Thread probe = new Thread(() -> { });
            try {
                Runtime.getRuntime().addShutdownHook(probe);
                Runtime.getRuntime().removeShutdownHook(probe);
            } catch (IllegalStateException shuttingDown) {
                going = true;
            }
        }
        synchronized (APPENDING) {
            while (going) {
                try {
                    APPENDING.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void runPoints(PointSpec spec, PointRunner runner, List<PointTask> todo, FileChannel out,
            Path progressFile, int[] kept, Path made, boolean[] roomTold, int resumed, Sweep.Point[] results,
            Tally tally, Consumer<String> warning) {
        runner.run(spec, todo, new PointRunner.Batches() {
            @Override
            public void accept(String line) {
                tally.report(take(line));
            }

            @Override
            public void acceptAll(List<String> lines) {
                Sweep.Point last = null;
                for (String line : lines) {
                    last = take(line);
                }
                if (last != null) {
                    tally.report(last); // one line for the batch: it said "1 of N" and an ETA from that one
                }
            }

            private Sweep.Point take(String line) {
                PointCodec.Indexed r = PointCodec.decode(line);
                if (r == null || r.index() < 0 || r.index() >= results.length || results[r.index()] != null) {
                    throw new IllegalStateException("an engine returned a bad or repeated result: " + line);
                }
                append(out, line, progressFile, kept[0], made);
                kept[0]++;
                if (!roomTold[0]) {
                    roomTold[0] = true;
                    String w = roomWarning(progressFile, line, todo.size() - (kept[0] - resumed));
                    if (w != null) {
                        warning.accept(w);
                    }
                }
                results[r.index()] = r.point();
                tally.count(r.point());
                return r.point();
            }
        });
    }

    /**
     * What to say, or null, once the first point's {@code line} is in the progress file {@code file} and {@code left}
     * points are still to run: their lines at this one's size, against the usable space of the disk it is on (a disk
     * that cannot tell its space: nothing). The trial write before the run finds a full disk, not one with a little
     * room left, which a long experiment then filled hours in.
     */
    static String roomWarning(Path file, String line, int left) {
        if (left <= 0) {
            return null;
        }
        long need = (long) left * (line.getBytes(StandardCharsets.UTF_8).length + 1);
        long free = dev.enisim.run.Disk.usableSpaceAt(file.getParent());
        if (free <= 0 || need <= free) {
            return null;
        }
        String[] shown = dev.enisim.run.Disk.sizes(need, free);
        return "the " + left + (left == 1 ? " point" : " points") + " left need about " + shown[0] + " in the progress"
                + " file " + file + " at the first point's size, and " + shown[1] + " are free on its disk: the run"
                + " stops when the disk fills, keeping the points done (free some space, and the same command run"
                + " again resumes from them)";
    }

    /**
     * Appends one point's line to the progress file, whole or not at all: a write that fails (a disk that filled
     * during the run) stops the experiment at once, the points not yet run left unrun, and the file is cut back to
     * its last whole line (the half line was left in it). The {@code kept} points done before stay in it for the same
     * command to resume from; a file that holds none is removed, with the folders the run made for it ({@code made},
     * the outermost, if left empty).
     */
    private static void append(FileChannel out, String line, Path file, int kept, Path made) {
        if (out == null) {
            return;
        }
        synchronized (APPENDING) {
            while (STOPPED.contains(file)) {
                // Ctrl-C: the line saying how many points are kept has counted them; the JVM is going
                try {
                    APPENDING.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ExperimentException("interrupted");
                }
            }
            write(out, line, file, kept, made);
        }
    }

    /** Appends stop while a progress file is {@link #stop}ped (its count said): at most one appending at a time. */
    private static final Object APPENDING = new Object();

    /** The progress files whose appends have stopped: the JVM is shutting down. */
    private static final java.util.Set<Path> STOPPED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * As the JVM shuts down (Ctrl-C, SIGTERM): no more line is appended to {@code progressFile} (a point back later
     * waits for the JVM's end), its lock is given up, and the points it holds are counted, the count the last one.
     * The count was taken while points were still appended: "interrupted: 16 of 30 points are kept" after "17 of 30
     * points done", and the file held 17.
     */
    public static int stop(Path progressFile) {
        synchronized (APPENDING) {
            STOPPED.add(progressFile);
        }
        ProgressLock.release(progressFile);
        return kept(progressFile);
    }

    private static void write(FileChannel out, String line, Path file, int kept, Path made) {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        long before = -1;
        try {
            before = out.size();
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            String said = "cannot write the progress file " + file + ": " + dev.enisim.run.Disk.reason(e);
            try {
                if (before >= 0) {
                    out.truncate(before);
                }
                if (kept == 0) {
                    out.close();
                    Files.deleteIfExists(file);
                    for (Path p = file.getParent(); made != null && p != null && p.startsWith(made);
                            p = p.getParent()) {
                        Files.deleteIfExists(p); // fails when not empty: something else is there now
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // what is left is said by the next run: a torn last line is skipped when it resumes
            }
            throw new ExperimentException(said + (kept == 0 ? "; no point was kept, nothing is left behind"
                    : "; stopped at once: the " + kept + (kept == 1 ? " point" : " points") + " done are kept in it"
                    + ", so the same command run again (once it can write there) resumes from them"));
        }
    }

    /** The outermost folder of {@code dir} that does not exist yet (null if it exists). */
    private static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /**
     * Reads the points already done into {@code results}; 0 when there is no file or it is another experiment. A file
     * of another user's, or one with a point line that contradicts itself, is {@link NotResumable}.
     */
    private static int load(Path file, String id, Map<String, Object> about, Sweep.Point[] results)
            throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        String owner = otherOwner(file);
        if (owner != null) {
            // its points cannot be told from made-up figures: another user's file, edited, was resumed as this
            // experiment's (a security review, fifty-ninth pass)
            throw new NotResumable(file, "it belongs to " + owner + ", not to this user (" + currentUser() + ")",
                    "enisim resumes only a progress file of the user running it, as another's may hold figures"
                    + " enisim did not compute");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith(HEADER)) {
            throw new ExperimentException(file + " is in the way of the progress file and was not written by"
                    + " enisim: move it, or choose another --out");
        }
        JsonNode header;
        try {
            header = JSON.readTree(lines.get(0));
        } catch (IOException e) {
            header = null;
        }
        if (header == null || !id.equals(header.path("experiment").asText(null))) {
            // another experiment's progress (enisim's own file): with no point done it is replaced; with some, never
            // without consent (a changed command started over and replaced hours of points without a word)
            int theirs = 0;
            for (String line : lines.subList(1, lines.size())) {
                theirs += PointCodec.decode(line) != null ? 1 : 0;
            }
            if (theirs > 0) {
                throw new ResumeRefused("the progress file " + file + " holds " + theirs + (theirs == 1 ? " point"
                        : " points") + " of another experiment: " + differences(header, about) + "; it is kept:"
                        + " run the command that made it to resume it, give another --out, or delete the file to"
                        + " start this one afresh");
            }
            return 0;
        }
        int n = 0;
        for (int k = 1; k < lines.size(); k++) {
            PointCodec.Indexed r = PointCodec.decode(lines.get(k));
            String corrupt = r == null ? null : PointCodec.inconsistency(r.point());
            if (corrupt != null) {
                // a mean outside its own interval, or not its runs' mean: made up or damaged, never a result
                throw new NotResumable(file, "its line " + (k + 1) + " is corrupt: " + corrupt, "enisim resumes"
                        + " only points as it wrote them");
            }
            if (r != null && r.index() >= 0 && r.index() < results.length && results[r.index()] == null) {
                results[r.index()] = r.point();
                n++;
            }
        }
        EnisimBuild here = EnisimBuild.current();
        EnisimBuild there = header.hasNonNull("enisim") ? new EnisimBuild(header.path("enisim").asText(),
                header.path("build").asText(EnisimBuild.UNKNOWN)) : null;
        if (n > 0 && !here.sameAs(there)) {
            // its points come from another model, maybe with other results: a resume mixed them with this one's
            throw new ResumeRefused("the progress file " + file + " holds " + n + (n == 1 ? " point" : " points")
                    + " of this experiment computed by " + (there == null ? "an enisim from before progress files"
                    + " named theirs (December 2026)" : "enisim " + there) + ", not by this enisim " + here
                    + (here.build().equals(EnisimBuild.UNKNOWN) ? ", which cannot tell its own build (it runs from"
                    + " neither a jar nor a folder)" : "") + ": resuming would mix two models' results; delete it to"
                    + " start afresh (every point runs again), or finish the run with that enisim");
        }
        return n;
    }

    /** Resuming another enisim's points, refused (exit 2): said before anything runs. */
    static class ResumeRefused extends ExperimentException {
        ResumeRefused(String message) {
            super(message);
        }
    }

    /** The option that starts over a progress file enisim does not resume. */
    static final String REPLACE = "--replace";

    /**
     * A progress file enisim does not resume, whatever experiment it holds: another user's, or one with a corrupt
     * point line. Refused (exit 2), or with {@link #REPLACE} deleted and started afresh.
     */
    static final class NotResumable extends ResumeRefused {
        private final String reason;

        NotResumable(Path file, String reason, String why) {
            super("the progress file " + file + " is not resumed: " + reason + "; " + why + ". Add " + REPLACE
                    + " to start this experiment afresh (every point runs again; the file is replaced), or give"
                    + " another --out");
            this.reason = reason;
        }

        /** Why, in a few words ("it belongs to nobody, not to this user (root)"). */
        String reason() {
            return reason;
        }
    }

    /**
     * The name of {@code file}'s owner when it is not the user running enisim, else null (also when either cannot be
     * told: a file system without owners, a JVM without {@code jdk.security.auth}).
     */
    static String otherOwner(Path file) {
        try {
            Object uid = Files.getAttribute(file, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (!(uid instanceof Integer u) || u.longValue() == new com.sun.security.auth.module.UnixSystem().getUid()) {
                return null;
            }
            return Files.getOwner(file, java.nio.file.LinkOption.NOFOLLOW_LINKS).getName();
        } catch (IOException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** The user running enisim, by name (its uid when it has none). */
    private static String currentUser() {
        try {
            com.sun.security.auth.module.UnixSystem u = new com.sun.security.auth.module.UnixSystem();
            return u.getUsername() != null ? u.getUsername() : Long.toString(u.getUid());
        } catch (RuntimeException | LinkageError e) {
            return System.getProperty("user.name");
        }
    }

    /** The progress file's first line: the experiment and the enisim computing its points. */
    static String header(String id, Map<String, Object> about) {
        EnisimBuild b = EnisimBuild.current();
        Map<String, Object> h = new java.util.LinkedHashMap<>();
        h.put("enisim-progress", 1);
        h.put("experiment", id);
        h.put("about", about);
        h.put("enisim", b.version());
        h.put("build", b.build());
        try {
            return JSON.writeValueAsString(h); // starts with HEADER: an enisim before December 2026 starts over
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The progress file, appended to (resuming) or started afresh with its header; a torn line is cut off. */
    private static FileChannel open(Path file, String id, Map<String, Object> about, boolean resume)
            throws IOException {
        Files.createDirectories(file.getParent());
        if (resume) {
            List<String> keep = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (keep.isEmpty() || PointCodec.decode(line) != null) {
                    keep.add(line);
                }
            }
            replace(file, String.join("\n", keep) + "\n"); // a kill now loses no point already done
            return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        replace(file, header(id, about) + "\n");
        return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /**
     * Puts {@code text} in place of the progress file (none, or enisim's own: {@link #load} checked it): written to a
     * new file of enisim's own beside it, then moved over it. On a full disk the file in place is the one before, never
     * an empty or a torn one that the next run would take for a file enisim did not write; the new file is deleted.
     * The file keeps what it had: the new one is made as any new file of this process (the umask's mode, as the
     * report's files), and when it replaces one it takes that one's permissions, group and (where this process may
     * set it) owner before it is moved. It was a temporary file (owner-only, {@code rw-------}, whatever the umask),
     * so a resume turned a progress file shared with a group ({@code chmod 660}) into the owner's alone, and root's
     * resume of another user's sweep gave root the file (a review of big runs, fiftieth pass).
     */
    static void replace(Path file, String text) throws IOException {
        Path tmp = newSibling(file);
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            keepAccess(file, tmp);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong SIBLINGS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * A new empty file beside {@code file}, named as {@link Files#createTempFile} names one ({@code NAME<n>.tmp}) but
     * made as an ordinary new file: the mode the umask leaves, not {@code createTempFile}'s {@code rw-------}.
     */
    private static Path newSibling(Path file) throws IOException {
        String name = file.getFileName().toString();
        long pid = ProcessHandle.current().pid();
        while (true) {
            Path tmp = file.resolveSibling(name + pid + SIBLINGS.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another's: the next name
            }
        }
    }

    /**
     * {@code fresh} given {@code existing}'s permissions, group and owner, when {@code existing} is a file (not a
     * link); the owner and group only where this process may set them (root, or a group the user is in), the
     * permissions always (the file is the user's own then, or root's), its owner's reading and writing kept (enisim
     * appends to it next).
     */
    private static void keepAccess(Path existing, Path fresh) throws IOException {
        if (!Files.isRegularFile(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        java.nio.file.attribute.PosixFileAttributes a;
        try {
            a = Files.readAttributes(existing, java.nio.file.attribute.PosixFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return; // not a POSIX file system: nothing to carry over
        }
        java.nio.file.attribute.PosixFileAttributeView view = Files.getFileAttributeView(fresh,
                java.nio.file.attribute.PosixFileAttributeView.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        try {
            if (!a.group().equals(Files.readAttributes(fresh, java.nio.file.attribute.PosixFileAttributes.class)
                    .group())) {
                view.setGroup(a.group());
            }
            if (!a.owner().equals(Files.getOwner(fresh))) {
                view.setOwner(a.owner());
            }
        } catch (IOException | UnsupportedOperationException e) {
            // only root gives a file away, and a group is the user's to give only if he is in it: the mode still
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = java.util.EnumSet.of(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE); // enisim reads it and appends to it
        mode.addAll(a.permissions());
        Files.setPosixFilePermissions(fresh, mode);
    }

    /**
     * The experiment's id: {@link #fingerprint}, what its progress file and its sweep.json name it by (a finished
     * sweep is replaced only by the same experiment, or with --replace).
     */
    public static String id(PointSpec spec, List<Map<String, String>> design) {
        return fingerprint(spec, design);
    }

    /**
     * A hash of everything that decides the results (not the engine: a run may resume on another one) but the enisim
     * computing them: that one is named beside it in the header and checked apart ({@link #load}), so that a resume
     * on another enisim is refused and said, not taken for another experiment's file and silently started over.
     */
    static String fingerprint(PointSpec spec, List<Map<String, String>> design) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((spec.treeJson() + "\n" + canonical(spec.source()) + "\n" + spec.metrics() + "\n"
                    + spec.replications() + "\n" + (spec.traffic() == 1 ? "" : "traffic " + spec.traffic() + "\n")
                    + (spec.warmUpMicros() == 0 ? "" : "warm-up " + spec.warmUpMicros() + "\n"))
                    .getBytes(StandardCharsets.UTF_8)); // (no traffic line at 1: the progress files written before)
            for (Map<String, String> p : design) {
                md.update((p + "\n").getBytes(StandardCharsets.UTF_8));
            }
            // the traces the scenario reads: a sweep resumed after its trace was edited mixed points of both
            for (String file : traceFiles(spec, design)) {
                md.update(("trace " + file + "\n").getBytes(StandardCharsets.UTF_8));
                digestFile(md, Path.of(spec.source()).toAbsolutePath().resolveSibling(file));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the experiment is, part by part, written in the progress file's header beside its fingerprint, so that a
     * resume with a changed command can say what changed: the scenario file, its content (with --set and the seed:
     * a hash), the metrics, the replications, the traffic factor, the design's points (their count and a hash of
     * their values) and the traces read (a hash).
     */
    static Map<String, Object> about(PointSpec spec, List<Map<String, String>> design) {
        try {
            Map<String, Object> a = new java.util.LinkedHashMap<>();
            a.put("scenarioFile", canonical(spec.source()));
            a.put("scenario", sha256(spec.treeJson()));
            a.put("metrics", spec.metrics());
            a.put("replications", spec.replications());
            a.put("traffic", spec.traffic());
            if (spec.warmUpMicros() > 0) { // --warm-up: absent without one, as the files written before it
                a.put("warmUpSeconds", dev.enisim.metrics.Seconds.of(spec.warmUpMicros()));
            }
            a.put("points", design.size());
            a.put("design", sha256(design.toString()));
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String file : traceFiles(spec, design)) {
                md.update(("trace " + file + "\n").getBytes(StandardCharsets.UTF_8));
                digestFile(md, Path.of(spec.source()).toAbsolutePath().resolveSibling(file));
            }
            a.put("traces", HexFormat.of().formatHex(md.digest(), 0, 8)); // to tell them apart: the id is whole
            return a;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The scenario file as one path whatever its spelling: absolute, links followed (as written when it cannot be
     * read). A resume of the same scenario named {@code /tmp/w/quickstart.yaml} instead of {@code quickstart.yaml}
     * was refused as another experiment ("the scenario file differs"), its content the same; the content itself is
     * matched by its hash beside it.
     */
    static String canonical(String source) {
        try {
            Path p = Path.of(source).toAbsolutePath().normalize();
            try {
                return p.toRealPath().toString();
            } catch (IOException e) {
                return p.toString();
            }
        } catch (java.nio.file.InvalidPathException e) {
            return source;
        }
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                StandardCharsets.UTF_8)), 0, 8);
    }

    /** What differs between the experiment a progress file's {@code header} describes and this one's {@code about}. */
    static String differences(JsonNode header, Map<String, Object> about) {
        JsonNode was = header == null ? null : header.get("about");
        if (was == null || !was.isObject()) {
            return "its header does not say what it was (an enisim before January 2027 wrote it)";
        }
        List<String> out = new ArrayList<>();
        Map<String, Object> now = about;
        String[][] said = {
            {"scenarioFile", "the scenario file"}, {"scenario", "the scenario's content, its seed or a --set"},
            {"metrics", "--metric"}, {"replications", "--replications"}, {"traffic", "--set traffic"},
            {"points", "the design's points (--vary, --design, --method, --samples or --seed)"},
            {"traces", "a trace file the scenario reads (edited since)"}};
        for (String[] k : said) {
            JsonNode w = was.get(k[0]);
            JsonNode n = JSON.valueToTree(now.get(k[0]));
            if (w == null || !w.equals(n)) {
                boolean hash = k[0].equals("scenario") || k[0].equals("traces");
                out.add(hash ? k[1] + " differs" : k[1] + " differs (was " + shown(w) + ", now " + shown(n) + ")");
            }
        }
        if (JSON.valueToTree(now.get("points")).equals(was.get("points"))
                && !JSON.valueToTree(now.get("design")).equals(was.get("design"))) {
            out.add("the design's points (--vary, --design, --method, --samples or --seed) differ (the same count,"
                    + " other values)");
        }
        return out.isEmpty() ? "it was made by another command" : String.join("; ", out);
    }

    private static String shown(JsonNode v) {
        return v == null ? "none" : v.isTextual() ? v.asText() : v.toString();
    }

    /** The trace files (as the scenario spells them) the base scenario and the design's values name, sorted. */
    private static java.util.SortedSet<String> traceFiles(PointSpec spec, List<Map<String, String>> design) {
        java.util.SortedSet<String> files = dev.enisim.scenario.TraceFiles.named(spec.tree());
        for (Map<String, String> p : design) {
            p.forEach((path, value) -> {
                if (path.endsWith("trace.file")) {
                    files.add(value);
                }
            });
        }
        return files;
    }

    /** Adds a file's bytes to {@code md}; a file that cannot be read adds a word saying so (the run will say why). */
    private static void digestFile(MessageDigest md, Path file) {
        byte[] buf = new byte[64 * 1024];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            md.update("unreadable\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Counts points done and those that could not run, and gives the rate and an ETA (wall-clock: progress lines only). */
    private static final class Tally {
        private final int total;
        private final int resumed;
        private final Consumer<String> progress;
        private final long startNanos = System.nanoTime();
        private int done;
        private int failed;
        private long lastReport;

        Tally(int total, int resumed, Sweep.Point[] results, Consumer<String> progress) {
            this.total = total;
            this.resumed = resumed;
            this.progress = progress;
            this.done = resumed;
            for (Sweep.Point p : results) {
                if (p != null && p.problem() != null) {
                    failed++;
                }
            }
        }

        /** Counts a point back, without a progress line ({@link #report} gives it). */
        void count(Sweep.Point p) {
            done++;
            if (p.problem() != null) {
                failed++;
            }
        }

        /** The progress line after the points counted so far, {@code p} the last of them (if it is due). */
        void report(Sweep.Point p) {
            long now = System.nanoTime();
            if (done < total && now - lastReport < 1_000_000_000L && done - resumed > 1) {
                return; // at most one line a second, plus the first and the last
            }
            lastReport = now;
            double seconds = (now - startNanos) / 1e9;
            double rate = (done - resumed) / Math.max(seconds, 1e-9);
            long eta = Math.round((total - done) / Math.max(rate, 1e-9));
            progress.accept(String.format(java.util.Locale.ROOT, "%d of %d points done, %d could not run, %.2f points/s, ETA %s%s", done, total,
                    failed, rate, eta(eta), p.problem() == null ? "" : " (the last that could not run: " + p.values() + ": "
                    + p.problem() + ")"));
        }

        private static String eta(long s) {
            return s >= 3600 ? String.format(java.util.Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60) : String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60,
                    s % 60);
        }
    }
}
