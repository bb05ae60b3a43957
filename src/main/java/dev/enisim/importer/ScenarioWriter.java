package dev.enisim.importer;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import dev.enisim.scenario.Defaults;
import dev.enisim.workload.InitPresets;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Writes the scenario YAML of an imported account: a header (a partial listing's PARTIAL warning first) saying
 * what came from where and listing every placeholder, then the account, VPCs and functions in a stable order (ids and names sorted), each derived or
 * guessed figure with a comment beside it.
 */
final class ScenarioWriter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/+-]*");
    /** Plain scalars YAML would read as something else than a string. */
    private static final Pattern SPECIAL = Pattern.compile("(?i)true|false|yes|no|on|off|y|n|null|[-+0-9.eE_:]+");
    static final String PLACEHOLDER_RATE = "1/s";
    static final String PLACEHOLDER_DURATION = "100ms";
    /** Lambda's default account concurrency limit, and the part of it that always stays unreserved [doc]. */
    static final int DEFAULT_CONCURRENCY = 1000;
    static final int UNRESERVED_MINIMUM = 100;

    private final Importer.Derived d;
    private final StringBuilder out = new StringBuilder();
    /** Sorted: the {@code functions[*]} lines come before the per-function ones. */
    private final TreeSet<String> placeholders = new TreeSet<>();
    /**
     * The placeholders said of single functions, by what is said ({@code .duration: 100ms (no CloudWatch Duration)}):
     * the functions (sorted), and the text that marks the value in each function's entry. Said of more than
     * {@link Importer#GROUP_ABOVE} functions, one line for all; else a line per function, as before.
     */
    private final Map<String, TreeSet<String>> perFunction = new TreeMap<>();
    private final Map<String, String> markedBy = new TreeMap<>();

    /** A placeholder of function {@code name}: {@code what} follows its path ({@code .duration: 100ms (...)}). */
    private void placeholder(String name, String what, String marker) {
        perFunction.computeIfAbsent(what, k -> new TreeSet<>()).add(name);
        markedBy.put(what, marker);
    }

    /** The per-function placeholders into the header's list: grouped when said of many functions. */
    private void groupPlaceholders() {
        perFunction.forEach((what, names) -> {
            if (names.size() > Importer.GROUP_ABOVE) {
                placeholders.add("functions[*]" + what + ", for " + names.size() + " functions: "
                        + Importer.names(new ArrayList<>(names), Importer.GROUP_ABOVE) + " (find each by `"
                        + markedBy.get(what) + "`)");
            } else {
                names.forEach(n -> placeholders.add("functions[" + n + "]" + what));
            }
        });
    }

    /** The default idle-reclaim period, as the header and the terminal say it: {@code 14d (hyperplane...)}. */
    static String idleReclaim() {
        return time(dev.enisim.scenario.Scenario.Hyperplane.DEFAULT.idleReclaimAfterMicros() / 1_000_000)
                + " (hyperplane.idleReclaimAfter, an assumption: AWS says \"consecutive weeks\")";
    }

    ScenarioWriter(Importer.Derived derived) {
        this.d = derived;
    }

    String write(String name) {
        StringBuilder body = new StringBuilder();
        vpcs(body);
        body.append("functions:\n");
        for (Account.Function f : d.account().functions.values()) {
            function(body, f);
        }
        replayedUpdates(body);
        unheardNotes();
        header(name);
        return ImportSeal.seal(out.append(body).toString());
    }

    /**
     * Functions given no traffic though not idle: [0] Failed, [1] Pending (being created), each without CloudWatch
     * Invocations (r1: a placeholder 1/s for them read as IP faults and ResourceConflictExceptions); [2] fed by an
     * SQS queue, whose arrivals (messages) come from CloudWatch Invocations (batches).
     */
    private final List<List<String>> unheard = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

    private void unheardNotes() {
        List<String> failed = unheard.get(0);
        List<String> pending = unheard.get(1);
        if (!failed.isEmpty()) {
            d.notes().add(Importer.names(failed, Importer.GROUP_ABOVE) + (failed.size() == 1 ? " is" : " are")
                    + " Failed with no CloudWatch Invocations, so no traffic is invented (arrivals: none): Lambda runs"
                    + " none of a Failed function's invocations, and CloudWatch's Invocations count only those that"
                    + " ran. AWS's fix is to delete and recreate the function; to model it, add a timeline"
                    + " deleteFunction then createFunction and give arrivals for the calls its callers make");
        }
        if (!pending.isEmpty()) {
            d.notes().add(Importer.names(pending, Importer.GROUP_ABOVE) + (pending.size() == 1 ? " is" : " are")
                    + " Pending (being created) with no CloudWatch Invocations, so no traffic is invented (arrivals:"
                    + " none): invented calls would fail with ResourceConflictException while Pending and read as"
                    + " faults; give arrivals for the calls expected once Active");
        }
        List<String> batches = unheard.get(2);
        if (!batches.isEmpty()) {
            d.notes().add(Importer.names(batches, Importer.GROUP_ABOVE) + (batches.size() == 1 ? " is" : " are")
                    + " fed by an SQS queue (eventSourceMapping): the arrivals are messages sent to the queue, but"
                    + " they come from CloudWatch Invocations, which count batches of 1 to batchSize messages each, so"
                    + " the messages are understated (up to batchSize times): give the queue's NumberOfMessagesSent"
                    + " (AWS/SQS) as the arrivals for the true count");
        }
    }

    private void header(String name) {
        Account acc = d.account();
        // the first line stays the mark of a file import wrote (so that -o may replace it); a partial import says so
        // there, and its warnings come next, before anything else
        out.append("# Generated by `enisim import` from ").append(acc.partial.isEmpty() ? "saved" : "PARTIAL")
                .append(" AWS CLI output: review it before use.\n");
        acc.partial.forEach(p -> bullet(p));
        out.append("#\n# Read from:\n");
        d.sources().forEach(s -> out.append("#   ").append(c(s)).append('\n'));
        out.append("#\n# Derived from those files: subnets, their CIDRs and AZs; other tenants' addresses per subnet\n"
                + "# (usable - AvailableIpAddressCount - the Lambda ENIs this scenario recreates at time 0); functions'\n"
                + "# memory, timeout, role and VpcConfig, and their state at time 0 (`existing`, see below)");
        out.append(d.traffic().isEmpty() ? ".\n" : ";\n# traffic: CloudWatch Invocations (Sum) per period as Poisson phases,"
                + " and mean Duration (Average).\n");
        if (d.startsAtWhy() != null) {
            java.time.Instant start = java.time.Instant.ofEpochSecond(d.startEpochSeconds());
            out.append("#\n");
            paragraph("TIME 0 is startsAt, " + start + " (UTC), " + d.startsAtWhy() + ". Every arrivals `from` and"
                    + " `until` and every `timeline[*].at` is an offset from it: an action at " + clock(start, 4200)
                    + " UTC is `at: 1h10m`, or the date-time itself (`at: " + start.plusSeconds(4200) + "`).");
        }
        out.append("#\n# PLACEHOLDERS: not in these files. Each is written below with a default and marked \"placeholder\";\n"
                + "# replace them with your own figures (or try others with `enisim run --set PATH=VALUE`):\n");
        if (acc.eniQuota == null) {
            out.append("#   - vpcs[*].eniQuota: 500, Lambda's default Hyperplane ENI quota per VPC, a placeholder: give\n"
                    + "#     `aws service-quotas get-service-quota --service-code lambda --quota-code L-9FEE3D26` output\n"
                    + "#     with --service-quotas FILE, or try yours with `--set vpcs[0].eniQuota=N`\n");
        }
        if (acc.provisioned.isEmpty()) {
            out.append("#   - provisionedConcurrency: none (these exports do not show it; give `aws lambda\n"
                    + "#     get-provisioned-concurrency-config` output with --provisioned-concurrency FUNCTION=FILE)\n");
        }
        if (acc.concurrencyLimit == null) {
            out.append(acc.functionAccounts.isEmpty() ? "#   - account.concurrencyLimit: "
                    : "#   - accounts[*].concurrencyLimit: ").append(acc.raisedConcurrency == null ? DEFAULT_CONCURRENCY
                    : acc.raisedConcurrency).append(", ").append(acc.raisedConcurrency == null ? "the default"
                    : "raised to fit the reserved concurrency").append(" (see `aws lambda get-account-settings`)\n");
        }
        long listedInRegion = d.otherNetworkInterfaces() + vpcOtherEnis + recreatedEnis;
        if (listedInRegion > Defaults.NETWORK_INTERFACES_PER_REGION && acc.regionQuota == null) {
            out.append("#   - account.networkInterfacesPerRegion: ").append(listedInRegion).append(", raised from EC2's"
                    + " default 5000 to hold the interfaces listed (see Service Quotas, L-DF5E4CA3)\n");
        }
        if (acc.functions.values().stream().anyMatch(f -> f.reserved() == null)) {
            out.append("#   - reservedConcurrency: none where list-functions was the source (it does not show it; use\n"
                    + "#     get-function, or `aws lambda get-function-concurrency` with --concurrency FUNCTION=FILE)\n");
        }
        out.append("#   - functions[*].connectionsPerInvocation: 1, and no database pools (connectionsPerEnvironment: 0)\n");
        placeholders.add("functions[*].invocationType: RequestResponse: every function's arrivals are direct"
                + " synchronous calls, as asynchronous (Event) callers (S3, SNS, EventBridge) show in none of these"
                + " exports" + (acc.mappingsGiven ? "; SQS triggers from list-event-source-mappings are imported"
                : ", nor SQS triggers without --event-source-mappings (aws lambda list-event-source-mappings)"));
        groupPlaceholders();
        placeholders.forEach(p -> bullet(p));
        out.append("#\n# Functions that exist already start as `existing: Active`, with one in-use ENI per key (subnet +\n"
                + "# security-group set) at time 0, or `existing: Inactive` (idle: ENIs reclaimed, the first invocation\n"
                + "# fails and restores it); Hyperplane timings are the model's defaults (scenarios/README.md).\n");
        long scaled = d.startedKeys().values().stream().filter(n -> n > 1).count();
        if (scaled > 0) {
            int enis = d.startedKeys().values().stream().filter(n -> n > 1).mapToInt(Integer::intValue).sum();
            paragraph("A key with several Lambda ENIs listed (Hyperplane scaled it out) starts with all of them: "
                    + scaled + " key(s), " + enis + " ENI(s), in vpcs[*].enisAtStart; they carry the key's connections"
                    + " and go with the key (idle reclaim), as Lambda's own.");
        }
        if (acc.functions.values().stream().anyMatch(f -> Importer.restoreReason(f.state()) != null)) {
            out.append("# A function saved Inactive with a StateReasonCode other than Idle starts `existing: Inactive` with\n"
                    + "# that `stateReasonCode`: its last restore failed for that reason; its next invocation fails and\n"
                    + "# tries the restore again.\n");
        }
        if (d.start().containsValue("Failed")) {
            out.append("# A function saved Failed starts `existing: Failed` with its `stateReasonCode`: its creation failed,\n"
                    + "# so it holds no ENI and every invocation fails until it is deleted and recreated.\n");
        }
        if (!d.quiet().isEmpty()) {
            out.append("#\n");
            paragraph("QUIET IN THE WINDOW: " + d.quiet().size() + " VPC function(s) start `existing: Active`, yet"
                    + " CloudWatch counted no invocation of them in the whole " + time(d.durationSeconds()) + " window"
                    + " saved: " + Importer.names(d.quiet(), Importer.QUIET_NAMED) + ". Lambda makes a function"
                    + " Inactive once it has been idle for the idle-reclaim period, " + idleReclaim() + "; its next"
                    + " invocation then fails (ResourceNotReadyException) while its ENIs are restored. The run starts"
                    + " their idle clock at time 0, as enisim cannot know how long before the window they were quiet:"
                    + " one quiet for longer goes Inactive sooner in AWS than in the run. Set `existing: Inactive` for"
                    + " those you know to be idle, or save a longer window (`enisim plan` gives the longest quiet spell"
                    + " the rule allows, and a keep-warm interval).");
        }
        if (!d.notes().isEmpty()) {
            out.append("#\n# NOTES:\n");
            d.notes().forEach(n -> bullet(n));
        }
        out.append("name: ").append(q(name)).append("\ndescription: Imported from AWS CLI output\nseed: 1\n");
        if (d.startsAtWhy() != null) {
            out.append("startsAt: ").append(java.time.Instant.ofEpochSecond(d.startEpochSeconds())).append("   # ")
                    .append(d.startsAtWhy().startsWith("the CloudWatch window's start") ? "--start-time" : "the first CloudWatch data point")
                    .append(": time 0 (TIME 0 above)\n");
        }
        out.append("duration: ").append(time(d.durationSeconds())).append("\nbucket: ")
                .append(d.durationSeconds() >= 7 * 86_400 ? "1h" : "1m").append('\n');
        boolean several = !acc.functionAccounts.isEmpty();
        out.append(several ? "accounts:\n  - { id: \"" + acc.functionAccounts.get(0) + "\", concurrencyLimit: "
                : "account: { concurrencyLimit: ").append(acc.concurrencyLimit != null ? acc.concurrencyLimit
                : acc.raisedConcurrency == null ? DEFAULT_CONCURRENCY : acc.raisedConcurrency);
        if (acc.concurrencyLimit != null && Checks.unreservedMinimum(acc.concurrencyLimit) != UNRESERVED_MINIMUM) {
            out.append(", unreservedMinimum: ").append(Checks.unreservedMinimum(acc.concurrencyLimit));
        }
        int outside = d.otherNetworkInterfaces();
        // every interface listed is in the Region: more than EC2's default quota means the account's is raised
        long listed = listedInRegion;
        boolean quoted = acc.regionQuota != null; // Service Quotas' L-DF5E4CA3, raised only to hold those listed
        boolean raised = quoted ? listed > acc.regionQuota : listed > Defaults.NETWORK_INTERFACES_PER_REGION;
        if (quoted || raised) {
            out.append(", networkInterfacesPerRegion: ").append(raised ? listed : acc.regionQuota);
        }
        if (outside > 0) {
            out.append(", otherNetworkInterfaces: ").append(outside);
        }
        List<String> says = new ArrayList<>();
        says.add(acc.concurrencyLimit == null ? "placeholder" : acc.concurrencyLimitFrom != null
                ? "concurrencyLimit: Service Quotas: " + c(acc.concurrencyLimitFrom) : "get-account-settings");
        if (acc.concurrencyLimit != null && Checks.unreservedMinimum(acc.concurrencyLimit) != UNRESERVED_MINIMUM) {
            says.add("unreservedMinimum: the whole limit, below Lambda's 100 unreserved: no function can reserve any");
        }
        if (quoted) {
            says.add("networkInterfacesPerRegion: Service Quotas: " + c(acc.regionQuotaFrom) + (several
                    ? " (account " + acc.functionAccounts.get(0) + "'s)" : "") + (raised ? ", "
                    + acc.regionQuota + ", raised to hold the " + listed + " interfaces listed" : ""));
        } else if (raised) {
            says.add("networkInterfacesPerRegion: placeholder, raised to hold the " + listed + " interfaces listed"
                    + " (see Service Quotas, L-DF5E4CA3)");
        }
        if (outside > 0) {
            says.add("otherNetworkInterfaces: describe-network-interfaces, in no VPC's ENI quota: the Region's");
        }
        out.append(" }   # ").append(String.join("; ", says)).append('\n');
        if (several) {
            String limit = "concurrencyLimit: " + (acc.concurrencyLimit != null ? acc.concurrencyLimit
                    : acc.raisedConcurrency == null ? DEFAULT_CONCURRENCY : acc.raisedConcurrency)
                    + (acc.concurrencyLimit != null && Checks.unreservedMinimum(acc.concurrencyLimit)
                    != UNRESERVED_MINIMUM ? ", unreservedMinimum: " + Checks.unreservedMinimum(acc.concurrencyLimit)
                    : "");
            String whose = acc.concurrencyLimit != null ? "get-account-settings (it does not name its account: the"
                    + " same for each)" : "placeholder";
            if (acc.concurrencyLimitFrom != null) { // the first account's own quota: not another's
                limit = "concurrencyLimit: " + DEFAULT_CONCURRENCY;
                whose = "placeholder (Service Quotas gave L-B99A9384 for the first account only)";
            }
            for (String id : acc.functionAccounts.subList(1, acc.functionAccounts.size())) {
                Integer own = acc.accountConcurrency.get(id); // its own Concurrent executions quota (L-B99A9384)
                out.append("  - { id: \"").append(id).append("\", ").append(own == null ? limit : "concurrencyLimit: "
                        + own + (Checks.unreservedMinimum(own) != UNRESERVED_MINIMUM ? ", unreservedMinimum: "
                        + Checks.unreservedMinimum(own) : "")).append(regionQuota(id)).append(" }   # ")
                        .append(own == null ? whose : "concurrencyLimit: Service Quotas: "
                        + c(acc.concurrencyQuotasFrom.get(id)) + " (account " + id + "'s)").append(regionQuotaSays(id))
                        .append('\n');
            }
            for (String owner : new TreeSet<>(acc.vpcOwner.values())) {
                if (!acc.functionAccounts.contains(owner)) {
                    out.append("  - { id: \"").append(owner).append('"').append(regionQuota(owner))
                            .append(" }   # owns ").append(String.join(", ", vpcsOf(owner))).append(
                            " (describe-subnets OwnerId); no function of it imported").append(regionQuotaSays(owner))
                            .append('\n');
                }
            }
        }
    }

    /** An account's own Region quota from Service Quotas (its QuotaArn's), as a field, else nothing. */
    private String regionQuota(String id) {
        Integer v = ExtraInputs.regionQuotaOf(d.account(), id);
        return v == null ? "" : ", networkInterfacesPerRegion: " + v;
    }

    /** Where that quota came from, for the row's comment. */
    private String regionQuotaSays(String id) {
        Integer v = ExtraInputs.regionQuotaOf(d.account(), id);
        return v == null ? "" : "; networkInterfacesPerRegion: Service Quotas: " + c(d.account().regionQuotasFrom
                .get(id)) + " (account " + id + "'s)";
    }

    /** A VPC's Lambda ENI quota from Service Quotas: its owner's (with several accounts), else null. */
    private Integer eniQuota(String vpc) {
        Account a = d.account();
        if (a.functionAccounts.isEmpty()) {
            return a.eniQuota;
        }
        String owner = a.vpcOwner.getOrDefault(vpc, a.functionAccounts.get(0));
        return owner.equals(a.functionAccounts.get(0)) ? a.eniQuota : a.eniQuotas.get(owner);
    }

    /** Where {@link #eniQuota} came from. */
    private String eniQuotaFrom(String vpc) {
        Account a = d.account();
        if (a.functionAccounts.isEmpty()) {
            return c(a.eniQuotaFrom);
        }
        String owner = a.vpcOwner.getOrDefault(vpc, a.functionAccounts.get(0));
        return c(owner.equals(a.functionAccounts.get(0)) ? a.eniQuotaFrom : a.eniQuotasFrom.get(owner))
                + " (account " + owner + "'s, the VPC's owner)";
    }

    /** The VPCs whose subnets name {@code owner} as their OwnerId. */
    private List<String> vpcsOf(String owner) {
        List<String> out = new ArrayList<>();
        d.account().vpcOwner.forEach((vpc, o) -> {
            if (o.equals(owner)) {
                out.add(vpc);
            }
        });
        return out;
    }

    /** The UTC wall-clock time {@code seconds} after {@code start}: {@code 23:10}. */
    private static String clock(java.time.Instant start, long seconds) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(java.time.ZoneOffset.UTC)
                .format(start.plusSeconds(seconds));
    }

    /** A list item of the header, wrapped at word boundaries to stay readable. */
    private void bullet(String text) {
        wrapped(text, "#   - ", "#     ");
    }

    /** A paragraph of the header, wrapped as {@link #bullet} wraps. */
    private void paragraph(String text) {
        wrapped(text, "# ", "# ");
    }

    private void wrapped(String text, String prefix, String next) {
        int width = prefix.length();
        out.append(prefix);
        for (String word : c(text).split(" ")) {
            if (width + 1 + word.length() > 112 && width > prefix.length()) {
                out.append("\n").append(next);
                width = prefix.length();
            } else if (width > prefix.length()) {
                out.append(' ');
                width++;
            }
            out.append(word);
            width += word.length();
        }
        out.append('\n');
    }

    /** The VPCs' otherUsedEnis and the Lambda ENIs recreated at time 0, summed as {@link #vpcs} writes them. */
    private long vpcOtherEnis;
    private long recreatedEnis;

    private void vpcs(StringBuilder b) {
        Map<String, List<Account.Subnet>> byVpc = new TreeMap<>();
        for (Account.Subnet s : d.account().subnets.values()) {
            byVpc.computeIfAbsent(s.vpc(), k -> new ArrayList<>()).add(s);
        }
        b.append(byVpc.isEmpty() ? "vpcs: []   # no subnet in the saved output\n" : "vpcs:\n");
        for (Map.Entry<String, List<Account.Subnet>> v : byVpc.entrySet()) {
            int otherLambda = d.otherLambdaEnis().getOrDefault(v.getKey(), 0);
            Map<String, Integer> services = d.otherServiceEnis().getOrDefault(v.getKey(), new TreeMap<>());
            int otherServices = services.values().stream().mapToInt(Integer::intValue).sum();
            int otherEnis = otherLambda + otherServices;
            vpcOtherEnis += otherEnis;
            int recreated = 0;
            for (Account.Subnet s : v.getValue()) {
                recreated += d.enisAtStart().getOrDefault(s.id(), 0);
            }
            recreatedEnis += recreated;
            Integer imported = eniQuota(v.getKey());
            int quota = imported != null ? imported : Math.max(Defaults.ENI_QUOTA, recreated + otherEnis);
            b.append("  - id: ").append(q(v.getKey())).append('\n');
            String vpcName = d.account().vpcName.get(v.getKey());
            if (displayable(vpcName)) {
                b.append("    name: ").append(q(vpcName)).append("   # Name tag (describe-vpcs): a label only\n");
            }
            String owner = d.account().vpcOwner.get(v.getKey());
            if (!d.account().functionAccounts.isEmpty() && owner != null) {
                b.append("    owner: \"").append(owner).append("\"   # describe-subnets OwnerId\n");
            }
            b.append("    eniQuota: ").append(quota)
                    .append(imported != null ? "   # Service Quotas: " + eniQuotaFrom(v.getKey())
                    + (quota < recreated + otherEnis ? "; fewer than the " + (recreated + otherEnis) + " ENIs listed"
                    : "") + "\n"
                    : quota == Defaults.ENI_QUOTA ? "   # placeholder\n"
                    : otherServices == 0 ? "   # placeholder, raised to hold the " + quota + " Lambda ENIs listed\n"
                    : "   # placeholder, raised to hold the " + quota + " ENIs listed (" + (quota - otherServices)
                    + " Lambda's, " + otherServices + " other services')\n");
            quotaCountedPer(b, v.getKey());
            if (otherEnis > 0) {
                List<String> parts = new ArrayList<>();
                int efs = services.getOrDefault(Account.EFS, 0);
                if (efs > 0) {
                    parts.add(efs + " " + Account.EFS + " ENI(s) (the quota is shared with EFS [doc])");
                }
                String assumed = Importer.assumedKinds(services);
                if (!assumed.isEmpty()) {
                    parts.add("assumed to share the quota: " + assumed);
                }
                int unlisted = d.unlistedLambdaEnis().getOrDefault(v.getKey(), 0);
                if (otherLambda > unlisted) {
                    parts.add((otherLambda - unlisted) + " Lambda ENI(s) listed that no key the functions start with"
                            + " takes (" + vpcExtraKinds(v.getValue()) + ")");
                }
                if (unlisted > 0) {
                    parts.add(unlisted + " Lambda ENI(s) in subnets no describe-subnets file lists, of this VPC by"
                            + " their VpcId");
                }
                b.append("    otherUsedEnis: ").append(otherEnis).append("   # ").append(String.join("; ", parts))
                        .append('\n');
            }
            b.append("    subnets:\n");
            List<Account.Subnet> subnets = new ArrayList<>(v.getValue());
            subnets.sort(Comparator.comparing(Account.Subnet::az).thenComparing(Account.Subnet::id));
            for (Account.Subnet s : subnets) {
                subnet(b, s);
            }
            TreeSet<String> groups = d.groups().getOrDefault(v.getKey(), new TreeSet<>());
            b.append("    securityGroups: ").append(list(groups)).append('\n');
            // each group's Name tag, else its GroupName, as the pages label it: "checkout-lambda (sg-0a11...)"
            List<String> named = new ArrayList<>();
            boolean tagged = false;
            for (String g : groups) {
                String tag = d.account().groupNameTag.get(g);
                String name = displayable(tag) ? tag : d.account().groupName.get(g);
                if (displayable(name)) {
                    named.add("{ id: " + q(g) + ", name: " + q(name) + " }");
                    tagged |= name.equals(tag);
                }
            }
            if (!named.isEmpty()) {
                b.append("    securityGroupNames: [").append(String.join(", ", named)).append("]   # ")
                        .append(tagged ? "Name tag, else GroupName" : "GroupName")
                        .append(" (describe-security-groups): labels only\n");
            }
            scaledOut(b, v.getValue());
        }
    }

    /**
     * A VPC the functions of several accounts use (or of an account other than its owner: shared through AWS RAM):
     * {@code eniQuotaCountedPer} written with its default, {@code vpc}, and a comment saying it is an assumption and
     * what {@code account} would mean, so that the importing user sees the choice.
     */
    private void quotaCountedPer(StringBuilder b, String vpc) {
        Account acc = d.account();
        if (acc.functionAccounts.isEmpty()) {
            return;
        }
        java.util.Set<String> accounts = new TreeSet<>();
        for (Account.Function f : acc.functions.values()) {
            Account.Subnet s = f.inVpc() ? acc.subnets.get(f.subnets().get(0)) : null;
            if (s != null && s.vpc().equals(vpc) && acc.accountOf.get(f.name()) != null) {
                accounts.add(acc.accountOf.get(f.name()));
            }
        }
        String owner = acc.vpcOwner.get(vpc);
        if (owner != null && !accounts.isEmpty()) {
            accounts.add(owner);
        }
        if (accounts.size() > 1) {
            b.append("    eniQuotaCountedPer: vpc   # [assumed] the default: one eniQuota for the Lambda ENIs of every"
                    + " account in this shared VPC (").append(String.join(", ", accounts)).append("); `account` would"
                    + " give each account its own copy of it. AWS does not say which (scenarios/README.md)\n");
        }
    }

    /**
     * The VPC's keys that start with more than one ENI ({@code enisAtStart}): as many as describe-network-interfaces
     * lists for each (Hyperplane had scaled it out); nothing when every key starts with one.
     */
    private void scaledOut(StringBuilder b, List<Account.Subnet> subnets) {
        List<String> ids = subnets.stream().map(Account.Subnet::id).toList();
        List<String> lines = new ArrayList<>();
        d.startedKeys().forEach((k, n) -> {
            if (n > 1 && ids.contains(k.subnet())) {
                lines.add("      - { subnetId: " + q(k.subnet()) + ", securityGroupIds: " + list(k.groups())
                        + (k.account().isEmpty() ? "" : ", account: \"" + k.account() + "\"") + ", enis: " + n
                        + " }   # " + n + " Lambda ENIs listed for this key (in-use or available)\n");
            }
        });
        if (!lines.isEmpty()) {
            b.append("    enisAtStart:   # keys Hyperplane had scaled out: each starts with every Lambda ENI listed for"
                    + " it (describe-network-interfaces), not one\n");
            lines.forEach(b::append);
        }
    }

    /**
     * A Name tag or GroupName the scenario takes as a display name (ScenarioLoader's rule: 1 to 256 characters on
     * one line); another (an empty Name tag, AWS allows one) is left out, and stays in the subnet's comment.
     */
    static boolean displayable(String name) {
        return name != null && !name.isBlank() && name.codePointCount(0, name.length()) <= 256
                && name.codePoints().noneMatch(Character::isISOControl);
    }

    private void subnet(StringBuilder b, Account.Subnet s) {
        long inUse = s.usableIps() - s.availableIps();
        int recreated = d.enisAtStart().getOrDefault(s.id(), 0);
        int seen = d.lambdaEnis().getOrDefault(s.id(), 0);
        long others = Math.max(0, inUse - recreated);
        b.append("      - { id: ").append(q(s.id())).append(", cidr: ").append(s.cidr()).append(", az: ")
                .append(q(s.az())).append(", otherUsedIps: ").append(others)
                .append(s.ipv6Cidr() == null ? "" : ", ipv6Cidr: " + q(s.ipv6Cidr()))
                .append(displayable(s.name()) ? ", name: " + q(s.name()) : "").append(" }   # ");
        if (s.name() != null && !displayable(s.name())) { // a Name tag the scenario cannot take, said as before
            b.append(c(s.name())).append(": ");
        }
        b.append(s.availableIps()).append(" of ").append(s.usableIps()).append(" free; ").append(inUse);
        if (recreated > inUse) { // the files disagree: say so, not a sum that does not add up
            b.append(" in use, yet ").append(recreated).append(" Lambda ENI(s) are recreated here at time 0");
            if (d.enisGiven()) {
                b.append(seen == 0 ? " (none listed here)" : " (" + seen + " listed here)");
            }
            b.append(": ").append(recreated - inUse).append(" more than AvailableIpAddressCount accounts for, so the run"
                    + " starts with ").append(s.usableIps() - recreated).append(" free; 0 other");
        } else {
            b.append(" in use = ").append(recreated).append(" Lambda ENI(s) recreated at time 0");
            int keys = 0;
            int scaled = 0;
            for (Map.Entry<Importer.StartedKey, Integer> k : d.startedKeys().entrySet()) {
                if (k.getKey().subnet().equals(s.id())) {
                    keys++;
                    scaled += k.getValue() > 1 ? 1 : 0;
                }
            }
            if (scaled > 0) {
                b.append(" (").append(keys).append(" key(s), ").append(scaled).append(" of them scaled out:"
                        + " enisAtStart)");
            }
            b.append(" + ").append(others).append(" other");
            int[] kinds = d.extraLambdaEnis().getOrDefault(s.id(), new int[3]);
            int extra = kinds[0] + kinds[1] + kinds[2];
            String of = extraKinds(kinds);
            if (extra > 0 && extra <= others) {
                b.append(" (incl. ").append(extra).append(" Lambda ENI(s)").append(of.contains(", ") ? ": " : " ")
                        .append(of).append(")");
            } else if (extra > others && others > 0) {
                b.append(" (incl. ").append(others).append(" of the ").append(extra).append(" Lambda ENI(s) ")
                        .append(of).append(" listed here; AvailableIpAddressCount does not account for the other ")
                        .append(extra - others).append(")");
            } else if (extra > others) {
                b.append("; the ENI list shows ").append(extra).append(" more Lambda ENI(s) here, ").append(of)
                        .append(", that AvailableIpAddressCount does not account for");
            }
        }
        b.append('\n');
    }

    /** The kinds of a VPC's Lambda ENIs that no started key takes, summed over its subnets. */
    private String vpcExtraKinds(List<Account.Subnet> subnets) {
        int[] sum = new int[3];
        for (Account.Subnet s : subnets) {
            int[] k = d.extraLambdaEnis().getOrDefault(s.id(), new int[3]);
            for (int i = 0; i < 3; i++) {
                sum[i] += k[i];
            }
        }
        List<String> parts = new ArrayList<>();
        if (sum[0] > 0) {
            parts.add(sum[0] + " beyond one per key of a subnet and security groups several accounts start on, whose"
                    + " OwnerId names none of them");
        }
        if (sum[1] > 0) {
            parts.add(sum[1] + " of keys of functions not Active at time 0");
        }
        if (sum[2] > 0) {
            parts.add(sum[2] + " of no imported key: old versions, other functions, changed VpcConfigs");
        }
        return String.join("; ", parts);
    }

    /** What the Lambda ENIs of a subnet that no started key takes are (see Importer.keyEnis). */
    private static String extraKinds(int[] kinds) {
        List<String> parts = new ArrayList<>();
        String[] what = {"beyond one per key of several accounts on the same security groups, whose OwnerId names"
                + " none of them", "of a key of an imported function not Active at time 0", "of no imported key"};
        int kindsPresent = 0;
        for (int k : kinds) {
            kindsPresent += k > 0 ? 1 : 0;
        }
        for (int i = 0; i < 3; i++) {
            if (kinds[i] > 0) {
                parts.add(kindsPresent == 1 ? what[i] : kinds[i] + " " + what[i]);
            }
        }
        return String.join(", ", parts);
    }

    private void function(StringBuilder b, Account.Function f) {
        b.append("  - name: ").append(q(f.name().substring(f.name().indexOf(':') + 1))).append('\n');
        String account = d.account().accountOf.get(f.name());
        if (account != null) {
            b.append("    account: \"").append(account).append('"').append(f.account() == null
                    ? "   # placeholder: no FunctionArn to tell (NOTES)" : "   # FunctionArn").append('\n');
        }
        String start = d.start().get(f.name());
        if (start == null) {
            b.append("    createdAt: 0s   # State ").append(c(f.state())).append(": created at the start, as if again\n");
        } else {
            b.append("    existing: ").append(start).append("   # ").append(c(d.startReason().get(f.name()))).append('\n');
        }
        b.append("Active".equals(start) ? "    warmEnvironments: auto   # its traffic's idle environments at 0\n" : "");
        if ("Failed".equals(start)) {
            String saved = Importer.savedReason(f.state());
            String code = Importer.failedReason(f.state()).name();
            b.append("    stateReasonCode: ").append(code).append("   # ").append(saved == null
                    ? "none saved: the default" : code.equals(saved) ? "StateReasonCode (" + f.stateSource() + ")"
                    : "stands for " + c(saved) + ", which enisim does not simulate (NOTES)").append('\n');
        }
        dev.enisim.model.function.StateReasonCode restore = "Inactive".equals(start) ? Importer.restoreReason(f.state())
                : null;
        if (restore != null) {
            b.append("    stateReasonCode: ").append(restore.name()).append("   # StateReasonCode (").append(f.stateSource())
                    .append("): its last restore failed\n");
        }
        b.append("    memoryMb: ").append(f.memoryMb()).append(marked(f, "memoryMb")).append('\n');
        b.append("    timeout: ").append(time(f.timeoutSeconds())).append(marked(f, "timeout")).append('\n');
        initPreset(b, f.pkg(), f.name(), f.snapStart());
        if (f.reserved() != null) {
            b.append("    reservedConcurrency: ").append(f.reserved()).append('\n');
        }
        if (d.account().provisioned.containsKey(f.name())) {
            b.append("    provisionedConcurrency: ").append(d.account().provisioned.get(f.name()))
                    .append("   # ").append(c(d.account().provisionedSays.get(f.name()))).append(" (")
                    .append(c(d.account().provisionedFrom.get(f.name()))).append(")\n");
        }
        if (f.role() != null) {
            b.append("    role: ").append(q(f.role())).append('\n');
        }
        tags(b, f.name());
        if (f.inVpc()) {
            b.append("    vpcConfig: { subnetIds: ").append(list(f.subnets())).append(", securityGroupIds: ")
                    .append(list(f.groups())).append(dualStack(f) ? ", ipv6AllowedForDualStack: true" : "")
                    .append(" }").append(f.ipv6AllowedForDualStack() && !dualStack(f) ? "   # placeholder:"
                    + " ipv6AllowedForDualStack left out (NOTES)" : d.account().replayedUpdates.containsKey(f.name())
                    ? "   # as its listed ENIs show: the update under way moves it (timeline, NOTES)" : "")
                    .append('\n');
            if (f.ipv6AllowedForDualStack() && !dualStack(f)) {
                b.append("    # Ipv6AllowedForDualStack left out: not every one of its subnets has an IPv6 CIDR in the"
                        + " subnets given\n");
                placeholder(f.name(), ".vpcConfig.ipv6AllowedForDualStack: left out (false), though the function"
                        + " sets Ipv6AllowedForDualStack: true", "# placeholder: ipv6AllowedForDualStack left out");
                d.notes().add(f.name() + ": Ipv6AllowedForDualStack: true left out (its ENIs get no IPv6 address in"
                        + " the run): not every one of its subnets (" + String.join(", ", f.subnets()) + ") has an"
                        + " associated IPv6 CIDR in the describe-subnets output given");
            }
        }
        CloudWatch.Traffic t = d.traffic().get(f.name());
        Double mean = t != null ? t.meanDurationMs() : d.durationOnly().get(f.name());
        if (mean != null) {
            b.append(String.format(Locale.ROOT, "    duration: { dist: exponential, mean: %dms }   # CloudWatch mean"
                    + " Duration; the shape is a placeholder%n", Math.max(1, Math.round(mean))));
            placeholders.add("functions[*].duration: exponential around CloudWatch's mean Duration (CloudWatch gives"
                    + " averages, not the spread)");
        } else {
            b.append("    duration: ").append(PLACEHOLDER_DURATION).append("   # placeholder\n");
            placeholder(f.name(), ".duration: " + PLACEHOLDER_DURATION + " (no CloudWatch Duration)", "duration: "
                    + PLACEHOLDER_DURATION);
        }
        b.append("    connectionsPerInvocation: 1   # placeholder\n");
        if (t == null && Importer.idle(d.account(), d.start(), f.name())) { // judged idle: no traffic invented
            b.append("    arrivals: { none: true }   # placeholder: Inactive (idle) and no CloudWatch Invocations: no"
                    + " traffic invented\n");
            placeholder(f.name(), ".arrivals: none (Inactive, idle, and no CloudWatch Invocations: no traffic"
                    + " invented)", "arrivals: { none: true }");
        } else if (t == null && "Failed".equals(start)) { // r1: 1/s invented for a Failed function read as IP faults
            b.append("    arrivals: { none: true }   # Failed, and no CloudWatch Invocations: no traffic invented\n");
            placeholder(f.name(), ".arrivals: none (Failed, and no CloudWatch Invocations: no traffic invented)",
                    "arrivals: { none: true }   # Failed");
            unheard.get(0).add(f.name());
        } else if (t == null && start == null && "Pending".equals(f.state())) { // being created: no history yet
            b.append("    arrivals: { none: true }   # Pending (being created), and no CloudWatch Invocations: no"
                    + " traffic invented\n");
            placeholder(f.name(), ".arrivals: none (Pending, being created, and no CloudWatch Invocations: no traffic"
                    + " invented)", "arrivals: { none: true }   # Pending");
            unheard.get(1).add(f.name());
        } else if (t == null) {
            b.append("    arrivals: { poisson: ").append(PLACEHOLDER_RATE).append(" }   # placeholder\n");
            placeholder(f.name(), ".arrivals: " + PLACEHOLDER_RATE + " (no CloudWatch Invocations)", "arrivals: {"
                    + " poisson: " + PLACEHOLDER_RATE + " }");
        } else {
            arrivals(b, t);
        }
        sqs(b, f, t != null);
    }

    /**
     * The updates under way when saved, replayed ({@link Importer#replayUpdates}): each an updateVpcConfig to the
     * VpcConfig printed, at its LastModified when inside the window, else at 0.
     */
    private void replayedUpdates(StringBuilder b) {
        if (d.account().replayedUpdates.isEmpty()) {
            return;
        }
        b.append("timeline:\n");
        d.account().replayedUpdates.forEach((name, r) -> b.append("  - { at: ").append(time(r.atSeconds()))
                .append(", action: updateVpcConfig, function: ").append(q(name)).append(", vpcConfig: { subnetIds: ")
                .append(list(r.subnets())).append(", securityGroupIds: ").append(list(r.groups())).append(" } }   #")
                .append(" LastUpdateStatus InProgress when saved: the VpcConfig printed, ").append(r.atLastModified()
                ? "at its LastModified" : "at time 0").append(" (NOTES)\n"));
    }

    /**
     * The function's SQS mapping from list-event-source-mappings: its queue's visibility timeout is a placeholder
     * (not in that output), and arrivals taken from CloudWatch Invocations count batches, not messages (a note).
     */
    private void sqs(StringBuilder b, Account.Function f, boolean fromInvocations) {
        EventSourceMappings.Sqs m = d.account().sqs.get(f.name());
        if (m == null) {
            return;
        }
        String visibility = time(Math.max(30, f.timeoutSeconds()));
        b.append("    eventSourceMapping: { type: sqs, batchSize: ").append(m.batchSize())
                .append(m.maximumConcurrency() == null ? "" : ", maximumConcurrency: " + m.maximumConcurrency())
                .append(", queue: { visibilityTimeout: ").append(visibility).append(" } }   # placeholder:"
                + " visibilityTimeout; queue ").append(c(m.queue())).append(" (list-event-source-mappings, ")
                .append(c(m.from())).append(")\n");
        placeholder(f.name(), ".eventSourceMapping.queue.visibilityTimeout: " + visibility + ", SQS's default or the"
                + " function's timeout if longer (not in list-event-source-mappings: see `aws sqs get-queue-attributes"
                + " --attribute-names VisibilityTimeout`)", "visibilityTimeout: " + visibility + " } }");
        if (fromInvocations) {
            unheard.get(2).add(f.name());
        }
    }

    /**
     * {@code tags}: the function's tags from get-function's Tags or list-tags ({@code {}}: it has none), for {@code
     * enisim gate --stack-name}; none saved: not written (not known).
     */
    private void tags(StringBuilder b, String name) {
        Map<String, String> tags = d.account().tags.get(name);
        if (tags == null) {
            return;
        }
        List<String> pairs = new ArrayList<>();
        tags.forEach((k, v) -> pairs.add(q(k) + ": " + q(v)));
        b.append("    tags: ").append(pairs.isEmpty() ? "{}" : "{ " + String.join(", ", pairs) + " }")
                .append("   # ").append(c(d.account().tagsFrom.get(name))).append(pairs.isEmpty() ? ": no Tags" : "")
                .append('\n');
    }

    /**
     * {@code runtime}, {@code architecture} and {@code packageType} as the function reports them, so that its cold
     * starts come from the measured preset; a runtime without a preset (a custom runtime, an image) is left out
     * with a comment, and the default init time applies.
     */
    private void initPreset(StringBuilder b, Account.Function.Package pkg, String name, String snapStart) {
        String arch = pkg.architecture();
        String type = pkg.packageType();
        if (arch != null && List.of("x86_64", "arm64").contains(arch)) {
            b.append("    architecture: ").append(arch).append('\n');
        } else {
            arch = "x86_64";
        }
        if (type != null && List.of("Zip", "Image").contains(type)) {
            b.append("    packageType: ").append(type).append('\n');
        } else {
            type = "Zip";
        }
        String runtime = pkg.runtime();
        if (snapStart != null) { // on its own line, before the runtime (JSON keeps it beside the value that follows)
            b.append("    # SnapStart (ApplyOn ").append(c(snapStart)).append("): not modelled (README, Modelling"
                    + " assumptions): cold starts of published versions are full inits here, slower than a restore"
                    + " from a snapshot\n");
        }
        if (runtime == null) {
            if ("Image".equals(type)) {
                b.append("    # no Runtime (a container image): the default init time applies; set runtime: to the image's"
                        + " language (e.g. java21) for a measured preset\n");
                placeholder(name, ".initDuration: the default (an image names no Runtime)", "# no Runtime (a container"
                        + " image)");
            }
            return;
        }
        if (InitPresets.percentiles(runtime, 128, arch, type) != null) {
            b.append("    runtime: ").append(q(runtime)).append("   # init time from the measured preset\n");
        } else if (!KNOWN_RUNTIMES.contains(runtime)) {
            // r8: python9.99 (a typo, an edited file) read as a real runtime without a preset; AWS adds runtimes, so
            // a note, not an error
            b.append("    # Runtime ").append(c(runtime)).append(": not a Lambda runtime identifier I know (a typo, or"
                    + " one newer than enisim); the default init time applies\n");
            placeholder(name, ".initDuration: the default (Runtime " + runtime + " is not a Lambda runtime identifier"
                    + " enisim knows)", "# Runtime " + c(runtime) + ": not a Lambda runtime identifier");
        } else {
            b.append("    # Runtime ").append(c(runtime)).append(DEPRECATED_RUNTIMES.contains(runtime)
                    ? " (deprecated by AWS)" : "").append(": no measured preset");
            b.append(runtime.startsWith("provided") ? " without the language (e.g. runtime: " + c(runtime)
                    + "/rust)" : "").append("; the default init time applies\n");
            placeholder(name, ".initDuration: the default (no preset for Runtime " + runtime + ")", "# Runtime "
                    + c(runtime) + ": no measured preset");
        }
    }

    /** Lambda's runtime identifiers, deprecated ones included (lambda-runtimes.html and its deprecated table). */
    static final java.util.Set<String> KNOWN_RUNTIMES = java.util.Set.of("nodejs", "nodejs4.3", "nodejs4.3-edge",
            "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x",
            "nodejs20.x", "nodejs22.x", "nodejs24.x", "java8", "java8.al2", "java11", "java17", "java21", "java25",
            "python2.7", "python3.6", "python3.7", "python3.8", "python3.9", "python3.10", "python3.11", "python3.12",
            "python3.13", "python3.14", "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet6",
            "dotnet7", "dotnet8", "dotnet10", "go1.x", "ruby2.5", "ruby2.7", "ruby3.2", "ruby3.3", "ruby3.4",
            "provided", "provided.al2", "provided.al2023");
    /** Of {@link #KNOWN_RUNTIMES}, those AWS has deprecated. */
    static final java.util.Set<String> DEPRECATED_RUNTIMES = java.util.Set.of("nodejs", "nodejs4.3",
            "nodejs4.3-edge", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x",
            "java8", "python2.7", "python3.6", "python3.7", "python3.8", "dotnetcore1.0", "dotnetcore2.0",
            "dotnetcore2.1", "dotnetcore3.1", "dotnet6", "dotnet7", "go1.x", "ruby2.5", "ruby2.7", "provided");

    /** The comment of a figure that is not the account's, and its entry in the header's placeholder list. */
    private String marked(Account.Function f, String field) {
        String why = f.placeholders().get(field);
        if (why == null) {
            return "";
        }
        placeholder(f.name(), "." + field + ": " + why, "# placeholder: " + c(why));
        return "   # placeholder: " + c(why);
    }

    /** One Poisson phase per run of periods with the same count; periods CloudWatch left out had no traffic. */
    private void arrivals(StringBuilder b, CloudWatch.Traffic t) {
        long period = t.periodSeconds();
        List<long[]> phases = new ArrayList<>(); // {from, until} relative to the window's start
        List<Double> counts = new ArrayList<>();
        for (Map.Entry<Long, Double> e : t.invocations().entrySet()) {
            if (e.getValue() <= 0) {
                continue;
            }
            long from = e.getKey() - d.startEpochSeconds();
            int last = phases.size() - 1;
            if (last >= 0 && phases.get(last)[1] == from && counts.get(last).equals(e.getValue())) {
                phases.get(last)[1] = from + period;
            } else {
                phases.add(new long[] {from, from + period});
                counts.add(e.getValue());
            }
        }
        if (phases.isEmpty()) {
            b.append("    arrivals: { none: true }   # CloudWatch: no invocations in the window\n");
            return;
        }
        b.append("    arrivals:   # CloudWatch Invocations per ").append(time(period)).append(" period\n");
        for (int i = 0; i < phases.size(); i++) {
            long[] ph = phases.get(i);
            b.append("      - { poisson: ").append(rate(counts.get(i), period)).append(", from: ").append(time(ph[0]))
                    .append(", until: ").append(time(ph[1])).append(" }   # ").append(count(counts.get(i)))
                    .append(ph[1] - ph[0] > period ? " per period" : "").append('\n');
        }
    }

    /** A count per period as a rate in the largest unit that divides the period: 11042 per 5 min = 2208.4/m. */
    static String rate(double count, long periodSeconds) {
        String unit = periodSeconds % 3600 == 0 ? "h" : periodSeconds % 60 == 0 ? "m" : "s";
        long per = periodSeconds / (unit.equals("h") ? 3600 : unit.equals("m") ? 60 : 1);
        BigDecimal r = new BigDecimal(Double.toString(count)).divide(BigDecimal.valueOf(per), new MathContext(8));
        return r.stripTrailingZeros().toPlainString() + "/" + unit;
    }

    static String count(double c) {
        return c == Math.rint(c) ? Long.toString((long) c) : new BigDecimal(Double.toString(c)).toPlainString();
    }

    /** Seconds as a duration in the scenario's syntax, largest unit first: 3900 -> 1h5m. */
    static String time(long seconds) {
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder s = new StringBuilder();
        long[] units = {86_400, 3600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        long rest = seconds;
        for (int i = 0; i < units.length; i++) {
            if (rest >= units[i]) {
                s.append(rest / units[i]).append(names[i]);
                rest %= units[i];
            }
        }
        return s.toString();
    }

    private static String list(Iterable<String> ids) {
        List<String> quoted = new ArrayList<>();
        ids.forEach(i -> quoted.add(q(i)));
        return "[" + String.join(", ", quoted) + "]";
    }

    /** The function allows IPv6 and every one of its subnets is known to be dual-stack. */
    private boolean dualStack(Account.Function f) {
        if (!f.ipv6AllowedForDualStack()) {
            return false;
        }
        for (String id : f.subnets()) {
            Account.Subnet s = d.account().subnets.get(id);
            if (s == null || s.ipv6Cidr() == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * A YAML scalar: plain when it is safe in a flow collection and reads back, with the loader's YAML reader, as
     * this same string (not {@code 0x1F} read as 31, {@code 1_000}, {@code ~}, {@code no}...); else double-quoted,
     * control and other non-printable characters escaped.
     */
    static String q(String s) {
        if (PLAIN.matcher(s).matches() && !SPECIAL.matcher(s).matches() && readsBackAsString(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                default -> escape(b, cp);
            }
        });
        return b.append('"').toString();
    }

    /**
     * Text of a file (a tag value, a name, a status reason, a path) made safe for a YAML comment: a line break would
     * end the comment and make the rest YAML, and YAML refuses non-printable characters even in comments, so those
     * are written as escapes (backslash n, backslash u and four hex digits), a backslash as itself.
     */
    static String c(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> escape(b, cp));
        return b.toString();
    }

    /** {@code cp} as a YAML double-quoted scalar or a comment may hold it: line breaks and non-printables escaped. */
    private static void escape(StringBuilder b, int cp) {
        switch (cp) {
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            default -> {
                if (printable(cp)) {
                    b.appendCodePoint(cp);
                } else if (cp <= 0xFFFF) {
                    b.append(String.format(Locale.ROOT, "\\u%04X", cp));
                } else {
                    b.append(String.format(Locale.ROOT, "\\U%08X", cp));
                }
            }
        }
    }

    /**
     * Printable in YAML and not a line break of YAML 1.1 (NEL, LS, PS break a line in SnakeYAML), nor a BOM,
     * which some readers drop.
     */
    private static boolean printable(int cp) {
        return cp >= 0x20 && cp <= 0x7E || cp >= 0xA0 && cp <= 0xD7FF && cp != 0x2028 && cp != 0x2029
                || cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF || cp >= 0x10000 && cp <= 0x10FFFF;
    }

    private static final com.fasterxml.jackson.dataformat.yaml.YAMLFactory YAML =
            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory();

    /** Whether {@code s}, written plain as a value, is read back by Jackson's YAML parser (the loader's) as itself. */
    static boolean readsBackAsString(String s) {
        try (com.fasterxml.jackson.core.JsonParser p = YAML.createParser("k: " + s + "\n")) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT
                    || p.nextToken() != com.fasterxml.jackson.core.JsonToken.FIELD_NAME
                    || p.nextToken() != com.fasterxml.jackson.core.JsonToken.VALUE_STRING || !s.equals(p.getText())
                    || p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_OBJECT) {
                return false;
            }
            return p.nextToken() == null;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
