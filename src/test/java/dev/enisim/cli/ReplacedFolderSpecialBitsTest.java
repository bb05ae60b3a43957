package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder enisim replaces (an empty one, or its own report) keeps its setgid and sticky bits: an adversarial
 * review found a shared {@code 1777} folder became {@code 0777} (anyone may then delete anyone's files) and a
 * {@code 2770} team folder lost setgid (its files got the user's group, not the folder's). Set with the current
 * group, which works as root and as a user.
 */
class ReplacedFolderSpecialBitsTest {

    @TempDir
    Path dir;

    private static int mode(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    private Result runInto(Path out) throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), CliTest.GOOD);
        return CliTest.run("run", f.toString(), "--out", out.toString(), "-q");
    }

    private Path folderWithMode(String name, int mode) throws Exception {
        Path p = Files.createDirectory(dir.resolve(name));
        try {
            Files.setAttribute(p, "unix:mode", mode);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no unix:mode here");
        }
        Assumptions.assumeTrue(mode(p) == mode, "the file system keeps the bits");
        return p;
    }

    @Test
    void aStickyFolderStaysSticky() throws Exception {
        Path out = folderWithMode("sticky", 01777);
        Result r = runInto(out);
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("report.html")) || Files.list(out).findAny().isPresent());
        assertEquals(01777, mode(out), Integer.toOctalString(mode(out)));
        Result again = runInto(out); // its own report, replaced again
        assertEquals(0, again.code(), again.err());
        assertEquals(01777, mode(out), Integer.toOctalString(mode(out)));
    }

    @Test
    void aSetgidFolderKeepsItsBitAndItsFilesTakeItsGroup() throws Exception {
        Path out = folderWithMode("sg", 02770);
        var group = Files.readAttributes(out, PosixFileAttributes.class).group();
        Result r = runInto(out);
        assertEquals(0, r.code(), r.err());
        assertEquals(02770, mode(out), Integer.toOctalString(mode(out)));
        assertEquals(group, Files.readAttributes(out, PosixFileAttributes.class).group());
        try (var files = Files.list(out)) {
            for (Path p : files.toList()) {
                assertEquals(group, Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                        .group(), p.toString());
            }
        }
    }
}
