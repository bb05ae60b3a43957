package dev.enisim.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Egress through NAT gateways, per time bucket: the connections each gateway holds to each hot destination
 * (maximum; 55,000 per address is the limit) and the connections it refused ({@code ErrorPortAllocation}, the NAT
 * gateway's own CloudWatch metric, summed). Series exist only for a scenario that declares NAT gateways.
 */
public final class NatRecorder implements Bucketed {

    private final BucketGrid grid;
    private final int buckets;
    private final List<String> gateways;
    private final List<String> destinations;
    private final Gauge[][] connections;
    private final Counter[] refused;
    /** The bucket begun last by {@link #crossTo} (the one crossing, {@link Observers}). */
    private int bucket;

    /** @param gateways NAT gateway ids by index; @param destinations destinations by index (the world's order) */
    public NatRecorder(long durationMicros, long bucketMicros, List<String> gateways, List<String> destinations) {
        this.grid = new BucketGrid(durationMicros, bucketMicros);
        this.buckets = grid.count();
        this.gateways = List.copyOf(gateways);
        this.destinations = List.copyOf(destinations);
        this.connections = new Gauge[gateways.size()][destinations.size()];
        this.refused = new Counter[gateways.size()];
        for (int g = 0; g < gateways.size(); g++) {
            refused[g] = new Counter(buckets);
            for (int d = 0; d < destinations.size(); d++) {
                connections[g][d] = new Gauge(buckets, true, 0);
            }
        }
    }

    private int bucket(long nowMicros) {
        return grid.of(nowMicros);
    }

    void connections(int gateway, int destination, int n, long nowMicros) {
        connections[gateway][destination].set(bucket(nowMicros), n);
    }

    void refused(int gateway, long nowMicros) {
        refused[gateway].add(bucket(nowMicros), 1);
    }

    @Override
    public boolean sameBuckets(BucketGrid other) {
        return grid.sameAs(other);
    }

    @Override
    public void crossTo(int b) {
        for (Gauge[] byDestination : connections) {
            for (Gauge g : byDestination) {
                g.crossTo(b);
            }
        }
        bucket = b;
    }

    /** As {@link #connections}, in the bucket begun last ({@link #crossTo}). */
    void connectionsNow(int gateway, int destination, int n) {
        connections[gateway][destination].put(n);
    }

    /** As {@link #refused}, in the bucket begun last ({@link #crossTo}). */
    void refusedNow(int gateway) {
        refused[gateway].add(bucket, 1);
    }

    /** Total connections each gateway refused over the run. */
    public long refusedTotal(int gateway) {
        long s = 0;
        for (long v : refused[gateway].values()) {
            s += v;
        }
        return s;
    }

    /** The series, one value per bucket. */
    public List<Series> series() {
        List<Series> out = new ArrayList<>();
        for (int g = 0; g < gateways.size(); g++) {
            for (int d = 0; d < destinations.size(); d++) {
                out.add(Metric.NAT_CONNECTIONS.series(Metric.Scope.NAT_GATEWAY,
                        gateways.get(g) + " -> " + destinations.get(d), connections[g][d].values()));
            }
            out.add(Metric.ERROR_PORT_ALLOCATION.series(Metric.Scope.NAT_GATEWAY, gateways.get(g),
                    refused[g].values()));
        }
        return out;
    }
}
