package dev.enisim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files the tests write into and read from their temporary folders: templates, plans, parameter files, outputs. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Writes {@code text} as {@code dir/name}, making its folders first; returns its path. */
    public static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    /** The UTF-8 bytes of {@code s}: a file's content as the output tests write and compare it. */
    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The names of what {@code dir} holds, sorted: what a run left in a folder. */
    public static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Runs {@code chattr flag p} ({@code +i}: the entry immutable, refused to root too; {@code -i}: back): whether it
     * worked (false where chattr or the file system's attributes are not available, so a test can skip).
     */
    public static boolean chattr(String flag, Path p) {
        try {
            Process c = new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true).start();
            c.getInputStream().readAllBytes();
            return c.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
