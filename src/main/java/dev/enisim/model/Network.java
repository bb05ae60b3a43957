package dev.enisim.model;

import dev.enisim.model.network.Cidr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VPCs, subnets and security groups, each account's network interfaces in the Region, and which Availability
 * Zones are down.
 */
final class Network {

    final List<EniQuota> vpcs = new ArrayList<>();
    /** Each VPC's accounts' copies of its quota, by account index ({@code eniQuotaCountedPer: account}), else null. */
    private final List<EniQuota[]> vpcCopies = new ArrayList<>();
    /**
     * EC2's network interfaces per Region of each account, by its index (0: the first, or only, account): a quota of
     * each account (5,000 unless the scenario says otherwise). Every account's are counted in {@link #regionTotal}
     * too once there are several.
     */
    private RegionEnis[] regions;
    /** Every account's network interfaces together (no limit): the only account's own count in a single-account world. */
    private RegionEnis regionTotal;
    /** Each account's interfaces in no VPC's quota ({@code otherNetworkInterfaces}), by its index. */
    private int[] outside = new int[1];
    /** The account owning each VPC (its index): its otherUsedEnis count against that account's Region quota. */
    private int[] vpcOwner = new int[0];
    private final Map<String, Integer> accountIndex = new LinkedHashMap<>();

    /** @param networkInterfacesPerRegion EC2's network interfaces per Region of the first (or only) account */
    Network(int networkInterfacesPerRegion) {
        this.regions = new RegionEnis[] {new RegionEnis(networkInterfacesPerRegion)};
        this.regionTotal = regions[0];
    }

    /** Names account 0 (a world with several accounts; a single-account world's has no id). */
    void nameFirstAccount(String id) {
        if (regions.length > 1) {
            throw new IllegalStateException("account 0 is named before the others are added");
        }
        regions[0].name(id);
        accountIndex.clear();
        accountIndex.put(id, 0);
    }

    /**
     * Another account with its own network interfaces per Region (after {@link #nameFirstAccount}): returns its
     * index.
     */
    int addAccount(String id, int networkInterfacesPerRegion) {
        int a = regions.length;
        RegionEnis r = new RegionEnis(id, networkInterfacesPerRegion);
        if (a == 1) { // from now on the Region's total is counted apart
            regionTotal = RegionEnis.total();
            regions[0].countIn(regionTotal);
        }
        r.countIn(regionTotal);
        regions = java.util.Arrays.copyOf(regions, a + 1);
        regions[a] = r;
        outside = java.util.Arrays.copyOf(outside, a + 1);
        accountIndex.put(id, a);
        return a;
    }

    int accounts() {
        return regions.length;
    }

    /** Account {@code account}'s network interfaces in the Region. */
    RegionEnis region(int account) {
        return regions[account];
    }

    /** Every account's network interfaces together: the only account's in a single-account world. */
    RegionEnis regionTotal() {
        return regionTotal;
    }

    /**
     * The Region count of the account an ENI key belongs to ({@code EniKey.account}: "" for the first, or only,
     * account); an id the world does not know is a bug of the caller.
     */
    RegionEnis regionOf(String accountId) {
        if (accountId.isEmpty()) {
            return regions[0];
        }
        Integer a = accountIndex.get(accountId);
        if (a == null) {
            throw new IllegalArgumentException("unknown account " + accountId);
        }
        return regions[a];
    }

    /** The index of account {@code accountId} ("" for the first, or only, account). */
    int accountIndex(String accountId) {
        if (accountId.isEmpty()) {
            return 0;
        }
        Integer a = accountIndex.get(accountId);
        if (a == null) {
            throw new IllegalArgumentException("unknown account " + accountId);
        }
        return a;
    }

    /**
     * The ENI quota an account's ENIs in VPC {@code vpc} count against: the VPC's own, or, its quota counted per
     * account ({@code eniQuotaCountedPer: account}), that account's copy (made when first asked for).
     */
    EniQuota quotaOf(int vpc, String accountId) {
        return quotaOf(vpc, accountIndex(accountId));
    }

    /** The same for account {@code a} (an index). */
    private EniQuota quotaOf(int vpc, int a) {
        EniQuota[] copies = vpcCopies.get(vpc);
        if (copies == null) {
            return vpcs.get(vpc);
        }
        if (a >= copies.length) {
            copies = java.util.Arrays.copyOf(copies, regions.length);
            vpcCopies.set(vpc, copies);
        }
        if (copies[a] == null) {
            copies[a] = vpcs.get(vpc).copyFor(regions[a].account());
        }
        return copies[a];
    }

    /**
     * The accounts' copies of VPC {@code vpc}'s quota made so far (its owner's, and those of the accounts whose keys
     * are in it), in the accounts' order; empty when the quota is the VPC's own.
     */
    List<EniQuota> copies(int vpc) {
        List<EniQuota> out = new ArrayList<>();
        EniQuota[] copies = vpcCopies.get(vpc);
        if (copies != null) {
            for (EniQuota c : copies) {
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** The index of the account owning VPC {@code vpc}. */
    int vpcOwner(int vpc) {
        return vpcOwner[vpc];
    }

    /** Account {@code account}'s interfaces in no VPC's quota now. */
    int outsideVpcs(int account) {
        return outside[account];
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
        return addVpc(id, eniQuota, 0);
    }

    /** A VPC that account {@code owner} (an index) owns. */
    int addVpc(String id, int eniQuota, int owner) {
        return addVpc(id, eniQuota, owner, false);
    }

    /**
     * The same, its quota counted per account when {@code perAccount} ({@code eniQuotaCountedPer: account}
     * [assumed]): each account's ENIs in it count against that account's own copy of the quota, and other services'
     * ENIs ({@code otherUsedEnis}) against its owner's.
     */
    int addVpc(String id, int eniQuota, int owner, boolean perAccount) {
        if (owner < 0 || owner >= regions.length) {
            throw new IllegalArgumentException(id + ": unknown owner account " + owner);
        }
        int i = vpcs.size();
        vpcs.add(new EniQuota(i, id, eniQuota));
        vpcCopies.add(perAccount ? new EniQuota[regions.length] : null);
        vpcIndex.put(id, i);
        vpcOwner = java.util.Arrays.copyOf(vpcOwner, i + 1);
        vpcOwner[i] = owner;
        if (perAccount) {
            quotaOf(i, owner); // the owner's copy holds other services' ENIs
        }
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
     * Other services' ENIs in a VPC (they count against its ENI quota and its owner account's Region quota); as many
     * as fit beside Lambda's. Returns how many were set.
     */
    int otherUsedEnis(int vpc, int count) {
        EniQuota v = quotaOf(vpc, vpcOwner[vpc]);
        RegionEnis region = regions[vpcOwner[vpc]];
        int fits = Math.max(0, Math.min(count, Math.min(v.eniQuota() - v.enis(),
                v.otherUsedEnis() + region.free())));
        region.addOther(fits - v.otherUsedEnis());
        v.setOtherUsedEnis(fits);
        return fits;
    }

    /**
     * Network interfaces of the first (or only) account in no VPC's quota (EC2 instances', ECS tasks'...): they count
     * against its Region quota only; as many as fit. Returns how many were set.
     */
    int otherRegionInterfaces(int count) {
        return otherRegionInterfaces(0, count);
    }

    /** The same for account {@code account} (an index). */
    int otherRegionInterfaces(int account, int count) {
        RegionEnis region = regions[account];
        int fits = Math.max(0, Math.min(count, region.free()));
        region.addOther(fits);
        outside[account] += fits;
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
