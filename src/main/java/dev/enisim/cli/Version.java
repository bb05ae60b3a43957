package dev.enisim.cli;

import dev.enisim.experiment.EnisimBuild;
import picocli.CommandLine;

/**
 * {@code enisim --version}: the version Maven wrote into {@code dev/enisim/version.properties} and the build (a hash of
 * the jar: every build between two releases has the same version), as a sweep's progress file and sidecar name them.
 */
public final class Version implements CommandLine.IVersionProvider {

    public static String current() {
        return EnisimBuild.readVersion();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"enisim " + EnisimBuild.current(), "Java " + System.getProperty("java.version")};
    }
}
