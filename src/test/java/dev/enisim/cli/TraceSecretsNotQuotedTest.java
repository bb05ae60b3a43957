package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario may name any readable file as its trace; a bad line was quoted (up to 40 characters, ten lines) into
 * errors, the JUnit file and the step summary: an adversarial review read an AWS credentials file's key id whole and
 * 16 characters of its secret key that way. Now a long line or cell shows its first four characters and its length.
 */
class TraceSecretsNotQuotedTest {

    @TempDir
    Path dir;

    private static final String KEY_ID = "AKIAEXAMPLEKEY123456";
    private static final String SECRET = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY";

    @Test
    void aCredentialsFileNamedAsATraceNeverShowsItsSecrets() throws Exception {
        Files.writeString(dir.resolve("credentials"), "[default]\naws_access_key_id = " + KEY_ID
                + "\naws_secret_access_key = " + SECRET + "\nsecret," + SECRET + "\n" + SECRET.substring(0, 12)
                + ",1\n");
        Path f = Files.writeString(dir.resolve("creds.yaml"), dev.enisim.scenario.OneSubnetYaml.traced(
                "name: creds\nduration: 2m\nexpect:\n  - invocations.total >= 0", "credentials"));
        Path junit = dir.resolve("junit.xml");
        Path summary = dir.resolve("summary.md");
        Result v = CliTest.run("validate", f.toString());
        Result c = CliTest.run("check", f.toString(), "--junit", junit.toString(), "--step-summary",
                summary.toString());
        assertEquals(2, v.code(), v.err());
        assertEquals(2, c.code(), c.err());
        assertTrue(v.err().contains("line 2: expected 'seconds,count', got 'aws_...' (40 characters)"), v.err());
        String all = v.out() + v.err() + c.out() + c.err() + Files.readString(junit) + Files.readString(summary);
        for (String secret : new String[] {KEY_ID, SECRET, "ccess_key"}) {
            for (int i = 0; i + 5 <= secret.length(); i++) { // not even five characters of it in a row
                assertFalse(all.contains(secret.substring(i, i + 5)), secret.substring(i, i + 5) + " in: " + all);
            }
        }
    }
}
