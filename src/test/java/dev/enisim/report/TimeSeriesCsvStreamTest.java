package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.Metric;
import dev.enisim.metrics.TimeSeries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * timeseries.csv was rendered as one String, then encoded, then written: up to four copies of the file in the heap at
 * once, each one array G1 must find a free run of regions for (CI ran out of memory writing quota-500's at its
 * estimate). It is now written as it is made, through a buffer, into the report's staging folder, with every guarantee
 * of a file written whole: the same bytes, its checksum in the marker, its room counted before anything is made.
 */
class TimeSeriesCsvStreamTest {

    @TempDir
    Path work;

    @AfterEach
    void reopen() {
        SafeOutput.reopenAfterCleanUp();
    }

    /** Three functions (one with a non-ASCII id, one with a comma) over {@code buckets} one-second buckets. */
    private static TimeSeries series(int buckets) {
        List<dev.enisim.metrics.Series> s = new ArrayList<>();
        for (String id : List.of("api", "wörker-λ-\uD83D\uDE00", "a,b")) {
            long[] v = new long[buckets];
            for (int b = 0; b < buckets; b++) {
                v[b] = (b * 7919L + id.length()) % 1000;
            }
            s.add(Metric.INVOCATIONS.series(Metric.Scope.FUNCTION, id, v));
        }
        return new TimeSeries(1_000_000, buckets, s);
    }

    /** What the sink was given: the bytes, and the largest single write. */
    private static final class Sink extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int largest;
        int writes;

        @Override
        public void write(int b) {
            bytes.write(b);
            largest = Math.max(largest, 1);
            writes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            largest = Math.max(largest, len);
            writes++;
        }
    }

    /**
     * Streamed, the file's bytes are the rendered text's, byte for byte, and reach the sink in pieces of a buffer's
     * size, never whole; their count, made without holding them, is theirs to the byte (a surrogate pair four bytes).
     */
    @Test
    void theFileStreamedIsTheRenderedOneAndItsCountIsExact() throws Exception {
        TimeSeries ts = series(20_000);
        byte[] rendered = TimeSeriesCsv.render(ts).getBytes(StandardCharsets.UTF_8);
        assertTrue(rendered.length > 1_000_000, "a file of " + rendered.length + " bytes");
        Sink sink = new Sink();
        TimeSeriesCsv.write(ts, sink);
        assertArrayEquals(rendered, sink.bytes.toByteArray());
        assertTrue(sink.largest <= 64 * 1024 && sink.writes > 10, "written in pieces: " + sink.writes
                + " writes, the largest " + sink.largest + " bytes");
        assertEquals(rendered.length, TimeSeriesCsv.bytes(ts));
        assertEquals(TimeSeriesCsv.render(series(3)).getBytes(StandardCharsets.UTF_8).length,
                TimeSeriesCsv.bytes(series(3)));
    }

    /**
     * A file written through {@link SafeOutput.Staging#write(String, SafeOutput.Content)} is on the disk as it is made
     * (its first bytes there before its last are made), and the marker lists its SHA-256, as for a file written whole.
     */
    @Test
    void aStreamedFileIsOnTheDiskAsItIsMadeAndSummedInTheMarker() throws Exception {
        byte[] piece = new byte[4096];
        java.util.Arrays.fill(piece, (byte) 'x');
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        long[] onDisk = {-1};
        try (SafeOutput.Staging s = SafeOutput.stage(Path.of("out"), work, 0)) {
            s.write("big.txt", out -> {
                for (int i = 0; i < 256; i++) { // 1 MiB
                    out.write(piece);
                    md.update(piece);
                    if (i == 128) {
                        onDisk[0] = stagedSize("big.txt");
                    }
                }
            });
            s.commit();
        }
        assertTrue(onDisk[0] >= 512 * 1024 - SafeOutput.BUFFER, "half the file made, " + onDisk[0]
                + " bytes of it on the disk");
        assertEquals(1024 * 1024, Files.size(work.resolve("out/big.txt")));
        String marker = Files.readString(work.resolve("out").resolve(SafeOutput.MARKER));
        assertTrue(marker.endsWith(HexFormat.of().formatHex(md.digest()) + "  big.txt\n"), marker);
        // the folder is enisim's by its marker: the next write replaces it
        SafeOutput.writeFolder(Path.of("out"), work, java.util.Map.of("a.txt", new byte[] {'a'}));
        assertEquals(List.of("a.txt"), List.of(work.resolve("out").toFile().list((d, n) -> !n.startsWith("."))));
    }

    private static void join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The size of {@code name} in the hidden folder being written beside {@code out}. */
    private long stagedSize(String name) throws IOException {
        try (Stream<Path> l = Files.list(work)) {
            Path temp = l.filter(p -> p.getFileName().toString().startsWith(".out.tmp-")).findFirst().orElseThrow();
            return Files.size(temp.resolve(name));
        }
    }

    /**
     * SIGINT or SIGTERM while a large file is streamed: the shutdown clean-up does not wait for the whole file (it
     * runs between two of its buffers: a write holding the guard for the whole stream would keep it waiting while the
     * file is made), the write fails at its next buffer, and the earlier report stays as it was. As when the file was
     * made first, then written: the clean-up ran while it was made.
     */
    @Test
    void aShutdownWhileAFileIsStreamedIsServedAtItsNextBuffer() throws Exception {
        SafeOutput.writeFolder(Path.of("out"), work, java.util.Map.of("summary.json", "{}\n".getBytes()));
        byte[] piece = new byte[SafeOutput.BUFFER];
        boolean[] cleanedUpAtOnce = {false};
        Thread[] hook = {null};
        IOException e;
        try (SafeOutput.Staging s = SafeOutput.stage(Path.of("out"), work, 0)) {
            e = assertThrows(IOException.class, () -> s.write("timeseries.csv", out -> {
                out.write(piece);
                out.write(piece);
                hook[0] = new Thread(SafeOutput::cleanUp);
                hook[0].start();
                join(hook[0], TimeUnit.SECONDS.toMillis(10));
                cleanedUpAtOnce[0] = !hook[0].isAlive();
                for (int i = 0; i < 64; i++) {
                    out.write(piece);
                }
            }));
        } finally {
            if (hook[0] != null) {
                join(hook[0], 0);
            }
        }
        assertTrue(cleanedUpAtOnce[0], "the clean-up ran while the file was being written");
        assertEquals("cannot write out: enisim is shutting down (SIGINT or SIGTERM): nothing more is written; the"
                + " earlier report in out was kept as it was", e.getMessage());
        assertEquals("{}\n", Files.readString(work.resolve("out/summary.json")), "the earlier report stays");
        try (Stream<Path> l = Files.list(work)) {
            assertEquals(List.of(work.resolve("out")), l.toList(), "no temporary folder left");
        }
        assertFalse(Files.exists(work.resolve("out/timeseries.csv")));
    }
}
