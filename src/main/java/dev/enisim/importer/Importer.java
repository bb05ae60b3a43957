package dev.enisim.importer;

import dev.enisim.model.network.Cidr;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns saved AWS CLI output into a scenario file (YAML text). Derived figures say where they come from; guesses
 * are placeholders, listed at the top of the file for the user to replace.
 */
public final class Importer {

    /** The files a user saved; all but subnets and functions are optional (null). */
    public record Inputs(Path subnets, Path functions, Path enis, Path securityGroups, Path metrics) {
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/+-]+");

    private Importer() {
    }

    /** The scenario text; throws with every problem of the input files. */
    public static String scenario(Inputs in, String name, long defaultDurationSeconds) throws ScenarioException {
        Account a = new Account();
        a.readSubnets(in.subnets());
        a.readFunctions(in.functions());
        if (in.enis() != null) {
            a.readEnis(in.enis());
        }
        if (in.securityGroups() != null) {
            a.readSecurityGroups(in.securityGroups());
        }
        if (in.metrics() != null) {
            a.readMetrics(in.metrics());
        }
        checkReferences(a, in);
        return write(a, name, defaultDurationSeconds);
    }

    private static void checkReferences(Account a, Inputs in) throws ScenarioException {
        Set<String> known = new LinkedHashSet<>();
        a.subnets.forEach(s -> known.add(s.id()));
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < a.functions.size(); i++) {
            for (String s : a.functions.get(i).subnets()) {
                if (!known.contains(s)) {
                    problems.add(new Problem(a.functions.get(i).name() + ".VpcConfig.SubnetIds", "subnet " + s
                            + " is not in " + in.subnets() + " (save describe-subnets for every subnet the functions use)"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(in.functions().toString(), problems);
        }
    }

    private static String write(Account a, String name, long defaultDuration) {
        List<String> placeholders = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        // VPCs and their security groups
        Map<String, List<Account.Subnet>> vpcs = new LinkedHashMap<>();
        for (Account.Subnet s : a.subnets) {
            vpcs.computeIfAbsent(s.vpc(), k -> new ArrayList<>()).add(s);
        }
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        vpcs.keySet().forEach(v -> groups.put(v, new LinkedHashSet<>()));
        a.groupVpc.forEach((g, v) -> groups.computeIfAbsent(v, k -> new LinkedHashSet<>()).add(g));
        Map<String, String> subnetVpc = new LinkedHashMap<>();
        a.subnets.forEach(s -> subnetVpc.put(s.id(), s.vpc()));
        for (Account.Function f : a.functions) {
            if (!f.subnets().isEmpty()) {
                String v = subnetVpc.get(f.subnets().get(0));
                for (String g : f.groups()) {
                    if (!a.groupVpc.containsKey(g) && groups.values().stream().noneMatch(set -> set.contains(g))) {
                        groups.get(v).add(g);
                    }
                }
            }
        }
        for (Account.Eni e : a.enis) {
            String v = subnetVpc.get(e.subnet());
            for (String g : e.groups()) {
                if (v != null && groups.values().stream().noneMatch(set -> set.contains(g))) {
                    groups.get(v).add(g);
                }
            }
        }
        body.append("vpcs:\n");
        for (Map.Entry<String, List<Account.Subnet>> v : vpcs.entrySet()) {
            body.append("  - id: ").append(q(v.getKey())).append("\n    eniQuota: 500   # placeholder: Lambda's default"
                    + " quota; ask Service Quotas for yours\n    subnets:\n");
            for (Account.Subnet s : v.getValue()) {
                int usable = Cidr.parse(s.cidr()).usableAddresses();
                long lambda = a.enis.stream().filter(e -> e.subnet().equals(s.id())).count();
                long others = usable - s.availableIps() - lambda;
                String note = "usable " + usable + " - available " + s.availableIps() + " - Lambda ENIs " + lambda;
                if (others < 0) {
                    note += " (negative: set to 0)";
                    others = 0;
                }
                body.append("      - { id: ").append(q(s.id())).append(", cidr: ").append(s.cidr()).append(", az: ")
                        .append(q(s.az())).append(", otherUsedIps: ").append(others).append(" }   # ").append(note)
                        .append('\n');
            }
            body.append("    securityGroups: [").append(String.join(", ", groups.get(v.getKey()).stream()
                    .map(Importer::q).toList())).append("]\n");
        }
        // traffic timing
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        for (Account.Traffic t : a.traffic.values()) {
            t0 = Math.min(t0, t.counts().firstKey());
            t1 = Math.max(t1, t.counts().lastKey() + t.periodSeconds());
        }
        long duration = a.traffic.isEmpty() ? defaultDuration : t1 - t0;
        body.append("functions:\n");
        for (Account.Function f : a.functions) {
            function(body, f, a.traffic.get(f.name()), t0, placeholders, state(a, f));
        }
        StringBuilder head = new StringBuilder();
        head.append("# Generated by `enisim import` from saved AWS CLI output. Review before use.\n#\n");
        head.append("# Derived: subnets, CIDRs and AZs (describe-subnets); other tenants' IPs per subnet = usable -\n"
                + "# AvailableIpAddressCount - Lambda's own ENIs there (describe-network-interfaces); functions, memory,\n"
                + "# timeouts, VpcConfig and roles (list-functions)");
        head.append(a.traffic.isEmpty() ? ".\n" : "; traffic per period and mean duration (CloudWatch).\n");
        head.append("#\n# PLACEHOLDERS (not in the CLI output; replace them with your own figures):\n");
        head.append("#   - vpcs[*].eniQuota: 500, Lambda's default Hyperplane ENI quota per VPC\n");
        head.append("#   - account.concurrencyLimit: 1000, the default; reserved concurrency is not in list-functions"
                + " (see get-function-concurrency)\n");
        placeholders.stream().distinct().forEach(p -> head.append("#   - ").append(p).append('\n'));
        head.append("#\n# The functions exist already (existing: Active or Inactive): ");
        head.append(a.enis.isEmpty() ? "without describe-network-interfaces output, all are taken as Active with"
                + "\n# their ENIs in place at time 0.\n"
                : "Active with their ENIs in place at time 0 where the saved\n# network interfaces show one for every"
                + " subnet + security-group set they use (" + a.enis.size() + " Lambda ENIs seen), Inactive\n#"
                + " (idle: ENIs reclaimed, the first invocation fails and restores) where one is missing.\n");
        head.append("name: ").append(q(name)).append('\n');
        head.append("description: Imported from AWS CLI output\nseed: 1\n");
        head.append("duration: ").append(duration).append("s\nbucket: ").append(duration >= 7 * 86_400 ? "1h" : "1m")
                .append("\naccount: { concurrencyLimit: 1000 }   # placeholder\n");
        return head.append(body).toString();
    }

    /** Active if every key of the function has a Lambda ENI in the saved interfaces (or none were saved). */
    private static String state(Account a, Account.Function f) {
        if (a.enis.isEmpty() || f.subnets().isEmpty()) {
            return "Active";
        }
        Set<String> groups = new java.util.TreeSet<>(f.groups());
        for (String s : f.subnets()) {
            boolean found = a.enis.stream().anyMatch(e -> e.subnet().equals(s)
                    && new java.util.TreeSet<>(e.groups()).equals(groups));
            if (!found) {
                return "Inactive";
            }
        }
        return "Active";
    }

    private static void function(StringBuilder b, Account.Function f, Account.Traffic t, long t0,
            List<String> placeholders, String state) {
        b.append("  - name: ").append(q(f.name())).append('\n');
        b.append("    existing: ").append(state).append('\n');
        b.append("    memoryMb: ").append(Math.max(128, Math.min(10_240, f.memoryMb()))).append('\n');
        b.append("    timeout: ").append(Math.max(1, Math.min(900, f.timeoutSeconds()))).append("s\n");
        if (f.role() != null) {
            b.append("    role: ").append(q(f.role())).append('\n');
        }
        if (!f.subnets().isEmpty() && !f.groups().isEmpty()) {
            b.append("    vpcConfig: { subnetIds: [").append(String.join(", ", f.subnets().stream().map(Importer::q)
                    .toList())).append("], securityGroupIds: [").append(String.join(", ", f.groups().stream()
                    .map(Importer::q).toList())).append("] }\n");
        }
        if (t != null && t.averageDurationMs() != null && !t.averageDurationMs().isNaN()) {
            b.append(String.format(Locale.ROOT, "    duration: { dist: exponential, mean: %.0fms }   # CloudWatch"
                    + " average Duration%n", Math.max(1, t.averageDurationMs())));
        } else {
            b.append("    duration: 100ms   # placeholder\n");
            placeholders.add("functions[*].duration: 100ms where CloudWatch Duration was not given");
        }
        b.append("    connectionsPerInvocation: 1   # placeholder\n");
        placeholders.add("functions[*].connectionsPerInvocation: 1 (and no database pools)");
        if (t == null) {
            b.append("    arrivals: { poisson: 1/s }   # placeholder\n");
            placeholders.add("functions[*].arrivals: 1/s where CloudWatch Invocations were not given");
            return;
        }
        b.append("    arrivals:   # CloudWatch Invocations per ").append(t.periodSeconds()).append(" s\n");
        boolean any = false;
        for (Map.Entry<Long, Double> e : t.counts().entrySet()) {
            if (e.getValue() <= 0) {
                continue;
            }
            long from = e.getKey() - t0;
            any = true;
            b.append(String.format(Locale.ROOT, "      - { poisson: %s/s, from: %ds, until: %ds }%n",
                    rate(e.getValue() / t.periodSeconds()), from, from + t.periodSeconds()));
        }
        if (!any) {
            b.append("      - { none: true }\n");
        }
    }

    private static String rate(double perSecond) {
        return new java.math.BigDecimal(perSecond).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }

    private static String q(String s) {
        return PLAIN.matcher(s).matches() ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
