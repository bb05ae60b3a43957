package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The narrative's first lines say what is true at time 0 (a multi-account platform owner's and a teacher's reviews,
 * sessions 60 and 61): existing Active functions that the VPC's quota makes Failed at once are not counted among those
 * that "start Active", and an existing function's sharing of its key's ENIs is not said to be an attach "that takes
 * seconds" (nothing is attached during the run for it); a function created during the run keeps that why.
 */
class ExistingOpeningTrueAtStartTest {

    /** Seven existing Active functions, one key each on one subnet, in a VPC whose quota holds five ENIs. */
    static String quotaFull() {
        StringBuilder y = new StringBuilder("""
                name: opening-quota
                seed: 1
                duration: 2m
                bucket: 1m
                vpcs:
                  - id: v
                    eniQuota: 5
                    subnets:
                      - { id: subnet-a, cidr: 10.0.0.0/24, az: a }
                    securityGroups: [sg-0, sg-1, sg-2, sg-3, sg-4, sg-5, sg-6]
                functions:
                """);
        for (int i = 0; i < 7; i++) {
            y.append("  - { name: fn-").append(i).append(", existing: Active, duration: 10ms, arrivals: { poisson:"
                    + " 1/s }, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-").append(i).append("] } }\n");
        }
        return y.toString();
    }

    @Test
    void functionsTheQuotaMakesFailedAtOnceAreNotSaidToStartActive() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(quotaFull(), "opening-quota"), 0).run();
        List<String> story = Narrative.lines(r);
        String all = String.join("\n", story);
        assertTrue(story.get(0).startsWith("00:00:00  5 existing functions start Active, with 5 ENIs in place"), all);
        assertTrue(story.get(0).contains("; 2 more are Failed at once (EniLimitExceeded), each told below; all 7"),
                all);
        assertFalse(all.contains("7 existing functions start Active"), all);
    }

    @Test
    void anExistingFunctionSharingItsKeyIsNotSaidToAttachButALaterOneIs() throws Exception {
        String y = """
                name: opening-shared
                seed: 1
                duration: 10m
                bucket: 1m
                vpcs:
                  - id: v
                    subnets:
                      - { id: subnet-a, cidr: 10.0.0.0/24, az: a }
                    securityGroups: [sg-app]
                functions:
                  - { name: api, existing: Active, duration: 10ms, arrivals: { poisson: 1/s },
                      vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] } }
                  - { name: worker, existing: Active, duration: 10ms, arrivals: { poisson: 1/s },
                      vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] } }
                """;
        List<String> story = Narrative.lines(new Simulation(ScenarioLoader.parse(y, "opening-shared"), 0).run());
        String all = String.join("\n", story);
        assertTrue(all.contains("an existing function already uses its key's ENIs when the run starts"), all);
        assertFalse(all.contains("attaching takes seconds"), all);

        String later = y + """
                  - { name: batch, createdAt: 5m, duration: 10ms, arrivals: { poisson: 1/s },
                      vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] } }
                """;
        String laterAll = String.join("\n", Narrative.lines(new Simulation(ScenarioLoader.parse(later,
                "opening-shared-later"), 0).run()));
        assertTrue(laterAll.contains("attaching takes seconds"), laterAll);
    }
}
