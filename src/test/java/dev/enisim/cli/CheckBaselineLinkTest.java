package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --baseline LINK --update-baseline} followed the link (link -> /etc) and wrote its baselines there,
 * where {@code --out} and {@code --trace} refuse a symbolic link (r7, section 8): refused the same way, before any
 * run, nothing written; comparing through a link still reads it.
 */
class CheckBaselineLinkTest {

    @TempDir
    Path dir;

    @Test
    void updateBaselineRefusesALinkedFolder() throws Exception {
        Path f = Files.writeString(dir.resolve("small.yaml"), CheckCommandTest.SMALL + "expect:\n  - \"enis.peak == 1\"\n");
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), elsewhere);
        Result r = CliTest.run("check", f.toString(), "--baseline", link.toString(), "--update-baseline");
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("", r.out(), "nothing ran");
        assertTrue(r.err().contains("enisim: --baseline " + link + " is a symbolic link, which --update-baseline does"
                + " not write through; give the folder itself, or a new one"), r.err());
        try (var s = Files.list(elsewhere)) {
            assertEquals(0, s.count(), "nothing written where the link leads");
        }

        // written into the folder itself, then compared through the link: reading is not refused
        Result w = CliTest.run("check", f.toString(), "--baseline", elsewhere.toString(), "--update-baseline");
        assertEquals(0, w.code(), w.out() + w.err());
        Result c = CliTest.run("check", f.toString(), "--baseline", link.toString());
        assertEquals(0, c.code(), c.out() + c.err());
        assertTrue(c.out().contains("PASS  baseline " + link + "/small.summary.json matches"), c.out());
    }
}
