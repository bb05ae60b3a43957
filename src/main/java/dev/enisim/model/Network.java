package dev.enisim.model;

import dev.enisim.model.network.Cidr;
import dev.enisim.model.network.Subnet;
import dev.enisim.model.network.Vpc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The account's VPCs, subnets and security groups, and which Availability Zones are down. */
final class Network {

    final List<Vpc> vpcs = new ArrayList<>();
    final List<Subnet> subnets = new ArrayList<>();
    private final Map<String, Integer> vpcIndex = new LinkedHashMap<>();
    private final Map<String, Integer> subnetIndex = new LinkedHashMap<>();
    private final Map<String, Integer> groupVpc = new LinkedHashMap<>();
    private final Set<String> downAzs = new HashSet<>();
    private boolean[] subnetDown = new boolean[0];

    int addVpc(String id, int eniQuota) {
        int i = vpcs.size();
        vpcs.add(new Vpc(i, id, eniQuota));
        vpcIndex.put(id, i);
        return i;
    }

    void addSecurityGroup(String vpcId, String groupId) {
        groupVpc.put(groupId, vpc(vpcId));
    }

    int addSubnet(String vpcId, String id, Cidr cidr, String az, int otherUsedIps) {
        int i = subnets.size();
        subnets.add(new Subnet(i, id, cidr, az, vpc(vpcId), otherUsedIps));
        subnetIndex.put(id, i);
        subnetDown = java.util.Arrays.copyOf(subnetDown, subnets.size());
        return i;
    }

    int vpc(String id) {
        Integer i = vpcIndex.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown VPC " + id);
        }
        return i;
    }

    int subnet(String id) {
        Integer i = subnetIndex.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown subnet " + id);
        }
        return i;
    }

    /** The VPC of a security group. */
    int groupVpc(String groupId) {
        Integer v = groupVpc.get(groupId);
        if (v == null) {
            throw new IllegalArgumentException("unknown security group " + groupId);
        }
        return v;
    }

    void setAzDown(String az, boolean down) {
        if (down) {
            downAzs.add(az);
        } else {
            downAzs.remove(az);
        }
        for (Subnet s : subnets) {
            subnetDown[s.index()] = downAzs.contains(s.az());
        }
    }

    boolean anyAzDown() {
        return !downAzs.isEmpty();
    }

    boolean subnetDown(int subnet) {
        return subnetDown[subnet];
    }
}
