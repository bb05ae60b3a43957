package dev.enisim.report.page;

import dev.enisim.metrics.RunSummary;
import dev.enisim.report.HtmlReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The events behind queued invocations, in the answers: an asynchronous function's events (the caller got 202
 * Accepted, Lambda retries a failed attempt) and an SQS-fed function's messages (the poller retries a throttled
 * batch). Their failed attempts count among the run's invocations that did not succeed, so without this the page
 * said "1,591 of 2,581 invocations did not succeed" for async-inactive-function, whose thumbnails' 600 events all
 * succeeded, and sqs-burst's 60,000 messages, every one processed, were told only at the end of the narrative.
 */
final class QueuedEvents {

    private QueuedEvents() {
    }

    /**
     * The queued functions' failed attempts: invocations of async or SQS-fed functions that did not succeed, less an
     * async function's calls refused before queueing (a 4xx its caller saw: no event to retry).
     */
    static long failedAttempts(RunSummary s) {
        long n = 0;
        for (String f : queued(s)) {
            n += failedAttempts(s, f);
        }
        return n;
    }

    private static long failedAttempts(RunSummary s, String function) {
        RunSummary.FunctionSummary fs = s.functions().get(function);
        if (fs == null) {
            return 0;
        }
        RunSummary.AsyncSummary a = s.async() == null ? null : s.async().get(function);
        return fs.invocations().total() - fs.invocations().succeeded() - (a == null ? 0 : a.refused());
    }

    /** Events or messages that did not get through: dropped, redriven to a DLQ or expired. */
    static long lost(RunSummary s) {
        return sum(s, RunSummary.AsyncSummary::dropped, q -> q.movedToDeadLetterQueue() + q.expired());
    }

    /** {@code async} over the asynchronous functions plus {@code sqs} over the SQS queues. */
    private static long sum(RunSummary s, java.util.function.ToLongFunction<RunSummary.AsyncSummary> async,
            java.util.function.ToLongFunction<RunSummary.SqsSummary> sqs) {
        long n = 0;
        if (s.async() != null) {
            for (RunSummary.AsyncSummary a : s.async().values()) {
                n += async.applyAsLong(a);
            }
        }
        if (s.sqs() != null) {
            for (RunSummary.SqsSummary q : s.sqs().values()) {
                n += sqs.applyAsLong(q);
            }
        }
        return n;
    }

    /**
     * Whether every invocation that did not succeed was a queued event's attempt, retried, and no event was lost nor
     * left waiting: the run is then not a red one (sqs-burst: 7,072 throttled batches, 60,000 of 60,000 messages
     * processed).
     */
    static boolean allRetriedNoneLost(RunSummary s, long bad) {
        return bad > 0 && failedAttempts(s) == bad && lost(s) == 0 && waiting(s) == 0;
    }

    /** The verdict's sentence about them, or "" when no failed invocation was a queued event's attempt. */
    static String verdictNote(RunSummary s, long bad) {
        long attempts = failedAttempts(s);
        if (attempts == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder(" ");
        b.append(attempts == bad ? (bad == 1 ? "It was" : "All " + num(bad) + " were") : num(attempts) + " of them"
                + (attempts == 1 ? " was" : " were"));
        b.append(" attempts at queued events (").append(String.join(", ", withFailures(s))).append("), which Lambda"
                + " retries; the callers did not see them fail. Of their ");
        long events = sum(s, RunSummary.AsyncSummary::received, RunSummary.SqsSummary::sent);
        long through = sum(s, RunSummary.AsyncSummary::succeeded, RunSummary.SqsSummary::deleted);
        b.append(num(events)).append(events == 1 ? " event, " : " events, ").append(num(through))
                .append(" got through, ").append(num(lost(s))).append(" were lost");
        long waiting = waiting(s);
        b.append(waiting == 0 ? "" : ", " + num(waiting) + " still waited at the end").append(" (see Queued events).");
        return b.toString();
    }

    /** The section's HTML: one table for asynchronous functions, one for SQS queues; "" when the run has neither. */
    static String html(RunSummary s) {
        if (s.async() == null && s.sqs() == null) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h3>Queued events: what became of them</h3>\n");
        if (s.async() != null) {
            b.append("<p>An asynchronous invocation (<code>invocationType: Event</code>) is queued and answered 202"
                    + " Accepted; Lambda retries an attempt that meets a throttle or a system error (1 s, 2 s, 4 s ..."
                    + " up to 5 minutes) until the event is older than its maximum age, then sends it to the"
                    + " dead-letter queue (DLQ) or on-failure destination and drops it.</p>\n");
            b.append("<div class=\"scroll\"><table class=\"answers wide\">\n<tr><th scope=\"col\">function</th><th scope="
                    + "\"col\">events queued</th><th scope=\"col\">succeeded</th><th scope=\"col\">after"
                    + " retries</th><th scope=\"col\">dropped</th><th scope=\"col\">still queued at the end</th><th"
                    + " scope=\"col\">failed attempts retried</th><th scope=\"col\">queued to done, p99</th></tr>\n");
            for (Map.Entry<String, RunSummary.AsyncSummary> e : s.async().entrySet()) {
                RunSummary.AsyncSummary a = e.getValue();
                // short, so that the table fits a window: only the parts there were
                List<String> to = new ArrayList<>();
                if (a.sentToDeadLetterQueue() > 0) {
                    to.add(num(a.sentToDeadLetterQueue()) + " to the DLQ");
                }
                if (a.sentToDestination() > 0) {
                    to.add(num(a.sentToDestination()) + " to the destination");
                }
                String dropped = num(a.dropped()) + (to.isEmpty() ? "" : " (" + String.join(", ", to) + ")");
                b.append("<tr><td>").append(esc(e.getKey())).append("</td>").append(cell("events queued",
                        a.received(), false)).append(cell("succeeded", a.succeeded(), false))
                        .append(cell("after retries", a.succeededAfterRetries(), false))
                        .append("<td class=\"n").append(a.dropped() > 0 ? " bad" : "").append("\" data-label=\""
                        + "dropped\">").append(dropped).append("</td>")
                        .append(cell("still queued at the end", a.queuedAtEnd(), a.queuedAtEnd() > 0))
                        .append(cell("failed attempts retried", a.systemRetries() + a.functionErrorRetries(), false))
                        .append("<td class=\"n\" data-label=\"queued to done, p99\">").append(a.latencyMillis()
                                .count() == 0 ? "none done" : seconds(a.latencyMillis().p99())).append("</td></tr>\n");
            }
            b.append("</table></div>\n");
        }
        if (s.sqs() != null) {
            b.append("<p>An SQS queue's messages are read by Lambda's poller in batches; a throttled batch is retried"
                    + " until the visibility timeout, then its messages reappear on the queue, and a message received"
                    + " maxReceiveCount times goes to the queue's dead-letter queue.</p>\n");
            b.append("<div class=\"scroll\"><table class=\"answers wide\">\n<tr><th scope=\"col\">function</th><th scope="
                    + "\"col\">messages sent</th><th scope=\"col\">processed (deleted)</th><th scope=\"col\">to the"
                    + " DLQ</th><th scope=\"col\">expired</th><th scope=\"col\">left at the end</th><th scope=\"col\">"
                    + "throttled batches (retried)</th><th scope=\"col\">most waiting</th><th scope=\"col\">oldest"
                    + " message</th></tr>\n");
            for (Map.Entry<String, RunSummary.SqsSummary> e : s.sqs().entrySet()) {
                RunSummary.SqsSummary q = e.getValue();
                long left = q.visibleAtEnd() + q.inFlightAtEnd();
                b.append("<tr><td>").append(esc(e.getKey())).append("</td>").append(cell("messages sent", q.sent(),
                        false)).append(cell("processed (deleted)", q.deleted(), false))
                        .append(cell("to the DLQ", q.movedToDeadLetterQueue(), q.movedToDeadLetterQueue() > 0))
                        .append(cell("expired", q.expired(), q.expired() > 0))
                        .append(cell("left at the end", left, left > 0))
                        .append(cell("throttled batches (retried)", q.throttledAttempts(), false))
                        .append(cell("most waiting", q.peakVisible(), false))
                        .append("<td class=\"n\" data-label=\"oldest message\">").append(Math.round(
                                q.maxAgeOfOldestMessageSeconds())).append(" s</td></tr>\n");
            }
            b.append("</table></div>\n");
        }
        return b.toString();
    }

    private static long waiting(RunSummary s) {
        return sum(s, RunSummary.AsyncSummary::queuedAtEnd, q -> q.visibleAtEnd() + q.inFlightAtEnd());
    }

    /** The async and SQS-fed functions, async first, each once. */
    private static List<String> queued(RunSummary s) {
        List<String> out = new ArrayList<>();
        if (s.async() != null) {
            out.addAll(s.async().keySet());
        }
        if (s.sqs() != null) {
            for (String f : s.sqs().keySet()) {
                if (!out.contains(f)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The queued functions with a failed attempt, escaped for the page. */
    private static List<String> withFailures(RunSummary s) {
        List<String> out = new ArrayList<>();
        for (String f : queued(s)) {
            if (failedAttempts(s, f) > 0) {
                out.add(esc(f));
            }
        }
        return out;
    }

    private static String cell(String label, long v, boolean bad) {
        return "<td class=\"n" + (bad ? " bad" : "") + "\" data-label=\"" + label + "\">" + num(v) + "</td>";
    }

    private static String seconds(double millis) {
        return millis < 1000 ? Math.round(millis) + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }

    private static String num(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String esc(String s) {
        return HtmlReport.esc(s);
    }
}
