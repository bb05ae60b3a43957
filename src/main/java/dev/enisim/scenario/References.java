package dev.enisim.scenario;

import java.util.ArrayList;
import java.util.List;

/** The ids a scenario defines, for checking what its functions and timeline refer to. */
final class References {

    final List<String> vpcs = new ArrayList<>();
    final List<String> subnets = new ArrayList<>();
    /**
     * Each subnet's usable addresses (its CIDR's size less the 5 AWS reserves), in the order of {@link #subnets}; -1
     * for a subnet whose CIDR could not be read (its problem is said there).
     */
    final List<Integer> usableIps = new ArrayList<>();
    final List<String> groups = new ArrayList<>();
    final List<String> azs = new ArrayList<>();
    private final List<String> subnetsWithNat = new ArrayList<>();
    /** IPv6-only subnets: declared, but refused in a function's VpcConfig (and not part of the world). */
    final List<String> ipv6Only = new ArrayList<>();
    private final List<String> dualStack = new ArrayList<>();
    private final java.util.Map<String, String> subnetVpc = new java.util.LinkedHashMap<>();
    /**
     * The vpcs section had problems: its subnets and groups are not all known, so a function's reference to one that
     * is not found is not reported (the problem is said where it is, once, not again for every function).
     */
    boolean networkIncomplete;

    References(List<Scenario.Vpc> vpcs) {
        for (Scenario.Vpc v : vpcs) {
            this.vpcs.add(v.id());
            for (Scenario.Subnet s : v.subnets()) {
                subnets.add(s.id());
                usableIps.add(s.cidr() == ScenarioLoader.PLACEHOLDER_CIDR ? -1 : s.cidr().usableAddresses());
                subnetVpc.put(s.id(), v.id());
                if (s.dualStack()) {
                    dualStack.add(s.id());
                }
                if (!azs.contains(s.az())) {
                    azs.add(s.az());
                }
            }
            groups.addAll(v.securityGroups());
            if (!v.natGateways().isEmpty()) {
                v.subnets().forEach(s -> subnetsWithNat.add(s.id()));
            }
        }
    }

    /** The VPC id of a known subnet. */
    String vpcOfSubnet(String subnet) {
        return subnetVpc.get(subnet);
    }

    /** The subnet has an IPv6 CIDR besides its IPv4 one. */
    boolean dualStack(String subnet) {
        return dualStack.contains(subnet);
    }

    /** The subnet's VPC has a NAT gateway. */
    boolean hasNat(String subnet) {
        return subnetsWithNat.contains(subnet);
    }

    /**
     * As {@link #check}, for a subnet or security group of the vpcs section: when that section had problems of its
     * own, one not found is not reported again (false: not usable).
     */
    boolean checkNetwork(Fields at, String field, String what, String id, java.util.Collection<String> known) {
        if (networkIncomplete && !known.contains(id)) {
            return false;
        }
        return check(at, field, what, id, known);
    }

    /**
     * Checks that {@code id} is one of {@code known}; records a problem naming the known ones (in their
     * iteration order: pass a list or a {@code LinkedHashMap}'s key set) if not.
     */
    static boolean check(Fields at, String field, String what, String id, java.util.Collection<String> known) {
        if (known.contains(id)) {
            return true;
        }
        String close = Suggest.closest(id, known);
        // each once: a duplicate id (reported where it is) listed twice read "(known: subnet-a, subnet-a)"
        at.problem(field, "unknown " + what + " " + Problem.quote(id) + " (known: "
                + (known.isEmpty() ? "none" : String.join(", ", new java.util.LinkedHashSet<>(known))) + ")"
                + (close == null ? "" : "; did you mean '" + close + "'?"));
        return false;
    }
}
