package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table of defaults ({@link Defaults#TABLE}) against the loader and the docs: writing a field's default into a
 * file changes nothing, scenarios/README.md shows that default (and the source's tag) in the field's row, and the
 * README's assumptions table lists every assumed default with the same text.
 */
class DefaultsTest {

    /** Every block present once, so that every field of the table has somewhere to go. */
    private static final String BASE = """
            name: base
            duration: 1h
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                securityGroups: [sg-app]
                natGateways:
                  - { id: nat-a, az: us-east-1a }
            functions:
              - name: f
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                duration: 100ms
                arrivals: { poisson: 5/s }
            """;

    /**
     * The base a field is written into: BASE, its function given the block the field sits in when that block needs
     * more than the field to exist (an SQS mapping's type, an Event function's destination).
     */
    static String baseFor(String path) {
        if (path.startsWith("functions[*].eventSourceMapping.")) {
            return BASE + "    eventSourceMapping: { type: sqs }\n";
        }
        if (path.startsWith("functions[*].eventInvokeConfig.onFailure.")) {
            return BASE + "    invocationType: Event\n    eventInvokeConfig: { onFailure: { type: sqs } }\n";
        }
        if (path.startsWith("functions[*].eventInvokeConfig.")) {
            return BASE + "    invocationType: Event\n";
        }
        if (path.startsWith("functions[*].deadLetterConfig.")) {
            return BASE + "    invocationType: Event\n    deadLetterConfig: { type: sqs }\n";
        }
        return BASE;
    }

    @Test
    void writingADefaultIntoTheFileChangesNothing() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Defaults.Entry e : Defaults.TABLE) {
            Scenario base = ScenarioLoader.parse(baseFor(e.path()), "t.yaml");
            JsonNode tree = ScenarioLoader.readTree(baseFor(e.path()), "t.yaml");
            set(tree, e.path(), e.text().replace("<name>", "f"));
            Scenario with;
            try {
                with = ScenarioLoader.parseTree(tree, "t.yaml");
            } catch (ScenarioException x) {
                wrong.add(e.path() + ": " + x.getMessage());
                continue;
            }
            // an async or sqs block written with no function to read it is warned of (unreadBlocks): the figures are
            // what this test compares, the warning is not one of them
            if (!with.toBuilder().unreadBlocks(base.unreadBlocks()).build().equals(base)) {
                wrong.add(e.path() + ": " + e.text() + " is not what the loader uses when the field is left out");
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * The defaults once hard-coded in the readers (r6 F9) are rows of the table, so the three checks here hold them
     * against the loader and both READMEs.
     */
    @Test
    void theReadersDefaultsAreInTheTable() {
        for (String path : List.of("hyperplane.ec2RequestLimit", "scaling.provisionedConcurrency.preparation",
                "scaling.provisionedConcurrency.allocationPerMinute", "scaling.provisionedConcurrency.requestRateCap",
                "scaling.provisionedConcurrency.keepsFunctionActive", "functions[*].egress.keepConnectionsOpen",
                "functions[*].eventSourceMapping.batchSize", "functions[*].eventSourceMapping.maximumConcurrency",
                "functions[*].eventSourceMapping.queue.visibilityTimeout",
                "functions[*].eventSourceMapping.queue.messageRetentionPeriod",
                "functions[*].eventInvokeConfig.maximumRetryAttempts", "functions[*].eventInvokeConfig.maximumEventAge",
                "functions[*].eventInvokeConfig.onFailure.deliveryFailureProbability",
                "functions[*].deadLetterConfig.deliveryFailureProbability")) {
            assertEquals(path, Defaults.of(path).path());
        }
    }

    /** The check above can fail: a value other than the default does change the scenario. */
    @Test
    void aValueOtherThanTheDefaultChangesTheScenario() throws Exception {
        JsonNode tree = ScenarioLoader.readTree(BASE, "t.yaml");
        set(tree, "hyperplane.eniCreateTime", "{dist: lognormal, median: 76s, p99: 5m}");
        assertNotEquals(ScenarioLoader.parse(BASE, "t.yaml"), ScenarioLoader.parseTree(tree, "t.yaml"));
    }

    @Test
    void scenariosReadmeShowsEachDefaultAndItsSource() throws Exception {
        List<String> doc = Files.readAllLines(Path.of("scenarios/README.md"));
        List<String> wrong = new ArrayList<>();
        for (Defaults.Entry e : Defaults.TABLE) {
            List<String> cells = row(doc, e.path());
            if (cells == null) {
                wrong.add(e.path() + ": no row in scenarios/README.md");
            } else if (!cells.get(2).equals("`" + e.text() + "`")) {
                wrong.add(e.path() + ": scenarios/README.md says " + cells.get(2) + ", the table `" + e.text() + "`");
            } else if (!String.join("|", cells).contains(e.source().tag)) {
                wrong.add(e.path() + ": its row in scenarios/README.md does not say '" + e.source().tag + "'");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theReadmeAssumptionsTableListsEveryAssumedDefault() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Modelling assumptions");
        assertTrue(start >= 0, "README has its assumptions table");
        int end = readme.indexOf("\n## ", start + 1);
        String[] lines = readme.substring(start, end < 0 ? readme.length() : end).split("\n");
        List<String> wrong = new ArrayList<>();
        for (Defaults.Entry e : Defaults.TABLE) {
            if (!e.source().assumption()) {
                continue;
            }
            String found = null;
            for (String line : lines) {
                if (line.startsWith("| `" + e.path() + "` |")) {
                    found = line;
                }
            }
            if (found == null) {
                wrong.add(e.path() + ": not in the README's assumptions table");
            } else if (!cells(found).get(1).startsWith("`" + e.text() + "`")) {
                wrong.add(e.path() + ": the README's assumptions table says " + cells(found).get(1) + ", the table `"
                        + e.text() + "`");
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** What {@code enisim sensitivity} varies are defaults of the table, spelled as the table spells them. */
    @Test
    void sensitivityVariesDefaultsOfTheTable() {
        for (dev.enisim.experiment.Assumptions.Assumption a : dev.enisim.experiment.Assumptions.ALL) {
            String path = a.distribution() == null ? a.path() : a.path().substring(0, a.path().lastIndexOf('.'));
            Defaults.Entry e = Defaults.of(path);
            if (a.distribution() != null) {
                assertEquals(e.text(), a.distribution(), path);
            }
            assertTrue(e.source() != Defaults.Source.DOCUMENTED && e.source() != Defaults.Source.ENISIM,
                    path + " is varied as an assumption but the table says " + e.source());
        }
    }

    /** Sections of scenarios/README.md that hold a block's table under a title of their own. */
    private static final java.util.Map<String, String> TITLES = java.util.Map.of(
            "functions[*].eventSourceMapping", "SQS event source mappings",
            "functions[*].eventInvokeConfig", "Asynchronous invocations");

    /**
     * The cells of the field's row in its block's table ({@code ## `hyperplane`}, or "Top level"); a field of a
     * nested object is looked for as written in its enclosing block's table ({@code provisionedConcurrency.preparation}
     * under {@code ## `scaling`}), the innermost block first.
     */
    private static List<String> row(List<String> doc, String path) {
        for (int dot = path.lastIndexOf('.'); ; dot = path.lastIndexOf('.', dot - 1)) {
            List<String> found = row(doc, dot < 0 ? null : path.substring(0, dot), path.substring(dot + 1));
            if (found != null || dot < 0) {
                return found;
            }
        }
    }

    private static List<String> row(List<String> doc, String block, String field) {
        boolean in = false;
        for (String line : doc) {
            if (line.startsWith("#")) {
                String title = line.replaceFirst("^#+ ", "");
                in = block == null ? title.equals("Top level")
                        : title.equals("`" + block + "`") || title.equals(TITLES.get(block));
            } else if (in && line.startsWith("| `" + field + "` |")) {
                return cells(line);
            }
        }
        return null;
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        for (String c : line.substring(1).split("(?<!\\\\)\\|")) {
            out.add(c.strip());
        }
        return out;
    }

    /** Sets a field of the tree to a YAML value; {@code [*]} is the list's first element. */
    private static void set(JsonNode tree, String path, String yaml) throws ScenarioException {
        JsonNode value = ScenarioLoader.readTree("v: " + yaml, "value").get("v");
        String[] parts = path.split("\\.");
        ObjectNode at = (ObjectNode) tree;
        for (int i = 0; i < parts.length - 1; i++) {
            String p = parts[i];
            if (p.endsWith("[*]")) {
                at = (ObjectNode) at.get(p.substring(0, p.length() - 3)).get(0);
            } else {
                at = at.has(p) ? (ObjectNode) at.get(p) : at.putObject(p);
            }
        }
        if (value == null) {
            fail("not a YAML value: " + yaml);
        }
        at.set(parts[parts.length - 1], value);
    }
}
