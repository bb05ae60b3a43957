package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulation expert's review, fault 6: a function invoked at 10 s and at 14d 00:00:09 goes Inactive at 28d
 * 00:00:09, and the two successes were told "from 00:00:10, the last by 28d 00:00:09": the spell's last hourly bucket
 * (28d 00:00 to 01:00) also counted the successes after the restore, so its buckets did not add up to the spell and
 * the narrative fell back to the spell's end. The buckets between the edges are the spell's alone; when the edges hold
 * only its first success, the last bucket is the later spells', and the spell is told as it ran.
 */
class NarrativeSharedLastBucketTest {

    @Test
    void lastBucketOfLaterSuccessesIsNotTheSpells(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("idle-trace.csv"), "timestamp\n10\n1209609\n2419210\n2419240\n2419330\n");
        Files.writeString(dir.resolve("idle14.yaml"), """
                name: idle14
                seed: 1
                duration: 29d
                bucket: 1h
                hyperplane: { eniCreateTime: 60s }
                vpcs:
                  - id: vpc-1
                    subnets: [ { id: s1, cidr: 10.0.0.0/24, az: az1 } ]
                    securityGroups: [sg]
                functions:
                  - name: quiet
                    existing: Active
                    duration: 100ms
                    vpcConfig: { subnetIds: [s1], securityGroupIds: [sg] }
                    arrivals: { trace: { file: idle-trace.csv } }
                """);
        RunResult r = new Simulation(ScenarioLoader.load(dir.resolve("idle14.yaml")), 0).run();
        List<String> lines = Narrative.lines(r);
        String all = String.join("\n", lines);
        assertFalse(all.contains("the last by 28d 00:00:09"), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("00:00:10  1 invocation of quiet succeeded at 00:00:10")),
                all);
        assertTrue(lines.stream().anyMatch(l -> l.contains("1 invocation of quiet succeeded between 14d 00:00:00 and"
                + " 14d 01:00:00")), all);
    }

    @Test
    void edgesHoldingMoreThanTheFirstSuccessAreNotGuessed() {
        // first bucket 1, inner 1, last 2: a spell of 2 has its edges' 1 in the first bucket, the last one's are others'
        assertTrue(Narrative.sharedLastBucketIsOthers(new long[] {1, 0, 1, 2}, 2));
        // a spell of 3: the edges hold 2, one of which may be in the last bucket: not known, so not cut
        assertFalse(Narrative.sharedLastBucketIsOthers(new long[] {1, 0, 1, 2}, 3));
        assertFalse(Narrative.sharedLastBucketIsOthers(new long[] {2, 0, 1, 2}, 3));
        // one bucket, or an empty edge: nothing to take apart
        assertFalse(Narrative.sharedLastBucketIsOthers(new long[] {3}, 2));
        assertFalse(Narrative.sharedLastBucketIsOthers(new long[] {1, 1, 0}, 1));
    }
}
