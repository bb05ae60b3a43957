package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.CancelledCreationEnisTest;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An SRE's review, rebuilding two outages: the story's "why" for EC2ThrottledException said EC2 was refusing each
 * call when the calls failed because the function was Failed; a failed VPC update had no why, no subnet, and did not
 * say the function served on; no HTTP status was given; a cancelled creation's ENI was "kept" though released.
 */
public class NarrativeSreTest {

    /**
     * api's update into a full /28 (11 of its 11 usable addresses held by other tenants) fails; late, created at 5
     * minutes, is invoked while Pending.
     */
    public static final String FULL_UPDATE = """
            name: full-update
            seed: 3
            duration: 30m
            bucket: 30s
            vpcs:
              - id: vpc-prod
                subnets:
                  - { id: subnet-old-a, cidr: 10.0.0.0/24, az: eu-west-1a }
                  - { id: subnet-new-a, cidr: 10.0.8.0/28, az: eu-west-1a, otherUsedIps: 11 }
                securityGroups: [sg-api]
            functions:
              - name: api
                existing: Active
                vpcConfig: { subnetIds: [subnet-old-a], securityGroupIds: [sg-api] }
                duration: 100ms
                arrivals: { poisson: 1/s }
              - name: late
                createdAt: 5m
                vpcConfig: { subnetIds: [subnet-old-a], securityGroupIds: [sg-api] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            timeline:
              - at: 10m
                action: updateVpcConfig
                function: api
                vpcConfig: { subnetIds: [subnet-new-a], securityGroupIds: [sg-api] }
            """;

    /** worker is created while EC2 allows no call: Failed (EC2RequestLimitExceeded). */
    private static final String THROTTLED = """
            name: throttled
            seed: 3
            duration: 30m
            bucket: 30s
            vpcs:
              - id: vpc-prod
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: eu-west-1a }
                  - { id: subnet-b, cidr: 10.0.1.0/24, az: eu-west-1b }
                securityGroups: [sg-api, sg-worker]
            hyperplane:
              ec2RequestLimit: { burst: 1, refill: 1/h }
            functions:
              - name: worker
                vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-worker] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    private static List<String> story(String yaml) throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(yaml, "sre.yaml"), 0).run();
        return Narrative.lines(r);
    }

    @Test
    void aFailedUpdateSaysWhyWhichSubnetAndThatTheFunctionServedOn() throws Exception {
        List<String> s = story(FULL_UPDATE);
        String all = String.join("\n", s);
        int failed = NarrativeTeachesTest.lastLine(s, l -> l.endsWith("api LastUpdateStatus Failed (SubnetOutOfIPAddresses)"));
        assertTrue(failed >= 0, all);
        String why = s.get(failed + 1);
        assertTrue(why.contains("why: The VPC configuration update failed: a subnet had no free IP for an ENI"
                + " (subnet-new-a)"), all);
        assertTrue(why.contains("Lambda kept api on its old VPC config and ENIs: it stayed Active and served on"
                + " them"), all);
    }

    @Test
    void ec2ThrottledSaysTheFunctionIsFailedAndMustBeRecreated() throws Exception {
        List<String> s = story(THROTTLED);
        String all = String.join("\n", s);
        assertTrue(all.contains("worker failed with EC2ThrottledException (HTTP 502)"), all);
        String why = s.stream().filter(l -> l.contains("why: The function is Failed (EC2RequestLimitExceeded)"))
                .findFirst().orElse("");
        assertTrue(why.contains("not for EC2's rate at that moment but because the function is Failed: delete and"
                + " recreate it"), all);
        assertFalse(all.contains("EC2 refused Lambda's call to create a Hyperplane ENI for its request rate"
                + " (hyperplane.ec2RequestLimit, EC2RequestLimitExceeded)"), all);
    }

    @Test
    void everyInvokeErrorHasItsHttpStatusFromTheOneTable() {
        assertEquals("HTTP 409", Narrative.http("ResourceConflictException"));
        assertEquals("HTTP 502", Narrative.http("ResourceNotReadyException"));
        assertEquals("HTTP 502", Narrative.http("SubnetIPAddressLimitReachedException"));
        assertEquals("HTTP 429", Narrative.http("TooManyRequestsException"));
        assertEquals("HTTP 404", Narrative.http("ResourceNotFoundException"));
        assertEquals("", Narrative.http("Unhandled"), "a function error is a 200");
        for (dev.enisim.model.Outcome o : dev.enisim.model.Outcome.all()) {
            if (o.kind() == dev.enisim.model.Outcome.Kind.INVOKE_ERROR) {
                assertEquals("HTTP " + o.httpStatus(), Narrative.http(o.exception()));
            }
        }
    }

    @Test
    void aCancelledCreationTellsItsEniDeletedAndWhy() throws Exception {
        List<String> s = Narrative.lines(CancelledCreationEnisTest.run(""));
        String all = String.join("\n", s);
        assertTrue(all.contains("worker -> Failed (InternalError): pending operation cancelled"), all);
        assertTrue(all.contains("why: Lambda cancelled the function's pending operation"), all);
        assertTrue(all.contains("An ENI made for a cancelled creation that no other function uses is deleted"), all);
        assertTrue(s.stream().anyMatch(l -> l.contains("ENI eni-0001 deleted, IP freed")), all);
        assertTrue(all.contains("worker failed with ResourceConflictException (HTTP 409)"), all);
    }
}
