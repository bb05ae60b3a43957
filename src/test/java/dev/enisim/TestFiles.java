package dev.enisim;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files the tests write into their temporary folders: templates, plans, parameter files. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Writes {@code text} as {@code dir/name}, making its folders first; returns its path. */
    public static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }
}
