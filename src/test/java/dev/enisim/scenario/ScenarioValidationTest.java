package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input: each problem found with its exact path and a message that says what was expected. */
class ScenarioValidationTest {

    /** A small valid scenario that bad-input tests edit one piece of at a time. */
    static final String GOOD = """
            name: good
            duration: 1h
            vpcs:
              - id: vpc-main
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/28, az: us-east-1a }
                  - { id: subnet-b, cidr: 10.0.2.0/28, az: us-east-1b }
                securityGroups: [sg-app, sg-db]
            functions:
              - name: f
                reservedConcurrency: 100
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                duration: 100ms
                arrivals: { poisson: 5/s }
            """;

    /** One edit to GOOD, the single problem it causes: exact path and the start of its message. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key, suggested       | '{ subnetIds: [subnet-a],'  | '{ subnetId: [subnet-a],'   | functions[0].vpcConfig.subnetId | "
            + "unknown key 'subnetId' (expected one of: subnetIds, securityGroupIds, ipv6AllowedForDualStack); "
            + "did you mean 'subnetIds'?",
        "unknown top-level key        | 'duration: 1h'              | 'duraton: 1h'              | duraton | unknown key 'duraton' (expected one of: name, duration,",
        "unknown key, nothing close   | 'name: good'                | 'name: good\nzzz: 1'       | zzz | unknown key 'zzz' (expected one of: name,",
        "bad CIDR                     | 10.0.1.0/28                 | 10.0.1.300/28              | vpcs[0].subnets[0].cidr | expected an IPv4 CIDR block like 10.0.1.0/24, got '10.0.1.300/28'",
        "CIDR with host bits          | 10.0.1.0/28                 | 10.0.1.1/28                | vpcs[0].subnets[0].cidr | '10.0.1.1/28' has host bits set; did you mean 10.0.1.0/28?",
        "/29 subnet                   | 10.0.1.0/28                 | 10.0.1.0/29                | vpcs[0].subnets[0].cidr | expected a prefix from /16 to /28 (the sizes AWS allows for a subnet), got /29",
        "/15 subnet                   | 10.0.1.0/28                 | 10.0.0.0/15                | vpcs[0].subnets[0].cidr | expected a prefix from /16 to /28 (the sizes AWS allows for a subnet), got /15",
        "/15 with host bits: no hint  | 10.0.1.0/28                 | 10.0.1.0/15                | vpcs[0].subnets[0].cidr | expected a prefix from /16 to /28 (the sizes AWS allows for a subnet), got /15; '10.0.1.0/15' also has host bits set",
        "/29 with host bits: no hint  | 10.0.1.0/28                 | 10.0.1.4/29                | vpcs[0].subnets[0].cidr | expected a prefix from /16 to /28 (the sizes AWS allows for a subnet), got /29; '10.0.1.4/29' also has host bits set",
        "overlapping subnets          | 10.0.2.0/28                 | 10.0.1.8/29                | vpcs[0].subnets[1].cidr | expected a prefix from /16 to /28",
        "unknown subnet               | 'subnetIds: [subnet-a]'     | 'subnetIds: [subnet-x]'    | functions[0].vpcConfig.subnetIds[0] | unknown subnet 'subnet-x' (known: subnet-a, subnet-b)",
        "unknown SG, suggested        | 'securityGroupIds: [sg-app]' | 'securityGroupIds: [sg-ap]' | functions[0].vpcConfig.securityGroupIds[0] | unknown security group 'sg-ap' (known: sg-app, sg-db); did you mean 'sg-app'?",
        "subnets without SGs          | 'securityGroupIds: [sg-app]' | 'securityGroupIds: []'     | functions[0].vpcConfig.securityGroupIds | must not be empty when the other list is not",
        "negative rate                | 'poisson: 5/s'              | 'poisson: -5/s'            | functions[0].arrivals.poisson | a rate must be positive: '-5/s'",
        "zero rate                    | 'poisson: 5/s'              | 'poisson: 0/s'             | functions[0].arrivals.poisson | a rate must be positive: '0/s'",
        "rate without unit            | 'poisson: 5/s'              | 'poisson: 5'               | functions[0].arrivals.poisson | expected a positive rate with a unit, like 50/s or 3000/m, got 5",
        "duration without unit        | 'duration: 100ms'           | 'duration: 100'            | functions[0].duration | expected a duration with a unit (us, ms, s, m, h, d), like 90s or 250ms, got 100",
        "negative duration            | 'duration: 1h'              | 'duration: -1h'            | duration | a duration cannot be negative: '-1h'",
        "zero duration                | 'duration: 1h'              | 'duration: 0s'             | duration | must be > 0",
        "bucket longer than the run   | 'duration: 1h'              | 'duration: 1h\nbucket: 2h' | bucket | must not be longer than duration",
        "too many buckets             | 'duration: 1h'              | 'duration: 1h\nbucket: 1ms' | bucket | too fine: 3600000 buckets (at most 2000000); use a longer bucket",
        "missing name                 | 'name: good'                | 'description: x'           | name | is required",
        "other ENIs over the quota    | '- id: vpc-main'            | '- id: vpc-main\n    otherUsedEnis: 501' | vpcs[0].otherUsedEnis | expected a whole number from 0 to 500, got 501",
        "other ENIs of an unknown VPC | 'duration: 1h'              | 'duration: 1h\ntimeline: [{at: 1m, action: setOtherUsedEnis, vpc: vpc-x, otherUsedEnis: 3}]' | timeline[0].vpc | unknown VPC 'vpc-x' (known: vpc-main)",
        "egress without a NAT gateway | 'duration: 100ms'           | 'duration: 100ms\n    egress: {destinations: [{destination: api, share: 0.5}]}' | functions[0].egress | the VPC of subnet-a has no natGateways to leave by",
        "NAT gateway with 9 addresses | '- id: vpc-main'            | '- id: vpc-main\n    natGateways: [{id: nat-1, az: us-east-1a, addresses: 9}]' | vpcs[0].natGateways[0].addresses | expected a whole number from 1 to 8, got 9",
        "Region limit of 0            | 'duration: 1h'              | 'duration: 1h\naccount: {networkInterfacesPerRegion: 0}' | account.networkInterfacesPerRegion | expected a whole number from 1 to 10000000, got 0",
        "bad scenario name            | 'name: good'                | 'name: my good'            | name | expected letters, digits, '.', '_' or '-' only",
        "reserved over the limit      | 'reservedConcurrency: 100'  | 'reservedConcurrency: 950' | functions | reserved concurrency adds up to 950, more than concurrencyLimit 1000 - unreservedMinimum 100 = 900",
        "reserved over the account    | 'reservedConcurrency: 100'  | 'reservedConcurrency: 1001' | functions[0].reservedConcurrency | expected a whole number from 0 to 1000, got 1001",
        "duplicate subnet id          | 'id: subnet-b'              | 'id: subnet-a'             | vpcs[0].subnets[1].id | duplicate subnet id 'subnet-a'",
        "duplicate SG in one VPC      | '[sg-app, sg-db]'           | '[sg-app, sg-app]'         | vpcs[0].securityGroups[1] | 'sg-app' is listed twice",
        "duplicate subnet in config   | 'subnetIds: [subnet-a]'     | 'subnetIds: [subnet-a, subnet-a]' | functions[0].vpcConfig.subnetIds[1] | 'subnet-a' is listed twice",
        "dedicated tenancy            | '- id: vpc-main'            | '- id: vpc-main\n    tenancy: dedicated' | vpcs[0].tenancy | dedicated-tenancy VPCs are not supported by Lambda",
        "other IPs beyond the subnet  | 'az: us-east-1a }'          | 'az: us-east-1a, otherUsedIps: 12 }' | vpcs[0].subnets[0].otherUsedIps | expected a whole number from 0 to 11, got 12",
        "memory too small             | '- name: f'                 | '- name: f\n    memoryMb: 64' | functions[0].memoryMb | expected a whole number from 128 to 10240, got 64",
        "timeout over 900s            | '- name: f'                 | '- name: f\n    timeout: 901s' | functions[0].timeout | expected 1s to 900s (Lambda's limits), got 901s",
        "bad function name            | '- name: f'                 | '- name: f.g'              | functions[0].name | expected 1 to 64 letters, digits, '-' or '_' (Lambda's function names), got 'f.g'",
        "connections over an ENI      | '- name: f'                 | '- name: f\n    connectionsPerInvocation: 65001' | functions[0].connectionsPerInvocation | expected a whole number from 0 to 65000, got 65001",
        "two arrival kinds            | '{ poisson: 5/s }'          | '{ poisson: 5/s, constant: 1/s }' | functions[0].arrivals | expected exactly one of poisson: RATE, constant: RATE",
        "until before from            | '{ poisson: 5/s }'          | '{ poisson: 5/s, from: 10m, until: 5m }' | functions[0].arrivals.until | must be after from",
        "none: false                  | '{ poisson: 5/s }'          | '{ none: false }'          | functions[0].arrivals.none | expected true (none: true means no traffic), got false",
        "missing arrivals             | '    arrivals: { poisson: 5/s }' | ''                     | functions[0].arrivals | is required, e.g. {poisson: 50/s}",
        "unknown distribution         | 'duration: 100ms'           | 'duration: { dist: lognorm, median: 1s }' | functions[0].duration.dist | unknown distribution 'lognorm' (expected one of: constant, uniform, exponential, lognormal, normal); did you mean 'lognormal'?",
        "distribution without dist    | 'duration: 100ms'           | 'duration: { mean: 1s }'   | functions[0].duration.dist | is required: one of constant, uniform, exponential, lognormal, normal",
        "uniform min above max        | 'duration: 100ms'           | 'duration: { dist: uniform, min: 2s, max: 1s }' | functions[0].duration.max | must be >= min",
        "exponential mean zero        | 'duration: 100ms'           | 'duration: { dist: exponential, mean: 0s }' | functions[0].duration.mean | must be > 0",
        "lognormal p99 below median   | 'duration: 100ms'           | 'duration: { dist: lognormal, median: 2s, p99: 1s }' | functions[0].duration.p99 | must be >= median",
        "normal mean zero             | 'duration: 100ms'           | 'duration: { dist: normal, mean: 0s, stddev: 1s }' | functions[0].duration.mean | must be > 0",
        "distribution parameter typo  | 'duration: 100ms'           | 'duration: { dist: lognormal, median: 1s, p99: 2s, p95: 1s }' | functions[0].duration.p95 | unknown key 'p95' (expected one of: dist, median, p99, cap); did you mean 'p99'?",
        "number too large for a long  | 'name: good'                | 'name: good\nseed: 99999999999999999999' | seed | expected a whole number from",
        "functions missing            | 'functions:'                | 'others:'                  | functions | at least one function is required",
    })
    void badInputNamesTheFieldAndWhatWasExpected(String what, String from, String to, String path, String message) {
        String text = GOOD.replace(from, to.replace("\\n", "\n"));
        assertNotEquals(GOOD, text, "the test must change the scenario");
        List<Problem> problems = problems(text);
        Problem p = problems.stream().filter(x -> x.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(what + ": no problem at " + path + " in " + problems));
        assertTrue(p.message().startsWith(message), what + ": " + p.message());
        // the edit causes this problem and no unrelated ones (an unknown key may also leave a required one missing)
        assertTrue(problems.size() <= 2, what + ": " + problems);
    }

    @Test
    void overlappingSubnetsOfOneVpcAreReported() {
        Problem p = only(GOOD.replace("10.0.2.0/28", "10.0.1.0/28"));
        assertEquals("vpcs[0].subnets[1].cidr", p.path());
        assertEquals("10.0.1.0/28 overlaps subnet-a (10.0.1.0/28)", p.message());
    }

    @Test
    void subnetAndSecurityGroupIdsAreUniqueAcrossVpcs() {
        String text = GOOD.replace("functions:", """
                  - id: vpc-main
                    subnets: [{ id: subnet-a, cidr: 10.1.0.0/24, az: us-east-1a }]
                    securityGroups: [sg-db]
                functions:""");
        assertEquals(List.of(
                new Problem("vpcs[1].id", "duplicate VPC id 'vpc-main'"),
                new Problem("vpcs[1].subnets[0].id", "duplicate subnet id 'subnet-a'"),
                new Problem("vpcs[1].securityGroups[0]", "security group 'sg-db' is already defined in vpc-main")),
                problems(text));
    }

    @Test
    void duplicateFunctionNamesAreReported() {
        String text = GOOD + """
                  - name: f
                    duration: 1s
                    arrivals: { none: true }
                """;
        assertEquals(List.of(new Problem("functions[1].name", "duplicate function name 'f'")), problems(text));
    }

    @Test
    void vpcConfigLimitsAreAwsLimits() {
        String text = GOOD.replace("subnetIds: [subnet-a]", "subnetIds: [" + ids("s", 17) + "]")
                .replace("securityGroupIds: [sg-app]", "securityGroupIds: [" + ids("g", 6) + "]");
        List<Problem> problems = problems(text);
        assertTrue(problems.contains(new Problem("functions[0].vpcConfig.subnetIds",
                "at most 16 subnets per function, got 17")), problems.toString());
        assertTrue(problems.contains(new Problem("functions[0].vpcConfig.securityGroupIds",
                "at most 5 security groups per function, got 6")), problems.toString());
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() {
        String text = """
                name: bad name
                duration: 90
                bucket: 1m
                account: { concurrencyLimit: 100, unreservedMinimum: 10 }
                vpcs:
                  - id: v
                    subnets:
                      - { id: s1, cidr: 10.0.0.0/29, az: a }
                      - { id: s2, cidr: 10.0.1.0/24, azz: b }
                    securityGroups: [sg]
                functions:
                  - name: f
                    vpcConfig: { subnetIds: [s1, s9], securityGroupIds: [sg, sg2] }
                    reservedConcurrency: 95
                    duration: { dist: lognormal, median: 1s, p99: 2s, cap: 3 }
                    arrivals: { poisson: -1/s }
                """;
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(text, "many.yaml"));
        List<String> lines = List.of(e.getMessage().split("\n"));
        assertEquals(List.of(
                "many.yaml: name: expected letters, digits, '.', '_' or '-' only, starting with a letter or a digit (it names the report folder), "
                        + "got 'bad name'",
                "many.yaml: duration: expected a duration with a unit (us, ms, s, m, h, d), like 90s or 250ms, got 90",
                "many.yaml: vpcs[0].subnets[0].cidr: expected a prefix from /16 to /28 (the sizes AWS allows for a "
                        + "subnet), got /29",
                "many.yaml: vpcs[0].subnets[1].azz: unknown key 'azz' (expected one of: id, cidr, az, otherUsedIps, "
                        + "ipv6Cidr, ipv6Only, name); did you mean 'az'?",
                "many.yaml: vpcs[0].subnets[1].az: is required",
                "many.yaml: functions[0].vpcConfig.subnetIds[1]: unknown subnet 's9' (known: s1, s2); did you mean 's1'?",
                "many.yaml: functions[0].vpcConfig.securityGroupIds[1]: unknown security group 'sg2' (known: sg); "
                        + "did you mean 'sg'?",
                "many.yaml: functions[0].duration.cap: expected a duration with a unit (us, ms, s, m, h, d), like 90s "
                        + "or 250ms, got 3",
                "many.yaml: functions[0].arrivals.poisson: a rate must be positive: '-1/s'",
                "many.yaml: functions: reserved concurrency adds up to 95, more than concurrencyLimit 100 - "
                        + "unreservedMinimum 10 = 90"), lines);
        assertEquals(10, e.problems().size());
    }

    @Test
    void timelineActionsAreCheckedAgainstTheScenario() {
        String text = GOOD + """
                timeline:
                  - { at: 1m, action: deleteFuncton, function: f }
                  - { at: 2m, action: deleteFunction, function: g }
                  - { at: 3m, action: azOutage, az: nowhere }
                """;
        assertEquals(List.of(
                new Problem("timeline[0].action", "unknown action 'deleteFuncton' (expected one of: "
                        + String.join(", ", TimelineReader.ACTIONS) + "); did you mean 'deleteFunction'?"),
                new Problem("timeline[1].function", "unknown function 'g' (known: f)"),
                new Problem("timeline[2].az", "unknown Availability Zone 'nowhere' (known: us-east-1a, us-east-1b)")),
                problems(text));
    }

    private static String ids(String prefix, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append(prefix).append(i);
        }
        return b.toString();
    }

    /** AWS: a function connects to a single VPC; subnets of two are refused at creation, so here at load. */
    @Test
    void subnetsOfTwoVpcsAreAValidationError() {
        String yaml = GOOD.replace("securityGroups: [sg-app, sg-db]", """
                securityGroups: [sg-app, sg-db]
                  - id: vpc-other
                    subnets: [{id: subnet-z, cidr: 10.1.0.0/28, az: us-east-1a}]""".stripTrailing())
                .replace("subnetIds: [subnet-a]", "subnetIds: [subnet-a, subnet-z]");
        Problem p = only(yaml);
        assertEquals("functions[0].vpcConfig.subnetIds[1]", p.path());
        assertEquals("'subnet-z' is in vpc-other, 'subnet-a' in vpc-main: a function connects to a single VPC",
                p.message());
    }

    static List<Problem> problems(String yaml) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "test.yaml")).problems();
    }

    static Problem only(String yaml) {
        List<Problem> problems = problems(yaml);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }
}
