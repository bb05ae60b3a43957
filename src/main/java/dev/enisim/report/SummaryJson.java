package dev.enisim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.experiment.Replications;
import dev.enisim.metrics.RunSummary;

/** {@code summary.json}: the {@link RunSummary} as indented JSON, keys in a fixed order. */
public final class SummaryJson {

    private static final ObjectMapper MAPPER = Replications.JSON;

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
