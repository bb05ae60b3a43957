package dev.enisim.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A changed input in summary.json's {@code settings} is the cause of a baseline's drift: listed with the inputs. */
class BaselineSettingsInputTest {

    @Test
    void aSettingIsAnInput() {
        assertTrue(new Baseline.Diff("settings.hyperplane.idleReclaimAfterSeconds", "1209600", "8640000").input());
        assertTrue(new Baseline.Diff("metrics.settings.overriddenCount.mean", "0", "1").input());
        assertFalse(new Baseline.Diff("enis.peak", "1", "2").input());
    }
}
