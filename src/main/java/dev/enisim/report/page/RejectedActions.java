package dev.enisim.report.page;

import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Seconds;
import dev.enisim.report.Narrative;
import java.util.List;

/**
 * The timeline's actions Lambda refused (summary.json's {@code rejectedActions}): a second UpdateFunctionConfiguration
 * 30 s after the first, while the first was InProgress, got ResourceConflictException, and only the narrative said so;
 * the terminal, the page's Answers and summary.json were silent (an incident responder's replay of a bad night).
 */
public final class RejectedActions {

    /** Actions told one by one; the others are counted. */
    public static final int TOLD = 3;

    private RejectedActions() {
    }

    /** "UpdateFunctionConfiguration orders-api at Sun 23:10:30: ResourceConflictException". */
    public static String line(RunSummary.Rejected a, Narrative.When when) {
        return a.action() + " " + a.function() + " at " + when.at(Seconds.toMicros(a.atSeconds())) + ": " + a.error();
    }

    /**
     * The verdict's sentence, plain text (empty when Lambda refused nothing): "Lambda rejected 1 action of the
     * timeline, which changed nothing: UpdateFunctionConfiguration orders-api at Sun 23:10:30:
     * ResourceConflictException (summary.json rejectedActions; the narrative says why). "
     */
    public static String verdict(RunSummary s, Narrative.When when) {
        List<RunSummary.Rejected> all = s.rejectedActions();
        if (all.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("Lambda rejected ").append(all.size()).append(all.size() == 1
                ? " action of the timeline, which changed nothing: " : " actions of the timeline, which changed"
                + " nothing: ");
        for (int i = 0; i < Math.min(TOLD, all.size()); i++) {
            b.append(i == 0 ? "" : "; ").append(line(all.get(i), when));
        }
        if (all.size() > TOLD) {
            b.append("; and ").append(all.size() - TOLD).append(" more");
        }
        return b.append(" (summary.json rejectedActions; the narrative says why). ").toString();
    }
}
