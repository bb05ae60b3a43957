package dev.enisim.report;

import static dev.enisim.TestFiles.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SafeOutput} called directly: which folders and files it agrees to replace and which it refuses (with the
 * reason it gives), what a write leaves behind (nothing but the output), what a write that is abandoned leaves
 * (nothing at all, the folders it made included), and which leftovers of a killed run it sweeps (only its own, of a
 * process that is gone).
 */
class SafeOutputTest {

    /** Beyond Linux's largest process id: never a live process. */
    private static final long GONE = 99_999_999L;

    @TempDir
    Path work;

    private String refusal(Path dir) {
        return assertThrows(OutputRefused.class, () -> SafeOutput.checkFolder(dir, work)).getMessage();
    }

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theRootTheWorkingFolderALinkAndAFileAreRefused() throws Exception {
        assertTrue(refusal(Path.of("/")).startsWith("/ is the root folder"));
        assertTrue(refusal(Path.of(".")).startsWith(". is the working folder or holds it"));
        assertTrue(refusal(work.getParent()).startsWith(work.getParent() + " is the working folder or holds it"));
        Files.createDirectories(work.resolve("real"));
        Files.createSymbolicLink(work.resolve("link"), work.resolve("real"));
        assertEquals("link is a symbolic link; give the folder itself, or a new one", refusal(Path.of("link")));
        Files.writeString(work.resolve("notes.txt"), "mine");
        assertTrue(refusal(Path.of("notes.txt")).startsWith("notes.txt is a file, not a folder enisim wrote"));
        SafeOutput.checkFolder(Path.of("new/deeper"), work);
        assertFalse(Files.exists(work.resolve("new")), "checking writes nothing");
    }

    /** work/marked: enisim's marker listing summary.json and charts/a.svg, summary.json written, charts/ empty. */
    private Path markedFolder() throws Exception {
        Path marked = Files.createDirectories(work.resolve("marked"));
        Map<String, byte[]> written = new LinkedHashMap<>();
        written.put("summary.json", text("{}"));
        written.put("charts/a.svg", text("<svg/>"));
        Files.writeString(marked.resolve(SafeOutput.MARKER), SafeOutput.markerText(written));
        Files.writeString(marked.resolve("summary.json"), "{}");
        Files.createDirectories(marked.resolve("charts"));
        return marked;
    }

    @Test
    void aFolderIsOursOnlyIfItsMarkerListsEveryFileOrItIsEmpty() throws Exception {
        Path foreign = Files.createDirectories(work.resolve("foreign"));
        Files.writeString(foreign.resolve("thesis.tex"), "mine");
        assertEquals("foreign is not a folder enisim wrote (no .enisim-output file, and it holds thesis.tex), and enisim"
                + " replaces its output folder as a whole; give a new folder for the output, or empty or remove this"
                + " one yourself", refusal(Path.of("foreign")));

        Path marked = markedFolder();
        SafeOutput.checkFolder(Path.of("marked"), work); // enisim's charts/, emptied: nothing to lose
        // an empty folder enisim did not make is the user's (a place made for notes): it was replaced with the rest
        Files.createDirectories(marked.resolve("notes"));
        assertTrue(refusal(Path.of("marked")).contains("(it holds the folder notes/, which enisim did not make there)"),
                refusal(Path.of("marked")));
        Files.delete(marked.resolve("notes"));
        Files.writeString(marked.resolve("charts/mine.png"), "x");
        assertTrue(refusal(Path.of("marked")).contains("(it holds charts/mine.png, which enisim did not write there)"));

        // names alone prove nothing: a user's folder named like a report (a test tool's results) is not ours
        Path old = Files.createDirectories(work.resolve("old"));
        Files.writeString(old.resolve("summary.json"), "{}");
        Files.createDirectories(old.resolve("charts"));
        Files.writeString(old.resolve("charts/enis.png"), "x");
        assertTrue(refusal(Path.of("old")).contains("(no .enisim-output file, and it holds "), refusal(Path.of("old")));

        Path noProof = Files.createDirectories(work.resolve("noproof"));
        Files.writeString(noProof.resolve("report.html"), "<html>");
        assertTrue(refusal(Path.of("noproof")).contains("(no .enisim-output file, and it holds report.html)"));

        Files.createDirectories(work.resolve("empty"));
        SafeOutput.checkFolder(Path.of("empty"), work);
    }

    /**
     * A mount point cannot be replaced by a rename: said so, with a folder inside it to give instead (/dev/shm, a
     * tmpfs mounted on most Linux hosts, takes files).
     */
    @Test
    void aMountPointIsRefusedWithAFolderInsideItToGive() throws Exception {
        Path shm = Path.of("/dev/shm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shm) && !Files.readAttributes(shm, "unix:dev")
                .get("dev").equals(Files.readAttributes(Path.of("/dev"), "unix:dev").get("dev")), "/dev/shm is a mount here");
        OutputRefused e = assertThrows(OutputRefused.class, () -> SafeOutput.checkFolder(shm, work));
        assertEquals("/dev/shm is a mount point, and enisim replaces its output folder as a whole (written beside it,"
                + " then moved into place), which a mount point cannot be; give a folder inside it, e.g."
                + " /dev/shm/report", e.getMessage());
    }

    /**
     * /proc is a mount point too, but a folder inside it takes no file either: the kernel's file system is said, not
     * the mount point's advice ("give a folder inside it, e.g. /proc/report", which a security review found wrong).
     */
    @Test
    void procIsRefusedAsTheKernelsFileSystemNotWithAFolderInsideIt() throws Exception {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc)
                && "proc".equals(Files.getFileStore(proc).type()), "/proc is the kernel's proc file system here");
        OutputRefused e = assertThrows(OutputRefused.class, () -> SafeOutput.checkFolder(proc, work));
        assertEquals("/proc is on the kernel's proc file system, which takes no files; give a path in a folder you may"
                + " write", e.getMessage());
    }

    /** A name too long for the hidden temporary sibling is told so, not failed as "File name too long" half-way. */
    @Test
    void aNameTooLongForTheTemporarySiblingIsRefusedSayingHowLong() {
        String longName = "a".repeat(250);
        OutputRefused e = assertThrows(OutputRefused.class, () -> SafeOutput.checkFolder(Path.of(longName), work));
        assertTrue(e.getMessage().contains(": a name of at most ") && e.getMessage().contains("(it has 250)"),
                e.getMessage());
        assertThrows(OutputRefused.class, () -> SafeOutput.checkFile(Path.of(longName + ".json"), work, null));
        SafeOutput.checkFolder(Path.of("a".repeat(200)), work); // fits with its sibling's name around it
    }

    /** An empty folder the user made private is used, and stays private: the report does not take the umask's. */
    @Test
    void aPrivateEmptyFolderKeepsItsPermissions() throws Exception {
        Path mine = Files.createDirectories(work.resolve("private"));
        java.util.Set<java.nio.file.attribute.PosixFilePermission> owner = java.nio.file.attribute.PosixFilePermissions
                .fromString("rwx------");
        Files.setPosixFilePermissions(mine, owner);
        SafeOutput.writeFolder(Path.of("private"), work, Map.of("summary.json", text("{}")));
        assertEquals(owner, Files.getPosixFilePermissions(mine));
        assertEquals("{}", Files.readString(mine.resolve("summary.json")));
        SafeOutput.writeFolder(Path.of("private"), work, Map.of("summary.json", text("{\"n\": 2}")));
        assertEquals(owner, Files.getPosixFilePermissions(mine), "and when enisim replaces its own report there");
    }

    @Test
    void aFolderIsWrittenWholeAndReplacedWholeLeavingNothingElse() throws Exception {
        Map<String, byte[]> first = new LinkedHashMap<>();
        first.put("summary.json", text("{}"));
        first.put("charts/a.png", text("a"));
        List<Path> written = SafeOutput.writeFolder(Path.of("reports/r"), work, first);
        Path r = work.resolve("reports/r");
        assertEquals(List.of(r.resolve("summary.json"), r.resolve("charts/a.png")), written);
        assertEquals(List.of("r"), names(work.resolve("reports")), "no temporary sibling left");
        assertEquals(List.of(SafeOutput.MARKER, "charts", "summary.json"), names(r));
        String marker = Files.readString(r.resolve(SafeOutput.MARKER));
        assertEquals(SafeOutput.MARKER_HEADER
                + "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a  summary.json\n"
                + "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  charts/a.png\n", marker,
                "each file with its SHA-256, as sha256sum prints it");

        SafeOutput.writeFolder(Path.of("reports/r"), work, Map.of("summary.json", text("{\"n\": 2}")));
        assertEquals(List.of(SafeOutput.MARKER, "summary.json"), names(r), "the earlier output replaced as a whole");
        assertEquals("{\"n\": 2}", Files.readString(r.resolve("summary.json")));
        assertEquals(List.of("r"), names(work.resolve("reports")), "the earlier folder, moved aside, is gone too");
    }

    @Test
    void anAbandonedFolderLeavesNothingNotEvenTheFoldersMadeForIt() throws Exception {
        try (SafeOutput.Staging s = SafeOutput.stage(Path.of("a/b/c"), work)) {
            s.write("x.txt", text("x"));
            assertEquals(work.resolve("a/b/c"), s.target());
            assertTrue(Files.isDirectory(work.resolve("a/b")), "the parents exist while it is written");
        }
        assertFalse(Files.exists(work.resolve("a")), "closed without commit: the folders made for it removed");

        Files.createDirectories(work.resolve("kept"));
        try (SafeOutput.Staging s = SafeOutput.stage(Path.of("kept/out"), work)) {
            s.write("x.txt", text("x"));
        }
        assertEquals(List.of(), names(work.resolve("kept")), "a folder that was there stays, empty as it was");
    }

    @Test
    void aNameOutsideTheFolderOrTheMarkerItselfIsNotWritten() throws Exception {
        try (SafeOutput.Staging s = SafeOutput.stage(Path.of("out"), work)) {
            for (String bad : List.of("", "../escape.txt", ".", "sub/../../escape.txt", SafeOutput.MARKER)) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.write(bad,
                        text("x")));
                assertEquals("not a file name inside the output folder: '" + bad + "'", e.getMessage());
            }
            s.write("sub/../inside.txt", text("x"));
            s.commit();
        }
        assertEquals(List.of(SafeOutput.MARKER, "inside.txt"), names(work.resolve("out")));
        assertFalse(Files.exists(work.resolve("escape.txt")));
    }

    @Test
    void aFileIsReplacedOnlyWhenItLooksLikeOurs() throws Exception {
        Path f = SafeOutput.writeFile(Path.of("dir/result.json"), work, "\"enisim\"", text("{\"enisim\": 1}"));
        assertEquals(work.resolve("dir/result.json"), f);
        SafeOutput.writeFile(Path.of("dir/result.json"), work, "\"enisim\"", text("{\"enisim\": 2}"));
        assertEquals("{\"enisim\": 2}", Files.readString(f));
        assertEquals(List.of("result.json"), names(work.resolve("dir")), "no temporary sibling left");

        Files.writeString(work.resolve("mine.json"), "{\"other\": 1}");
        OutputRefused r = assertThrows(OutputRefused.class, () -> SafeOutput.writeFile(Path.of("mine.json"), work,
                "\"enisim\"", text("{}")));
        assertEquals("mine.json exists and does not look like a file enisim wrote (enisim's mark is not near its start);"
                + " enisim will not overwrite it. Give a new file name, or remove it yourself", r.getMessage());
        assertEquals("{\"other\": 1}", Files.readString(work.resolve("mine.json")), "untouched");

        Files.writeString(work.resolve("late.csv"), "data\n# enisim\n");
        OutputRefused start = assertThrows(OutputRefused.class, () -> SafeOutput.writeFile(Path.of("late.csv"), work,
                "# enisim", true, text("# enisim\n")));
        assertTrue(start.getMessage().contains("(it does not begin as enisim's files of this kind do)"),
                start.getMessage());
        SafeOutput.writeFile(Path.of("late.csv"), work, "# enisim", false, text("# enisim\nnew\n"));
        assertEquals("# enisim\nnew\n", Files.readString(work.resolve("late.csv")), "held anywhere: ours");

        SafeOutput.writeFile(Path.of("named.txt"), work, null, text("1"));
        SafeOutput.writeFile(Path.of("named.txt"), work, null, text("2"));
        assertEquals("2", Files.readString(work.resolve("named.txt")), "no signature: the file the user named");

        Files.createDirectories(work.resolve("folder"));
        assertEquals("folder is a folder; give a file name", assertThrows(OutputRefused.class,
                () -> SafeOutput.checkFile(Path.of("folder"), work, null)).getMessage());
        Files.createSymbolicLink(work.resolve("flink"), work.resolve("named.txt"));
        assertEquals("flink is a symbolic link; give the file itself, or a new name", assertThrows(
                OutputRefused.class, () -> SafeOutput.checkFile(Path.of("flink"), work, null)).getMessage());
    }

    @Test
    void anAbandonedFileLeavesNoFolderBehind() throws Exception {
        Files.writeString(work.resolve("blocker"), "a file where a folder is needed");
        IOException e = assertThrows(IOException.class, () -> SafeOutput.writeFile(Path.of("blocker/x/out.txt"), work,
                null, text("x")));
        assertTrue(e.getMessage().startsWith("cannot write blocker/x/out.txt: "), e.getMessage());
        assertEquals(List.of("blocker"), names(work));
    }

    @Test
    void aKilledRunsLeftoversAreSweptOnlyIfTheyAreOursAndTheirProcessIsGone() throws Exception {
        Path deadTemp = Files.createDirectories(work.resolve(".out.tmp-" + GONE + "-1"));
        Files.writeString(deadTemp.resolve(SafeOutput.MARKER), SafeOutput.MARKER_HEADER + "summary.json\n");
        Files.writeString(deadTemp.resolve("summary.json"), "{\"half"); // begun, then killed
        Path liveTemp = Files.createDirectories(work.resolve(".out.tmp-" + ProcessHandle.current().pid() + "-7"));
        Path foreignTemp = Files.createDirectories(work.resolve(".out.tmp-" + GONE + "-2"));
        Files.writeString(foreignTemp.resolve("thesis.tex"), "not ours: no marker");
        Path emptyTemp = Files.createDirectories(work.resolve(".out.tmp-" + GONE + "-3"));
        Path fileTemp = Files.writeString(work.resolve(".out.tmp-" + GONE + "-4"), "half a file");
        Path otherName = Files.createDirectories(work.resolve(".other.tmp-" + GONE + "-1"));
        Path notOurPattern = Files.writeString(work.resolve(".out.backup"), "x");
        Path movedAside = Files.createDirectories(work.resolve(".out.old-" + GONE + "-5"));
        Files.writeString(movedAside.resolve(SafeOutput.MARKER), SafeOutput.markerText(Map.of("summary.json",
                text("{\"put\": \"back\"}"))));
        Files.writeString(movedAside.resolve("summary.json"), "{\"put\": \"back\"}");

        Path usersFile = Files.writeString(work.resolve(".out.old-" + GONE + "-8"), "a user's file, named so");

        SafeOutput.sweepStale(work, "out", true); // "out" an output folder: its leftovers are folders

        assertFalse(Files.exists(deadTemp), "ours, its process gone");
        assertFalse(Files.exists(emptyTemp), "empty: nothing to lose");
        assertTrue(Files.exists(fileTemp), "a file is no leftover of a folder output");
        assertEquals("a user's file, named so", Files.readString(usersFile), "not moved back as a report: a file");
        assertTrue(Files.exists(liveTemp), "a live process's (this one's): still being written");
        assertTrue(Files.exists(foreignTemp), "a folder with our name's shape but no marker: not ours");
        assertTrue(Files.exists(otherName), "another output's");
        assertTrue(Files.exists(notOurPattern));
        assertEquals("{\"put\": \"back\"}", Files.readString(work.resolve("out/summary.json")),
                "a report moved aside by a killed run is put back when nothing took its place");

        Path again = Files.createDirectories(work.resolve(".out.old-" + GONE + "-6"));
        Files.writeString(again.resolve(SafeOutput.MARKER), SafeOutput.MARKER_HEADER);
        SafeOutput.sweepStale(work, "out", true);
        assertFalse(Files.exists(again), "something took its place: the old one removed");
        assertEquals("{\"put\": \"back\"}", Files.readString(work.resolve("out/summary.json")));

        SafeOutput.sweepStale(work, "out", false); // "out" a single file: its leftovers are files
        assertFalse(Files.exists(fileTemp), "a temporary file of a process gone");
        assertTrue(Files.exists(foreignTemp) && Files.exists(liveTemp), "folders are no leftovers of a file");
        assertEquals("a user's file, named so", Files.readString(usersFile), "a file is never moved aside: not ours");
    }

    @Test
    void anEnvironmentFailureIsOneLineSayingWhatAndWhere() {
        assertEquals("no such file or folder: /x", SafeOutput.reason(new NoSuchFileException("/x")));
        assertEquals("permission denied: /y", SafeOutput.reason(new AccessDeniedException("/y")));
        assertEquals("already exists: /z", SafeOutput.reason(new FileAlreadyExistsException("/z")));
        assertEquals("No space left on device: /d", SafeOutput.reason(new FileSystemException("/d", null,
                "No space left on device")));
        assertEquals("FileSystemException", SafeOutput.reason(new FileSystemException(null)));
        assertEquals("first line", SafeOutput.reason(new IOException("first line\nsecond line")));
        assertEquals("IOException", SafeOutput.reason(new IOException((String) null)));
    }

    /**
     * A marker is no proof by itself (a safety review): one planted in a user's folder listing the user's files, one
     * without enisim's header, a listed file the user changed since, a link put in place of a listed file: each is
     * refused and left as it was.
     */
    @Test
    void aMarkerProvesAFolderOursOnlyWithTheChecksumsOfWhatEnisimWrote() throws Exception {
        Path planted = Files.createDirectories(work.resolve("planted"));
        Files.writeString(planted.resolve("notes.txt"), "mine");
        Files.writeString(planted.resolve("summary.json"), "{}");
        Files.writeString(planted.resolve(SafeOutput.MARKER), SafeOutput.MARKER_HEADER + "notes.txt\nsummary.json\n");
        assertTrue(refusal(Path.of("planted")).contains("lists notes.txt without the checksum enisim writes"),
                refusal(Path.of("planted")));
        Files.writeString(planted.resolve(SafeOutput.MARKER), "summary.json\nnotes.txt\n");
        assertTrue(refusal(Path.of("planted")).contains("does not begin with enisim's header"),
                refusal(Path.of("planted")));
        assertEquals("mine", Files.readString(planted.resolve("notes.txt")));

        SafeOutput.writeFolder(Path.of("mine"), work, Map.of("report.html", text("<html>enisim's</html>")));
        Path mine = work.resolve("mine");
        Files.writeString(mine.resolve("report.html"), "<html>enisim's</html><!-- my notes -->");
        assertTrue(refusal(Path.of("mine")).contains("its report.html was changed since enisim wrote it"),
                refusal(Path.of("mine")));

        SafeOutput.writeFolder(Path.of("linked"), work, Map.of("summary.json", text("{}")));
        Path linked = work.resolve("linked");
        Files.delete(linked.resolve("summary.json"));
        Path target = Files.writeString(work.resolve("elsewhere.json"), "{}");
        Files.createSymbolicLink(linked.resolve("summary.json"), target);
        assertTrue(refusal(Path.of("linked")).contains("its summary.json is no longer the file enisim wrote"),
                refusal(Path.of("linked")));
        assertTrue(Files.isSymbolicLink(linked.resolve("summary.json")), "the user's link is left");

    }

    /**
     * A folder that is not enisim's is refused at its first foreign entry at the top, named as that entry: the whole
     * tree was walked first (a security review, fifty-ninth pass: {@code --out /usr} took 20 s and named a file deep
     * inside, {@code --out ~} ".m2/repository/javax/annotation/...jar").
     */
    @Test
    void aForeignFolderIsRefusedAtItsFirstEntryAtTheTopNotAFileDeepInside() throws Exception {
        Path home = Files.createDirectories(work.resolve("home/.m2/repository/javax/annotation"));
        Files.writeString(home.resolve("api.jar"), "x");
        assertTrue(refusal(Path.of("home")).contains("(no .enisim-output file, and it holds .m2/), and enisim"),
                refusal(Path.of("home")));
        // a folder of enisim's with a foreign folder beside its own: that folder named, not a file in it
        Path marked = markedFolder();
        Files.writeString(marked.resolve("charts/a.svg"), "<svg/>");
        SafeOutput.checkFolder(Path.of("marked"), work); // enisim's, as it wrote it
        Files.createDirectories(marked.resolve("notes/2026/december"));
        Files.writeString(marked.resolve("notes/2026/december/plan.txt"), "mine");
        assertTrue(refusal(Path.of("marked")).contains("(it holds the folder notes/, which enisim did not make there)"),
                refusal(Path.of("marked")));
        // a leftover named as a killed run's with such a folder is not swept either
        Path leftover = Files.createDirectories(work.resolve(".marked.tmp-" + GONE + "-1"));
        Files.writeString(leftover.resolve(SafeOutput.MARKER), SafeOutput.MARKER_HEADER);
        Files.createDirectories(leftover.resolve("notes/deep"));
        Files.writeString(leftover.resolve("notes/deep/plan.txt"), "mine");
        SafeOutput.sweepStale(work, "marked", true);
        assertEquals("mine", Files.readString(leftover.resolve("notes/deep/plan.txt")));
    }

    /**
     * A folder inside a foreign folder that cannot be read does not turn the refusal into "cannot list it": the
     * first entry at the top is named (a user's test: root reads any folder, so it is skipped under root).
     */
    @Test
    void anUnreadableFolderInsideAForeignFolderDoesNotHideItsFirstEntry() throws Exception {
        Path foreign = Files.createDirectories(work.resolve("foreign/private"));
        Files.writeString(foreign.resolve("key"), "k");
        Files.setPosixFilePermissions(foreign, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(foreign), "root reads any folder");
            assertTrue(refusal(Path.of("foreign")).contains("(no .enisim-output file, and it holds private/)"),
                    refusal(Path.of("foreign")));
        } finally {
            Files.setPosixFilePermissions(foreign, java.nio.file.attribute.PosixFilePermissions.fromString(
                    "rwx------"));
        }
    }

    /** A folder named as a killed run's leftover, with a marker, but holding a file the marker does not list. */
    @Test
    void aLeftoverIsSweptOnlyIfItsMarkerListsEverythingInIt() throws Exception {
        Path named = Files.createDirectories(work.resolve(".results.tmp-" + GONE + "-1"));
        Files.writeString(named.resolve(SafeOutput.MARKER), SafeOutput.MARKER_HEADER);
        Files.writeString(named.resolve("thesis.doc"), "a year of work");
        Path aside = Files.createDirectories(work.resolve(".results.old-" + GONE + "-2"));
        Files.writeString(aside.resolve(SafeOutput.MARKER), SafeOutput.MARKER_HEADER + "summary.json\n");
        Files.writeString(aside.resolve("summary.json"), "{} and the user's edits"); // no checksum: not a report of ours
        Files.createDirectories(work.resolve("results"));
        SafeOutput.sweepStale(work, "results", true);
        assertEquals("a year of work", Files.readString(named.resolve("thesis.doc")));
        assertTrue(Files.exists(aside.resolve("summary.json")), "a moved-aside report must check out to be removed");
    }

    /**
     * A folder being written names each file as it is begun and adds its checksum once it is written, so a killed
     * run's leftover has at most its last file without one. A marker planted in a folder named as a leftover, naming
     * the user's files without checksums, had them swept (the last pass's leftover); now only the last file named may
     * lack its checksum, and every other must hold what its checksum says.
     */
    @Test
    void aLeftoversFilesAreKnownByTheirChecksumsButTheOneBeingWritten() throws Exception {
        try (SafeOutput.Staging st = SafeOutput.stage(Path.of("run"), work)) {
            st.write("summary.json", text("{}"));
            st.write("charts/a.svg", text("<svg/>"));
            try (Stream<Path> s = Files.list(work)) {
                Path temp = s.filter(p -> p.getFileName().toString().startsWith(".run.tmp-")).findFirst().orElseThrow();
                assertEquals(SafeOutput.MARKER_HEADER + "summary.json\n" + SafeOutput.markerText(Map.of("summary.json",
                        text("{}"))).substring(SafeOutput.MARKER_HEADER.length()) + "charts/a.svg\n"
                        + SafeOutput.markerText(Map.of("charts/a.svg", text("<svg/>")))
                        .substring(SafeOutput.MARKER_HEADER.length()), Files.readString(temp.resolve(SafeOutput.MARKER)));
            }
        }

        String summed = SafeOutput.markerText(Map.of("summary.json", text("{}"))).substring(
                SafeOutput.MARKER_HEADER.length());
        Path killed = Files.createDirectories(work.resolve(".out.tmp-" + GONE + "-1"));
        Files.writeString(killed.resolve(SafeOutput.MARKER), SafeOutput.MARKER_HEADER + "summary.json\n" + summed
                + "report.html\n");
        Files.writeString(killed.resolve("summary.json"), "{}");
        Files.writeString(killed.resolve("report.html"), "<html>half"); // the one being written
        Path planted = Files.createDirectories(work.resolve(".out.tmp-" + GONE + "-2"));
        Files.writeString(planted.resolve(SafeOutput.MARKER), SafeOutput.MARKER_HEADER + "thesis.tex\nnotes.txt\n");
        Files.writeString(planted.resolve("thesis.tex"), "a year of work");
        Files.writeString(planted.resolve("notes.txt"), "mine");
        Path changed = Files.createDirectories(work.resolve(".out.tmp-" + GONE + "-3"));
        Files.writeString(changed.resolve(SafeOutput.MARKER), SafeOutput.MARKER_HEADER + "summary.json\n" + summed);
        Files.writeString(changed.resolve("summary.json"), "{\"the user's\": 1}");
        SafeOutput.sweepStale(work, "out", true);
        assertFalse(Files.exists(killed), "a killed run's own: its files as summed, the last one half written");
        assertEquals("a year of work", Files.readString(planted.resolve("thesis.tex")),
                "two files named without checksums: not a marker enisim kept");
        assertEquals("{\"the user's\": 1}", Files.readString(changed.resolve("summary.json")),
                "a file that no longer holds what its checksum says");
    }

    /**
     * A single file enisim writes ends with its seal, the checksum of every byte above it, in the format's own
     * comment or (JSON) last member: the file stays valid, and a change anywhere in it, or a missing seal, is seen.
     */
    @Test
    void aSealedFileIsKnownWholeAndStaysValid() throws Exception {
        for (SafeOutput.Seal seal : List.of(SafeOutput.Seal.XML_COMMENT, SafeOutput.Seal.MARKDOWN)) {
            byte[] sealed = seal.apply(text("<doc>a</doc>"));
            String s = new String(sealed, StandardCharsets.UTF_8);
            assertTrue(s.startsWith("<doc>a</doc>\n" + seal.before()), s);
            assertTrue(s.endsWith(" -->\n"), s);
            assertTrue(seal.holds(sealed), s);
            assertFalse(seal.holds(text(s.replace("<doc>a", "<doc>b"))), "a change above the seal is seen");
            assertFalse(seal.holds(text(s + "more\n")), "text after the seal is seen");
            assertFalse(seal.holds(text("<doc>a</doc>\n")), "no seal");
        }
        assertTrue(new String(SafeOutput.Seal.MARKDOWN.apply(text("| a |\n")), StandardCharsets.UTF_8)
                .startsWith("| a |\n\n<!-- enisim sha256 "), "a blank line between the table and the comment");

        byte[] json = SafeOutput.Seal.JSON.apply(text("{\n  \"java\" : \"17\",\n  \"n\" : [ 1, 2 ]\n}\n"));
        com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals("17", tree.get("java").asText());
        assertEquals(2, tree.get("n").size());
        assertEquals(64, tree.get("enisimSha256").asText().length());
        assertTrue(SafeOutput.Seal.JSON.holds(json));
        String edited = new String(json, StandardCharsets.UTF_8).replace("1, 2", "1, 3");
        assertFalse(SafeOutput.Seal.JSON.holds(text(edited)));
    }

    @Test
    void aSealedMarkReplacesOnlyTheFileAsEnisimWroteIt() throws Exception {
        SafeOutput.Mark mark = SafeOutput.Mark.startingWith("| case |").sealedBy(SafeOutput.Seal.MARKDOWN);
        Path md = Path.of("table.md");
        SafeOutput.writeMarkedFile(md, work, mark, text("| case | x |\n"));
        SafeOutput.writeMarkedFile(md, work, mark, text("| case | y |\n")); // its own file: replaced
        String written = Files.readString(work.resolve(md));
        assertTrue(written.startsWith("| case | y |\n\n<!-- enisim sha256 "), written);

        String withNotes = written + "\nMy notes on the table.\n";
        Files.writeString(work.resolve(md), withNotes);
        String why = assertThrows(OutputRefused.class, () -> SafeOutput.writeMarkedFile(md, work, mark,
                text("| case | z |\n"))).getMessage();
        assertTrue(why.contains("(it lacks enisim's checksum line at its end: edited below it, or written by an enisim"
                + " from before checksums)"), why);
        assertEquals(withNotes, Files.readString(work.resolve(md)), "the user's notes are kept");
        String edited = written.replace("| case | y |", "| case | mine |"); // above the checksum line
        Files.writeString(work.resolve(md), edited);
        String changed = assertThrows(OutputRefused.class, () -> SafeOutput.writeMarkedFile(md, work, mark,
                text("| case | z |\n"))).getMessage();
        assertTrue(changed.contains("(it was changed since enisim wrote it: its last line, enisim's checksum of the"
                + " rest, no longer matches)"), changed);
        assertEquals(edited, Files.readString(work.resolve(md)), "the user's edit is kept");
    }

    /**
     * Files written as a set ({@code check --update-baseline}): every one replaced once all are written; one that may
     * not be replaced (a user's file among enisim's) refuses the whole set before anything is written, and no
     * temporary file is left.
     */
    @Test
    void filesWrittenTogetherAreAllReplacedOrNoneIs() throws Exception {
        SafeOutput.Mark mark = SafeOutput.Mark.startingWith("{\n  \"scenario\"");
        SafeOutput.writeFilesTogether(List.of(
                new SafeOutput.Planned(Path.of("base/a.json"), mark, text("{\n  \"scenario\" : \"a\" }\n")),
                new SafeOutput.Planned(Path.of("base/b.json"), mark, text("{\n  \"scenario\" : \"b\" }\n"))), work);
        assertEquals("{\n  \"scenario\" : \"a\" }\n", Files.readString(work.resolve("base/a.json")));
        SafeOutput.writeFilesTogether(List.of(
                new SafeOutput.Planned(Path.of("base/a.json"), mark, text("{\n  \"scenario\" : \"a2\" }\n")),
                new SafeOutput.Planned(Path.of("base/b.json"), mark, text("{\n  \"scenario\" : \"b2\" }\n"))), work);
        assertEquals("{\n  \"scenario\" : \"b2\" }\n", Files.readString(work.resolve("base/b.json")));

        Files.writeString(work.resolve("base/c.json"), "the user's own");
        assertThrows(OutputRefused.class, () -> SafeOutput.writeFilesTogether(List.of(
                new SafeOutput.Planned(Path.of("base/a.json"), mark, text("{\n  \"scenario\" : \"a3\" }\n")),
                new SafeOutput.Planned(Path.of("base/c.json"), mark, text("{\n  \"scenario\" : \"c\" }\n"))), work));
        assertEquals("{\n  \"scenario\" : \"a2\" }\n", Files.readString(work.resolve("base/a.json")), "untouched");
        assertEquals("the user's own", Files.readString(work.resolve("base/c.json")));
        try (Stream<Path> files = Files.list(work.resolve("base"))) {
            assertEquals(List.of("a.json", "b.json", "c.json"), files.map(f -> f.getFileName().toString()).sorted()
                    .toList(), "no temporary file left");
        }
    }
}
