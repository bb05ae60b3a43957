package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.Narrative;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report's wording left from session 51's pass (session 52, h4): a count of 1 read as a plural ("the same 1
 * Hyperplane ENI", "its 1 old Hyperplane ENI then were", "1 ENIs at once on 1 keys"), and a teardown that mixed a
 * cancelled deletion with an ENI Lambda deleted was told as one not finished ("still there at the end").
 */
public class WordingPolishTest {

    public static RunResult run(String yaml) throws Exception {
        return new Simulation(ScenarioLoader.parse(yaml, "wording.yaml"), 0).run();
    }

    private static String verdict(RunResult r) {
        String answers = Headlines.html(r);
        int at = answers.indexOf("<p class=\"verdict");
        return answers.substring(at, answers.indexOf("</p>", at));
    }

    /** One function, one key: its one ENI through four days of peaks and troughs. */
    static final String ONE_ENI_CYCLES = """
            name: one-eni
            seed: 7
            duration: 4d
            bucket: 15m
            vpcs:
              - id: vpc-web
                subnets: [{ id: subnet-a, cidr: 10.12.0.0/24, az: us-east-1a }]
                securityGroups: [sg-web]
            functions:
              - name: api
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-web] }
                duration: 60ms
                arrivals: { diurnal: { peak: 4/s, trough: 0.2/s, peakAt: 14h } }
            """;

    @Test
    void oneEniThroughTheCyclesIsTheSameHyperplaneEniNotTheSame1() throws Exception {
        RunResult r = run(ONE_ENI_CYCLES);
        String v = verdict(r);
        assertTrue(v.contains(" ran on the same Hyperplane ENI "), v);
        assertFalse(v.contains("same 1 "), v);
        String narrative = String.join("\n", Narrative.lines(r));
        assertTrue(narrative.contains(", but the one Hyperplane ENI stayed through the fall and the rise: none created,"
                + " none deleted"), narrative);
        assertFalse(narrative.contains("stayed at 1 "), narrative);
    }

    /** An update of api's subnets releases its one old ENI, which Lambda deletes 20 minutes later. */
    static final String ONE_OLD_ENI = """
            name: one-old-eni
            seed: 3
            duration: 1h
            vpcs:
              - id: vpc-a
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                  - { id: subnet-b, cidr: 10.0.2.0/24, az: us-east-1b }
                securityGroups: [sg-app]
            hyperplane: { eniDeleteTime: 20m }
            functions:
              - name: api
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            timeline:
              - { at: 10m, action: updateVpcConfig, function: api, vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg-app] } }
            """;

    @Test
    void anUpdatesOneOldEniWasDeletedNotTheLastOfThem() throws Exception {
        String v = verdict(run(ONE_OLD_ENI));
        assertTrue(v.contains("; its old Hyperplane ENI then took 00:20:"), v);
        assertTrue(v.contains(" until Lambda had deleted it, after a deletion delay (20m"), v);
        assertFalse(v.contains("its 1 old"), v);
        assertFalse(v.contains("the last of them"), v);
    }

    @Test
    void anAccountWithOneEniOnOneKeySaysSo() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/shared-vpc-two-accounts.yaml")), 0).run();
        String narrative = String.join("\n", Narrative.lines(r));
        assertTrue(narrative.contains("17,939 invoke errors; up to 0 concurrent, 1 ENI at once on 1 key\n"), narrative);
        assertFalse(narrative.contains("1 ENIs"), narrative);
    }

    /**
     * {@link TeacherLessonFaultsTest#REUSE} with old-app on two subnets: old-app deleted at 30m; new-app, created at
     * 35m on one of them, takes that ENI back; Lambda deletes the other at 50m (20 minutes' delay), or is still
     * deleting it when the run ends at 40m.
     */
    public static final String MIXED = TeacherLessonFaultsTest.REUSE.replace("name: reuse", "name: mixed")
            .replace("subnets: [{ id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }]", "subnets: [{ id: subnet-a, cidr:"
                    + " 10.0.1.0/24, az: us-east-1a }, { id: subnet-b, cidr: 10.0.2.0/24, az: us-east-1b }]")
            .replaceFirst("subnetIds: \\[subnet-a]", "subnetIds: [subnet-a, subnet-b]"); // old-app's, the first

    @Test
    void aTeardownWithOneEniTakenBackAndOneDeletedTellsBoth() throws Exception {
        RunResult r = run(MIXED);
        String v = verdict(r);
        assertFalse(v.contains("had not finished"), v);
        assertTrue(v.contains("Deleting old-app at 00:30:00 took 00:20:00 until Lambda had deleted the one of its 2"
                + " Hyperplane ENIs not taken back, after a deletion delay (20m: hyperplane.eniDeleteTime, field"
                + " assumptions); 1 was taken back before its deletion was done (new-app took eni-0001 back at"
                + " 00:35:00;"), v);
        String answers = Headlines.html(r);
        assertFalse(answers.contains("still there at the end"), answers);
        assertTrue(answers.contains("<td class=\"n\">00:20:00 for 1; 1 cancelled: new-app took eni-0001 back at"
                + " 00:35:00</td>"), answers);
    }

    @Test
    void aTeardownWithOneEniTakenBackAndOneStillDeletingTellsBoth() throws Exception {
        RunResult r = run(MIXED.replace("duration: 1h", "duration: 40m"));
        String v = verdict(r);
        assertTrue(v.contains("Deleting old-app at 00:30:00 had not finished at the end of the run: of its 2 Hyperplane"
                + " ENIs, Lambda was still deleting 1 (20m: hyperplane.eniDeleteTime, field assumptions) and 1 was"
                + " taken back before its deletion was done (new-app took eni-0001 back at 00:35:00;"), v);
        String answers = Headlines.html(r);
        assertTrue(answers.contains("<td class=\"n bad\">1 still there at the end; 1 cancelled: new-app took eni-0001"
                + " back at 00:35:00</td>"), answers);
        assertEquals(new Headlines.Rest(1, 0, 1, null), Headlines.rest(r, r.summary().teardowns().get(0)));
    }

    /** The same old-app updated off both subnets' ENIs: one taken back by new-app, the other deleted. */
    @Test
    void anUpdateWithOneEniTakenBackAndOneDeletedTellsBoth() throws Exception {
        String yaml = MIXED.replace("- { at: 30m, action: deleteFunction, function: old-app }",
                "- { at: 30m, action: updateVpcConfig, function: old-app, vpcConfig: { subnetIds: [subnet-a, subnet-b],"
                        + " securityGroupIds: [sg-web] } }").replace("securityGroups: [sg-app]",
                        "securityGroups: [sg-app, sg-web]");
        String v = verdict(run(yaml));
        assertTrue(v.contains("its 2 old Hyperplane ENIs then: 1 was taken back before its deletion was done (new-app"
                + " took eni-0001 back at 00:35:00; a new user of the same subnet and security groups cancels a"
                + " deletion not yet done: hyperplane.reuseDeletingEni), and Lambda took 00:20:"), v);
        assertTrue(v.contains(" to delete the other, after a deletion delay (20m"), v);
        assertFalse(v.contains("were not all deleted"), v);
    }

    /**
     * import-example's VPC counts 7 ENIs in otherUsedEnis, one of them a Lambda ENI of no imported key (its comment
     * says so): the Capacity table called them all "other services' ENIs". With functions there at time 0, the
     * header says what the import puts there: ENIs already in place, other services' or Lambda's.
     */
    @Test
    void anImportedAccountsOtherEnisAreEnisAlreadyInPlace() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/import-example/scenario.yaml")), 0).run();
        String answers = Headlines.html(r);
        assertTrue(answers.contains("<th scope=\"col\">used (with the ENIs already in place)</th><th scope=\"col\">ENIs"
                + " already in place at the end (other services', or Lambda's beyond those its functions start with)"
                + "</th>"), answers);
        assertFalse(answers.contains("other services' ENIs (end)"), answers);
        // a scenario written by hand, no function there at time 0: its otherUsedEnis are other services' (EFS)
        String efs = Headlines.html(new Simulation(ScenarioLoader.load(Path.of("scenarios/efs-shares-the-quota.yaml")),
                0).run());
        assertTrue(efs.contains("<th scope=\"col\">other services' ENIs (end)</th>"), efs);
    }
}
