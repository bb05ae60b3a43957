package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code timeline[*].at} is an offset from the run's start (startsAt on the wall clock): a responder replaying a
 * night typed "23:10" and "2026-12-06T23:10:00Z" and got "expected a duration" with no word of startsAt (review r1,
 * session 61). With startsAt a date-time is read as its offset; a clock time, or a date-time without startsAt, is
 * refused saying what `at` is, every such problem at once.
 */
class TimelineAtWallClockTest {

    private static String scenario(String startsAt, String... ats) {
        StringBuilder b = new StringBuilder("name: night\nduration: 4h\n" + startsAt + """
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-a, cidr: 10.0.0.0/24, az: a }
                    securityGroups: [sg-1]
                functions:
                  - name: orders-api
                    existing: Active
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                timeline:
                """);
        for (String at : ats) {
            b.append("  - { at: ").append(at).append(", action: publishVersion, function: orders-api }\n");
        }
        return b.toString();
    }

    @Test
    void withStartsAtADateTimeIsItsOffset() throws Exception {
        Scenario s = ScenarioLoader.parse(scenario("startsAt: 2026-12-06T22:00:00Z\n", "2026-12-06T23:10:00Z",
                "\"2026-12-07T00:15:00+01:00\"", "30m"), "night.yaml");
        assertEquals(30 * 60_000_000L, s.timeline().get(0).atMicros());
        assertEquals(70 * 60_000_000L, s.timeline().get(1).atMicros());
        assertEquals(75 * 60_000_000L, s.timeline().get(2).atMicros(), "an offset is read as its UTC instant");
    }

    @Test
    void aClockTimeOrADateTimeBeforeStartsAtIsRefusedSayingWhatAtIs() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(scenario(
                "startsAt: 2026-12-06T22:00:00Z\n", "23:10", "\"01:30\"", "2026-12-06T21:00:00Z"), "night.yaml"));
        String m = e.getMessage();
        assertTrue(m.contains("timeline[0].at: expected a duration from the run's start, like 1h10m, got the clock time"
                + " '23:10': `at` is an offset from the run's start (startsAt 2026-12-06T22:00:00Z): 23:10 UTC next"
                + " comes 1h10m after it, so write `at: 1h10m` or the date-time `at: 2026-12-06T23:10:00Z`"), m);
        assertTrue(m.contains("timeline[1].at: expected a duration from the run's start, like 1h10m, got the clock time"
                + " '01:30': `at` is an offset from the run's start (startsAt 2026-12-06T22:00:00Z): 01:30 UTC next"
                + " comes 3h30m after it, so write `at: 3h30m` or the date-time `at: 2026-12-07T01:30:00Z`"), m);
        assertTrue(m.contains("timeline[2].at: '2026-12-06T21:00:00Z' is before startsAt (2026-12-06T22:00:00Z), when"
                + " the run starts: `at` is an offset from startsAt"), m);
    }

    @Test
    void withoutStartsAtClockTimesAndDateTimesAreRefusedNamingStartsAt() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(scenario("",
                "23:10", "2026-12-06T23:10:00Z"), "night.yaml"));
        String m = e.getMessage();
        assertTrue(m.contains("timeline[0].at: expected a duration from the run's start, like 1h10m, got the clock time"
                + " '23:10': `at` is an offset from the run's start; to give wall-clock times, set startsAt (the"
                + " run's start, e.g. 2026-11-30T00:00:00Z) and write `at` as a date-time"), m);
        assertTrue(m.contains("timeline[1].at: got the date-time '2026-12-06T23:10:00Z', but `at` is an offset from the"
                + " run's start (a duration like 1h10m): a date-time is read only when the scenario sets startsAt"), m);
    }
}
