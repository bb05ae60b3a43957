package dev.enisim.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.enisim.metrics.Seconds;
import dev.enisim.run.RunResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code enis.csv}: one row per ENI ever created, with its key, address and lifetime (seconds, empty if not reached),
 * its final state and the most connections it held at once (last, so that the earlier columns keep their places).
 */
public final class EnisCsv {

    /**
     * Quotes a value only when CSV needs it (a comma, quote or line break), however long it is: by default Jackson
     * quotes every value over 24 characters, which made some headers quoted and their neighbours not.
     */
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();


    private EnisCsv() {
    }

    public static String render(List<RunResult.EniLifetime> enis) {
        CsvSchema schema = CsvSchema.builder().addColumn("eni").addColumn("key").addColumn("subnet").addColumn("ip")
                .addColumn("createdSeconds").addColumn("readySeconds").addColumn("deletionRequestedSeconds")
                .addColumn("orphanedSeconds").addColumn("endedSeconds").addColumn("finalState")
                .addColumn("peakConnections").build().withHeader().withLineSeparator("\n");
        StringWriter out = new StringWriter();
        try (SequenceWriter w = CSV.writer(schema).writeValues(out)) {
            for (RunResult.EniLifetime e : enis) {
                w.write(new Object[] {e.id(), e.key(), e.subnet(), e.ip(), time(e.createdSeconds()),
                    time(e.readySeconds()), time(e.deletionRequestedSeconds()), time(e.orphanedSeconds()), time(e.endedSeconds()),
                    e.finalState(), e.peakConnections()});
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private static String time(double seconds) {
        return TimeSeriesCsv.seconds(Seconds.toMicros(seconds));
    }

    /** A step's time, or an empty cell where the ENI did not reach it. */
    private static String time(OptionalDouble seconds) {
        return seconds.isPresent() ? time(seconds.getAsDouble()) : "";
    }
}
