package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ec2-request-limit's page said of its 6,029 EC2ThrottledExceptions only "EC2 throttled CreateNetworkInterface
 * calls", the row above the Failed function's EC2RequestLimitExceeded with nothing tying the two (a teacher's review,
 * session 41): a Failed function's are its refused ENI's, an Active one's a refused scale-out, each said so.
 */
class Ec2ThrottleWordsTest {

    @Test
    void aFailedFunctionsThrottledCallsAreTiedToItsStateReason() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/ec2-request-limit.yaml")), 0).run();
        List<Headlines.Failure> ec2 = Headlines.failures(r).stream()
                .filter(f -> f.outcome().equals("EC2ThrottledException")).toList();
        assertEquals(1, ec2.size(), "the premise: EC2 throttles the deployment");
        assertEquals("EC2RequestLimitExceeded", r.summary().functions().get("reports").finalReasonCode().toString(),
                "the premise: reports ends Failed by it");
        assertEquals("the function is Failed: EC2 throttled Lambda's CreateNetworkInterface calls for its ENI"
                + " (EC2RequestLimitExceeded, hyperplane.ec2RequestLimit)", ec2.get(0).why());
    }

    @Test
    void anActiveFunctionsThrottledCallsAreARefusedScaleOut() {
        assertEquals("the function is Active, but its key's ENIs were full and EC2 throttled Lambda's"
                + " CreateNetworkInterface call for another (a scale-out; hyperplane.ec2RequestLimit)",
                Headlines.activeCause("EC2ThrottledException"));
    }
}
