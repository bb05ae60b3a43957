package dev.enisim.scenario;

import dev.enisim.workload.ArrivalSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a trace CSV into rows of (start, count), line by line (a trace of millions of lines is never held as
 * text), and reports the first bad line with its number as a problem at the trace's {@code file} field.
 *
 * <p>Both formats: blank lines and lines starting with {@code #} are skipped; a first line that does not start
 * with a digit is a header. A byte-order mark (as Windows tools write) is dropped, and a cell may be quoted
 * ({@code "12.5"}, as spreadsheets write): neither costs the first row. Times are seconds from the start of the run (decimals allowed), never negative.
 * {@code timestamps}: the time is the first column (further columns are ignored), one arrival per line, times
 * never going back; equal times become one row. {@code counts}: exactly {@code seconds,count}, a whole count >=
 * 0 for [seconds, seconds + interval), each row starting at least one interval after the previous one.
 */
final class TraceReader {

    /** Rows of one trace at most (16 bytes each in memory): 50 million, 800 MB; aggregate a longer one as counts. */
    static final int MAX_ROWS = 50_000_000;

    private static final class LineTooLong extends RuntimeException {
        LineTooLong() {
            super(null, null, false, false);
        }
    }

    /**
     * Passes characters through, throwing {@link LineTooLong} past {@link #MAX_LINE} characters without a line end:
     * a file of no line ends (3 GiB of one "line", a binary file) was read whole into one string, and ran out of
     * memory with a stack trace (a safety review).
     */
    private static final class LineBound extends java.io.FilterReader {
        static final int MAX_LINE = 64 * 1024;
        private int run;

        LineBound(java.io.Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c);
            return c;
        }

        @Override
        public int read(char[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = off; i < off + n; i++) {
                count(b[i]);
            }
            return n;
        }

        private void count(int c) {
            if (c == '\n' || c == '\r') {
                run = 0;
            } else if (c >= 0 && ++run > MAX_LINE) {
                throw new LineTooLong();
            }
        }
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** Times beyond this many seconds (about 285,000 years) do not fit in a long of microseconds. */
    private static final double MAX_SECONDS = 9e12;

    private final Path file;
    private final Fields at;
    private long[] starts = new long[64];
    private long[] counts = new long[64];
    private int rows;

    private TraceReader(Path file, Fields at) {
        this.file = file;
        this.at = at;
    }

    /**
     * The trace at {@code file}, in {@code format} ({@code timestamps} or {@code counts}, the latter with
     * {@code intervalMicros} > 0), or null with a problem recorded at {@code at.file}.
     */
    static ArrivalSpec.Trace read(Path file, String shownAs, Fields at, boolean counts, long intervalMicros,
            long fromMicros, long untilMicros) {
        TraceReader r = new TraceReader(file, at);
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            at.problem("file", "the trace " + file + " is not a regular file (a folder, a device or a pipe)");
            return null;
        }
        if (InputText.kernelFile(file)) {
            at.problem("file", "the trace " + file + " is one of the kernel's own files (" + InputText.KERNEL_FILES
                    + "); expected a CSV trace");
            return null;
        }
        return read(() -> Files.newBufferedReader(file), r, file, shownAs, at, counts, intervalMicros, fromMicros,
                untilMicros);
    }

    /** Opens a trace's text. */
    interface Opener {
        java.io.Reader open() throws IOException;
    }

    /**
     * The trace whose text is {@code shipped} (read by a Spark driver from {@code file} and sent to the executors,
     * which need no copy of it: {@link TraceFiles#shipped}), as {@link #read(Path, String, Fields, boolean, long,
     * long, long)} reads it from the file.
     */
    static ArrivalSpec.Trace read(String shipped, Path file, String shownAs, Fields at, boolean counts,
            long intervalMicros, long fromMicros, long untilMicros) {
        return read(() -> new java.io.StringReader(shipped), new TraceReader(file, at), file, shownAs, at, counts,
                intervalMicros, fromMicros, untilMicros);
    }

    private static ArrivalSpec.Trace read(Opener open, TraceReader r, Path file, String shownAs, Fields at,
            boolean counts, long intervalMicros, long fromMicros, long untilMicros) {
        try (BufferedReader in = new BufferedReader(new LineBound(open.open()))) {
            if (!r.parse(in, counts, intervalMicros)) {
                return null;
            }
        } catch (LineTooLong e) {
            at.problem("file", "the trace " + file + " has a line longer than " + LineBound.MAX_LINE / 1024 + " KiB"
                    + " (a trace is a CSV of short rows: is this the right file?)");
            return null;
        } catch (TooManyRows e) {
            at.problem("file", "the trace " + file + " has more than " + MAX_ROWS + " rows: aggregate it "
                    + "(format: counts, one row per interval)");
            return null;
        } catch (NoSuchFileException e) {
            at.problem("file", "trace file not found: " + file + " ('" + shownAs
                    + "', relative to the scenario's folder)");
            return null;
        } catch (java.nio.charset.CharacterCodingException e) {
            at.problem("file", "the trace " + file + " is not UTF-8 text (a binary file, or another encoding: save "
                    + "it as UTF-8 CSV)");
            return null;
        } catch (IOException e) {
            at.problem("file", "cannot read the trace " + file + " (" + InputText.reason(e) + ")");
            return null;
        }
        return new ArrivalSpec.Trace(Arrays.copyOf(r.starts, r.rows), Arrays.copyOf(r.counts, r.rows),
                counts ? intervalMicros : 0, 1.0, file.toString(), fromMicros, untilMicros);
    }

    private boolean parse(BufferedReader in, boolean countsFormat, long interval) throws IOException {
        String raw;
        int number = 0;
        long last = Long.MIN_VALUE;
        while ((raw = in.readLine()) != null) {
            number++;
            String line = (number == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
            if (line.isEmpty() || line.startsWith("#") || (number == 1 && !startsWithDigit(line))) {
                continue;
            }
            String[] cells = line.split(",", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = unquote(cells[i].strip());
            }
            if (countsFormat && cells.length != 2) {
                bad(number, "expected 'seconds,count', got " + quoted(line));
                continue;
            }
            String timeCell = cells[0].strip();
            long t = seconds(timeCell, number);
            if (t < 0) {
                continue;
            }
            if (!countsFormat) {
                if (t < last) {
                    // said, and read on from it: "1, 2, 100, 3, 4" is one line out of order, not three
                    bad(number, "times must not go back (" + timeCell + " s after " + last / 1e6 + " s)");
                    last = t;
                    continue;
                }
                if (rows > 0 && t == last) {
                    counts[rows - 1]++;
                } else {
                    add(t, 1);
                }
                last = t;
                continue;
            }
            long c = count(cells[1].strip(), number);
            if (c < 0) {
                continue;
            }
            if (c > Units.MAX_RATE_PER_SECOND * interval / 1e6) {
                bad(number, c + " arrivals in one interval of " + interval / 1e6 + " s is above "
                        + (long) Units.MAX_RATE_PER_SECOND + "/s, not physically meaningful for one function");
                continue;
            }
            if (rows > 0 && t < last + interval) {
                bad(number, t < last ? "rows must be in time order (" + timeCell + " s after " + last / 1e6
                        + " s)" : "rows overlap: " + timeCell + " s is less than one interval (" + interval / 1e6
                        + " s) after the previous row's " + last / 1e6 + " s");
                last = t; // read on from it, as for timestamps
                continue;
            }
            last = t;
            add(t, c);
        }
        if (badLines > SHOWN) {
            at.problem("file", file + ": " + (badLines - SHOWN) + " more bad line" + (badLines - SHOWN == 1 ? "" : "s")
                    + " after these " + SHOWN + " (" + badLines + " in all, the last at line " + lastBad + ")");
        }
        return badLines == 0;
    }

    /** Bad lines said one by one at most; the rest are counted in one more line. */
    static final int SHOWN = 10;
    /**
     * The characters of a line or cell quoted in a problem in full at most; a longer one shows its first
     * {@value #SHOWN_OF_LONG} characters and its length. A scenario may name any readable file as its trace, and a
     * bad line was quoted up to 40 characters into errors, the JUnit file and the step summary (an adversarial
     * review: ten lines of /etc/shadow, 16 characters of an AWS secret key): a time or count is short, so what is
     * wrong with one is said in full, and no more of a line than a few characters.
     */
    static final int QUOTED = 8;
    /** The characters shown of a longer line or cell. */
    static final int SHOWN_OF_LONG = 4;

    private int badLines;
    private int lastBad;

    /**
     * {@code text} quoted as a problem shows it: in full up to {@value #QUOTED} characters (a number's up to 24),
     * else its first
     * {@value #SHOWN_OF_LONG} characters and its length (a trace of one long line, a JSON file given as a trace, was
     * quoted whole, up to 64 KiB in one line; then 40 characters of any file a scenario named).
     */
    static String quoted(String text) {
        return text.length() <= QUOTED || (text.length() <= 24 && text.matches("[0-9.eE+-]+")) ? "'" + text + "'"
                : "'" + text.substring(0, text.offsetByCodePoints(0, Math.min(SHOWN_OF_LONG,
                        text.codePointCount(0, text.length())))) + "...' (" + text.length() + " characters)";
    }

    private void add(long start, long count) {
        if (rows == MAX_ROWS) {
            throw new TooManyRows();
        }
        if (rows == starts.length) {
            starts = Arrays.copyOf(starts, rows * 2);
            counts = Arrays.copyOf(counts, rows * 2);
        }
        starts[rows] = start;
        counts[rows++] = count;
    }

    /** {@code "12.5"} -> {@code 12.5}: spreadsheets quote cells. */
    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                ? cell.substring(1, cell.length() - 1).strip() : cell;
    }

    private static boolean startsWithDigit(String line) {
        String s = unquote(line.split(",", 2)[0].strip());
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        // a sign counts, so that a negative first time is reported rather than taken for a header
        return Character.isDigit(c) || c == '.' || c == '-' || c == '+';
    }

    /** Seconds as microseconds, or -1 with a problem. */
    private long seconds(String cell, int line) {
        double s;
        try {
            s = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            bad(line, "expected a time in seconds, got " + quoted(cell));
            return -1;
        }
        if (s < 0) {
            bad(line, "a time must not be negative: " + cell);
            return -1;
        }
        // parseDouble also takes NaN, Infinity and hexadecimal: none is a time in seconds
        if (s > MAX_SECONDS && Double.isFinite(s) && Character.isDigit(cell.charAt(cell.length() - 1))) {
            bad(line, "a time is at most 9e12 seconds (it must fit in microseconds), got " + quoted(cell));
            return -1;
        }
        if (!(s <= MAX_SECONDS) || !Character.isDigit(cell.charAt(cell.length() - 1))) {
            bad(line, "expected a time in seconds, got " + quoted(cell));
            return -1;
        }
        return Math.round(s * 1e6);
    }

    /** A whole count in [0, MAX_COUNT], or -1 with a problem. */
    private long count(String cell, int line) {
        long c;
        try {
            c = Long.parseLong(cell);
        } catch (NumberFormatException e) {
            bad(line, "expected a whole count, got " + quoted(cell));
            return -1;
        }
        if (c < 0) {
            bad(line, "a count cannot be negative: " + c);
            return -1;
        }
        if (c > ArrivalSpec.Trace.MAX_COUNT) {
            bad(line, "a count above " + ArrivalSpec.Trace.MAX_COUNT + " in one row: " + c);
            return -1;
        }
        return c;
    }

    /** A bad line: said while fewer than {@link #SHOWN} have been, counted after. */
    private void bad(int line, String message) {
        if (++badLines <= SHOWN) {
            at.problem("file", file + " line " + line + ": " + message);
        }
        lastBad = line;
    }
}
