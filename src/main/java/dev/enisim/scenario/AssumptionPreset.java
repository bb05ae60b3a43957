package dev.enisim.scenario;

import dev.enisim.workload.DistributionSpec;
import java.util.List;

/**
 * Where a scenario's undocumented defaults come from (its top-level {@code assumptions}): AWS's current text
 * ({@code documented}) or the field reports ({@code field}, the default). Only the defaults on which the two
 * disagree differ; a field the scenario sets itself wins over either preset. Sources: README, "Modelling
 * assumptions".
 */
public enum AssumptionPreset {
    /**
     * AWS's current words: creating an ENI "can take a minute" (API_UpdateFunctionConfiguration) and "can require
     * several minutes" (foundation-networking), so median 60 s, p99 5 min; deleting it takes "up to 20 minutes"
     * (foundation-networking), so median 10 min [assumed], p99 and cap 20 min.
     */
    DOCUMENTED("documented", new DistributionSpec.LogNormal(60e6, 300e6, Double.POSITIVE_INFINITY),
            "{dist: lognormal, median: 1m, p99: 5m}", new DistributionSpec.LogNormal(600e6, 1200e6, 1200e6),
            "{dist: lognormal, median: 10m, p99: 20m, cap: 20m}"),
    /**
     * The field reports: deletion p99 ~35 min ("AWS Lambda service team confirms P99 deletion time of ~35
     * minutes", Terraform's provider, which waits 45 min), median 10 min [assumed]; creation median 75 s, p99
     * 5 min [assumed: no field source for the median was found].
     */
    FIELD("field", new DistributionSpec.LogNormal(75e6, 300e6, Double.POSITIVE_INFINITY),
            "{dist: lognormal, median: 75s, p99: 5m}", new DistributionSpec.LogNormal(600e6, 2100e6, 2700e6),
            "{dist: lognormal, median: 10m, p99: 35m, cap: 45m}");

    /** The preset of a scenario that names none: today's defaults (README: why). */
    public static final AssumptionPreset DEFAULT = FIELD;

    private final String label;
    private final DistributionSpec eniCreateTime;
    private final DistributionSpec eniDeleteTime;
    private final String eniCreateTimeText;
    private final String eniDeleteTimeText;

    AssumptionPreset(String label, DistributionSpec eniCreateTime, String eniCreateTimeText,
            DistributionSpec eniDeleteTime, String eniDeleteTimeText) {
        this.label = label;
        this.eniCreateTime = eniCreateTime;
        this.eniCreateTimeText = eniCreateTimeText;
        this.eniDeleteTime = eniDeleteTime;
        this.eniDeleteTimeText = eniDeleteTimeText;
    }

    /** {@link #eniCreateTime()} as a scenario writes it (what {@code sensitivity} spells out). */
    public String eniCreateTimeText() {
        return eniCreateTimeText;
    }

    /** {@link #eniDeleteTime()} as a scenario writes it. */
    public String eniDeleteTimeText() {
        return eniDeleteTimeText;
    }

    /** The name a scenario writes ({@code documented}, {@code field}). */
    public String label() {
        return label;
    }

    /** Default of {@code hyperplane.eniCreateTime} under this preset. */
    public DistributionSpec eniCreateTime() {
        return eniCreateTime;
    }

    /** Default of {@code hyperplane.eniDeleteTime} under this preset. */
    public DistributionSpec eniDeleteTime() {
        return eniDeleteTime;
    }

    /** The preset a scenario names, or null when the name is none of them. */
    public static AssumptionPreset of(String label) {
        for (AssumptionPreset p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        return null;
    }

    /** Every preset's name, in declaration order (for messages and {@code --assumptions}). */
    public static List<String> labels() {
        return List.of(DOCUMENTED.label, FIELD.label);
    }
}
