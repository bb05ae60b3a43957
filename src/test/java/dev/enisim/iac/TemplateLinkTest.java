package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template or plan that is a link leading outside its folder is not read (a security review, fifty-ninth pass:
 * {@code pr/plan.json -> ../home/.git-credentials}, committed with a change, had 60 characters of the credentials
 * quoted on the terminal, in gate.md and in the step summary); a link that stays in its folder is read as before.
 */
class TemplateLinkTest {

    @TempDir
    Path dir;

    private static final String CREDS = "https://octocat:ghp_16C7e42F292c6912E771@github.com\n";

    private static ChangeReader.Inputs account() {
        return ChangeReaderTest.account(Map.of(), Map.of());
    }

    @Test
    void aPlanOrTemplateLinkedOutsideItsFolderIsRefusedUnread() throws Exception {
        Path creds = Files.writeString(Files.createDirectories(dir.resolve("home")).resolve(".git-credentials"), CREDS);
        Path pr = Files.createDirectories(dir.resolve("pr"));
        Path plan = Files.createSymbolicLink(pr.resolve("plan.json"), Path.of("../home/.git-credentials"));
        Path template = Files.createSymbolicLink(pr.resolve("template.yaml"), creds);
        // a link to a link inside the folder that leads out in the end is refused too
        Path chained = Files.createSymbolicLink(pr.resolve("chained.json"), Path.of("plan.json"));
        for (Path p : List.of(plan, chained)) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(),
                    List.of(p), account()));
            assertEquals(List.of(refusal()), e.problems().stream().map(Object::toString).toList());
            assertFalse(e.getMessage().contains("octo"), e.getMessage());
        }
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(template),
                List.of(), account()));
        assertEquals(List.of(refusal()), e.problems().stream().map(Object::toString).toList());
        // the file given itself (not through a committed link) is read, its start quoted as a trace's cell is
        ScenarioException plain = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(),
                List.of(creds), account()));
        assertEquals("not JSON: it starts with 'http...' (51 characters), as `terraform plan` or `terraform show`"
                + " print without -json; expected the output of `terraform show -json plan.out`",
                plain.problems().get(0).toString());
    }

    @Test
    void aLinkThatStaysInItsFolderIsReadAsBefore() throws Exception {
        Path pr = Files.createDirectories(dir.resolve("pr/plans"));
        Files.copy(ChangeReaderTest.IAC.resolve("tfplan-create.json"), pr.resolve("real.json"));
        Path link = Files.createSymbolicLink(dir.resolve("pr/plan.json"), Path.of("plans/real.json"));
        Change viaLink = ChangeReader.read(List.of(), List.of(link), account());
        Change direct = ChangeReader.read(List.of(), List.of(pr.resolve("real.json")), account());
        assertFalse(viaLink.functions().isEmpty());
        assertEquals(direct.functions().stream().map(Change.Function::name).toList(),
                viaLink.functions().stream().map(Change.Function::name).toList());
    }

    private static String refusal() {
        return "is a link leading outside its folder; enisim reads a template, plan or parameters file through a link"
                + " only when it stays in that folder (a link committed with a change could lead to a secret of the"
                + " runner's): give the file itself";
    }
}
