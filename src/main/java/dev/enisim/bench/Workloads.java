package dev.enisim.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Workloads the bench generates rather than reads (10,000 functions are not worth a 10,000-entry file): scenario
 * trees, parsed and validated like any scenario file. Deterministic: the same arguments give the same tree.
 */
public final class Workloads {

    /** The generated workloads by name. */
    public static final String MANY_FUNCTIONS = "many-functions";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Workloads() {
    }

    /**
     * {@code many-functions}: {@code n} functions (10,000 for the bench) over 20 subnets in 3 AZs and 500
     * security-group sets, one hour. Function i has memoryMb 128 << (i % 5), a log-normal duration with median
     * 50 << (i % 4) ms and p99 ten times that, the default cold start (no initDuration: the documented default
     * init distribution), a database pool (connectionsPerEnvironment: 10) when i % 4 == 0, security-group set
     * i % 500 (sg-000..sg-499) and the subnet pair i % 10 (sub-00 + sub-01, ..., sub-18 + sub-19): a set's
     * functions all share one pair, so 1,000 ENI keys (a key is a subnet and a security-group set) and 1,000 ENIs
     * (eniQuota 1,000).
     * Traffic is diurnal with the day compressed into the hour: each function between 0.5/s and 1.5/s, peaks
     * staggered by 5 minutes over 12 groups, 1/s on average: n invocations/s in all (10,000/s, 36 M in the hour).
     */
    public static ObjectNode manyFunctions(int n) {
        return manyFunctions(n, 500);
    }

    /**
     * The same with {@code groups} security-group sets (a multiple of 10, e.g. 50: 2 x {@code groups}
     * ENI keys when {@code n >= groups}): function i uses set i % {@code groups}, whose functions share its subnet pair.
     */
    public static ObjectNode manyFunctions(int n, int groups) {
        if (groups < 10 || groups % 10 != 0) {
            throw new IllegalArgumentException("security-group sets: a multiple of 10, got " + groups);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("name", "bench-many-functions");
        root.put("seed", 16);
        root.put("duration", "1h");
        root.put("bucket", "1m");
        ObjectNode account = root.putObject("account");
        account.put("concurrencyLimit", 10000);
        account.put("unreservedMinimum", 100);
        ObjectNode vpc = root.putArray("vpcs").addObject();
        vpc.put("id", "vpc-many");
        // 1,000 keys (500 security-group sets x 2 subnets each), an ENI each: a quota increase, as such an account
        // would ask for
        vpc.put("eniQuota", 1000);
        ArrayNode subnets = vpc.putArray("subnets");
        for (int s = 0; s < 20; s++) {
            ObjectNode subnet = subnets.addObject();
            subnet.put("id", String.format(Locale.ROOT, "sub-%02d", s));
            subnet.put("cidr", String.format(Locale.ROOT, "10.%d.%d.0/20", 20 + s / 16, (s % 16) * 16));
            subnet.put("az", "us-east-1" + (char) ('a' + s % 3));
        }
        ArrayNode groupIds = vpc.putArray("securityGroups");
        for (int g = 0; g < groups; g++) {
            groupIds.add(String.format(Locale.ROOT, "sg-%03d", g));
        }
        ArrayNode functions = root.putArray("functions");
        for (int i = 0; i < n; i++) {
            ObjectNode f = functions.addObject();
            f.put("name", String.format(Locale.ROOT, "fn-%05d", i));
            f.put("memoryMb", 128 << (i % 5));
            f.put("timeout", "30s");
            int pair = i % 10;
            vpcConfig(f, new String[] {String.format(Locale.ROOT, "sub-%02d", 2 * pair),
                String.format(Locale.ROOT, "sub-%02d", 2 * pair + 1)}, String.format(Locale.ROOT, "sg-%03d", i % groups));
            ObjectNode d = f.putObject("duration");
            d.put("dist", "lognormal");
            d.put("median", (50 << (i % 4)) + "ms");
            d.put("p99", (500 << (i % 4)) + "ms");
            f.put("connectionsPerInvocation", 1);
            if (i % 4 == 0) {
                f.put("connectionsPerEnvironment", 10);
            }
            ObjectNode diurnal = f.putObject("arrivals").putObject("diurnal");
            diurnal.put("peak", "1.5/s");
            diurnal.put("trough", "0.5/s");
            diurnal.put("period", "1h");
            diurnal.put("peakAt", (5 * (i % 12)) + "m");
        }
        return root;
    }

    /**
     * The {@code loss} workload (account limit 1,000, Poisson 950/s in all, exponential durations of mean 1 s, no
     * init time) split over {@code n} functions, each with an equal share of the traffic, for {@code arrivals}
     * arrivals in all. {@code ownKeys}: each function has a security group of its own (n ENI keys); otherwise all
     * share one (1 key). Functions differ from {@code loss} only in number: the events are the same kind and
     * count, so the time per event shows what functions and keys cost.
     */
    /**
     * The most arrivals {@link #lossSplit} takes: 950/s over as many one-minute buckets as a run may keep. Above it
     * the workload was refused as a scenario the user never wrote ({@code cost-1-keys: bucket: too fine}).
     */
    public static final long MAX_SPLIT_ARRIVALS = 950L * 60 * dev.enisim.scenario.ScenarioLoader.MAX_BUCKETS;

    /**
     * The most functions {@link #lossSplit} takes: with a key each, each key's ENI takes one of its /16 subnet's 65,531
     * addresses (65,536 less the 5 AWS keeps). Above it the keys wait for addresses, no longer what functions cost;
     * {@code --cost-model-functions 10000000} built ten million functions and ran out of memory after minutes.
     */
    public static final int MAX_SPLIT_FUNCTIONS = 65_531;

    public static ObjectNode lossSplit(int n, boolean ownKeys, long arrivals) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", "bench-loss-split-" + n + (ownKeys ? "-keys" : ""));
        root.put("seed", 1);
        root.put("duration", Math.round(arrivals / 950.0 * 1000) + "ms");
        root.put("bucket", "1m");
        ObjectNode account = root.putObject("account");
        account.put("concurrencyLimit", 1000);
        account.put("unreservedMinimum", 0);
        ObjectNode vpc = root.putArray("vpcs").addObject();
        vpc.put("id", "vpc-bench");
        vpc.put("eniQuota", Math.max(500, n)); // one ENI per key: no key waits for the quota
        ObjectNode subnet = vpc.putArray("subnets").addObject();
        subnet.put("id", "subnet-bench");
        subnet.put("cidr", "10.9.0.0/16");
        subnet.put("az", "us-east-1a");
        ArrayNode groups = vpc.putArray("securityGroups");
        for (int g = 0; g < (ownKeys ? n : 1); g++) {
            groups.add("sg-" + g);
        }
        root.putObject("hyperplane").put("eniCreateTime", "1s");
        ArrayNode functions = root.putArray("functions");
        String rate = String.format(Locale.ROOT, "%s/s", 950.0 / n);
        for (int i = 0; i < n; i++) {
            ObjectNode f = functions.addObject();
            f.put("name", "loss-" + i);
            f.put("timeout", "900s");
            f.put("initDuration", "0s");
            vpcConfig(f, new String[] {"subnet-bench"}, "sg-" + (ownKeys ? i : 0));
            ObjectNode d = f.putObject("duration");
            d.put("dist", "exponential");
            d.put("mean", "1s");
            f.put("connectionsPerInvocation", 1);
            f.putObject("arrivals").put("poisson", rate);
        }
        return root;
    }

    private static void vpcConfig(ObjectNode f, String[] subnetIds, String securityGroup) {
        ObjectNode vc = f.putObject("vpcConfig");
        ArrayNode s = vc.putArray("subnetIds");
        for (String id : subnetIds) {
            s.add(id);
        }
        vc.putArray("securityGroupIds").add(securityGroup);
    }
}
