package dev.enisim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every file and folder enisim writes goes through here, so that no path a user or a scenario names can make
 * enisim overwrite or delete something it did not write.
 *
 * <ul>
 *   <li>An output folder ({@link #stage}, {@link #writeFolder}) is written in a hidden sibling
 *       {@code .NAME.tmp-PID-N}, then moved into place. It replaces an existing folder only if enisim wrote that
 *       one: it holds the {@value #MARKER} file listing what enisim wrote there and nothing else (a folder without
 *       the marker is replaced only when empty: file names alone prove nothing, a user's folder may hold a
 *       summary.json and a report.html of its own). The root, the working folder or a folder holding it, a link and
 *       a file are refused.</li>
 *   <li>A single output file ({@link #writeFile}) is written through a hidden sibling and moved into place; an
 *       existing file is replaced only if it looks like one enisim wrote (it holds the given signature).</li>
 *   <li>A run killed by SIGINT or SIGTERM removes its temporary files (a shutdown hook), and puts back a report it
 *       had moved aside; what a harder kill leaves behind is swept by the next write to the same place (only
 *       entries with our name pattern whose process is gone).</li>
 *   <li>A write whose bytes are known before it begins (a folder's files, a single file, files written together) is
 *       compared with the usable space of the disk it lands on first, and refused in one line, before anything is
 *       made, when they are more ({@link #checkRoom}): the trial write finds a full disk, not one with a little room
 *       left.</li>
 *   <li>Files and folders are created with the user's umask, like any other program's.</li>
 * </ul>
 * An {@link OutputRefused} is the user's to fix (exit 2); an {@link IOException} is the environment's (disk full,
 * read-only, missing folder), also exit 2.
 */
public final class SafeOutput {

    /** The file that marks a folder as enisim's, listing the files enisim wrote into it. */
    public static final String MARKER = ".enisim-output";
    /**
     * The marker's first line. Below it, a finished folder's marker lists each file enisim wrote there with its
     * SHA-256, as {@code sha256sum} prints it ({@code <hex>  <name>}): the folder is replaced only if it holds those
     * files, each as enisim wrote it, and nothing else. A folder still being written lists each file's name as it is
     * begun, so that what a killed run leaves can be told from a user's folder named like it.
     */
    public static final String MARKER_HEADER = "# written by enisim; it replaces this folder as a whole when asked "
            + "to write here again, as long as it holds only the files listed below\n";
    private static final Pattern CHECKSUM_LINE = Pattern.compile("([0-9a-f]{64})  (.+)");
    private static final Pattern TEMP = Pattern.compile("\\.(.+)\\.(tmp|old)-(\\d+)-\\d+");
    /** The empty file {@link #checkFolderWritable} makes and removes at once in an existing output folder. */
    private static final Pattern PROBE = Pattern.compile(Pattern.quote(MARKER) + "\\.probe-(\\d+)-\\d+");
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static final Map<Path, Path> MOVED_ASIDE = new ConcurrentHashMap<>();
    private static final AtomicBoolean HOOK = new AtomicBoolean();
    /**
     * Orders the shutdown hook's clean-up against the writes: every step that creates or moves an entry of ours
     * holds the read lock (writes go on side by side), the clean-up takes the write lock. Without it, a SIGTERM
     * while a report was being written raced the main thread, which goes on running during shutdown: the hook
     * deleted the temporary folder's files while the writer added more (the folder then could not be removed) or
     * recreated it with {@code createDirectories} right after the hook removed it, so a terminated run could leave
     * a {@code .NAME.tmp-PID-N} behind. Once the clean-up has run, {@link #closing} is set and every further write
     * fails (an {@link IOException}) before touching the file system.
     */
    private static final ReentrantReadWriteLock GUARD = new ReentrantReadWriteLock();
    private static boolean closing; // guarded by GUARD

    /** A step that creates, writes or moves our entries (package-private: a test holds one open). */
    @FunctionalInterface
    interface Step<T> {
        T run() throws IOException;
    }

    /** Runs {@code step} unless the shutdown clean-up has run (then it fails without touching anything). */
    static <T> T guarded(Step<T> step) throws IOException {
        GUARD.readLock().lock();
        try {
            if (closing) {
                throw new IOException("enisim is shutting down (SIGINT or SIGTERM): nothing more is written");
            }
            return step.run();
        } finally {
            GUARD.readLock().unlock();
        }
    }

    private SafeOutput() {
    }

    /** Whether the JVM is shutting down (SIGINT, SIGTERM): it then refuses new shutdown hooks. */
    public static boolean shuttingDown() {
        Thread probe = new Thread(() -> { }, "enisim-shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    // ---------------------------------------------------------------- folders

    /**
     * Checks that {@code dir} may be written as an output folder (it does not exist, or enisim wrote it), without
     * writing anything: commands call it before a long run, so that a refusal comes at once.
     *
     * @param workingDir the folder relative paths are resolved against (never replaced, nor any folder holding it)
     */
    public static void checkFolder(Path dir, Path workingDir) {
        checkFolder(dir, workingDir, true);
    }

    /**
     * As {@link #checkFolder(Path, Path)}, and then tries it, leaving nothing: the commands that run for minutes or
     * hours ({@code sweep}, {@code sensitivity}, {@code run}, on either engine) call it before the first run. The
     * checks read the file system, and some failures only a write shows: a full file system, a folder made immutable,
     * the permissions an existing folder passes on to the one that replaces it ({@code chmod 555}: the new one could
     * not be written either). These were found only by the write at the end, after every point of a sweep had run. So,
     * where the output's hidden temporary sibling will be made (or in the nearest folder above that exists: missing
     * folders are not made early, nor left behind), a hidden folder {@code .NAME.tmp-PID-N} with the permissions of
     * the folder it will replace and a marker file in it; and, when the output folder exists, an empty file {@code
     * .enisim-output.probe-PID-N} in it (replacing the folder deletes its files): each removed at once (and by the
     * shutdown clean-up on SIGINT or SIGTERM; a probe left by a harder kill is not counted as the user's).
     */
    public static void checkFolderWritable(Path dir, Path workingDir) {
        checkFolder(dir, workingDir, true);
        tryPlace(dir, workingDir, true);
        Path target = absolute(dir, workingDir);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            Path inside = target.resolve(MARKER + ".probe-" + PID + "-" + COUNTER.incrementAndGet());
            try {
                tryWrite(inside, () -> Files.createFile(inside));
            } catch (IOException e) {
                throw new OutputRefused(dir + ": enisim cannot write in this folder, which it replaces as a whole"
                        + " (its files are deleted then): " + reason(e) + ", said by a trial write before any run;"
                        + " give a folder you may write, or make this one writable");
            }
        }
    }

    /**
     * As {@link #checkMarkedFile}, and then tries it, leaving nothing: a command that writes a single file after work
     * of minutes ({@code check --junit}, {@code --html} and {@code --update-baseline}'s baselines, {@code gate},
     * {@code bench --json} and {@code --cost-model}, {@code validate-model --markdown}) calls it before its first run,
     * as the long commands call {@link #checkFolderWritable}: a full disk was found only by the write at the end,
     * after every run. Where the file's hidden temporary sibling will be written (or in the nearest folder above that
     * exists: missing folders are not made early, nor left behind), a file {@code .NAME.tmp-PID-N} holding a line,
     * removed at once (and by the shutdown clean-up on SIGINT or SIGTERM; one a harder kill leaves is swept by the
     * next write there, as any temporary file of a process that is gone). {@code mark}: as {@link #checkMarkedFile}'s
     * (null: any regular file).
     */
    public static void checkFileWritable(Path file, Path workingDir, Mark mark) {
        checkFile(file, workingDir, mark, true);
        tryPlace(file, workingDir, false);
    }

    /**
     * The trial write of {@link #checkFolderWritable} ({@code folder}) and {@link #checkFileWritable}: the hidden
     * temporary sibling the write will make (a folder with its marker, or a file), made and removed in the nearest
     * folder above {@code asked} that exists; refused (an {@link OutputRefused}, one line) when it cannot be.
     */
    private static void tryPlace(Path asked, Path workingDir, boolean folder) {
        Path target = absolute(asked, workingDir);
        Path parent = target.getParent();
        Path place = parent;
        while (place != null && !Files.exists(place)) {
            place = place.getParent();
        }
        if (place == null) {
            return;
        }
        boolean beside = place.equals(parent);
        Path trial = place.resolve(tempName(beside ? target.getFileName().toString() : "enisim-probe", "tmp"));
        hook();
        boolean[] made = {false};
        try {
            tryWrite(trial, () -> {
                if (!folder) {
                    Files.writeString(trial, MARKER_HEADER, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    made[0] = true;
                    if (beside && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                        tryReplace(trial, target);
                    }
                    return null;
                }
                Files.createDirectory(trial);
                made[0] = true;
                if (beside) {
                    inheritAccess(target, trial);
                }
                return Files.writeString(trial.resolve(MARKER), MARKER_HEADER, StandardCharsets.UTF_8);
            });
        } catch (IOException e) {
            if (!folder && made[0]) {
                // the system's reason alone: the path it names is the trial's hidden link, not the user's file
                String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                        : reason(e);
                throw new OutputRefused(asked + ": enisim cannot replace this file (" + why + ": it is immutable"
                        + " or append-only, chattr +i or +a), said by a trial write before any run; lsattr " + asked
                        + " shows it (chattr -i or -a undoes it), or give another file");
            }
            if (folder && made[0] && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new OutputRefused(asked + ": enisim cannot write the folder that replaces this one, which keeps"
                        + " its permissions (" + permissions(target) + "): " + reason(e) + ", said by a trial write"
                        + " before any run; make it writable (chmod u+w " + asked + "), or give another folder");
            }
            throw new OutputRefused(asked + ": enisim cannot write in " + asWritten(asked, target, place, workingDir)
                    + " (" + reason(e) + "), said by a trial write before any run; give a folder you may write (not"
                    + " read-only, full or immutable)");
        }
    }

    /**
     * Throws when {@code target}, an existing file, cannot be replaced by a rename though its folder takes new files:
     * made immutable or append-only ({@code chattr +i}, {@code +a}, which bind root too; a {@code check --junit} over
     * such a file failed after every run). No call tells it but one that would change the file; a hard link to it
     * does not, and the kernel refuses one to such a file as it refuses the rename. Told only where a hard link to a
     * file of one's own can be made (a file system without them tells nothing) and the file has the same owner as
     * {@code trial}, ours, or enisim runs as root (the kernel may refuse a user a link to another user's file for that
     * alone, never root: {@link #ownedByRoot}). The link is a
     * temporary entry of ours, removed at once.
     */
    private static void tryReplace(Path trial, Path target) throws IOException {
        Path link = trial.resolveSibling(tempName(target.getFileName().toString(), "tmp"));
        IN_FLIGHT.add(link);
        try {
            try {
                if (!Files.getOwner(target, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(trial))
                        && !ownedByRoot(trial)) {
                    return;
                }
                Files.createLink(link, trial);
                Files.delete(link);
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return; // no hard links here (or no owners): nothing to tell by
            }
            Files.createLink(link, target);
        } finally {
            deleteQuietly(link);
            IN_FLIGHT.remove(link);
        }
    }

    /**
     * Whether {@code ours}, a file enisim just made, belongs to root (uid 0): then enisim runs as root, whom the
     * kernel lets link another user's file (its protected_hardlinks rule binds other users only), so such a file made
     * immutable is told by the trial too. False where the file system has no Unix owners.
     */
    private static boolean ownedByRoot(Path ours) {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(ours, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }

    private static String permissions(Path dir) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir,
                    LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown";
        }
    }

    /** Makes {@code trial} (an entry of ours, removed by the shutdown clean-up meanwhile), then removes it. */
    private static void tryWrite(Path trial, Step<?> make) throws IOException {
        guarded(() -> {
            IN_FLIGHT.add(trial);
            try {
                make.run();
            } finally {
                removeTrial(trial);
                IN_FLIGHT.remove(trial);
            }
            return null;
        });
    }

    /**
     * Removes a trial entry; one that took permissions it cannot be listed with ({@code chmod 000} on the folder it
     * copies them from) is given its owner's back first. Quietly: what the trial found is what is said.
     */
    private static void removeTrial(Path trial) {
        try {
            if (Files.exists(trial, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(trial);
            }
        } catch (IOException e) {
            try {
                Files.setPosixFilePermissions(trial, java.nio.file.attribute.PosixFilePermissions.fromString(
                        "rwx------"));
                deleteTree(trial);
            } catch (IOException | RuntimeException again) {
                // the next write to the same place sweeps it
            }
        }
    }

    /**
     * Whether {@code entry} (relative to {@code dir}) is the empty file {@link #checkFolderWritable} makes in an
     * output folder, left by a process that is gone (killed between making and removing it): not the user's.
     */
    private static boolean staleProbe(Path dir, String entry) {
        Matcher m = PROBE.matcher(entry);
        if (!m.matches()) {
            return false;
        }
        Path file = dir.resolve(entry);
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == 0
                    && !alive(Long.parseLong(m.group(1)));
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /**
     * As {@link #checkFolder(Path, Path)}; {@code place}: whether the folder above is checked too (before a run: while
     * writing, the write itself says what is wrong there).
     */
    private static void checkFolder(Path dir, Path workingDir, boolean place) {
        Path target = absolute(dir, workingDir);
        if (target.getParent() == null) {
            throw new OutputRefused(dir + " is the root folder; give a new folder for the output, e.g. --out "
                    + "reports/mine");
        }
        checkNameLength(dir, target);
        if (workingDir.toAbsolutePath().normalize().startsWith(target)
                || Path.of("").toAbsolutePath().normalize().startsWith(target)) {
            throw new OutputRefused(dir + " is the working folder or holds it, and enisim replaces its output "
                    + "folder as a whole; give a new folder for the output, e.g. --out reports/mine");
        }
        if (Files.isSymbolicLink(target)) {
            throw new OutputRefused(dir + " is a symbolic link; give the folder itself, or a new one");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (place) {
                checkPlace(dir, target, workingDir);
            }
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputRefused(dir + " is a file, not a folder enisim wrote; enisim will not replace it. Give "
                    + "a new folder for the output, or move the file away");
        }
        // the kernel's own file systems (/proc, /sys) take no files at all: said before the mount-point advice, which
        // offered "a folder inside it, e.g. /proc/report" (a security review, fifty-ninth pass)
        String kernelType = fileSystemType(target);
        if (kernelType != null && KERNEL_FILE_SYSTEMS.contains(kernelType)) {
            throw new OutputRefused(dir + " is on the kernel's " + kernelType + " file system, which takes no files;"
                    + " give a path in a folder you may write");
        }
        if (mountPoint(target)) { // a rename over it fails with "Device or resource busy"
            throw new OutputRefused(dir + " is a mount point, and enisim replaces its output folder as a whole (written"
                    + " beside it, then moved into place), which a mount point cannot be; give a folder inside it, e.g. "
                    + dir.resolve("report"));
        }
        String foreign = foreignEntry(target);
        if (foreign != null) {
            throw new OutputRefused(dir + " is not a folder enisim wrote (" + foreign + "), and enisim replaces "
                    + "its output folder as a whole; give a new folder for the output, or empty or remove this one "
                    + "yourself");
        }
        if (place) {
            checkPlace(dir, target, workingDir);
        }
    }

    /** Whether {@code dir} is on another file system than its parent (a mount point; false when that cannot be told). */
    /** The type of the file system {@code dir} is on ("proc", "ext4"), or null when it cannot be told. */
    private static String fileSystemType(Path dir) {
        try {
            return Files.getFileStore(dir).type();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean mountPoint(Path dir) {
        try {
            Object here = Files.readAttributes(dir, "unix:dev", LinkOption.NOFOLLOW_LINKS).get("dev");
            Object parent = Files.readAttributes(dir.getParent(), "unix:dev").get("dev");
            return here != null && !here.equals(parent);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Why {@code dir} is not ours, or null when it is: empty, or its marker (with enisim's header) lists every file
     * in it with the checksum of what enisim wrote. A marker is no proof by itself: a user's folder with a marker
     * copied or written into it, listing the user's own files, was replaced (a safety review); and a listed file
     * the user changed since (notes added to a page) is theirs too now.
     */
    private static String foreignEntry(Path dir) {
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            // Without the marker, file names prove nothing: a user's folder of summary.json, report.html and charts/
            // (a test tool's, a notebook's) looks like a report by its names alone. Only an empty folder is replaced.
            try {
                String first = firstUnlisted(dir, Set.of(), true);
                return first == null ? null : "no " + MARKER + " file, and it holds " + first;
            } catch (IOException e) {
                return "cannot list it: " + reason(e);
            }
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "its " + MARKER + " cannot be read: " + reason(e);
        }
        if (lines.isEmpty() || !(lines.get(0) + "\n").equals(MARKER_HEADER)) {
            return "its " + MARKER + " does not begin with enisim's header";
        }
        Map<String, String> sums = new java.util.HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            Matcher m = CHECKSUM_LINE.matcher(line);
            if (m.matches()) {
                sums.put(m.group(2), m.group(1));
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                return "its " + MARKER + " lists " + line + " without the checksum enisim writes (a folder written"
                        + " by an enisim from before checksums, or being written by one that was stopped: remove "
                        + "it yourself once)";
            }
        }
        List<String> entries;
        try {
            Set<String> listed = new java.util.HashSet<>(sums.keySet());
            listed.add(MARKER);
            String top = firstUnlisted(dir, listed, true);
            if (top != null) {
                return top.endsWith("/") ? "it holds the folder " + top + ", which enisim did not make there"
                        : "it holds " + top + ", which enisim did not write there";
            }
            entries = relativeFiles(dir); // only what the marker lists is walked
        } catch (IOException e) {
            return "cannot list it: " + reason(e);
        }
        entries.removeIf(e -> staleProbe(dir, e));
        for (String e : entries) {
            if (e.equals(MARKER)) {
                continue;
            }
            if (e.endsWith("/")) { // an empty folder: enisim's if its files were in it (charts/ emptied)
                if (sums.keySet().stream().noneMatch(listed -> listed.startsWith(e))) {
                    return "it holds the folder " + e + ", which enisim did not make there";
                }
                continue;
            }
            String sum = sums.get(e);
            if (sum == null) {
                return "it holds " + e + ", which enisim did not write there";
            }
            Path file = dir.resolve(e);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return "its " + e + " is no longer the file enisim wrote (a link or another kind of entry now)";
            }
            try {
                if (!sum.equals(sha256(file))) {
                    return "its " + e + " was changed since enisim wrote it";
                }
            } catch (IOException x) {
                return "its " + e + " cannot be read: " + reason(x);
            }
        }
        return null;
    }

    /**
     * The first entry at the top of {@code dir} (a folder's name ending in "/") that {@code listed}, the names a
     * marker lists, does not account for: a file not listed, a folder no listed name lies in; null when there is
     * none ({@code probes}: a trial file left by a killed run is passed over, see {@link #staleProbe}). Read before
     * a folder is walked, so that one that is not enisim's is refused at its first foreign entry: the whole tree was
     * walked first, so that {@code --out /usr} took 20 s, named a file deep inside it, and a folder in it that could
     * not be read made the refusal "cannot list it" (a security review, fifty-ninth pass).
     */
    private static String firstUnlisted(Path dir, Set<String> listed, boolean probes) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (probes && staleProbe(dir, name)) {
                    continue;
                }
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    String folder = name + "/";
                    if (listed.stream().noneMatch(l -> l.startsWith(folder))) {
                        return folder;
                    }
                } else if (!listed.contains(name)) {
                    return name;
                }
            }
        } catch (java.nio.file.DirectoryIteratorException e) {
            throw e.getCause();
        }
        return null;
    }

    /**
     * Those of {@code names} that {@code dir}'s {@link #MARKER} (with enisim's header) lists with the checksum of what
     * they hold now, each a regular file (not a link): enisim's own, by the proof {@link #checkFolder} asks of every
     * file of a folder it replaces, for a command that writes its files beside a user's in a folder enisim wrote ({@code
     * gate --force}). Name to checksum, in name order; empty when {@code dir} has no such marker, or it or one of those
     * files cannot be read (nothing is then known as enisim's). Other names the marker lists are not read.
     */
    public static Map<String, String> listedAsWritten(Path dir, Path workingDir, java.util.Collection<String> names) {
        Path target = absolute(dir, workingDir);
        Map<String, String> ours = new java.util.TreeMap<>();
        try {
            Path marker = target.resolve(MARKER);
            if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
                return ours;
            }
            List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !(lines.get(0) + "\n").equals(MARKER_HEADER)) {
                return ours;
            }
            for (String line : lines.subList(1, lines.size())) {
                Matcher m = CHECKSUM_LINE.matcher(line);
                if (m.matches() && names.contains(m.group(2))) {
                    Path file = target.resolve(m.group(2));
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && m.group(1).equals(sha256(file))) {
                        ours.put(m.group(2), m.group(1));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return new java.util.TreeMap<>();
        }
        return ours;
    }

    /** The SHA-256 of {@code file}'s bytes, in lower-case hex. */
    private static String sha256(Path file) throws IOException {
        java.security.MessageDigest md = digest();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    private static String sha256(byte[] content) {
        return java.util.HexFormat.of().formatHex(digest().digest(content));
    }

    private static java.security.MessageDigest digest() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * A marker's text for a finished folder: the header, then each file's checksum and name as {@code sha256sum}
     * prints them.
     */
    static String markerText(Map<String, byte[]> files) {
        StringBuilder b = new StringBuilder(MARKER_HEADER);
        files.forEach((name, content) -> b.append(sha256(content)).append("  ").append(name).append('\n'));
        return b.toString();
    }

    /**
     * Whether {@code dir}, a leftover named as ours, is ours: its marker begins with enisim's header and lists every
     * file in it ({@code verified}: with the checksum of what it holds, as a finished folder's does; else as a folder
     * being written lists them: each file named as it is begun and, once written, its checksum, so that at most the
     * last file named, the one being written when the run was killed, is without one). A folder with a marker and a
     * file the marker does not list is a user's, whatever its name (a safety review: a thesis in a folder named as a
     * leftover was deleted); so is one whose marker names the user's files without checksums (a marker planted in a
     * folder named as a leftover had them swept).
     */
    private static boolean ownLeftover(Path dir, boolean verified) throws IOException {
        if (verified) {
            return foreignEntry(dir) == null;
        }
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !(lines.get(0) + "\n").equals(MARKER_HEADER)) {
            return false;
        }
        Map<String, String> listed = new java.util.HashMap<>(); // name -> checksum, or "" while being written
        String begun = null; // the last file named and not yet summed
        for (String line : lines.subList(1, lines.size())) {
            Matcher m = CHECKSUM_LINE.matcher(line);
            if (m.matches()) {
                listed.put(m.group(2), m.group(1));
                if (m.group(2).equals(begun)) {
                    begun = null;
                }
            } else if (!line.isEmpty()) {
                if (begun != null) {
                    return false; // a file named, never summed, and another begun after it: not a marker enisim kept
                }
                begun = line;
                listed.putIfAbsent(line, "");
            }
        }
        Set<String> named = new java.util.HashSet<>(listed.keySet());
        named.add(MARKER);
        if (firstUnlisted(dir, named, false) != null) {
            return false; // a foreign entry at the top: not walked further
        }
        for (String e : relativeFiles(dir)) {
            if (e.equals(MARKER)) {
                continue;
            }
            if (e.endsWith("/")) { // a folder made for a file that was named, not yet written
                if (listed.keySet().stream().noneMatch(name -> name.startsWith(e))) {
                    return false;
                }
                continue;
            }
            String sum = listed.get(e);
            Path file = dir.resolve(e);
            if (sum == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || sum.isEmpty() && !e.equals(begun) || !sum.isEmpty() && !sum.equals(sha256(file))) {
                return false;
            }
        }
        return true;
    }

    /** Every file (and link, and empty folder) under {@code dir}, relative, '/'-separated. */
    private static List<String> relativeFiles(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                out.add(dir.relativize(file).toString().replace('\\', '/'));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (!d.equals(dir)) {
                    try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
                        if (!s.iterator().hasNext()) {
                            out.add(dir.relativize(d).toString().replace('\\', '/') + "/");
                        }
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    /** Writes {@code files} (relative names) as the whole content of {@code dir}; returns the paths written. */
    public static List<Path> writeFolder(Path dir, Path workingDir, Map<String, byte[]> files) throws IOException {
        long bytes = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            // each file, and its line in the marker (a checksum, two spaces, its name)
            bytes += f.getValue().length + 64 + 2 + f.getKey().getBytes(StandardCharsets.UTF_8).length + 1;
        }
        try (Staging s = stage(dir, workingDir, bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                s.write(f.getKey(), f.getValue());
            }
            return s.commit();
        }
    }

    /**
     * Starts writing an output folder: files go into a hidden temporary sibling until {@link Staging#commit};
     * closing without committing removes it. Refuses (an {@link OutputRefused}) as {@link #checkFolder} does.
     */
    public static Staging stage(Path dir, Path workingDir) throws IOException {
        return stage(dir, workingDir, 0);
    }

    /**
     * As {@link #stage(Path, Path)}, knowing that {@code bytes} will be written into the folder first: refused (an
     * {@link OutputRefused}), before anything is made, when they are more than the file system there has free (see
     * {@link #checkRoom}).
     */
    public static Staging stage(Path dir, Path workingDir, long bytes) throws IOException {
        return stage(dir, workingDir, bytes, 0);
    }

    /**
     * As {@link #stage(Path, Path, long)} for a run's report, whose {@code bytes} (its data files, counted) are
     * written first and {@code later} bytes (its charts and report.html, estimated from the scenario: {@link
     * OutputSize#chartsAndPage}) after them: refused when the data files are more than the room, or when they and the
     * share of the estimate the charts and page are sure to take ({@link #ESTIMATE_SURE}) are, before anything is
     * made, and said with what the whole report needs (see {@link #checkReportRoom}).
     */
    public static Staging stage(Path dir, Path workingDir, long bytes, long later) throws IOException {
        try {
            return startStaging(dir, workingDir, bytes, later);
        } catch (IOException e) {
            throw cutShort(dir, absolute(dir, workingDir), e);
        }
    }

    /**
     * A folder's write cut short (SIGINT or SIGTERM, a full disk), in one line that says what it left in {@code asked}
     * ({@code target}), as an SRE asked: the report enisim wrote there earlier, as it was (the folder is replaced only
     * once the new one is whole), or nothing.
     */
    private static IOException cutShort(Path asked, Path target, IOException e) {
        IOException f = failed(asked, e);
        String left = Files.exists(target.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)
                ? "the earlier report in " + asked + " was kept as it was" : "nothing was written to " + asked;
        return f.getMessage().endsWith(left) ? f : new IOException(f.getMessage() + "; " + left, e);
    }

    /** The environment's failure, in one line that says what was being written. */
    private static IOException failed(Path what, IOException e) {
        return e.getMessage() != null && e.getMessage().startsWith("cannot write ") ? e
                : new IOException("cannot write " + what + ": " + reason(e), e);
    }

    private static Staging startStaging(Path dir, Path workingDir, long bytes, long later) throws IOException {
        checkFolder(dir, workingDir, false);
        Path target = absolute(dir, workingDir);
        // the marker enisim writes first counts too; an existing folder stays until the new one is in place
        if (later > 0) {
            checkReportRoom(dir, target, MARKER_HEADER.length() + bytes, later);
        } else {
            checkRoom(dir, target, MARKER_HEADER.length() + bytes, 0, true);
        }
        Path parent = target.getParent();
        Path created = firstMissing(parent);
        createFolders(parent, created);
        String name = target.getFileName().toString();
        sweepStale(parent, name, true);
        Path temp = parent.resolve(tempName(name, "tmp"));
        hook();
        try {
            guarded(() -> {
                IN_FLIGHT.add(temp);
                Files.createDirectory(temp);
                inheritAccess(target, temp);
                return Files.writeString(temp.resolve(MARKER), MARKER_HEADER, StandardCharsets.UTF_8);
            });
        } catch (IOException | RuntimeException e) {
            IN_FLIGHT.remove(temp);
            deleteQuietly(temp);
            removeEmpty(parent, created);
            throw e;
        }
        return new Staging(dir, workingDir, target, temp, created);
    }

    /**
     * The folder that replaces an existing one gets its permissions (and, where this process may set them, its owner
     * and group) before anything is written into it: a folder the user made private ({@code chmod 700}) stays
     * private, during the write too, rather than taking the umask's. Its setgid and sticky bits too (an adversarial
     * review: a shared {@code 1777} drop folder became {@code 0777}, where anyone may delete anyone's files, and a
     * {@code g+s} team folder lost its group for the files in it): {@code PosixFilePermissions} has no such bits, so
     * they are read and set as {@code unix:mode}; when they cannot be kept, the folder is refused, not replaced.
     */
    private static void inheritAccess(Path existing, Path fresh) throws IOException {
        inheritAccess(existing, fresh, existing);
    }

    /** As {@link #inheritAccess(Path, Path)}, a refusal naming {@code asked}. */
    static void inheritAccess(Path existing, Path fresh, Path asked) throws IOException {
        if (!Files.isDirectory(existing, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        java.nio.file.attribute.PosixFileAttributes a;
        try {
            a = Files.readAttributes(existing, java.nio.file.attribute.PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return; // not a POSIX file system: nothing to carry over
        }
        Files.setPosixFilePermissions(fresh, a.permissions());
        try {
            java.nio.file.attribute.PosixFileAttributeView view = Files.getFileAttributeView(fresh,
                    java.nio.file.attribute.PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.owner().equals(Files.getOwner(fresh, LinkOption.NOFOLLOW_LINKS))) {
                view.setOwner(a.owner());
            }
            view.setGroup(a.group());
        } catch (IOException | UnsupportedOperationException e) {
            // only the owner may give a folder away: the permissions above are what keeps it private
        }
        keepSpecialBits(existing, fresh, asked, a.group());
    }

    /** The setgid and sticky bits of a folder's {@code unix:mode} (setuid means nothing on a folder in Linux). */
    private static final int SPECIAL_BITS = 02000 | 01000;

    /**
     * Sets {@code existing}'s setgid and sticky bits on {@code fresh} (after its group: a change of group clears
     * setgid), and refuses the replacement ({@link OutputRefused}) when they, or a setgid folder's group, did not
     * stay. A file system without {@code unix:mode} (not Linux or macOS): nothing to carry over.
     */
    private static void keepSpecialBits(Path existing, Path fresh, Path asked,
            java.nio.file.attribute.GroupPrincipal group) throws IOException {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(existing, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return;
        }
        int special = mode & SPECIAL_BITS;
        if (special == 0) {
            return;
        }
        try {
            int now = (Integer) Files.getAttribute(fresh, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(fresh, "unix:mode", (now & 07777) | special, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // said below: the bits are not there
        }
        int kept = (Integer) Files.getAttribute(fresh, "unix:mode", LinkOption.NOFOLLOW_LINKS) & SPECIAL_BITS;
        boolean groupKept = (special & 02000) == 0 || group.equals(Files.readAttributes(fresh,
                java.nio.file.attribute.PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).group());
        if (kept != special || !groupKept) {
            throw new OutputRefused(asked + ": enisim replaces this folder with a new one, which could not keep its "
                    + specialBits(special) + (groupKept ? "" : " for group " + group.getName()) + " (this user may not"
                    + " set them); it is left as it was: give another folder, or one without them");
        }
    }

    /** {@code special}'s bits in words: "setgid bit", "sticky bit", "setgid and sticky bits". */
    private static String specialBits(int special) {
        boolean setgid = (special & 02000) != 0;
        boolean sticky = (special & 01000) != 0;
        return setgid && sticky ? "setgid and sticky bits" : setgid ? "setgid bit" : "sticky bit";
    }

    /** An output folder being written; see {@link #stage}. */
    public static final class Staging implements AutoCloseable {
        private final Path asked;
        private final Path workingDir;
        private final Path target;
        private final Path temp;
        private final Path created;
        private final Map<String, String> sums = new java.util.LinkedHashMap<>();
        private long written = MARKER_HEADER.length();
        private boolean committed;

        private Staging(Path asked, Path workingDir, Path target, Path temp, Path created) {
            this.asked = asked;
            this.workingDir = workingDir;
            this.target = target;
            this.temp = temp;
            this.created = created;
        }

        /** The folder being written (absolute). */
        public Path target() {
            return target;
        }

        /**
         * Refuses (an {@link OutputRefused}) when {@code bytes} more, the files about to be written, are more than
         * the file system has free (see {@link SafeOutput#checkRoom}); the caller's close then removes what was
         * written, so nothing is left.
         */
        public void checkRoom(long bytes) {
            SafeOutput.checkRoom(asked, target, bytes, written, "output folder", "", removed("its files so far"));
        }

        /**
         * As {@link #checkRoom(long)} for a report's charts and report.html, {@code bytes}, written after its data
         * files: refused in the words of {@link SafeOutput#checkReportRoom}, the whole report's bytes and its parts.
         */
        public void checkReportRoom(long bytes) {
            SafeOutput.checkRoom(asked, target, bytes, written, "output folder", ", the whole report (its data files "
                    + dev.enisim.run.Disk.size(written) + ", written, and its charts and report.html "
                    + dev.enisim.run.Disk.size(bytes) + "),", removed("its data files"));
        }

        /**
         * What a refusal for room found once {@code files} were written says of them: the caller's close removes
         * them, and the earlier report in the folder stays as it was. It said "said before writing anything; nothing
         * was written" until the sixtieth pass, after the data files had been written and removed (r2's item 7).
         */
        private String removed(String files) {
            return " (said after writing " + files + ", which were removed: " + (Files.exists(target.resolve(MARKER),
                    LinkOption.NOFOLLOW_LINKS) ? "the earlier report in " + asked + " was kept as it was"
                    : "nothing is left") + ")";
        }

        /** Writes one file ({@code name} relative, '/'-separated, inside the folder). */
        public void write(String name, byte[] content) throws IOException {
            write(name, out -> out.write(content));
        }

        /**
         * Writes one file ({@code name} as above) as {@code content} makes it: its bytes go to the file through a
         * buffer of {@value #BUFFER} bytes as they come, summed for the marker on the way, so that a file larger than
         * the heap could hold is written without being held (timeseries.csv). Each write to the file is a step of
         * its own ({@link SafeOutput#guarded}): a shutdown clean-up (SIGINT, SIGTERM) need not wait for the whole
         * file, and the write fails at its next buffer once it has run.
         */
        public void write(String name, Content content) throws IOException {
            Path file = temp.resolve(name).normalize();
            if (name.isEmpty() || !file.startsWith(temp) || file.equals(temp) || name.equals(MARKER)) {
                throw new IllegalArgumentException("not a file name inside the output folder: '" + name + "'");
            }
            String relative = temp.relativize(file).toString().replace('\\', '/');
            Summing summed;
            try {
                OutputStream raw = guarded(() -> {
                    // named in the marker before it is begun: a killed run's leftover lists everything it holds
                    Files.writeString(temp.resolve(MARKER), relative + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.APPEND);
                    Files.createDirectories(file.getParent());
                    return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                });
                summed = new Summing(raw);
                try (OutputStream out = new java.io.BufferedOutputStream(summed, BUFFER)) {
                    content.writeTo(out);
                }
                String sum = summed.sum();
                // and its checksum once written: a leftover's files are known by what they hold, but the last
                guarded(() -> Files.writeString(temp.resolve(MARKER), sum + "  " + relative + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.APPEND));
                sums.put(relative, sum);
            } catch (IOException e) {
                throw cutShort(e);
            }
            written += summed.bytes + 64 + 2 + relative.length() + 1;
        }

        /** Moves the folder into place, replacing the earlier one enisim wrote there; returns the files. */
        public List<Path> commit() throws IOException {
            try {
                return guarded(this::moveIntoPlace);
            } catch (IOException e) {
                throw cutShort(e);
            }
        }

        /**
         * {@code e}, which cut this write short, in one line: what failed, and what is left in the folder (the earlier
         * report as it was, or nothing: {@link SafeOutput#cutShort}).
         */
        public IOException cutShort(IOException e) {
            return SafeOutput.cutShort(asked, target, e);
        }

        private List<Path> moveIntoPlace() throws IOException {
            StringBuilder marker = new StringBuilder(MARKER_HEADER);
            sums.forEach((n, sum) -> marker.append(sum).append("  ").append(n).append('\n'));
            Files.writeString(temp.resolve(MARKER), marker, StandardCharsets.UTF_8);
            checkFolder(asked, workingDir, false); // again: something may have appeared there while the run went on
            Path parent = target.getParent();
            Path old = null;
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                old = parent.resolve(tempName(target.getFileName().toString(), "old"));
                MOVED_ASIDE.put(old, target);
                move(target, old);
            }
            try {
                move(temp, target);
            } catch (IOException e) {
                if (old != null) {
                    move(old, target);
                    MOVED_ASIDE.remove(old);
                }
                throw e;
            }
            committed = true;
            IN_FLIGHT.remove(temp);
            if (old != null) {
                MOVED_ASIDE.remove(old);
                try {
                    deleteTree(old);
                } catch (IOException e) {
                    // the new output is in place: the earlier one, moved aside, is swept by the next write here
                    // (an immutable file in it made the run exit 2, "cannot write", with its report written)
                }
            }
            return sums.keySet().stream().map(target::resolve).toList();
        }

        /** Removes the temporary folder unless committed (and the folders made for it, if left empty). */
        @Override
        public void close() {
            if (!committed) {
                deleteQuietly(temp);
                IN_FLIGHT.remove(temp);
                removeEmpty(target.getParent(), created);
            }
        }
    }

    /** The bytes of a file written as they are made ({@link Staging#write(String, Content)}). */
    @FunctionalInterface
    public interface Content {
        /** Writes the file's bytes into {@code out} (buffered; closed by the caller). */
        void writeTo(OutputStream out) throws IOException;
    }

    /** The buffer a streamed file's bytes go through (a file's bytes held at once, at most). */
    static final int BUFFER = 64 * 1024;

    /**
     * A file being written: each write a guarded step of its own, and the bytes written summed (SHA-256) and counted,
     * for the marker's line.
     */
    private static final class Summing extends OutputStream {
        private final OutputStream file;
        private final java.security.MessageDigest md = digest();
        long bytes;

        Summing(OutputStream file) {
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            guarded(() -> {
                file.write(b, off, len);
                return null;
            });
            md.update(b, off, len);
            bytes += len;
        }

        @Override
        public void close() throws IOException {
            file.close();
        }

        String sum() {
            return java.util.HexFormat.of().formatHex(md.digest());
        }
    }

    // ---------------------------------------------------------------- single files

    /**
     * Checks that {@code file} may be written: it does not exist, or it is a regular file that holds
     * {@code signature} in its first 64 KiB (a file enisim wrote; null: any regular file the user named).
     */
    public static void checkFile(Path file, Path workingDir, String signature) {
        checkFile(file, workingDir, signature, false);
    }

    /**
     * As {@link #checkFile(Path, Path, String)}; with {@code atStart}, the file must begin with {@code signature}
     * (a header line), not merely hold it.
     */
    public static void checkFile(Path file, Path workingDir, String signature, boolean atStart) {
        checkFile(file, workingDir, Mark.of(signature, atStart), true);
    }

    /**
     * How an existing file is known as one enisim wrote, and so may be replaced: it begins with {@code start} (a
     * format's fixed opening: a prolog, a header line) and, unless {@code holds} is null, holds {@code holds} in its
     * first 64 KiB too; with a {@code seal}, it also ends with the seal's line, the checksum of every byte above it,
     * which enisim adds as it writes the file. A mark that may be anywhere in a file is no proof: a user's document,
     * a copy of enisim's own source or a settings file naming one of its fields may hold it (a user review: {@code
     * validate-model --markdown VALIDATION.md} replaced the project's hand-written VALIDATION.md, which quotes the
     * table's header). Nor is an opening: a document that begins with enisim's table and goes on with the user's notes
     * was replaced, notes and all, until the seal.
     */
    public record Mark(String start, String holds, Seal seal) {

        public Mark {
            java.util.Objects.requireNonNull(start, "start");
        }

        /** A file that begins with {@code start}. */
        public static Mark startingWith(String start) {
            return new Mark(start, null, null);
        }

        /** A file that begins with {@code start} and holds {@code holds} near its start. */
        public static Mark startingWith(String start, String holds) {
            return new Mark(start, holds, null);
        }

        /** This mark, the file ending with {@code seal}'s line as well (which {@link #writeMarkedFile} adds). */
        public Mark sealedBy(Seal seal) {
            return new Mark(start, holds, seal);
        }

        static Mark of(String signature, boolean atStart) {
            return signature == null ? null : atStart ? new Mark(signature, null, null) : new Mark("", signature, null);
        }

        boolean matches(String head) {
            return head.startsWith(start) && (holds == null || head.contains(holds));
        }

        /**
         * Why a file that {@link Standing stands} as {@code standing} against this mark is not enisim's, in a few
         * words. The mark's opening was quoted whole, up to some 600 characters of HTML on one line with its line
         * breaks as \\n ({@code compare --html user.txt}: an adversarial review).
         */
        String why(Standing standing) {
            return switch (standing) {
                case CHANGED -> "it was changed since enisim wrote it: its last line, enisim's checksum of the rest,"
                        + " no longer matches";
                case UNSEALED -> "it lacks enisim's checksum line at its end: edited below it, or written by an"
                        + " enisim from before checksums";
                default -> start.isEmpty() ? "enisim's mark is not near its start"
                        : "it does not begin as enisim's files of this kind do";
            };
        }
    }

    /**
     * The last line enisim adds to a single output file it writes: {@code before}, the SHA-256 (lower-case hex) of
     * every byte above the line, and {@code after}, in the format's own comment (or, in JSON, a last member), so that
     * the file stays a valid document of its kind and an edit anywhere in it is seen. {@code before} may open with a
     * blank line (Markdown: a comment right below a table could be read as one of its rows).
     */
    public record Seal(String before, String after) {

        /** An XML, SVG or HTML comment after the document's last element. */
        public static final Seal XML_COMMENT = new Seal("<!-- enisim sha256 ", " -->\n");
        /** A Markdown file's: an HTML comment (not shown), a blank line above it. */
        public static final Seal MARKDOWN = new Seal("\n<!-- enisim sha256 ", " -->\n");
        /** A JSON object's last member (the object's other members above it, each as written). */
        public static final Seal JSON = new Seal("  \"enisimSha256\" : \"", "\"\n}\n");
        /**
         * A JSON-lines file's (a trace): a last line that is a JSON object of its own, {@code {"enisimSha256":HEX}},
         * so that every line still parses and {@code head -n -1 FILE | sha256sum} prints the checksum.
         */
        public static final Seal JSON_LINE = new Seal("{\"enisimSha256\":\"", "\"}\n");

        private static final int HEX = 64;

        /** {@code content} with this seal's line added (a JSON object: its closing brace moved below the member). */
        public byte[] apply(byte[] content) {
            byte[] body = content;
            if (this == JSON) {
                String text = new String(content, StandardCharsets.UTF_8).stripTrailing();
                // what is above the closing brace: "{" alone (a "{ }" too) is an object without members
                String open = text.endsWith("}") ? text.substring(0, text.length() - 1).stripTrailing() : "";
                if (open.length() < 2) {
                    throw new IllegalArgumentException("not a JSON object with members");
                }
                body = (open + ",\n").getBytes(StandardCharsets.UTF_8);
            } else if (content.length > 0 && content[content.length - 1] != '\n') {
                body = java.util.Arrays.copyOf(content, content.length + 1); // the seal on a line of its own
                body[content.length] = '\n';
            }
            String line = before + sha256(body) + after;
            byte[] sealed = java.util.Arrays.copyOf(body, body.length + line.length());
            byte[] tail = line.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(tail, 0, sealed, body.length, tail.length);
            return sealed;
        }

        /** Whether {@code content} ends with a line of this seal's shape, whatever checksum it holds. */
        boolean shaped(byte[] content) {
            int lineLength = before.length() + HEX + after.length();
            int at = content.length - lineLength;
            if (at < 0) {
                return false;
            }
            String line = new String(content, at, lineLength, StandardCharsets.ISO_8859_1);
            return line.startsWith(before) && line.endsWith(after)
                    && line.substring(before.length(), before.length() + HEX).matches("[0-9a-f]{64}");
        }

        /** Whether {@code content} ends with this seal's line, and the line's checksum is that of the bytes above. */
        public boolean holds(byte[] content) {
            int lineLength = before.length() + HEX + after.length();
            int at = content.length - lineLength;
            if (at < 0) {
                return false;
            }
            String line = new String(content, at, lineLength, StandardCharsets.ISO_8859_1);
            if (!line.startsWith(before) || !line.endsWith(after)) {
                return false;
            }
            String hex = line.substring(before.length(), before.length() + HEX);
            return hex.equals(sha256(java.util.Arrays.copyOf(content, at)));
        }
    }

    /** How an existing regular file stands against a sealed {@link Mark}: why it may or may not be replaced. */
    public enum Standing {
        /** It opens as the mark says and ends with the seal's line, its checksum that of the rest: enisim's. */
        ENISIMS,
        /** It opens as the mark says and ends with a seal's line whose checksum is not the rest's: edited since. */
        CHANGED,
        /**
         * It opens as the mark says but does not end with a seal's line: written before enisim sealed such files
         * (an older release's output), or edited below its seal; which of the two cannot be told.
         */
        UNSEALED,
        /** It does not open as the mark says (or cannot be read): not enisim's. */
        FOREIGN
    }

    /**
     * How {@code file} (an existing regular file) stands against {@code mark} (sealed): told apart for a refusal
     * that says what to do, never to replace more than {@link #checkMarkedFile} would (only {@link
     * Standing#ENISIMS} is replaced).
     */
    public static Standing standing(Path file, Path workingDir, Mark mark) {
        Path target = absolute(file, workingDir);
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                || dev.enisim.scenario.InputText.kernelFile(target)) {
            return Standing.FOREIGN;
        }
        if (mark.seal() == null) {
            return holds(target, mark) ? Standing.ENISIMS : Standing.FOREIGN;
        }
        try (InputStream in = Files.newInputStream(target)) {
            byte[] head = in.readNBytes(64 * 1024);
            if (!mark.matches(new String(head, StandardCharsets.UTF_8))) {
                return Standing.FOREIGN;
            }
            if (Files.size(target) > MAX_SEALED_BYTES) {
                return Standing.FOREIGN;
            }
            byte[] rest = in.readNBytes((int) MAX_SEALED_BYTES);
            byte[] all = java.util.Arrays.copyOf(head, head.length + rest.length);
            System.arraycopy(rest, 0, all, head.length, rest.length);
            if (mark.seal().holds(all)) {
                return Standing.ENISIMS;
            }
            return mark.seal().shaped(all) ? Standing.CHANGED : Standing.UNSEALED;
        } catch (IOException e) {
            return Standing.FOREIGN;
        }
    }

    /** The largest file a sealed mark reads whole to check its seal; a larger one is not enisim's output. */
    private static final long MAX_SEALED_BYTES = 256L * 1024 * 1024;

    /** As {@link #checkFile(Path, Path, String)}, an existing file known by its {@link Mark}. */
    public static void checkMarkedFile(Path file, Path workingDir, Mark mark) {
        checkFile(file, workingDir, mark, true);
    }

    /** As above; {@code place}: whether the folder above is checked too (before a run; a write says it itself). */
    private static void checkFile(Path file, Path workingDir, Mark mark, boolean place) {
        Path target = absolute(file, workingDir);
        if (target.getParent() == null || Files.isDirectory(target)) {
            throw new OutputRefused(file + " is a folder; give a file name");
        }
        checkNameLength(file, target);
        if (Files.isSymbolicLink(target)) {
            throw new OutputRefused(file + " is a symbolic link; give the file itself, or a new name");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (place) {
                checkPlace(file, target, workingDir);
            }
            return;
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputRefused(file + " is not a regular file; give a new file name");
        }
        // a mark is known by reading the file's head, which a kernel file (/proc/kmsg) may never give: refused
        // unread; with no mark to read, the place's own check below says it ("/proc is on the kernel's proc file
        // system, which takes no files")
        if (mark != null && dev.enisim.scenario.InputText.kernelFile(target)) {
            throw new OutputRefused(file + " is one of the kernel's own files ("
                    + dev.enisim.scenario.InputText.KERNEL_FILES + "); give a new file name");
        }
        if (mark != null && !holds(target, mark)) {
            throw new OutputRefused(file + " exists and does not look like a file enisim wrote ("
                    + mark.why(standing(target, workingDir, mark)) + "); enisim will not overwrite it. Give a new file name, or"
                    + " remove it yourself");
        }
        if (place) {
            checkPlace(file, target, workingDir);
        }
    }

    /** File systems of the kernel's own entries: they take no file, even from root ({@code --junit /proc/x.xml}). */
    private static final Set<String> KERNEL_FILE_SYSTEMS = dev.enisim.scenario.InputText.KERNEL_FILE_SYSTEMS;

    /**
     * Checks, without writing anything, that {@code target} (a file or an output folder, written through a hidden
     * sibling) can be made where it is: the nearest entry above it that exists is a folder, which this process may
     * write into, on a file system that holds files. A check of many scenarios found these only when it wrote its
     * JUnit file at the end, after every run, and a regular file on the way ({@code --junit base.yaml/x.xml}) was
     * told as "already exists: base.yaml".
     */
    private static void checkPlace(Path asked, Path target, Path workingDir) {
        Path above = target.getParent();
        while (above != null && !Files.exists(above)) {
            // a folder the write will make: a link there that leads nowhere (or in a loop) is in its way, and a name
            // too long for the file system cannot be made (both were found by the write at the end, after the runs)
            if (Files.isSymbolicLink(above)) {
                throw new OutputRefused(asked + ": " + asWritten(asked, target, above, workingDir) + " is a symbolic"
                        + " link that leads nowhere (to a missing path, or in a loop), so no folder can be made there;"
                        + " give a path in a folder, or mend the link");
            }
            int bytes = above.getFileName().toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > NAME_MAX) {
                String name = above.getFileName().toString();
                throw new OutputRefused(asked + ": the folder name " + name.substring(0, 24) + "... has " + bytes
                        + " bytes, more than the " + NAME_MAX + " a file system takes; give a shorter path");
            }
            above = above.getParent();
        }
        if (above == null) {
            return;
        }
        Path shown = asWritten(asked, target, above, workingDir);
        if (!Files.isDirectory(above)) {
            throw new OutputRefused(asked + ": " + shown + " is a file, not a folder, so nothing can be written "
                    + "under it; give a path in a folder");
        }
        if (!Files.isWritable(above)) {
            throw new OutputRefused(asked + ": cannot write into " + shown + " (permission denied, or a read-only "
                    + "file system); give a path in a folder you may write");
        }
        String type;
        try {
            type = Files.getFileStore(above).type();
        } catch (IOException | RuntimeException e) {
            return; // not known: the write itself will say
        }
        if (KERNEL_FILE_SYSTEMS.contains(type)) {
            throw new OutputRefused(asked + ": " + shown + " is on the kernel's " + type + " file system, which "
                    + "takes no files; give a path in a folder you may write");
        }
    }

    /** {@code above} (a folder above {@code target}) as the user's {@code asked} spells it, when it can be told. */
    private static Path asWritten(Path asked, Path target, Path above, Path workingDir) {
        Path p = asked;
        for (int up = target.getNameCount() - above.getNameCount(); up > 0 && p != null; up--) {
            p = p.getParent();
        }
        return p != null && absolute(p, workingDir).equals(above) ? p : above;
    }

    private static boolean holds(Path file, Mark mark) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64 * 1024);
            if (!mark.matches(new String(head, StandardCharsets.UTF_8))) {
                return false;
            }
            if (mark.seal() == null) {
                return true;
            }
            if (Files.size(file) > MAX_SEALED_BYTES) {
                return false;
            }
            byte[] rest = in.readNBytes((int) MAX_SEALED_BYTES);
            byte[] all = java.util.Arrays.copyOf(head, head.length + rest.length);
            System.arraycopy(rest, 0, all, head.length, rest.length);
            return mark.seal().holds(all);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes one file through a hidden temporary sibling moved into place (a reader never sees half of it),
     * refusing as {@link #checkFile} does; returns its absolute path.
     */
    public static Path writeFile(Path file, Path workingDir, String signature, byte[] content) throws IOException {
        return writeFile(file, workingDir, signature, false, content);
    }

    /** As {@link #writeFile(Path, Path, String, byte[])}, the signature checked as {@link #checkFile} does. */
    public static Path writeFile(Path file, Path workingDir, String signature, boolean atStart, byte[] content)
            throws IOException {
        return writeMarkedFile(file, workingDir, Mark.of(signature, atStart), content);
    }

    /** As {@link #writeFile(Path, Path, String, byte[])}, an existing file known by its {@link Mark}. */
    public static Path writeMarkedFile(Path file, Path workingDir, Mark mark, byte[] content) throws IOException {
        try {
            return replaceFile(file, workingDir, mark, content);
        } catch (IOException e) {
            throw failed(file, e);
        }
    }

    /** One file of {@link #writeFilesTogether}: where, how an existing one is known as enisim's, what. */
    public record Planned(Path file, Mark mark, byte[] content) {
    }

    /**
     * Writes several files as a set, each as {@link #writeMarkedFile} would (refused the same way): every file's
     * content first into its hidden temporary sibling, then, once all are written, each moved into place (a rename in
     * its own folder, which needs no more room). When one cannot be written (a full disk), the temporary files are
     * removed and every existing file is left as it was: {@code check --update-baseline} left some baselines new and
     * others old when the disk filled part-way. Returns the files' absolute paths.
     */
    public static List<Path> writeFilesTogether(List<Planned> files, Path workingDir) throws IOException {
        List<Path> temps = new ArrayList<>();
        List<Path> targets = new ArrayList<>();
        List<Path[]> made = new ArrayList<>(); // {parent, first folder this write created}
        List<byte[]> contents = new ArrayList<>();
        for (Planned p : files) {
            contents.add(p.mark() != null && p.mark().seal() != null ? p.mark().seal().apply(p.content())
                    : p.content());
            checkFile(p.file(), workingDir, p.mark(), false);
        }
        checkRoomTogether(files, contents, workingDir);
        hook();
        Planned current = null;
        int moved = 0;
        try {
            for (int i = 0; i < files.size(); i++) {
                current = files.get(i);
                Path target = absolute(current.file(), workingDir);
                Path parent = target.getParent();
                Path created = firstMissing(parent);
                byte[] content = contents.get(i);
                Path temp = guarded(() -> {
                    createFolders(parent, created);
                    sweepStale(parent, target.getFileName().toString(), false);
                    Path t = parent.resolve(tempName(target.getFileName().toString(), "tmp"));
                    IN_FLIGHT.add(t);
                    temps.add(t);
                    made.add(new Path[] {parent, created});
                    Files.write(t, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    return t;
                });
                targets.add(target);
            }
            for (int i = 0; i < files.size(); i++) {
                current = files.get(i);
                Planned p = current;
                Path temp = temps.get(i);
                Path target = targets.get(i);
                guarded(() -> {
                    checkFile(p.file(), workingDir, p.mark(), false);
                    move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                    return target;
                });
                moved++;
            }
            return targets;
        } catch (IOException | RuntimeException e) {
            for (int i = moved; i < temps.size(); i++) {
                deleteQuietly(temps.get(i));
            }
            for (int i = made.size() - 1; i >= moved; i--) {
                removeEmpty(made.get(i)[0], made.get(i)[1]);
            }
            if (e instanceof IOException io) {
                IOException said = failed(current == null ? Path.of("") : current.file(), io);
                throw new IOException(said.getMessage() + (moved == 0 ? "; none of the " + files.size() + " file(s)"
                        + " was changed" : "; " + moved + " of the " + files.size() + " file(s) were already in place"),
                        io);
            }
            throw e;
        } finally {
            temps.forEach(IN_FLIGHT::remove);
        }
    }

    private static Path replaceFile(Path file, Path workingDir, Mark mark, byte[] written) throws IOException {
        byte[] content = mark != null && mark.seal() != null ? mark.seal().apply(written) : written;
        checkFile(file, workingDir, mark, false);
        Path target = absolute(file, workingDir);
        checkRoom(file, target, content.length, 0, false); // an existing file stays until the new one is in place
        Path parent = target.getParent();
        Path created = firstMissing(parent);
        createFolders(parent, created);
        sweepStale(parent, target.getFileName().toString(), false);
        Path temp = parent.resolve(tempName(target.getFileName().toString(), "tmp"));
        hook();
        try {
            return guarded(() -> {
                IN_FLIGHT.add(temp);
                Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                checkFile(file, workingDir, mark, false);
                move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                return target;
            });
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            removeEmpty(parent, created);
            throw e;
        } finally {
            IN_FLIGHT.remove(temp);
        }
    }

    // ---------------------------------------------------------------- room


    /**
     * The room a write may count on in {@code store}: the larger of its usable space (what a user other than root
     * may take) and its unallocated space (root may take the blocks a file system keeps for it too: ext4's 5%), so
     * that root is never refused room it has; a user the reserve is closed to, on a disk that has only the reserve
     * left, meets the full disk as before (the write fails whole, one line).
     */
    static long room(java.nio.file.FileStore store) throws IOException {
        return dev.enisim.run.Disk.room(store);
    }

    /**
     * The usable space (bytes) of the file system that holds {@code p}, or the nearest folder above it that exists;
     * 0 or less when it cannot be told.
     */
    public static long usableSpaceAt(Path p) {
        return dev.enisim.run.Disk.usableSpaceAt(p);
    }

    /**
     * Whether two paths name one place, whether it exists yet or not: each is resolved through the links of its
     * nearest existing folder ({@code d/x} and {@code dl/x}, {@code dl} a link to {@code d}, are one file before
     * either is written), and two files that exist are compared as the kernel sees them (a hard link too). The
     * paths were compared as written, so two outputs, or an output and an input, named through a linked folder
     * were written one over the other (a hostile user's review: {@code check --junit d/s.md --step-summary dl/s.md}
     * appended the Markdown to the JUnit file).
     */
    public static boolean samePlace(Path a, Path b) {
        Path x = a.toAbsolutePath().normalize();
        Path y = b.toAbsolutePath().normalize();
        if (x.equals(y)) {
            return true;
        }
        try {
            if (Files.exists(x) && Files.exists(y)) {
                return Files.isSameFile(x, y);
            }
            return resolvedThroughLinks(x).equals(resolvedThroughLinks(y));
        } catch (IOException | RuntimeException e) {
            return false; // cannot be told: the writes that follow say what they meet
        }
    }

    /**
     * Whether {@code file} is in {@code folder} or a folder below it (both absolute), linked folders followed as far
     * as they exist; false when it cannot be told.
     */
    public static boolean inside(Path file, Path folder) {
        Path x = file.toAbsolutePath().normalize();
        Path y = folder.toAbsolutePath().normalize();
        if (x.startsWith(y)) {
            return true;
        }
        try {
            return resolvedThroughLinks(x).startsWith(resolvedThroughLinks(y));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** {@code p} (absolute, normalized) with its nearest existing folder's links resolved. */
    private static Path resolvedThroughLinks(Path p) throws IOException {
        Path place = nearestExisting(p);
        return place == null ? p : place.toRealPath().resolve(place.relativize(p));
    }

    /** The nearest folder at or above {@code p} that exists (null: none). */
    private static Path nearestExisting(Path p) {
        return dev.enisim.run.Disk.nearestExisting(p);
    }

    /**
     * Refuses (an {@link OutputRefused}, one line), before anything is written, a write of {@code bytes} more into
     * {@code target} (a file, or an output folder: {@code folder}) when they are more than the usable space of the
     * file system it lands on, so that a disk with a little room left is said with what is needed and what is free,
     * not found part-way as "No space left on device". The raw byte count, no block rounding: never refused where it
     * would have fitted; a file system that cannot tell its space (0) is written as before. {@code written}: the
     * bytes of this output already written (a folder being staged), shown in the figures, not compared.
     */
    static void checkRoom(Path asked, Path target, long bytes, long written, boolean folder) {
        checkRoom(asked, target, bytes, written, folder ? "output folder" : "file");
    }

    /** As above, {@code what} naming what is written ("output folder", "file", "3 files"). */
    private static void checkRoom(Path asked, Path target, long bytes, long written, String what) {
        checkRoom(asked, target, bytes, written, what, "", NOTHING_WRITTEN);
    }

    /** What a refusal for room found before anything was made says of the write. */
    private static final String NOTHING_WRITTEN = " (said before writing anything; nothing was written)";

    /**
     * As above, {@code parts} said after what is needed (", the whole report (...),"; "": nothing), {@code said}
     * what was written (" (said before writing anything; ...)").
     */
    private static void checkRoom(Path asked, Path target, long bytes, long written, String what, String parts,
            String said) {
        Path place = nearestExisting(target.getParent());
        if (place == null || bytes <= 0) {
            return;
        }
        long usable = dev.enisim.run.Disk.usableSpace.applyAsLong(place);
        if (usable <= 0 || bytes <= usable) {
            return;
        }
        String[] shown = sizes(written + bytes, written + usable);
        boolean folder = what.equals("output folder");
        throw new OutputRefused(asked + ": not enough room for " + (what.equals("file") || folder ? "this " : "the ")
                + what + ": " + (what.contains(" files") ? "they need " : "it needs ") + shown[0] + parts + " and "
                + shown[1] + " are free on the disk holding " + place + said + "; free some space there, or give "
                + (folder ? "a folder" : "a path") + " on another disk");
    }

    /**
     * Refuses (an {@link OutputRefused}, one line), before anything is made, a run's report whose data files ({@code
     * data} bytes, counted, the marker's with them) are more than the room of the disk it lands on, or whose data
     * files and the share of its charts' and report.html's estimate ({@code later}) that they are sure to take
     * ({@link #ESTIMATE_SURE}: measured, they took 0.57 to 1.0 of it) are: said with what the whole report needs, its
     * data files' bytes and the charts' and page's estimate, and what is free. The refusal said the data files' bytes
     * alone (a review of big runs, fiftieth pass: "it needs 30.2 MiB" of a report of 45), so that a user who freed
     * that much met the refusal again, after the run, at the charts. Closer to the room, the data files are written
     * and the charts and page are checked to the byte ({@link Staging#checkReportRoom}).
     */
    static void checkReportRoom(Path asked, Path target, long data, long later) {
        Path place = nearestExisting(target.getParent());
        if (place == null) {
            return;
        }
        long usable = dev.enisim.run.Disk.usableSpace.applyAsLong(place);
        if (usable <= 0 || (data <= usable && data + ESTIMATE_SURE * later <= usable)) {
            return;
        }
        String[] shown = sizes(data + later, usable);
        throw new OutputRefused(asked + ": not enough room for this output folder: it needs about " + shown[0]
                + ", the whole report (its data files " + dev.enisim.run.Disk.size(data) + " and, estimated, its charts and report.html"
                + " about " + dev.enisim.run.Disk.size(later) + "), and " + shown[1] + " are free on the disk holding " + place
                + NOTHING_WRITTEN + "; free some space there, or give a folder on another disk");
    }

    /**
     * The share of an estimate made before a run ({@link OutputSize}) that its outputs are sure to take: measured,
     * the outputs of every scenario took 0.55 to 1.0 of their estimate, so a run is refused before it is simulated
     * only when this share of the estimate (the estimate over 2.5) is more than the room; closer, it runs, and the
     * write at its end is checked to the byte as before.
     */
    public static final double ESTIMATE_SURE = 0.4;

    /**
     * Refuses (an {@link OutputRefused}, one line) a run before it is simulated when the output it will write into
     * {@code asked} (a folder: {@code folder}, or a file), estimated at {@code estimate} bytes, is clearly more than
     * the room of the disk it lands on ({@link #ESTIMATE_SURE}), so that a run of minutes is not lost for room at its
     * end. The room as {@link #checkRoom} counts it; a disk that cannot tell its space is run as before.
     */
    public static void checkRoomBeforeRun(Path asked, Path workingDir, long estimate, boolean folder) {
        checkRoomBeforeRun(asked, workingDir, estimate, folder ? "this output folder" : "this file");
    }

    /**
     * As above for {@code what} ("this output folder", "this file", or "the 3 baselines" written into the folder
     * {@code asked}).
     */
    public static void checkRoomBeforeRun(Path asked, Path workingDir, long estimate, String what) {
        boolean folder = !what.equals("this file");
        Path target = absolute(asked, workingDir);
        Path place = nearestExisting(what.startsWith("the ") ? target : target.getParent());
        if (place == null || estimate <= 0) {
            return;
        }
        long usable = dev.enisim.run.Disk.usableSpace.applyAsLong(place);
        if (usable <= 0 || ESTIMATE_SURE * estimate <= usable) {
            return;
        }
        String[] shown = sizes(estimate, usable);
        throw new OutputRefused(asked + ": not enough room for " + what + ": " + (what.startsWith("the ") && what.endsWith("s")
                ? "they need" : "it needs") + " about " + shown[0] + " and " + shown[1] + " are free on the disk holding " + place
                + " (said before simulating; nothing was written); free some space there, or give "
                + (folder ? "a folder" : "a path") + " on another disk");
    }

    /**
     * {@link #checkRoom} for {@link #writeFilesTogether}: the files' bytes summed by the file system each lands on
     * (files that cannot tell theirs: each alone).
     */
    private static void checkRoomTogether(List<Planned> files, List<byte[]> contents, Path workingDir) {
        Map<Object, long[]> byStore = new java.util.LinkedHashMap<>();
        Map<Object, Integer> first = new java.util.HashMap<>();
        Map<Object, Integer> count = new java.util.HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Path target = absolute(files.get(i).file(), workingDir);
            Path place = nearestExisting(target.getParent());
            Object store;
            try {
                store = place == null ? i : Files.getFileStore(place);
            } catch (IOException | RuntimeException e) {
                store = i;
            }
            byStore.computeIfAbsent(store, k -> new long[1])[0] += contents.get(i).length;
            first.putIfAbsent(store, i);
            count.merge(store, 1, Integer::sum);
        }
        for (Map.Entry<Object, long[]> e : byStore.entrySet()) {
            Planned p = files.get(first.get(e.getKey()));
            int n = count.get(e.getKey());
            checkRoom(p.file(), absolute(p.file(), workingDir), e.getValue()[0], 0,
                    n == 1 ? "file" : n + " files written together with it");
        }
    }

    /** {@code needed} and {@code free} in KiB, MiB, GiB or TiB (bytes below one KiB), in bytes when they would read alike. */
    public static String[] sizes(long needed, long free) {
        return dev.enisim.run.Disk.sizes(needed, free);
    }

    // ---------------------------------------------------------------- temporary entries

    /** The longest file name most file systems take (bytes). */
    private static final int NAME_MAX = 255;

    /**
     * Everything is written through a hidden sibling {@code .NAME.tmp-PID-N}: a name that fits the file system but not
     * with that around it would fail as "File name too long" for a name the user gave rightly. Said so instead.
     */
    private static void checkNameLength(Path asked, Path target) {
        int bytes = target.getFileName().toString().getBytes(StandardCharsets.UTF_8).length;
        // "." NAME ".tmp-" PID "-" N, N a counter of up to 10 digits
        int around = 1 + ".tmp-".length() + String.valueOf(PID).length() + 1 + 10;
        if (bytes + around > NAME_MAX) {
            throw new OutputRefused(asked + ": a name of at most " + (NAME_MAX - around) + " bytes, please (it has "
                    + bytes + "): enisim writes through a hidden temporary sibling named .NAME.tmp-PID-N, which must"
                    + " fit the file system's " + NAME_MAX + " bytes too");
        }
    }

    private static String tempName(String name, String kind) {
        return "." + name + "." + kind + "-" + PID + "-" + COUNTER.incrementAndGet();
    }

    /**
     * Removes what an earlier enisim process, killed hard, left next to {@code name}: temporary entries of a
     * process that is gone (a folder only if it holds our marker); a report it had moved aside is put back if
     * nothing took its place, else removed. {@code folders}: whether {@code name} is an output folder (its leftovers
     * are folders) or a single file (its leftovers are regular files); an entry of the other kind is not ours, whatever
     * its name, and is left alone.
     */
    static void sweepStale(Path parent, String name, boolean folders) {
        // no glob: a name may hold glob characters ('[', '{')
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().startsWith("." + name + "."))) {
            for (Path p : s) {
                Matcher m = TEMP.matcher(p.getFileName().toString());
                if (!m.matches() || !m.group(1).equals(name) || alive(Long.parseLong(m.group(3)))) {
                    continue;
                }
                boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                if (dir != folders || !folders && m.group(2).equals("old") // a file is never moved aside
                        || !dir && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        || dir && !isEmpty(p) && !ownLeftover(p, m.group(2).equals("old"))) {
                    continue;
                }
                Path target = parent.resolve(name);
                if (m.group(2).equals("old") && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    move(p, target);
                } else {
                    deleteTree(p);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // best effort: a leftover we cannot remove is no reason to fail this run
        }
    }

    private static boolean alive(long pid) {
        return pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /** On SIGINT or SIGTERM: remove temporary entries, put back reports moved aside. */
    private static void hook() {
        if (HOOK.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(SafeOutput::cleanUp, "enisim-output-cleanup"));
        }
    }

    static void cleanUp() {
        GUARD.writeLock().lock(); // waits for a write under way; none starts after
        try {
            closing = true;
            removeOurs();
        } finally {
            GUARD.writeLock().unlock();
        }
    }

    /** Tests only: allows writes again after a test called {@link #cleanUp} (the JVM goes on to other tests). */
    static void reopenAfterCleanUp() {
        GUARD.writeLock().lock();
        try {
            closing = false;
        } finally {
            GUARD.writeLock().unlock();
        }
    }

    private static void removeOurs() {
        for (Map.Entry<Path, Path> e : MOVED_ASIDE.entrySet()) {
            try {
                if (!Files.exists(e.getValue(), LinkOption.NOFOLLOW_LINKS)) {
                    move(e.getKey(), e.getValue());
                } else {
                    deleteTree(e.getKey());
                }
            } catch (IOException ex) {
                // the next run sweeps it
            }
        }
        for (Path p : IN_FLIGHT) {
            deleteQuietly(p);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Path absolute(Path p, Path workingDir) {
        return workingDir.toAbsolutePath().resolve(p).normalize();
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
     * Makes {@code dir} and the folders above it that are missing ({@code created}: the outermost of them, from
     * {@link #firstMissing}). When one cannot be made after those above it were (a name too long for the file system,
     * a full disk), the ones made are removed before the failure is thrown: a failed write left them behind, empty
     * ({@code --out new/NAME-TOO-LONG/x} left {@code new/}; session 46).
     */
    private static void createFolders(Path dir, Path created) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            removeEmpty(dir, created);
            throw e;
        }
    }

    /** Removes the folders from {@code dir} up to {@code created} that an aborted write made, if still empty. */
    private static void removeEmpty(Path dir, Path created) {
        if (created == null) {
            return;
        }
        for (Path p = dir; p != null && p.startsWith(created); p = p.getParent()) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                continue; // never made: the write failed making it (or one above it)
            }
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // not empty: something else is there now
            }
        }
    }

    private static void move(Path from, Path to, StandardCopyOption... options) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, options);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(p);
            }
        } catch (IOException e) {
            // the next run sweeps it
        }
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** An I/O failure in one line: what the system said, and where. */
    public static String reason(IOException e) {
        return dev.enisim.run.Disk.reason(e);
    }
}
