package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad value in a YAML anchor that several functions merge, as {@code check}, {@code run} and {@code explain} say it:
 * once, at the anchor's line, naming its uses, with the file's other problems at once (exit 2, no stack trace). It
 * was said once per function, each at the function's first line.
 */
class YamlAnchorProblemsTest {

    @TempDir
    Path dir;

    private static final String SCENARIO = """
            name: anchored
            duration: 10m
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                securityGroups: [sg-app]
            x-fn: &fn
              vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
              duration: 100parsecs
              arrivals: { poisson: 5/s }
            functions:
              - <<: *fn
                name: api
                memoryMb: lots
              - <<: *fn
                name: worker
                duration: slow
              - <<: *fn
                name: batch
            expect:
              - "enis.peak == 1"
            """;

    @Test
    void checkRunAndExplainSayTheAnchorsProblemOnce() throws Exception {
        Path f = Files.writeString(dir.resolve("anchored.yaml"), SCENARIO);
        List<String> expected = List.of(
                f + ":15: functions[0].memoryMb: expected a whole number, got 'lots'",
                f + ":10: x-fn.duration: expected a duration with a unit (us, ms, s, m, h, d), like 90s or 250ms, got"
                        + " '100parsecs'; in anchor &fn, used by functions[0], functions[2]",
                f + ":18: functions[1].duration: expected a duration with a unit (us, ms, s, m, h, d), like 90s or"
                        + " 250ms, got 'slow'");
        for (String[] args : List.of(new String[] {"check", f.toString()},
                new String[] {"run", f.toString(), "--out", dir.resolve("out").toString()},
                new String[] {"explain", f.toString()})) {
            Result r = CliTest.run(args);
            assertEquals(2, r.code(), args[0] + ": " + r.out() + r.err());
            assertEquals(expected, r.err().lines().toList(), args[0]);
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }
}
