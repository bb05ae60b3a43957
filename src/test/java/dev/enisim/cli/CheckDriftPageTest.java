package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check --baseline DIR --html FILE: the drift as a page, ranked by cause (changed inputs first). */
class CheckDriftPageTest {

    @TempDir
    Path dir;

    @Test
    void theDriftPageRanksChangedInputsFirstWithBothValues() throws Exception {
        Path f = Files.writeString(dir.resolve("small.yaml"), CheckCommandTest.SMALL);
        Path base = dir.resolve("baseline");
        assertEquals(0, CliTest.run("check", f.toString(), "--baseline", base.toString(), "--update-baseline").code());
        Path page = dir.resolve("drift.html");
        Result same = CliTest.run("check", f.toString(), "--baseline", base.toString(), "--html", page.toString());
        assertEquals(0, same.code(), same.err());
        assertTrue(Files.readString(page).contains("Every summary matches its baseline."));

        Result drift = CliTest.run("check", f.toString(), "--baseline", base.toString(), "--html", page.toString(),
                "--set", "vpcs[0].subnets[0].otherUsedIps=4", "--set", "functions[api].arrivals.poisson=6/s");
        assertEquals(1, drift.code(), drift.err());
        String html = Files.readString(page).replace("<wbr/>", ""); // the text as read
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertTrue(html.contains("1 of 1 scenario(s) drift"), html);
        int input = html.indexOf("subnets.subnet-a.otherUsedIps");
        int result = html.indexOf("invocations.total");
        assertTrue(input > 0 && result > 0 && input < result, "the changed input comes before the results it causes");
        assertTrue(html.contains("<td class=\"bad\">input</td><td>subnets.subnet-a.otherUsedIps</td>"
                + "<td class=\"n\">3</td><td class=\"n\">4</td><td class=\"n\">+1 (+33.3%)</td>"), "both values and the change");
        assertTrue(html.contains("<meta name=\"generator\" content=\"enisim\"/>"), "an enisim page, replaceable");

        Path mine = Files.writeString(dir.resolve("notes.html"), "<p>mine</p>");
        Result refused = CliTest.run("check", f.toString(), "--baseline", base.toString(), "--html", mine.toString());
        assertEquals(2, refused.code());
        assertEquals("<p>mine</p>", Files.readString(mine), "a page enisim did not write is left alone");
        Result noBaseline = CliTest.run("check", f.toString(), "--html", page.toString());
        assertEquals(2, noBaseline.code());
        assertFalse(noBaseline.err().contains("Exception"), noBaseline.err());
    }
}
