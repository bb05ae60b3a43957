package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress file is put in place by {@link Experiment#replace}, a new file moved over the old one: made as a
 * temporary file, it was owner-only (rw-------) whatever the umask, and a resume gave a progress file shared with a
 * group (chmod 660) the temporary file's mode, and root's resume of another user's sweep root's ownership (a review
 * of big runs, fiftieth pass; the sweep command set the umask's mode afterwards, a workaround now gone). The file
 * keeps what it had, and a new one gets what any new file of the process gets.
 */
class ProgressFileAccessTest {

    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewProgressFileHasTheModeOfAnyNewFile() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain.txt")); // the umask's mode, as the report's files
        Path file = dir.resolve(".out.progress.jsonl");
        Experiment.replace(file, "a\n");
        assertEquals(mode(plain), mode(file));
        assertEquals("a\n", Files.readString(file));
        assertEquals(List.of(".out.progress.jsonl", "plain.txt"), names(), "no temporary file left");
    }

    @Test
    void aReplacedProgressFileKeepsItsMode() throws Exception {
        Path file = dir.resolve(".out.progress.jsonl");
        Files.writeString(file, "old\n");
        for (String m : new String[] {"rw-rw----", "rw-------", "rw-rw-rw-", "rw-r-----"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(m));
            Experiment.replace(file, "new\n");
            assertEquals(m, mode(file));
            assertEquals("new\n", Files.readString(file));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
        Experiment.replace(file, "next\n");
        assertEquals("rw-r-----", mode(file), "its owner's writing kept: enisim appends to it next");
        assertEquals(List.of(".out.progress.jsonl"), names());
    }

    /** Root resuming another user's sweep leaves the file that user's, in that user's group. */
    @Test
    void aReplacedProgressFileKeepsItsOwnerAndGroupWhereTheProcessMaySetThem() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root gives a file away");
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal nobody;
        GroupPrincipal nogroup;
        try {
            nobody = users.lookupPrincipalByName("nobody");
            nogroup = users.lookupPrincipalByGroupName("nogroup");
        } catch (java.io.IOException e) {
            assumeTrue(false, "no user nobody or group nogroup here");
            return;
        }
        Path file = dir.resolve(".out.progress.jsonl");
        Files.writeString(file, "old\n");
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        view.setOwner(nobody);
        view.setGroup(nogroup);
        Experiment.replace(file, "new\n");
        PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class);
        assertEquals(nobody, a.owner());
        assertEquals(nogroup, a.group());
    }

    private List<String> names() throws Exception {
        try (var l = Files.list(dir)) {
            return l.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
