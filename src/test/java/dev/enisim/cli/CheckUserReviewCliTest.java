package dev.enisim.cli;

import static dev.enisim.cli.Scratch.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** What a user's review of {@code enisim check} found on its command line: each case went wrong before. */
class CheckUserReviewCliTest extends InScratch {

    /** The scratch scenario with {@code expect} as its expect block (YAML), written as {@code name}. */
    private Path scenario(String name, String expect) throws Exception {
        return Files.writeString(s.work.resolve(name), Scratch.SCENARIO.replace("name: scratch", "name: "
                + name.replaceAll("\\.ya?ml$", "")) + "expect:\n" + expect);
    }

    @Test
    void aControlCharacterInAnExpectationIsShownAndTheJUnitXmlStaysReadable() throws Exception {
        scenario("ctl.yaml", "  - \"functions.api.finalState == Active\\x01\"\n");
        Scratch.Result r = s.run("check", "ctl.yaml", "--junit", "junit.xml");
        assertExit(1, r);
        assertTrue(r.out().contains("FAIL  functions.api.finalState == Active\\u0001   (actual Active)"), r.out());
        assertFalse(r.all().contains("\u0001"), "nothing raw on the terminal");
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(s.work.resolve("junit.xml").toFile());
        assertEquals("1", d.getDocumentElement().getAttribute("failures"));
    }
}
