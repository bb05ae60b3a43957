package dev.enisim.scenario;

import static dev.enisim.scenario.FieldRulesTest.DURATION;
import static dev.enisim.scenario.FieldRulesTest.GOOD;
import static dev.enisim.scenario.FieldRulesTest.RATE;
import static dev.enisim.scenario.FieldRulesTest.durationRequired;
import static dev.enisim.scenario.FieldRulesTest.fn;
import static dev.enisim.scenario.FieldRulesTest.row;
import static dev.enisim.scenario.FieldRulesTest.top;
import static dev.enisim.scenario.FieldRulesTest.vpc;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FieldRulesTest} for {@code functions[*]}, {@code timeline[*]} and the arrivals: one edit, exactly its
 * problems, each limit from scenarios/README.md (and the Lambda limit it cites).
 */
class FunctionRulesTest {

    private static final String NAT = vpc("natGateways: [{id: nat-a, az: us-east-1a}]");

    /** GOOD with the function's arrivals replaced by {@code arrivals}. */
    private static String arrivals(String arrivals) {
        return GOOD.replace("arrivals: { poisson: 5/s }", "arrivals: " + arrivals);
    }

    static Stream<Arguments> badEdits() {
        return Stream.of(
                row("timeout under 1s", fn("timeout: 999ms"),
                        "functions[0].timeout: expected 1s to 900s (Lambda's limits), got 0.999s"),
                row("timeout over 900s", fn("timeout: 900001ms"),
                        "functions[0].timeout: expected 1s to 900s (Lambda's limits), got 900.001s"),
                row("provisioned over the reservation", fn("provisionedConcurrency: 101"),
                        "functions[0].provisionedConcurrency: must not exceed reservedConcurrency (100)"),
                row("duration missing", GOOD.replace("    duration: 100ms\n", ""),
                        "functions[0].duration: is required (a duration like 120ms, or {dist: lognormal, median: 120ms, "
                                + "p99: 2s})"),
                row("function with an unknown key", fn("memory: 512"),
                        "functions[0].memory: unknown key 'memory' (expected one of: name, vpcConfig, "
                                + "reservedConcurrency, duration, arrivals, role, initDuration, existing, runtime, "
                                + "packageType, initExtra, invocationType, eventInvokeConfig, deadLetterConfig, egress, "
                                + "eventSourceMapping, account, stateReasonCode, warmEnvironments, tags, memoryMb, "
                                + "connectionsPerInvocation, "
                                + "connectionsPerEnvironment, provisionedConcurrency, timeout, createdAt, architecture); "
                                + "did you mean 'memoryMb'?"),
                row("unknown architecture", fn("architecture: x86"),
                        "functions[0].architecture: expected one of [x86_64, arm64] (Lambda's Architectures), got 'x86'"),
                row("unknown package type", fn("packageType: Jar"),
                        "functions[0].packageType: expected one of [Zip, Image] (Lambda's PackageType), got 'Jar'"),
                row("initExtra beside initDuration", fn("initDuration: 1s\ninitExtra: 1s"),
                        "functions[0].initExtra: adds to a runtime preset; with an explicit initDuration, include your "
                                + "own initialisation in initDuration instead"),
                row("initExtra without a runtime", fn("initExtra: 1s"),
                        "functions[0].initExtra: adds to a runtime preset: set runtime too (e.g. runtime: python3.12), "
                                + "or give initDuration"),
                row("a bad initExtra", fn("runtime: python3.12\ninitExtra: 5"),
                        "functions[0].initExtra: " + DURATION + ", "
                                + "got 5"),
                row("a runtime with an unknown architecture", fn("runtime: python3.12\narchitecture: sparc"),
                        "functions[0].architecture: expected one of [x86_64, arm64] (Lambda's Architectures), got 'sparc'"),
                row("a runtime with an unknown package type", fn("runtime: python3.12\npackageType: War"),
                        "functions[0].packageType: expected one of [Zip, Image] (Lambda's PackageType), got 'War'"),
                row("a bad initDuration", fn("initDuration: 1"),
                        "functions[0].initDuration: " + DURATION + ", got 1"),
                row("existing in an unknown state", fn("existing: Pending"),
                        "functions[0].existing: expected Active, Inactive or Failed (the state the function is in at"
                                + " time 0), got 'Pending'"),
                row("a Failed function with a StateReasonCode the model does not simulate",
                        fn("existing: Failed\nstateReasonCode: InvalidZipFileException"),
                        "functions[0].stateReasonCode: expected one of [InternalError, SubnetOutOfIPAddresses,"
                                + " EniLimitExceeded, InsufficientRolePermissions, InvalidSubnet, InvalidSecurityGroup,"
                                + " EC2RequestLimitExceeded] (AWS's StateReasonCode of a function whose creation failed,"
                                + " as simulated), got 'InvalidZipFileException'"),
                row("a stateReasonCode on a function that is not Failed", fn("existing: Active\nstateReasonCode: Idle"),
                        "functions[0].stateReasonCode: is for a function existing at time 0 whose creation failed"
                                + " (existing: Failed) or whose last restore failed (existing: Inactive): set existing"
                                + " too, or leave stateReasonCode out"),
                row("an Inactive function with a StateReasonCode no restore fails with",
                        fn("existing: Inactive\nstateReasonCode: InvalidSubnet"),
                        "functions[0].stateReasonCode: expected Idle or one of [SubnetOutOfIPAddresses,"
                                + " EniLimitExceeded, InsufficientRolePermissions, EC2RequestLimitExceeded] (AWS's"
                                + " StateReasonCode of an Inactive function: idle, or why its last restore failed),"
                                + " got 'InvalidSubnet'"),
                row("existing with a createdAt", fn("existing: Active\ncreatedAt: 5m"),
                        "functions[0].createdAt: an existing function is there from the start: leave createdAt out"),
                row("vpcConfig not an object", GOOD.replace("vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }",
                                "vpcConfig: subnet-a"),
                        "functions[0].vpcConfig: expected an object (key: value pairs), got 'subnet-a'"),
                row("vpcConfig without subnets", GOOD.replace("subnetIds: [subnet-a], ", ""),
                        "functions[0].vpcConfig.subnetIds: must not be empty when the other list is not (both empty = not "
                                + "attached to a VPC)"),
                // egress
                row("egress shares over 1", NAT + "    egress: { destinations: [{destination: a, share: 0.5}, "
                                + "{destination: b, share: 0.5}, {destination: c, share: 0.25}] }\n",
                        "functions[0].egress.destinations: shares add up to 1.25, more than 1 (all of the connections)"),
                row("17 egress destinations", NAT + "    egress: { destinations: [" + destinations(17) + "] }\n",
                        "functions[0].egress.destinations: at most 16 hot destinations per function, got 17 (a bound"
                                + " of enisim's model, not an AWS limit: a NAT gateway limits connections to each"
                                + " destination, not destinations); list only those that can come near 55,000"
                                + " simultaneous connections per NAT address, which are the ones that can run out of"
                                + " ports (the rest of the connections are not counted at the gateway)"),
                row("egress outside a VPC", NAT.replace("    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }\n", "")
                                + "    egress: { destinations: [{destination: a}] }\n",
                        "functions[0].egress: a function outside a VPC reaches the internet without a NAT gateway: egress "
                                + "needs a vpcConfig"),
                row("an egress destination without a name", NAT + "    egress: { destinations: [{share: 0.5}] }\n",
                        "functions[0].egress.destinations[0].destination: is required"),
                row("an egress share of 0", NAT + "    egress: { destinations: [{destination: a, share: 0}] }\n",
                        "functions[0].egress.destinations[0].share: expected a number above 0 and at most 1, got 0"),
                row("an egress destination with an unknown key", NAT + "    egress: { destinations: [{destination: a, port: 443}] }\n",
                        "functions[0].egress.destinations[0].port: unknown key 'port' (expected one of: destination, share)"),
                row("egress with an unknown key", NAT + "    egress: { routes: [] }\n",
                        "functions[0].egress.routes: unknown key 'routes' (expected one of: destinations, "
                                + "keepConnectionsOpen)"),
                // arrivals
                row("an empty list of arrivals", arrivals("[]"),
                        "functions[0].arrivals: an empty list: give at least one process, or {none: true}"),
                row("a list with a bad part", arrivals("[{poisson: 1/s}, 5]"),
                        "functions[0].arrivals[1]: expected a process such as {poisson: 50/s}"),
                row("until equal to from", arrivals("{ poisson: 5/s, from: 10m, until: 10m }"),
                        "functions[0].arrivals.until: must be after from"),
                row("diurnal without a trough", arrivals("{ diurnal: { peak: 5/s } }"),
                        "functions[0].arrivals.diurnal: expected peak: RATE and trough: RATE"),
                row("diurnal without a peak", arrivals("{ diurnal: { trough: 5/s } }"),
                        "functions[0].arrivals.diurnal: expected peak: RATE and trough: RATE"),
                row("diurnal trough above the peak", arrivals("{ diurnal: { peak: 5/s, trough: 6/s } }"),
                        "functions[0].arrivals.diurnal.trough: must not exceed peak"),
                row("diurnal period 0", arrivals("{ diurnal: { peak: 5/s, trough: 0/s, period: 0s } }"),
                        "functions[0].arrivals.diurnal.period: must be > 0"),
                row("diurnal with a bad peak", arrivals("{ diurnal: { peak: 5, trough: 0/s } }"),
                        "functions[0].arrivals.diurnal.peak: " + RATE + ", "
                                + "got 5"),
                row("diurnal not an object", arrivals("{ diurnal: 5/s }"),
                        "functions[0].arrivals.diurnal: expected an object (key: value pairs), got '5/s'"),
                row("bursts without a rate", arrivals("{ bursts: { duration: 1m, at: [5m] } }"),
                        "functions[0].arrivals.bursts.rate: is required: the rate during each burst"),
                row("bursts without starts", arrivals("{ bursts: { rate: 5/s, duration: 1m } }"),
                        "functions[0].arrivals.bursts.at: is required: a list of burst start times"),
                row("bursts with a bad start", arrivals("{ bursts: { rate: 5/s, duration: 1m, at: [5m, soon] } }"),
                        "functions[0].arrivals.bursts.at[1]: " + DURATION + ", got 'soon'"),
                row("bursts lasting 0s", arrivals("{ bursts: { rate: 5/s, duration: 0s, at: [5m] } }"),
                        "functions[0].arrivals.bursts.duration: must be longer than 0s"),
                row("bursts overlapping by 1us", arrivals("{ bursts: { rate: 5/s, duration: 1m, at: [6m, 5m1us] } }"),
                        "functions[0].arrivals.bursts.at: bursts overlap: the one at 360.0 s starts before the one at "
                                + "300.000001 s ends (each lasts 60.0 s)"),
                row("bursts with a bad base", arrivals("{ bursts: { base: 1, rate: 5/s, duration: 1m, at: [5m] } }"),
                        "functions[0].arrivals.bursts.base: " + RATE + ", got 1"),
                row("bursts without a duration", arrivals("{ bursts: { rate: 5/s, at: [5m] } }"),
                        durationRequired("functions[0].arrivals.bursts.duration")),
                row("schedule without phases", arrivals("{ schedule: { repeat: true } }"),
                        "functions[0].arrivals.schedule.phases: is required: a list of {rate: RATE, for: DURATION} or "
                                + "{quiet: DURATION}"),
                row("schedule repeat not a flag", arrivals("{ schedule: { phases: [{rate: 1/s, for: 1m}], repeat: 1 } }"),
                        "functions[0].arrivals.schedule.repeat: expected true or false, got 1"),
                row("a phase that is not an object", arrivals("{ schedule: { phases: [1m, {rate: 1/s, for: 1m}] } }"),
                        "functions[0].arrivals.schedule.phases[0]: expected {rate: RATE, for: DURATION} or {quiet: "
                                + "DURATION}, got '1m'"),
                row("a phase both quiet and busy", arrivals("{ schedule: { phases: [{quiet: 1m, rate: 1/s}, {rate: 1/s, for: 1m}] } }"),
                        "functions[0].arrivals.schedule.phases[0]: expected either {rate: RATE, for: DURATION} or "
                                + "{quiet: DURATION}"),
                row("a phase with neither", arrivals("{ schedule: { phases: [{}, {rate: 1/s, for: 1m}] } }"),
                        "functions[0].arrivals.schedule.phases[0]: expected either {rate: RATE, for: DURATION} or "
                                + "{quiet: DURATION}"),
                row("a phase without its rate", arrivals("{ schedule: { phases: [{for: 1m}] } }"),
                        "functions[0].arrivals.schedule.phases[0].rate: is required (or write {quiet: DURATION} for a "
                                + "phase without traffic)"),
                row("a quiet phase of 0s", arrivals("{ schedule: { phases: [{quiet: 0s}, {rate: 1/s, for: 1m}] } }"),
                        "functions[0].arrivals.schedule.phases[0].quiet: must be longer than 0s"),
                row("a busy phase of 0s", arrivals("{ schedule: { phases: [{rate: 1/s, for: 0s}] } }"),
                        "functions[0].arrivals.schedule.phases[0].for: must be longer than 0s"),
                row("only quiet phases", arrivals("{ schedule: { phases: [{quiet: 1m}, {quiet: 2m}] } }"),
                        "functions[0].arrivals.schedule.phases: every phase is quiet: give at least one a rate, or write "
                                + "none: true"),
                row("a trace in an unknown format", arrivals("{ trace: { file: t.csv, format: csv } }"),
                        "functions[0].arrivals.trace.format: expected 'timestamps' or 'counts', got 'csv'"),
                row("an interval on timestamps", arrivals("{ trace: { file: t.csv, interval: 1m } }"),
                        "functions[0].arrivals.trace.interval: applies to format: counts only (timestamps are instants)"),
                row("a counts interval of 0s", arrivals("{ trace: { file: t.csv, format: counts, interval: 0s } }"),
                        "functions[0].arrivals.trace.interval: must be longer than 0s"),
                row("a trace with an unknown key", arrivals("{ trace: { file: none.csv, separator: ';' } }"),
                        "functions[0].arrivals.trace.separator: unknown key 'separator' (expected one of: file, format, "
                                + "interval)",
                        "functions[0].arrivals.trace.file: trace file not found: " + java.nio.file.Path.of("none.csv")
                                .toAbsolutePath() + " ('none.csv', relative to the scenario's folder)"),
                row("a trace without a file", arrivals("{ trace: { format: counts } }"),
                        "functions[0].arrivals.trace.file: is required"),
                // the timeline
                row("an action without a time", timeline("{action: deleteFunction, function: f}"),
                        durationRequired("timeline[1].at")),
                row("an action without a name", timeline("{at: 1m, function: f}"),
                        "timeline[1].action: is required"),
                row("an outage ending when it starts", timeline("{at: 5m, action: azOutage, az: us-east-1a, until: 5m}"),
                        "timeline[1].until: must be after at"),
                row("updateVpcConfig without a vpcConfig", timeline("{at: 5m, action: updateVpcConfig, function: f}"),
                        "timeline[1].vpcConfig: is required ({subnetIds: [], securityGroupIds: []} detaches)"),
                row("an update to an unknown subnet", timeline("{at: 5m, action: updateVpcConfig, function: f, "
                                + "vpcConfig: {subnetIds: [subnet-x], securityGroupIds: [sg-app]}}"),
                        "timeline[1].vpcConfig.subnetIds[0]: unknown subnet 'subnet-x' (known: subnet-a, subnet-b); did you "
                                + "mean 'subnet-a'?"),
                row("a create with an unknown security group", timeline("{at: 5m, action: createFunction, function: f, "
                                + "vpcConfig: {subnetIds: [subnet-a], securityGroupIds: [sg-x]}}"),
                        "timeline[1].vpcConfig.securityGroupIds[0]: unknown security group 'sg-x' (known: sg-app, sg-db)"),
                row("deleteVersion 0", timeline("{at: 5m, action: deleteVersion, function: f, version: 0}"),
                        "timeline[1].version: expected a whole number from 1 to 2147483647, got 0"),
                row("an unknown role", timeline("{at: 5m, action: deleteRole, role: g-role}"),
                        "timeline[1].role: unknown role 'g-role' (known: f-role); did you mean 'f-role'?"),
                row("other IPs without a subnet", timeline("{at: 5m, action: setOtherUsedIps, otherUsedIps: 3}"),
                        "timeline[1].subnet: is required"),
                row("other IPs of an unknown subnet", timeline("{at: 5m, action: setOtherUsedIps, subnet: s, otherUsedIps: 3}"),
                        "timeline[1].subnet: unknown subnet 's' (known: subnet-a, subnet-b)"),
                row("other IPs beyond a /16", timeline("{at: 5m, action: setOtherUsedIps, subnet: subnet-a, otherUsedIps: 65537}"),
                        "timeline[1].otherUsedIps: expected a whole number from 0 to 65536, got 65537"),
                // as vpcs[*].subnets[*].otherUsedIps: a /28 has 16 - 5 = 11 usable addresses (validate returned 0 for
                // 300, and the run capped it silently)
                row("other IPs beyond the subnet", timeline("{at: 5m, action: setOtherUsedIps, subnet: subnet-a, otherUsedIps: 12}"),
                        "timeline[1].otherUsedIps: expected a whole number from 0 to 11 (the usable addresses of subnet-a),"
                                + " got 12"),
                row("other IPs of a subnet whose CIDR is bad: said there only", timeline("{at: 5m, action: setOtherUsedIps,"
                                + " subnet: subnet-a, otherUsedIps: 300}").replace("10.0.1.0/28", "10.0.1.300/28"),
                        "vpcs[0].subnets[0].cidr: expected an IPv4 CIDR block like 10.0.1.0/24, got '10.0.1.300/28'"),
                row("other ENIs without a count", timeline("{at: 5m, action: setOtherUsedEnis, vpc: vpc-main}"),
                        "timeline[1].otherUsedEnis: is required"),
                row("an orphan sweep of an unknown subnet", timeline("{at: 5m, action: deleteOrphanedEnis, subnet: subnet-c}"),
                        "timeline[1].subnet: unknown subnet 'subnet-c' (known: subnet-a, subnet-b); did you mean "
                                + "'subnet-a'?"),
                row("other ENIs with an unknown key", timeline("{at: 5m, action: setOtherUsedEnis, vpc: vpc-main, "
                                + "otherUsedEnis: 1, subnet: subnet-a}"),
                        "timeline[1].subnet: unknown key 'subnet' (expected one of: at, action, vpc, otherUsedEnis)"),
                row("provisioned concurrency with an unknown key", timeline("{at: 5m, action: "
                                + "putProvisionedConcurrencyConfig, function: f, provisionedConcurrency: 1, qualifier: live}"),
                        "timeline[1].qualifier: unknown key 'qualifier' (expected one of: at, action, function, "
                                + "provisionedConcurrency)"),
                row("an outage without an AZ", timeline("{at: 5m, action: azOutage}"),
                        "timeline[1].az: is required"),
                row("provisioned concurrency over the reservation", timeline("{at: 5m, action: "
                                + "putProvisionedConcurrencyConfig, function: f, provisionedConcurrency: 101}"),
                        "timeline[1].provisionedConcurrency: must not exceed the function's reservedConcurrency (100), "
                                + "got 101"),
                row("provisioned concurrency over the unreserved", GOOD.replace("    reservedConcurrency: 100\n", "")
                                .concat("timeline:\n  - {at: 1m, action: publishVersion, function: f}\n  - {at: 5m, action: "
                                        + "putProvisionedConcurrencyConfig, function: f, provisionedConcurrency: 901}\n"),
                        "timeline[1].provisionedConcurrency: must not exceed the account's unreserved concurrency (900), "
                                + "got 901"),
                row("provisioned concurrency without a count", timeline("{at: 5m, action: "
                                + "putProvisionedConcurrencyConfig, function: f}"),
                        "timeline[1].provisionedConcurrency: is required"),
                row("a provisioned delete of an unknown function", timeline("{at: 5m, action: "
                                + "deleteProvisionedConcurrencyConfig, function: g}"),
                        "timeline[1].function: unknown function 'g' (known: f)"),
                row("an action with an unknown key", timeline("{at: 5m, action: publishVersion, function: f, "
                                + "version: 2}"),
                        "timeline[1].version: unknown key 'version' (expected one of: at, action, function)"),
                row("an action far from any", timeline("{at: 5m, action: zzzzzzzzzz}"),
                        "timeline[1].action: unknown action 'zzzzzzzzzz' (expected one of: "
                                + String.join(", ", TimelineReader.ACTIONS) + ")"));
    }

    /** GOOD with a timeline of a valid action and then {@code action}: the bad one is never alone. */
    private static String timeline(String action) {
        return top("timeline:\n  - {at: 1m, action: publishVersion, function: f}\n  - " + action + "\n");
    }

    private static String destinations(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append("{destination: d").append(i).append(", share: 0.05}");
        }
        return b.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEdits")
    void eachBadEditGivesExactlyItsProblems(String what, String yaml, List<String> expected) {
        new FieldRulesTest().eachBadEditGivesExactlyItsProblems(what, yaml, expected);
    }
}
