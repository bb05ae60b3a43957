package dev.enisim.report.page;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;

/** The verdict paragraph of a scenario's Answers (up to its closing tag), for the verdict tests. */
final class Verdicts {

    private Verdicts() {
    }

    static String of(String scenario) throws Exception {
        String a = Headlines.html(new Simulation(ScenarioLoader.load(Path.of("scenarios/" + scenario + ".yaml")), 0)
                .run());
        int at = a.indexOf("<p class=\"verdict");
        return a.substring(at, a.indexOf("</p>", at));
    }
}
