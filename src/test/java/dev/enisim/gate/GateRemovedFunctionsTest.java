package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.importer.ImportCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review 54 (r6, A1): a SAM template that leaves a function of its stack out passed, while the same removal as a
 * Terraform plan failed. A template describes its whole stack: with the stack known (--base-template, the template
 * as deployed; or --stack-name, the functions CloudFormation named STACK-LogicalId-SUFFIX) the function it leaves out
 * is deleted (its callers' ResourceNotFoundException, its teardown); without, gate.md says removals cannot be seen.
 */
class GateRemovedFunctionsTest {

    static final String DIR = GateCommandTest.DIR;

    @TempDir
    Path dir;

    private Result gate(String out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("gate", "--account", DIR + "/payments-account.yaml",
                "--template", DIR + "/payments-remove.yaml", "--out", dir.resolve(out).toString(), "--step-summary",
                ""));
        args.addAll(List.of(more));
        return GateCommandTest.run(args.toArray(String[]::new));
    }

    @Test
    void aFunctionTheTemplateLeavesOutIsDeletedWhenTheDeployedTemplateIsGiven() throws Exception {
        Result r = gate("base", "--base-template", DIR + "/payments-base.yaml");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("calls to functions the change deletes (pay-13)"), r.out());
        String md = Files.readString(dir.resolve("base/gate.md"));
        assertTrue(md.contains("| pay-13 | delete | Deleted |"), md);
        assertFalse(md.contains("removed functions cannot be seen"), md);
        assertFalse(md.contains("payments-Refunds-1A2B3C4D5E6F | delete"), "not in the deployed template: " + md);
    }

    @Test
    void withTheStackNameTheFunctionsCloudFormationNamedAreTheStacks() throws Exception {
        Result r = gate("stack", "--stack-name", "payments");
        assertEquals(1, r.code(), r.out() + r.err());
        String md = Files.readString(dir.resolve("stack/gate.md"));
        assertTrue(md.contains("| payments-Refunds-1A2B3C4D5E6F | delete | Deleted |"), md);
        assertFalse(md.contains("| pay-13 | delete"), "named by its FunctionName: not known as the stack's: " + md);
        assertTrue(md.contains("removed functions with a FunctionName cannot be seen without --base-template"), md);
    }

    @Test
    void withoutEitherTheGateSaysRemovalsCannotBeSeen() throws Exception {
        Result r = gate("none");
        assertEquals(0, r.code(), r.out() + r.err());
        String md = Files.readString(dir.resolve("none/gate.md"));
        String could = md.substring(md.indexOf("### What the gate could not know"));
        assertEquals(1, could.lines().filter(l -> l.contains("removed functions cannot be seen without"
                + " --base-template or --stack-name")).count(), could);
    }
}
