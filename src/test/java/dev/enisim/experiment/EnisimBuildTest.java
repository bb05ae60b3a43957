package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which enisim computed an experiment's points: the version alone is the same for every build between two releases, so
 * the build (a hash of the code) is named too; a build that cannot be told is never taken for the same one.
 */
class EnisimBuildTest {

    @Test
    void theBuildIsAHashOfTheCodeInAJarOrAClassesFolder() {
        String folder = EnisimBuild.codeHash(EnisimBuild.class); // target/classes here
        assertTrue(folder.matches("[0-9a-f]{12}"), folder);
        assertEquals(folder, EnisimBuild.codeHash(EnisimBuild.class), "the same code, the same build");
        String jar = EnisimBuild.codeHash(com.fasterxml.jackson.databind.ObjectMapper.class); // Jackson's jar
        assertTrue(jar.matches("[0-9a-f]{12}"), jar);
        assertNotEquals(folder, jar);
        assertEquals(EnisimBuild.UNKNOWN, EnisimBuild.codeHash(String.class), "the JDK's classes come from no file");
        assertEquals(folder, EnisimBuild.current().build());
        assertNotEquals(EnisimBuild.UNKNOWN, EnisimBuild.current().version(), "Maven filtered the version");
    }

    @Test
    void onlyAKnownBuildOfTheSameVersionIsTheSameEnisim() {
        EnisimBuild a = new EnisimBuild("0.1.0", "0123456789ab");
        assertTrue(a.sameAs(new EnisimBuild("0.1.0", "0123456789ab")));
        assertFalse(a.sameAs(new EnisimBuild("0.1.0", "ba9876543210")), "another build of the same version");
        assertFalse(a.sameAs(new EnisimBuild("0.2.0", "0123456789ab")));
        assertFalse(a.sameAs(null), "a progress file that names no enisim");
        EnisimBuild unknown = new EnisimBuild("0.1.0", EnisimBuild.UNKNOWN);
        assertFalse(unknown.sameAs(new EnisimBuild("0.1.0", EnisimBuild.UNKNOWN)), "two unknown builds may differ");
        assertEquals("0.1.0 (build 0123456789ab)", a.toString());
    }
}
