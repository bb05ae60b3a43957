package dev.enisim.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The disk in a user's words, for every layer that writes: the room where a file lands, sizes in KiB to TiB, an I/O
 * failure in one line. Here, below both, so that an experiment's progress file and the report's safe writes
 * ({@code report.SafeOutput}, which keeps its own names for these) say the disk alike without the experiment
 * reaching up into report.
 */
public final class Disk {

    private Disk() {
    }

    /**
     * The usable space (bytes) of the file system holding {@code place}, an existing folder; 0 or less when it cannot
     * be told. Tests set it (report's {@code DiskSpace}, {@code DiskRoomTest}) and restore {@link #FILE_STORE_SPACE}
     * after: the one figure both the report's writes and an experiment's progress file go by.
     */
    public static volatile java.util.function.ToLongFunction<Path> usableSpace = Disk::fileStoreSpace;
    /** The default {@link #usableSpace}: the file store's own figure. */
    public static final java.util.function.ToLongFunction<Path> FILE_STORE_SPACE = Disk::fileStoreSpace;

    /**
     * The usable space (bytes) of the file system that holds {@code p}, or the nearest folder above it that exists;
     * 0 or less when it cannot be told.
     */
    public static long usableSpaceAt(Path p) {
        Path place = nearestExisting(p.toAbsolutePath().normalize());
        return place == null ? 0 : usableSpace.applyAsLong(place);
    }

    /** The nearest folder at or above {@code p} that exists (null: none). */
    public static Path nearestExisting(Path p) {
        Path place = p;
        while (place != null && !Files.exists(place)) {
            place = place.getParent();
        }
        return place;
    }

    /** The room of the file system holding {@code place}, an existing folder; 0 when it cannot be told. */
    public static long fileStoreSpace(Path place) {
        try {
            return room(Files.getFileStore(place));
        } catch (IOException | RuntimeException e) {
            return 0; // not known: written as before, the write itself says what goes wrong
        }
    }

    /**
     * The room a write may count on in {@code store}: the larger of its usable space (what a user other than root
     * may use) and its unallocated space (root's reserve too), as {@code report.SafeOutput.room} says in full.
     */
    public static long room(java.nio.file.FileStore store) throws IOException {
        return Math.max(store.getUsableSpace(), store.getUnallocatedSpace());
    }

    /** {@code needed} and {@code free} in KiB, MiB, GiB or TiB (bytes below one KiB), in bytes when they would read alike. */
    public static String[] sizes(long needed, long free) {
        String n = size(needed);
        String f = size(free);
        return n.equals(f) ? new String[] {needed + " bytes", free + " bytes"} : new String[] {n, f};
    }

    /** {@code bytes} in bytes below one KiB, else in KiB, MiB, GiB or TiB to one decimal. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        if (bytes < 1024L * 1024 * 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
        }
        // run --replications 1000000000 read "needs about 24909973.2 MiB"
        return String.format(java.util.Locale.ROOT, "%,.1f TiB", bytes / (1024.0 * 1024 * 1024 * 1024));
    }

    /** An I/O failure in one line: what the system said, and where. */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException a) {
            return "already exists: " + a.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return (f.getReason() == null ? e.getClass().getSimpleName() : f.getReason())
                    + (f.getFile() == null ? "" : ": " + f.getFile());
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
