package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The limits scenarios/README.md gives each field, enforced: one edit to a small valid scenario, and exactly the
 * problems it must cause (each with the field's path and what was expected), nothing more. Each rule's limit is
 * taken from the README's field tables (or AWS's documented limit they cite), and most rows come in pairs at the
 * limit: the last value refused here, the first accepted one in {@link FieldLimitsAcceptedTest}.
 */
class FieldRulesTest {

    static final String GOOD = ScenarioValidationTest.GOOD;

    /** Parts of the loader's messages, as scenarios/README.md states them. */
    static final String DURATION = "expected a duration with a unit (us, ms, s, m, h, d), like 90s or 250ms";
    static final String RATE = "expected a positive rate with a unit, like 50/s or 3000/m";
    static final String IPV6_64 = "expected an IPv6 /64 such as 2600:1f18:4a3b:c100::/64";

    /** The loader's problem for a missing duration at {@code path}. */
    static String durationRequired(String path) {
        return path + ": is required (" + DURATION + ")";
    }

    /** Appends {@code block} under the function's other keys (four spaces in). */
    static String fn(String block) {
        return GOOD + block.indent(4);
    }

    /** Appends {@code block} at the top level. */
    static String top(String block) {
        return GOOD + block;
    }

    /** Adds {@code block} to the VPC (four spaces in), before its subnets. */
    static String vpc(String block) {
        return GOOD.replace("    subnets:\n", block.indent(4) + "    subnets:\n");
    }

    static Arguments row(String what, String yaml, String... problems) {
        return Arguments.of(what, yaml, List.of(problems));
    }

    static Stream<Arguments> badEdits() {
        return Stream.of(
                // the top level
                row("startsAt not a date-time", top("startsAt: yesterday\n"),
                        "startsAt: expected an ISO-8601 UTC date-time such as 2026-11-30T00:00:00Z, got 'yesterday'"),
                row("a name of 129 characters", GOOD.replace("name: good", "name: " + "n".repeat(129)),
                        "name: expected letters, digits, '.', '_' or '-' only, at most 128 (it names the report folder), "
                                + "got '" + "n".repeat(60) + "...' (129 characters)"),
                row("bucket 0s", top("bucket: 0s\n"), "bucket: must be > 0"),
                row("2,000,001 buckets", GOOD.replace("duration: 1h", "duration: 2000001ms").concat("bucket: 1ms\n"),
                        "bucket: too fine: 2000001 buckets (at most 2000000); use a longer bucket"),
                row("unknown assumptions preset", top("assumptions: measured\n"),
                        "assumptions: expected 'documented' (AWS's current text) or 'field' (the field reports, the "
                                + "default), got 'measured'"),
                row("unknown network model", top("networkModel: eni\n"),
                        "networkModel: expected 'hyperplane' (since 2019) or 'legacy' (before), got 'eni'"),
                row("the scenario is not a map", "- a\n- b\n",
                        ": expected a scenario (key: value pairs at the top level)"),
                row("an empty file", "", ": the file is empty"),
                row("a second YAML document", GOOD + "---\nname: other\n",
                        ": malformed YAML: a second YAML document (after '---', its first value at line "
                                + (GOOD.lines().count() + 2) + "): a scenario file holds one"),
                row("a file of comments only", "# a scenario\n\n# to come\n",
                        ": the file holds no scenario: only comments and blank lines"),
                // account
                row("account limit 0", top("account: { concurrencyLimit: 0 }\n"),
                        "account.concurrencyLimit: expected a whole number from 1 to 10000000, got 0"),
                row("unreserved minimum over the limit", top("account: { concurrencyLimit: 500, unreservedMinimum: 501 }\n"),
                        "account.unreservedMinimum: must not exceed concurrencyLimit (500)",
                        // read as the limit: nothing is left for GOOD's reservation of 100
                        "functions: reserved concurrency adds up to 100, more than concurrencyLimit 500 - "
                                + "unreservedMinimum 500 = 0"),
                row("account with an unknown key", top("account: { concurrency: 5 }\n"),
                        "account.concurrency: unknown key 'concurrency' (expected one of: concurrencyLimit, "
                                + "unreservedMinimum, networkInterfacesPerRegion, otherNetworkInterfaces)"),
                row("account not an object", top("account: 5\n"),
                        "account: expected an object (key: value pairs), got 5"),
                // vpcs
                row("tenancy neither default nor dedicated", vpc("tenancy: host"),
                        "vpcs[0].tenancy: expected 'default' or 'dedicated', got 'host'"),
                row("ENI quota 0", vpc("eniQuota: 0"), "vpcs[0].eniQuota: expected a whole number from 1 to 1000000, got 0"),
                row("NAT gateway in an AZ without a subnet", vpc("natGateways: [{id: nat-1, az: us-east-1c}]"),
                        "vpcs[0].natGateways[0].az: no subnet of vpc-main is in 'us-east-1c' (a NAT gateway lives in a "
                                + "subnet)"),
                row("NAT gateway without an id", vpc("natGateways: [{az: us-east-1a}]"),
                        "vpcs[0].natGateways[0].id: is required"),
                row("NAT gateway with an unknown key", vpc("natGateways: [{id: n, az: us-east-1a, eips: 2}]"),
                        "vpcs[0].natGateways[0].eips: unknown key 'eips' (expected one of: id, az, addresses)"),
                row("VPC with an unknown key", vpc("cidr: 10.0.0.0/16"),
                        "vpcs[0].cidr: unknown key 'cidr' (expected one of: id, eniQuota, eniQuotaCountedPer, tenancy, "
                                + "subnets, "
                                + "securityGroups, otherUsedEnis, natGateways, owner, name, securityGroupNames,"
                                + " enisAtStart)"),
                row("a VPC that is not an object", GOOD.replace("vpcs:\n", "vpcs:\n  - vpc-x\n"),
                        "vpcs[0]: expected an object (key: value pairs), got 'vpc-x'"),
                row("vpcs not a list", GOOD.replace("duration: 1h", "duration: 1h\nvpcs2: x").replace("vpcs:", "vpcs: 3\nvpcsOld:"),
                        "vpcs2: unknown key 'vpcs2' (expected one of: name, duration, bucket, account, vpcs, "
                                + "hyperplane, functions, timeline, expect, networkModel, scaling, legacy, async, "
                                + "startsAt, sqs, prices, assumptions, accounts, description, seed; or x-NAME, your own,"
                                + " for YAML anchors); did you mean 'vpcs'?",
                        "vpcsOld: unknown key 'vpcsOld' (expected one of: name, duration, bucket, account, vpcs, "
                                + "hyperplane, functions, timeline, expect, networkModel, scaling, legacy, async, "
                                + "startsAt, sqs, prices, assumptions, accounts, description, seed; or x-NAME, your own,"
                                + " for YAML anchors)",
                        // said once: not again as the function's subnet and group, unknown for want of the list
                        "vpcs: expected a list, got 3"),
                row("a function that is not an object", GOOD.replace("functions:\n", "functions:\n  - 7\n"),
                        "functions[0]: expected an object (key: value pairs), got 7"),
                row("a function name that is not text", GOOD.replace("- name: f", "- name: [f]"),
                        "functions[0].name: expected a string, got a list"),
                row("a VPC id that is not text", GOOD.replace("- id: vpc-main", "- id: {v: 1}"),
                        "vpcs[0].id: expected a string, got an object"),
                row("a security group that is not text", GOOD.replace("[sg-app, sg-db]", "[sg-app, 5]"),
                        "vpcs[0].securityGroups[1]: expected a non-empty string, got 5"),
                row("a fractional ENI quota", vpc("eniQuota: 1.5"), "vpcs[0].eniQuota: expected a whole number, got 1.5"),
                row("a flag that is not true or false", top("hyperplane: { eniNotReadyOnScaleOut: 1 }\n"),
                        "hyperplane.eniNotReadyOnScaleOut: expected true or false, got 1"),
                row("an egress share just over 1", vpc("natGateways: [{id: nat-a, az: us-east-1a}]")
                                + "    egress: { destinations: [{destination: a, share: 1.0000001}] }\n",
                        "functions[0].egress.destinations[0].share: expected a number above 0 and at most 1, got 1.0000001"),
                row("an egress share in words", vpc("natGateways: [{id: nat-a, az: us-east-1a}]")
                                + "    egress: { destinations: [{destination: a, share: half}] }\n",
                        "functions[0].egress.destinations[0].share: expected a number above 0 and at most 1, got 'half'"),
                row("a blank security group", GOOD.replace("[sg-app, sg-db]", "[sg-app, ' ']"),
                        "vpcs[0].securityGroups[1]: expected a non-empty string, got ' '"),
                // subnets
                row("subnet without an id", GOOD.replace("id: subnet-b, ", ""), "vpcs[0].subnets[1].id: is required"),
                row("subnet without an AZ", GOOD.replace(", az: us-east-1b", ""), "vpcs[0].subnets[1].az: is required"),
                row("VPC without an id", GOOD.replace("  - id: vpc-main\n    subnets:", "  - subnets:"),
                        "vpcs[0].id: is required"),
                row("a bad CIDR before a good one", GOOD.replace("10.0.1.0/28", "10.0.1.0/33"),
                        "vpcs[0].subnets[0].cidr: expected an IPv4 CIDR block like 10.0.1.0/24, got '10.0.1.0/33'"),
                row("IPv6 CIDR of an IPv4-mapped address", GOOD.replace("az: us-east-1b }",
                                "az: us-east-1b, ipv6Cidr: '::ffff:a00:0/64' }"),
                        "vpcs[0].subnets[1].ipv6Cidr: " + IPV6_64 + " (not an IPv6 "
                                + "address), got '::ffff:a00:0/64'"),
                row("subnet without a CIDR", GOOD.replace("cidr: 10.0.2.0/28, ", ""), "vpcs[0].subnets[1].cidr: is required"),
                row("subnet with a blank id", GOOD.replace("id: subnet-b,", "id: '',"), "vpcs[0].subnets[1].id: must not be empty"),
                row("subnets adjacent then overlapping by one /28", GOOD.replace("10.0.2.0/28", "10.0.1.0/27"),
                        "vpcs[0].subnets[1].cidr: 10.0.1.0/27 overlaps subnet-a (10.0.1.0/28)"),
                row("a subnet inside the other's range, declared after it", GOOD.replace("10.0.1.0/28", "10.0.0.0/16"),
                        "vpcs[0].subnets[1].cidr: 10.0.2.0/28 overlaps subnet-a (10.0.0.0/16)"),
                row("IPv6 CIDR without a prefix", GOOD.replace("az: us-east-1b }", "az: us-east-1b, ipv6Cidr: '2600:1f18::' }"),
                        "vpcs[0].subnets[1].ipv6Cidr: " + IPV6_64 + " (a subnet's "
                                + "IPv6 CIDR is a /64), got '2600:1f18::'"),
                row("IPv6 CIDR of a /56", GOOD.replace("az: us-east-1b }", "az: us-east-1b, ipv6Cidr: '2600:1f18::/56' }"),
                        "vpcs[0].subnets[1].ipv6Cidr: " + IPV6_64 + " (a subnet's "
                                + "IPv6 CIDR is a /64), got '2600:1f18::/56'"),
                row("IPv6 CIDR that is an IPv4 address", GOOD.replace("az: us-east-1b }", "az: us-east-1b, ipv6Cidr: 10.0.0.0/64 }"),
                        "vpcs[0].subnets[1].ipv6Cidr: " + IPV6_64 + " (not an IPv6 "
                                + "address), got '10.0.0.0/64'"),
                row("IPv6 CIDR that is a name", GOOD.replace("az: us-east-1b }", "az: us-east-1b, ipv6Cidr: abc/64 }"),
                        "vpcs[0].subnets[1].ipv6Cidr: " + IPV6_64 + " (not an IPv6 "
                                + "address), got 'abc/64'"),
                row("IPv6 CIDR with host bits", GOOD.replace("az: us-east-1b }", "az: us-east-1b, ipv6Cidr: '2600:1f18::1/64' }"),
                        "vpcs[0].subnets[1].ipv6Cidr: " + IPV6_64 + " (host bits "
                                + "set), got '2600:1f18::1/64'"),
                row("IPv6 CIDR with the last host bit", GOOD.replace("az: us-east-1b }",
                                "az: us-east-1b, ipv6Cidr: '2600:1f18:0:0:8000::/64' }"),
                        "vpcs[0].subnets[1].ipv6Cidr: " + IPV6_64 + " (host bits "
                                + "set), got '2600:1f18:0:0:8000::/64'"),
                row("IPv6-only subnet without its CIDR", GOOD.replace("{ id: subnet-b, cidr: 10.0.2.0/28, az: us-east-1b }",
                                "{ id: subnet-b, az: us-east-1b, ipv6Only: true }"),
                        "vpcs[0].subnets[1].ipv6Cidr: is required"),
                row("IPv6-only subnet without an AZ", GOOD.replace("{ id: subnet-b, cidr: 10.0.2.0/28, az: us-east-1b }",
                                "{ id: subnet-b, ipv6Only: true, ipv6Cidr: '2600:1f18::/64' }"),
                        "vpcs[0].subnets[1].az: is required"),
                row("IPv6-only subnet with a CIDR", GOOD.replace("{ id: subnet-b, cidr: 10.0.2.0/28, az: us-east-1b }",
                                "{ id: subnet-b, az: us-east-1b, ipv6Only: true, ipv6Cidr: '2600:1f18::/64', cidr: 10.0.2.0/28 }"),
                        "vpcs[0].subnets[1].cidr: unknown key 'cidr' (expected one of: id, az, ipv6Only, ipv6Cidr, name)"),
                row("IPv6-only subnet reusing an id", GOOD.replace("{ id: subnet-b, cidr: 10.0.2.0/28, az: us-east-1b }",
                                "{ id: subnet-a, az: us-east-1b, ipv6Only: true, ipv6Cidr: '2600:1f18::/64' }"),
                        "vpcs[0].subnets[1].id: duplicate subnet id 'subnet-a'",
                        // the last declaration of the id is the one the function's reference meets
                        "functions[0].vpcConfig.subnetIds[0]: 'subnet-a' is IPv6-only: Lambda does not connect "
                                + "functions to IPv6-only subnets (use an IPv4 or a dual-stack subnet)"),
                row("a function on an IPv6-only subnet", GOOD.replace("{ id: subnet-b, cidr: 10.0.2.0/28, az: us-east-1b }",
                                "{ id: subnet-b, az: us-east-1b, ipv6Only: true, ipv6Cidr: '2600:1f18::/64' }")
                                .replace("subnetIds: [subnet-a]", "subnetIds: [subnet-b, subnet-a]"),
                        "functions[0].vpcConfig.subnetIds[0]: 'subnet-b' is IPv6-only: Lambda does not connect functions "
                                + "to IPv6-only subnets (use an IPv4 or a dual-stack subnet)"),
                row("dual stack asked of an IPv4 subnet", GOOD.replace("securityGroupIds: [sg-app] }",
                                "securityGroupIds: [sg-app], ipv6AllowedForDualStack: true }"),
                        "functions[0].vpcConfig.ipv6AllowedForDualStack: needs dual-stack subnets: 'subnet-a' has no "
                                + "ipv6Cidr"),
                // hyperplane
                row("idle reclaim after 0s", top("hyperplane: { idleReclaimAfter: 0s }\n"),
                        "hyperplane.idleReclaimAfter: must be > 0"),
                row("EC2 request limit without a burst", top("hyperplane: { ec2RequestLimit: { refill: 1/m } }\n"),
                        "hyperplane.ec2RequestLimit.burst: is required"),
                row("EC2 request limit with a bad refill", top("hyperplane: { ec2RequestLimit: { burst: 10, refill: 1 } }\n"),
                        "hyperplane.ec2RequestLimit.refill: " + RATE + ", got 1"),
                row("EC2 request limit without a refill", top("hyperplane: { ec2RequestLimit: { burst: 10 } }\n"),
                        "hyperplane.ec2RequestLimit.refill: " + RATE + ", "
                                + "got nothing"),
                row("EC2 request limit with an unknown key", top("hyperplane: { ec2RequestLimit: { burst: 10, refill: 1/s, size: 2 } }\n"),
                        "hyperplane.ec2RequestLimit.size: unknown key 'size' (expected one of: burst, refill)"),
                row("hyperplane with an unknown key", top("hyperplane: { eniCreationTime: 5s }\n"),
                        "hyperplane.eniCreationTime: unknown key 'eniCreationTime' (expected one of: eniCreateTime, "
                                + "eniDeleteTime, ec2RequestLimit, attachExistingTime, connectionsPerEni, eniRetryBackoff, "
                                + "idleReclaimAfter, stuckPendingAfter, eniNotReadyOnScaleOut, reuseDeletingEni, "
                                + "eniRetryBackoffScope, cancelledCreationKeepsEnis); did you mean 'eniCreateTime'?"),
                row("connections per ENI 0", top("hyperplane: { connectionsPerEni: 0 }\n"),
                        "hyperplane.connectionsPerEni: expected a whole number from 1 to 10000000, got 0"),
                row("a bad ENI create time", top("hyperplane: { eniCreateTime: 5 }\n"),
                        "hyperplane.eniCreateTime: " + DURATION + ", got 5"),
                row("a bad attach time", top("hyperplane: { attachExistingTime: { dist: constant } }\n"),
                        durationRequired("hyperplane.attachExistingTime.value")),
                row("a bad ENI delete time", top("hyperplane: { eniDeleteTime: { dist: exponential, mean: 0s } }\n"),
                        "hyperplane.eniDeleteTime.mean: must be > 0"),
                // scaling
                row("unknown scaling model", top("scaling: { model: burst }\n"),
                        "scaling.model: expected 'per-function' (since 2023) or 'legacy-burst' (before), got 'burst'"),
                row("request-rate window under 1ms", top("scaling: { requestRateWindow: 999us }\n"),
                        "scaling.requestRateWindow: expected 1ms to 60s, got 0.000999s"),
                row("request-rate window over 60s", top("scaling: { requestRateWindow: 60001ms }\n"),
                        "scaling.requestRateWindow: expected 1ms to 60s, got 60.001s"),
                row("unknown warm routing", top("scaling: { warmRouting: oldest }\n"),
                        "scaling.warmRouting: expected 'mostRecentlyUsed' (the default), 'newest' or 'random', got 'oldest'"),
                row("scaling with an unknown key", top("scaling: { keepalive: 5m }\n"),
                        "scaling.keepalive: unknown key 'keepalive' (expected one of: model, newEnvironmentsPer10s, burst, "
                                + "burstIncreasePerMinute, keepAlive, newRequestsPerSecondPer10s, requestRateWindow, "
                                + "warmRouting, provisionedConcurrency); did you mean 'keepAlive'?"),
                row("burst increase below 0", top("scaling: { burstIncreasePerMinute: -1 }\n"),
                        "scaling.burstIncreasePerMinute: expected a whole number from 0 to 10000000, got -1"),
                row("provisioned preparation over 1h", top("scaling: { provisionedConcurrency: { preparation: 3601s } }\n"),
                        "scaling.provisionedConcurrency.preparation: expected 0s to 1h, got 3601s"),
                row("provisioned allocation of 0 per minute", top("scaling: { provisionedConcurrency: { allocationPerMinute: 0 } }\n"),
                        "scaling.provisionedConcurrency.allocationPerMinute: expected a whole number from 1 to 10000000, got 0"),
                row("provisioned block with an unknown key", top("scaling: { provisionedConcurrency: { warmup: 1s } }\n"),
                        "scaling.provisionedConcurrency.warmup: unknown key 'warmup' (expected one of: preparation, "
                                + "allocationPerMinute, keepsFunctionActive, requestRateCap)"),
                // legacy
                row("legacy with an unknown key", top("legacy: { ec2Burst: 5 }\n"),
                        "legacy.ec2Burst: unknown key 'ec2Burst' (expected one of: coldStartAttachTime, ec2ApiBurst, "
                                + "ec2ApiRefill, eniLimit)"),
                row("legacy refill without a unit", top("legacy: { ec2ApiRefill: 5 }\n"),
                        "legacy.ec2ApiRefill: " + RATE + ", got 5"),
                row("legacy ENI limit 0", top("legacy: { eniLimit: 0 }\n"),
                        "legacy.eniLimit: expected a whole number from 1 to 10000000, got 0"),
                row("legacy burst 0", top("legacy: { ec2ApiBurst: 0 }\n"),
                        "legacy.ec2ApiBurst: expected a whole number from 1 to 1000000, got 0"),
                row("legacy attach time without a unit", top("legacy: { coldStartAttachTime: 9 }\n"),
                        "legacy.coldStartAttachTime: " + DURATION + ", got 9"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEdits")
    void eachBadEditGivesExactlyItsProblems(String what, String yaml, List<String> expected) {
        assertNotEquals(GOOD, yaml, "the row must change the scenario");
        List<String> actual = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "t.yaml"),
                what).problems().stream().map(p -> p.path() + ": " + p.message()).toList();
        assertEquals(expected, actual, what);
    }
}
