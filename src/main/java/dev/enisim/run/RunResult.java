package dev.enisim.run;

import dev.enisim.metrics.JournalEntry;
import dev.enisim.metrics.RefusedScaleOut;
import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.TimeSeries;
import dev.enisim.scenario.Scenario;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Everything a report may read about one finished run: the scenario as run, its summary, its time series,
 * the lifetime of every ENI, its journal, and what refused its Active functions' scale-outs ({@code
 * refusedScaleOuts}: per function, spell of its journal and limit, as the model recorded them). Immutable; holds no
 * model objects.
 */
public record RunResult(Scenario scenario, RunSummary summary, TimeSeries timeSeries, List<EniLifetime> enis,
        List<RunSummary.Action> actions, List<JournalEntry> journal, List<RefusedScaleOut> refusedScaleOuts) {

    public RunResult {
        enis = List.copyOf(enis);
        actions = List.copyOf(actions);
        journal = List.copyOf(journal);
        refusedScaleOuts = List.copyOf(refusedScaleOuts);
    }

    /**
     * This result of a run whose scenario had the {@code --set PATH=VALUE} {@code assignments} applied (as given, in
     * order; {@code traffic=F} among them): recorded in its summary ({@link RunSummary#overrides}), from which every
     * report of the run says so. No assignments: this result itself.
     */
    public RunResult withOverrides(List<String> assignments) {
        if (assignments == null || assignments.isEmpty()) {
            return this;
        }
        return new RunResult(scenario, summary.withOverrides(assignments), timeSeries, enis, actions, journal,
                refusedScaleOuts);
    }

    /** The {@code --set} assignments the run's scenario had (empty: none), from its summary. */
    public List<String> overrides() {
        return summary.overrides();
    }

    /**
     * One ENI's life. Times in seconds; each step after its creation empty where it did not happen (yet).
     *
     * @param finalState      {@code Creating}, {@code InUse}, {@code Deleting}, {@code Deleted}, {@code Orphaned}
     * @param peakConnections the most connections it held at once (at most hyperplane.connectionsPerEni; under the
     *                        legacy model, execution environments)
     */
    public record EniLifetime(String id, String key, String subnet, String ip, double createdSeconds,
            OptionalDouble readySeconds, OptionalDouble deletionRequestedSeconds, OptionalDouble orphanedSeconds,
            OptionalDouble endedSeconds, String finalState, int peakConnections) {
    }
}
