package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * Sizes in a refusal for room read as a person would write them: `run --replications 1000000000` was refused with
 * "needs about 24909973.2 MiB"; a figure of a gibibyte or more is said in GiB, of a tebibyte or more in TiB.
 */
class SizesWordsTest {

    @Test
    void eachSizeInItsOwnUnit() {
        assertArrayEquals(new String[] {"512 bytes", "2.0 KiB"}, SafeOutput.sizes(512, 2048));
        assertArrayEquals(new String[] {"3.5 MiB", "1023.0 MiB"},
                SafeOutput.sizes(3_670_016L, 1023L * 1024 * 1024));
        assertArrayEquals(new String[] {"1.0 GiB", "40.0 GiB"},
                SafeOutput.sizes(1024L * 1024 * 1024, 40L * 1024 * 1024 * 1024));
        assertArrayEquals(new String[] {"23,756.0 TiB", "40.0 GiB"},
                SafeOutput.sizes(26_119_950_000_000_000L, 40L * 1024 * 1024 * 1024));
    }

    @Test
    void sizesThatWouldReadAlikeAreInBytes() {
        assertArrayEquals(new String[] {"1073741824 bytes", "1073741900 bytes"},
                SafeOutput.sizes(1073741824L, 1073741900L));
    }
}
