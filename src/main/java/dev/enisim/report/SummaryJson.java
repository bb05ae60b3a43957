package dev.enisim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.metrics.RunSummary;
import dev.enisim.run.SummaryShape;

/** {@code summary.json}: the {@link RunSummary} as indented JSON, in the run's {@link SummaryShape}. */
public final class SummaryJson {

    private static final ObjectMapper MAPPER = SummaryShape.JSON;

    private SummaryJson() {
    }

    public static String render(RunSummary summary) {
        try {
            return MAPPER.writeValueAsString(summary) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render summary.json", e);
        }
    }

    /** The shared mapper (for reading summaries back, e.g. in tests and baselines). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
