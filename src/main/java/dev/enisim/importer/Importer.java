package dev.enisim.importer;

import dev.enisim.model.function.StateReasonCode;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns saved AWS CLI output into a scenario file (YAML text). Every input file is read whole and the files are
 * checked against each other (a function's subnet must be described) as far as they could be read; all their
 * problems are reported at once (each file, JSON path, what was expected). Then what the scenario needs is derived: each function's state
 * at time 0, the keys whose ENIs it recreates, other tenants' addresses, the security groups of each VPC and the
 * traffic window. Guesses are placeholders, listed at the top of the file.
 */
public final class Importer {

    /**
     * The files a user saved, each list in the order given; subnets and functions need at least one file.
     * {@code accountSettings}: {@code aws lambda get-account-settings} output; {@code concurrency}: function ->
     * its {@code aws lambda get-function-concurrency} output (which does not name the function).
     */
    public record Inputs(List<Path> subnets, List<Path> functions, List<Path> enis, List<Path> securityGroups,
            List<Path> metrics, List<Path> accountSettings, Map<String, Path> concurrency, List<Path> vpcs) {

        public Inputs {
            subnets = List.copyOf(subnets);
            functions = List.copyOf(functions);
            enis = List.copyOf(enis);
            securityGroups = List.copyOf(securityGroups);
            metrics = List.copyOf(metrics);
            accountSettings = List.copyOf(accountSettings);
            concurrency = new TreeMap<>(concurrency);
            vpcs = List.copyOf(vpcs);
        }

        /** Without describe-vpcs output (its only use: the VPCs' Name tags). */
        public Inputs(List<Path> subnets, List<Path> functions, List<Path> enis, List<Path> securityGroups,
                List<Path> metrics, List<Path> accountSettings, Map<String, Path> concurrency) {
            this(subnets, functions, enis, securityGroups, metrics, accountSettings, concurrency, List.of());
        }

        public Inputs(List<Path> subnets, List<Path> functions, List<Path> enis, List<Path> securityGroups,
                List<Path> metrics) {
            this(subnets, functions, enis, securityGroups, metrics, List.of(), Map.of());
        }
    }

    /**
     * The scenario text, and what the user must hear at once: {@code warnings}, a partial listing imported with
     * allowPartial; {@code notices}, what the header says that asks for a decision (functions CloudWatch shows quiet
     * for the whole window; functions with many phases), each said once.
     */
    public record Result(String yaml, List<String> warnings, List<String> notices) {

        public Result {
            warnings = List.copyOf(warnings);
            notices = List.copyOf(notices);
        }

        public Result(String yaml, List<String> warnings) {
            this(yaml, warnings, List.of());
        }
    }

    /**
     * How to import.
     *
     * @param name                   the scenario's name
     * @param defaultDurationSeconds simulated time when no CloudWatch data give the window
     * @param periodSeconds          the Period of the CloudWatch queries; 0: the smallest gap between data points
     * @param resampleSeconds        sum CloudWatch counts into periods this long (0: as saved), for fewer phases
     * @param allowPartial           import a listing of which the last page is missing (else: refused)
     */
    public record Options(String name, long defaultDurationSeconds, long periodSeconds, long resampleSeconds,
            boolean allowPartial, java.time.Instant startTime, java.time.Instant endTime) {

        /**
         * Without the window's bounds: time 0 ({@code startsAt}) is the first CloudWatch data point, and the run ends
         * one period after the last.
         */
        public Options(String name, long defaultDurationSeconds, long periodSeconds, long resampleSeconds,
                boolean allowPartial) {
            this(name, defaultDurationSeconds, periodSeconds, resampleSeconds, allowPartial, null, null);
        }

        public Options(String name, long defaultDurationSeconds, long periodSeconds, long resampleSeconds) {
            this(name, defaultDurationSeconds, periodSeconds, resampleSeconds, false);
        }

        /**
         * With the window get-metric-data was asked for ({@code --start-time}, {@code --end-time}; either may be
         * null): time 0 is its start, the run ends at its end.
         */
        public Options window(java.time.Instant start, java.time.Instant end) {
            return new Options(name, defaultDurationSeconds, periodSeconds, resampleSeconds, allowPartial, start, end);
        }

        public static Options named(String name, long defaultDurationSeconds) {
            return new Options(name, defaultDurationSeconds, 0, 0);
        }
    }

    /**
     * What the writer needs. {@code start}: function -> Active or Inactive, absent for one created at time 0;
     * {@code enisAtStart}: subnet -> the Lambda ENIs recreated there at time 0 (one per key started, or as many as
     * are listed for it); {@code startedKeys}: each key started -> its ENIs at time 0 (see {@link #keyEnis}); {@code
     * lambdaEnis}: subnet -> Lambda ENIs seen; {@code extraLambdaEnis}: subnet -> the Lambda ENIs there no started
     * key takes, by kind (see {@link #keyEnis}); {@code otherLambdaEnis}: VPC -> those Lambda ENIs (keys no function
     * starts with: old versions, other functions, configurations since changed), and those in
     * subnets no describe-subnets file lists whose VpcId names it ({@code unlistedLambdaEnis}: VPC -> how many of
     * them), which count against the VPC's quota as other ENIs; {@code otherServiceEnis}: VPC -> kind (an EFS mount target, an
     * InterfaceType) -> other services' interfaces counted against the VPC's quota; {@code groups}: VPC -> the
     * security groups functions use in it; {@code enisGiven}: describe-network-interfaces output was given;
     * {@code otherNetworkInterfaces}: the interfaces listed that are in no simulated VPC's quota (other tenants'
     * in any subnet, and Lambda's and other services' in subnets no describe-subnets file lists, whose VpcId names no
     * simulated VPC), which count
     * against the Region's network interfaces only ({@code account.otherNetworkInterfaces}).
     */
    record Derived(Account account, Map<String, CloudWatch.Traffic> traffic, Map<String, Double> durationOnly,
            List<String> sources, List<String> notes, long durationSeconds, long startEpochSeconds,
            Map<String, String> start, Map<String, String> startReason, Map<String, Integer> enisAtStart,
            TreeMap<StartedKey, Integer> startedKeys, Map<String, Integer> lambdaEnis,
            Map<String, int[]> extraLambdaEnis, Map<String, Integer> otherLambdaEnis,
            Map<String, Integer> unlistedLambdaEnis, Map<String, TreeMap<String, Integer>> otherServiceEnis, Map<String, TreeSet<String>> groups,
            boolean enisGiven, int otherNetworkInterfaces, List<String> quiet, String startsAtWhy) {
    }

    /** More phases than this per function make runs noticeably slower (each arrival looks at every phase). */
    static final int MANY_PHASES = 288;

    /**
     * A note or placeholder said of more functions than this is said once, naming the first this many: a 600-function
     * account's header had 460 notes "N CloudWatch periods make as many phases" and 180 placeholder lines.
     */
    static final int GROUP_ABOVE = 5;

    /** How many of the functions quiet in the window the header and the terminal name, before "and N more". */
    static final int QUIET_NAMED = 20;

    /** The first {@code shown} names, then "and N more": {@code a, b, c and 4 more}; all when they are few. */
    static String names(List<String> names, int shown) {
        if (names.size() <= shown) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, shown)) + " and " + (names.size() - shown) + " more";
    }

    private Importer() {
    }

    /** Counts summed into periods of {@code seconds}, aligned on the window's start {@code t0}. */
    private static Map<String, CloudWatch.Traffic> resample(Map<String, CloudWatch.Traffic> traffic, long t0,
            long seconds) {
        Map<String, CloudWatch.Traffic> out = new TreeMap<>();
        for (Map.Entry<String, CloudWatch.Traffic> e : traffic.entrySet()) {
            CloudWatch.Traffic t = e.getValue();
            if (seconds % t.periodSeconds() != 0) {
                throw new IllegalArgumentException("--resample: expected a multiple of " + e.getKey()
                        + "'s CloudWatch period of " + t.periodSeconds() + " s, got " + seconds + " s");
            }
            TreeMap<Long, Double> sums = new TreeMap<>();
            t.invocations().forEach((at, n) -> sums.merge(t0 + Math.floorDiv(at - t0, seconds) * seconds, n,
                    Double::sum));
            out.put(e.getKey(), new CloudWatch.Traffic(seconds, sums, t.meanDurationMs()));
        }
        return out;
    }

    /** The scenario text, with the CloudWatch period read from the data and counts as saved. */
    public static String scenario(Inputs in, String name, long defaultDurationSeconds) throws ScenarioException {
        return scenario(in, Options.named(name, defaultDurationSeconds));
    }

    /**
     * The scenario text.
     *
     * @throws ScenarioException        with every problem of every input file that has any (see {@link Collected})
     * @throws IllegalArgumentException when {@code resampleSeconds} is not a multiple of a function's period (the
     *                                  message names the option, {@code --resample})
     */
    public static String scenario(Inputs in, Options options) throws ScenarioException {
        return run(in, options).yaml();
    }

    /**
     * Every input file's problems, gathered in one pass in the order the files were read, then thrown together: a
     * file's own problems, and those found between files (a function's subnet that no subnets file lists) wherever
     * the files read far enough to tell.
     */
    static final class Collected {

        /** A reading or a check that reports its problems as a ScenarioException. */
        interface Step {
            void run() throws ScenarioException;
        }

        private final Map<String, List<Problem>> byFile = new LinkedHashMap<>();

        /** Runs the step; its problems are kept. Returns whether it had none. */
        boolean run(Step step) {
            try {
                step.run();
                return true;
            } catch (ScenarioException e) {
                for (ScenarioException part : e.parts()) {
                    byFile.computeIfAbsent(part.source(), k -> new ArrayList<>()).addAll(part.problems());
                }
                return false;
            }
        }

        boolean any() {
            return !byFile.isEmpty();
        }

        void throwIfAny() throws ScenarioException {
            List<ScenarioException> parts = new ArrayList<>();
            byFile.forEach((file, problems) -> parts.add(new ScenarioException(file, problems)));
            if (parts.size() == 1) {
                throw parts.get(0);
            } else if (!parts.isEmpty()) {
                throw new ScenarioException(parts);
            }
        }
    }

    /** Throws the problems of every file that has some, together (see {@link Collected}). */
    static void throwIfAny(Map<Path, List<Problem>> problems) throws ScenarioException {
        Collected c = new Collected();
        problems.forEach((file, list) -> c.run(() -> {
            throw new ScenarioException(file.toString(), list);
        }));
        c.throwIfAny();
    }

    /**
     * Import's inputs beyond {@link Inputs} (r8): function -> its {@code aws lambda
     * get-provisioned-concurrency-config} or {@code list-provisioned-concurrency-configs} output, and {@code aws
     * service-quotas get-service-quota} or {@code list-service-quotas} outputs (Lambda's ENIs per VPC, EC2's network
     * interfaces per Region), function -> its {@code aws lambda list-tags} output (which does not name it), and
     * {@code aws lambda list-event-source-mappings} outputs (SQS triggers).
     */
    public record Extra(Map<String, Path> provisioned, List<Path> serviceQuotas, Map<String, Path> tags,
            List<Path> eventSourceMappings) {

        public static final Extra NONE = new Extra(Map.of(), List.of(), Map.of());

        public Extra {
            provisioned = new TreeMap<>(provisioned);
            serviceQuotas = List.copyOf(serviceQuotas);
            tags = new TreeMap<>(tags);
            eventSourceMappings = List.copyOf(eventSourceMappings);
        }

        /** Without list-event-source-mappings files. */
        public Extra(Map<String, Path> provisioned, List<Path> serviceQuotas, Map<String, Path> tags) {
            this(provisioned, serviceQuotas, tags, List.of());
        }

        /** Without list-tags files. */
        public Extra(Map<String, Path> provisioned, List<Path> serviceQuotas) {
            this(provisioned, serviceQuotas, Map.of());
        }
    }

    /** The scenario text and the warnings to show at once; see {@link #scenario(Inputs, Options)}. */
    public static Result run(Inputs in, Options options) throws ScenarioException {
        return run(in, options, Extra.NONE);
    }

    /** As {@link #run(Inputs, Options)}, with the inputs of {@code extra} too. */
    public static Result run(Inputs in, Options options, Extra extra) throws ScenarioException {
        if (in.subnets().isEmpty() || in.functions().isEmpty()) {
            throw new IllegalArgumentException("at least one subnets file and one functions file are needed");
        }
        Account a = new Account();
        List<String> sources = new ArrayList<>();
        Collected problems = new Collected();
        boolean subnetsRead = true; // false when a subnets file was refused without listing any subnet id
        for (Path p : in.subnets()) {
            int listedBefore = a.listedSubnetIds.size();
            subnetsRead &= problems.run(() -> a.readSubnets(p)) || a.listedSubnetIds.size() > listedBefore;
            sources.add(p + " (" + Account.SUBNETS + ")");
        }
        FunctionsReader functions = new FunctionsReader(a);
        functions.scanAccounts(in.functions());
        boolean functionsRead = true;
        for (Path p : in.functions()) {
            functionsRead &= problems.run(() -> functions.read(p));
            sources.add(p + " (" + Account.FUNCTIONS + ", get-function-configuration or get-function)");
        }
        functions.finish();
        for (Path p : in.accountSettings()) {
            problems.run(() -> {
                List<CliJson> docs = CliJson.readAll(p, "aws lambda get-account-settings");
                docs.forEach(functions::accountSettings);
                docs.get(0).throwIfProblems();
            });
            sources.add(p + " (aws lambda get-account-settings)");
        }
        boolean functionsComplete = functionsRead;
        for (Map.Entry<String, Path> c : in.concurrency().entrySet()) {
            problems.run(() -> functions.concurrency(c.getKey(), c.getValue(), functionsComplete));
            sources.add(c.getValue() + " (aws lambda get-function-concurrency, " + c.getKey() + ")");
        }
        for (Map.Entry<String, Path> c : extra.provisioned().entrySet()) {
            problems.run(() -> ExtraInputs.provisioned(a, c.getKey(), c.getValue(), functionsComplete));
            sources.add(c.getValue() + " (aws lambda get-provisioned-concurrency-config, " + c.getKey() + ")");
        }
        for (Path p : extra.serviceQuotas()) {
            problems.run(() -> ExtraInputs.serviceQuotas(a, p));
            sources.add(p + " (aws service-quotas " + a.quotaShape.getOrDefault(p, "get-service-quota or"
                    + " list-service-quotas") + ")");
        }
        ExtraInputs.concurrencyQuotas(a);
        for (Map.Entry<String, Path> t : extra.tags().entrySet()) {
            problems.run(() -> ExtraInputs.listTags(a, t.getKey(), t.getValue(), functionsComplete));
            sources.add(t.getValue() + " (aws lambda list-tags, " + t.getKey() + ")");
        }
        for (Path p : extra.eventSourceMappings()) {
            problems.run(() -> EventSourceMappings.read(a, p, functionsComplete));
            sources.add(p + " (" + EventSourceMappings.COMMAND + ")");
        }
        for (Path p : in.enis()) {
            problems.run(() -> a.readEnis(p));
            sources.add(p + " (" + Account.ENIS + ")");
        }
        for (Path p : in.securityGroups()) {
            problems.run(() -> a.readSecurityGroups(p));
            sources.add(p + " (" + Account.GROUPS + ")");
        }
        for (Path p : in.vpcs()) {
            problems.run(() -> a.readVpcs(p));
            sources.add(p + " (" + Account.VPCS + ")");
        }
        CloudWatch cw = new CloudWatch(a.functions.keySet(), a.notes, options.periodSeconds()).pagesIn(a);
        boolean metricsRead = true;
        for (Path p : in.metrics()) {
            metricsRead &= problems.run(() -> cw.read(p));
            sources.add(p + " (" + CloudWatch.COMMAND + ")");
        }
        // between files, as far as they were read
        if (functionsRead && a.functions.isEmpty()) {
            problems.run(() -> {
                throw new ScenarioException(in.functions().get(0).toString(), List.of(new Problem("Functions",
                        "no function found: a scenario needs at least one" + (a.functionsLeftOut.isEmpty() ? ""
                        : " (" + String.join("; ", a.functionsLeftOut) + ")"))));
            });
        }
        List<String> warnings = new ArrayList<>();
        problems.run(() -> warnings.addAll(Checks.pages(a, options.allowPartial())));
        boolean metricPagesMissing = a.pagesWithToken.containsKey(CloudWatch.COMMAND)
                && a.lastPages.getOrDefault(CloudWatch.COMMAND, 0) == 0;
        problems.run(() -> warnings.addAll(cw.partial(a, options.allowPartial(), metricPagesMissing)));
        problems.run(() -> Checks.overlaps(a));
        Map<String, TreeSet<String>> groups = new TreeMap<>();
        boolean subnetsComplete = subnetsRead;
        problems.run(() -> groups.putAll(checkVpcs(a, !in.securityGroups().isEmpty(), subnetsComplete)));
        problems.run(() -> Checks.concurrency(a));
        Map<String, CloudWatch.Traffic> traffic = new TreeMap<>();
        if (metricsRead && functionsRead) {
            problems.run(() -> {
                traffic.putAll(cw.traffic());
                if (!in.metrics().isEmpty() && traffic.isEmpty()) {
                    throw new ScenarioException(in.metrics().get(0).toString(), List.of(new Problem(
                            "MetricDataResults", "no Invocations result names an imported function: give each query"
                            + " an Id or Label with the function's name and the metric, like"
                            + " checkout_api_invocations")));
                }
            });
        }
        problems.throwIfAny();
        snapStart(a);
        pricesRegion(a);
        accounts(a);
        ExtraInputs.quotasByAccount(a);
        Window w = window(a, in, options, cw, traffic);
        Map<String, String> start = new TreeMap<>();
        Map<String, String> reason = new TreeMap<>();
        states(a, !in.enis().isEmpty(), w.traffic(), start, reason);
        noResult(a, w, start);
        replayUpdates(a, start, groups, w.startEpochSeconds(), w.durationSeconds());
        changedInWindow(a, w.startEpochSeconds(), w.durationSeconds());
        oldKeyOfUpdate(a);
        int[] outside = new int[1]; // interfaces in no simulated VPC's quota: the Region's only
        Map<String, Integer> unlistedLambdaEnis = new TreeMap<>(); // VPC -> its Lambda ENIs in subnets not described
        Map<String, Integer> lambdaEnis = lambdaEnis(a, outside, unlistedLambdaEnis);
        KeyEnis keyEnis = keyEnis(a, start);
        Map<String, Integer> enisAtStart = new TreeMap<>();
        keyEnis.started().forEach((k, n) -> enisAtStart.merge(k.subnet(), n, Integer::sum));
        scaledOut(a, keyEnis.started());
        Map<String, int[]> extraLambdaEnis = keyEnis.extra();
        Map<String, Integer> otherLambdaEnis = otherLambdaEnis(a, extraLambdaEnis);
        unlistedLambdaEnis.forEach((vpc, n) -> otherLambdaEnis.merge(vpc, n, Integer::sum));
        Map<String, TreeMap<String, Integer>> otherServiceEnis = otherServiceEnis(a, outside);
        otherLambdaEnis.forEach((vpc, n) -> a.notes.add(vpc + ": otherUsedEnis also counts " + n + " leftover Lambda"
                + " ENI(s): listed (in-use or available) on keys no function imported starts with (a deleted function's,"
                + " an old version's, or a VpcConfig since changed); each holds an address and a slot of the VPC's"
                + " Hyperplane ENI quota until Lambda deletes it, and a stack deletion may wait on it: worth a look"));
        fewerInUse(a, enisAtStart);
        moreListedThanInUse(a);
        List<String> quiet = quiet(a, start, w.traffic());
        List<String> notices = new ArrayList<>(w.notices());
        if (a.regions.size() > 1) { // a planner who mixed two profiles' files sees it on the terminal, not only in the
            // file's notes (a planner's review: us-west-2 subnets simulated in an eu-central-1 account, exit 0, silent)
            notices.add(0, "the files show " + a.regions.size() + " AWS Regions (" + String.join(", ",
                    a.regions.keySet()) + "), and a scenario is one Region: check the files were saved from the same"
                    + " account and Region (the NOTES at the file's top name each Region's files)");
        }
        if (!quiet.isEmpty()) {
            notices.add(0, quiet.size() + " VPC function(s) start Active though CloudWatch counted no invocation of"
                    + " them in the whole " + ScenarioWriter.time(w.durationSeconds()) + " window: "
                    + names(quiet, QUIET_NAMED) + ". Lambda makes a function Inactive once it has been idle for "
                    + ScenarioWriter.idleReclaim() + ", and enisim cannot tell how long they were quiet before the"
                    + " window: see QUIET IN THE WINDOW in the file's header");
        }
        Derived d = new Derived(a, w.traffic(), w.durationOnly(), sources, a.notes, w.durationSeconds(),
                w.startEpochSeconds(), start, reason, enisAtStart, keyEnis.started(), lambdaEnis, extraLambdaEnis,
                otherLambdaEnis,
                unlistedLambdaEnis, otherServiceEnis, groups, !in.enis().isEmpty(), outside[0], quiet, w.startsAtWhy());
        return new Result(new ScenarioWriter(d).write(options.name()), warnings, notices);
    }

    /**
     * Functions with SnapStart on: not modelled (README, Modelling assumptions), so their published versions' cold
     * starts are full inits in the run, where AWS restores a snapshot; said once, naming them (the first
     * {@link #GROUP_ABOVE} when more), and beside each function.
     */
    private static void snapStart(Account a) {
        List<String> on = new ArrayList<>();
        a.functions.values().stream().filter(f -> f.snapStart() != null).forEach(f -> on.add(f.name()));
        if (!on.isEmpty()) {
            a.notes.add(on.size() + " function(s) have SnapStart on (ApplyOn PublishedVersions): " + names(on,
                    GROUP_ABOVE) + ". SnapStart is not modelled (README, Modelling assumptions): CloudWatch's"
                    + " Invocations include the calls through aliases and versions, which restore from a snapshot in"
                    + " AWS; here each cold start is a full init of the runtime's preset, slower than a restore");
        }
    }

    /**
     * The cost estimate uses us-east-1 list prices (scenarios/README.md, {@code prices}; {@code prices.region} is a
     * label only): files from another Region get a note saying so and what to set; files from several Regions, one
     * asking whether they belong together.
     */
    private static void pricesRegion(Account a) {
        if (a.regions.size() > 1) {
            List<String> seen = new ArrayList<>();
            a.regions.forEach((r, where) -> seen.add(r + " (" + where + ")"));
            a.notes.add("the files show several AWS Regions: " + String.join("; ", seen) + ". A scenario is one"
                    + " Region: were these files saved from the same account and Region?");
        } else if (a.regions.size() == 1 && !a.regions.containsKey("us-east-1")) {
            String r = a.regions.keySet().iterator().next();
            a.notes.add("these files are from " + r + " (" + a.regions.get(r) + "), and the cost estimate uses"
                    + " us-east-1 list prices (the defaults of `prices`): set `prices` to " + r + "'s rates, with"
                    + " `prices: { region: " + r + " }` to label them (scenarios/README.md, `prices`)");
        }
    }

    /**
     * The accounts: functions of several (their FunctionArn account ids differ) are put each in its own, as Lambda
     * keys ENIs per account [doc: "Each unique security group and subnet combination in your account requires a
     * different network interface"]; a function without an ARN goes to the first, with a note. Each VPC's owner is
     * the OwnerId its described subnets give; a subnet owned by another account than a function using it is shared
     * (AWS RAM), and a note says so.
     */
    private static void accounts(Account a) {
        TreeMap<String, List<String>> byAccount = new TreeMap<>();
        List<String> noArn = new ArrayList<>();
        for (Account.Function f : a.functions.values()) {
            if (f.account() == null) {
                noArn.add(f.name());
            } else {
                byAccount.computeIfAbsent(f.account(), k -> new ArrayList<>()).add(f.name());
            }
        }
        Map<String, Set<String>> owners = new TreeMap<>();
        for (Account.Subnet s : a.subnets.values()) {
            owners.computeIfAbsent(s.vpc(), k -> new TreeSet<>()).add(s.owner() == null ? "" : s.owner());
        }
        owners.forEach((vpc, ids) -> {
            if (ids.size() == 1 && !ids.contains("")) {
                a.vpcOwner.put(vpc, ids.iterator().next());
            } else if (ids.size() > 1 && byAccount.size() > 1) {
                a.notes.add(vpc + ": its subnets give several OwnerIds (" + String.join(", ", ids).replaceFirst("^, ",
                        "(none), ") + "), and a VPC has one owner: `owner` is left to the first account (were the files saved"
                        + " from different accounts, or edited?)");
            } else if (ids.stream().filter(id -> !id.isEmpty()).count() > 1) {
                List<String> bySubnet = new ArrayList<>();
                a.subnets.values().stream().filter(s -> s.vpc().equals(vpc) && s.owner() != null)
                        .forEach(s -> bySubnet.add(s.id() + " " + s.owner()));
                a.notes.add(vpc + ": its subnets give several OwnerIds (" + String.join(", ", bySubnet) + "), yet every"
                        + " subnet of a VPC is its owner's, shared through AWS RAM or not: these cannot all be one VPC's"
                        + " (were the files saved from different accounts, or edited?); the run takes them as one VPC");
            }
        });
        if (byAccount.size() == 1) {
            a.onlyAccount = byAccount.firstKey();
        }
        if (byAccount.size() > 1) {
            a.functionAccounts.addAll(byAccount.keySet());
            List<String> said = new ArrayList<>();
            byAccount.forEach((id, fns) -> said.add(id + " (" + String.join(", ", fns) + ")"));
            for (Account.Function f : a.functions.values()) {
                a.accountOf.put(f.name(), f.account() != null ? f.account() : byAccount.firstKey());
            }
            a.notes.add("the functions are of " + byAccount.size() + " AWS accounts (FunctionArn): "
                    + String.join("; ", said) + ". Written as `accounts`, each function in its own (`account`): Lambda"
                    + " keys ENIs per account (\"Each unique security group and subnet combination in your account"
                    + " requires a different network interface\" [doc]), so functions of two accounts on one subnet and"
                    + " security-group set need an ENI each. Every account has the placeholder or imported"
                    + " concurrency limit; the first one's counts for the Region's network interfaces"
                    + " (scenarios/README.md, `accounts`)");
            if (!noArn.isEmpty()) {
                a.notes.add(String.join(", ", noArn) + ": no FunctionArn to tell the account: put in the first, "
                        + byAccount.firstKey() + " (set `account` if it is another's)");
            }
        }
        // VPC, owner and the other accounts using them -> the shared subnets: one note for each (not one per subnet)
        Map<List<String>, List<String>> shared = new LinkedHashMap<>();
        for (Account.Subnet s : a.subnets.values()) {
            if (s.owner() == null) {
                continue;
            }
            Set<String> users = new TreeSet<>();
            for (Account.Function f : a.functions.values()) {
                if (f.account() != null && f.subnets().contains(s.id()) && !f.account().equals(s.owner())) {
                    users.add(f.account());
                }
            }
            if (!users.isEmpty()) {
                shared.computeIfAbsent(List.of(s.vpc(), s.owner(), String.join(", ", users)), k -> new ArrayList<>())
                        .add(s.id());
            }
        }
        shared.forEach((k, ids) -> a.notes.add((ids.size() == 1 ? "subnet " + ids.get(0) + " is" : ids.size()
                + " subnets of " + k.get(0) + " (" + String.join(", ", ids) + ") are") + " owned by account "
                + k.get(1) + " (describe-subnets OwnerId) and used by functions of account(s) " + k.get(2) + ": "
                + (ids.size() == 1 ? "a subnet" : "subnets") + " shared through AWS RAM. Each account's Lambda ENIs"
                + " there are its own; ENIs of accounts whose functions were not imported count as other tenants'"
                + " addresses (AvailableIpAddressCount)"));
    }

    /**
     * CloudWatch traffic and the window it spans (t0 is Long.MAX_VALUE when no data point was saved and no
     * --start-time given), and what the terminal says of it once. {@code startsAtWhy}: what t0, written as
     * {@code startsAt}, is (the window's start, or the first data point), null when there is none.
     */
    private record Window(Map<String, CloudWatch.Traffic> traffic, Map<String, Double> durationOnly,
            long startEpochSeconds, long durationSeconds, List<String> notices, List<String> noResult,
            int noResultAt, String startsAtWhy) {
    }

    /** The window of the CloudWatch traffic read (every metrics file read, its traffic checked). */
    private static Window window(Account a, Inputs in, Options options, CloudWatch cw,
            Map<String, CloudWatch.Traffic> read) {
        Map<String, CloudWatch.Traffic> traffic = read;
        Map<String, Double> durationOnly = new TreeMap<>();
        List<String> noResult = new ArrayList<>();
        for (String f : a.functions.keySet()) {
            Double mean = cw.durationOnly(f);
            if (mean != null) {
                durationOnly.put(f, mean);
            }
            if (!in.metrics().isEmpty() && !traffic.containsKey(f)) {
                noResult.add(f);
            }
        }
        int noResultAt = a.notes.size(); // their notes go here once the states are known (noResult)
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        for (CloudWatch.Traffic t : traffic.values()) {
            if (!t.invocations().isEmpty()) {
                t0 = Math.min(t0, t.invocations().firstKey());
                t1 = Math.max(t1, t.invocations().lastKey() + t.periodSeconds());
                last = Math.max(last, t.invocations().lastKey());
            }
        }
        String startsAtWhy = t0 == Long.MAX_VALUE ? null : "the first CloudWatch data point (get-metric-data output"
                + " does not say the window's start: `enisim import --start-time` gives it)";
        if (options.startTime() != null) {
            long start = options.startTime().getEpochSecond();
            if (t0 != Long.MAX_VALUE && t0 < start) {
                throw new IllegalArgumentException("--start-time " + options.startTime() + ": expected at or before"
                        + " the first CloudWatch data point, " + java.time.Instant.ofEpochSecond(t0) + " (give the"
                        + " --start-time the get-metric-data query was run with)");
            }
            t0 = start;
            t1 = Math.max(t1, start);
            startsAtWhy = "the CloudWatch window's start (--start-time)";
        }
        if (options.endTime() != null) {
            long end = options.endTime().getEpochSecond();
            if (t0 == Long.MAX_VALUE) {
                throw new IllegalArgumentException("--end-time " + options.endTime() + ": give --start-time too (no"
                        + " CloudWatch data point tells the window's start)");
            } else if (end <= t0 || end <= last) {
                throw new IllegalArgumentException("--end-time " + options.endTime() + ": expected after "
                        + (end <= t0 ? "the window's start, " + java.time.Instant.ofEpochSecond(t0) : "the last"
                        + " CloudWatch data point, " + java.time.Instant.ofEpochSecond(last)) + " (give the --end-time"
                        + " the get-metric-data query was run with)");
            }
            t1 = Math.max(end, t1);
        }
        long duration = t0 == Long.MAX_VALUE ? options.defaultDurationSeconds()
                : t1 > t0 ? t1 - t0 : options.defaultDurationSeconds();
        long resample = options.resampleSeconds();
        if (resample > 0) {
            traffic = resample(traffic, t0, resample);
            duration = t0 == Long.MAX_VALUE ? duration : (duration + resample - 1) / resample * resample;
        }
        List<String> many = new ArrayList<>();
        int most = 0;
        for (Map.Entry<String, CloudWatch.Traffic> e : traffic.entrySet()) {
            int periods = e.getValue().invocations().size();
            if (periods > MANY_PHASES) {
                many.add(e.getKey());
                most = Math.max(most, periods);
            }
        }
        List<String> notices = new ArrayList<>();
        if (many.size() > GROUP_ABOVE) {
            a.notes.add(many.size() + " functions have more than " + MANY_PHASES + " CloudWatch periods each (up to "
                    + most + "), which make as many phases and slow a run down: " + names(many, GROUP_ABOVE)
                    + "; `enisim import --resample 1h` sums them into fewer");
        } else {
            for (String f : many) {
                a.notes.add(f + ": " + traffic.get(f).invocations().size() + " CloudWatch periods make as many"
                        + " phases, which slow a run down; `enisim import --resample 1h` sums them into fewer");
            }
        }
        if (!many.isEmpty()) {
            notices.add(many.size() + " function(s) have more than " + MANY_PHASES + " CloudWatch periods (up to "
                    + most + "), which make as many phases and slow a run down: `enisim import --resample 1h` sums"
                    + " them into fewer");
        }
        return new Window(traffic, durationOnly, t0, duration, notices, noResult, noResultAt, startsAtWhy);
    }

    /**
     * The notes on the functions without a CloudWatch Invocations result, put where the window's notes are: those
     * that start Inactive judged idle ({@link #idle}) get no invented traffic ({@code arrivals: { none: true }},
     * a placeholder), as a function idle for weeks is not called once a second; the others the placeholder rate.
     */
    private static void noResult(Account a, Window w, Map<String, String> start) {
        List<String> idle = new ArrayList<>();
        List<String> rate = new ArrayList<>();
        for (String f : w.noResult()) {
            Account.Function fn = a.functions.get(f);
            if ("Failed".equals(start.get(f)) || start.get(f) == null && fn != null && "Pending".equals(fn.state())) {
                continue; // no traffic invented for them either: the notes on Failed and Pending ones say so
            }
            (idle(a, start, f) ? idle : rate).add(f);
        }
        List<String> notes = new ArrayList<>();
        if (rate.size() > GROUP_ABOVE) {
            notes.add(rate.size() + " functions have no CloudWatch Invocations result, so their traffic is a"
                    + " placeholder: " + names(rate, GROUP_ABOVE) + " (find each by `arrivals: { poisson: "
                    + ScenarioWriter.PLACEHOLDER_RATE + " }`; add a query for each)");
        } else {
            rate.forEach(f -> notes.add(f + ": no CloudWatch Invocations result; its traffic is a placeholder"));
        }
        String why = " start(s) Inactive (idle, its ENIs reclaimed) and has no CloudWatch Invocations result: no"
                + " traffic is invented for a function judged idle (`arrivals: { none: true }`, a placeholder); give it"
                + " arrivals to see its first invocations fail with ResourceNotReadyException and restore its ENIs";
        if (idle.size() > GROUP_ABOVE) {
            notes.add(idle.size() + " functions" + why.replace("start(s)", "start").replace("its ENIs", "their ENIs")
                    .replace("has no", "have no").replace("give it", "give them").replace("see its", "see their") + ": "
                    + names(idle, GROUP_ABOVE));
        } else {
            idle.forEach(f -> notes.add(f + why.replace("start(s)", "starts")));
        }
        a.notes.addAll(w.noResultAt(), notes);
    }

    /**
     * Whether the function starts Inactive judged idle (its ENIs reclaimed, or State Inactive), so no traffic is
     * invented for it without CloudWatch's; not one saved Pending (Restoring), which an invocation was waking.
     */
    static boolean idle(Account a, Map<String, String> start, String function) {
        Account.Function f = a.functions.get(function);
        return "Inactive".equals(start.get(function)) && f != null && !RESTORING.equals(f.state());
    }

    /**
     * Each function's subnets must be described (unless a subnets file was refused as a whole, naming no subnet: its
     * problem says why, and the subnet may be in it) and lie in one VPC, and its security groups in that VPC (Lambda
     * refuses anything else, so such a file is not real output). Returns the security groups used per VPC.
     */
    private static Map<String, TreeSet<String>> checkVpcs(Account a, boolean groupsGiven, boolean subnetsComplete)
            throws ScenarioException {
        Map<Path, List<Problem>> problems = new LinkedHashMap<>();
        Map<String, TreeSet<String>> used = new TreeMap<>();
        Map<String, Account.Function> firstUser = new TreeMap<>(); // group -> the first function using it
        Map<String, String> groupVpcByUse = new TreeMap<>();
        Set<String> unlisted = new TreeSet<>();
        for (Account.Function f : a.functions.values()) {
            String p = CliJson.join(f.path(), "VpcConfig");
            Set<String> vpcs = new TreeSet<>();
            for (String s : f.subnets()) {
                Account.Subnet sub = a.subnets.get(s);
                if (sub == null && a.ipv6OnlySubnets.containsKey(s)) {
                    problems.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(new Problem(p + ".SubnetIds",
                            f.name() + " uses subnet " + s + ", which describe-subnets shows IPv6-only (no CidrBlock):"
                            + " enisim does not connect functions to IPv6-only subnets (a Hyperplane ENI needs an IPv4"
                            + " address; scenarios/README.md, `ipv6Only`)"));
                } else if (sub == null && (a.listedSubnetIds.contains(s) || a.unreadable.contains(Account.SUBNETS)
                        || !subnetsComplete)) {
                    continue; // perhaps in a subnets file that was refused: its own problems say why
                } else if (sub == null) {
                    problems.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(new Problem(p + ".SubnetIds",
                            f.name() + " uses subnet " + s + ", which no describe-subnets file lists (save the"
                            + " subnets of every VPC the functions use)"));
                } else {
                    vpcs.add(sub.vpc());
                }
            }
            if (vpcs.size() > 1) {
                problems.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(new Problem(p + ".SubnetIds",
                        "expected subnets of one VPC, got subnets of " + vpcs));
            }
            if (vpcs.size() != 1) {
                continue;
            }
            String vpc = vpcs.iterator().next();
            if (f.vpcId() != null && !f.vpcId().equals(vpc)) { // Lambda sets VpcId from the subnets: not real output
                problems.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(new Problem(p + ".VpcId",
                        f.name() + " names VPC " + f.vpcId() + ", but its subnets (" + String.join(", ", f.subnets())
                        + ") are in " + vpc + " (describe-subnets): expected the VPC of its subnets, as Lambda"
                        + " reports it (were the files saved at different times, or edited?)"));
            }
            for (String g : f.groups()) {
                String known = a.groupVpc.get(g);
                if (known != null && !known.equals(vpc)) {
                    problems.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(new Problem(
                            p + ".SecurityGroupIds", "security group " + g + " is in " + known
                            + " (describe-security-groups), but the function's subnets are in " + vpc));
                }
                if (known == null && groupsGiven) {
                    unlisted.add(g);
                }
                String other = groupVpcByUse.putIfAbsent(g, vpc);
                if (known == null && other != null && !other.equals(vpc)) { // the scenario defines a group in one VPC
                    Account.Function first = firstUser.get(g);
                    problems.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(new Problem(
                            p + ".SecurityGroupIds", "security group " + g + " is used here with subnets of " + vpc
                            + " and by " + first.name() + " (" + first.file() + ", " + first.path() + ") with subnets of "
                            + other + ": a security group belongs to one VPC, so one of these descriptions is stale or"
                            + " edited (save both again, or add describe-security-groups output to tell which)"));
                    continue;
                }
                firstUser.putIfAbsent(g, f);
                used.computeIfAbsent(vpc, k -> new TreeSet<>()).add(g);
            }
        }
        throwIfAny(problems);
        if (!unlisted.isEmpty()) {
            a.notes.add("security group(s) " + String.join(", ", unlisted) + " not in the describe-security-groups"
                    + " output: taken to be in the VPC of the subnets that use them");
        }
        return used;
    }

    /**
     * A function saved {@code Pending} with StateReasonCode {@code Restoring}: invoked while Inactive, Lambda is
     * restoring its ENIs (functions-states.html); its invocations fail with ResourceNotReadyException, not the
     * ResourceConflictException of a function being created.
     */
    static final String RESTORING = "Pending (Restoring)";

    /**
     * A function saved {@code Failed}, with the StateReasonCode saved ({@code reason}, null when none): its creation
     * failed, and AWS keeps it Failed until it is deleted and recreated (domain.md section 2), so it starts
     * {@code existing: Failed}, not created again.
     */
    static String failed(String reason) {
        return reason == null || reason.isBlank() ? "Failed" : "Failed (" + reason + ")";
    }

    /**
     * A function saved {@code Inactive} with a StateReasonCode other than Idle ({@code reason}): its last restore
     * failed, and AWS put it back to Inactive with the reason (domain.md section 2).
     */
    static String inactive(String reason) {
        return "Inactive (" + reason + ")";
    }

    /** Whether {@code state} is Inactive, with a reason ({@link #inactive}) or not. */
    static boolean isInactive(String state) {
        return state != null && (state.equals("Inactive") || state.startsWith("Inactive ("));
    }

    /**
     * The StateReasonCode an existing Inactive function is written with, when its saved one ({@link #inactive}) is
     * a restore failure the model simulates; null otherwise (Idle, the default).
     */
    static StateReasonCode restoreReason(String state) {
        String saved = state != null && state.startsWith("Inactive (") ? savedReason(state) : null;
        for (StateReasonCode c : StateReasonCode.FAILED_RESTORE) {
            if (c.name().equals(saved)) {
                return c;
            }
        }
        return null;
    }

    /** Whether {@code state} (an {@link Account.Function#state}) is one {@link #failed} made. */
    static boolean isFailed(String state) {
        return state != null && (state.equals("Failed") || state.startsWith("Failed ("));
    }

    /** The StateReasonCode saved with a Failed or Inactive {@code state}, or null when none was. */
    static String savedReason(String state) {
        return state.startsWith("Failed (") || state.startsWith("Inactive (") ? state.substring(state.indexOf('(')
                + 1, state.length() - 1) : null;
    }

    /**
     * The {@code stateReasonCode} an existing Failed function is written with: the one saved when the model
     * simulates it, else the default (InternalError, AWS's generic code: its invocations get
     * ResourceConflictException), which then stands for the one saved (a note says so).
     */
    static StateReasonCode failedReason(String state) {
        String saved = savedReason(state);
        for (StateReasonCode c : StateReasonCode.FAILED_CREATION) {
            if (c.name().equals(saved)) {
                return c;
            }
        }
        return StateReasonCode.FAILED_CREATION.get(0);
    }

    /**
     * State at time 0: the State get-function-configuration printed, if any; else Active when the saved network
     * interfaces show an ENI for every key of the function (or none were saved), Inactive when one is missing.
     * Failed functions start Failed (their creation failed before: AWS keeps them so until deleted and recreated, with
     * no ENI); Pending functions are created at time 0 instead, so the simulation redoes their ENIs; a Pending one
     * whose StateReasonCode is Restoring (being restored after an Inactive spell, not created) starts Inactive, so that
     * its invocations fail with ResourceNotReadyException and restore it, as in AWS.
     */
    private static void states(Account a, boolean enisGiven, Map<String, CloudWatch.Traffic> traffic,
            Map<String, String> start, Map<String, String> why) {
        for (Account.Function f : a.functions.values()) {
            String s = f.state();
            String missing = enisGiven ? missingKey(a, f) : null;
            if ("Active".equals(s) || "Inactive".equals(s)) {
                start.put(f.name(), s);
                why.put(f.name(), "State " + s + " (" + f.stateSource() + ")");
                invokedThoughInactive(a, f, traffic.get(f.name()));
            } else if (isInactive(s)) {
                String saved = savedReason(s);
                StateReasonCode code = restoreReason(s);
                start.put(f.name(), "Inactive");
                why.put(f.name(), "State " + s + " (" + f.stateSource() + "): its last restore failed");
                a.notes.add(f.name() + " was Inactive with StateReasonCode " + saved + ": its last restore failed"
                        + (code == null ? "; " + saved + " is not one enisim simulates for an Inactive function"
                        + " (" + StateReasonCode.FAILED_RESTORE + "), so it starts existing: Inactive as if idle"
                        : " for that reason (Lambda puts a function whose restore fails back to Inactive with the"
                        + " reason), so it starts existing: Inactive with stateReasonCode " + code + ": it holds no"
                        + " ENI, and its next invocation fails (ResourceNotReadyException) and tries the restore"
                        + " again; the cause to look at is " + code + ", not idleness"));
                invokedThoughInactive(a, f, traffic.get(f.name()));
            } else if (isFailed(s)) {
                String saved = savedReason(s);
                StateReasonCode code = failedReason(s);
                start.put(f.name(), "Failed");
                why.put(f.name(), "State " + s + " (" + f.stateSource() + "): its creation failed");
                a.notes.add(f.name() + " was Failed" + (saved == null ? "" : " (StateReasonCode " + saved + ")")
                        + ": its creation failed, and Lambda keeps it Failed until it is deleted and recreated, so it"
                        + " starts existing: Failed, not created again: it holds no ENI and every invocation fails"
                        + (saved == null ? "; no StateReasonCode was saved: stateReasonCode " + code + " (the default)"
                        : code.name().equals(saved) ? "" : "; StateReasonCode " + saved + " is not one enisim"
                        + " simulates: stateReasonCode " + code + " stands for it (its invocations get"
                        + " ResourceConflictException)") + ". A timeline deleteFunction then createFunction models"
                        + " the fix");
            } else if (RESTORING.equals(s) && f.inVpc() && !(enisGiven && missing == null)) {
                start.put(f.name(), "Inactive");
                why.put(f.name(), "State Pending (Restoring): being restored after an Inactive spell");
                a.notes.add(f.name() + " was Pending (StateReasonCode Restoring): Lambda was restoring its ENIs after"
                        + " an Inactive spell, not creating the function; it starts Inactive, so its first invocation"
                        + " fails with ResourceNotReadyException and restores it, as invocations of a restoring"
                        + " function fail in AWS (a new function's Pending would give ResourceConflictException)");
            } else if (("Pending".equals(s) || RESTORING.equals(s)) && enisGiven && f.inVpc() && missing == null) {
                start.put(f.name(), "Active");
                why.put(f.name(), "State " + s + ", with a Lambda ENI for each of its " + f.subnets().size()
                        + " key(s) already: Lambda uses them, so it starts Active");
                a.notes.add(f.name() + " was " + s + ", but the network interfaces show a Lambda ENI for each of its"
                        + " keys: it starts Active on them (as Lambda reuses a key's ENI), not Pending again");
            } else if (s != null) {
                a.notes.add(f.name() + " was " + s + ": it is created at time 0, so it goes Pending again while its"
                        + " ENIs are created");
            } else if (!f.inVpc()) {
                start.put(f.name(), "Active");
                why.put(f.name(), "not in a VPC");
            } else if (!enisGiven) {
                List<String> free = f.subnets().stream().filter(id -> a.subnets.containsKey(id)
                        && a.subnets.get(id).usableIps() == a.subnets.get(id).availableIps()).toList();
                boolean invoked = invoked(traffic.get(f.name()));
                if (free.size() == f.subnets().size() && !invoked) {
                    start.put(f.name(), "Inactive");
                    why.put(f.name(), "describe-subnets shows every address of " + String.join(", ", free)
                            + " free, so no ENI of it is there: reclaimed while idle");
                    a.notes.add(f.name() + ": no describe-network-interfaces output, and AvailableIpAddressCount shows"
                            + " every address of its subnet(s) free, so it has no ENI: it starts Inactive (idle, its ENIs"
                            + " reclaimed; the first invocation fails and restores it). Give --enis to tell for sure");
                } else {
                    start.put(f.name(), "Active");
                    why.put(f.name(), "assumed: no describe-network-interfaces output to tell");
                    if (!free.isEmpty()) {
                        a.notes.add(f.name() + ": taken as Active (no describe-network-interfaces output to tell"
                                + (invoked ? "; CloudWatch shows it invoked" : "") + "), though AvailableIpAddressCount"
                                + " shows every address of " + String.join(", ", free) + " free, so no ENI of it is"
                                + " there (give --enis to tell)");
                    }
                }
            } else if (missing != null && seenKeys(a, f) > 0) {
                start.put(f.name(), "Active");
                int seen = seenKeys(a, f);
                why.put(f.name(), "a Lambda ENI seen for " + seen + " of its " + f.subnets().size() + " key(s)");
                a.notes.add(f.name() + ": a Lambda ENI seen for " + seen + " of its " + f.subnets().size() + " keys,"
                        + " none in " + missing + " for " + f.groups() + ": Lambda reclaims an idle function's ENIs"
                        + " all together, so it starts Active, with an ENI recreated for each key (was the"
                        + " describe-network-interfaces output filtered, or an ENI being replaced?)");
            } else if (missing != null && invoked(traffic.get(f.name()))) {
                start.put(f.name(), "Active");
                why.put(f.name(), "invoked in the CloudWatch window, though no Lambda ENI was seen in " + missing);
                a.notes.add(f.name() + ": no Lambda ENI seen in " + missing + " for " + f.groups() + ", yet CloudWatch"
                        + " shows it invoked in the window saved: a function idle for weeks is Inactive, not this one,"
                        + " so it starts Active (was the describe-network-interfaces output filtered, or saved at"
                        + " another time?)");
            } else {
                start.put(f.name(), missing == null ? "Active" : "Inactive");
                why.put(f.name(), missing == null ? "a Lambda ENI seen for each of its " + f.subnets().size()
                        + " key(s)" : "no Lambda ENI seen in " + missing + " for " + f.groups() + ": reclaimed while idle");
            }
        }
    }

    /**
     * A function saved Inactive that CloudWatch counts invocations of in the window: Invocations count only calls
     * that ran, and an Inactive function runs none until restored, so the two files contradict each other; the note
     * says so, and what import chose (the saved State: its calls fail in the run while it is restored).
     */
    private static void invokedThoughInactive(Account a, Account.Function f, CloudWatch.Traffic t) {
        if (!invoked(t) || !isInactive(f.state())) {
            return;
        }
        double calls = 0;
        long first = Long.MAX_VALUE;
        for (Map.Entry<Long, Double> e : t.invocations().entrySet()) {
            if (e.getValue() > 0) {
                calls += e.getValue();
                first = Math.min(first, e.getKey());
            }
        }
        a.notes.add(f.name() + ": saved State Inactive (" + f.stateSource() + "), yet CloudWatch counts "
                + ScenarioWriter.count(calls) + " Invocations of it in the window, the first at "
                + java.time.Instant.ofEpochSecond(first) + ": the files contradict each other, as Invocations count only"
                + " calls that ran and an Inactive function runs none until restored (was it saved before those calls,"
                + " or after a later idle spell?). Import kept the saved State, existing: Inactive, so in the run its"
                + " first calls fail with ResourceNotReadyException while it is restored; if it was Active in the"
                + " window, set existing: Active");
    }

    /**
     * The functions whose LastModified falls inside the window (from {@code t0}, {@code seconds} long): created or
     * updated then, they start as saved, after the change; a note names each and the offset to put the change at.
     */
    private static void changedInWindow(Account a, long t0, long seconds) {
        if (t0 == Long.MAX_VALUE) {
            return;
        }
        a.lastModified.forEach((name, at) -> {
            long offset = at.getEpochSecond() - t0;
            if (a.functions.containsKey(name) && offset >= 0 && offset < seconds
                    && !a.replayedUpdates.containsKey(name)) { // a replayed update is on the timeline at it already
                String when = ScenarioWriter.time(offset);
                a.notes.add(name + ": LastModified " + at + " is inside the window, " + when + " after startsAt: the"
                        + " function was created or its configuration updated then, yet it starts as saved, after"
                        + " that change, from time 0. To replay the change, put it on the timeline at `at: " + when
                        + "`: if it was created then, replace `existing` with `createdAt: " + when + "`; if it was"
                        + " updated, start it from the configuration before and add an updateVpcConfig at `at: "
                        + when + "`");
            }
        });
    }

    /**
     * A function saved with a VpcConfig update InProgress whose subnets hold Lambda ENIs listed on security groups
     * that no imported function uses: likely the configuration before the update, whose ENIs Lambda deletes once the
     * update completes; the run counts them as other tenants' for the whole run, and the note says how to free them.
     */
    private static void oldKeyOfUpdate(Account a) {
        for (String name : a.updateInProgress) {
            Account.Function f = a.functions.get(name);
            if (f == null || !f.inVpc() || a.replayedUpdates.containsKey(name)) {
                continue;
            }
            Set<List<String>> used = new java.util.HashSet<>();
            a.functions.values().forEach(g -> used.add(g.groups()));
            Map<List<String>, Integer> old = new TreeMap<>((x, y) -> String.join(",", x).compareTo(String.join(",",
                    y)));
            for (Account.Eni e : a.enis.values()) {
                if (f.subnets().contains(e.subnet()) && !used.contains(e.groups())) {
                    old.merge(e.groups(), 1, Integer::sum);
                }
            }
            old.forEach((groups, n) -> a.notes.add(name + ": its update was InProgress, and describe-network-interfaces"
                    + " lists " + n + " Lambda ENI(s) in its subnets on security groups " + groups + ", which no"
                    + " imported function uses: likely the configuration before the update. The run starts the"
                    + " function on the new configuration and counts those ENIs as other tenants' (otherUsedIps,"
                    + " otherUsedEnis) for the whole run, where Lambda deletes them once the update completes: to free"
                    + " them, lower them with setOtherUsedIps and setOtherUsedEnis on the timeline when you expect"
                    + " the update to end"));
        }
    }

    /**
     * An update under way when saved that the scenario replays: the function starts on {@code oldSubnets} and {@code
     * oldGroups} (the key its listed ENIs show, {@code oldEnis} of them) and a timeline updateVpcConfig at {@code
     * atSeconds} moves it to {@code subnets} and {@code groups} (the VpcConfig printed); {@code named}: the ENIs were
     * told by their Description naming the function, else by their security groups no imported function uses;
     * {@code atLastModified}: the update is put at the function's LastModified, inside the window (else at 0).
     */
    record Replayed(List<String> subnets, List<String> groups, long atSeconds, boolean atLastModified,
            List<String> oldSubnets, List<String> oldGroups, int oldEnis, boolean named) {
    }

    /** How Lambda describes its ENIs: {@code AWS Lambda VPC ENI-<function name>-<id>}. */
    static final String ENI_DESCRIPTION = "AWS Lambda VPC ENI-";

    /**
     * The imported function a Lambda ENI's Description names ({@code AWS Lambda VPC ENI-orders-api-3f1c...}: the
     * longest imported name it starts with, as names may hold '-'); "" when it names another function (not imported),
     * null when it names none (no Description, or Lambda's bare one).
     */
    static String describedFunction(Account a, String description) {
        if (description == null || !description.startsWith(ENI_DESCRIPTION)
                || description.length() == ENI_DESCRIPTION.length()) {
            return null;
        }
        String rest = description.substring(ENI_DESCRIPTION.length());
        String best = "";
        for (String name : a.functions.keySet()) {
            if (rest.startsWith(name + "-") && name.length() > best.length()) {
                best = name;
            }
        }
        return best;
    }

    /**
     * A function saved Active with LastUpdateStatus InProgress, whose listed Lambda ENIs are on another key than the
     * VpcConfig printed (and none yet on that one, unless another function starting Active shares it): the update
     * was under way, and Lambda had not switched. The scenario starts it on the key its ENIs show and puts an
     * updateVpcConfig to the printed VpcConfig on the timeline (at its LastModified when inside the window, else at
     * 0), so that the run makes the new key's ENIs (LastUpdateStatus InProgress until they are ready), switches, and
     * releases the old key's ENIs no other function uses, as domain.md section 2 says Lambda does. Its ENIs are those
     * in its VPC whose Description names it, else (none does) those in its subnets on security groups no imported
     * function uses; when they show more than one security-group set, which was its, is not known: no replay, and
     * {@link #oldKeyOfUpdate} says so as before.
     */
    private static void replayUpdates(Account a, Map<String, String> start, Map<String, TreeSet<String>> groups,
            long t0, long seconds) {
        Set<List<String>> used = new java.util.HashSet<>();
        a.functions.values().forEach(g -> used.add(g.groups()));
        for (String name : a.updateInProgress) {
            Account.Function f = a.functions.get(name);
            String vpc = f == null || !f.inVpc() || !a.subnets.containsKey(f.subnets().get(0)) ? null
                    : a.subnets.get(f.subnets().get(0)).vpc();
            if (vpc == null || !"Active".equals(start.get(name)) || newKeyListed(a, f, start)) {
                continue;
            }
            Map<List<String>, TreeSet<String>> named = new TreeMap<>(Importer::byJoined);
            Map<List<String>, TreeSet<String>> unused = new TreeMap<>(Importer::byJoined);
            Map<List<String>, Integer> count = new TreeMap<>(Importer::byJoined);
            for (Account.Eni e : a.enis.values()) {
                Account.Subnet s = a.subnets.get(e.subnet());
                if (s == null || !s.vpc().equals(vpc) || e.groups().equals(f.groups()) || e.owner() != null
                        && f.account() != null && !e.owner().equals(f.account())) {
                    continue;
                }
                String of = describedFunction(a, a.eniDescriptions.get(e.id()));
                if (name.equals(of)) {
                    named.computeIfAbsent(e.groups(), k -> new TreeSet<>()).add(e.subnet());
                } else if (of == null && f.subnets().contains(e.subnet()) && !used.contains(e.groups())) {
                    unused.computeIfAbsent(e.groups(), k -> new TreeSet<>()).add(e.subnet());
                } else {
                    continue;
                }
                count.merge(e.groups(), 1, Integer::sum);
            }
            Map<List<String>, TreeSet<String>> found = named.isEmpty() ? unused : named;
            if (found.size() != 1) {
                continue;
            }
            List<String> oldGroups = found.keySet().iterator().next();
            if (oldGroups.stream().anyMatch(g -> a.groupVpc.containsKey(g) && !a.groupVpc.get(g).equals(vpc))) {
                continue;
            }
            long offset = t0 == Long.MAX_VALUE || !a.lastModified.containsKey(name) ? -1
                    : a.lastModified.get(name).getEpochSecond() - t0;
            boolean atLastModified = offset >= 0 && offset < seconds;
            Replayed r = new Replayed(f.subnets(), f.groups(), atLastModified ? offset : 0, atLastModified,
                    List.copyOf(found.get(oldGroups)), oldGroups, count.get(oldGroups), !named.isEmpty());
            a.replayedUpdates.put(name, r);
            a.notes.removeIf(n -> n.startsWith(name + ": " + FunctionsReader.IN_PROGRESS)); // what it said, undone
            a.functions.put(name, f.withVpcConfig(r.oldSubnets(), r.oldGroups()));
            groups.computeIfAbsent(vpc, k -> new TreeSet<>()).addAll(oldGroups);
            String at = ScenarioWriter.time(r.atSeconds());
            a.notes.add(name + ": LastUpdateStatus InProgress when saved, and describe-network-interfaces lists " + r
                    .oldEnis() + " Lambda ENI(s) of it on security groups " + oldGroups + " in " + String.join(", ",
                    r.oldSubnets()) + (r.named() ? " (their Description names it)" : " (in its subnets, on security"
                    + " groups no imported function uses)") + ", none on the VpcConfig printed: the update was under"
                    + " way, and Lambda had not switched to it. Replayed: the function starts on the configuration its"
                    + " ENIs show (subnetIds " + r.oldSubnets() + ", securityGroupIds " + oldGroups + "), and the"
                    + " timeline updates its VpcConfig to the one printed at `at: " + at + "` (" + (atLastModified
                    ? "its LastModified, " + a.lastModified.get(name) : "time 0") + "): the run makes the new key's"
                    + " ENIs (LastUpdateStatus InProgress until they are ready), then switches to them and releases the"
                    + " old key's ENIs that no other function uses (after eniDeleteTime), as Lambda does. The new ENIs"
                    + " are made from the update's start in the run, though Lambda may have begun them before the save");
        }
    }

    /**
     * Whether describe-network-interfaces lists an ENI of the function's printed key that no other function starting
     * Active shares: Lambda had made the new ENIs already (so the run could not start on the old key without them).
     */
    private static boolean newKeyListed(Account a, Account.Function f, Map<String, String> start) {
        for (Account.Eni e : a.enis.values()) {
            if (e.groups().equals(f.groups()) && f.subnets().contains(e.subnet()) && a.functions.values().stream()
                    .noneMatch(g -> g != f && "Active".equals(start.get(g.name())) && g.groups().equals(f.groups())
                    && g.subnets().contains(e.subnet()))) {
                return true;
            }
        }
        return false;
    }

    private static int byJoined(List<String> x, List<String> y) {
        return String.join(",", x).compareTo(String.join(",", y));
    }

    /** The first of the function's subnets where no Lambda ENI of its security groups was seen, or null. */
    private static String missingKey(Account a, Account.Function f) {
        for (String subnet : f.subnets()) {
            boolean seen = a.enis.values().stream().anyMatch(e -> e.subnet().equals(subnet)
                    && e.groups().equals(f.groups()));
            if (!seen) {
                return subnet;
            }
        }
        return null;
    }

    /** How many of the function's keys (subnet + its security groups) have a Lambda ENI listed. */
    private static int seenKeys(Account a, Account.Function f) {
        int n = 0;
        for (String subnet : f.subnets()) {
            if (a.enis.values().stream().anyMatch(e -> e.subnet().equals(subnet) && e.groups().equals(f.groups()))) {
                n++;
            }
        }
        return n;
    }

    /** A key a function Active at time 0 starts on: a subnet, its security groups (sorted), an account ("" alone). */
    record StartedKey(String subnet, List<String> groups, String account) implements Comparable<StartedKey> {
        @Override
        public int compareTo(StartedKey o) {
            int c = subnet.compareTo(o.subnet);
            c = c != 0 ? c : String.join(",", groups).compareTo(String.join(",", o.groups));
            return c != 0 ? c : account.compareTo(o.account);
        }

        /** As the model labels a key: {@code subnet-a+[sg-1,sg-2]}, {@code 111122223333:subnet-a+[sg-1]}. */
        String label() {
            return (account.isEmpty() ? "" : account + ":") + subnet + "+[" + String.join(",", groups) + "]";
        }
    }

    /** The ENIs each started key starts with, and the Lambda ENIs of each subnet no started key takes, by kind. */
    record KeyEnis(TreeMap<StartedKey, Integer> started, Map<String, int[]> extra) {
    }

    /**
     * The Lambda ENIs listed, by the key they belong to (a key is a subnet and a security-group set, in an account: an
     * ENI belongs to the key its subnet and groups equal). {@code started}: each key of a function Active at time
     * 0, with the ENIs it starts with: every Lambda ENI listed for it, in-use or available (several: Hyperplane
     * scaled it out), and at least one. Where functions of several accounts start on one subnet and group set, an
     * ENI is the key's of the account its OwnerId names; those whose OwnerId names none of them give one to each of
     * their keys that has none. {@code extra}: per subnet, the Lambda ENIs listed there that no started key takes, by
     * kind: {@code [0]} more of a subnet and group set several accounts start on, whose OwnerId names none of them
     * (whose key, the listing does not say), {@code [1]} of the key of an imported function that does not start
     * Active, {@code [2]} of no imported function's key (old versions, other functions, changed VpcConfigs).
     */
    static KeyEnis keyEnis(Account a, Map<String, String> start) {
        // subnet -> security-group set -> the accounts that start a key of it
        Map<String, Map<List<String>, Set<String>>> startedBy = new TreeMap<>();
        Map<String, Set<List<String>>> imported = new TreeMap<>();
        for (Account.Function f : a.functions.values()) {
            for (String s : f.subnets()) {
                imported.computeIfAbsent(s, k -> new java.util.HashSet<>()).add(f.groups());
                if ("Active".equals(start.get(f.name()))) {
                    startedBy.computeIfAbsent(s, k -> new java.util.HashMap<>()).computeIfAbsent(f.groups(),
                            k -> new TreeSet<>()).add(a.keyAccount(f));
                }
            }
        }
        TreeMap<StartedKey, Integer> started = new TreeMap<>();
        startedBy.forEach((subnet, byGroups) -> byGroups.forEach((groups, accounts) -> accounts.forEach(
                account -> started.put(new StartedKey(subnet, groups, account), 0))));
        Map<String, int[]> out = new TreeMap<>();
        Map<StartedKey, Integer> unowned = new TreeMap<>(); // subnet + groups ("" account) -> ENIs of no account's
        for (Account.Eni e : a.enis.values()) {
            if (!a.subnets.containsKey(e.subnet())) {
                continue;
            }
            int[] kinds = out.computeIfAbsent(e.subnet(), k -> new int[3]);
            Set<String> accounts = startedBy.getOrDefault(e.subnet(), Map.of()).get(e.groups());
            if (accounts != null) {
                String owner = accounts.size() == 1 ? accounts.iterator().next()
                        : e.owner() != null && accounts.contains(e.owner()) ? e.owner() : null;
                if (owner != null) {
                    started.merge(new StartedKey(e.subnet(), e.groups(), owner), 1, Integer::sum);
                } else {
                    unowned.merge(new StartedKey(e.subnet(), e.groups(), ""), 1, Integer::sum);
                }
            } else if (imported.getOrDefault(e.subnet(), Set.of()).contains(e.groups())) {
                kinds[1]++;
            } else {
                kinds[2]++;
            }
        }
        unowned.forEach((u, n) -> {
            int left = n;
            for (String account : startedBy.get(u.subnet()).get(u.groups())) {
                StartedKey k = new StartedKey(u.subnet(), u.groups(), account);
                if (left > 0 && started.get(k) == 0) {
                    started.put(k, 1);
                    left--;
                }
            }
            out.get(u.subnet())[0] += left;
        });
        started.replaceAll((k, n) -> Math.max(1, n));
        return new KeyEnis(started, out);
    }

    /**
     * A note per VPC with keys that start with more than one ENI ({@code vpcs[*].enisAtStart}): how many, which (the
     * first {@link #GROUP_ABOVE}), and why: describe-network-interfaces lists that many Lambda ENIs for the key, so
     * Hyperplane had scaled it out; they are Lambda's, carry the key's connections and go when the key has no user.
     */
    private static void scaledOut(Account a, TreeMap<StartedKey, Integer> started) {
        Map<String, List<String>> byVpc = new TreeMap<>();
        Map<String, Integer> enis = new TreeMap<>();
        started.forEach((k, n) -> {
            if (n > 1) {
                String vpc = a.subnets.get(k.subnet()).vpc();
                byVpc.computeIfAbsent(vpc, x -> new ArrayList<>()).add(k.label() + ": " + n);
                enis.merge(vpc, n, Integer::sum);
            }
        });
        byVpc.forEach((vpc, keys) -> a.notes.add(vpc + ": " + keys.size() + " key(s) start with more than one Lambda"
                + " ENI, " + enis.get(vpc) + " in all (" + names(keys, GROUP_ABOVE) + "; vpcs[*].enisAtStart):"
                + " describe-network-interfaces lists that many for each (in-use or available), so Hyperplane had"
                + " scaled them out. They are recreated at time 0 as the key's own (an address, a slot of the VPC's"
                + " Hyperplane ENI quota and of the Region's network interfaces each), carry its connections, and are"
                + " deleted when the key has no user left (idle reclaim), not held as other services' ENIs"));
    }

    /**
     * The VPC functions that start Active (existing) and that CloudWatch shows quiet for the whole window: a result of
     * their Invocations with no invocation. The run starts their idle clock at time 0, as it cannot know when they
     * were last invoked before the window, so one quiet for weeks already goes Inactive later in the run than in AWS.
     */
    private static List<String> quiet(Account a, Map<String, String> start, Map<String, CloudWatch.Traffic> traffic) {
        List<String> out = new ArrayList<>();
        for (Account.Function f : a.functions.values()) {
            CloudWatch.Traffic t = traffic.get(f.name());
            if (f.inVpc() && "Active".equals(start.get(f.name())) && t != null && !invoked(t)) {
                out.add(f.name());
            }
        }
        return out;
    }

    /** Whether CloudWatch counted any invocation in the window. */
    private static boolean invoked(CloudWatch.Traffic t) {
        return t != null && t.invocations().values().stream().anyMatch(n -> n > 0);
    }

    /**
     * Per VPC, the Lambda ENIs seen that no key the simulation starts at time 0 takes ({@link #keyEnis}: of keys no
     * imported function starts with; a started key's are its own, all of them): they count against the VPC's
     * Hyperplane ENI quota as {@code otherUsedEnis}, as their addresses count as other tenants'.
     */
    private static Map<String, Integer> otherLambdaEnis(Account a, Map<String, int[]> extra) {
        Map<String, Integer> out = new TreeMap<>();
        for (Map.Entry<String, int[]> e : extra.entrySet()) {
            int n = e.getValue()[0] + e.getValue()[1] + e.getValue()[2];
            if (n > 0) {
                out.merge(a.subnets.get(e.getKey()).vpc(), n, Integer::sum);
            }
        }
        return out;
    }

    /**
     * Per VPC, other services' interfaces counted against its Hyperplane ENI quota, by kind (see
     * {@link Account#otherEnis}): in the VPC the output names when a described subnet is in it, else in the VPC of
     * the described subnet it is in; one in neither is left out. The notes say what was counted and on what grounds
     * (EFS: documented; other Hyperplane-managed interfaces: assumed), and what was not.
     */
    private static Map<String, TreeMap<String, Integer>> otherServiceEnis(Account a, int[] outside) {
        Set<String> vpcs = new TreeSet<>();
        a.subnets.values().forEach(s -> vpcs.add(s.vpc()));
        Map<String, TreeMap<String, Integer>> out = new TreeMap<>();
        int elsewhere = 0;
        for (Account.OtherEni e : a.otherEnis.values()) {
            Account.Subnet sub = e.subnet() == null ? null : a.subnets.get(e.subnet());
            String vpc = e.vpc() != null && vpcs.contains(e.vpc()) ? e.vpc() : sub != null ? sub.vpc() : null;
            if (vpc == null) {
                elsewhere++;
            } else {
                out.computeIfAbsent(vpc, k -> new TreeMap<>()).merge(e.kind(), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, TreeMap<String, Integer>> v : out.entrySet()) {
            int efs = v.getValue().getOrDefault(Account.EFS, 0);
            String assumed = assumedKinds(v.getValue());
            int n = v.getValue().values().stream().mapToInt(Integer::intValue).sum();
            a.notes.add(v.getKey() + ": otherUsedEnis counts " + n + " other services' network interface(s) against the"
                    + " VPC's Hyperplane ENI quota:" + (efs == 0 ? "" : " " + efs + " " + Account.EFS + " ENI(s), as"
                    + " Lambda's quota is \"shared with other services, such as Amazon EFS\" [doc]"
                    + (assumed.isEmpty() ? "" : "; and")) + (assumed.isEmpty() ? "" : " on an assumption, " + assumed
                    + " (Hyperplane-managed, as Lambda's ENIs are; AWS names only EFS, so lower otherUsedEnis if these"
                    + " do not count in your account)"));
        }
        if (elsewhere > 0) {
            outside[0] += elsewhere;
            a.notes.add(elsewhere + " other services' ENI(s) of the Hyperplane ENI quota in VPCs no describe-subnets"
                    + " file lists: in no simulated VPC, counted only against the Region's network interfaces"
                    + " (account.otherNetworkInterfaces)");
        }
        if (!a.uncountedEnis.isEmpty()) {
            TreeMap<String, Integer> inListed = new TreeMap<>();
            int elsewhereUncounted = 0;
            for (Account.OtherEni e : a.uncountedEnis.values()) {
                if (e.subnet() != null && a.subnets.containsKey(e.subnet())) {
                    inListed.merge(e.kind(), 1, Integer::sum);
                } else {
                    elsewhereUncounted++;
                }
            }
            int n = a.uncountedEnis.size();
            outside[0] += n;
            List<String> kinds = new ArrayList<>();
            inListed.forEach((k, c) -> kinds.add(k + " " + c)); // "InterfaceType interface 308" (was "308 interface")
            int listed = n - elsewhereUncounted;
            a.notes.add(n + " other network interface(s) listed are not counted in otherUsedEnis: not EFS's nor"
                    + " Hyperplane-managed (EC2 instances', RDS's, ECS and EKS tasks', yours), they do not share a VPC's"
                    + " Hyperplane ENI quota; they count against the Region's network interfaces"
                    + " (account.otherNetworkInterfaces)" + (listed == 0 ? "" : "; the address of each of the "
                    + listed + " in described subnets (InterfaceType " + String.join(", ", kinds) + ") is in its subnet's"
                    + " otherUsedIps, as AvailableIpAddressCount shows it") + (elsewhereUncounted == 0 ? ""
                    : "; " + elsewhereUncounted + " in subnets no describe-subnets file lists hold addresses of no"
                    + " simulated subnet"));
        }
        return out;
    }

    /** The kinds counted on the assumption, {@code 1 nat_gateway, 2 vpc_endpoint}; "" when only EFS's. */
    static String assumedKinds(Map<String, Integer> kinds) {
        List<String> out = new ArrayList<>();
        kinds.forEach((k, c) -> {
            if (!k.equals(Account.EFS)) {
                out.add(c + " " + k);
            }
        });
        return String.join(", ", out);
    }

    /**
     * A subnet whose in-use addresses (usable - AvailableIpAddressCount) are fewer than the ENIs the simulation
     * recreates there at time 0: the files disagree (saved at different times, or an update under way); the run starts
     * with fewer free addresses than AWS showed, and the note says by how many.
     */
    private static void fewerInUse(Account a, Map<String, Integer> enisAtStart) {
        for (Account.Subnet s : a.subnets.values()) {
            long inUse = s.usableIps() - s.availableIps();
            int recreated = enisAtStart.getOrDefault(s.id(), 0);
            if (recreated > inUse) {
                a.notes.add("subnet " + s.id() + ": AvailableIpAddressCount leaves " + inUse + " address(es) in use, but"
                        + " the functions starting Active need " + recreated + " ENI(s) there: the run starts with "
                        + (recreated - inUse) + " fewer free than describe-subnets showed (were the files saved at"
                        + " different times, or was an update under way?)");
            }
        }
    }

    /**
     * A subnet where the network interfaces listed hold more addresses than AvailableIpAddressCount leaves in use
     * (usable - available): the two files cannot both be right at one moment (saved at different times?); the run
     * takes describe-subnets' count, and a note says by how much the listing disagrees.
     */
    private static void moreListedThanInUse(Account a) {
        for (Account.Subnet s : a.subnets.values()) {
            Map<String, Integer> enis = a.listedAddresses.get(s.id());
            if (enis == null) {
                continue;
            }
            long listed = enis.values().stream().mapToLong(Integer::longValue).sum();
            long inUse = s.usableIps() - s.availableIps();
            if (listed > inUse) {
                a.notes.add("subnet " + s.id() + (s.name() == null ? "" : " (" + s.name() + ")") + ": the "
                        + enis.size() + " network interface(s) listed there hold " + listed + " address(es), more than"
                        + " the " + inUse + " in use by describe-subnets (" + s.usableIps() + " usable - "
                        + s.availableIps() + " AvailableIpAddressCount): were describe-subnets and"
                        + " describe-network-interfaces saved at different times? The run starts with "
                        + "AvailableIpAddressCount's " + s.availableIps() + " free; with the listing's, it would have "
                        + Math.max(0, s.usableIps() - listed) + " (save both again, one right after the other)");
            }
        }
    }

    /**
     * Per described subnet, the Lambda ENIs listed there. One in a subnet no describe-subnets file lists counts in the
     * VPC its VpcId names when that VPC is simulated ({@code unlistedByVpc}: VPC -> how many; each holds a slot of the
     * VPC's Hyperplane ENI quota, as other services' interfaces do, and an address of no simulated subnet: the
     * subnets files were saved filtered, the network interfaces by VPC), else only in the Region's interfaces.
     */
    private static Map<String, Integer> lambdaEnis(Account a, int[] outside, Map<String, Integer> unlistedByVpc) {
        Set<String> vpcs = new TreeSet<>();
        a.subnets.values().forEach(s -> vpcs.add(s.vpc()));
        Map<String, Integer> out = new TreeMap<>();
        Map<String, TreeSet<String>> unlistedSubnets = new TreeMap<>();
        int elsewhere = 0;
        for (Account.Eni e : a.enis.values()) {
            if (a.subnets.containsKey(e.subnet())) {
                out.merge(e.subnet(), 1, Integer::sum);
            } else if (e.vpc() != null && vpcs.contains(e.vpc())) {
                unlistedByVpc.merge(e.vpc(), 1, Integer::sum);
                unlistedSubnets.computeIfAbsent(e.vpc(), k -> new TreeSet<>()).add(e.subnet());
            } else {
                elsewhere++;
            }
        }
        unlistedByVpc.forEach((vpc, n) -> a.notes.add(vpc + ": " + n + " Lambda ENI(s) in subnet(s) no"
                + " describe-subnets file lists (" + String.join(", ", unlistedSubnets.get(vpc)) + ") name this VPC as"
                + " their VpcId: each holds a slot of its Hyperplane ENI quota, counted in its otherUsedEnis; their"
                + " addresses are in no simulated subnet (save every subnet of the VPC to simulate them)"));
        if (elsewhere > 0) {
            outside[0] += elsewhere;
            a.notes.add(elsewhere + " Lambda ENI(s) in subnets no describe-subnets file lists: in no simulated VPC,"
                    + " counted only against the Region's network interfaces (account.otherNetworkInterfaces)");
        }
        return out;
    }
}
