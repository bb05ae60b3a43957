package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.chart.LifecycleMoments.Kind;
import dev.enisim.report.chart.LifecycleMoments.Marker;
import dev.enisim.report.chart.LifecycleMoments.Moment;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle moments the page's charts mark beside the timeline's actions (a teacher's review, B5): idle-reclaim's
 * charts marked "batch-report existing +2 more" at 0d alone, nothing at the Inactive steps (14d, 34d) nor at the
 * restores (20d, 40d) that the ResourceNotReadyException panel and the Free IPs step come from; shared-eni-65k's
 * scale-out at 00:00:52 was unmarked. Which moments, merged when of one kind and close in time, at most 20.
 */
class LifecycleMomentsTest {

    private static RunResult run(String scenario) throws Exception {
        return new Simulation(ScenarioLoader.load(Path.of("scenarios/" + scenario + ".yaml")), 0).run();
    }

    private static List<String> told(List<Marker> markers) {
        List<String> out = new ArrayList<>();
        for (Marker m : markers) {
            out.add(ActionMarkers.span(m.atSeconds()) + " " + m.label());
        }
        return out;
    }

    @Test
    void idleReclaimsInactiveStepsRestoresAndDeletedEnisAreMarked() throws Exception {
        List<Marker> m = LifecycleMoments.of(run("idle-reclaim"));
        // each function's Inactive at one instant is one marker; the ENIs deleted minutes later another
        assertEquals(List.of("14 days 2 functions Inactive", "14 days 2 ENIs deleted", "20 days 2 functions restoring",
                "34 days 2 functions Inactive", "34 days 2 ENIs deleted", "40 days 2 functions restoring"), told(m));
        assertEquals(14 * 86_400 + 600, m.get(0).atSeconds(), 1e-9);
        assertTrue(m.get(0).detail().contains("batch-report Inactive (Idle)"), m.get(0).detail());
        assertTrue(m.get(2).detail().contains("batch-report Pending (Restoring), Active after 3 min 4 s"), m.get(2).detail());
        assertEquals(2, m.get(1).count());
        assertTrue(m.get(1).detail().startsWith("2 over "), m.get(1).detail());
    }

    @Test
    void sharedEni65ksScaleOutIsMarkedWithItsKey() throws Exception {
        List<Marker> m = LifecycleMoments.of(run("shared-eni-65k"));
        assertEquals(1, m.size(), m.toString());
        assertEquals(Kind.SCALE_OUT, m.get(0).kind());
        assertEquals("subnet-db+[sg-db] scale-out", m.get(0).label());
        assertTrue(m.get(0).atSeconds() > 0 && m.get(0).atSeconds() < 120, m.toString());
    }

    @Test
    void orphanedAndFailedAreMarked() throws Exception {
        List<Marker> o = LifecycleMoments.of(run("orphaned-enis"));
        assertEquals(List.of("1 h 2 ENIs orphaned"), told(o));
        assertEquals("2 ENIs orphaned", o.get(0).label());
        assertTrue(!o.get(0).detail().contains(" over "), o.get(0).detail()); // 0.3 s apart: not "2 over 0 s"
        List<Marker> q = LifecycleMoments.of(run("quickstart"));
        assertEquals(List.of("1 h notifications Failed"), told(q));
        assertTrue(q.get(0).detail().contains("SubnetOutOfIPAddresses"), q.get(0).detail());
    }

    /** 300 functions Inactive one minute apart over five hours: at most 20 markers, every moment counted in one. */
    @Test
    void manyMomentsAreMergedAndCapped() {
        List<Moment> moments = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            moments.add(new Moment(60.0 * i, Kind.INACTIVE, "f-" + i, "f-" + i + " Inactive (Idle)"));
            if (i % 3 == 0) {
                moments.add(new Moment(60.0 * i + 5, Kind.DELETED, "eni-" + i, "eni-" + i + " deleted, IP freed"));
            }
        }
        moments.sort(java.util.Comparator.comparingDouble(Moment::atSeconds));
        List<Marker> m = LifecycleMoments.merge(moments, 5 * 3600);
        assertTrue(m.size() <= LifecycleMoments.MAX, m.size() + " markers");
        assertTrue(m.size() >= LifecycleMoments.MAX / 2, m.size() + " markers: merged more than needed");
        assertEquals(moments.size(), m.stream().mapToInt(Marker::count).sum());
        for (Marker x : m) {
            assertTrue(x.label().matches("[0-9,]+ (functions Inactive|ENIs deleted)"), x.label());
            assertTrue(x.detail().endsWith(" more"), x.detail()); // five named, the rest counted
        }
        // the markers in time order, each kind's groups apart
        for (int i = 1; i < m.size(); i++) {
            assertTrue(m.get(i).atSeconds() >= m.get(i - 1).atSeconds(), m.toString());
        }
    }

    /** Moments of one kind at one instant are one marker; of two kinds, two; a lone one keeps its subject's name. */
    @Test
    void sameInstantMergesWithinAKindOnly() {
        List<Marker> m = LifecycleMoments.merge(List.of(
                new Moment(100, Kind.INACTIVE, "a", "a Inactive (Idle)"),
                new Moment(100, Kind.INACTIVE, "b", "b Inactive (Idle)"),
                new Moment(100, Kind.INACTIVE, "c", "c Inactive (Idle)"),
                new Moment(100, Kind.DELETED, "eni-1", "eni-1 deleted, IP freed"),
                new Moment(5000, Kind.RESTORE, "a", "a Pending (Restoring)")), 7200);
        assertEquals(List.of("3 functions Inactive", "1 ENI deleted", "a restoring"),
                m.stream().map(Marker::label).toList());
        assertEquals("a Inactive (Idle); b Inactive (Idle); c Inactive (Idle)", m.get(0).detail());
    }
}
