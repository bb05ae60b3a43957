package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.NetworkModel;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * h3's review of compare-network-models' page (legacy-vs-hyperplane, the learners' last step) in a browser: its
 * verdict was green and told ENIs and cold starts only ("Legacy: 246 ENIs at the peak and 516 cold starts;
 * Hyperplane: 2 ENIs"), above a table in which the legacy model failed 485 invocations (EC2 throttling, a full
 * subnet) and Hyperplane 5,570 (Pending at creation). Each model's failures are now in the verdict, amber.
 */
class NetworkModelsVerdictTest {

    @Test
    void eachModelsFailuresAreInTheVerdict() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/legacy-vs-hyperplane.yaml"));
        RunResult h = new Simulation(s.withNetworkModel(NetworkModel.HYPERPLANE), 0).run();
        RunResult l = new Simulation(s.withNetworkModel(NetworkModel.LEGACY), 0).run();
        String page = ComparePage.networkModels(h, l);
        assertTrue(page.contains("<p class=\"verdict warn\">Legacy: 246 ENIs at the peak, 516 cold starts, 485 of"
                + " 359,164 invocations did not succeed (EC2ThrottledException 347, SubnetIPAddressLimitReachedException"
                + " 138); Hyperplane: 2 ENIs (shared per subnet + security groups, made at creation), 7,901 of 359,164"
                + " invocations did not succeed (ResourceConflictException 7,901). One run of each, same seed. "
                + HtmlReport.esc(NetworkModelComparison.note(h, l)) + "</p>"),
                page.substring(0, Math.min(page.length(), page.indexOf("<section id=\"differences\">") + 1)));
    }
}
