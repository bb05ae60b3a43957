package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A megabyte-long bad value or key is quoted by its first characters and its length, at its path and line: it was
 * quoted whole, a megabyte of stderr on one line (and in the JUnit file and the step summary of {@code check}).
 */
class LongValueQuotedTest {

    @TempDir
    Path dir;

    private static final int MB = 1 << 20;
    private static final String X = "x".repeat(MB);

    private CliTest.Result validate(String name, String text) throws Exception {
        Path scenario = dir.resolve(name);
        Files.writeString(scenario, text);
        return CliTest.run("validate", scenario.toString());
    }

    @Test
    void aLongValueIsQuotedByItsStartAndLength() throws Exception {
        String text = CliTest.GOOD.replace("duration: 10m", "duration: 10m\nseed: \"" + X + "\"")
                .replace("duration: 100ms", "duration: 100ms\n    memoryMb: \"" + X + "\"")
                .replace("[sg-app] }", "[sg-" + X + "] }");
        CliTest.Result r = validate("long.yaml", text);
        assertEquals(2, r.code(), r.err().substring(0, Math.min(2000, r.err().length())));
        assertTrue(r.err().length() < 4096, "stderr of " + r.err().length() + " characters");
        String shown = "x".repeat(60) + "...' (1,048,576 characters)";
        assertTrue(r.err().contains("long.yaml:3: seed: expected a whole number, got '" + shown), r.err());
        assertTrue(r.err().contains("long.yaml:13: functions[0].memoryMb: expected a whole number, got '" + shown),
                r.err());
        assertTrue(r.err().contains("long.yaml:11: functions[0].vpcConfig.securityGroupIds[0]: unknown security group"
                + " 'sg-" + "x".repeat(57) + "...' (1,048,579 characters)"), r.err());
        assertEquals(3, r.err().lines().count(), r.err());
    }

    /** A key of a megabyte (an explicit key, {@code ? KEY}: a plain one is at most 1,024 characters in YAML). */
    @Test
    void aLongUnknownKeyIsShortenedInItsPathAndMessage() throws Exception {
        CliTest.Result r = validate("key.yaml", CliTest.GOOD.replace("duration: 10m", "duration: 10m\n? " + X
                + "\n: 1\n\"" + "y".repeat(1000) + "\": 2"));
        assertEquals(2, r.code(), r.err().substring(0, Math.min(2000, r.err().length())));
        assertTrue(r.err().length() < 4096, "stderr of " + r.err().length() + " characters");
        String key = "x".repeat(60) + "...";
        assertTrue(r.err().contains("key.yaml:3: " + key + "(1,048,576 characters): unknown key '" + key
                + "' (1,048,576 characters) (expected one of: name, "), r.err());
        String y = "y".repeat(60) + "...";
        assertTrue(r.err().contains("key.yaml:5: " + y + "(1,000 characters): unknown key '" + y
                + "' (1,000 characters) (expected one of: name, "), r.err());
    }

    /** A JSON scenario's key can be 50,000 characters (Jackson's limit), its value far longer. */
    @Test
    void aLongJsonKeyAndValueAreShortened() throws Exception {
        CliTest.Result r = validate("long.json", "{\"name\": \"j\", \"duration\": \"10m\", \"" + "k".repeat(40_000)
                + "\": 1, \"seed\": \"" + X + "\"}");
        assertEquals(2, r.code(), r.err().substring(0, Math.min(2000, r.err().length())));
        assertTrue(r.err().length() < 4096, "stderr of " + r.err().length() + " characters");
        assertTrue(r.err().contains("long.json:1: " + "k".repeat(60) + "...(40,000 characters): unknown key '"),
                r.err());
        assertTrue(r.err().contains("long.json:1: seed: expected a whole number, got '" + "x".repeat(60) + "...'"
                + " (1,048,576 characters)"), r.err());
    }
}
