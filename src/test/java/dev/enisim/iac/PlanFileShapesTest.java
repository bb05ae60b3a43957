package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.scenario.ScenarioException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user gives --plan instead of {@code terraform show -json}'s output: the binary plan {@code terraform plan
 * -out} saves (a zip of tfplan, tfstate, tfconfig/) and the text {@code terraform plan} prints. Each is refused
 * saying what it is and the command that makes the JSON; before session 46 the text was read as YAML ("malformed
 * YAML at line 3, column 64: mapping values are not allowed here") and the zip was "not text".
 */
class PlanFileShapesTest {

    @TempDir
    Path dir;

    private static String refusal(Path plan) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(), List.of(plan),
                ChangeReaderTest.account(Map.of(), Map.of())));
        assertEquals(plan.toString(), e.source());
        assertEquals(1, e.problems().size(), e.problems().toString());
        return e.problems().get(0).toString();
    }

    @Test
    void terraformPlansTextIsRefusedAsNotJson() {
        assertEquals(notJson("'Terr...' (73 characters)"),
                refusal(ChangeReaderTest.IAC.resolve("tfplan-human.txt")));
    }

    @Test
    void theBinaryPlanIsRefusedNamingTheCommandThatTurnsItIntoJson() throws Exception {
        Path plan = dir.resolve("plan.out");
        try (OutputStream out = Files.newOutputStream(plan); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : List.of("tfplan", "tfstate", "tfconfig/main.tf")) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write((entry + "\u0000\u0001").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        assertEquals("a binary plan, as `terraform plan -out` saves it; expected its JSON: terraform show"
                + " -json plan.out > plan.json", refusal(plan));
    }

    @Test
    void aTextsFirstLineIsFoundPastBlankLinesAndSpaces() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.txt"), "\n  # aws_lambda_function.orders will be created\n"
                + "  + resource \"aws_lambda_function\" \"orders\" {\n      + function_name = \"orders-api\"\n    }\n");
        assertEquals(notJson("'# aw...' (44 characters)"), refusal(plan));
    }

    @Test
    void terraformPlansColoursAreNotQuoted() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan-colour.txt"), "\u001B[1m\u001B[32m+\u001B[0m resource"
                + " \"aws_lambda_function\" \"orders\" {\n");
        assertEquals(notJson("'+ re...' (43 characters)"), refusal(plan));
    }

    @Test
    void theJsonPlanAndItsOtherRefusalsAreAsBefore() throws Exception {
        Change c = ChangeReader.read(List.of(), List.of(ChangeReaderTest.IAC.resolve("tfplan-create.json")),
                ChangeReaderTest.account(Map.of(), Map.of()));
        assertEquals(false, c.functions().isEmpty());
        assertEquals("the file is empty", refusal(Files.writeString(dir.resolve("empty.json"), " \n")));
        assertEquals("expected a template or plan (key: value pairs at the top level)",
                refusal(Files.writeString(dir.resolve("list.json"), "[1, 2]")));
        assertEquals("is a folder; expected a template, plan or parameters file", refusal(dir));
    }

    /**
     * The refusal of a plan that is not JSON, its first line quoted as {@code quoted} (as a trace's cell is: 8
     * characters, else the first 4 and the length; 60 characters were quoted until the sixtieth pass).
     */
    private static String notJson(String quoted) {
        return "not JSON: it starts with " + quoted + ", as `terraform plan` or `terraform show` print"
                + " without -json; expected the output of `terraform show -json plan.out`";
    }
}
