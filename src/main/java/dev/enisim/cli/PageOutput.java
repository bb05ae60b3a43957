package dev.enisim.cli;

import dev.enisim.report.PageFile;
import java.io.IOException;
import java.nio.file.Path;

/** {@code --html FILE} of the compare commands: the page written safely, a refusal or an I/O error is bad input. */
final class PageOutput {

    private PageOutput() {
    }

    static void write(Path file, String html) {
        try {
            PageFile.write(file, html);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + file + ": " + (e.getMessage() == null ? e : e.getMessage()));
        }
    }
}
