package dev.enisim.model;

import dev.enisim.model.network.Cidr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The account's VPCs, subnets and security groups, the Region's ENI count, and which Availability Zones are down. */
final class Network {

    final List<EniQuota> vpcs = new ArrayList<>();
    /** EC2's network interfaces per Region (5,000 unless the scenario says otherwise). */
    final RegionEnis region;

    /** @param networkInterfacesPerRegion EC2's network interfaces per Region, shared by every VPC */
    Network(int networkInterfacesPerRegion) {
        this.region = new RegionEnis(networkInterfacesPerRegion);
    }
    final List<IpPool> subnets = new ArrayList<>();
    private final Map<String, Integer> vpcIndex = new LinkedHashMap<>();
    private final Map<String, Integer> subnetIndex = new LinkedHashMap<>();
    /** Security group ids by index (every VPC's, in the order they were added), and each one's VPC. */
    final List<String> groups = new ArrayList<>();
    private int[] groupVpc = new int[0];
    private final Map<String, Integer> groupIndex = new LinkedHashMap<>();
    final List<String> azs = new ArrayList<>();   // in the order subnets first name them
    private boolean[] azDown = new boolean[0];
    private int azsDown;
    private boolean[] subnetDown = new boolean[0];
    private int[] subnetAz = new int[0];

    int addVpc(String id, int eniQuota) {
        int i = vpcs.size();
        vpcs.add(new EniQuota(i, id, eniQuota));
        vpcIndex.put(id, i);
        return i;
    }

    int addSecurityGroup(String vpcId, String groupId) {
        int i = groups.size();
        groups.add(groupId);
        groupVpc = java.util.Arrays.copyOf(groupVpc, i + 1);
        groupVpc[i] = vpc(vpcId);
        groupIndex.put(groupId, i);
        return i;
    }

    int addSubnet(String vpcId, String id, Cidr cidr, String az, int otherUsedIps) {
        int i = subnets.size();
        subnets.add(new IpPool(i, id, cidr, az, vpc(vpcId), otherUsedIps));
        subnetIndex.put(id, i);
        if (!azs.contains(az)) {
            azs.add(az);
            azDown = java.util.Arrays.copyOf(azDown, azs.size());
        }
        subnetDown = java.util.Arrays.copyOf(subnetDown, subnets.size());
        subnetAz = java.util.Arrays.copyOf(subnetAz, subnets.size());
        subnetAz[i] = azs.indexOf(az);
        return i;
    }

    /**
     * Other services' ENIs in a VPC (they count against its ENI quota and the Region's); as many as fit beside
     * Lambda's. Returns how many were set.
     */
    int otherUsedEnis(int vpc, int count) {
        EniQuota v = vpcs.get(vpc);
        int fits = Math.max(0, Math.min(count, Math.min(v.eniQuota() - v.enis(),
                v.otherUsedEnis() + region.free())));
        region.addOther(fits - v.otherUsedEnis());
        v.setOtherUsedEnis(fits);
        return fits;
    }

    /**
     * Network interfaces of the Region outside every VPC's quota (EC2 instances', ECS tasks'...): they count against
     * the Region's limit only; as many as fit. Returns how many were set.
     */
    int otherRegionInterfaces(int count) {
        int fits = Math.max(0, Math.min(count, region.free()));
        region.addOther(fits);
        return fits;
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

    int group(String id) {
        Integer i = groupIndex.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown security group " + id);
        }
        return i;
    }

    /** The VPC of security group {@code group} (an index into {@link #groups}). */
    int groupVpc(int group) {
        return groupVpc[group];
    }

    /** A VpcConfig of subnet and security group ids as indices (ids unknown to the world are a bug of the caller). */
    SimEvent.VpcConfig vpcConfig(List<String> subnetIds, List<String> groupIds) {
        List<Integer> s = new ArrayList<>();
        for (String id : subnetIds) {
            s.add(subnet(id));
        }
        List<Integer> g = new ArrayList<>();
        for (String id : groupIds) {
            g.add(group(id));
        }
        return new SimEvent.VpcConfig(s, g);
    }

    /** Availability Zone {@code az} (an index into {@link #azs}) goes down or comes back. */
    void setAzDown(int az, boolean down) {
        if (azDown[az] != down) {
            azDown[az] = down;
            azsDown += down ? 1 : -1;
        }
        for (IpPool s : subnets) {
            subnetDown[s.index()] = azDown[subnetAz[s.index()]];
        }
    }

    boolean anyAzDown() {
        return azsDown > 0;
    }

    boolean subnetDown(int subnet) {
        return subnetDown[subnet];
    }
}
