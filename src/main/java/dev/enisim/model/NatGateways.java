package dev.enisim.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Owns egress through NAT gateways [doc]: "Each IPv4 address can support up to 55,000 simultaneous connections to
 * each unique destination" (destination IP, port and protocol). A VPC function's connections to the destinations
 * its scenario names go out through the NAT gateway of its ENI's Availability Zone (else the VPC's first one).
 * Each invocation opens its share of its connections to each destination, all on one address of the gateway (the
 * first with room); when none has room the invocation cannot connect: a function error whose cause is the NAT
 * gateway's own metric name, {@code ErrorPortAllocation}. Connections close when the invocation ends, or, for a
 * function that keeps them open in its frozen environment, when the NAT gateway's 350 s idle timeout drops them.
 * Egress is one more component beside the network model: it applies to either.
 */
final class NatGateways {

    /** Simultaneous connections per NAT address per unique destination [doc]. */
    static final int CONNECTIONS_PER_ADDRESS = 55_000;
    /** A NAT gateway drops a connection idle for 350 s [doc]. */
    static final long IDLE_TIMEOUT_MICROS = 350_000_000L;

    private record Gateway(String id, int vpc, String az, int addresses) {
    }

    /** A function's share of its connections to one destination, with the fraction carried between invocations. */
    private static final class Route {
        final int destination;
        final double share;
        double carry;

        Route(int destination, double share) {
            this.destination = destination;
            this.share = share;
        }
    }

    private final Network network;
    private final Port port;
    private final WorldListener listener;
    private final List<Gateway> gateways = new ArrayList<>();
    private final List<String> destinations = new ArrayList<>();
    private int[][][] connections = new int[0][][]; // [gateway][destination][address]
    private Route[][] routes = new Route[0][];      // per function
    private boolean[] kept = new boolean[0];        // per function: connections kept open after the invocation
    // scratch: connections each route opens for this invocation
    private final int[] taking = new int[EgressLimits.MAX_DESTINATIONS];

    NatGateways(Network network, Port port, WorldListener listener) {
        this.network = network;
        this.port = port;
        this.listener = listener;
    }

    int add(String id, int vpc, String az, int addresses) {
        if (addresses < 1 || addresses > 8) {
            throw new IllegalArgumentException(id + ": a NAT gateway has 1 to 8 addresses, not " + addresses);
        }
        gateways.add(new Gateway(id, vpc, az, addresses));
        connections = Arrays.copyOf(connections, gateways.size());
        connections[gateways.size() - 1] = new int[destinations.size()][addresses];
        return gateways.size() - 1;
    }

    /** {@code function} sends {@code share} of its connections to {@code destination}. */
    void route(int function, String destination, double share, boolean keptOpen) {
        int d = destinations.indexOf(destination);
        if (d < 0) {
            d = destinations.size();
            destinations.add(destination);
            for (int g = 0; g < gateways.size(); g++) {
                connections[g] = Arrays.copyOf(connections[g], destinations.size());
                connections[g][d] = new int[gateways.get(g).addresses()];
            }
        }
        if (function >= routes.length) {
            routes = Arrays.copyOf(routes, function + 1);
            kept = Arrays.copyOf(kept, function + 1);
        }
        Route[] old = routes[function] == null ? new Route[0] : routes[function];
        if (old.length == taking.length) {
            throw new IllegalArgumentException("at most " + taking.length + " destinations per function");
        }
        Route[] more = Arrays.copyOf(old, old.length + 1);
        more[old.length] = new Route(d, share);
        routes[function] = more;
        kept[function] = keptOpen;
    }

    /** The gateway a key's traffic leaves by: its AZ's in its VPC, else the VPC's first; -1 when it has none. */
    private int gatewayFor(int key, EniFleet fleet) {
        IpPool subnet = network.subnets.get(fleet.pools.get(key).subnet());
        int first = -1;
        for (int g = 0; g < gateways.size(); g++) {
            Gateway gw = gateways.get(g);
            if (gw.vpc() == subnet.vpc()) {
                if (gw.az().equals(subnet.az())) {
                    return g;
                }
                if (first < 0) {
                    first = g;
                }
            }
        }
        return first;
    }

    /** Function {@code fi} sends connections through a NAT gateway (else {@link #open} has nothing to do). */
    boolean routes(int fi) {
        return fi < routes.length && routes[fi] != null;
    }

    /**
     * An invocation of {@code f} on {@code key} ending at {@code endMicros} opens its connections to its
     * destinations; returns the function error when a destination has no address with room (nothing is opened
     * then), else null.
     */
    Outcome open(LambdaFunction f, int key, EniFleet fleet, long now, long endMicros) {
        int fi = f.index();
        if (fi >= routes.length || routes[fi] == null || key < 0) {
            return null;
        }
        int g = gatewayFor(key, fleet);
        if (g < 0) {
            return null;
        }
        Route[] rs = routes[fi];
        int base = f.connectionsPerInvocation();
        for (int r = 0; r < rs.length; r++) {
            double want = rs[r].carry + rs[r].share * base;
            taking[r] = (int) Math.floor(want + 1e-9);
        }
        int[][] byDestination = connections[g];
        for (int r = 0; r < rs.length; r++) {
            if (taking[r] > 0 && address(byDestination[rs[r].destination], taking[r]) < 0) {
                listener.natPortAllocationError(g, rs[r].destination, now);
                return Outcome.FUNCTION_ERROR_PORT_ALLOCATION;
            }
        }
        long releaseAt = kept[fi] ? endMicros + IDLE_TIMEOUT_MICROS : endMicros;
        for (int r = 0; r < rs.length; r++) {
            rs[r].carry += rs[r].share * base - taking[r];
            int n = taking[r];
            if (n > 0) {
                int d = rs[r].destination;
                int a = address(byDestination[d], n);
                byDestination[d][a] += n;
                listener.natConnections(g, d, sum(byDestination[d]), now);
                port.schedule(releaseAt, SimEvent.PRIORITY_COMPLETION, new SimEvent.NatRelease(g, d, a, n));
            }
        }
        return null;
    }

    /** The first address with room for {@code n} more connections, or -1. */
    private static int address(int[] perAddress, int n) {
        for (int a = 0; a < perAddress.length; a++) {
            if (perAddress[a] + n <= CONNECTIONS_PER_ADDRESS) {
                return a;
            }
        }
        return -1;
    }

    void release(SimEvent.NatRelease r, long now) {
        int[] perAddress = connections[r.gateway()][r.destination()];
        if (perAddress[r.address()] < r.count()) {
            throw new IllegalStateException("NAT gateway " + gateways.get(r.gateway()).id() + " releases "
                    + r.count() + " connections it does not hold at " + now + " us");
        }
        perAddress[r.address()] -= r.count();
        listener.natConnections(r.gateway(), r.destination(), sum(perAddress), now);
    }

    private static int sum(int[] v) {
        int s = 0;
        for (int x : v) {
            s += x;
        }
        return s;
    }

    /** Connections now from a gateway to a destination, per address (a copy). */
    int[] connections(int gateway, int destination) {
        return connections[gateway][destination].clone();
    }

    void checkInvariants() {
        for (int g = 0; g < connections.length; g++) {
            for (int d = 0; d < connections[g].length; d++) {
                for (int a = 0; a < connections[g][d].length; a++) {
                    int n = connections[g][d][a];
                    if (n < 0 || n > CONNECTIONS_PER_ADDRESS) {
                        throw new IllegalStateException("NAT gateway " + gateways.get(g).id() + " address " + a
                                + ": " + n + " connections to " + destinations.get(d) + " outside 0.."
                                + CONNECTIONS_PER_ADDRESS);
                    }
                }
            }
        }
    }
}
