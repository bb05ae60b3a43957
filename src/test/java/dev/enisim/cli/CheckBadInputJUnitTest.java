package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A check stopped by bad input replaced no JUnit file: the passes of the run before stayed for CI to read, beside an
 * exit code 2. Now the file says the run's error; a file enisim did not write is still never touched.
 */
class CheckBadInputJUnitTest {

    @TempDir
    Path dir;

    @Test
    void aBadInputRunReplacesTheEarlierRunsJUnitFileWithItsError() throws Exception {
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, CheckCommandTest.SMALL + "expect:\n  - \"enis.peak == 1\"\n");
        Path xml = dir.resolve("junit.xml");
        assertEquals(0, CliTest.run("check", f.toString(), "--junit", xml.toString()).code());
        assertTrue(Files.readString(xml).contains("name=\"enis.peak == 1\" file=\"" + f + "\" line=\"14\"/>"),
                "the pass, written");

        Files.writeString(f, CheckCommandTest.SMALL.replace("duration: 100ms", "duration: 100 parsecs")
                + "expect:\n  - \"enis.peak is one\"\n");
        CliTest.Result r = CliTest.run("check", f.toString(), "--junit", xml.toString());
        assertEquals(2, r.code(), r.err());
        String text = Files.readString(xml);
        assertFalse(text.contains("enis.peak == 1"), "the earlier pass is gone: " + text);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        assertEquals("1", d.getDocumentElement().getAttribute("errors"));
        Element error = (Element) d.getElementsByTagName("error").item(0);
        assertEquals("BadInput", error.getAttribute("type"));
        assertEquals(r.err().strip(), error.getTextContent().strip(), "every problem, as the terminal said them");
        assertTrue(error.getTextContent().contains("100 parsecs") && error.getTextContent().contains("enis.peak is one"),
                error.getTextContent());
        assertEquals(r.err().lines().findFirst().orElseThrow(), error.getAttribute("message"));
    }

    @Test
    void aMissingBaselineIsAnErrorInTheJUnitFileToo() throws Exception {
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, CheckCommandTest.SMALL + "expect:\n  - \"enis.peak == 1\"\n");
        Path xml = dir.resolve("junit.xml");
        CliTest.Result r = CliTest.run("check", f.toString(), "--junit", xml.toString(), "--baseline",
                dir.resolve("none").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(Files.readString(xml).contains("type=\"BadInput\">enisim: no baseline "), Files.readString(xml));
    }

    @Test
    void aFileEnisimDidNotWriteIsStillLeftAlone() throws Exception {
        Path f = dir.resolve("broken.yaml");
        Files.writeString(f, "name: [\n");
        Path mine = Files.writeString(dir.resolve("results.xml"), "<testsuites name=\"pytest\"/>\n");
        CliTest.Result r = CliTest.run("check", f.toString(), "--junit", mine.toString());
        assertEquals(2, r.code());
        assertEquals("<testsuites name=\"pytest\"/>\n", Files.readString(mine));
    }
}
