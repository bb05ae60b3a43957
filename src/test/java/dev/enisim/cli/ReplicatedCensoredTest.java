package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A methodologist's review: `run --replications` left out any metric that was null in some replication, so a
 * teardown's wait, still going at the end in 2 of 10 runs, vanished from the replicated report without a word.
 */
class ReplicatedCensoredTest {

    @TempDir
    Path dir;

    /** 10 min after the deletion: 8 of 10 replications see the ENI deleted (with 15 min, under the per-key ENI timing streams, all 10 did). */
    static final String TEARDOWN = """
            name: td
            seed: 5
            duration: 20m
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                securityGroups: [sg-app]
            functions:
              - name: api
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                duration: 100ms
                arrivals: { poisson: 1/s, until: 10m }
            timeline:
              - { at: 10m, action: deleteFunction, function: api }
            """;

    @Test
    void aWaitSomeReplicationsHaveNoneOfIsShownWithHowManyHadOne() throws Exception {
        Path f = Files.writeString(dir.resolve("td.yaml"), TEARDOWN);
        CliTest.Result r = CliTest.run("run", f.toString(), "--replications", "10", "--out",
                dir.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode m = new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile()).get("metrics")
                .get("teardowns[0].waitSeconds");
        assertTrue(m != null, "the wait is in the replicated summary: " + r.out());
        int had = m.get("n").asInt();
        assertTrue(had > 0 && had < 10, "some runs ended before the ENI was deleted, some after: " + m);
        assertEquals(10 - had, m.get("none").asInt());
        assertTrue(m.get("noneWhy").asText().startsWith("an ENI was still there at the end of the run"), m.toString());
        Matcher line = Pattern.compile("teardowns\\[0]\\.waitSeconds \\S+ \\[\\S+, \\S+]: " + had
                + " of 10 replications; " + (10 - had) + " had none \\(an ENI was still there").matcher(r.out());
        assertTrue(line.find(), r.out());
    }
}
