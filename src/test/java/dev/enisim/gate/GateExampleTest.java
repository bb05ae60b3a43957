package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scenarios/gate-example: the committed Markdown is what the gate writes (regenerate with its README's commands). */
class GateExampleTest {

    static final String E = "scenarios/gate-example";

    @TempDir
    Path dir;

    private void same(String name, int code, String... change) throws Exception {
        String[] args = new String[change.length + 7];
        args[0] = "gate";
        args[1] = "--account";
        args[2] = E + "/account.yaml";
        System.arraycopy(change, 0, args, 3, change.length);
        args[change.length + 3] = "--rules";
        args[change.length + 4] = E + "/rules.yml";
        args[change.length + 5] = "--out";
        args[change.length + 6] = dir.resolve(name).toString();
        dev.enisim.importer.ImportCommandTest.Result r = GateCommandTest.run(args);
        assertEquals(code, r.code(), r.out() + r.err());
        assertEquals(Files.readString(Path.of(E, "gate-" + name + ".md")), Files.readString(dir.resolve(name)
                .resolve("gate.md")), "regenerate with scenarios/gate-example/README.md's commands");
    }

    @Test
    void oneGroupPerFunctionFailsTheNearlyFullSubnet() throws Exception {
        same("template", 1, "--template", E + "/template.yml", "--parameters", E + "/parameters.json", "--exports",
                E + "/exports.json");
    }

    @Test
    void oneSharedGroupPasses() throws Exception {
        same("shared", 0, "--template", E + "/template-shared.yml", "--parameters", E + "/parameters.json",
                "--exports", E + "/exports.json");
    }

    @Test
    void theTerraformPlanPasses() throws Exception {
        same("plan", 0, "--plan", E + "/plan.json", "--traffic", "payments-notifier=5/s");
    }

    @Test
    void theAccountIsWhatImportMakes() throws Exception {
        dev.enisim.importer.ImportCommandTest.Result r = GateCommandTest.run("import", "--name", "payments-eu-west-1", "--subnets",
                E + "/aws/subnets.json", "--functions", E + "/aws/functions.json", "--enis", E + "/aws/enis.json",
                "--security-groups", E + "/aws/security-groups.json", "--metrics", E + "/aws/invocations.json", "-o",
                dir.resolve("account.yaml").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(Path.of(E, "account.yaml")), Files.readString(dir.resolve("account.yaml")));
    }
}
