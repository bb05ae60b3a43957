package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a teacher's review found misleading in the story: the legacy ENI's creation time was told as the cold start's
 * only, the ENI phases read as AWS Status values, and ServiceException as AWS's own error for an AZ outage.
 */
class NarrativeLearnerNotesTest {

    private static final String LEGACY = """
            name: legacy-small
            seed: 2018
            duration: 2m
            bucket: 1m
            networkModel: legacy
            legacy: { coldStartAttachTime: 9s }
            vpcs:
              - id: vpc-2018
                subnets:
                  - { id: subnet-a, cidr: 10.8.0.0/25, az: us-east-1a }
                securityGroups: [sg-a]
            functions:
              - name: ingest
                memoryMb: 1536
                timeout: 60s
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                duration: 1s
                arrivals: { poisson: 5/s }
            """;

    private static final String AZ_OUTAGE = """
            name: az-small
            seed: 13
            duration: 10m
            bucket: 1m
            vpcs:
              - id: vpc-prod
                subnets:
                  - { id: subnet-1a, cidr: 10.5.0.0/24, az: us-east-1a }
                securityGroups: [sg-reports]
            functions:
              - name: reports
                vpcConfig: { subnetIds: [subnet-1a], securityGroupIds: [sg-reports] }
                timeout: 30s
                duration: 1s
                arrivals: { poisson: 2/s }
            timeline:
              - { at: 5m, action: azOutage, az: us-east-1a, until: 8m }
            """;

    @TempDir
    Path dir;

    private List<String> story(String name, String yaml) throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return Narrative.lines(new Simulation(ScenarioLoader.load(file), 0).run());
    }

    private static int first(List<String> s, String text) {
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theLegacyEniIsCreatingForItsColdStartsWaitAndTheStorySaysSo() throws Exception {
        List<String> s = story("legacy", LEGACY);
        // the legacy ENIs of a second are told in one line (LegacyEniLinesGroupedTest): eni-0001's is that line
        int created = first(s, "ENIs being created (ingest@subnet-a+[sg-a] 2): eni-0001, eni-0002");
        int ready = first(s, "ENIs ready (ingest@subnet-a+[sg-a] 2): eni-0001, eni-0002");
        assertTrue(created >= 0 && ready > created, String.join("\n", s));
        assertTrue(s.get(ready).startsWith("00:00:09"), "ready 9 s after its creation at 00:00:00: " + s.get(ready));
        String why = s.get(created + 1);
        assertTrue(why.contains("adds 9s to the cold start (legacy.coldStartAttachTime)")
                && why.contains("being created for as long as the cold start that made it waits"), why);
    }

    @Test
    void theEniPhasesAreSaidOnceToBeEnisimsNotAwsStatusValues() throws Exception {
        List<String> s = story("legacy", LEGACY);
        List<String> notes = s.stream().filter(l -> l.contains("are enisim's lifecycle phases of an ENI")).toList();
        assertEquals(1, notes.size(), String.join("\n", s));
        assertTrue(notes.get(0).contains("describe-network-interfaces prints a Status (available, attaching, in-use,"
                + " detaching, associated)"), notes.get(0));
        // said at the first ENI line (eni-0001 and eni-0002 being created, one line), before the next ENI line
        int firstEni = first(s, "ENIs being created");
        int note = s.indexOf(notes.get(0));
        assertTrue(firstEni >= 0 && note > firstEni && note < first(s, "ENIs ready"), "said at the first ENI");
    }

    @Test
    void serviceExceptionForAnAzOutageIsSaidToBeAnAssumption() throws Exception {
        List<String> s = story("az", AZ_OUTAGE);
        int failed = first(s, "failed with ServiceException");
        assertTrue(failed > 0, String.join("\n", s));
        assertTrue(s.get(failed + 1).contains("ServiceException is enisim's assumption here: AWS names no error"),
                s.get(failed + 1));
    }
}
