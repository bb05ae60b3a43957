package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.importer.ImportCommandTest;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario's display names (a subnet's and a VPC's {@code name}, a VPC's {@code securityGroupNames}, as
 * {@code enisim import} writes them from Name tags) are validated, and shown beside the ids where the terminal and
 * report.html label a subnet, a VPC or a key: "private-a (subnet-0a1b2c3d4e5f60789)"; a scenario without them is
 * labelled by its ids as before.
 */
class NamedSubnetsShownTest {

    @TempDir
    Path dir;

    /** Named VPC, one named subnet of two, one named security group of two (the charts' tests' scenario). */
    static final String NAMED = dev.enisim.report.chart.NamedChartsTest.NAMED;

    @Test
    void namesAreReadAndAbsentNamesAreNull() throws Exception {
        Scenario s = ScenarioLoader.parse(NAMED, "named.yaml");
        Scenario.Vpc vpc = s.vpcs().get(0);
        assertEquals("payments-vpc", vpc.name());
        assertEquals("private-a", vpc.subnets().get(0).name());
        assertNull(vpc.subnets().get(1).name());
        assertEquals(Map.of("sg-0aaaaaaaaaaaaaaa1", "api-lambda"), vpc.groupNames());
    }

    @Test
    void badNamesAreRefusedAtTheirPath() {
        String message = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(NAMED
                .replace("name: private-a", "name: [private, a]")
                .replace("name: payments-vpc", "name: \"" + "v".repeat(257) + "\"")
                .replace("name: api-lambda }", "name: \"api\\nlambda\" }, { id: sg-0c, name: x },"
                        + " { id: sg-0aaaaaaaaaaaaaaa1, name: again }, { id: sg-0bbbbbbbbbbbbbbb2 }"),
                "named.yaml")).getMessage();
        assertTrue(message.contains("vpcs[0].subnets[0].name: expected a name (a string, as a Name tag's value),"
                + " got a list"), message);
        assertTrue(message.contains("vpcs[0].name: expected a name of 1 to 256 characters on one line (a Name tag's"
                + " value), got one of 257 characters"), message);
        assertTrue(message.contains("vpcs[0].securityGroupNames[0].name: expected a name of 1 to 256"
                + " characters on one line (a Name tag's value), got one with a control character"), message);
        assertTrue(message.contains("vpcs[0].securityGroupNames[1].id: 'sg-0c' is not one of this VPC's"
                + " securityGroups"), message);
        assertTrue(message.contains("vpcs[0].securityGroupNames[2].id: 'sg-0aaaaaaaaaaaaaaa1' is named twice"),
                message);
        assertTrue(message.contains("vpcs[0].securityGroupNames[3].name: is required"), message);
    }

    @Test
    void theTerminalAndThePageShowTheNamesBesideTheIds() throws Exception {
        Files.writeString(dir.resolve("named.yaml"), NAMED);
        ImportCommandTest.Result r = ImportCommandTest.run("run", dir.resolve("named.yaml").toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  private-a (subnet-0a1b2c3d4e5f60789) 10.1.1.0/24 "), r.out());
        assertTrue(r.out().contains("  subnet-0b1c2d3e4f5a60781   "), "no name, the id: " + r.out());
        // the columns line up: the CIDRs start where the longest label ends (session 49: they had not)
        String named = r.out().lines().filter(l -> l.contains(" 10.1.1.0/24 ")).findFirst().orElseThrow();
        String plain = r.out().lines().filter(l -> l.contains(" 10.1.2.0/24 ")).findFirst().orElseThrow();
        assertEquals(named.indexOf("10.1.1.0/24"), plain.indexOf("10.1.2.0/24"), r.out());
        assertEquals(named.indexOf(" usable"), plain.indexOf(" usable"), r.out());
        assertTrue(r.out().contains("  payments-vpc (vpc-0f0e0d0c0b0a09081) peak "), r.out());
        String page = Files.readString(dir.resolve("out/report.html"));
        assertTrue(page.contains("<td>private-a (subnet-0a1b2c3d4e5f60789)</td>"), "the subnet table");
        assertTrue(page.contains("<td>payments-vpc (vpc-0f0e0d0c0b0a09081)</td>"), "the VPC table");
        assertTrue(page.contains("\"title\":\"Free IPs in private-a (subnet-0a1b2c3d4e5f60789) (10.1.1.0/24"),
                "the subnet's chart");
        assertTrue(page.contains("\"label\":\"private-a (subnet-0a1b2c3d4e5f60789)+[api-lambda (sg-0aaaaaaaaaaaaaaa1),"
                + "sg-0bbbbbbbbbbbbbbb2]\""), "a key's series, named where it has names");
        assertTrue(page.contains("\"id\":\"subnet-0a1b2c3d4e5f60789+[sg-0aaaaaaaaaaaaaaa1,sg-0bbbbbbbbbbbbbbb2]\""),
                "the series' id stays the key");
        String summary = Files.readString(dir.resolve("out/summary.json"));
        assertFalse(summary.contains("private-a"), "summary.json is keyed by ids, as before");
    }

    @Test
    void withoutNamesTheLabelsAreTheIds() throws Exception {
        String bare = NAMED.replace("    name: payments-vpc\n", "").replace(", name: private-a", "")
                .replace("    securityGroupNames: [{ id: sg-0aaaaaaaaaaaaaaa1, name: api-lambda }]\n", "");
        Files.writeString(dir.resolve("bare.yaml"), bare);
        ImportCommandTest.Result r = ImportCommandTest.run("run", dir.resolve("bare.yaml").toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  subnet-0a1b2c3d4e5f60789 10.1.1.0/24 "), r.out());
        String page = Files.readString(dir.resolve("out/report.html"));
        assertTrue(page.contains("<td>subnet-0a1b2c3d4e5f60789</td>"));
        assertTrue(page.contains("\"label\":\"subnet-0a1b2c3d4e5f60789+[sg-0aaaaaaaaaaaaaaa1,sg-0bbbbbbbbbbbbbbb2]\""));
    }
}
