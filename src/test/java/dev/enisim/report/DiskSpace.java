package dev.enisim.report;

import java.nio.file.Path;
import java.util.function.ToLongFunction;

/** Tests only: the usable space {@link SafeOutput} (and an experiment's progress file) sees, set by a test of another package and restored after it. */
public final class DiskSpace {

    private DiskSpace() {
    }

    /** From now on, the usable space of the disk holding a folder is {@code space}'s (0 or less: not known). */
    public static void set(ToLongFunction<Path> space) {
        dev.enisim.run.Disk.usableSpace = space;
    }

    /** Back to the file system's own figure. */
    public static void restore() {
        dev.enisim.run.Disk.usableSpace = dev.enisim.run.Disk.FILE_STORE_SPACE;
    }
}
