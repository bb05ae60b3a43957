package dev.enisim.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.enisim.metrics.RunSummary;

/** {@code summary.json}: the {@link RunSummary} as indented JSON, keys in a fixed order. */
public final class SummaryJson {

    /** Spells {@code Enis.fin} as {@code final}, which Java cannot name. */
    @JsonPropertyOrder({"created", "peak", "final", "deleted", "orphaned"})
    abstract static class EnisMixin {
        @JsonProperty("final")
        abstract long fin();
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addMixIn(RunSummary.Enis.class, EnisMixin.class)
            .build();

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
