package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --html FILE never replaces a file enisim did not write. */
class PageFileTest {

    @TempDir
    Path tmp;

    @Test
    void replacesOnlyItsOwnPages() throws Exception {
        Path page = tmp.resolve("sub/compare.html");
        String html = dev.enisim.report.page.Page.head("t") + "</body></html>\n";
        PageFile.write(page, html);
        assertEquals(html, Files.readString(page));
        PageFile.write(page, html + "<!-- again -->");
        assertTrue(Files.readString(page).endsWith("<!-- again -->"), "its own page is replaced");
        Path mine = tmp.resolve("notes.html");
        Files.writeString(mine, "my notes");
        assertThrows(FileAlreadyExistsException.class, () -> PageFile.write(mine, html));
        assertEquals("my notes", Files.readString(mine), "a user's file is left alone");
        assertThrows(FileAlreadyExistsException.class, () -> PageFile.write(tmp, html), "a folder is refused");
        try (var files = Files.list(tmp.resolve("sub"))) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
