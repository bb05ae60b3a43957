package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform team's review: a 600-function account's day was refused with its total alone ("~1.06e+09 events"), which
 * said nothing of what to cut. A refusal names the functions whose traffic makes most of the events, with their share.
 */
class BudgetEventSharesTest {

    @TempDir
    Path dir;

    /** Functions on one subnet and group: {@code rates[i]} arrivals a second each, named as {@code names[i]}. */
    static String scenario(String duration, String bucket, List<String> names, List<String> rates) {
        StringBuilder b = new StringBuilder("name: mix\nduration: " + duration + "\nbucket: " + bucket + "\n"
                + "vpcs:\n  - id: vpc-a\n    subnets: [{id: subnet-a, cidr: 10.0.0.0/20, az: us-east-1a},"
                + " {id: subnet-b, cidr: 10.0.16.0/20, az: us-east-1b}]\n"
                + "    securityGroups: [sg-a, sg-b]\nfunctions:\n");
        for (int i = 0; i < names.size(); i++) {
            b.append("  - {name: ").append(names.get(i)).append(", duration: 100ms, arrivals: {poisson: ")
                    .append(rates.get(i)).append("/s}, vpcConfig: {subnetIds: [subnet-a, subnet-b], securityGroupIds:"
                    + " [").append(i % 2 == 0 ? "sg-a" : "sg-b").append("]}}\n");
        }
        return b.toString();
    }

    @Test
    void aRefusalNamesTheFunctionsThatMakeMostOfItsEvents() throws Exception {
        // 10 arrivals a second: hot 60%, warm 30%, four others 2.5% each
        Path f = Files.writeString(dir.resolve("mix.yaml"), scenario("1h", "1m",
                List.of("hot", "warm", "c1", "c2", "c3", "c4"), List.of("6", "3", "0.25", "0.25", "0.25", "0.25")));
        Result r = CliTest.run("run", f.toString(), "--out", dir.resolve("out").toString(), "--max-events", "1000");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("mix would take ~9.00e+04 events"), r.err());
        assertTrue(r.err().contains("continue with --yes, or shorten its duration or lower its rates (its events come"
                + " from the traffic of hot (60%), warm (30%); the other 4 functions make 10%)"), r.err());
        // replications: the scenario's name with its runs, its functions the same
        Result three = CliTest.run("run", f.toString(), "--out", dir.resolve("out").toString(), "--max-events",
                "1000", "--replications", "3");
        assertTrue(three.err().contains("mix (3 runs) would take ~2.70e+05 events"), three.err());
        assertTrue(three.err().contains("(mix's events come from the traffic of hot (60%), warm (30%); the other 4"
                + " functions make 10%)"), three.err());
    }

    @Test
    void eventsSpreadEvenlyAreSaidSoAndOneFunctionAlone() throws Exception {
        List<String> names = new ArrayList<>();
        List<String> rates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            names.add("f" + i);
            rates.add("1");
        }
        Scenario flat = ScenarioLoader.parse(scenario("1h", "1m", names, rates), "mix.yaml");
        assertEquals("are spread over 12 functions, none above 8% (the busiest: f0)", Budget.eventShares(flat));
        // the busiest below half a percent: "each below 1%", not "none above <1%" (a 1,217-run plan's refusal)
        names.clear();
        rates.clear();
        for (int i = 0; i < 250; i++) {
            names.add("f" + i);
            rates.add("1");
        }
        Scenario wide = ScenarioLoader.parse(scenario("1h", "1m", names, rates), "mix.yaml");
        assertEquals("are spread over 250 functions, each below 1% (the busiest: f0)", Budget.eventShares(wide));
        Scenario one = ScenarioLoader.parse(scenario("1h", "1m", List.of("only"), List.of("2")), "mix.yaml");
        assertEquals("come from the traffic of only (100%)", Budget.eventShares(one));
        Scenario two = ScenarioLoader.parse(scenario("1h", "1m", List.of("a", "b"), List.of("1", "3")), "mix.yaml");
        assertEquals("come from the traffic of its 2 functions, b (75%), a (25%)", Budget.eventShares(two));
        // a design's refusal (a sweep's, plan's) names its base scenario's functions
        Budget budget = new Budget();
        budget.maxEvents = 1000;
        UserInputException e = assertThrows(UserInputException.class, () -> budget.check(two, 1e6, "mix (4 runs)",
                new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().endsWith("(mix's events come from the traffic of its 2 functions, b (75%), a"
                + " (25%))"), e.getMessage());
    }
}
