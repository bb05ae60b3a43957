package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data scientist's review: {@code sweep.csv} and {@code points.csv} wrote a varied duration or rate as the scenario
 * spells it ({@code 170s}, {@code 20.333s}, {@code 10/m}), so pandas read those columns as text; and {@code sweep.csv}'s
 * {@code traffic} column said the {@code --vary} value, not the traffic that ran under {@code --set traffic=F}. Both
 * files are read here as a script would, with Jackson's CSV reader, every value but a failed point's problem parsed as
 * a number.
 */
class ExperimentCsvNumbersTest {

    @TempDir
    Path dir;

    /** The rows of a CSV file with a header, as Jackson's CSV reader gives them. */
    static List<Map<String, String>> rows(Path csv) throws Exception {
        List<Map<String, String>> out = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /**
     * Every cell but {@code problem} is a number (no unit, no thousands separator), or empty: an interval's ends over
     * fewer than two replications that measured it (its {@code .n} column then says how many).
     */
    private static void allNumbers(List<Map<String, String>> rows) {
        assertFalse(rows.isEmpty());
        for (Map<String, String> row : rows) {
            row.forEach((column, value) -> {
                if (value.isEmpty()) {
                    assertTrue(column.equals("problem") || column.endsWith(".ciLow") || column.endsWith(".ciHigh"),
                            column + ": " + row);
                } else if (!column.equals("problem")) {
                    assertTrue(value.matches("-?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?"), column + " = '" + value + "'");
                    Double.parseDouble(value);
                }
            });
        }
    }

    private static TreeSet<Double> column(List<Map<String, String>> rows, String column) {
        TreeSet<Double> values = new TreeSet<>();
        rows.forEach(r -> values.add(Double.parseDouble(r.get(column))));
        return values;
    }

    @Test
    void sweepCsvHasNumbersWithTheirUnitsInTheColumnNamesAndTheTrafficThatRan() throws Exception {
        Path scenario = Files.writeString(dir.resolve("good.yaml"), CliTest.GOOD);
        Path out = dir.resolve("sweep");
        CliTest.Result r = CliTest.run("sweep", scenario.toString(), "--vary", "traffic=1,3",
                "--vary", "scaling.keepAlive=5m,1h30m", "--vary", "functions[api].arrivals.poisson=5/s,10/m",
                "--set", "traffic=0.1", "--set", "duration=2m", "--replications", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<Map<String, String>> rows = rows(out.resolve("sweep.csv"));
        assertEquals(8, rows.size());
        allNumbers(rows);
        // the traffic that ran: 0.1 x 1 and 0.1 x 3, written as decimals (not 0.30000000000000004)
        assertEquals(new TreeSet<>(List.of(0.1, 0.3)), column(rows, "traffic"));
        assertTrue(rows.stream().allMatch(row -> List.of("0.1", "0.3").contains(row.get("traffic"))), rows.toString());
        assertEquals(new TreeSet<>(List.of(300.0, 5400.0)), column(rows, "scaling.keepAliveSeconds"));
        assertEquals(new TreeSet<>(List.of(10 / 60.0, 5.0)), column(rows, "functions[api].arrivals.poissonPerSecond"));
        assertFalse(rows.get(0).containsKey("scaling.keepAlive"), "the column's name says its unit");
        // the terminal and the page say the traffic that ran too
        assertTrue(r.out().contains("at traffic = 0.1"), r.out());
        assertFalse(r.out().contains("at traffic = 3"), r.out());
    }

    @Test
    void pointsCsvHasNumbersWithTheirUnitsInTheColumnNames() throws Exception {
        Path scenario = Files.writeString(dir.resolve("good.yaml"), CliTest.GOOD);
        Path out = dir.resolve("sensitivity");
        CliTest.Result r = CliTest.run("sensitivity", scenario.toString(), "--metric", "enis.peak",
                "--metric", "latencyMillis.p99", "--vary", "scaling.keepAlive=1m..7m", "--vary", "traffic=1..2",
                "--set", "traffic=0.5", "--set", "duration=2m", "--samples", "2", "--replications", "2",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<Map<String, String>> rows = rows(out.resolve("points.csv"));
        allNumbers(rows);
        for (double keepAlive : column(rows, "scaling.keepAliveSeconds")) {
            assertTrue(keepAlive >= 60 && keepAlive <= 420, "seconds: " + keepAlive);
        }
        for (double traffic : column(rows, "traffic")) {
            assertTrue(traffic >= 0.5 && traffic <= 1, "the traffic that ran, x 0.5: " + traffic);
        }
    }
}
