package dev.enisim.experiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /** A host name as a lock holds it (an IPv6 address too). */
    private static final java.util.regex.Pattern HOST_FORM = java.util.regex.Pattern.compile(
            "[A-Za-z0-9._:%-]{1,253}");

    /** This host's name (asked once: it may ask the DNS). */
    private static final String HOST = host();

    private static String host() {
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName().strip();
            return HOST_FORM.matcher(name).matches() ? name : "localhost"; // else its own lock read as not enisim's
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
                if (FOREIGN.equals(held)) {
                    throw new ExperimentException("the lock file " + lock + " is not one enisim wrote (a link, a"
                            + " folder, a device or pipe, or a file that does not hold the process and host of an"
                            + " enisim), so enisim neither reads it nor takes it over; move it away, or give another"
                            + " --out");
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

    /** What {@link #holder} returns for a lock file enisim did not write: never quoted, never taken over. */
    static final String FOREIGN = "a lock file enisim did not write";

    /** The most a lock file enisim wrote holds: a process id, {@code @}, a host name (at most 253 characters). */
    static final int MAX_BYTES = 320;

    /**
     * The holder a lock file names ({@code PID@HOST}), or null when there is none (yet), or {@link #FOREIGN}
     * when it is not a lock enisim wrote: a link (never followed: a lock linked to
     * {@code /proc/self/environ} had the environment printed as the "process" holding it, one to {@code /dev/zero}
     * ran the JVM out of memory, one to a pipe hung the run and its shutdown), a folder, a device or pipe, a file
     * longer than a lock or not of its form. At most {@link #MAX_BYTES} bytes of a regular file are read.
     */
    static String holder(Path lock) {
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(lock,
                    java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || a.size() > MAX_BYTES) {
                return FOREIGN;
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return UNREADABLE;
        }
        ByteBuffer bytes = ByteBuffer.allocate(MAX_BYTES + 1);
        try (SeekableByteChannel in = Files.newByteChannel(lock, StandardOpenOption.READ,
                java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            while (bytes.hasRemaining() && in.read(bytes) > 0) {
                // at most MAX_BYTES + 1: a longer file is not a lock
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (java.nio.file.FileSystemException e) {
            // a link put there since (ELOOP with NOFOLLOW_LINKS) or a file this process may not read
            return Files.isSymbolicLink(lock) ? FOREIGN : UNREADABLE;
        } catch (IOException e) {
            return UNREADABLE;
        }
        if (bytes.position() > MAX_BYTES) {
            return FOREIGN;
        }
        String t = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).strip();
        if (t.isEmpty()) {
            return null;
        }
        return FORM.matcher(t).matches() ? t : FOREIGN;
    }

    /** What a lock enisim writes holds: a process id, {@code @}, a host name. */
    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile(
            "[0-9]{1,19}@[A-Za-z0-9._:%-]{1,253}");

    /** The holder of a lock file this process may not read: not taken over. */
    private static final String UNREADABLE = "an unknown process@?";

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
