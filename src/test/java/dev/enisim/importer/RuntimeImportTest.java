package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import dev.enisim.workload.DistributionSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runtime, Architectures and PackageType come in from the saved output, so cold starts use the measured presets. */
class RuntimeImportTest {

    @TempDir
    Path dir;

    private static String fn(String name, String extra) {
        return "{\"FunctionName\": \"" + name + "\", \"MemorySize\": 512, \"Timeout\": 10" + extra + "}";
    }

    @Test
    void runtimeArchitectureAndPackageTypePickThePreset() throws Exception {
        Path subnets = write(dir, "subnets.json", "{\"Subnets\": []}");
        Path functions = write(dir, "functions.json", "{\"Functions\": ["
                + fn("api", ", \"Runtime\": \"java21\", \"Architectures\": [\"arm64\"], \"PackageType\": \"Zip\"") + ","
                + fn("image", ", \"PackageType\": \"Image\", \"Architectures\": [\"x86_64\"]") + ","
                + fn("custom", ", \"Runtime\": \"provided.al2023\", \"PackageType\": \"Zip\"") + ","
                + fn("old", "") + "]}");
        String yaml = Importer.scenario(new Importer.Inputs(List.of(subnets), List.of(functions), List.of(),
                List.of(), List.of()), "runtimes", 600);
        Scenario s = ScenarioLoader.load(write(dir, "imported.yaml", yaml));
        DistributionSpec.ShiftedLogNormal api = assertInstanceOf(DistributionSpec.ShiftedLogNormal.class,
                init(s, "api"));
        assertTrue(api.label().startsWith("java21 512 MB arm64 Zip"), api.label());
        assertEquals(Scenario.Function.DEFAULT_INIT, init(s, "image"));
        assertEquals(Scenario.Function.DEFAULT_INIT, init(s, "custom"));
        assertEquals(Scenario.Function.DEFAULT_INIT, init(s, "old"));
        assertTrue(yaml.contains("# Runtime provided.al2023: no measured preset without the language (e.g. runtime:"
                + " provided.al2023/rust)"), yaml);
        assertTrue(yaml.contains("# no Runtime (a container image): the default init time applies"), yaml);
        assertTrue(yaml.contains("functions[image].initDuration: the default (an image names no Runtime)"), yaml);
    }

    private static DistributionSpec init(Scenario s, String name) {
        return s.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().initDuration();
    }
}
