package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.check.Baseline;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The drift page's order. A run whose exception count went to 0 (the fix the check was run for) listed it under 29
 * rows of metrics that "appeared from 0" once the function succeeded (each an infinite change relative to the
 * baseline, so first). Now: inputs, then failures (largest change relative to the baseline first), then the other
 * results that changed from a baseline value, then those that appeared from 0, then the other texts.
 */
class DriftRankingTest {

    @Test
    void aFailureThatWentToZeroComesBeforeTheSeriesThatAppearedFromZero() {
        List<Baseline.Diff> diffs = new ArrayList<>();
        diffs.add(new Baseline.Diff("transitions[0].cause", "no ENI could be created", "created"));
        for (int i = 1; i <= 29; i++) { // in summary order, the smallest first
            diffs.add(new Baseline.Diff("functions.f" + i + ".latencyMillis.p99", "0", Integer.toString(10 * i)));
        }
        diffs.add(new Baseline.Diff("invocations.succeeded", "290134", "297271"));
        diffs.add(new Baseline.Diff("events.total", "1000000", "1100000"));
        diffs.add(new Baseline.Diff("functions.api.finalState", "Failed", "Active"));
        diffs.add(new Baseline.Diff("invocations.errors.ENILimitReachedException", "7190", "0"));
        diffs.add(new Baseline.Diff("invocations.errors.SubnetIPAddressLimitReachedException", "(none)", "12"));
        diffs.add(new Baseline.Diff("subnets.subnet-a.otherUsedIps", "3", "4"));

        List<String> ranked = DriftPage.ranked(diffs).stream().map(Baseline.Diff::path).toList();
        List<String> expected = new ArrayList<>(List.of("subnets.subnet-a.otherUsedIps",
                "invocations.errors.SubnetIPAddressLimitReachedException", // a failure that appeared: first
                "invocations.errors.ENILimitReachedException", // a failure gone: -100%
                "functions.api.finalState", // a function's state: a failure's text
                "events.total", "invocations.succeeded")); // +10%, then +2.5%
        for (int i = 29; i >= 1; i--) {
            expected.add("functions.f" + i + ".latencyMillis.p99"); // appeared from 0, the largest now first
        }
        expected.add("transitions[0].cause");
        assertEquals(expected, ranked);
        assertEquals(2, ranked.indexOf("invocations.errors.ENILimitReachedException"), "it was 31st of 36");
    }
}
