package dev.enisim.run;

import dev.enisim.model.WorldSettings;
import dev.enisim.model.eni.EniKey;
import dev.enisim.random.RandomStreams;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.Sampler;
import java.util.function.LongSupplier;

/**
 * The ENI timings of a run, each key's drawn from streams of its own: {@code hyperplane/eni-create/<key>},
 * {@code hyperplane/attach-existing/<key>} and {@code hyperplane/eni-delete/<key>}, where {@code <key>} is the key's
 * identity, {@code <vpc>/<label>} (the label: {@code [<account>:][<function>@]<subnet>+[<groups, sorted>]}). A
 * stream's seed is a pure function of the run's seed, replication and that name ({@link RandomStreams}), so a key's
 * timings are the same whatever other keys the scenario has and whatever order their ENIs are made in: a what-if
 * variant that adds a key leaves every other key's ENI timings as they were (common random numbers).
 */
final class EniTimingStreams implements WorldSettings.EniTimings {

    private final RandomStreams streams;
    private final Scenario.Hyperplane hyperplane;

    EniTimingStreams(RandomStreams streams, Scenario.Hyperplane hyperplane) {
        this.streams = streams;
        this.hyperplane = hyperplane;
    }

    /** A new sampler of the key's timing, at the start of its stream (the fleet asks once per key and timing). */
    @Override
    public LongSupplier sampler(Timing timing, EniKey key) {
        return switch (timing) {
            case CREATE -> Sampler.of(hyperplane.eniCreateTime(), streams.stream(streamName(timing, key)));
            case ATTACH_EXISTING -> Sampler.of(hyperplane.attachExistingTime(),
                    streams.stream(streamName(timing, key)));
            case DELETE -> Sampler.of(hyperplane.eniDeleteTime(), streams.stream(streamName(timing, key)));
        };
    }

    /** The name of the key's stream of {@code timing}, e.g. {@code hyperplane/eni-create/vpc-1/subnet-a+[sg-app]}. */
    static String streamName(Timing timing, EniKey key) {
        String kind = switch (timing) {
            case CREATE -> "hyperplane/eni-create/";
            case ATTACH_EXISTING -> "hyperplane/attach-existing/";
            case DELETE -> "hyperplane/eni-delete/";
        };
        return kind + key.vpcId() + "/" + key.label();
    }
}
