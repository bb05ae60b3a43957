package dev.enisim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes one page (compare, compare-network-models) to a file the user named, safely: it replaces only a page
 * enisim wrote before (one that carries enisim's generator mark), never another file or a folder, and it writes a
 * temporary sibling first and moves it into place, so the file is either the old page or the whole new one.
 */
public final class PageFile {

    /** The mark every enisim page carries in its head. */
    public static final String MARK = "<meta name=\"generator\" content=\"enisim\"/>";

    private PageFile() {
    }

    public static void write(Path file, String html) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new FileAlreadyExistsException(file + " is a folder; give a file name such as compare.html");
        }
        if (Files.exists(target) && !wroteByEnisim(target)) {
            throw new FileAlreadyExistsException(file + " exists and was not written by enisim; not replacing it");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            try {
                // temporary files are private; a page is an ordinary file
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its defaults apply
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean wroteByEnisim(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) > 64L << 20) {
            return false;
        }
        byte[] head = new byte[4096];
        int n;
        try (var in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return new String(head, 0, n, StandardCharsets.UTF_8).contains(MARK);
    }
}
