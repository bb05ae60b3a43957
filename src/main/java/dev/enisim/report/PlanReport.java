package dev.enisim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.enisim.plan.Plan;
import java.util.List;

/** {@code enisim plan}'s output: a terminal table, {@code plan.json}, and an HTML page. */
public final class PlanReport {

    private PlanReport() {
    }

    public static String json(Plan plan) {
        try {
            return SummaryJson.mapper().writeValueAsString(plan) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render plan.json", e);
        }
    }

    /** The answers in words and aligned columns. */
    public static String text(Plan p) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("Capacity plan for %s (seed %d, %s network model)%n%n", p.scenario(), p.seed(),
                p.networkModel()));
        b.append("1. Subnet sizes: the smallest prefix with no invocation failing for IPs at this scenario's peak\n");
        b.append(String.format("   %-26s %-16s %7s %7s %9s %9s %11s %9s %12s%n", "subnet", "now", "usable", "others",
                "peak IPs", "formula", "recommended", "headroom", "check"));
        for (Plan.SubnetAdvice s : p.subnets()) {
            String check = "0 failures at /" + s.recommendedPrefix()
                    + (s.failuresOneSmaller() < 0 ? "" : ", " + s.failuresOneSmaller() + " at /"
                            + (s.recommendedPrefix() + 1));
            b.append(String.format("   %-26s %-16s %7d %7d %9d %9d %11s %9d  %s%n", s.subnet(), s.cidr(),
                    s.usableIps(), s.otherUsedIps(), s.peakLambdaIps(), s.analyticLambdaIps(),
                    "/" + s.recommendedPrefix() + " (" + s.recommendedUsableIps() + ")", s.headroomIps(),
                    s.failuresAtRecommended() == 0 ? check : s.failuresAtRecommended() + " failures (!)"));
        }
        if (!p.subnetsUnderOtherModel().isEmpty()) {
            b.append("   under the ").append(p.networkModel().equals("legacy") ? "hyperplane" : "legacy")
                    .append(" network model instead:\n");
            for (Plan.SubnetAdvice s : p.subnetsUnderOtherModel()) {
                b.append(String.format("   %-26s peak %d IPs, recommended /%d (%d usable)%n", s.subnet(),
                        s.peakLambdaIps(), s.recommendedPrefix(), s.recommendedUsableIps()));
            }
        }
        b.append("\n2. ENIs per VPC against the quota\n");
        for (Plan.VpcAdvice v : p.vpcs()) {
            b.append(String.format("   %s: peak %d of %d; one security-group set per subnet would need %d (saves %d)%n",
                    v.vpc(), v.peakEnis(), v.eniQuota(), v.consolidatedEnis(), v.savedByConsolidating()));
            List<Plan.KeyUse> keys = v.keys();
            for (int i = 0; i < Math.min(10, keys.size()); i++) {
                b.append(String.format("     %-50s %4d ENIs, peak %,d connections%n", keys.get(i).key(),
                        keys.get(i).peakEnis(), keys.get(i).peakConnections()));
            }
            if (keys.size() > 10) {
                b.append(String.format("     ... and %d more keys%n", keys.size() - 10));
            }
        }
        Plan.Headroom h = p.headroom();
        b.append("\n3. Traffic headroom: every arrival rate multiplied until a limit is hit\n");
        if (h.firstLimitAtMultiplier() == null) {
            b.append(String.format("   no ENI, IP, concurrency or scaling-rate limit hit up to x%.0f%n",
                    h.largestTried()));
        } else {
            b.append(String.format("   first limit at x%.2f: %s%n", h.firstLimitAtMultiplier(),
                    String.join(", ", h.limitsHit())));
        }
        Plan.TeardownWait t = p.teardown();
        b.append(String.format("%n4. Teardown: deleting every function waits for Lambda to delete %d ENIs%n",
                t.enis()));
        b.append(String.format("   simulated over %d replications: p50 %.0f min, p99 %.0f min;"
                + " analytic (max of %d deletion times): p50 %.0f min, p99 %.0f min%n", t.replications(),
                t.p50Seconds() / 60, t.p99Seconds() / 60, t.enis(), t.analyticP50Seconds() / 60,
                t.analyticP99Seconds() / 60));
        b.append("\n5. The idle rule: how long a function may stay quiet\n");
        if (p.idle().isEmpty()) {
            b.append("   no VPC function under the Hyperplane model: no Inactive state\n");
        }
        for (Plan.IdleAdvice i : p.idle()) {
            b.append(String.format("   %-24s quiet up to %.1f days; keep warm every %.1f days or less"
                    + " (simulated: %s after a longer quiet, %s after a shorter one)%n", i.function(),
                    i.longestQuietSeconds() / 86_400, i.keepWarmEverySeconds() / 86_400,
                    i.failsAfterLongerQuiet() ? "fails" : "DOES NOT FAIL (!)",
                    i.passesAfterShorterQuiet() ? "succeeds" : "FAILS (!)"));
        }
        return b.toString();
    }

    /** The same as a small self-contained HTML page. */
    public static String html(Plan p) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>enisim plan: "
                + escape(p.scenario()) + "</title><style>body{font-family:system-ui,sans-serif;margin:2em auto;"
                + "max-width:70em;color:#222}pre{background:#f6f8fa;padding:1em;border-radius:6px;overflow-x:auto}"
                + "</style></head><body><h1>Capacity plan: " + escape(p.scenario()) + "</h1><pre>"
                + escape(text(p)) + "</pre></body></html>\n";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
