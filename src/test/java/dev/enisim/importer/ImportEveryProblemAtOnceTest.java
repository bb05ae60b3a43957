package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.EX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.importer.ImportCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session 56 (h3): places where {@code import} said only the first problem of its input. Its options (a bad
 * {@code --duration} hid a bad {@code --name}, {@code --period} and {@code --resample}), a get-function's Tags (the
 * first bad tag hid the others). Every problem is said at once, exit 2, no stack trace. Fixtures in the AWS CLI's shapes.
 */
class ImportEveryProblemAtOnceTest {

    @TempDir
    Path dir;

    @Test
    void everyOptionsProblemIsSaidAtOnce() {
        Path out = dir.resolve("s.yaml");
        Result r = ImportCommandTest.run("import", "--name", "my shop", "--duration", "90", "--period", "1.5s",
                "--resample", "hourly", "--subnets", EX + "/subnets.json", "--functions", EX + "/functions.json",
                "-o", out.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("""
                enisim: --duration: expected a duration with a unit (us, ms, s, m, h, d), like 90s or 250ms, got '90'
                enisim: --name: expected letters, digits, '.', '_' or '-' only, got 'my shop': a scenario's name \
                starts with a letter or a digit and has at most 128 characters (it names the report folder)
                enisim: --period: expected whole seconds, at least 1s, got '1.5s'
                enisim: --resample: expected a duration with a unit (us, ms, s, m, h, d), like 90s or 250ms, got \
                'hourly'""", r.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void everyBadTagOfAGetFunctionIsSaid() throws Exception {
        Path fn = dir.resolve("get-function.json");
        Files.writeString(fn, """
                {
                    "Configuration": {
                        "FunctionName": "checkout-api",
                        "FunctionArn": "arn:aws:lambda:eu-west-1:123456789012:function:checkout-api",
                        "Runtime": "python3.12",
                        "Role": "arn:aws:iam::123456789012:role/checkout-api-role",
                        "Handler": "app.handler",
                        "Timeout": 30,
                        "MemorySize": 512,
                        "Version": "$LATEST",
                        "State": "Active",
                        "PackageType": "Zip"
                    },
                    "Code": {"RepositoryType": "S3", "Location": "https://awslambda-eu-west-1-tasks.s3.amazonaws.com/x"},
                    "Tags": {
                        "aws:cloudformation:stack-name": "",
                        "team": 42,
                        "owner": "payments",
                        "aws:cloudformation:logical-id": ["CheckoutApi"]
                    }
                }
                """);
        Result r = ImportCommandTest.run("import", "--subnets", EX + "/subnets.json", "--functions", fn.toString(),
                "-o", dir.resolve("s.yaml").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        for (String tag : new String[] {"aws:cloudformation:stack-name", "team", "aws:cloudformation:logical-id"}) {
            assertTrue(r.err().contains(": Tags." + tag + ": expected a tag value"), tag + ": " + r.err());
        }
        assertFalse(r.err().contains("Tags.owner"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
