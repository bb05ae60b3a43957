package dev.enisim.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The text of an input file that is not a scenario (saved AWS CLI output, a template, a plan, parameters), as tools
 * save them: UTF-8, or UTF-16 when a byte-order mark (or every other byte zero) says so, as Windows PowerShell's
 * {@code >} writes it; a UTF-8 byte-order mark is dropped. A folder, a device, a pipe or a file above a size limit is
 * refused unread ({@code /dev/zero} ran out of memory with a stack trace, a pipe was waited on for ever).
 */
public final class InputText {

    private InputText() {
    }

    /**
     * The text of {@code file}, or a {@link ScenarioException} naming it: {@code what} says what it should be ("a
     * file of saved AWS CLI output"), {@code notText} what a file that is not text was expected to be.
     */
    public static String read(Path file, long maxBytes, String what, String notText) throws ScenarioException {
        byte[] b;
        try {
            if (Files.isDirectory(file)) {
                throw fail(file, "is a folder; expected " + what);
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw fail(file, "is not a regular file (a device or a pipe); expected " + what);
            }
            if (kernelFile(file)) {
                throw fail(file, "is one of the kernel's own files (" + KERNEL_FILES + "); expected " + what);
            }
            if (Files.exists(file) && Files.size(file) > maxBytes) {
                throw fail(file, "is " + (Files.size(file) + (1 << 20) - 1) / (1 << 20) + " MiB, above the "
                        + maxBytes / (1 << 20) + " MiB limit for " + what + "; is it the right file?");
            }
            b = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw fail(file, "file not found");
        } catch (IOException e) {
            throw fail(file, cannotRead(e));
        }
        int skip = 0;
        Charset cs = StandardCharsets.UTF_8;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            skip = 2;
            cs = StandardCharsets.UTF_16LE;
        } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            skip = 2;
            cs = StandardCharsets.UTF_16BE;
        } else if (b.length >= 2 && b[0] != 0 && b[1] == 0) {
            cs = StandardCharsets.UTF_16LE;
        } else if (b.length >= 2 && b[0] == 0 && b[1] != 0) {
            cs = StandardCharsets.UTF_16BE;
        }
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, skip, b.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw fail(file, "not text (neither UTF-8 nor UTF-16): expected " + notText);
        }
    }

    /** The longest line a YAML file may have (scenario, template); see {@link #longLine}. */
    public static final int MAX_LINE = 8 << 20;

    /**
     * The 1-based number of the first line of {@code text} longer than {@link #MAX_LINE} characters, or 0: the YAML
     * parser's time grows faster than a line's length (30 MB without a line end ran for minutes), and no scenario or
     * template has such a line, so it is refused before parsing.
     */
    public static int longLine(String text) {
        int line = 1;
        int start = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) == '\n') {
                if (i - start > MAX_LINE) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return text.length() - start > MAX_LINE ? line : 0;
    }

    /** File systems of the kernel's own entries: they hold no user's file, and take none, even from root. */
    public static final Set<String> KERNEL_FILE_SYSTEMS = Set.of("proc", "sysfs", "devpts", "cgroup", "cgroup2",
            "debugfs", "tracefs", "securityfs", "pstore", "configfs", "bpf", "efivarfs", "binfmt_misc", "fusectl");

    /** How a refusal of {@link #kernelFile} names them. */
    public static final String KERNEL_FILES = "/proc, /sys: not a file anyone saved";

    /**
     * Whether {@code file} (followed through links) lies on one of the {@link #KERNEL_FILE_SYSTEMS}. Such an entry
     * looks like a regular file and is not one: {@code /proc/kmsg}, read as root, waits for the kernel's next message
     * for ever and takes the messages it reads from the kernel's log (a hostile user's review: {@code validate},
     * a scenario's {@code trace: {file: /proc/kmsg}}, {@code import}, {@code check --junit} hung), so none is read.
     * False when it cannot be told (the read that follows says what it meets).
     */
    public static boolean kernelFile(Path file) {
        try {
            return Files.exists(file) && KERNEL_FILE_SYSTEMS.contains(Files.getFileStore(file).type());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * "cannot read the file (permission denied)": why a file could not be read, from the exception, without its name
     * (said before the problem). It said "cannot read the file: /root/.bashrc", the reason left out: a Java
     * {@link java.nio.file.AccessDeniedException}'s message is the file's name alone.
     */
    public static String cannotRead(IOException e) {
        return "cannot read the file (" + reason(e) + ")";
    }

    /**
     * Why an I/O operation failed, in words, without the file's name: "permission denied", "is a directory",
     * "input/output error" (the system's words, as {@code cat} says them), or the exception's own message.
     */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getReason() != null ? lowerFirst(f.getReason()) : e.getClass().getSimpleName();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : lowerFirst(m.lines().findFirst().orElse(m));
    }

    /** "Is a directory" -> "is a directory", as a clause; "I/O error" is kept. */
    private static String lowerFirst(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }

    private static ScenarioException fail(Path file, String message) {
        return new ScenarioException(file.toString(), List.of(new Problem("", message)));
    }
}
