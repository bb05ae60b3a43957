package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The Hyperplane formula took the connections carried at the peak, which the ENIs that existed capped: scale2 offers
 * 640 connections on average (640/s x 1 s x 1) to ENIs of 100, refused 133,866 of 192,009 invocations with
 * NoFreePortOnEni, and the plan said "peak IPs 4, formula 3". The formula now adds the refused invocations'
 * connections (Little's law) to the carried mean, sizes on it, and says why.
 */
class PlanRefusedDemandTest {

    static final String SCALE2 = PlanSizingReplicationsTest.oneKey("scale2", "5m", 20, "640/s");

    @Test
    void theFormulaCountsTheRefusedDemandAndTheSizeHoldsIt() throws Exception {
        Scenario s = ScenarioLoader.parse(SCALE2, "scale2");
        Plan p = new Planner(s, 1, line -> { }).plan();
        Plan.SubnetAdvice a = p.subnets().get(0);
        assertTrue(a.analyticLambdaIps() >= 7, "640 connections offered on average need 7 ENIs of 100: " + a);
        assertTrue(a.recommendedUsableIps() >= a.analyticLambdaIps() + a.otherUsedIps(),
                "the size holds the offered demand, not only what was carried: " + a);
        assertTrue(p.sizingNotes().stream().anyMatch(n -> n.contains("refused for want of ports")
                && n.contains("lower bound")), p.sizingNotes().toString());
    }
}
