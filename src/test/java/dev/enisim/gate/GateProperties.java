package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.check.Checker;
import dev.enisim.iac.Change;
import dev.enisim.iac.ChangeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The gate's verdict against arithmetic: N created functions with a security group each need N new ENIs in their
 * subnet, one shared group needs one; with F addresses free, max(0, N - F) functions end Failed.
 */
class GateProperties {

    @Property(tries = 15)
    void failedCreationsAreTheKeysBeyondTheFreeAddresses(@ForAll @IntRange(min = 1, max = 12) int functions,
            @ForAll @IntRange(min = 0, max = 10) int free, @ForAll boolean shared) throws Exception {
        Path dir = Files.createTempDirectory("gate-prop");
        try {
            Path account = Files.writeString(dir.resolve("account.yaml"), """
                    name: prop
                    duration: 30m
                    vpcs:
                      - id: vpc-1
                        subnets: [{ id: subnet-1, cidr: 10.0.0.0/24, az: eu-west-1a, otherUsedIps: %d }]
                        securityGroups: [sg-old]
                    functions:
                      - name: existing
                        existing: Active
                        vpcConfig: { subnetIds: [subnet-1], securityGroupIds: [sg-old] }
                        duration: 100ms
                        arrivals: { poisson: 5/s }
                    """.formatted(251 - 1 - free));
            StringBuilder t = new StringBuilder("{\"Resources\": {");
            for (int i = 0; i < functions; i++) {
                String sg = shared ? "Shared" : "Group" + i;
                if (!shared || i == 0) {
                    t.append('"').append(sg).append("\": {\"Type\": \"AWS::EC2::SecurityGroup\", \"Properties\":"
                            + " {\"VpcId\": \"vpc-1\"}},");
                }
                t.append("\"Fn").append(i).append("\": {\"Type\": \"AWS::Lambda::Function\", \"Properties\": {"
                        + "\"FunctionName\": \"fn-").append(i).append("\", \"VpcConfig\": {\"SubnetIds\": [\"subnet-1\"],"
                        + " \"SecurityGroupIds\": [{\"Fn::GetAtt\": [\"").append(sg).append("\", \"GroupId\"]}]}}}")
                        .append(i + 1 < functions ? "," : "");
            }
            Path template = Files.writeString(dir.resolve("t.json"), t.append("}}").toString());
            Change c = ChangeReader.read(List.of(template), List.of(), GateTest.against(account));
            Gate.Verdict v = Gate.run(account, c, new Gate.Options(60, Map.of(), "1/s", List.of("no function Failed")));
            int keys = shared ? 1 : functions;
            int failed = Math.max(0, keys - free) * (shared ? functions : 1);
            Checker.Result r = v.results().get(0);
            assertEquals(failed == 0, r.passed(), r.actual());
            if (failed > 0) {
                assertEquals(failed + " Failed: ", r.actual().substring(0, r.actual().indexOf(':') + 2), r.actual());
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
