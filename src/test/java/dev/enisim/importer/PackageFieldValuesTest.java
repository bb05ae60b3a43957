package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * r1 (a migrating architect): Architectures ["arm"] and PackageType "Jar" were dropped for the defaults, and
 * ["arm64", "x86_64"] (Lambda takes exactly one) read as its first, silently. Values Lambda never prints are input
 * problems, each with the file and the field's path and the values expected, all at once.
 */
class PackageFieldValuesTest {

    @TempDir
    Path dir;

    private static String function(String name, String architectures, String packageType) {
        return """
                {"FunctionName": "%s", "FunctionArn": "arn:aws:lambda:eu-west-1:123456789012:function:%s",
                 "Runtime": "python3.12", "MemorySize": 512, "Timeout": 30, "State": "Active",
                 "PackageType": "%s", "Architectures": %s}""".formatted(name, name, packageType, architectures);
    }

    @Test
    void unknownOrSeveralArchitecturesAndAnUnknownPackageTypeAreProblemsAtOnce() throws Exception {
        Path functions = write(dir, "functions.json", "{\"Functions\": [" + function("a", "[\"arm\"]", "Zip") + ", "
                + function("b", "[\"arm64\", \"x86_64\"]", "Jar") + ", " + function("c", "[\"arm64\"]", "Image")
                + "]}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Importer.scenario(new Importer.Inputs(
                List.of(write(dir, "subnets.json", "{\"Subnets\": []}")), List.of(functions), List.of(), List.of(),
                List.of()), "t", 600));
        String all = e.getMessage();
        assertTrue(all.contains(functions.toString()), all);
        assertTrue(all.contains("Functions[0].Architectures[0]: expected x86_64 or arm64, got 'arm'"), all);
        assertTrue(all.contains("Functions[1].Architectures: expected exactly one architecture (Lambda takes one:"
                + " x86_64 or arm64), got 2: 'arm64, x86_64'"), all);
        assertTrue(all.contains("Functions[1].PackageType: expected Zip or Image, got 'Jar'"), all);
        assertEquals(3, e.parts().stream().mapToInt(p -> p.problems().size()).sum(), all);
    }
}
