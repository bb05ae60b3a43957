package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SAM's Globals in the shape of SAM's own globals_for_function test (a function adding SecurityGroupIds and
 * SubnetIds of its own: SAM puts Globals' items first): a refused subnet is said where the user wrote it, the
 * function's own list counted from 0 or Globals' once for every function. Session 46: PIT's survivors of
 * {@code Globals.where} (the boundary between Globals' items and the function's own).
 */
class SamGlobalsPathsTest {

    @TempDir
    Path dir;

    private static List<String> problems(Path t) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReaderTest.template(t,
                ChangeReaderTest.account(Map.of(), Map.of())));
        assertEquals(t.toString(), e.source());
        return e.problems().stream().map(Object::toString).toList();
    }

    @Test
    void theFunctionsOwnSubnetIsSaidAtItsOwnIndexNotAtGlobals() {
        List<String> p = problems(ChangeReaderTest.IAC.resolve("sam-globals-override.yaml"));
        assertEquals(List.of("Resources.FunctionWithOverrides.Properties.VpcConfig.SubnetIds[0]: subnet"
                + " 'subnet-0c33cc33cc33cc33c' is neither in the imported account nor defined by this change (known: "
                + String.join(", ", ChangeReaderTest.account(Map.of(), Map.of()).subnetVpc().keySet()) + ")"), p);
    }

    @Test
    void aGlobalsSubnetIsSaidOnceAtGlobalsForEveryFunction() throws Exception {
        String text = Files.readString(ChangeReaderTest.IAC.resolve("sam-globals-override.yaml"))
                .replace("        - subnet-0f1e2d3c4b5a69788", "        - subnet-0d44dd44dd44dd44d")
                .replace("          - subnet-0c33cc33cc33cc33c", "          - " + ChangeReaderTest.B);
        List<String> p = problems(Files.writeString(dir.resolve("globals-bad.yaml"), text));
        assertEquals(List.of("Globals.Function.VpcConfig.SubnetIds[0]: subnet 'subnet-0d44dd44dd44dd44d' is neither"
                + " in the imported account nor defined by this change (known: " + String.join(", ", ChangeReaderTest
                .account(Map.of(), Map.of()).subnetVpc().keySet()) + ")"), p);
    }

    @Test
    void theMergedListsKeepGlobalsItemsFirst() throws Exception {
        String text = Files.readString(ChangeReaderTest.IAC.resolve("sam-globals-override.yaml"))
                .replace("          - subnet-0c33cc33cc33cc33c", "          - " + ChangeReaderTest.B);
        Change c = ChangeReaderTest.template(Files.writeString(dir.resolve("ok.yaml"), text),
                ChangeReaderTest.account(Map.of(), Map.of()));
        Change.Function f = ChangeReaderTest.fn(c, "FunctionWithOverrides");
        assertEquals(List.of(ChangeReaderTest.A, ChangeReaderTest.B), f.subnets());
        assertEquals(List.of("sg-0a11aa11aa11aa11a", "sg-0b22bb22bb22bb22b"), f.groups());
        assertEquals(List.of(ChangeReaderTest.A), ChangeReaderTest.fn(c, "MinimalFunction").subnets());
    }
}
