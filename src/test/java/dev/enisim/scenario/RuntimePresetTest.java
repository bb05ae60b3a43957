package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.workload.DistributionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code runtime}, {@code architecture}, {@code packageType} and {@code initExtra} pick a function's init time. */
class RuntimePresetTest {

    private static String scenario(String functionFields) {
        return """
                name: presets
                duration: 1h
                functions:
                  - name: f
                    memoryMb: 512
                    duration: 100ms
                    arrivals: { poisson: 5/s }
                """ + functionFields.indent(4);
    }

    private static DistributionSpec init(String functionFields) throws ScenarioException {
        return ScenarioLoader.parse(scenario(functionFields), "t.yaml").functions().get(0).initDuration();
    }

    private static List<Problem> problems(String functionFields) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(scenario(functionFields), "t.yaml"))
                .problems();
    }

    @Test
    void aRuntimeGivesItsMeasuredPresetAtTheFunctionsMemory() throws Exception {
        DistributionSpec d = init("runtime: java21\narchitecture: arm64\npackageType: Image");
        DistributionSpec.ShiftedLogNormal p = assertInstanceOf(DistributionSpec.ShiftedLogNormal.class, d);
        assertTrue(p.label().startsWith("java21 512 MB arm64 Image"), p.label());
        assertEquals(10e6, p.max(), "init is capped at Lambda's 10 s");
    }

    @Test
    void architectureAndPackageTypeDefaultToX86AndZip() throws Exception {
        DistributionSpec.ShiftedLogNormal p = (DistributionSpec.ShiftedLogNormal) init("runtime: python3.12");
        assertTrue(p.label().startsWith("python3.12 512 MB x86_64 Zip"), p.label());
    }

    @Test
    void initExtraAddsToThePreset() throws Exception {
        DistributionSpec.Sum s = assertInstanceOf(DistributionSpec.Sum.class,
                init("runtime: python3.12\ninitExtra: 400ms"));
        assertInstanceOf(DistributionSpec.ShiftedLogNormal.class, s.base());
        assertEquals(new DistributionSpec.Constant(400_000), s.extra());
        assertEquals(s.base().mean() + 400_000, s.mean(), 1e-6);
    }

    @Test
    void anExplicitInitDurationWins() throws Exception {
        assertEquals(new DistributionSpec.Constant(2_000_000), init("runtime: java21\ninitDuration: 2s"));
    }

    @Test
    void withoutARuntimeTheDefaultHolds() throws Exception {
        assertEquals(Scenario.Function.DEFAULT_INIT, init("architecture: arm64"));
    }

    @Test
    void anUnknownRuntimeIsAProblemNamingTheSupportedOnes() {
        List<Problem> p = problems("runtime: java99");
        assertEquals(1, p.size(), p.toString());
        assertEquals("functions[0].runtime", p.get(0).path());
        assertTrue(p.get(0).message().startsWith("no init-time preset for runtime 'java99' (presets: "),
                p.get(0).message());
        assertTrue(p.get(0).message().contains("java21"), p.get(0).message());
    }

    @Test
    void badArchitecturePackageTypeAndMisplacedInitExtraAreAllReported() {
        List<Problem> p = problems("runtime: java21\narchitecture: arm\npackageType: zip\ninitDuration: 1s\n"
                + "initExtra: 1s");
        assertEquals(List.of("functions[0].architecture", "functions[0].packageType", "functions[0].initExtra"),
                p.stream().map(Problem::path).toList(), p.toString());
        assertTrue(p.get(0).message().contains("[x86_64, arm64]"), p.get(0).message());
        assertTrue(p.get(1).message().contains("[Zip, Image]"), p.get(1).message());
    }

    @Test
    void initExtraWithoutARuntimeSaysWhatToDo() {
        List<Problem> p = problems("initExtra: 300ms");
        assertEquals("functions[0].initExtra", p.get(0).path());
        assertTrue(p.get(0).message().contains("set runtime too"), p.get(0).message());
    }
}
