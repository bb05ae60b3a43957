package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.DiskSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The out-of-memory line of a run whose simulation finished and whose report's write ran out of memory ("the
 * simulation had finished; writing the report ran out of memory, and the earlier report in DIR was kept as it was")
 * was tested as a string only (a review of big runs, fiftieth pass). Here end to end, in-process: the write is made
 * to run out of memory part-way, its data files staged and its charts drawn, where it asks for the disk's room
 * before writing them (the {@link DiskSpace} seam throws the OutOfMemoryError there, as an allocation would: a real
 * heap too small for the report and large enough for the simulation is not reliably found, G1 at small heaps moving
 * the smallest heap a run fits in by several MiB from run to run). Exit 2, the one line, the earlier report byte for
 * byte, nothing left behind.
 */
class OutOfMemoryWritingReportTest extends InScratch {

    @AfterEach
    void restore() {
        DiskSpace.restore();
    }

    /** Runs out of memory once the report's temporary folder holds its data files; notes what it held then. */
    private AtomicReference<List<String>> outOfMemoryMidWrite() {
        AtomicReference<List<String>> staged = new AtomicReference<>();
        DiskSpace.set(place -> {
            try (Stream<Path> l = Files.list(s.work)) {
                Path temp = l.filter(p -> p.getFileName().toString().startsWith(".out.tmp-")).findFirst()
                        .orElse(null);
                if (temp != null) {
                    try (Stream<Path> f = Files.list(temp)) {
                        staged.set(f.map(p -> p.getFileName().toString()).sorted().toList());
                    }
                    throw new OutOfMemoryError("Java heap space");
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return 1L << 40;
        });
        return staged;
    }

    private static final String FINISHED = "the simulation had finished; writing the report ran out of memory, and ";

    @Test
    void theEarlierReportIsKeptAndSaidSo() throws Exception {
        Scratch.assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "out"));
        Map<String, String> before = s.snapshot();
        AtomicReference<List<String>> staged = outOfMemoryMidWrite();
        Scratch.Result r = s.run("run", "scenario.yaml", "-q", "--out", "out");
        Scratch.assertExit(2, r);
        assertTrue(staged.get() != null && staged.get().containsAll(List.of("summary.json", "timeseries.csv",
                "enis.csv", "narrative.txt")), "ran out part-way, its data files written: " + staged.get());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        String line = lines.get(0);
        assertTrue(line.startsWith("enisim: out of memory (Java's heap may grow to "), line);
        assertTrue(line.contains("; the run was estimated to need about "), line);
        assertTrue(line.contains("): " + FINISHED + "the earlier report in "
                + s.work.resolve("out") + " was kept as it was; a run keeps"), line);
        assertTrue(line.endsWith(" -jar enisim.jar ...)"), line);
        assertEquals(before, s.snapshot(), "the earlier report byte for byte, no temporary folder left");
    }

    @Test
    void withoutAnEarlierReportNothingIsWrittenAndSaidSo() throws Exception {
        Map<String, String> before = s.snapshot();
        outOfMemoryMidWrite();
        Scratch.Result r = s.run("run", "scenario.yaml", "-q", "--out", "out");
        Scratch.assertExit(2, r);
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("): " + FINISHED + "nothing was written to "
                + s.work.resolve("out") + "; a run keeps"), r.err());
        assertEquals(before, s.snapshot(), "nothing made");
    }
}
