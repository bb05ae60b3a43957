package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.TestFiles;
import dev.enisim.importer.ImportCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session 56 (h3): a nested stack's TemplateURL (a SAM application's Location, CDK's aws:asset:path) is a local path
 * the gate read wherever it led: a pull request's template naming {@code ../../etc/passwd} made the gate in CI read a
 * file of the runner (and say whether it existed, "not found" or a parse error quoting it). As an account scenario's
 * traces ({@code ReadScope}), a nested template is read only in or below the folder of the template given, or in a
 * folder {@code --allow-read} names, links followed; judged before it is read. Fixtures: SAM / CloudFormation shapes.
 */
class GateNestedTemplateScopeTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return TestFiles.write(dir, name, text);
    }

    private static final String CHILD = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              WorkerFn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: nested-worker
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/worker
                  Code: { ZipFile: "def handler(e, c): pass" }
                  VpcConfig:
                    SubnetIds: [subnet-0aaaa1111bbbb2222]
                    SecurityGroupIds: [sg-0a11aa11aa11aa11a]
            """;

    private Path parent(String templateUrl) throws Exception {
        return write("stack/template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Workers:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: %s
                """.formatted(templateUrl));
    }

    private Result gate(Path template, String out, String... more) throws Exception {
        Path account = write("account.yaml", GateStacksTest.ACCOUNT);
        return GateCommandTest.gate(account, template, dir.resolve(out), more);
    }

    @Test
    void aTemplateUrlLeavingTheTemplatesFolderIsRefusedInOneLine() throws Exception {
        Path t = parent("../../../../../../../../etc/passwd");
        Result r = gate(t, "etc");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(t + ":6: Resources.Workers.Properties.TemplateURL: nested stack Workers's template"
                + " ../../../../../../../../etc/passwd is outside the template's folder (" + t.getParent() + "): a"
                + " template may nest only a template in or below the folder of the template given (--template); if"
                + " you trust this template, allow the folder with --allow-read /etc"), r.err());
        assertFalse(r.err().contains("root:"), "nothing of the file is read: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        // a file outside that does not exist is refused alike: the template cannot tell which exist
        Result missing = gate(parent("../../nowhere/child.yaml"), "missing");
        assertEquals(2, missing.code(), missing.out() + missing.err());
        assertTrue(missing.err().contains("nested stack Workers's template ../../nowhere/child.yaml is outside the"
                + " template's folder"), missing.err());
        assertFalse(missing.err().contains("not found"), missing.err());
    }

    @Test
    void aSiblingFolderIsReadOnlyWhenAllowed() throws Exception {
        write("shared/workers.yaml", CHILD);
        Path t = parent("../shared/workers.yaml");
        Result refused = gate(t, "refused");
        assertEquals(2, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("allow the folder with --allow-read " + dir.resolve("shared")),
                refused.err());
        Result allowed = gate(t, "allowed", "--allow-read", dir.resolve("shared").toString());
        assertEquals(0, allowed.code(), allowed.out() + allowed.err());
        assertTrue(Files.readString(dir.resolve("allowed/gate.md")).contains("| nested-worker | create |"),
                Files.readString(dir.resolve("allowed/gate.md")));
    }

    @Test
    void aTemplateBelowItsFolderIsReadAndALinkOutIsNot() throws Exception {
        write("stack/nested/workers.yaml", CHILD);
        Result below = gate(parent("nested/workers.yaml"), "below");
        assertEquals(0, below.code(), below.out() + below.err());
        assertTrue(Files.readString(dir.resolve("below/gate.md")).contains("| nested-worker | create |"));

        Path outside = write("elsewhere/workers.yaml", CHILD);
        Path link = dir.resolve("stack/linked.yaml");
        Files.createSymbolicLink(link, outside);
        Result linked = gate(parent("linked.yaml"), "linked");
        assertEquals(2, linked.code(), linked.out() + linked.err());
        assertTrue(linked.err().contains("nested stack Workers's template linked.yaml leads to "
                + outside.toRealPath() + " (a symbolic link), outside the template's folder"), linked.err());
    }
}
