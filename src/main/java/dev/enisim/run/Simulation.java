package dev.enisim.run;

import dev.enisim.engine.EventLoop;
import dev.enisim.metrics.CostEstimate;
import dev.enisim.metrics.EnvironmentLevels;
import dev.enisim.metrics.Executions;
import dev.enisim.metrics.Journal;
import dev.enisim.metrics.LatencyRecorder;
import dev.enisim.metrics.Metric;
import dev.enisim.metrics.NatRecorder;
import dev.enisim.metrics.AccountsRecorder;
import dev.enisim.metrics.Observers;
import dev.enisim.metrics.Seconds;
import dev.enisim.metrics.ProvisionedRecorder;
import dev.enisim.metrics.Series;
import dev.enisim.metrics.TimeSeries;
import dev.enisim.metrics.Recorder;
import dev.enisim.metrics.RunSummary;
import dev.enisim.model.SimEvent;
import dev.enisim.model.SimEvent.Arrival;
import dev.enisim.metrics.AsyncRecorder;
import dev.enisim.metrics.SqsRecorder;
import dev.enisim.model.HyperplaneLimits;
import dev.enisim.model.Legacy;
import dev.enisim.model.LambdaService;
import dev.enisim.model.NetworkModel;
import dev.enisim.model.Port;
import dev.enisim.model.Teardown;
import dev.enisim.model.WorldSettings;
import dev.enisim.model.WorldSnapshot;
import dev.enisim.model.eni.EniId;
import dev.enisim.random.RandomStreams;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.ArrivalProcess;
import dev.enisim.workload.FunctionDraws;
import dev.enisim.workload.Sampler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One replication of one scenario: builds the world from the scenario, runs the event loop to the scenario's
 * end, and returns the result. Single-threaded and self-contained: several simulations may run side by side.
 *
 * <p>Random stream names (every stream of a run is made here): {@code function/<name>/arrivals} (and
 * {@code function/<name>/arrivals/<n>} for the further processes of a merged arrival spec),
 * {@code function/<name>/duration}, {@code function/<name>/init}, {@code function/<name>/subnet},
 * {@code function/<name>/async-delivery} (asynchronous functions: destination and DLQ delivery failures),
 * {@code hyperplane/eni-create/<key>}, {@code hyperplane/attach-existing/<key>}, {@code hyperplane/eni-delete/<key>}
 * (each ENI key's own: {@link EniTimingStreams}),
 * {@code scaling/warm-routing} (drawn only by {@code warmRouting: random}), {@code legacy/attach} (legacy model
 * only).
 */
public final class Simulation implements EventLoop.Handler<SimEvent>, EventLoop.PlainHandler,
        EventLoop.SourceHandler, EventLoop.Lookahead {

    /**
     * From this many functions on, the loop tells the run which event comes next ({@link EventLoop.Lookahead}) and
     * the run reads that event's rows ahead ({@link #nextSource}, {@link #nextPlain}): they are out of cache only
     * when the functions' rows (about 700 hot bytes a function: draws, model, metrics) outgrow the core's 1 MiB
     * L2. Measured with {@code many-functions} of n functions in one JVM, rounds with and without alternated (CPU ns
     * per event, with/without, median of 8 rounds at load 12 to 16): n = 1,000 1.03 (no gain: the reads are only
     * instructions), n = 3,000 0.91, n = 10,000 0.93 (16 rounds). So 2,000.
     */
    static final int LOOKAHEAD_FUNCTIONS = 2000;

    /**
     * Events whose rows are read ahead in one batch, every as many events ({@link EventLoop#setLookahead(EventLoop.Lookahead,
     * int)}): a load ahead that misses holds the processor's retirement until its line comes, once per batch, so
     * reading the lines of four events at once waits for them once, not four times. Measured ({@code .ci/pair
     * many-functions --set duration=20m}, 3 rounds each way, load 14 to 20): 4 against 1, 1.074 and 1 / 0.938,
     * both ways 1.070 (steady 1.078).
     */
    static final int LOOKAHEAD_BATCH = 4;

    private final Scenario scenario;
    private final int replication;
    private final EventLoop<SimEvent> loop = new EventLoop<>();
    private final Recorder recorder;
    private final Journal journal = new Journal();
    private final LatencyRecorder latency;
    private final Optional<NatRecorder> nat;
    private final EnvironmentLevels levels;
    private final Executions executions = new Executions();
    private final AsyncRecorder asyncRecorder;
    private final Optional<ProvisionedRecorder> provisioned;
    private final Optional<AccountsRecorder> accountsRecorder;
    private final SqsRecorder sqsRecorder;
    private final LambdaService lambda;
    private final FunctionDraws draws; // function i's arrivals (source i of the loop, not queued) and durations
    private final Observers observers;
    private long touched;              // the rows read ahead, folded: kept so that the reads are not optimised away
    private long readAhead;            // the events whose rows were read ahead (tests)
    private long arrivalCount;
    private long completionCount;
    private boolean checkInvariants;
    private long warmUpMicros;         // 0, or where the summary's statistics begin (warmingUp)
    private long eventsBeforeWarmUp;   // the loop's events delivered in the warm-up (not the summary's)

    public Simulation(Scenario scenario, int replication) {
        this.scenario = scenario;
        this.replication = replication;
        RandomStreams streams = new RandomStreams(scenario.seed(), replication);
        this.recorder = new Recorder(scenario.durationMicros(), scenario.bucketMicros());
        Scenario.Hyperplane hp = scenario.hyperplane();
        // the scenario is the model's configuration (read, not copied); the run adds the samplers, the network
        // model's parameters and the routing draws
        WorldSettings settings = settings(scenario, streams, new EniTimingStreams(streams, hp),
                routingDraws(streams.stream("scaling/warm-routing")));
        this.latency = new LatencyRecorder(scenario.durationMicros(), scenario.bucketMicros());
        this.nat = natRecorder(scenario);
        this.levels = new EnvironmentLevels(scenario.durationMicros(), scenario.bucketMicros());
        this.provisioned = provisionedRecorder(scenario);
        this.accountsRecorder = accountsRecorder(scenario);
        this.asyncRecorder = new AsyncRecorder(scenario.durationMicros(), scenario.bucketMicros());
        loop.setPlainHandler(this);
        loop.setSourceHandler(this);
        this.sqsRecorder = new SqsRecorder(scenario.durationMicros(), scenario.bucketMicros());
        int n = scenario.functions().size();
        this.draws = new FunctionDraws(n);
        String[] prefixes = new String[n]; // each function's streams' names begin so
        java.util.Set<String> named = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            Scenario.Function f = scenario.functions().get(i);
            // by its name, the first function of a name: a second account's function of that name, added after it
            // (gate's change), labels it <account>:<name> but leaves its draws as they were; the later by its label
            String name = f.name().substring(f.name().indexOf(dev.enisim.scenario.FunctionLabels.SEPARATOR) + 1);
            String prefix = "function/" + (named.add(name) ? name : f.name()) + "/";
            prefixes[i] = prefix;
            // the first process keeps the plain name, so adding a second process changes nothing of the first
            draws.arrivals(i, f.arrivals(), part -> streams.stream(part == 0 ? prefix + "arrivals"
                    : prefix + "arrivals/" + part), f.createdAtMicros());
            draws.durations(i, f.duration(), streams.stream(prefix + "duration"));
        }
        // functions are added in scenario order, so function i of the model is function i of the scenario
        // the observers hold an absent recorder as null: one test per event, cheaper than a no-op recorder's call
        this.observers = new Observers(recorder, latency, journal, nat.orElse(null), levels, executions,
                provisioned.orElse(null), accountsRecorder.orElse(null), asyncRecorder, sqsRecorder);
        this.lambda = lambda(scenario, streams, prefixes, draws, LambdaService.builder(settings, Port.of(loop), observers,
                observers, observers)); // the async and SQS recorders behind the observers: their one crossing
        for (int i = 0; i < n; i++) {
            if (loop.addSource(new Arrival(i)) != i) {
                throw new IllegalStateException("function " + i + "'s arrivals are not source " + i);
            }
        }
        List<String> names = scenario.functions().stream().map(Scenario.Function::name).toList();
        recorder.attach(lambda.snapshot());
        boolean[] reserved = new boolean[scenario.functions().size()];
        for (int f = 0; f < reserved.length; f++) {
            reserved[f] = scenario.functions().get(f).reservedConcurrency().isPresent();
        }
        recorder.reserved(reserved);
        journal.attach(names);
        latency.attach(names);
        levels.attach(n);
        if (n >= LOOKAHEAD_FUNCTIONS) {
            loop.setLookahead(this, LOOKAHEAD_BATCH);
        }
        lambda.readAhead(n >= LOOKAHEAD_FUNCTIONS);
        executions.attach(n);
        boolean[] asynchronous = new boolean[n];
        for (int i = 0; i < n; i++) {
            asynchronous[i] = scenario.functions().get(i).asynchronous();
        }
        asyncRecorder.attach(names, asynchronous);
        boolean[] fed = new boolean[n];
        for (int i = 0; i < n; i++) {
            fed[i] = scenario.functions().get(i).fedByQueue();
        }
        sqsRecorder.attach(names, fed);
        // functions deployed before the run first, then the timeline's actions, then the functions the run creates:
        // at one instant (ties run in the order scheduled) an action comes before a creation (scenarios/README: "actions
        // run in time order, before anything else that happens at the same instant"): an EFS mount target a gate adds
        // at the deployment takes its quota slot before the function that mounts it asks for an ENI
        for (int i = 0; i < n; i++) {
            Scenario.Function f = scenario.functions().get(i);
            if (f.existing() != Scenario.Function.Existing.NO) {
                loop.schedule(0, SimEvent.PRIORITY_CONTROL,
                        new SimEvent.ExistingFunction(i, f.existing() == Scenario.Function.Existing.ACTIVE,
                                f.existing() == Scenario.Function.Existing.FAILED ? f.failedReason() : null,
                                warmEnvironments(scenario, f),
                                f.existing() == Scenario.Function.Existing.INACTIVE ? f.failedReason() : null));
            }
        }
        for (Scenario.At a : scenario.timeline()) {
            loop.schedule(a.atMicros(), SimEvent.PRIORITY_CONTROL, a.action());
        }
        for (int i = 0; i < n; i++) {
            Scenario.Function f = scenario.functions().get(i);
            if (f.existing() == Scenario.Function.Existing.NO) {
                loop.schedule(f.createdAtMicros(), SimEvent.PRIORITY_CONTROL, new SimEvent.CreateFunction(i));
            }
        }
        // the first arrivals after every function's first event, not in between: the same order (an arrival never
        // ties with a control event: its priority is another), and the first events, usually all at 0, go to the
        // end of one calendar bucket with no arrival there to walk past
        for (int i = 0; i < n; i++) {
            scheduleNextArrival(i);
        }
    }

    /**
     * The window whose mean rate is a function's rate at time 0 for {@code warmEnvironments: auto}: fixed, not a
     * parameter (README, the warmEnvironments row: {@code auto} stands for an imported account's traffic at time 0; a
     * function that starts later or ramps gives a number instead).
     */
    static final long WARM_RATE_WINDOW_MICROS = 60_000_000L;

    /**
     * The idle environments an {@code existing: Active} function has at time 0: its {@code warmEnvironments} (default
     * 0), or for {@code auto} (which {@code enisim import} writes) {@link dev.enisim.model.LambdaService#warmEnvironments}' figure for its
     * traffic at time 0 (the mean rate of its arrivals over the first minute, its mean duration at most its timeout,
     * the keep-alive), capped by its reserved concurrency or its account's limit. None for any other function; none
     * under the legacy network model (its ENIs are made by cold starts); none for {@code auto} on a function an SQS
     * queue feeds (its poller starts at a few batches and scales up by minutes: no storm to spare it).
     */
    static int warmEnvironments(Scenario scenario, Scenario.Function f) {
        if (f.existing() != Scenario.Function.Existing.ACTIVE || scenario.networkModel() == NetworkModel.LEGACY) {
            return 0;
        }
        if (f.warmEnvironments().isPresent()) {
            return f.warmEnvironments().getAsInt();
        }
        if (f.fedByQueue()) {
            return 0;
        }
        Scenario.Accounts accounts = scenario.accounts();
        int limit = scenario.multiAccount()
                ? accounts.list().get(accounts.index(accounts.of(f.name()))).concurrencyLimit()
                : scenario.account().concurrencyLimit();
        double rate = f.arrivals().meanCount(0, WARM_RATE_WINDOW_MICROS) / (WARM_RATE_WINDOW_MICROS / 1e6);
        double meanSeconds = Math.min(f.duration().mean(), f.timeoutMicros()) / 1e6;
        return dev.enisim.model.LambdaService.warmEnvironments(rate, meanSeconds, scenario.keepAliveMicros() / 1e6,
                f.provisionedConcurrency(), f.reservedConcurrency().orElse(limit));
    }

    /**
     * The scenario's accounts, VPCs, NAT gateways, security groups, subnets and functions (with their durations,
     * and how they are invoked), in its order.
     */
    private static LambdaService lambda(Scenario scenario, RandomStreams streams, String[] prefixes,
            FunctionDraws draws, LambdaService.Builder build) {
        boolean legacyModel = scenario.networkModel() == NetworkModel.LEGACY;
        Scenario.Accounts accounts = scenario.accounts();
        if (scenario.multiAccount()) { // first: each has its own network interfaces per Region, which VPCs charge
            build.setFirstAccount(accounts.list().get(0).id());
            for (Scenario.Account a : accounts.list().subList(1, accounts.list().size())) {
                // before Hyperplane, legacy.eniLimit stood for the Region's limit: every account's
                build.addAccount(a.id(), a.concurrencyLimit(), legacyModel ? scenario.networkInterfacesPerRegion()
                        : a.networkInterfacesPerRegion());
            }
        }
        for (Scenario.Vpc v : scenario.vpcs()) {
            // before Hyperplane, Lambda's ENIs met only the Region's limit: a VPC could hold as many
            // eniQuotaCountedPer: account [assumed]: each account's ENIs count against its own copy of the quota
            build.addVpc(v.id(), legacyModel ? scenario.networkInterfacesPerRegion() : v.eniQuota(),
                    v.otherUsedEnis(), accounts.index(accounts.vpcOwners().getOrDefault(v.id(), "")),
                    v.quotaPerAccount() && !legacyModel);
            for (Scenario.NatGateway g : v.natGateways()) {
                build.addNatGateway(v.id(), g.id(), g.az(), g.addresses());
            }
            for (String g : v.securityGroups()) {
                build.addSecurityGroup(v.id(), g);
            }
            for (Scenario.Subnet s : v.subnets()) {
                build.addSubnet(v.id(), s.id(), s.cidr(), s.az(), s.otherUsedIps());
            }
        }
        // the loader checked that they fit beside the otherUsedEnis of the VPCs each account owns
        if (scenario.multiAccount()) {
            for (int a = 0; a < accounts.list().size(); a++) {
                if (accounts.list().get(a).otherNetworkInterfaces() > 0) {
                    build.addOtherRegionInterfaces(a, accounts.list().get(a).otherNetworkInterfaces());
                }
            }
        } else if (scenario.otherNetworkInterfaces() > 0) {
            build.addOtherRegionInterfaces(scenario.otherNetworkInterfaces());
        }
        for (Scenario.Vpc v : scenario.vpcs()) { // keys Hyperplane scaled out before the run
            for (Scenario.KeyAtStart k : v.enisAtStart()) {
                build.enisAtStart(v.id(), k.subnetId(), k.securityGroupIds(), accounts.index(k.account()), k.enis());
            }
        }
        List<Scenario.Function> functions = scenario.functions();
        for (int index = 0; index < functions.size(); index++) {
            Scenario.Function f = functions.get(index);
            String prefix = prefixes[index];
            int i = build.addFunction(f, streams.stream(prefix + "subnet"),
                    Sampler.of(f.initDuration(), streams.stream(prefix + "init")),
                    accounts.index(accounts.of(f.name())), draws.durationsOf(index));
            for (Scenario.Route r : f.egress().routes()) {
                build.addEgress(i, r.destination(), r.share(), f.egress().keptOpen());
            }
            f.sqs().ifPresent(queue -> build.fedByQueue(i, queue));
            f.async().ifPresent(async -> build.asynchronous(i, async, streams.stream(prefix + "async-delivery")));
        }
        build.durations(draws);
        return build.build();
    }

    /**
     * Provisioned-concurrency observations, for a scenario where some function has provisioned concurrency
     * (configured, or requested on the timeline); empty otherwise.
     */
    private static Optional<ProvisionedRecorder> provisionedRecorder(Scenario scenario) {
        List<OptionalInt> configured = new ArrayList<>();
        boolean any = false;
        for (Scenario.Function f : scenario.functions()) {
            int pc = f.provisionedConcurrency();
            configured.add(pc > 0 ? OptionalInt.of(pc) : OptionalInt.empty());
            any |= pc > 0;
        }
        for (Scenario.At a : scenario.timeline()) {
            if (a.action() instanceof SimEvent.PutProvisionedConcurrency p && configured.get(p.function()).isEmpty()) {
                configured.set(p.function(), OptionalInt.of(0));
                any = true;
            }
        }
        if (!any) {
            return Optional.empty();
        }
        ProvisionedRecorder r = new ProvisionedRecorder(scenario.durationMicros(), scenario.bucketMicros());
        long[] created = new long[configured.size()]; // billed from its creation: it cannot be enabled before
        for (int i = 0; i < created.length; i++) {
            created[i] = scenario.functions().get(i).createdAtMicros();
        }
        r.attach(scenario.functions().stream().map(Scenario.Function::name).toList(), configured, created);
        return Optional.of(r);
    }

    /** The per-account breakdown, for a scenario with several accounts; empty otherwise. */
    private static Optional<AccountsRecorder> accountsRecorder(Scenario scenario) {
        if (!scenario.multiAccount()) {
            return Optional.empty();
        }
        Scenario.Accounts accounts = scenario.accounts();
        int[] of = new int[scenario.functions().size()];
        for (int i = 0; i < of.length; i++) {
            of[i] = accounts.index(accounts.of(scenario.functions().get(i).name()));
        }
        return Optional.of(new AccountsRecorder(scenario.durationMicros(), scenario.bucketMicros(),
                accounts.list().stream().map(Scenario.Account::id).toList(),
                scenario.functions().stream().map(Scenario.Function::name).toList(), of));
    }

    /**
     * NAT egress series, for a scenario with NAT gateways (empty otherwise); gateways and destinations in the
     * world's order.
     */
    private static Optional<NatRecorder> natRecorder(Scenario scenario) {
        List<String> gateways = new ArrayList<>();
        scenario.vpcs().forEach(v -> v.natGateways().forEach(g -> gateways.add(g.id())));
        if (gateways.isEmpty()) {
            return Optional.empty();
        }
        List<String> destinations = new ArrayList<>();
        for (Scenario.Function f : scenario.functions()) {
            for (Scenario.Route r : f.egress().routes()) {
                if (!destinations.contains(r.destination())) {
                    destinations.add(r.destination());
                }
            }
        }
        return Optional.of(new NatRecorder(scenario.durationMicros(), scenario.bucketMicros(), gateways, destinations));
    }

    /**
     * The model's settings: the scenario itself, the ENI timings' samplers (each key's own), the warm routing's
     * draws, and its network model's parameters (the one place that asks which model it is).
     */
    private static WorldSettings settings(Scenario scenario, RandomStreams streams, WorldSettings.EniTimings eni,
            java.util.function.IntUnaryOperator routing) {
        if (scenario.networkModel() != NetworkModel.LEGACY) {
            Scenario.Hyperplane h = scenario.hyperplane();
            return new WorldSettings(scenario, eni, new HyperplaneLimits(h.ec2RequestLimit(),
                    h.eniNotReadyOnScaleOut()), routing);
        }
        Scenario.Legacy l = scenario.legacy();
        return new WorldSettings(scenario, eni, new Legacy(Sampler.of(
                l.coldStartAttachTime(), streams.stream("legacy/attach")), l.ec2ApiBurst(), l.ec2ApiRefillPerSecond()),
                routing);
    }

    /** Uniform draws below a bound, for random warm routing. */
    private static java.util.function.IntUnaryOperator routingDraws(
            org.apache.commons.math3.random.RandomGenerator random) {
        return random::nextInt;
    }

    /**
     * The summary's statistics begin at {@code micros} (run --warm-up; 0: the whole run): the run is the same, from
     * time 0, and the observers are told the warm-up's end at that bucket edge ({@link Observers#warmUpEnds}), a
     * test per bucket, none per event. {@code micros} must be a whole number of buckets, under the duration.
     */
    public Simulation warmingUp(long micros) {
        long bucket = scenario.bucketMicros();
        if (micros < 0 || micros >= scenario.durationMicros() || micros % bucket != 0) {
            throw new IllegalArgumentException("a warm-up of " + micros + " µs is not a whole number of the "
                    + bucket + " µs buckets under the run's " + scenario.durationMicros() + " µs");
        }
        this.warmUpMicros = micros;
        return this;
    }

    /** The summary's statistics begin here: the loop's figures so far are the warm-up's. */
    private void warmUpEnds(long nowMicros) {
        observers.warmUpEnds(nowMicros);
        eventsBeforeWarmUp = loop.deliveredEvents();
        arrivalCount = 0;
        completionCount = 0;
    }

    /** Checks the world's invariants after every event (slow: for tests). */
    public Simulation checkingInvariants() {
        this.checkInvariants = true;
        return this;
    }

    /**
     * Turns every read ahead off before the run (for tests: the figures must not depend on it): the loop tells the
     * run nothing of its next events, and the model keeps no function's top idle environment in its row.
     */
    Simulation withoutReadAhead() {
        loop.setLookahead(null);
        lambda.readAhead(false);
        return this;
    }

    /**
     * The events whose rows were read ahead so far (for tests: 0 when the loop never told what came next; the rows'
     * folded values may be 0, e.g. a function's while it is Pending, now that the metrics' are stores).
     */
    long touched() {
        return readAhead;
    }

    /** The metrics' crossings of a bucket edge made by a call past it, not at the edge itself (tests: none in a run). */
    long crossedAtCalls() {
        return observers.crossedAtCalls();
    }

    /** The world as it stands now (for tests: after {@link #run()}, as the run ended). */
    WorldSnapshot endSnapshot() {
        return lambda.snapshot();
    }

    /** The event loop, for tests that observe events. */
    EventLoop<SimEvent> loop() {
        return loop;
    }

    private void scheduleNextArrival(int function) {
        schedule(function, draws.nextArrival(function));
    }

    private void schedule(int function, long at) {
        if (at != ArrivalProcess.NONE && at <= scenario.durationMicros()) {
            loop.scheduleSource(function, at, SimEvent.PRIORITY_ARRIVAL);
        }
    }

    /**
     * A function's arrival (source i is function i's arrivals): no event object is read. Its next arrival is drawn
     * first (from its own stream: the same numbers), so that the function's row of draws is fetched at once and its
     * duration, drawn by the model, finds it in cache; it is scheduled after the model's own events, as before.
     */
    @Override
    public void handleSource(int function, long nowMicros) {
        arrivalCount++;
        long next = draws.nextArrival(function);
        lambda.arrive(function, nowMicros);
        schedule(function, next);
        afterEvent();
    }

    /**
     * The next event is function {@code function}'s arrival: its rows (draws, model, metrics) are read now, so that
     * they are fetched while the current event is handled.
     */
    @Override
    public void nextSource(int function) {
        draws.touch(function); // stores: nothing to fold
        observers.touchStart(function); // stores
        touched ^= lambda.touchArrival(function);
        readAhead++;
    }

    /** The next event is a plain one (an invocation's end): its slot's and function's rows are read now. */
    @Override
    public void nextPlain(int kind, long payload) {
        int function = lambda.functionOf(kind, payload);
        touched ^= lambda.touch(kind, payload);
        if (function >= 0) {
            observers.touch(function); // stores
        }
        readAhead++;
    }

    /** The model's other events (arrivals come as sources, {@link #handleSource}). */
    @Override
    public void handle(SimEvent event, long nowMicros) {
        lambda.handle(event, nowMicros);
        afterEvent();
    }

    /** An invocation's end: the model's only plain event. */
    @Override
    public void handle(int kind, long payload, long nowMicros) {
        if (kind == SimEvent.INVOCATION_END) {
            completionCount++;
        }
        lambda.handle(kind, payload, nowMicros);
        afterEvent();
    }

    private void afterEvent() {
        if (checkInvariants) {
            lambda.checkInvariants();
        }
    }

    /**
     * Runs the scenario's time [0, duration), reporting progress once per slice of simulated time. The metrics cross into
     * each time bucket at its first instant, before its first event ({@link Observers#reach}): so the test each of
     * their calls makes for an edge is never taken in a run (a branch the JIT's code never meets taken, which it
     * would otherwise throw away at some edge after compiling it from a profile without one).
     */
    public RunResult run(Progress progress) {
        long end = scenario.durationMicros();
        long slice = Math.max(scenario.bucketMicros(), end / 1000);
        for (long t = Math.min(slice, end); ; t = Math.min(t + slice, end)) {
            for (long edge; (edge = observers.nextBucketMicros()) <= t; ) {
                loop.runUntil(edge - 1, this);
                observers.reach(edge);
                if (edge == warmUpMicros) { // a test per bucket: 0 is no bucket's edge
                    warmUpEnds(edge);
                }
            }
            // the run is [0, end): an arrival at the end itself is the next window's (`constant: 1/s` for 10m is 600)
            loop.runUntil(t < end ? t : end - 1, this);
            progress.update(t, end, loop.deliveredEvents());
            if (t >= end) {
                break;
            }
        }
        return result();
    }

    public RunResult run() {
        return run(Progress.NONE);
    }

    private RunResult result() {
        WorldSnapshot end = lambda.snapshot();
        long total = loop.deliveredEvents() - eventsBeforeWarmUp;
        RunSummary.Events events = new RunSummary.Events(total, arrivalCount, completionCount,
                total - arrivalCount - completionCount);
        RunSummary summary = withUsage(recorder.summary(scenario.name(), scenario.seed(), replication,
                Seconds.of(scenario.durationMicros()), events, Seconds.of(hp().stuckPendingAfterMicros()),
                teardowns(end), latency, end), end);
        if (warmUpMicros > 0) {
            summary = summary.withWarmUp(Seconds.of(warmUpMicros));
        }
        List<RunSummary.Rejected> rejected = new ArrayList<>();
        for (dev.enisim.model.RejectedAction a : end.rejectedActions()) {
            rejected.add(new RunSummary.Rejected(Seconds.of(a.atMicros()), a.action(), a.function(), a.error()));
        }
        summary = summary.withReplay(scenario.startsAt().map(java.time.Instant::toString).orElse(null), rejected);
        List<RunResult.EniLifetime> lifetimes = new ArrayList<>();
        for (WorldSnapshot.EniView e : end.enis()) {
            lifetimes.add(new RunResult.EniLifetime(e.id().name(), e.id().keyLabel(),
                    end.subnets().get(e.id().subnet()).id(), e.id().address(), Seconds.of(e.createdMicros()),
                    seconds(e.readyMicros()),
                    seconds(e.deletionRequestedMicros()), seconds(e.orphanedMicros()), seconds(e.endedMicros()),
                    e.state().name(), e.peakConnections()));
        }
        List<Series> all = recorder.series(end); // indexed once, below, with the other recorders' series
        all.addAll(latency.series());
        nat.ifPresent(r -> all.addAll(r.series()));
        for (int f = 0; f < scenario.functions().size(); f++) {
            levels.addFunctionSeries(all, scenario.functions().get(f).name(), f);
        }
        levels.addAccountSeries(all);
        all.addAll(asyncRecorder.series());
        all.addAll(sqsRecorder.series());
        provisioned.ifPresent(r -> all.addAll(r.series()));
        accountsRecorder.ifPresent(r -> all.addAll(r.series()));
        TimeSeries series = new TimeSeries(recorder.bucketMicros(), recorder.buckets(), all);
        return new RunResult(scenario, summary, series, lifetimes, recorder.actions(),
                journal.entries(scenario.durationMicros()), journal.refusedScaleOuts());
    }

    /**
     * The summary with each function's environment averages, cold starts and cost, and the run's sections: the
     * account's usage, and those of the features it uses.
     */
    private RunSummary withUsage(RunSummary s, WorldSnapshot end) {
        int n = scenario.functions().size();
        Map<String, RunSummary.FunctionSummary> functions = new LinkedHashMap<>(n * 4 / 3 + 1);
        List<RunSummary.Cost> costs = new ArrayList<>(n);
        for (int i = 0; i < scenario.functions().size(); i++) {
            Scenario.Function f = scenario.functions().get(i);
            int fi = i;
            // provisioned concurrency is billed per spell of its configuration, not by the environments allocated
            RunSummary.Cost cost = CostEstimate.function(scenario.prices(), f.memoryMb(), f.architecture(),
                    executions.usage(i), provisioned.map(r -> r.spells(fi, warmUpMicros)).orElse(List.of())); // billed after the warm-up
            costs.add(cost);
            functions.put(f.name(), s.functions().get(f.name()).with(levels.function(i), executions.coldStarts(i),
                    cost));
        }
        // NAT gateways are declared for the whole run: their hours are billed; the data they process is not
        // modelled (connections, not bytes), so the per-GB charge is not estimated
        int gateways = 0;
        for (Scenario.Vpc v : scenario.vpcs()) {
            gateways += v.natGateways().size();
        }
        double nat = CostEstimate.natGateway(scenario.prices(), gateways
                * CostEstimate.natGatewayHours(warmUpMicros, scenario.durationMicros()), 0);
        return s.with(functions, new RunSummary.Sections(asyncRecorder.summary(), sqsRecorder.summary(),
                levels.account(), executions.accountColdStarts(), CostEstimate.total(scenario.prices(), costs, nat),
                scenario.assumptions().label(), region(end.region(), scenario),
                provisioned.map(ProvisionedRecorder::summary).orElse(null),
                accountsRecorder.map(AccountsRecorder::summary).orElse(null),
                DualStack.summary(scenario, end).orElse(null), // null: a section left out of summary.json
                SettingsSummary.of(scenario)));
    }

    /**
     * summary.json's {@code region}: the only account's network interfaces, or, with several accounts, every
     * account's together and each account's against its own quota ({@code byAccount}).
     */
    private static RunSummary.Region region(dev.enisim.model.WorldSnapshot.RegionView r, Scenario scenario) {
        if (r.accounts().isEmpty()) {
            return RunSummary.Region.of(r.limit(), r.peak(), r.lambdaEnis(), r.otherEnis(),
                    scenario.otherNetworkInterfaces());
        }
        Map<String, RunSummary.Region> byAccount = new LinkedHashMap<>();
        for (dev.enisim.model.WorldSnapshot.AccountRegion a : r.accounts()) {
            byAccount.put(a.account(), RunSummary.Region.of(a.limit(), a.peak(), a.lambdaEnis(), a.otherEnis(),
                    a.outsideVpcs()));
        }
        return RunSummary.Region.total(r.peak(), r.lambdaEnis(), r.otherEnis(), byAccount);
    }

    private Scenario.Hyperplane hp() {
        return scenario.hyperplane();
    }

    /**
     * Each teardown's wait: until its last ENI was deleted, by Lambda or (for orphans) by hand; null if one was
     * still there at the end. An ENI the teardown released while it was still being created counts too: its deletion
     * was requested when it was ready, and the wait runs from the teardown's release of its ENIs to its end: an
     * update's once its new ENIs were ready (its request time kept apart), any other action's at its request.
     */
    private List<RunSummary.Teardown> teardowns(WorldSnapshot end) {
        List<RunSummary.Teardown> out = new ArrayList<>();
        for (Teardown t : end.teardowns()) {
            long released = t.releasedMicros();
            long last = released;
            boolean done = true;
            int orphaned = 0;
            for (EniId id : t.enis()) {
                WorldSnapshot.EniView e = end.enis().get(id.id() - 1);
                if (e.orphanedMicros().isPresent()) {
                    orphaned++;
                }
                OptionalLong requested = OptionalLong.of(released);
                if (e.state() != dev.enisim.model.eni.EniState.Deleted
                        || !e.deletionRequestedMicros().equals(requested)
                        && !e.releasedWhileCreatingMicros().equals(requested)) {
                    done = false; // still deleting, or kept because its key was used again
                } else {
                    last = Math.max(last, e.endedMicros().getAsLong());
                }
            }
            List<RunSummary.Cancelled> cancelled = null; // left out of summary.json unless a deletion was
            for (dev.enisim.model.DeletionCancelled c : end.cancellations()) {
                if (c.requestedMicros() == released && t.enis().contains(c.eni())) {
                    if (cancelled == null) {
                        cancelled = new ArrayList<>();
                    }
                    cancelled.add(new RunSummary.Cancelled(c.eni().name(), Seconds.of(c.cancelledMicros()),
                            scenario.functions().get(c.function()).name()));
                }
            }
            out.add(new RunSummary.Teardown(scenario.functions().get(t.function()).name(), t.action(),
                    Seconds.of(t.requestedMicros()), t.action().equals("updateVpcConfig") ? Seconds.of(released) : null,
                    t.enis().size(), done ? Seconds.of(last - released) : null, orphaned, cancelled));
        }
        return out;
    }

    private static OptionalDouble seconds(OptionalLong micros) {
        return micros.isPresent() ? OptionalDouble.of(Seconds.of(micros.getAsLong())) : OptionalDouble.empty();
    }
}
