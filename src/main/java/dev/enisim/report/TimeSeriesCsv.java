package dev.enisim.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.enisim.metrics.Series;
import dev.enisim.metrics.TimeSeries;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code timeseries.csv}: one row per bucket and dimension ({@code scope}, {@code id}), one column per metric;
 * a cell is empty where the metric does not apply to the dimension. Columns are documented in the README.
 */
public final class TimeSeriesCsv {

    /** The fixed metric columns, in order; per-exception columns follow them. */
    public static final List<String> METRICS = List.of("Invocations", "Errors", "Throttles", "ConcurrentExecutions",
            "Duration.p50", "Duration.p90", "Duration.p99", "Duration.Maximum", "Sim.ColdStarts", "Sim.Environments",
            "Sim.Environments.Average", "Sim.Environments.Busy.Average", "Sim.Environments.Idle.Average",
            "Sim.Environments.Provisioned.Average", "Sim.InvokeErrors", "Sim.HyperplaneEniCount", "Sim.EniConnections", "Sim.SubnetAvailableIps");

    private TimeSeriesCsv() {
    }

    public static String render(TimeSeries ts) {
        List<String> columns = new ArrayList<>(METRICS);
        Map<String, Map<String, long[]>> dims = new LinkedHashMap<>(); // "scope\0id" -> metric -> values
        for (Series s : ts.series()) {
            String column = column(s);
            if (!columns.contains(column)) {
                columns.add(column);
            }
            dims.computeIfAbsent(s.scope() + "\0" + s.id(), k -> new LinkedHashMap<>()).put(column, s.values());
        }
        CsvSchema.Builder schema = CsvSchema.builder().addColumn("timeSeconds").addColumn("scope").addColumn("id");
        for (String c : columns) {
            schema.addColumn(c);
        }
        StringWriter out = new StringWriter();
        try (SequenceWriter w = new CsvMapper().writer(schema.build().withHeader().withLineSeparator("\n"))
                .writeValues(out)) {
            for (int b = 0; b < ts.buckets(); b++) {
                String time = seconds(b * ts.bucketMicros());
                for (Map.Entry<String, Map<String, long[]>> d : dims.entrySet()) {
                    String[] key = d.getKey().split("\0", -1);
                    Object[] row = new Object[3 + columns.size()];
                    row[0] = time;
                    row[1] = key[0];
                    row[2] = key[1];
                    for (int c = 0; c < columns.size(); c++) {
                        String column = columns.get(c);
                        long[] v = d.getValue().get(column);
                        row[3 + c] = v == null ? "" : cell(column, v[b]);
                    }
                    w.write(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Duration series (microseconds, one per statistic) become {@code Duration.p50}... in milliseconds. */
    private static String column(Series s) {
        return s.metric().equals("Duration") ? "Duration." + s.statistic() : s.metric();
    }

    private static String cell(String column, long value) {
        if (column.endsWith(".Average")) {
            return java.math.BigDecimal.valueOf(value, 3).stripTrailingZeros().toPlainString(); // thousandths
        }
        if (column.startsWith("Duration.")) {
            return value < 0 ? "" : java.math.BigDecimal.valueOf(value, 3).stripTrailingZeros().toPlainString();
        }
        return Long.toString(value);
    }

    static String seconds(long micros) {
        if (micros % 1_000_000 == 0) {
            return Long.toString(micros / 1_000_000);
        }
        return java.math.BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }
}
