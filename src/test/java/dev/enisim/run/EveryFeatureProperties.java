package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.WorldSnapshot;
import dev.enisim.model.eni.EniState;
import dev.enisim.report.ReportWriter;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The model's invariants over random scenarios that mix every feature at once, which the other properties generate
 * one family at a time: synchronous, asynchronous (retries, maximum age, on-failure destination, DLQ) and
 * SQS-fed functions side by side, on one or two VPCs (tiny subnets, dual-stack ones, NAT gateways with egress,
 * other services' ENIs and a Region limit that run out), one or two accounts (each VPC owned by either),
 * provisioned and reserved concurrency, database pools, existing (Active, Inactive, Failed) and late functions, an EC2
 * request limit, a short idle reclaim, either network model and either assumption preset, and a random timeline of
 * every action (updates across VPCs, with another VPC's security group now and then, versions, deletions and
 * re-creations, roles, AZ outages, subnet fills, provisioned concurrency set and removed). Half the runs end with a
 * teardown (every function deleted, the orphans deleted by hand). What the runs met is collected (subnets out of
 * IPs, ENI limits, EC2 throttles, ports, orphans, drops, redrives, Failed and Inactive functions: each in 5 to 60%
 * of 300 tries seen) and reported on a failure.
 *
 * <p>Checked: the world's invariants after every event; every arrival has exactly one outcome (an invocation, an
 * async event received or refused, an SQS message sent), and each outcome family adds up (invocations, async
 * events, SQS messages); at the end every IP and quota slot is held by an ENI that still exists; after a teardown
 * nothing is held (IPs, quota slots, ports, ENIs); and the same scenario and seed give byte-identical outputs.
 */
class EveryFeatureProperties {

    private static final String[] IDS = {"111111111111", "222222222222"};
    private static final List<dev.enisim.model.function.StateReasonCode> FAILED =
            dev.enisim.model.function.StateReasonCode.FAILED_CREATION;

    @Provide
    Arbitrary<int[]> shapes() {
        return Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(40);
    }

    @Provide
    Arbitrary<List<int[]>> actions() {
        return Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(6).list().ofMaxSize(10);
    }

    @Provide
    Arbitrary<String> scenarios() {
        return Combinators.combine(shapes(), shapes(), actions()).as(EveryFeatureProperties::scenario);
    }

    /** The figures one scenario is built from: VPC v's subnets, the functions' kinds and VPCs. */
    private record Shape(int vpcs, int[] subnets, boolean[][] dualStack, int[][] usable, boolean[] nat, int functions,
            int[] vpcOf, boolean legacy, boolean accounts, boolean drain) {
    }

    /**
     * A valid scenario from two rows of random figures and the timeline's actions ({kind, function, a, b, c, at}).
     * Kept small: 20 minutes (45 with a teardown), a few requests a second, tiny subnets and quotas.
     */
    static String scenario(int[] s, int[] t, List<int[]> actions) {
        boolean legacy = s[0] % 5 == 0;
        boolean accounts = s[1] % 4 == 0;
        boolean drain = s[2] % 2 == 0;
        int nVpcs = 1 + s[3] % 2;
        int[] subnets = new int[nVpcs];
        boolean[][] dual = new boolean[nVpcs][];
        int[][] usables = new int[nVpcs][];
        boolean[] nat = new boolean[nVpcs];
        int limit = 8 + s[4] % 40;
        int others = 2 * (s[9] % 3); // the Region's ENIs outside Lambda's: other services' in the VPCs, and outside
        for (int v = 0; v < nVpcs; v++) {
            others += otherUsedEnis(s, v);
        }
        int region = others + 1 + s[8] % 12; // often the limit Lambda's ENIs meet first
        StringBuilder y = new StringBuilder();
        y.append("name: every-feature\nseed: ").append(s[5]).append('\n')
                .append("duration: ").append(drain ? "45m" : "20m").append("\nbucket: 30s\n");
        if (legacy) {
            y.append("networkModel: legacy\n")
                    .append("legacy: { coldStartAttachTime: { dist: uniform, min: 1s, max: 6s }, ec2ApiBurst: ")
                    .append(2 + s[6] % 20).append(", ec2ApiRefill: 1/s, eniLimit: ").append(3 + s[7] % 30)
                    .append(" }\n");
        }
        if (accounts) {
            // each account's own network interfaces per Region, often the limit its Lambda ENIs meet first: its
            // interfaces in no VPC's quota and the otherUsedEnis of the VPCs it owns (ownerOf), and a few more
            y.append("accounts:\n");
            for (int a = 0; a < 2; a++) {
                int own = s[9] % 3;
                for (int v = 0; v < nVpcs; v++) {
                    own += ownerOf(s, v) == a ? otherUsedEnis(s, v) : 0;
                }
                y.append("  - { id: \"").append(IDS[a]).append("\", concurrencyLimit: ").append(limit)
                        .append(", unreservedMinimum: 0, networkInterfacesPerRegion: ")
                        .append(own + 1 + (a == 0 ? s[8] : s[38]) % 12)
                        .append(", otherNetworkInterfaces: ").append(s[9] % 3).append(" }\n");
            }
        } else {
            y.append("account: { concurrencyLimit: ").append(limit).append(", unreservedMinimum: 0");
            if (!legacy) {
                y.append(", networkInterfacesPerRegion: ").append(region).append(", otherNetworkInterfaces: ")
                        .append(s[9] % 3);
            }
            y.append(" }\n");
        }
        y.append("vpcs:\n");
        for (int v = 0; v < nVpcs; v++) {
            int b = 10 + 6 * v;
            subnets[v] = 1 + s[b] % 3;
            dual[v] = new boolean[subnets[v]];
            usables[v] = new int[subnets[v]];
            nat[v] = s[b + 1] % 3 == 0;
            int quota = 2 + s[b + 2] % 8;
            y.append("  - id: vpc-").append(v).append("\n    eniQuota: ").append(quota)
                    .append("\n    otherUsedEnis: ").append(otherUsedEnis(s, v))
                    .append("\n    subnets:\n");
            for (int k = 0; k < subnets[v]; k++) {
                int prefix = 27 + (s[b + 4] >> k) % 2; // /27 (27 usable) or /28 (11)
                int usable = (1 << (32 - prefix)) - 5;
                usables[v][k] = usable;
                dual[v][k] = (s[b + 5] >> k & 1) == 1;
                y.append("      - { id: subnet-").append(v).append('-').append(k).append(", cidr: 10.").append(v)
                        .append('.').append(k).append(".0/").append(prefix).append(", az: az-").append(k % 2)
                        .append(", otherUsedIps: ").append((s[b + 4] >> (4 + k)) % (usable + 1));
                if (dual[v][k]) {
                    y.append(", ipv6Cidr: \"2600:1f18:0:").append(v * 16 + k + 1).append("::/64\"");
                }
                y.append(" }\n");
            }
            if (accounts) {
                y.append("    owner: \"").append(IDS[ownerOf(s, v)]).append("\"\n");
                if ((s[39] >> v) % 2 == 0) { // each account's own copy of the quota [assumed]
                    y.append("    eniQuotaCountedPer: account\n");
                }
            }
            y.append("    securityGroups: [sg-").append(v).append("-0, sg-").append(v).append("-1]\n");
            if (nat[v]) {
                y.append("    natGateways: [{ id: nat-").append(v).append(", az: az-0, addresses: 1 }]\n");
            }
        }
        if (s[37] % 4 == 0) {
            y.append("assumptions: documented\n");
        }
        y.append("hyperplane:\n  attachExistingTime: ").append(s[37] % 9).append("s\n  eniCreateTime: { dist: lognormal, median: ")
                .append(5 + s[22] % 40)
                .append("s, p99: 2m }\n  eniDeleteTime: { dist: uniform, min: 5s, max: ").append(1 + s[23] % 4)
                .append("m }\n  connectionsPerEni: ").append(2 + s[24] % 30)
                .append("\n  eniRetryBackoff: ").append(30 + s[25] % 300).append("s\n  idleReclaimAfter: ")
                .append(s[26] % 3 == 0 ? "4m" : "14d").append("\n  stuckPendingAfter: ").append(1 + s[26] % 6)
                .append("m\n  reuseDeletingEni: ").append(s[27] % 2 == 0).append("\n  eniNotReadyOnScaleOut: ")
                .append(s[27] % 3 == 0).append('\n');
        if (s[28] % 3 == 0) {
            y.append("  ec2RequestLimit: { burst: ").append(1 + s[28] % 5).append(", refill: 1/m }\n");
        }
        boolean legacyBurst = s[29] % 3 == 0;
        y.append("scaling:\n  model: ").append(legacyBurst ? "legacy-burst" : "per-function").append('\n');
        if (legacyBurst) {
            y.append("  burst: ").append(1 + s[29] % 20).append("\n  burstIncreasePerMinute: ").append(1 + s[30] % 10)
                    .append('\n');
        } else {
            y.append("  newEnvironmentsPer10s: ").append(1 + s[30] % 20).append('\n');
        }
        String[] routing = {"mostRecentlyUsed", "newest", "random"};
        y.append("  keepAlive: ").append(30 + s[31] % 300).append("s\n  warmRouting: ").append(routing[s[31] % 3])
                .append("\n  provisionedConcurrency: { preparation: ").append(s[32] % 60)
                .append("s, allocationPerMinute: ").append(1 + s[32] % 10).append(", requestRateCap: ")
                .append(s[33] % 2 == 0 ? "allRequests" : "provisionedOnly").append(", keepsFunctionActive: ")
                .append(s[33] % 3 != 0).append(" }\n");
        int nFunctions = 2 + s[34] % 3;
        int[] vpcOf = new int[nFunctions];
        Shape shape = new Shape(nVpcs, subnets, dual, usables, nat, nFunctions, vpcOf, legacy, accounts, drain);
        boolean anyAsync = false;
        boolean anySqs = false;
        y.append("functions:\n");
        int reservedLeft = limit;
        int[] ceiling = new int[nFunctions]; // the most provisioned concurrency each may ask for
        for (int i = 0; i < nFunctions; i++) {
            int b = 4 * i; // t[b .. b+7]: function i's own figures (two functions share half a row: still random)
            int kind = t[b] % 3; // 0 sync, 1 Event, 2 SQS
            anyAsync |= kind == 1;
            anySqs |= kind == 2;
            vpcOf[i] = t[b + 1] % 6 == 0 ? -1 : t[b + 1] % nVpcs;
            int timeout = 1 + t[b + 2] % 4;
            y.append("  - name: f").append(i).append("\n    role: r").append(i % 2).append("\n    timeout: ")
                    .append(timeout).append("s\n    memoryMb: ").append(t[b + 2] % 2 == 0 ? 128 : 1024)
                    .append("\n    duration: { dist: lognormal, median: ").append(100 + t[b + 3] % 1500)
                    .append("ms, p99: ").append(2 + t[b + 3] % 4).append("s }\n");
            if (accounts) {
                y.append("    account: \"").append(IDS[i % 2]).append("\"\n");
            }
            if (vpcOf[i] >= 0) {
                y.append("    vpcConfig: ").append(vpcConfig(shape, vpcOf[i], t[b + 4], t[b + 5])).append('\n');
                if (t[b + 6] % 4 == 0) {
                    y.append("    existing: ").append(t[b + 6] % 8 == 0 ? "Active" : "Inactive").append('\n');
                } else if (t[b + 6] % 4 == 1) {
                    y.append("    createdAt: ").append(t[b + 6] % 120).append("s\n");
                } else if (t[b + 6] % 16 == 14) {
                    // saved Failed (enisim import): no ENI, its invocations fail; the timeline may delete, recreate it
                    int r = (t[b + 6] >> 4) % (FAILED.size() + 1);
                    y.append("    existing: Failed\n").append(r == FAILED.size() ? ""
                            : "    stateReasonCode: " + FAILED.get(r) + "\n");
                }
                if (nat[vpcOf[i]] && t[b + 7] % 2 == 0) {
                    y.append("    egress: { keepConnectionsOpen: ").append(t[b + 7] % 4 == 0)
                            .append(", destinations: [{ destination: \"api.example:443/tcp\", share: 0.5 }] }\n");
                }
            }
            y.append("    connectionsPerInvocation: ").append(t[b + 7] % 3).append('\n');
            if (t[b + 7] % 5 == 0) {
                y.append("    connectionsPerEnvironment: 1\n");
            }
            int reserved = -1;
            if (t[b + 5] % 3 == 0 && reservedLeft > 0) {
                reserved = t[b + 5] % (Math.min(reservedLeft, 6) + 1);
                reservedLeft -= reserved;
                y.append("    reservedConcurrency: ").append(reserved).append('\n');
            }
            ceiling[i] = reserved >= 0 ? reserved : limit;
            if (t[b + 4] % 4 == 0 && ceiling[i] > 0) {
                y.append("    provisionedConcurrency: ").append(1 + t[b + 4] % Math.min(ceiling[i], 3)).append('\n');
            }
            if (kind == 1) {
                y.append("    invocationType: Event\n    eventInvokeConfig: { maximumRetryAttempts: ")
                        .append(t[b + 3] % 3).append(", maximumEventAge: ").append(t[b + 3] % 2 == 0 ? "60s" : "5m");
                if (t[b + 6] % 2 == 0) {
                    y.append(", onFailure: { type: sqs, deliveryFailureProbability: 0.3 }");
                }
                y.append(" }\n");
                if (t[b + 6] % 3 == 0) {
                    y.append("    deadLetterConfig: { type: sns, deliveryFailureProbability: 0.2 }\n");
                }
            } else if (kind == 2) {
                y.append("    eventSourceMapping: { type: sqs, batchSize: ").append(1 + t[b + 3] % 10)
                        .append(", maximumConcurrency: ").append(2 + t[b + 4] % 8)
                        .append(", queue: { visibilityTimeout: ").append(timeout + t[b + 5] % 20).append('s');
                if (t[b + 6] % 2 == 0) {
                    y.append(", maxReceiveCount: ").append(1 + t[b + 6] % 3);
                }
                if (t[b + 5] % 3 == 0) {
                    y.append(", messageRetentionPeriod: ").append(60 + t[b + 3] % 300).append('s');
                }
                y.append(" } }\n");
            }
            y.append("    arrivals: { bursts: { base: 0.5/s, rate: ").append(2 + t[b + 1] % (t[b + 2] % 5 == 0 ? 80 : 15))
                    .append("/s, duration: 1m, at: [1m, ").append(5 + t[b] % 10).append("m] }, until: ")
                    .append("20m }\n");
        }
        if (anyAsync && s[35] % 2 == 0) {
            y.append("async: { onPending: retry, backoffFactor: 1.5, maxRetryInterval: 1m }\n");
        }
        if (anySqs && s[36] % 2 == 0) {
            y.append("sqs: { initialBatches: 2, scaleUpPerMinute: 30, maxBatches: 20 }\n");
        }
        List<String> timeline = new ArrayList<>();
        for (int[] a : actions) {
            String action = action(shape, a, ceiling);
            if (action != null) {
                timeline.add(action);
            }
        }
        if (drain) {
            for (int i = 0; i < nFunctions; i++) {
                timeline.add("{ at: 25m, action: deleteFunction, function: f" + i + " }");
            }
            timeline.add("{ at: 40m, action: deleteOrphanedEnis }");
        }
        if (!timeline.isEmpty()) {
            y.append("timeline:\n");
            for (String a : timeline) {
                y.append("  - ").append(a).append('\n');
            }
        }
        return y.toString();
    }

    /** Other services' ENIs in VPC {@code v} at the start: none, or some below its quota. */
    /** The account (0 or 1) owning VPC {@code v}, in a scenario with two accounts. */
    private static int ownerOf(int[] s, int v) {
        return (s[10 + 6 * v + 5] >> 3) % 2;
    }

    private static int otherUsedEnis(int[] s, int v) {
        int b = 10 + 6 * v;
        return s[b + 3] % 2 == 0 ? 0 : s[b + 3] % (2 + s[b + 2] % 8);
    }

    /** A VpcConfig in VPC {@code v}: a non-empty subset of its subnets, one or both of its groups. */
    private static String vpcConfig(Shape shape, int v, int subnetBits, int groupBits) {
        List<String> ids = new ArrayList<>();
        boolean allDual = true;
        for (int k = 0; k < shape.subnets()[v]; k++) {
            if ((subnetBits >> k & 1) == 1) {
                ids.add("subnet-" + v + "-" + k);
                allDual &= shape.dualStack()[v][k];
            }
        }
        if (ids.isEmpty()) {
            ids.add("subnet-" + v + "-0");
            allDual = shape.dualStack()[v][0];
        }
        int gv = groupBits % 11 == 10 ? (v + 1) % shape.vpcs() : v; // now and then another VPC's: InvalidSecurityGroup
        String groups = switch (groupBits % 3) {
            case 0 -> "sg-" + gv + "-0";
            case 1 -> "sg-" + gv + "-1";
            default -> "sg-" + v + "-0, sg-" + gv + "-1";
        };
        return "{ subnetIds: [" + String.join(", ", ids) + "], securityGroupIds: [" + groups + "]"
                + (allDual && subnetBits % 5 < 3 ? ", ipv6AllowedForDualStack: true" : "") + " }";
    }

    /** One timeline action {kind, function, a, b, c, at} at a time within the traffic; null: none. */
    private static String action(Shape shape, int[] a, int[] ceiling) {
        int f = a[1] % shape.functions();
        String fn = "function: f" + f;
        int v = shape.vpcOf()[f] >= 0 && a[2] % 4 != 0 ? shape.vpcOf()[f] : a[2] % shape.vpcs();
        String at = "{ at: " + (a[5] % 1200) + "s, action: ";
        int k = a[3] % shape.subnets()[v];
        String subnet = "subnet-" + v + "-" + k;
        return switch (a[0] % 15) {
            case 0 -> at + "createFunction, " + fn + (a[2] % 2 == 0 && shape.vpcOf()[f] >= 0
                    ? ", vpcConfig: " + vpcConfig(shape, shape.vpcOf()[f], a[3], a[4]) : "") + " }";
            // a function with egress keeps to its VPC (its NAT gateway); others may move to another VPC or detach
            case 1 -> at + "updateVpcConfig, " + fn + ", vpcConfig: " + (a[4] % 5 == 0
                    ? "{ subnetIds: [], securityGroupIds: [] }" : vpcConfig(shape, v, a[3], a[4])) + " }";
            case 2 -> at + "publishVersion, " + fn + " }";
            case 3 -> at + "deleteVersion, " + fn + ", version: " + (1 + a[3] % 3) + " }";
            case 4 -> at + "deleteFunction, " + fn + " }";
            case 5 -> at + "deleteRole, role: r" + a[3] % 2 + " }";
            case 6 -> at + "revokeRolePermissions, role: r" + a[3] % 2 + " }";
            case 7 -> at + "grantRolePermissions, role: r" + a[3] % 2 + " }";
            // up to the subnet's usable addresses (the loader refuses more); past what Lambda's ENIs leave free it is
            // capped
            case 8 -> at + "setOtherUsedIps, subnet: " + subnet + ", otherUsedIps: " + a[4] % (shape.usable()[v][k] + 1)
                    + " }";
            case 9 -> shape.legacy() ? null : at + "setOtherUsedEnis, vpc: vpc-" + v + ", otherUsedEnis: " + a[4] % 8
                    + " }";
            case 10 -> at + "azOutage, az: az-" + a[3] % Math.min(2, java.util.Arrays.stream(shape.subnets()).max()
                    .orElse(1)) + (a[4] % 3 == 0 ? "" : ", until: " + (a[5] % 1200 + 1
                    + a[4] % 600) + "s") + " }";
            case 11 -> at + "deleteOrphanedEnis" + (a[3] % 2 == 0 ? "" : ", subnet: " + subnet) + " }";
            case 12 -> ceiling[f] == 0 ? null : at + "putProvisionedConcurrencyConfig, " + fn
                    + ", provisionedConcurrency: " + (1 + a[4] % Math.min(ceiling[f], 4)) + " }";
            case 13 -> at + "deleteProvisionedConcurrencyConfig, " + fn + " }";
            default -> at + "setOtherUsedIps, subnet: " + subnet + ", otherUsedIps: 0 }";
        };
    }

    @Property(tries = 60)
    @StatisticsReport(onFailureOnly = true)
    void invariantsHoldOverEveryFeatureMixed(@ForAll("scenarios") String text) throws Exception {
        Scenario scenario = ScenarioLoader.parse(text, "property");
        Simulation sim = new Simulation(scenario, 0).checkingInvariants();
        int n = scenario.functions().size();
        long[] arrived = new long[n];
        sim.loop().setObserver((e, now) -> {
            if (e instanceof dev.enisim.model.SimEvent.Arrival a) {
                arrived[a.function()]++;
            }
        });
        RunResult result = sim.run();
        RunSummary r = result.summary();
        outcomesAddUp(scenario, r, arrived, text);
        resourcesAreHeldByLiveEnis(r, result, text);
        boolean drained = text.contains("action: deleteOrphanedEnis }\n") && text.contains("duration: 45m")
                && r.functions().values().stream().allMatch(f -> "Deleted".equals(f.finalState()));
        Statistics.label("teardown completed").collect(drained);
        // what the runs met (reported on failure): the limits and errors every feature leads to
        Map<String, Long> errors = r.invocations().errors();
        Statistics.label("subnet out of IPs").collect(errors.getOrDefault("SubnetIPAddressLimitReachedException", 0L) > 0);
        Statistics.label("ENI limit").collect(errors.getOrDefault("ENILimitReachedException", 0L) > 0);
        Statistics.label("EC2 throttled").collect(errors.getOrDefault("EC2ThrottledException", 0L) > 0);
        Statistics.label("no free port").collect(r.invocations().functionErrorCauses().getOrDefault("NoFreePortOnEni", 0L)
                > 0);
        Statistics.label("NAT port allocation").collect(r.invocations().functionErrorCauses()
                .getOrDefault("ErrorPortAllocation", 0L) > 0);
        Statistics.label("throttled").collect(r.invocations().throttled() > 0);
        Statistics.label("orphaned ENI").collect(r.enis().orphaned() > 0);
        Statistics.label("async dropped").collect(r.async() != null && r.async().values().stream()
                .anyMatch(a -> a.dropped() > 0));
        Statistics.label("SQS redriven").collect(r.sqs() != null && r.sqs().values().stream()
                .anyMatch(q -> q.movedToDeadLetterQueue() > 0));
        Statistics.label("a function Failed").collect(r.functions().values().stream()
                .anyMatch(f -> "Failed".equals(f.finalState()) || f.transitions().stream()
                        .anyMatch(x -> x.state() == dev.enisim.model.function.State.Failed)));
        Statistics.label("existing Failed").collect(text.contains("existing: Failed"));
        Statistics.label("went Inactive").collect(r.functions().values().stream().anyMatch(f -> f.transitions()
                .stream().anyMatch(x -> x.state() == dev.enisim.model.function.State.Inactive)));
        if (drained) {
            nothingIsHeld(r, result, sim.endSnapshot(), text);
        }
        Statistics.label("teardown completed").coverage(c -> c.check(true).percentage(p -> p >= 10));
        // the same scenario and seed, run again (without the checks): the same text outputs, byte for byte (the
        // charts and the page are compared in fewer tries below: they cost a second a run)
        RunResult again = new Simulation(ScenarioLoader.parse(text, "property"), 0).run();
        assertEquals(dev.enisim.report.SummaryJson.render(r), dev.enisim.report.SummaryJson.render(again.summary()),
                "summary.json\n" + text);
        assertEquals(dev.enisim.report.TimeSeriesCsv.render(result.timeSeries()),
                dev.enisim.report.TimeSeriesCsv.render(again.timeSeries()), "timeseries.csv\n" + text);
        assertEquals(dev.enisim.report.EnisCsv.render(result.enis()), dev.enisim.report.EnisCsv.render(again.enis()),
                "enis.csv\n" + text);
        assertEquals(dev.enisim.report.Narrative.lines(result), dev.enisim.report.Narrative.lines(again),
                "narrative.txt\n" + text);
    }

    private static void outcomesAddUp(Scenario scenario, RunSummary r, long[] arrived, String text) {
        long total = 0;
        for (int i = 0; i < arrived.length; i++) {
            Scenario.Function fn = scenario.functions().get(i);
            RunSummary.FunctionSummary f = r.functions().get(fn.name());
            SimulationProperties.assertConserved(f.invocations());
            total += f.invocations().total();
            RunSummary.AsyncSummary a = r.async() == null ? null : r.async().get(fn.name());
            RunSummary.SqsSummary q = r.sqs() == null ? null : r.sqs().get(fn.name());
            if (a != null) {
                assertEquals(arrived[i], a.received() + a.refused(), "one event per arrival: " + fn.name() + "\n" + text);
                assertEquals(a.received(), a.succeeded() + a.dropped() + a.queuedAtEnd(), fn.name() + "\n" + text);
                assertEquals(f.invocations().total(), a.received() + a.refused() + a.functionErrorRetries()
                        + a.systemRetries(), "every Invoke is a first attempt, a refusal or a retry: " + fn.name()
                        + "\n" + text);
                assertEquals(a.dropped(), a.dropReasons().values().stream().mapToLong(Long::longValue).sum(), text);
                assertTrue(a.queuedAtEnd() >= 0, text);
                assertEquals(f.invocations().succeeded(), a.succeeded(), "one success per succeeded event: "
                        + fn.name() + "\n" + text);
                assertEquals(f.invocations().succeeded() + f.invocations().functionErrors(),
                        a.eventAgeMillis().count(), "AsyncEventAge once per invocation that ran\n" + text);
                dev.enisim.model.AsyncConfig c = fn.async().orElseThrow();
                assertEquals(c.onFailureDestination() ? a.dropped() : 0, a.sentToDestination()
                        + a.destinationDeliveryFailures(), "on-failure deliveries: " + fn.name() + "\n" + text);
                assertEquals(c.deadLetterQueue() ? a.dropped() : 0, a.sentToDeadLetterQueue() + a.deadLetterErrors(),
                        "dead-letter deliveries: " + fn.name() + "\n" + text);
            } else if (q != null) {
                assertEquals(arrived[i], q.sent(), "one message per arrival: " + fn.name() + "\n" + text);
                assertEquals(q.sent(), q.deleted() + q.movedToDeadLetterQueue() + q.expired() + q.visibleAtEnd()
                        + q.inFlightAtEnd(), fn.name() + "\n" + text);
                assertTrue(q.inFlightAtEnd() >= 0 && q.visibleAtEnd() >= 0, text);
                assertTrue(q.peakConcurrentBatches() <= fn.sqs().orElseThrow().cap(), "MaximumConcurrency\n" + text);
            } else {
                assertEquals(arrived[i], f.invocations().total(), "one outcome per arrival of " + fn.name() + "\n"
                        + text);
            }
            if (fn.reservedConcurrency().isPresent()) {
                assertTrue(f.peakConcurrentExecutions() <= fn.reservedConcurrency().getAsInt(), fn.name() + "\n" + text);
            }
            assertTrue(f.peakConcurrentExecutions() <= scenario.account().concurrencyLimit(), text);
        }
        SimulationProperties.assertConserved(r.invocations());
        assertEquals(r.invocations().total(), total, text);
        assertEquals(r.invocations().succeeded(), r.latencyMillis().count(), "one latency per success\n" + text);
        if (r.provisionedConcurrency() != null) {
            for (RunSummary.ProvisionedSummary p : r.provisionedConcurrency().values()) {
                assertTrue(p.allocatedAtEnd() <= p.requested() && p.allocatedAtEnd() <= p.peakAllocated(), text);
            }
        }
        if (r.accounts() != null) {
            long sum = 0;
            for (RunSummary.AccountSummary a : r.accounts().values()) {
                sum += a.invocations();
                assertEquals(a.invocations(), a.succeeded() + a.throttled() + a.functionErrors() + a.invokeErrors(),
                        text);
                assertTrue(a.peakConcurrentExecutions() <= scenario.account().concurrencyLimit(), text);
            }
            assertEquals(r.invocations().total(), sum, text);
        }
    }

    /** Every IP and quota slot in use at the end is an ENI's that still exists (orphans included); none negative. */
    private static void resourcesAreHeldByLiveEnis(RunSummary r, RunResult result, String text) {
        Map<String, Long> bySubnet = new java.util.HashMap<>();
        long live = 0;
        long deleted = 0;
        for (RunResult.EniLifetime e : result.enis()) {
            if (!EniState.Deleted.name().equals(e.finalState())) {
                bySubnet.merge(e.subnet(), 1L, Long::sum);
                live++;
            } else {
                deleted++;
            }
        }
        for (Map.Entry<String, RunSummary.SubnetSummary> e : r.subnets().entrySet()) {
            RunSummary.SubnetSummary s = e.getValue();
            assertTrue(s.minAvailableIps() >= 0 && s.finalAvailableIps() >= s.minAvailableIps(), e.getKey() + "\n"
                    + text);
            if (!text.contains("networkModel: legacy")) {
                assertEquals(s.usableIps() - s.otherUsedIps() - bySubnet.getOrDefault(e.getKey(), 0L),
                        s.finalAvailableIps(), "IPs of " + e.getKey() + " held by live ENIs\n" + text);
            }
        }
        long vpcEnis = 0;
        for (Map.Entry<String, RunSummary.VpcSummary> e : r.vpcs().entrySet()) {
            RunSummary.VpcSummary v = e.getValue();
            assertTrue(v.finalEnis() >= 0 && v.finalEnis() <= v.peakEnis(), text);
            if (!text.contains("networkModel: legacy") && v.byAccount() == null) {
                assertTrue(v.peakEnis() <= v.eniQuota(), e.getKey() + "\n" + text);
                assertTrue(v.finalEnis() + v.otherUsedEnis() <= v.eniQuota(), e.getKey() + "\n" + text);
            }
            if (v.byAccount() != null) { // each account's copy holds its own ENIs, within the quota; they add up
                long fin = 0;
                for (RunSummary.VpcSummary a : v.byAccount().values()) {
                    assertTrue(a.peakEnis() <= a.eniQuota() && a.finalEnis() + a.otherUsedEnis() <= a.eniQuota(),
                            e.getKey() + "\n" + text);
                    fin += a.finalEnis();
                }
                assertEquals(v.finalEnis(), fin, e.getKey() + ": the accounts' copies add up\n" + text);
                assertTrue(v.peakEnis() <= 2L * v.eniQuota(), e.getKey() + "\n" + text);
            }
            vpcEnis += v.finalEnis();
        }
        if (!text.contains("networkModel: legacy")) {
            assertEquals(live, vpcEnis, "quota slots held by live ENIs\n" + text);
        }
        assertEquals(r.enis().created(), result.enis().size(), text);
        assertEquals(r.enis().deleted(), deleted, text);
        assertEquals(r.enis().fin(), live, text);
        assertEquals(live, r.region().finalLambdaEnis(), "the Region's Lambda ENIs\n" + text);
        if (r.region().byAccount() != null) {
            // each account's Region count holds its own keys' live ENIs (a key's label starts with its account),
            // never more than its own quota
            long sum = 0;
            for (Map.Entry<String, RunSummary.Region> a : r.region().byAccount().entrySet()) {
                long own = result.enis().stream().filter(e -> !EniState.Deleted.name().equals(e.finalState())
                        && e.key().startsWith(a.getKey() + ":")).count();
                RunSummary.Region x = a.getValue();
                assertEquals(own, x.finalLambdaEnis(), "account " + a.getKey() + "'s Lambda ENIs\n" + text);
                assertTrue(x.peakNetworkInterfaces() <= x.networkInterfacesPerRegion(), a.getKey() + "\n" + text);
                assertTrue(x.finalLambdaEnis() + x.finalOtherUsedEnis() + x.outsideVpcs()
                        <= x.peakNetworkInterfaces(), a.getKey() + "\n" + text);
                sum += x.finalLambdaEnis();
            }
            assertEquals(live, sum, "the accounts' Lambda ENIs add up to the Region's\n" + text);
            assertTrue(r.region().peakNetworkInterfaces() <= r.region().byAccount().values().stream()
                    .mapToLong(RunSummary.Region::peakNetworkInterfaces).sum(), text);
        }
    }

    /** After the teardown: no ENI, IP, quota slot or port held. */
    private static void nothingIsHeld(RunSummary r, RunResult result, WorldSnapshot end, String text) {
        for (RunResult.EniLifetime e : result.enis()) {
            assertEquals(EniState.Deleted.name(), e.finalState(), e.id() + " after the teardown\n" + text);
        }
        for (Map.Entry<String, RunSummary.SubnetSummary> e : r.subnets().entrySet()) {
            RunSummary.SubnetSummary s = e.getValue();
            assertEquals(s.usableIps() - s.otherUsedIps(), s.finalAvailableIps(), e.getKey() + "\n" + text);
        }
        for (RunSummary.VpcSummary v : r.vpcs().values()) {
            assertEquals(0, v.finalEnis(), text);
        }
        for (RunSummary.KeySummary k : r.eniKeys().values()) {
            assertEquals(0, k.finalEnis(), text);
        }
        for (WorldSnapshot.KeyView k : end.keys()) {
            assertEquals(0, k.connections(), "ports of " + k.key() + "\n" + text);
        }
        assertEquals(0, end.region().lambdaEnis(), text);
        // each account's Region count is back to its baseline: the otherUsedEnis of the VPCs it owns and its
        // interfaces in no VPC's quota, no Lambda ENI
        List<WorldSnapshot.AccountRegion> accounts = end.region().accounts();
        long others = 0;
        for (int a = 0; a < accounts.size(); a++) {
            WorldSnapshot.AccountRegion x = accounts.get(a);
            long owned = 0;
            for (WorldSnapshot.VpcView v : end.vpcs()) {
                owned += IDS[ownerOf(text, v.id())].equals(x.account()) ? v.otherUsedEnis() : 0;
            }
            assertEquals(IDS[a], x.account(), text);
            assertEquals(0, x.lambdaEnis(), "account " + x.account() + "\n" + text);
            assertEquals(owned + x.outsideVpcs(), x.otherEnis(), "account " + x.account() + "\n" + text);
            assertEquals(0, r.region().byAccount().get(x.account()).finalLambdaEnis(), text);
            others += x.otherEnis();
        }
        if (!accounts.isEmpty()) {
            assertEquals(others, end.region().otherEnis(), "the Region's others: every account's\n" + text);
        }
    }

    /** The index of the account the scenario text names as the owner of VPC {@code vpc}. */
    private static int ownerOf(String text, String vpc) {
        int at = text.indexOf("  - id: " + vpc + "\n");
        int owner = text.indexOf("    owner: \"", at);
        int next = text.indexOf("  - id: vpc-", at + 1);
        if (at < 0 || owner < 0 || (next >= 0 && owner > next)) {
            throw new IllegalStateException("no owner of " + vpc + "\n" + text);
        }
        return text.startsWith(IDS[0], owner + "    owner: \"".length()) ? 0 : 1;
    }

    @Property(tries = 4)
    void sameScenarioAndSeedGiveByteIdenticalOutputs(@ForAll("scenarios") String text) throws Exception {
        Map<String, byte[]> a = ReportWriter.render(new Simulation(ScenarioLoader.parse(text, "p"), 0).run());
        Map<String, byte[]> b = ReportWriter.render(new Simulation(ScenarioLoader.parse(text, "p"), 0).run());
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name + "\n" + text);
        }
    }
}
