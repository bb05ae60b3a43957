package dev.enisim.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.enisim.metrics.Metric;
import dev.enisim.metrics.Seconds;
import dev.enisim.metrics.Series;
import dev.enisim.metrics.TimeSeries;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code timeseries.csv}: one row per bucket and dimension ({@code scope}, {@code id}), one column per metric;
 * a cell is empty where the metric does not apply to the dimension. The columns are the catalogue's
 * ({@link Metric}): its {@link Metric.Group#RUN} metrics always, in catalogue order, then the per-exception,
 * NAT, asynchronous and SQS columns a run has, in the order the recorders wrote them. Each value is converted
 * from its metric's unit here, once. Columns are documented in the README.
 */
public final class TimeSeriesCsv {

    /**
     * Quotes a value only when CSV needs it (a comma, quote or line break), however long it is: by default Jackson
     * quotes every value over 24 characters, which made some headers quoted and their neighbours not.
     */
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();


    private TimeSeriesCsv() {
    }

    /** The whole file as text (tests, {@link ReportWriter#render}); a report streams it ({@link #write}). */
    public static String render(TimeSeries ts) {
        StringWriter out = new StringWriter();
        try {
            write(ts, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The file's bytes in UTF-8, counted by rendering it into nothing (the file is never held): a report's room is
     * checked before anything is written, to the byte as for its other files.
     */
    public static long bytes(TimeSeries ts) {
        Counting counted = new Counting();
        try {
            write(ts, counted);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a counting writer does not fail
        }
        return counted.total();
    }

    /**
     * Writes the file into {@code out} in UTF-8 as it is made, row by row, through a small buffer: the heap holds a
     * row, never the file (a report's timeseries.csv is written this way into its folder). Flushed, not closed.
     */
    public static void write(TimeSeries ts, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(ts, text);
        text.flush();
    }

    /** As above, as text into {@code out}, flushed, not closed. */
    static void write(TimeSeries ts, Writer out) throws IOException {
        List<String> header = new ArrayList<>();
        List<Metric.Unit> units = new ArrayList<>();
        Map<String, Integer> columnIndex = new HashMap<>();
        for (Metric m : Metric.of(Metric.Group.RUN)) {
            columnIndex.put(m.column(), header.size());
            header.add(m.column());
            units.add(m.unit());
        }
        Map<String, List<long[]>> dims = new LinkedHashMap<>(); // "scope\0id" -> values by column
        for (Series s : ts.series()) {
            String column = s.column();
            Integer c = columnIndex.get(column);
            if (c == null) {
                c = header.size();
                columnIndex.put(column, c);
                header.add(column);
                units.add(s.metric().unit());
            }
            List<long[]> row = dims.computeIfAbsent(s.scope().id() + "\0" + s.id(), k -> new ArrayList<>());
            while (row.size() <= c) {
                row.add(null);
            }
            row.set(c, s.values());
        }
        CsvSchema.Builder schema = CsvSchema.builder().addColumn("timeSeconds").addColumn("scope").addColumn("id");
        for (String c : header) {
            schema.addColumn(c);
        }
        try (SequenceWriter w = CSV.writer(schema.build().withHeader().withLineSeparator("\n"))
                .writeValues(new KeptOpen(out))) {
            Object[] row = new Object[3 + header.size()];
            for (int b = 0; b < ts.buckets(); b++) {
                String time = seconds(b * ts.bucketMicros());
                for (Map.Entry<String, List<long[]>> d : dims.entrySet()) {
                    String[] key = d.getKey().split("\0", -1);
                    row[0] = time;
                    row[1] = key[0];
                    row[2] = key[1];
                    List<long[]> values = d.getValue();
                    for (int c = 0; c < header.size(); c++) {
                        long[] v = c < values.size() ? values.get(c) : null;
                        row[3 + c] = v == null ? "" : cell(units.get(c), v[b]);
                    }
                    w.write(row);
                }
            }
        }
        out.flush();
    }

    /** {@code out}, which the CSV writer may close when done: flushed then, left open for its owner. */
    private static final class KeptOpen extends FilterWriter {
        KeptOpen(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /**
     * A writer that keeps nothing: it counts the UTF-8 bytes of what it is given, as {@code String.getBytes} encodes
     * them (a surrogate pair, which may come in two writes, four bytes; a lone surrogate one, its '?').
     */
    private static final class Counting extends Writer {
        private long bytes;
        private boolean high; // the last char given was a high surrogate, not yet counted

        @Override
        public void write(char[] c, int off, int len) {
            for (int i = off; i < off + len; i++) {
                char ch = c[i];
                if (high) {
                    high = false;
                    if (Character.isLowSurrogate(ch)) {
                        bytes += 4;
                        continue;
                    }
                    bytes++;
                }
                if (ch < 0x80) {
                    bytes++;
                } else if (ch < 0x800) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(ch)) {
                    high = true;
                } else if (Character.isLowSurrogate(ch)) {
                    bytes++;
                } else {
                    bytes += 3;
                }
            }
        }

        /** The bytes counted, a high surrogate left at the end counted as its '?'. */
        long total() {
            return bytes + (high ? 1 : 0);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /**
     * A value in its metric's unit as shown: microseconds as milliseconds (or whole milliseconds or seconds, rounded
     * down), thousandths as units.
     */
    static String cell(Metric.Unit unit, long value) {
        if (unit.missing(value)) {
            return "";
        }
        if (unit.decimals() == 0) {
            return Long.toString(unit.rounded(value));
        }
        return BigDecimal.valueOf(value, unit.decimals()).stripTrailingZeros().toPlainString();
    }

    /** Simulated time in seconds, as few digits as it takes (bucket starts, ENI lifetimes). */
    static String seconds(long micros) {
        if (micros % Seconds.MICROS == 0) {
            return Long.toString(micros / Seconds.MICROS);
        }
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }
}
