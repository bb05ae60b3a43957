package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A security review planted the lock file of a sweep as a link ({@code .out.progress.lock -> /proc/self/environ}):
 * enisim followed it and printed the whole environment, a CI token in it, as the "process" holding the lock; a link
 * to {@code /dev/zero} ran it out of memory, one to a pipe hung it and its shutdown. A lock enisim did not write is
 * refused, never followed, read or quoted.
 */
class ProgressLockFileTest {

    @TempDir
    Path dir;

    private static final String SECRET = "MY_CI_TOKEN=ghp_SECRET123";

    private ExperimentException refused(Path progress) {
        List<String> notes = new ArrayList<>();
        ExperimentException e = assertThrows(ExperimentException.class, () -> ProgressLock.take(progress,
                notes::add));
        assertTrue(e.getMessage().contains("is not one enisim wrote"), e.getMessage());
        assertFalse(e.getMessage().contains("ghp_"), e.getMessage());
        assertEquals(List.of(), notes, "not taken over");
        return e;
    }

    @Test
    void aLinkIsNeitherFollowedNorQuoted() throws Exception {
        Path secret = Files.writeString(dir.resolve("creds"), "123@" + SECRET + "\n");
        Path progress = dir.resolve(".out.progress.jsonl");
        Path lock = ProgressLock.of(progress);
        Files.createSymbolicLink(lock, secret);
        refused(progress);
        assertTrue(Files.isSymbolicLink(lock), "the link is left as it was");
        assertEquals("123@" + SECRET + "\n", Files.readString(secret));
        ProgressLock.release(progress);
        assertTrue(Files.isSymbolicLink(lock), "nor removed at shutdown");
        Files.delete(lock);
        Files.createSymbolicLink(lock, Path.of("/dev/zero"));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refused(progress));
    }

    @Test
    void aFileNotOfTheLocksFormIsNotQuoted() throws Exception {
        Path progress = dir.resolve(".out.progress.jsonl");
        Path lock = ProgressLock.of(progress);
        Files.writeString(lock, SECRET + "\u0000SHELL=/bin/sh\n");
        refused(progress);
        Files.writeString(lock, "1@" + "a".repeat(400)); // too long for a lock: not read whole
        refused(progress);
        Files.delete(lock);
        Files.createDirectory(lock);
        refused(progress);
        Files.delete(lock);
        Files.writeString(lock, "12@another-host\n"); // enisim's own form still names its holder
        ExperimentException held = assertThrows(ExperimentException.class, () -> ProgressLock.take(progress,
                line -> { }));
        assertTrue(held.getMessage().startsWith("another enisim (process 12 on another-host)"), held.getMessage());
    }

    @Test
    void aPipeDoesNotHangTheRunNorItsShutdown() throws Exception {
        Path progress = dir.resolve(".out.progress.jsonl");
        Path lock = ProgressLock.of(progress);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", lock.toString()).start();
        } catch (java.io.IOException none) {
            mkfifo = null;
        }
        assumeTrue(mkfifo != null && mkfifo.waitFor() == 0, "mkfifo is needed");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refused(progress));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ProgressLock.release(progress));
        assertTrue(Files.exists(lock, java.nio.file.LinkOption.NOFOLLOW_LINKS), "left as it was");
    }

    @Test
    void itsOwnLockIsStillGivenUp() throws Exception {
        Path progress = dir.resolve(".out.progress.jsonl");
        try (ProgressLock lock = ProgressLock.take(progress, line -> { })) {
            assertEquals(ProgressLock.self() + "\n", Files.readString(ProgressLock.of(progress)));
        }
        assertFalse(Files.exists(ProgressLock.of(progress)));
        ProgressLock.take(progress, line -> { });
        ProgressLock.release(progress);
        assertFalse(Files.exists(ProgressLock.of(progress)));
    }
}
