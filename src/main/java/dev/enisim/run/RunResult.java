package dev.enisim.run;

import dev.enisim.metrics.JournalEntry;
import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.TimeSeries;
import dev.enisim.scenario.Scenario;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Everything a report may read about one finished run: the scenario as run, its summary, its time series and
 * the lifetime of every ENI. Immutable; holds no model objects.
 */
public record RunResult(Scenario scenario, RunSummary summary, TimeSeries timeSeries, List<EniLifetime> enis,
        List<RunSummary.Action> actions, List<JournalEntry> journal) {

    public RunResult {
        enis = List.copyOf(enis);
        actions = List.copyOf(actions);
        journal = List.copyOf(journal);
    }

    /**
     * One ENI's life. Times in seconds; each step after its creation empty where it did not happen (yet).
     *
     * @param finalState {@code Creating}, {@code InUse}, {@code Deleting}, {@code Deleted}, {@code Orphaned}
     */
    public record EniLifetime(String id, String key, String subnet, String ip, double createdSeconds,
            OptionalDouble readySeconds, OptionalDouble deletionRequestedSeconds, OptionalDouble orphanedSeconds,
            OptionalDouble endedSeconds, String finalState) {
    }
}
