package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run depends on nothing but its scenario and seed: not on the machine's locale either. The same scenario, with
 * counts above 1,000 (a subnet's other users, tens of thousands of invocations), run with a German default locale
 * (which writes 1.200 for 1,200 and 4,97 for 4.97) and with the root locale, writes the same bytes: report.html,
 * every chart (PNG and SVG, their axis ticks), summary.json, the CSVs, the terminal summary, and
 * compare-network-models' table.
 */
class LocaleIndependentOutputsTest {

    @TempDir
    Path dir;

    private static final String SCENARIO = """
            name: thousands
            seed: 1
            duration: 4m
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-big, cidr: 10.0.0.0/20, az: us-east-1a, otherUsedIps: 1200 }
                securityGroups: [sg-1]
            functions:
              - name: api
                vpcConfig: { subnetIds: [subnet-big], securityGroupIds: [sg-1] }
                duration: 100ms
                arrivals: { poisson: 300/s }
            timeline:
              - { at: 2m, action: setOtherUsedIps, subnet: subnet-big, otherUsedIps: 2500 }
            """;

    @Test
    void aGermanDefaultLocaleWritesTheSameBytes() throws Exception {
        Path f = TestFiles.write(dir, "thousands.yaml", SCENARIO);
        // the same folder for both (a path named in the outputs is the same), moved aside after each run
        List<String> root = outputs(Locale.ROOT, f, dir.resolve("out"));
        Files.move(dir.resolve("out"), dir.resolve("root"));
        List<String> german = outputs(Locale.GERMANY, f, dir.resolve("out"));
        Files.move(dir.resolve("out"), dir.resolve("de"));
        assertTrue(root.get(0).contains("1,200 from the start"), "the report has a number with a separator");
        assertEquals(root.get(1), german.get(1), "the terminal summary");
        assertEquals(root.get(2), german.get(2), "compare-network-models");
        assertTrue(root.get(2).matches("(?s).*\\d,\\d{3}.*"), root.get(2));
        List<String> names = TestFiles.names(dir.resolve("root"));
        assertEquals(names, TestFiles.names(dir.resolve("de")));
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir.resolve("root"))) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        assertTrue(files.stream().anyMatch(p -> p.toString().endsWith("subnet-ips.svg")), files.toString());
        for (Path a : files) {
            Path b = dir.resolve("de").resolve(dir.resolve("root").relativize(a));
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "differs by locale: " + b);
        }
    }

    /** The report's text, the terminal summary and compare-network-models' table, run with {@code locale}. */
    private static List<String> outputs(Locale locale, Path scenario, Path out) throws Exception {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(locale);
            CliTest.Result run = CliTest.run("run", scenario.toString(), "--out", out.toString());
            assertEquals(0, run.code(), run.err());
            CliTest.Result models = CliTest.run("compare-network-models", scenario.toString());
            assertEquals(0, models.code(), models.err());
            return List.of(Files.readString(out.resolve("report.html")), run.out(), models.out());
        } finally {
            Locale.setDefault(before);
        }
    }
}
