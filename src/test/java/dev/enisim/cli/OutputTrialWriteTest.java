package dev.enisim.cli;

import static dev.enisim.TestFiles.chattr;
import static dev.enisim.TestFiles.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import dev.enisim.experiment.Experiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long commands ({@code sweep}, {@code sensitivity}, {@code run --replications N}) find an output folder they
 * cannot write before their first run, by a trial write, not after every point ran (a sweep of hours then failed
 * at the end, "cannot write out: Operation not permitted"). Run as root here, so permissions cannot show it: an
 * output folder made immutable ({@code chattr +i}: refused to root too; skipped where chattr is not available), a
 * link on the way that leads nowhere, a regular file on the way and a folder enisim did not write.
 */
class OutputTrialWriteTest {

    @TempDir
    Path dir;


    private String[] sweep(Path out) throws IOException {
        return new String[] {"sweep", EngineEquivalenceTest.scenario(dir).toString(), "--vary", "traffic=1,2,3",
            "--metric", "enis.peak", "--out", out.toString()};
    }

    private String[] sensitivity(Path out) throws IOException {
        return new String[] {"sensitivity", EngineEquivalenceTest.scenario(dir).toString(), "--method", "morris",
            "--samples", "2", "--metric", "enis.peak", "--vary", "traffic=0.5..2", "--out", out.toString()};
    }

    private String[] replications(Path out) throws IOException {
        return new String[] {"run", EngineEquivalenceTest.scenario(dir).toString(), "--replications", "2", "-q",
            "--out", out.toString()};
    }

    /** Refused in one line before any point ran: no progress line, no progress file, nothing new in {@code dir}. */
    private static void refusedBeforeAnyRun(Result r, Path out, String says) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("enisim: ") && r.err().strip().lines().count() == 1 && !r.err().contains("\tat "),
                r.err());
        assertTrue(r.err().contains(says), r.err());
        assertFalse(r.err().contains("points to run"), "no point started: " + r.err());
        assertFalse(Files.exists(Experiment.progressFile(out), java.nio.file.LinkOption.NOFOLLOW_LINKS),
                "no progress file: no point ran");
    }

    @Test
    void anImmutableOutputFolderIsRefusedBeforeTheFirstPoint() throws Exception {
        Path out = dir.resolve("out");
        Result first = CliTest.run(sweep(out));
        assertEquals(0, first.code(), first.err());
        Assumptions.assumeTrue(chattr("+i", out), "chattr +i is not available here");
        try {
            List<String> before = names(dir);
            for (String[] args : List.of(sweep(out), sensitivity(out), replications(out))) {
                Result r = CliTest.run(args);
                refusedBeforeAnyRun(r, out, "enisim: " + out + ": enisim cannot write in this folder, which it"
                        + " replaces as a whole (its files are deleted then): Operation not permitted: ");
                assertTrue(r.err().contains("said by a trial write before any run"), r.err());
                assertEquals(before, names(dir), args[0] + ": the trial left nothing behind");
            }
            // on Spark, before Spark starts (no Spark line: the refusal is the only line)
            String[] spark = EngineEquivalenceTest.concat(sweep(out), "--engine", "spark", "--spark-master",
                    "local[1]");
            refusedBeforeAnyRun(CliTest.run(spark), out, "said by a trial write before any run");
        } finally {
            chattr("-i", out);
        }
        Result again = CliTest.run(sweep(out));
        assertEquals(0, again.code(), "writable again, the same command writes it: " + again.err());
    }

    @Test
    void aParentFolderMadeImmutableIsRefusedBeforeTheFirstPoint() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("reports"));
        Path out = parent.resolve("new");
        Assumptions.assumeTrue(chattr("+i", parent), "chattr +i is not available here");
        try {
            for (String[] args : List.of(sweep(out), sensitivity(out), replications(out))) {
                refusedBeforeAnyRun(CliTest.run(args), out, out + ": cannot write into ");
            }
        } finally {
            chattr("-i", parent);
        }
        assertEquals(List.of(), names(parent));
    }

    @Test
    void aLinkOnTheWayThatLeadsNowhereIsRefusedBeforeTheFirstRun() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("results"), dir.resolve("gone/away"));
        Path out = link.resolve("x");
        for (String[] args : List.of(sweep(out), sensitivity(out), replications(out))) {
            refusedBeforeAnyRun(CliTest.run(args), out, "enisim: " + out + ": " + link + " is a symbolic link that"
                    + " leads nowhere (to a missing path, or in a loop), so no folder can be made there");
        }
        Path loop = Files.createSymbolicLink(dir.resolve("loop"), dir.resolve("loop"));
        refusedBeforeAnyRun(CliTest.run(replications(loop.resolve("x"))), loop.resolve("x"),
                loop + " is a symbolic link that leads nowhere");
        assertFalse(Files.exists(dir.resolve("gone")), "nothing made");
    }

    @Test
    void aFileOnTheWayAndAFolderEnisimDidNotWriteAreRefusedBeforeTheFirstRun() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine\n");
        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        Files.writeString(theirs.resolve("thesis.tex"), "mine\n");
        for (String[] args : List.of(sweep(file.resolve("x")), sensitivity(file.resolve("x")),
                replications(file.resolve("x")))) {
            refusedBeforeAnyRun(CliTest.run(args), file.resolve("x"), file + " is a file, not a folder");
        }
        for (String[] args : List.of(sweep(theirs), sensitivity(theirs), replications(theirs))) {
            refusedBeforeAnyRun(CliTest.run(args), theirs, theirs + " is not a folder enisim wrote");
        }
        assertEquals(List.of("thesis.tex"), names(theirs));
        assertEquals("mine\n", Files.readString(file));
    }

    @Test
    void aTrialFileLeftByAKilledRunIsNotTakenForTheUsers() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, CliTest.run(sweep(out)).code());
        // a run killed (SIGKILL) between making its trial file and removing it: a process long gone
        Files.createFile(out.resolve(".enisim-output.probe-2147483646-1"));
        Result r = CliTest.run(sweep(out));
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(out.resolve(".enisim-output.probe-2147483646-1")), "gone with the old folder");
        // one with something in it, or of a process still running, is not a trial file left behind
        Files.writeString(out.resolve(".enisim-output.probe-2147483646-1"), "mine");
        Result held = CliTest.run(sweep(out));
        assertEquals(2, held.code(), held.err());
        assertTrue(held.err().contains("which enisim did not write there"), held.err());
        Files.delete(out.resolve(".enisim-output.probe-2147483646-1"));
        Files.createFile(out.resolve(".enisim-output.probe-" + ProcessHandle.current().pid() + "-1"));
        assertEquals(2, CliTest.run(sweep(out)).code());
    }

    /**
     * A full disk (a child JVM whose file-size limit, ulimit -f 0, fails every write of a byte): {@code run
     * --replications} ran every replication, then failed writing ("cannot write o2: File too large").
     */
    @Test
    void aFullDiskIsFoundBeforeTheFirstRun() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        Path f = EngineEquivalenceTest.scenario(dir);
        Path out = dir.resolve("o2");
        String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("/bin/sh", "-c", "ulimit -f 0 && exec \"$0\" -XX:-UsePerfData -cp \"$1\" "
                + "dev.enisim.cli.Main run \"$2\" --replications 2 --out \"$3\"", jvm,
                System.getProperty("java.class.path"), f.toString(), out.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor(), text);
        assertEquals("enisim: " + out + ": enisim cannot write in " + dir + " (File too large), said by a trial"
                + " write before any run; give a folder you may write (not read-only, full or immutable)", text.strip());
        assertEquals(List.of("engines.yaml"), names(dir), "nothing left behind");
    }

    @Test
    void aSweepThatCanWriteLeavesNoTrialBehind() throws Exception {
        Path out = dir.resolve("reports/deep/out");
        Result r = CliTest.run(sweep(out));
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("engines.yaml", "reports"), names(dir));
        assertEquals(List.of("out"), names(dir.resolve("reports/deep")));
        Result again = CliTest.run(replications(out)); // replacing it: the trial file inside is gone too
        assertEquals(0, again.code(), again.err());
        assertEquals(List.of(".enisim-output", "summary-replication-0.json", "summary-replication-1.json",
                "summary.json"), names(out));
        assertEquals(List.of("out"), names(dir.resolve("reports/deep")));
    }
}
