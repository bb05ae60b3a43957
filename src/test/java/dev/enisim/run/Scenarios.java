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
        vpcs.add(Scenario.Vpc.of(id, quota, subnets, groups));
        return this;
    }

    static Scenario.Subnet subnet(String id, String cidr, String az, int others) {
        return new Scenario.Subnet(id, Cidr.parse(cidr), az, others);
    }

    Scenarios function(String name, List<String> subnets, List<String> groups, int reserved,
            DistributionSpec duration, int connections, double ratePerSecond, long createdAtMicros) {
        return function(name, subnets, groups, reserved, duration, connections, ratePerSecond, createdAtMicros,
                Scenario.Function.NO_INIT, 0, 0);
    }

    /** A function with cold-start init, per-environment connections and provisioned concurrency. */
    Scenarios function(String name, List<String> subnets, List<String> groups, int reserved,
            DistributionSpec duration, int connections, double ratePerSecond, long createdAtMicros,
            DistributionSpec init, int connectionsPerEnvironment, int provisioned) {
        functions.add(Scenario.Function.builder(name, duration, new ArrivalSpec.Poisson(ratePerSecond, 0,
                Long.MAX_VALUE)).timeoutMicros(900 * SEC).vpcConfig(new Scenario.VpcConfig(subnets, groups))
                .reservedConcurrency(reserved < 0 ? OptionalInt.empty() : OptionalInt.of(reserved))
                .connectionsPerInvocation(connections).createdAtMicros(createdAtMicros).initDuration(init)
                .connectionsPerEnvironment(connectionsPerEnvironment).provisionedConcurrency(provisioned).build());
        return this;
    }

    dev.enisim.model.NetworkModel networkModel = dev.enisim.model.NetworkModel.HYPERPLANE;
    Scenario.ScalingSpec scaling = Scenario.ScalingSpec.DEFAULT;
    final List<Scenario.At> timeline = new ArrayList<>();

    Scenario build() {
        return Scenario.builder(name, durationMicros).duration(durationMicros, bucketMicros).seed(seed)
                .account(Scenario.Account.DEFAULT.withConcurrency(concurrencyLimit, 0))
                .hyperplane(Scenario.Hyperplane.DEFAULT.withEniTimes(eniCreate, attach, connectionsPerEni))
                .source("test").vpcs(vpcs).functions(functions).timeline(timeline).networkModel(networkModel)
                .scaling(scaling).build();
    }
}
