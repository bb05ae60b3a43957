package dev.enisim.cli;

import dev.enisim.report.SafeOutput;
import dev.enisim.report.page.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --html FILE} of the compare commands, through {@link SafeOutput}: an existing file is replaced only if it
 * is an enisim page (it opens as {@link Page#OPENING}, its mark included); a folder, a link or another file is refused (exit 2).
 */
final class PageOutput {

    /** A page enisim wrote: it opens with the page's opening and ends with enisim's checksum of the rest. */
    static final SafeOutput.Mark MARK = SafeOutput.Mark.startingWith(Page.OPENING)
            .sealedBy(SafeOutput.Seal.XML_COMMENT);

    private PageOutput() {
    }

    /** Refuses at once (before the runs) a page file that may not be written, or cannot be (a trial write). */
    static void check(CommandSpec spec, Path file) {
        checkFile("--html", file, Main.workingDir(spec), MARK);
    }

    /**
     * {@link SafeOutput#checkFileWritable}, its refusal saying the option that named the file ("--junit out is a
     * folder; give a file name"): a command given several files (--junit, --html, --step-summary) says which one.
     */
    static void checkFile(String option, Path file, Path workingDir, SafeOutput.Mark mark) {
        try {
            SafeOutput.checkFileWritable(file, workingDir, mark);
        } catch (dev.enisim.report.OutputRefused e) {
            throw new dev.enisim.report.OutputRefused(option + " " + e.getMessage());
        }
    }

    /**
     * Refuses before the runs a page whose estimated {@code bytes} are clearly more than its disk's room
     * ({@link SafeOutput#checkRoomBeforeRun}).
     */
    static void checkRoom(CommandSpec spec, Path file, long bytes) {
        SafeOutput.checkRoomBeforeRun(file, Main.workingDir(spec), bytes, false);
    }

    static void write(CommandSpec spec, Path file, String html) throws IOException {
        SafeOutput.writeMarkedFile(file, Main.workingDir(spec), MARK,
                html.getBytes(StandardCharsets.UTF_8));
    }
}
