package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssumptionsTest {

    private static JsonNode tree(String yaml) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
    }

    static final String BASE = """
            name: a
            duration: 10m
            vpcs:
              - id: vpc-1
                subnets: [{ id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }]
                securityGroups: [sg-app]
            functions:
              - name: api
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    @Test
    void defaultsAreSpelledOutAndEveryCornerOfTheRangesIsAValidScenario() throws Exception {
        Assumptions.Prepared p = Assumptions.prepare(tree(BASE));
        List<String> paths = new ArrayList<>();
        p.factors().forEach(f -> paths.add(f.path()));
        // the idle rule is left out of a ten-minute run: no function can be idle for 7 days in it (README); a run
        // of a week or more varies it (theIdleRuleIsVariedOnlyInARunAsLongAsItsRangesLowEnd)
        assertEquals(List.of("hyperplane.eniCreateTime.median", "hyperplane.attachExistingTime",
                "hyperplane.eniDeleteTime.median", "hyperplane.eniRetryBackoff",
                "scaling.keepAlive", "functions[*].initDuration.median"), paths);
        assertEquals("lognormal", p.tree().at("/hyperplane/eniCreateTime/dist").asText());
        assertEquals("75s", p.tree().at("/hyperplane/eniCreateTime/median").asText(), "the default, unchanged");
        // the spelled-out defaults change nothing: the same scenario as written, so the same summary
        assertEquals(ScenarioLoader.parseTree(tree(BASE), "a"), ScenarioLoader.parseTree(p.tree(), "a"));
        assertEquals(Sweep.point(tree(BASE), "a", java.util.Map.of(), List.of("invocations.succeeded"), 1).metrics(),
                Sweep.point(p.tree(), "a", java.util.Map.of(), List.of("invocations.succeeded"), 1).metrics());
        for (double u : new double[] {0, 1}) {
            java.util.Map<String, String> corner = new java.util.LinkedHashMap<>();
            p.factors().forEach(f -> corner.put(f.path(), f.value(u)));
            Sweep.Point point = Sweep.point(p.tree(), "a", corner, List.of("enis.peak"), 1);
            assertEquals(null, point.problem(), corner.toString());
        }
        ScenarioLoader.parseTree(p.tree(), "a");
    }

    /**
     * A function whose init is a runtime preset's (measured, with an initExtra of its own) is not given an assumed
     * initDuration: that would replace its preset and refuse its initExtra, and every point of the design failed
     * (`sensitivity scenarios/cold-starts-java-python.yaml` did, until the twenty-second pass). Beside a function
     * without a preset (and one whose own initDuration replaces its preset), the init is varied in those alone; with
     * presets everywhere, not at all.
     */
    @Test
    void aRuntimePresetsInitIsNotAnAssumption() throws Exception {
        String withPreset = """
                  - name: java
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                    runtime: java21
                    initExtra: 300ms
                """;
        // a preset with an initDuration of its own: that one replaces the preset, so it is an assumption again
        String presetReplaced = """
                  - name: python
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                    runtime: python3.12
                    initDuration: { dist: lognormal, median: 300ms, p99: 1s }
                """;
        JsonNode mixed = tree(BASE + withPreset + presetReplaced);
        Assumptions.Prepared p = Assumptions.prepare(mixed);
        List<String> paths = new ArrayList<>();
        p.factors().forEach(f -> paths.add(f.path()));
        assertEquals(List.of("functions[0].initDuration.median", "functions[2].initDuration.median"),
                paths.subList(paths.size() - 2, paths.size()), paths.toString());
        assertTrue(paths.stream().noneMatch(x -> x.startsWith("functions[1]") || x.startsWith("functions[*]")),
                paths.toString());
        assertTrue(p.tree().at("/functions/1/initDuration").isMissingNode(), "the preset's function left as it was");
        assertEquals(ScenarioLoader.parseTree(mixed, "a"), ScenarioLoader.parseTree(p.tree(), "a"));
        for (double u : new double[] {0, 1}) {
            java.util.Map<String, String> corner = new java.util.LinkedHashMap<>();
            p.factors().forEach(f -> corner.put(f.path(), f.value(u)));
            assertEquals(null, Sweep.point(p.tree(), "a", corner, List.of("enis.peak"), 1).problem(),
                    corner.toString());
        }
        JsonNode presetsOnly = tree(BASE.substring(0, BASE.indexOf("  - name: api")) + withPreset);
        Assumptions.Prepared q = Assumptions.prepare(presetsOnly);
        assertTrue(q.factors().stream().noneMatch(f -> f.path().startsWith("functions")), q.factors().toString());
        assertEquals(q.factors().size(), q.why().size());
        assertEquals(ScenarioLoader.parseTree(presetsOnly, "a"), ScenarioLoader.parseTree(q.tree(), "a"));
    }

    /**
     * Every scenario shipped in scenarios/: the defaults spelled out give the same scenario, and both corners of the
     * ranges (every assumption at its low end, then at its high end) are valid scenarios, so `enisim sensitivity`
     * can run each (one of them, with runtime presets, could not: {@link #aRuntimePresetsInitIsNotAnAssumption}).
     */
    @Test
    void everyShippedScenariosCornersAreValid() throws Exception {
        List<java.nio.file.Path> files;
        try (java.util.stream.Stream<java.nio.file.Path> l = java.nio.file.Files.list(java.nio.file.Path.of("scenarios"))) {
            files = l.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 20, "the shipped scenarios: " + files);
        for (java.nio.file.Path f : files) {
            JsonNode tree = ScenarioLoader.readTree(f);
            Assumptions.Prepared p = Assumptions.prepare(tree);
            // as text: a record's arrays (start times, rates) compare by identity; the assumptions touch none
            assertEquals(withoutArrayIds(ScenarioLoader.parseTree(tree, f.toString())),
                    withoutArrayIds(ScenarioLoader.parseTree(p.tree(), f.toString())),
                    f + ": the defaults spelled out change nothing");
            for (double u : new double[] {0, 1}) {
                List<String> sets = new ArrayList<>();
                p.factors().forEach(x -> sets.add(x.path() + "=" + x.value(u)));
                try {
                    ScenarioLoader.parseTree(dev.enisim.scenario.Overrides.apply(p.tree(), sets, f.toString()),
                            f.toString());
                } catch (dev.enisim.scenario.ScenarioException e) {
                    throw new AssertionError(f + " at " + sets + ": " + e.problems(), e);
                }
            }
        }
    }

    private static String withoutArrayIds(Object scenario) {
        return scenario.toString().replaceAll("\\[[A-Z]@[0-9a-f]+", "[array]");
    }

    @Test
    void aMedianRangeStopsAtTheScenariosP99AndAConstantIsVariedAsOne() throws Exception {
        Assumptions.Prepared p = Assumptions.prepare(tree(BASE + """
                hyperplane:
                  eniCreateTime: { dist: lognormal, median: 40s, p99: 2m }
                  eniDeleteTime: 10m
                """));
        assertEquals(new Factor("hyperplane.eniCreateTime.median", 30, 120, Factor.Kind.DURATION),
                p.factors().get(0));
        assertEquals("hyperplane.eniDeleteTime", p.factors().get(2).path());
    }

    @Test
    void theLegacyAssumptionsComeOnlyWithTheLegacyModel() throws Exception {
        assertTrue(Assumptions.prepare(tree(BASE)).factors().stream().noneMatch(f -> f.path().startsWith("legacy")));
        Assumptions.Prepared p = Assumptions.prepare(tree(BASE + "networkModel: legacy\n"));
        assertEquals(3, p.factors().stream().filter(f -> f.path().startsWith("legacy")).count());
        for (double u : new double[] {0, 1}) {
            java.util.Map<String, String> corner = new java.util.LinkedHashMap<>();
            p.factors().forEach(f -> corner.put(f.path(), f.value(u)));
            assertEquals(null, Sweep.point(p.tree(), "a", corner, List.of("enis.peak"), 1).problem(), corner.toString());
        }
    }

    /**
     * A scenario with no function in a VPC makes no ENI: the five hyperplane.* assumptions cannot matter and are not
     * varied (they took 5/7 of the runs and were reported as "does not matter"); the left-out list says why. A
     * function attached by the timeline alone brings them back.
     */
    @Test
    void withoutAVpcFunctionTheEniAssumptionsAreLeftOutAndSaidWhy() throws Exception {
        String noVpc = """
                name: a
                duration: 10m
                functions:
                  - name: api
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                """;
        Assumptions.Prepared p = Assumptions.prepare(tree(noVpc));
        assertEquals(List.of("scaling.keepAlive", "functions[*].initDuration.median"),
                p.factors().stream().map(Factor::path).toList());
        assertEquals(p.factors().size(), p.why().size());
        assertEquals(List.of("hyperplane.eniCreateTime.median", "hyperplane.attachExistingTime",
                "hyperplane.eniDeleteTime.median", "hyperplane.eniRetryBackoff", "hyperplane.idleReclaimAfter",
                "hyperplane.ec2RequestLimit", "legacy.coldStartAttachTime.median", "legacy.ec2ApiBurst", "legacy.ec2ApiRefill"),
                p.leftOut().stream().map(Assumptions.LeftOut::path).toList());
        assertEquals(List.of("hyperplane.eniCreateTime.median, hyperplane.attachExistingTime,"
                + " hyperplane.eniDeleteTime.median, hyperplane.eniRetryBackoff, hyperplane.idleReclaimAfter,"
                + " hyperplane.ec2RequestLimit: no"
                + " function is attached to a VPC (no vpcConfig with subnets, in the functions or the timeline), so no"
                + " ENI is ever made", "legacy.coldStartAttachTime.median, legacy.ec2ApiBurst, legacy.ec2ApiRefill:"
                + " the scenario uses the Hyperplane network model (legacy.* figures are read only under"
                + " networkModel: legacy)"), p.leftOutLines());
        assertTrue(p.tree().at("/hyperplane").isMissingNode(), "nothing spelled out for what is not varied");
        // the legacy model without a VPC function: its ENI figures cannot matter either
        assertTrue(Assumptions.prepare(tree(noVpc + "networkModel: legacy\n")).factors().stream()
                .noneMatch(f -> f.path().startsWith("legacy") || f.path().startsWith("hyperplane")));
        // an empty vpcConfig is no VPC (both lists empty = not attached)
        assertEquals(2, Assumptions.prepare(tree(noVpc.replace("    duration: 100ms",
                "    vpcConfig: { subnetIds: [], securityGroupIds: [] }\n    duration: 100ms"))).factors().size());
        // attached by the timeline only: the ENI assumptions apply again
        String vpc = """
                vpcs:
                  - id: vpc-1
                    subnets: [{ id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }]
                    securityGroups: [sg-app]
                timeline:
                  - at: 5m
                    action: updateVpcConfig
                    function: api
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                """;
        JsonNode attachedLater = tree(noVpc + vpc);
        ScenarioLoader.parseTree(attachedLater, "a"); // a valid scenario
        List<String> later = Assumptions.prepare(attachedLater).factors().stream().map(Factor::path).toList();
        assertEquals(List.of("hyperplane.eniCreateTime.median", "hyperplane.attachExistingTime",
                "hyperplane.eniDeleteTime.median", "hyperplane.eniRetryBackoff", "scaling.keepAlive",
                "functions[*].initDuration.median"), later);
    }

    /** The idle rule (7 d .. 28 d) cannot fire in a run shorter than 7 d; from 7 d on it is varied. */
    @Test
    void theIdleRuleIsVariedOnlyInARunAsLongAsItsRangesLowEnd() throws Exception {
        String almost = BASE.replace("duration: 10m", "duration: 6d23h59m");
        String week = BASE.replace("duration: 10m", "duration: 7d");
        Assumptions.Prepared shorter = Assumptions.prepare(tree(almost));
        assertTrue(shorter.factors().stream().noneMatch(f -> f.path().equals("hyperplane.idleReclaimAfter")));
        assertEquals(List.of("hyperplane.idleReclaimAfter: the run (6d23h59m) is shorter than the range's low end"
                + " (7d): no function can be idle that long within it"), shorter.leftOutLines().subList(0, 1));
        Assumptions.Prepared p = Assumptions.prepare(tree(week));
        assertEquals(1, p.factors().stream().filter(f -> f.path().equals("hyperplane.idleReclaimAfter")).count());
        // (but the EC2 request limit, which this scenario does not give: not rate-limited, Ec2RequestLimitAssumptionTest)
        assertTrue(p.leftOut().stream().noneMatch(l -> l.path().startsWith("hyperplane.")
                && !l.path().equals(Assumptions.EC2_REQUEST_LIMIT)), p.leftOutLines().toString());
        for (double u : new double[] {0, 1}) { // both corners of the seven ranges make a valid scenario
            List<String> sets = new ArrayList<>();
            p.factors().forEach(x -> sets.add(x.path() + "=" + x.value(u)));
            ScenarioLoader.parseTree(dev.enisim.scenario.Overrides.apply(p.tree(), sets, "a"), "a");
        }
    }

    /** Only the assumptions' timings are known to leave the event estimate alone. */
    @Test
    void timingOnlyPathsAreTheAssumptionsTimings() {
        for (Assumptions.Assumption a : Assumptions.ALL) {
            assertTrue(Assumptions.timingOnly(a.path()), a.path());
        }
        assertTrue(Assumptions.timingOnly("functions[0].initDuration.median"));
        assertTrue(Assumptions.timingOnly("functions[api].initDuration"));
        for (String p : List.of("traffic", "duration", "functions[0].arrivals.poisson", "functions[*].duration",
                "scaling.newEnvironmentsPer10s", "functions[0].initDurationX")) {
            assertTrue(!Assumptions.timingOnly(p), p);
        }
    }

    /** A p99 that is not a duration does not cut the range: the scenario's validation names it instead. */
    @Test
    void aP99ThatIsNotADurationLeavesTheRangeAlone() throws Exception {
        Assumptions.Prepared p = Assumptions.prepare(tree(BASE + """
                hyperplane:
                  eniCreateTime: { dist: lognormal, median: 40s, p99: soon }
                """));
        assertEquals(Assumptions.prepare(tree(BASE)).factors().get(0), p.factors().get(0));
    }
}
