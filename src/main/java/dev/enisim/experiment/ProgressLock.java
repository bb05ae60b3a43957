package dev.enisim.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The lock file beside an experiment's progress file ({@code .<out>.progress.lock}), holding the process id and host
 * of the enisim running it: a second copy of the same command refuses to start (two copies both ran the points left
 * and wrote the output, and the second's rewrite of the progress file sent the first's later points to a deleted
 * file). A lock whose process is no longer running on this host (a kill -9, a machine that went down) is taken over,
 * with a note; one held on another host is refused, naming it, as this host cannot tell whether it still runs.
 */
final class ProgressLock implements AutoCloseable {

    private final Path file;
    private final String holder;

    private ProgressLock(Path file, String holder) {
        this.file = file;
        this.holder = holder;
    }

    /** The lock file of {@code progressFile}. */
    static Path of(Path progressFile) {
        String name = progressFile.getFileName().toString();
        return progressFile.resolveSibling((name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name)
                + ".lock");
    }

    /** This process, as a lock names it: {@code PID@HOST}. */
    static String self() {
        return ProcessHandle.current().pid() + "@" + HOST;
    }

    /** This host's name (asked once: it may ask the DNS). */
    private static final String HOST = host();

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName().strip();
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }

    /**
     * Takes the lock of {@code progressFile} for this process, or throws an {@link ExperimentException} naming the
     * process and host that hold it; a stale one (its process gone from this host) is taken over, {@code note} told.
     */
    static ProgressLock take(Path progressFile, Consumer<String> note) throws IOException {
        Path lock = of(progressFile);
        Files.createDirectories(lock.getParent());
        String me = self();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.writeString(lock, me + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return new ProgressLock(lock, me);
            } catch (FileAlreadyExistsException e) {
                String held = holder(lock);
                if (held == null) {
                    continue; // gone meanwhile, or being written: try again
                }
                if (!stale(held)) {
                    throw new ExperimentException("another enisim (process " + held.replace("@", " on ")
                            + ") is running this experiment: its lock file " + lock + " is beside the progress file;"
                            + " wait for it to finish (or stop it), or give another --out. If no enisim runs it, delete"
                            + " the lock file");
                }
                Files.deleteIfExists(lock);
                note.accept("the lock file " + lock + " was left by process " + held.replace("@", " on ")
                        + ", which no longer runs: taken over");
            }
        }
        throw new ExperimentException("cannot take the lock file " + lock + ": another enisim keeps taking it; give"
                + " another --out");
    }

    /** The holder a lock file names ({@code PID@HOST}), or null when there is none (yet) or it cannot be read. */
    private static String holder(Path lock) {
        try {
            String t = Files.readString(lock, StandardCharsets.UTF_8).strip();
            return t.isEmpty() ? null : t;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return "an unknown process@?"; // unreadable: not taken over
        }
    }

    /** Whether the process {@code held} names is known to be gone: on this host, and not running. */
    static boolean stale(String held) {
        int at = held.indexOf('@');
        if (at <= 0 || !held.substring(at + 1).equals(HOST)) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(held.substring(0, at));
        } catch (NumberFormatException e) {
            return false;
        }
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /** Gives up the lock of {@code progressFile} if this process holds it (the JVM shutting down: Ctrl-C). */
    static void release(Path progressFile) {
        Path lock = of(progressFile);
        if (self().equals(holder(lock))) {
            try {
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                // left: the next run takes it over (its process is gone), with a note
            }
        }
    }

    @Override
    public void close() {
        if (holder.equals(holder(file))) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // left: the next run takes it over, with a note
            }
        }
    }
}
