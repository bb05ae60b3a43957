package dev.enisim.cli;

import static dev.enisim.cli.Scratch.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.chart.ChartFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A user's file that merely holds a word enisim's files hold is not enisim's: a Kubernetes manifest (which holds
 * "kind") named as a trace, a notes file holding "scenario" named as a baseline, a project's JSON holding "workloads"
 * named as the bench's figures were each overwritten while the check was "contains this word". Each now keeps its
 * bytes and the command exits 2; enisim's own files are still replaced.
 */
class UserFileLookalikesTest extends InScratch {

    @Test
    void aManifestNamedAsTheTraceIsKept() throws Exception {
        String manifest = "{\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\"}\n";
        Files.writeString(s.work.resolve("deploy.json"), manifest);
        assertExit(2, s.run("explain", "scenario.yaml", "--trace", "deploy.json", "--set", "duration=1m"));
        assertEquals(manifest, Files.readString(s.work.resolve("deploy.json")));
        assertExit(0, s.run("explain", "scenario.yaml", "--trace", "trace.jsonl", "--set", "duration=1m"));
        assertTrue(Files.readString(s.work.resolve("trace.jsonl")).startsWith("{\"atMicros\":"));
        assertExit(0, s.run("explain", "scenario.yaml", "--trace", "trace.jsonl", "--set", "duration=2m"));
    }

    @Test
    void notesNamedAsABaselineAreKept() throws Exception {
        Files.createDirectories(s.work.resolve("bl"));
        String notes = "{\"scenario\": \"my notes\"}\n";
        Files.writeString(s.work.resolve("bl/scratch.summary.json"), notes);
        assertExit(2, s.run("check", "scenario.yaml", "--baseline", "bl", "--update-baseline"));
        assertEquals(notes, Files.readString(s.work.resolve("bl/scratch.summary.json")));
        Files.delete(s.work.resolve("bl/scratch.summary.json"));
        assertExit(0, s.run("check", "scenario.yaml", "--baseline", "bl", "--update-baseline"));
        assertExit(0, s.run("check", "scenario.yaml", "--baseline", "bl", "--update-baseline", "--set", "seed=3"));
        assertTrue(Files.readString(s.work.resolve("bl/scratch.summary.json")).contains("\"seed\" : 3,"),
                "enisim's own baseline is replaced");
    }

    @Test
    void aProjectsJsonNamedAsTheBenchFiguresIsKept() throws Exception {
        String project = "{\"project\": \"mine\", \"workloads\": []}\n";
        Files.writeString(s.work.resolve("w.json"), project);
        assertExit(2, s.run("bench", "scenario.yaml", "--repeat", "1", "--no-fork", "--no-references", "--warmup",
                "tenth", "--set", "duration=2m", "--json", "w.json"));
        assertEquals(project, Files.readString(s.work.resolve("w.json")));
        assertExit(0, s.run("bench", "scenario.yaml", "--repeat", "1", "--no-fork", "--no-references", "--warmup",
                "tenth", "--set", "duration=2m", "--json", "mine.json"));
        assertExit(0, s.run("bench", "scenario.yaml", "--repeat", "1", "--no-fork", "--no-references", "--warmup",
                "tenth", "--set", "duration=2m", "--json", "mine.json")); // enisim's own figures are replaced
    }

    @Test
    void importWritesJsonUnderAJsonNameAndKeepsAUsersJson() throws Exception {
        // until session 49 refused (its YAML would not read as JSON); now the same scenario as JSON (ImportJsonTest)
        Path ex = Path.of("scenarios/import-example").toAbsolutePath();
        Scratch.Result r = s.run("import", "--subnets", ex.resolve("subnets.json").toString(), "--functions",
                ex.resolve("functions.json").toString(), "-o", "imported.json");
        assertExit(0, r);
        assertTrue(Files.readString(s.work.resolve("imported.json")).startsWith("{"), "JSON");
        assertExit(0, s.run("validate", "imported.json"));
        String users = "{\"Subnets\": []}\n"; // a user's JSON named as a scenario could be: not replaced
        Files.writeString(s.work.resolve("saved.json"), users);
        Scratch.Result kept = s.run("import", "--subnets", ex.resolve("subnets.json").toString(), "--functions",
                ex.resolve("functions.json").toString(), "-o", "saved.json");
        assertExit(2, kept);
        assertTrue(!kept.err().contains("internal error"), kept.err());
        assertEquals(users, Files.readString(s.work.resolve("saved.json")));
    }

    @Test
    void pngsAreEncodedInMemoryWithoutATemporaryCacheFile() {
        ImageIO.setUseCache(true); // as another library might leave it
        ChartFiles.png(new org.jfree.chart.JFreeChart(new org.jfree.chart.plot.PiePlot<String>()), 40, 30);
        assertEquals(false, ImageIO.getUseCache(), "a full or read-only java.io.tmpdir must not fail the charts");
    }
}
