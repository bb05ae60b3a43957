package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.TestFiles;
import dev.enisim.importer.ImportCommandTest.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session 56 (h3): with an account the gate could not load, a malformed --parameters or --exports file was said only
 * on the next try, once the account was mended (the templates' kinds were said, these files were not read). They
 * need no account: every problem of every input is said at once, exit 2, no stack trace.
 */
class GateEveryProblemAtOnceTest {

    @TempDir
    Path dir;

    @Test
    void aBrokenAccountDoesNotHideTheParametersAndExportsProblems() throws Exception {
        Path account = TestFiles.write(dir, "account.yaml", GateStacksTest.ACCOUNT.replace("duration: 30m",
                "duration: forever"));
        Path template = TestFiles.write(dir, "template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  Memory: { Type: Number, Default: 512 }
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties: [unclosed
                """);
        Path params = TestFiles.write(dir, "params.json", "[{\"ParameterKey\": \"Memory\", \"ParameterValue\": \"1\"");
        Path exports = TestFiles.write(dir, "exports.json", "{\"Exports\": [{\"Name\": \"vpc-subnet\",}]}");
        Result r = GateCommandTest.run("gate", "--account", account.toString(), "--template", template.toString(),
                "--parameters", params.toString(), "--exports", exports.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(account + ":"), r.err());
        assertTrue(r.err().contains("duration: expected a duration with a unit"), r.err());
        assertTrue(r.err().contains(template + ": malformed YAML"), r.err());
        assertTrue(r.err().contains(params + ": malformed JSON"), r.err());
        assertTrue(r.err().contains(exports + ": malformed JSON"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
