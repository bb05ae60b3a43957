package dev.enisim.run;

import dev.enisim.model.network.Cidr;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.ArrivalSpec;
import dev.enisim.workload.DistributionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Builds scenarios in code for tests (the loader has its own tests). */
final class Scenarios {

    static final long SEC = 1_000_000L;
    static final double INF = Double.POSITIVE_INFINITY;

    String name = "test";
    long seed = 1;
    long durationMicros = 3600 * SEC;
    long bucketMicros = 60 * SEC;
    int concurrencyLimit = 1000;
    int connectionsPerEni = 65_000;
    DistributionSpec eniCreate = new DistributionSpec.LogNormal(75 * SEC, 300 * SEC, INF);
    DistributionSpec attach = new DistributionSpec.Constant(5 * SEC);
    final List<Scenario.Vpc> vpcs = new ArrayList<>();
    final List<Scenario.Function> functions = new ArrayList<>();

    Scenarios vpc(String id, int quota, List<Scenario.Subnet> subnets, List<String> groups) {
        vpcs.add(new Scenario.Vpc(id, quota, subnets, groups));
        return this;
    }

    static Scenario.Subnet subnet(String id, String cidr, String az, int others) {
        return new Scenario.Subnet(id, Cidr.parse(cidr), az, others);
    }

    Scenarios function(String name, List<String> subnets, List<String> groups, int reserved,
            DistributionSpec duration, int connections, double ratePerSecond, long createdAtMicros) {
        return function(name, subnets, groups, reserved, duration, connections, ratePerSecond, createdAtMicros,
                new DistributionSpec.Constant(0), 0, 0);
    }

    /** A function with cold-start init, per-environment connections and provisioned concurrency. */
    Scenarios function(String name, List<String> subnets, List<String> groups, int reserved,
            DistributionSpec duration, int connections, double ratePerSecond, long createdAtMicros,
            DistributionSpec init, int connectionsPerEnvironment, int provisioned) {
        functions.add(new Scenario.Function(name, 128, 900 * SEC,
                new Scenario.VpcConfig(subnets, groups),
                reserved < 0 ? OptionalInt.empty() : OptionalInt.of(reserved), duration, connections,
                new ArrivalSpec.Poisson(ratePerSecond, 0, Long.MAX_VALUE), createdAtMicros, name + "-role", init,
                connectionsPerEnvironment, provisioned));
        return this;
    }

    dev.enisim.model.NetworkModel networkModel = dev.enisim.model.NetworkModel.HYPERPLANE;
    Scenario.ScalingSpec scaling = Scenario.ScalingSpec.DEFAULT;
    final List<Scenario.At> timeline = new ArrayList<>();

    Scenario build() {
        return Scenario.of(name, seed, durationMicros, bucketMicros, new Scenario.Account(concurrencyLimit, 0),
                new Scenario.Hyperplane(eniCreate, attach, connectionsPerEni, 300 * SEC), "test").withVpcs(vpcs)
                .withFunctions(functions).withTimeline(timeline).withNetworkModel(networkModel).withScaling(scaling);
    }
}
