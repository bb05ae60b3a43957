package dev.enisim.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * Which enisim this is: the version Maven wrote into {@code dev/enisim/version.properties} (what
 * {@code enisim --version} says) and the build, the first 12 hex digits of the SHA-256 of the code it runs from (in
 * the jar, each of enisim's own files, {@code dev/enisim/...}, and each library's
 * {@code META-INF/maven/.../pom.properties}, which names its version: name and content, in name order; in a
 * development checkout, the classes folder's files). The version alone does not tell two models apart (it changes
 * only at a release: every build between two releases says the same), the build does: the same code gives the same
 * build (not the jar's bytes: the shaded jar orders its entries differently from one build to the next) and a change
 * of the code, its presets or a library's version another. Recorded in an experiment's progress file (a resume on
 * another enisim is refused) and in the sidecar that says what made a sweep's CSV.
 */
public record EnisimBuild(String version, String build) {

    /** The build when the code cannot be read (run from somewhere other than a jar or a folder). */
    public static final String UNKNOWN = "unknown";

    private static volatile EnisimBuild current;

    /** This enisim (computed once: hashing the jar takes some tens of milliseconds). */
    public static EnisimBuild current() {
        EnisimBuild b = current;
        if (b == null) {
            b = new EnisimBuild(readVersion(), codeHash(EnisimBuild.class));
            current = b;
        }
        return b;
    }

    /**
     * Whether this is known to be the same enisim as {@code other}: same version and same build, and the build known
     * (two unknown builds may be two models).
     */
    public boolean sameAs(EnisimBuild other) {
        return other != null && version.equals(other.version) && build.equals(other.build) && !build.equals(UNKNOWN);
    }

    /** "0.1.0 (build 1a2b3c4d5e6f)", as the messages say it. */
    @Override
    public String toString() {
        return version + " (build " + build + ")";
    }

    /** The version Maven wrote into the jar ("unknown" without it, as {@code enisim --version} says). */
    public static String readVersion() {
        try (InputStream in = EnisimBuild.class.getResourceAsStream("/dev/enisim/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", UNKNOWN);
            return v.contains("${") ? UNKNOWN : v; // an unfiltered resource (an IDE's build) names no version
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /** The build of the code {@code of} comes from (a jar or a classes folder), or {@link #UNKNOWN}. */
    static String codeHash(Class<?> of) {
        try {
            var source = of.getProtectionDomain().getCodeSource();
            if (source == null) {
                return UNKNOWN;
            }
            Path where = Path.of(source.getLocation().toURI());
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (Files.isRegularFile(where)) {
                try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(where.toFile())) {
                    // enisim's own files and the libraries' Maven coordinates (their versions), by name: the
                    // shaded jar's order of entries differs from one build to the next; all 20 MB of the libraries'
                    // classes took a second or two to read, at every --version
                    List<? extends java.util.zip.ZipEntry> entries = jar.stream().filter(e -> !e.isDirectory()
                            && (e.getName().startsWith("dev/enisim/") || e.getName().startsWith("META-INF/maven/")))
                            .sorted(java.util.Comparator.comparing(java.util.zip.ZipEntry::getName)).toList();
                    for (java.util.zip.ZipEntry e : entries) {
                        md.update((e.getName() + "\n").getBytes(StandardCharsets.UTF_8));
                        try (InputStream in = jar.getInputStream(e)) {
                            digest(md, in);
                        }
                    }
                }
            } else if (Files.isDirectory(where)) {
                List<Path> files;
                try (var walk = Files.walk(where)) {
                    files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
                }
                for (Path f : files) {
                    md.update((where.relativize(f).toString().replace('\\', '/') + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                    digest(md, f);
                }
            } else {
                return UNKNOWN;
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (IOException | URISyntaxException | RuntimeException | NoSuchAlgorithmException e) {
            return UNKNOWN;
        }
    }

    private static void digest(MessageDigest md, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            digest(md, in);
        }
    }

    private static void digest(MessageDigest md, InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
    }
}
