package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A user reads what enisim does today: README.md's sections for users and every --help text say no project history
 * ("until round 2's twenty-seventh pass these columns were called ...", "as the bench did up to pass 15"). The
 * sections that keep a record on purpose are left out: Capacity planning (its reviews' before and after), Importing
 * your account (another helper's), Performance (the speed log), Mutation testing (each score with the session that
 * measured it).
 */
class NoHistoryAsidesTest {

    /** Words that date a sentence by the project's passes, rounds or sessions. */
    static final Pattern HISTORY = Pattern.compile("(?i)\\bround [0-9]+\\b|\\blast pass\\b|\\b([a-z]+-)?(first|second|"
            + "third|[a-z]+th) pass(es)?\\b|\\b(up to|since|until|before|after) (the )?pass(es)? [0-9]+\\b|\\bsessions?"
            + " [0-9]+\\b|\\bused to be\\b");

    private static final Set<String> RECORDS = Set.of("## Capacity planning: sweeps and `enisim plan`",
            "## Importing your account", "## Performance", "## Mutation testing");

    @Test
    void readmeSectionsForUsersSayNoHistory() throws IOException {
        List<String> found = new ArrayList<>();
        String section = "";
        int n = 0;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            n++;
            if (line.startsWith("## ")) {
                section = line;
            }
            Matcher m = HISTORY.matcher(line);
            if (!RECORDS.contains(section) && m.find()) {
                found.add("README.md:" + n + " (" + section + "): " + m.group());
            }
        }
        assertEquals(List.of(), found, "history asides in README.md's sections for users");
    }

    @Test
    void helpTextsSayNoHistory() {
        List<String> names = new ArrayList<>();
        names.add("--help");
        names.addAll(new CommandLine(new Main(Path.of(""))).getSubcommands().keySet());
        List<String> found = new ArrayList<>();
        for (String name : names) {
            CliTest.Result r = name.equals("--help") ? CliTest.run("--help") : CliTest.run(name, "--help");
            Matcher m = HISTORY.matcher(r.out().replaceAll("\\s+", " "));
            while (m.find()) {
                found.add(name + ": " + m.group());
            }
        }
        assertEquals(List.of(), found, "history asides in --help texts");
    }

    @Test
    void thePatternFindsTheAsidesItIsFor() {
        for (String aside : List.of("until round 2's twenty-seventh pass", "as the bench did up to pass 15",
                "until the thirty-fourth pass the gate kept", "before session 43", "last pass's figures",
                "they used to be counted")) {
            assertEquals(true, HISTORY.matcher(aside).find(), aside);
        }
        for (String fine : List.of("would pass 80% of the JVM's heap", "a check that asserts nothing is no pass",
                "ten passes are folded", "the first ENI", "PASS  eniKeys")) {
            assertEquals(false, HISTORY.matcher(fine).find(), fine);
        }
    }
}
