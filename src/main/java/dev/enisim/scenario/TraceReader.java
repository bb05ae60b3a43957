package dev.enisim.scenario;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Parses trace CSV lines into arrival times, reporting the first bad line with its number. */
final class TraceReader {

    private final Path file;
    private final Fields at;

    TraceReader(Path file, Fields at) {
        this.file = file;
        this.at = at;
    }

    /** One arrival time in seconds (decimals allowed) per line, non-decreasing. */
    long[] timestamps(List<String> lines) {
        long[] out = new long[lines.size()];
        int n = 0;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (i == 0 && !startsWithDigit(line))) {
                continue;
            }
            String cell = line.split(",", -1)[0].strip();
            Long t = seconds(cell, i + 1, "a time in seconds");
            if (t == null) {
                return null;
            }
            if (t < last) {
                return bad(i + 1, "times must not go back (" + cell + " after an earlier, later time)");
            }
            last = t;
            out[n++] = t;
        }
        return Arrays.copyOf(out, n);
    }

    /** {@code seconds,count} rows: count arrivals spread evenly over [seconds, seconds + interval). */
    long[] counts(List<String> lines, long intervalMicros) {
        long total = 0;
        long[][] rows = new long[lines.size()][];
        long last = Long.MIN_VALUE;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (i == 0 && !startsWithDigit(line))) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 2) {
                return bad(i + 1, "expected 'seconds,count', got '" + line + "'");
            }
            Long t = seconds(cells[0].strip(), i + 1, "a start time in seconds");
            if (t == null) {
                return null;
            }
            long c;
            try {
                c = Long.parseLong(cells[1].strip());
            } catch (NumberFormatException e) {
                return bad(i + 1, "expected a whole count, got '" + cells[1].strip() + "'");
            }
            if (c < 0) {
                return bad(i + 1, "a count cannot be negative: " + c);
            }
            if (t < last) {
                return bad(i + 1, "intervals must be in time order");
            }
            last = t;
            rows[i] = new long[] {t, c};
            total += c;
        }
        long[] out = new long[(int) Math.min(total, Integer.MAX_VALUE - 8)];
        int n = 0;
        for (long[] row : rows) {
            if (row == null) {
                continue;
            }
            for (long k = 0; k < row[1] && n < out.length; k++) {
                out[n++] = row[0] + k * intervalMicros / row[1];
            }
        }
        Arrays.sort(out, 0, n);
        return Arrays.copyOf(out, n);
    }

    private static boolean startsWithDigit(String s) {
        return Character.isDigit(s.charAt(0)) || s.charAt(0) == '.';
    }

    private Long seconds(String cell, int line, String what) {
        try {
            double s = Double.parseDouble(cell);
            if (s < 0 || Double.isNaN(s)) {
                bad(line, what + " must not be negative: " + cell);
                return null;
            }
            return Math.round(s * 1e6);
        } catch (NumberFormatException e) {
            bad(line, "expected " + what + ", got '" + cell + "'");
            return null;
        }
    }

    private long[] bad(int line, String message) {
        at.problem("file", file + " line " + line + ": " + message);
        return null;
    }
}
