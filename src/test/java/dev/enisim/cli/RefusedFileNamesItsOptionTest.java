package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A file option that names a folder is refused before anything runs, and the refusal says which option: a CI job
 * given {@code --junit out/ --html out/page.html} read "out is a folder; give a file name" and had to guess which
 * of its options that was (a CI team's review, session 44).
 */
class RefusedFileNamesItsOptionTest {

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "check --junit      | check,scenario.yaml,--junit,data            | --junit",
        "check --html       | check,scenario.yaml,--baseline,base,--html,data | --html",
        "explain --trace    | explain,scenario.yaml,--trace,data          | --trace",
        "validate-model --markdown | validate-model,--markdown,data       | --markdown",
        "bench --json       | bench,loss,--json,data                      | --json",
        "bench --cost-model | bench,--cost-model,data                     | --cost-model",
    })
    void theRefusalNamesTheOption(String label, String args, String option) throws IOException {
        Scratch s = new Scratch(root);
        Files.createDirectories(s.work.resolve("base"));
        Map<String, String> before = s.snapshot();
        Scratch.Result r = s.run(args.split(","));
        assertEquals(2, r.code(), r.all());
        // the path as the command resolved it (in the working folder), after the option that named it
        assertTrue(java.util.regex.Pattern.compile("(?m)^enisim: " + option + " \\S*data is a folder; give a file name$")
                .matcher(r.err()).find(), r.err());
        assertEquals(before, s.snapshot(), "nothing written, nothing touched");
    }
}
