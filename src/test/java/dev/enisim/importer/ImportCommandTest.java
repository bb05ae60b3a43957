package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.EX;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.Main;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code enisim import} as a user runs it: files in, a scenario out, exit 2 and one clear message on bad input. */
public class ImportCommandTest {

    @TempDir
    Path dir;

    /** What a command printed and returned; shared with the gate's command tests. */
    public record Result(int code, String out, String err) {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void importWritesAScenarioThatLoads() throws Exception {
        Path out = dir.resolve("sub/shop.yaml");
        Result r = run("import", "--name", "shop-eu-west-1", "--subnets", EX + "/subnets.json", "--functions",
                EX + "/functions.json", "--enis", EX + "/enis.json", "--security-groups", EX + "/security-groups.json",
                "--metrics", EX + "/invocations.json", "--start-time", "2026-11-20T08:00:00Z", "--end-time",
                "2026-11-20T10:00:00Z", "-o", out.toString()); // README's command
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Wrote " + out + ": "), r.out());
        assertEquals(Files.readString(EX.resolve("scenario.yaml")), Files.readString(out));
        Scenario s = ScenarioLoader.load(out);
        assertEquals("shop-eu-west-1", s.name());
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    /**
     * An input is never the output, --force or not, named alike or through a link (a hostile user's review:
     * {@code --subnets subnets.yaml -o subnets.yaml --force} replaced the saved CLI output with the scenario).
     */
    @Test
    void theOutputIsNeverOneOfTheInputsEvenForced() throws Exception {
        Path subnets = Files.copy(EX.resolve("subnets.json"), dir.resolve("subnets.yaml"));
        Path functions = Files.copy(EX.resolve("functions.json"), dir.resolve("functions.yaml"));
        Path link = Files.createSymbolicLink(dir.resolve("here"), dir);
        String before = Files.readString(subnets);
        for (Path out : new Path[] {subnets, link.resolve("functions.yaml")}) {
            Result r = run("import", "--subnets", subnets.toString(), "--functions", functions.toString(), "-o",
                    out.toString(), "--force");
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("-o " + out + " is "), r.err());
            assertTrue(r.err().contains(", an input of this import; give another -o"), r.err());
        }
        assertEquals(before, Files.readString(subnets), "the saved output is untouched");
        assertEquals(Files.readString(EX.resolve("functions.json")), Files.readString(functions));
    }

    @Test
    void severalFunctionFilesAfterOneOption() throws Exception {
        Path a = write(dir, "a.json", "{\"FunctionName\": \"a\", \"State\": \"Active\"}");
        Path b = write(dir, "b.json", "{\"FunctionName\": \"b\", \"State\": \"Active\"}");
        Path out = dir.resolve("ab.yaml");
        Result r = run("import", "--subnets", EX + "/subnets.json", "--functions", a.toString(), b.toString(),
                "--duration", "2h", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        Scenario s = ScenarioLoader.load(out);
        assertEquals(2, s.functions().size());
        assertEquals(2 * 3_600_000_000L, s.durationMicros());
        assertEquals("imported", s.name());
    }

    @Test
    void badInputExitsTwoWithOneMessageAndNoStackTrace() throws Exception {
        Path broken = write(dir, "subnets.json", "{\"Subnets\": [{\"SubnetId\": \"subnet-a\",");
        Path out = dir.resolve("never.yaml");
        Result r = run("import", "--subnets", broken.toString(), "--functions", EX + "/functions.json", "-o",
                out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(broken + ": malformed JSON at line 1"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out));

        Result name = run("import", "--name", "my shop", "--subnets", EX + "/subnets.json", "--functions",
                EX + "/functions.json", "-o", out.toString());
        assertEquals(2, name.code());
        assertTrue(name.err().contains("--name: expected letters, digits, '.', '_' or '-' only, got 'my shop'"));

        Result duration = run("import", "--duration", "90", "--subnets", EX + "/subnets.json", "--functions",
                EX + "/functions.json", "-o", out.toString());
        assertEquals(2, duration.code());
        assertTrue(duration.err().contains("--duration: expected a duration with a unit"), duration.err());

        Result resample = run("import", "--resample", "7m", "--subnets", EX + "/subnets.json", "--functions",
                EX + "/functions.json", "--metrics", EX + "/invocations.json", "-o", out.toString());
        assertEquals(2, resample.code());
        assertTrue(resample.err().contains("--resample: expected a multiple of checkout-api's CloudWatch period of 300 s,"
                + " got 420 s"), resample.err());

        Result missing = run("import", "--functions", EX + "/functions.json", "-o", out.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("Missing required option: '--subnets=FILE'"), missing.err());
        assertFalse(Files.exists(out));
    }

    /** A name the loader refuses (a leading dot, '.', '..', too long) is refused as --name: exit 2, one line, no trace. */
    @Test
    void aNameTheLoaderRefusesIsBadInputNotACrash() throws Exception {
        Path out = dir.resolve("named.yaml");
        for (String bad : new String[] {".hidden", ".", "..", "-x", "a".repeat(129)}) {
            Result r = run("import", "--name", bad, "--subnets", EX + "/subnets.json", "--functions",
                    EX + "/functions.json", "-o", out.toString());
            assertEquals(2, r.code(), bad + ": " + r.err());
            // a value over 80 characters is quoted short (its first 60 and its length: Problem.quote), as h3 meant
            String got = bad.length() > 80 ? "'" + bad.substring(0, 60) + "...' (" + bad.length() + " characters)"
                    : "'" + bad + "'";
            assertEquals("enisim: --name: expected letters, digits, '.', '_' or '-' only, got " + got + ": a"
                    + " scenario's name starts with a letter or a digit and has at most 128 characters (it names the"
                    + " report folder)", r.err().strip(), bad);
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(out), bad);
        }
        Result ok = run("import", "--name", "a.b_c-1", "--subnets", EX + "/subnets.json", "--functions",
                EX + "/functions.json", "-o", out.toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals("a.b_c-1", ScenarioLoader.load(out).name());
    }

    @Test
    void partialListingsNeedAllowPartialAndTheNewOptionsWork() throws Exception {
        Path real = RealOutputTest.REAL;
        Path out = dir.resolve("p.yaml");
        Result refused = run("import", "--subnets", real + "/subnets-page1.json", "--functions",
                real + "/get-function-appended.json", "-o", out.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().startsWith(real + "/subnets-page1.json:21: NextToken: `aws ec2 describe-subnets`"),
                refused.err());
        assertFalse(Files.exists(out));

        Result allowed = run("import", "--allow-partial", "--subnets", real + "/subnets-page1.json",
                real + "/subnets-page2.json", "--functions", real + "/list-functions-page1.json", "-o", out.toString());
        assertEquals(0, allowed.code(), allowed.err());
        assertTrue(allowed.err().startsWith("warning: PARTIAL: `aws lambda list-functions` output"),
                allowed.err());

        Result full = run("import", "--subnets", real + "/subnets-page1.json", real + "/subnets-page2.json",
                "--functions", real + "/get-function-appended.json", "--account-settings",
                real + "/get-account-settings.json", "--concurrency",
                "payments-webhook=" + real + "/get-function-concurrency.json", "-o", out.toString());
        assertEquals(0, full.code(), full.err());
        Scenario s = ScenarioLoader.load(out);
        assertEquals(3000, s.account().concurrencyLimit());
        assertEquals(25, s.functions().get(2).reservedConcurrency().getAsInt());
    }

    @Test
    void aFileEnisimDidNotWriteIsNotReplacedWithoutForce() throws Exception {
        Path mine = write(dir, "notes.yaml", "my own notes\n");
        Result r = run("import", "--subnets", EX + "/subnets.json", "--functions", EX + "/functions.json", "-o",
                mine.toString());
        assertEquals(2, r.code());
        assertEquals("enisim: " + mine + " exists and does not look like a file enisim wrote (it does not begin as"
                + " enisim's files of this kind do); enisim will not overwrite it. Give a new file name, or remove it"
                + " yourself; or pass --force to replace it", r.err().strip());
        Path holding = write(dir, "holding.yaml", "# my notes\n# Generated by `enisim import` is quoted here\n");
        Result quoted = run("import", "--subnets", EX + "/subnets.json", "--functions", EX + "/functions.json",
                "-o", holding.toString());
        assertEquals(2, quoted.code(), "only a file whose FIRST line is import's header may be replaced");
        assertEquals("my own notes\n", Files.readString(mine));
        assertEquals("# my notes\n# Generated by `enisim import` is quoted here\n", Files.readString(holding),
                "the file quoting the header is kept as it was");
        Result folder = run("import", "--subnets", EX + "/subnets.json", "--functions", EX + "/functions.json", "-o",
                dir.toString());
        assertEquals(2, folder.code());
        assertFalse(folder.err().contains("--force"), "--force does not replace a folder: not offered " + folder.err());
        assertTrue(Files.isDirectory(dir));
        assertEquals("my own notes\n", Files.readString(mine), "the folder named as the output kept with its files");

        Result forced = run("import", "--force", "--subnets", EX + "/subnets.json", "--functions",
                EX + "/functions.json", "-o", mine.toString());
        assertEquals(0, forced.code(), forced.err());
        Result again = run("import", "--subnets", EX + "/subnets.json", "--functions", EX + "/functions.json", "-o",
                mine.toString());
        assertEquals(0, again.code(), "a scenario enisim import wrote may be replaced: " + again.err());
    }

    /**
     * A scenario the import wrote and the user then edited (placeholders filled in, as its header asks) is not
     * replaced without --force: re-running the same import replaced it silently (a safety review); one as the
     * import wrote it is replaced.
     */
    @Test
    void anEditedImportIsNotReplacedWithoutForce() throws Exception {
        Path out = dir.resolve("shop.yaml");
        String[] args = {"import", "--name", "shop-eu-west-1", "--subnets", EX + "/subnets.json", "--functions",
            EX + "/functions.json", "-o", out.toString()};
        assertEquals(0, run(args).code());
        assertEquals(0, run(args).code(), "as the import wrote it: replaced");
        String edited = Files.readString(out).replace("{ poisson: 1/s }", "{ poisson: 40/s }");
        assertFalse(edited.equals(Files.readString(out)), "the fixture edits a placeholder rate");
        Files.writeString(out, edited);
        Result r = run(args);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("has been edited since"), r.err());
        assertEquals(edited, Files.readString(out), "the user's edits are kept");
        String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertEquals(0, run(forced).code());
        assertFalse(Files.readString(out).equals(edited), "--force replaces it");
    }
}
