package dev.enisim.metrics;

import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.List;
import java.util.Map;

/**
 * The run's headline figures, shaped as {@code summary.json}. Invariant (globally and per function):
 * total = succeeded + throttled + functionErrors + sum of errors.
 *
 * <p>{@code overrides}: the {@code --set PATH=VALUE} assignments the scenario was run with, as given and in order
 * (including {@code traffic=F}); empty when none, and then left out of summary.json, so that a run without them
 * writes what it always wrote. With them, two summaries of the same scenario and seed are told apart.
 *
 * <p>{@code warmUpSeconds}: the run's warm-up ({@code --warm-up}), null (left out of summary.json) without one. With
 * it, the statistics (events, invocations, latency, concurrency, environments, cold starts, cost, and the async,
 * sqs, provisionedConcurrency and accounts sections) are those of [warm-up, end); the ENIs, VPCs, subnets, keys,
 * region, state transitions and teardowns are the whole run's (README, "Leaving out a warm-up").
 *
 * <p>{@code startsAt}: the scenario's {@code startsAt} (UTC, ISO 8601), so that a reader can map the summary's seconds
 * to the clock; null (left out) without one. {@code rejectedActions}: the timeline's actions Lambda refused, in
 * order; empty (left out) when none was.
 */
public record RunSummary(
        String scenario,
        long seed,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<String> overrides,
        int replication,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        String startsAt,
        double simulatedSeconds,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        Double warmUpSeconds,
        Events events,
        Invocations invocations,
        int peakConcurrentExecutions,
        double averageConcurrentExecutions,
        Map<String, FunctionSummary> functions,
        Enis enis,
        Map<String, VpcSummary> vpcs,
        Map<String, SubnetSummary> subnets,
        Map<String, KeySummary> eniKeys,
        List<Teardown> teardowns,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<Rejected> rejectedActions,
        Latency latencyMillis,
        Sections sections) {

    public RunSummary {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        rejectedActions = rejectedActions == null ? List.of() : List.copyOf(rejectedActions);
    }

    /**
     * What the run adds to the recorder's figures, each section null when the run has none (then left out of
     * summary.json, in this order after {@code latencyMillis}). A new section is one more component here, given
     * where the run makes its {@code Sections}; readers take it from {@link #sections()}.
     *
     * @param async                  per asynchronous function
     * @param sqs                    per function fed by an SQS queue
     * @param averageEnvironments    the account's time-averaged execution environments
     * @param coldStarts             the account's cold starts
     * @param cost                   the run's cost estimate
     * @param assumptions            the assumption preset the scenario ran under ({@code documented}, {@code field})
     * @param region                 the Region's network interfaces
     * @param provisionedConcurrency per function with provisioned concurrency
     * @param accounts               per account (several accounts on shared VPCs)
     * @param dualStack              per dual-stack subnet
     * @param settings               the run's effective inputs (last in summary.json), null in a summary built
     *                               without a scenario
     */
    public record Sections(Map<String, AsyncSummary> async, Map<String, SqsSummary> sqs,
            Environments averageEnvironments, ColdStarts coldStarts, Cost cost, String assumptions, Region region,
            Map<String, ProvisionedSummary> provisionedConcurrency, Map<String, AccountSummary> accounts,
            Map<String, DualStackSubnet> dualStack, Settings settings) {

        /** A run without any: the recorder's figures only. */
        public static final Sections NONE = new Sections(null, null, null, null, null, null, null, null, null, null,
                null);

        /** Without the run's settings. */
        public Sections(Map<String, AsyncSummary> async, Map<String, SqsSummary> sqs,
                Environments averageEnvironments, ColdStarts coldStarts, Cost cost, String assumptions, Region region,
                Map<String, ProvisionedSummary> provisionedConcurrency, Map<String, AccountSummary> accounts,
                Map<String, DualStackSubnet> dualStack) {
            this(async, sqs, averageEnvironments, coldStarts, cost, assumptions, region, provisionedConcurrency,
                    accounts, dualStack, null);
        }
    }

    /**
     * summary.json's {@code settings}: the inputs the run had in effect, after the assumption preset's and enisim's
     * defaults, so that an {@code expect:} can pin them (a result alone cannot show that a scenario changed {@code
     * hyperplane.idleReclaimAfter} or dropped a timeline action). README, "summary.json fields".
     *
     * @param assumptions     the assumption preset ({@code documented}, {@code field}), as the top-level key
     * @param overridden      the {@code hyperplane.*}, {@code scaling.*} and {@code legacy.*} fields whose figure is
     *                        not the default of the preset (the scenario's or a --set's own value), as the scenario
     *                        names them; empty when none
     * @param overriddenCount how many {@code overridden} lists ({@code settings.overriddenCount == 0}: every figure
     *                        is the preset's)
     * @param networkModel    {@code hyperplane} or {@code legacy}
     * @param account         the account's quotas
     * @param hyperplane      the {@code hyperplane.*} figures (durations in seconds, as {@code ...Seconds})
     * @param scaling         the {@code scaling.*} figures
     * @param legacy          the {@code legacy.*} figures (read by the legacy model only)
     * @param functions       per function: its vpcConfig, its ENI keys and its configuration
     * @param timelineCount   how many actions {@code timeline} lists ({@code settings.timelineCount == 1})
     * @param timeline        the timeline's actions as given, in time order (an outage's end is one of them,
     *                        {@code azOutageEnds}, at its {@code until})
     */
    public record Settings(String assumptions, List<String> overridden, int overriddenCount, String networkModel,
            Map<String, Object> account, Map<String, Object> hyperplane, Map<String, Object> scaling,
            Map<String, Object> legacy, Map<String, FunctionSettings> functions, int timelineCount,
            List<TimelineAction> timeline) {
    }

    /**
     * A function's inputs: its vpcConfig, the ENI keys it uses (one per subnet: subnet + security-group set, as
     * {@code eniKeys} names them; empty without a VPC), and its configuration.
     */
    public record FunctionSettings(VpcSettings vpcConfig, List<String> eniKeys, int memoryMb, double timeoutSeconds,
            Integer reservedConcurrency, int provisionedConcurrency, int connectionsPerInvocation,
            int connectionsPerEnvironment, String role, double createdAtSeconds, Map<String, Object> duration,
            Map<String, Object> initDuration) {
    }

    /** A function's VpcConfig as given: both lists empty when the function is in no VPC. */
    public record VpcSettings(List<String> subnetIds, List<String> securityGroupIds) {
    }

    /** A timeline action as given: when, which action, and what it names (null: nothing, e.g. every subnet). */
    public record TimelineAction(double atSeconds, String action, String target) {
    }

    /** The recorder's figures, without {@link Sections}. */
    public RunSummary(String scenario, long seed, int replication, double simulatedSeconds, Events events,
            Invocations invocations, int peakConcurrentExecutions, double averageConcurrentExecutions,
            Map<String, FunctionSummary> functions, Enis enis, Map<String, VpcSummary> vpcs,
            Map<String, SubnetSummary> subnets, Map<String, KeySummary> eniKeys, List<Teardown> teardowns,
            Latency latencyMillis) {
        this(scenario, seed, List.of(), replication, null, simulatedSeconds, null, events, invocations,
                peakConcurrentExecutions,
                averageConcurrentExecutions, functions, enis, vpcs, subnets, eniKeys, teardowns, List.of(),
                latencyMillis, Sections.NONE);
    }

    /** This summary with each function's environment averages, cold starts and cost, and the run's sections. */
    public RunSummary with(Map<String, FunctionSummary> withUsage, Sections newSections) {
        return new RunSummary(scenario, seed, overrides, replication, startsAt, simulatedSeconds, warmUpSeconds,
                events, invocations, peakConcurrentExecutions, averageConcurrentExecutions, withUsage, enis, vpcs,
                subnets, eniKeys, teardowns, rejectedActions, latencyMillis, newSections);
    }

    /** This summary of a run that starts at {@code start} (null: none) and whose timeline Lambda refused {@code r}. */
    public RunSummary withReplay(String start, List<Rejected> r) {
        return new RunSummary(scenario, seed, overrides, replication, start, simulatedSeconds, warmUpSeconds, events,
                invocations, peakConcurrentExecutions, averageConcurrentExecutions, functions, enis, vpcs, subnets,
                eniKeys, teardowns, r, latencyMillis, sections);
    }

    /** This summary of a run whose statistics begin after a warm-up of {@code seconds} (run --warm-up). */
    public RunSummary withWarmUp(double seconds) {
        return new RunSummary(scenario, seed, overrides, replication, startsAt, simulatedSeconds, seconds, events,
                invocations, peakConcurrentExecutions, averageConcurrentExecutions, functions, enis, vpcs, subnets,
                eniKeys, teardowns, rejectedActions, latencyMillis, sections);
    }

    /** This summary of a run whose scenario had the {@code --set} {@code assignments} applied (as given, in order). */
    public RunSummary withOverrides(List<String> assignments) {
        return new RunSummary(scenario, seed, assignments, replication, startsAt, simulatedSeconds, warmUpSeconds,
                events, invocations, peakConcurrentExecutions, averageConcurrentExecutions, functions, enis, vpcs,
                subnets, eniKeys, teardowns, rejectedActions, latencyMillis, sections);
    }

    public Map<String, AsyncSummary> async() {
        return sections.async();
    }

    public Map<String, SqsSummary> sqs() {
        return sections.sqs();
    }

    public Environments averageEnvironments() {
        return sections.averageEnvironments();
    }

    public ColdStarts coldStarts() {
        return sections.coldStarts();
    }

    public Cost cost() {
        return sections.cost();
    }

    public String assumptions() {
        return sections.assumptions();
    }

    public Region region() {
        return sections.region();
    }

    public Map<String, ProvisionedSummary> provisionedConcurrency() {
        return sections.provisionedConcurrency();
    }

    public Map<String, AccountSummary> accounts() {
        return sections.accounts();
    }

    public Map<String, DualStackSubnet> dualStack() {
        return sections.dualStack();
    }

    /**
     * A function fed by an SQS queue. Invariant: sent = deleted + movedToDeadLetterQueue + expired + visibleAtEnd +
     * inFlightAtEnd.
     *
     * @param expired                  messages SQS deleted because they outlived the queue's MessageRetentionPeriod
     * @param returnedToQueue          messages that reappeared after a failed batch's visibility timeout
     * @param throttledAttempts        batch invocations throttled (each retried within the visibility timeout)
     * @param maxAgeOfOldestMessageSeconds the largest ApproximateAgeOfOldestMessage seen (visible messages)
     * @param visibleAtWarmUp          after a warm-up ({@code --warm-up}), the messages visible at its end; null (left
     *                                 out of summary.json) without one. Then the invariant is sent + visibleAtWarmUp +
     *                                 inFlightAtWarmUp = deleted + movedToDeadLetterQueue + expired + visibleAtEnd +
     *                                 inFlightAtEnd, every count from the warm-up's end
     * @param inFlightAtWarmUp         after a warm-up, the messages in batches at its end; null without one
     */
    public record SqsSummary(long sent, long deleted, long movedToDeadLetterQueue, long expired, long returnedToQueue,
            long functionErrorBatches, long invokeErrorBatches, long throttledAttempts, long visibleAtEnd,
            long inFlightAtEnd, long peakConcurrentBatches, long peakVisible, double maxAgeOfOldestMessageSeconds,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Long visibleAtWarmUp,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Long inFlightAtWarmUp) {

        /** A run without a warm-up. */
        public SqsSummary(long sent, long deleted, long movedToDeadLetterQueue, long expired, long returnedToQueue,
                long functionErrorBatches, long invokeErrorBatches, long throttledAttempts, long visibleAtEnd,
                long inFlightAtEnd, long peakConcurrentBatches, long peakVisible, double maxAgeOfOldestMessageSeconds) {
            this(sent, deleted, movedToDeadLetterQueue, expired, returnedToQueue, functionErrorBatches,
                    invokeErrorBatches, throttledAttempts, visibleAtEnd, inFlightAtEnd, peakConcurrentBatches,
                    peakVisible, maxAgeOfOldestMessageSeconds, null, null);
        }
    }

    /**
     * Time-averaged execution environments over the run: all of them, and by kind (on-demand busy, on-demand
     * idle, provisioned busy or idle; {@code mean = busy + idle + provisioned}).
     */
    public record Environments(double mean, double busy, double idle, double provisioned) {
    }

    /**
     * Every cold start (an invocation for which Lambda began making an environment), whatever its outcome.
     *
     * @param total       cold starts; equals the sum of {@code byOutcome}
     * @param warmStarts  invocations that found a warm environment
     * @param probability {@code total / (total + warmStarts)}: the chance an invocation that got an environment
     *                    had to wait for a new one
     * @param byOutcome   {@code Success}, a function error's cause ({@code TaskTimedOut}, {@code NoFreePortOnEni})
     *                    or an invoke error's exception; only outcomes that happened
     */
    public record ColdStarts(long total, long warmStarts, double probability, Map<String, Long> byOutcome) {
    }

    /**
     * A cost estimate in US dollars at the run's price table (list prices, no free tier): requests, on-demand
     * duration, billed INIT, provisioned concurrency (configured, and the duration run on it), NAT gateways.
     * Hyperplane ENIs are free.
     *
     * @param provisionedSpells a function's provisioned-concurrency spells, each as billed ({@link
     *                          CostEstimate#function}); null (left out of summary.json) for a function without
     *                          any and for the account's total
     */
    public record Cost(String region, String priceDate, double requests, double duration, double init,
            double provisioned, double provisionedDuration, double natGateway, double total,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            List<Spell> provisionedSpells) {

        /** A cost without provisioned-concurrency spells. */
        public Cost(String region, String priceDate, double requests, double duration, double init,
                double provisioned, double provisionedDuration, double natGateway, double total) {
            this(region, priceDate, requests, duration, init, provisioned, provisionedDuration, natGateway, total,
                    null);
        }

        /**
         * One spell of provisioned concurrency, from its PutProvisionedConcurrencyConfig (or the run's start, for a
         * function configured with it) to its DeleteProvisionedConcurrencyConfig or the run's end, as AWS bills it:
         * "from the time you enable it on your function until it is disabled, rounded up to the nearest 5 minutes",
         * at the concurrency configured, whether or not it was allocated yet.
         *
         * @param from          seconds into the run it was enabled
         * @param to            seconds into the run it was disabled, or the run's end
         * @param enabledAtEnd  true when still enabled at the run's end (billed to the end); null (left out) when
         *                      it was disabled
         * @param concurrency   the figures configured over the spell, each from its time to the next's (or the
         *                      spell's end)
         * @param billedMinutes the spell's length rounded up to five minutes
         * @param cost          what the spell costs at the function's memory and the provisioned rate
         */
        public record Spell(double from, double to,
                @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                Boolean enabledAtEnd, List<Figure> concurrency, long billedMinutes, double cost) {
        }

        /** A provisioned-concurrency figure configured from {@code from} seconds into the run. */
        public record Figure(double from, int concurrency) {
        }
    }

    /**
     * EC2's "Network interfaces per Region" (every VPC's ENIs, Lambda's and other services'), against its limit: a
     * quota of each account. With several accounts, the figures are every account's together, and {@code byAccount}
     * gives each account's against its own quota (the total has no limit: {@code networkInterfacesPerRegion} is left
     * out).
     *
     * @param networkInterfacesPerRegion the limit (5,000 by default); null (left out of summary.json) for the total
     *                                   of several accounts
     * @param peakNetworkInterfaces      the most the Region held at once (every account's together)
     * @param finalLambdaEnis            Lambda's ENIs at the end
     * @param finalOtherUsedEnis         other services' ENIs at the end (the VPCs' otherUsedEnis)
     * @param otherNetworkInterfaces     the interfaces in no VPC's quota (account.otherNetworkInterfaces), counted
     *                                   in the peak; null (left out of summary.json) when none
     * @param byAccount                  with several accounts, each account's figures against its own quota (its
     *                                   functions' Lambda ENIs, the otherUsedEnis of the VPCs it owns, its own
     *                                   otherNetworkInterfaces), by account id in the scenario's order; null (left out)
     *                                   with one account
     */
    public record Region(
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Integer networkInterfacesPerRegion, long peakNetworkInterfaces, long finalLambdaEnis,
            long finalOtherUsedEnis,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Long otherNetworkInterfaces,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Map<String, Region> byAccount) {

        public Region {
            byAccount = byAccount == null ? null
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byAccount));
        }

        public Region(int networkInterfacesPerRegion, long peakNetworkInterfaces, long finalLambdaEnis,
                long finalOtherUsedEnis) {
            this(networkInterfacesPerRegion, peakNetworkInterfaces, finalLambdaEnis, finalOtherUsedEnis, null);
        }

        public Region(int networkInterfacesPerRegion, long peakNetworkInterfaces, long finalLambdaEnis,
                long finalOtherUsedEnis, Long otherNetworkInterfaces) {
            this(networkInterfacesPerRegion, peakNetworkInterfaces, finalLambdaEnis, finalOtherUsedEnis,
                    otherNetworkInterfaces, null);
        }

        /** From the Region's counts, {@code otherEnis} holding the {@code outside} interfaces in no VPC's quota. */
        public static Region of(int limit, long peak, long lambdaEnis, long otherEnis, long outside) {
            return new Region(limit, peak, lambdaEnis, otherEnis - outside, outside == 0 ? null : outside);
        }

        /**
         * Several accounts' Region: every account's together ({@code otherEnis} holding their interfaces in no VPC's
         * quota), and each account's own.
         */
        public static Region total(long peak, long lambdaEnis, long otherEnis, Map<String, Region> byAccount) {
            long outside = 0;
            for (Region a : byAccount.values()) {
                outside += a.outsideVpcs();
            }
            return new Region(null, peak, lambdaEnis, otherEnis - outside, outside == 0 ? null : outside, byAccount);
        }

        /** The interfaces in no VPC's quota, 0 when none. */
        public long outsideVpcs() {
            return otherNetworkInterfaces == null ? 0 : otherNetworkInterfaces;
        }

        /**
         * The accounts whose Region quota was full at some moment (peak at the limit), with their figures: the only
         * account's Region (key "") or, with several accounts, those of {@link #byAccount} that were; in order.
         */
        public Map<String, Region> full() {
            Map<String, Region> out = new java.util.LinkedHashMap<>();
            if (byAccount == null) {
                if (networkInterfacesPerRegion != null && peakNetworkInterfaces >= networkInterfacesPerRegion) {
                    out.put("", this);
                }
                return out;
            }
            byAccount.forEach((id, a) -> {
                if (a.peakNetworkInterfaces() >= a.networkInterfacesPerRegion()) {
                    out.put(id, a);
                }
            });
            return out;
        }
    }

    /**
     * A dual-stack subnet: each Hyperplane ENI in it takes an IPv6 address from the subnet's /64 as well as its
     * IPv4 address [assumed], so IPv6 changes nothing for the IPv4 count: {@code peakIpv6Addresses ==
     * peakIpv4Addresses}.
     *
     * @param ipv6UsableAddresses   2^64 minus the 5 AWS reserves (written as text: it does not fit a long)
     * @param peakIpv4Addresses     the most addresses Lambda's ENIs held at once in the subnet (IPv4)
     * @param peakIpv6Addresses     the same in IPv6
     * @param functionsAllowingIpv6 the functions with Ipv6AllowedForDualStack in the subnet (outbound IPv6)
     * @param eniIpv6Addresses      each ENI's IPv6 address (the first four and the last of the /64 are reserved)
     */
    public record DualStackSubnet(String ipv6Cidr, String ipv6UsableAddresses, long peakIpv4Addresses,
            long peakIpv6Addresses, List<String> functionsAllowingIpv6, Map<String, String> eniIpv6Addresses) {
    }

    /**
     * One account of a run with several accounts on shared VPCs. Invariant: invocations = succeeded + throttled +
     * functionErrors + invokeErrors; the accounts' invocations add up to the run's.
     *
     * @param functions        its functions
     * @param peakEnis         the most Hyperplane ENIs of its keys holding an address at once
     * @param eniKeys          its keys (ENIs are never shared between accounts: every key names its account)
     */
    public record AccountSummary(List<String> functions, long invocations, long succeeded, long throttled,
            long functionErrors, long invokeErrors, long peakConcurrentExecutions, long enisCreated, long peakEnis,
            List<String> eniKeys) {
    }

    /**
     * A function's provisioned concurrency over the run.
     *
     * @param requested            the last PutProvisionedConcurrencyConfig (or the configured amount; 0 after a
     *                             DeleteProvisionedConcurrencyConfig)
     * @param allocatedAtEnd       usable at the end (below {@code requested} while an allocation is under way)
     * @param peakAllocated        the most allocated at once
     * @param allocationsCompleted timeline requests that finished allocating
     * @param invocations          ProvisionedConcurrencyInvocations: invocations that ran on a provisioned
     *                             environment
     * @param spilloverInvocations ProvisionedConcurrencySpilloverInvocations: invocations that ran on an on-demand
     *                             environment while provisioned concurrency was allocated
     */
    public record ProvisionedSummary(long requested, long allocatedAtEnd, long peakAllocated,
            long allocationsCompleted, long invocations, long spilloverInvocations) {
    }

    /**
     * One asynchronously invoked function's events. Invariant: received = succeeded + dropped + queuedAtEnd; an
     * event sent to the DLQ or destination is also dropped (as CloudWatch's AsyncEventsDropped counts it).
     *
     * @param refused              Invoke calls refused before queueing (4xx), not received
     * @param succeededAfterRetries succeeded on a later attempt
     * @param dropReasons          dropped events by reason ({@link dev.enisim.model.AsyncDrop#condition}: EventAgeExceeded, ...)
     * @param functionErrorRetries retries after function errors (1 and 2 minutes)
     * @param systemRetries        retries after throttles and system errors (back-off)
     * @param queuedAtEnd          events still waiting for an attempt when the run ended
     * @param eventAgeMillis       AsyncEventAge: queueing to each invocation's start
     * @param latencyMillis        queueing to the successful invocation's completion
     * @param queuedAtWarmUp       after a warm-up ({@code --warm-up}), the events waiting at its end; null (left out of
     *                             summary.json) without one. Then received + queuedAtWarmUp = succeeded + dropped +
     *                             queuedAtEnd, every count from the warm-up's end
     */
    public record AsyncSummary(long received, long refused, long succeeded, long succeededAfterRetries,
            long dropped, Map<String, Long> dropReasons, long sentToDestination, long sentToDeadLetterQueue,
            long destinationDeliveryFailures, long deadLetterErrors, long functionErrorRetries, long systemRetries,
            long queuedAtEnd, Percentiles eventAgeMillis, Percentiles latencyMillis,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Long queuedAtWarmUp) {

        /** A run without a warm-up. */
        public AsyncSummary(long received, long refused, long succeeded, long succeededAfterRetries,
                long dropped, Map<String, Long> dropReasons, long sentToDestination, long sentToDeadLetterQueue,
                long destinationDeliveryFailures, long deadLetterErrors, long functionErrorRetries, long systemRetries,
                long queuedAtEnd, Percentiles eventAgeMillis, Percentiles latencyMillis) {
            this(received, refused, succeeded, succeededAfterRetries, dropped, dropReasons, sentToDestination,
                    sentToDeadLetterQueue, destinationDeliveryFailures, deadLetterErrors, functionErrorRetries,
                    systemRetries, queuedAtEnd, eventAgeMillis, latencyMillis, null);
        }
    }

    /** Percentiles of a distribution in milliseconds (two significant digits). */
    public record Percentiles(long count, double p50, double p99, double max) {
    }

    /**
     * Latency of successful invocations in milliseconds (init when cold + duration), from HdrHistograms with two
     * significant digits; cold starts and their own p50/p99.
     */
    public record Latency(long count, double p50, double p90, double p99, double max, long coldStarts,
            double coldStartP50, double coldStartP99) {
    }

    /** Events delivered by the loop: arrivals + completions + the model's other events. */
    public record Events(long total, long arrivals, long completions, long other) {
    }

    /**
     * @param errors          invoke errors by exception name (every name present, zero when none)
     * @param throttleReasons TooManyRequestsException by Reason
     * @param rateLimits      the throttles of FunctionInvocationRateLimitExceeded and
     *                        ReservedFunctionInvocationRateLimitExceeded by the limit that refused them ({@link
     *                        dev.enisim.model.RequestRateLimit#key}: account, reservedConcurrency,
     *                        provisionedConcurrency, requestRateRise, scalingRate), as the model told them; every
     *                        limit when there was one, empty (left out of summary.json) when there was none. Their
     *                        sum is those two Reasons' counts.
     * @param functionErrorCauses function errors by cause (NoFreePortOnEni, TaskTimedOut)
     */
    public record Invocations(long total, long succeeded, long throttled, long functionErrors,
            Map<String, Long> errors, Map<String, Long> throttleReasons,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            Map<String, Long> rateLimits, Map<String, Long> functionErrorCauses) {

        public Invocations {
            rateLimits = rateLimits == null ? Map.of() : rateLimits; // a summary.json written before them
        }

        /** Without throttles told by limit. */
        public Invocations(long total, long succeeded, long throttled, long functionErrors, Map<String, Long> errors,
                Map<String, Long> throttleReasons, Map<String, Long> functionErrorCauses) {
            this(total, succeeded, throttled, functionErrors, errors, throttleReasons, Map.of(), functionErrorCauses);
        }

        /** The throttles {@code limit} refused (0 when none, or in a summary written before they were told). */
        public long rateLimited(dev.enisim.model.RequestRateLimit limit) {
            return rateLimits.getOrDefault(limit.key(), 0L);
        }
    }

    /**
     * @param lastUpdateStatus      of the last VPC config update, null if none
     * @param longestPendingSeconds the longest spell in Pending
     * @param stuckPending          Pending spells longer than {@code hyperplane.stuckPendingAfter}
     */
    public record FunctionSummary(Invocations invocations, String finalState, StateReasonCode finalReasonCode,
            String lastUpdateStatus, int peakConcurrentExecutions, double longestPendingSeconds, int stuckPending,
            List<Transition> transitions, List<Update> updates, Latency latencyMillis, int peakEnvironments,
            Environments averageEnvironments, ColdStarts coldStarts, Cost cost) {

        /** Without environment averages, cold starts and cost. */
        public FunctionSummary(Invocations invocations, String finalState, StateReasonCode finalReasonCode,
                String lastUpdateStatus, int peakConcurrentExecutions, double longestPendingSeconds, int stuckPending,
                List<Transition> transitions, List<Update> updates, Latency latencyMillis, int peakEnvironments) {
            this(invocations, finalState, finalReasonCode, lastUpdateStatus, peakConcurrentExecutions,
                    longestPendingSeconds, stuckPending, transitions, updates, latencyMillis, peakEnvironments, null,
                    null, null);
        }

        /** This function's summary with its environment averages, cold starts and cost. */
        public FunctionSummary with(Environments environments, ColdStarts cold, Cost c) {
            return new FunctionSummary(invocations, finalState, finalReasonCode, lastUpdateStatus,
                    peakConcurrentExecutions, longestPendingSeconds, stuckPending, transitions, updates,
                    latencyMillis, peakEnvironments, environments, cold, c);
        }
    }

    /** A LastUpdateStatus change of a VPC config update. */
    public record Update(double atSeconds, LastUpdateStatus lastUpdateStatus, StateReasonCode reasonCode) {
    }

    /** A control-plane action of the scenario's timeline, in words. */
    public record Action(double atSeconds, String description) {
    }

    /**
     * How long an action that released ENIs (deleteFunction, deleteVersion, updateVpcConfig, idle reclaim) waited
     * until Lambda had deleted them: the answer to "how long will my stack deletion wait?".
     *
     * @param requestedAtSeconds       when the action was requested (an update: its UpdateFunctionConfiguration)
     * @param oldEnisReleasedAtSeconds an updateVpcConfig's only: when its old ENIs were released, the new ones being
     *                                 ready; null (left out of summary.json) for other actions, which release them
     *                                 when requested
     * @param waitSeconds until the last ENI was deleted (orphans: deleted by hand), from their release; null when one
     *                    was still there at the end of the run
     * @param orphaned    ENIs Lambda could not delete (the role had lost its permissions)
     * @param cancelled   the deletions this action started that a new user of the key cancelled by taking the ENI
     *                    back ({@code hyperplane.reuseDeletingEni}): why {@code waitSeconds} is null; null (left out
     *                    of summary.json) when none was
     */
    public record Teardown(String function, String action, double requestedAtSeconds,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Double oldEnisReleasedAtSeconds,
            int enis, Double waitSeconds, int orphaned,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            List<Cancelled> cancelled) {

        /** A teardown that released its ENIs when requested, none of whose deletions was cancelled. */
        public Teardown(String function, String action, double requestedAtSeconds, int enis, Double waitSeconds,
                int orphaned) {
            this(function, action, requestedAtSeconds, null, enis, waitSeconds, orphaned, null);
        }

        /** When the ENIs were released: an update's once its new ENIs were ready, any other action's at once. */
        public double releasedAtSeconds() {
            return oldEnisReleasedAtSeconds == null ? requestedAtSeconds : oldEnisReleasedAtSeconds;
        }
    }

    /**
     * A timeline action Lambda refused: when, the API operation, the function as the call named it (a version
     * qualified, {@code api:3}), the exception Lambda answered with.
     */
    public record Rejected(double atSeconds, String action, String function, String error) {
    }

    /** A deletion cancelled at {@code atSeconds}: {@code by} (a function) took the ENI {@code eni} back. */
    public record Cancelled(String eni, double atSeconds, String by) {
    }

    /**
     * A state change: when, to what, why. A restore that failed (Inactive, its reason code the failure's) may be
     * followed by retries, each invocation while the function is Inactive trying again and failing at once for the
     * same reason: they are counted on it, not listed ({@code retries}, and when the last was), so that the list
     * grows with the function's lifecycle, not with its invocations. Null (left out of summary.json) otherwise.
     */
    public record Transition(double atSeconds, State state, StateReasonCode reasonCode, String cause,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Long retries,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Double lastRetryAtSeconds) {

        public Transition(double atSeconds, State state, StateReasonCode reasonCode, String cause) {
            this(atSeconds, state, reasonCode, cause, null, null);
        }

        /** This failed restore with {@code n} more retries, the last at {@code lastAtSeconds}. */
        Transition retried(long n, double lastAtSeconds) {
            return new Transition(atSeconds, state, reasonCode, cause, (retries == null ? 0 : retries) + n,
                    lastAtSeconds);
        }
    }

    /**
     * ENIs created over the run (those in place at the start included, as they are made at 0), the most alive at once
     * (holding an IP), those alive at the end, deleted, orphaned (the role could not delete them), and those in place
     * at the start (an existing function's, as the model marks them), so that created - inPlaceAtStart is what the run
     * itself created; and the most connections one ENI held at once ({@code peakConnectionsPerEni}: the highest of
     * enis.csv's {@code peakConnections}, never above hyperplane.connectionsPerEni; under the legacy model, the most
     * execution environments on one ENI).
     */
    public record Enis(long created, long peak, long fin, long deleted, long orphaned, long inPlaceAtStart,
            long peakConnectionsPerEni) {

        /** Without a count of those in place at the start (none) and no connection on any ENI. */
        public Enis(long created, long peak, long fin, long deleted, long orphaned) {
            this(created, peak, fin, deleted, orphaned, 0, 0);
        }

        /** Created during the run: {@code created} without those in place at the start. */
        public long createdDuringRun() {
            return created - inPlaceAtStart;
        }
    }

    /**
     * A VPC's Lambda ENIs against its ENI quota.
     *
     * @param otherUsedEnis  other services' ENIs counting against the quota at the end of the run
     * @param eniQuotaCountedPer {@code account} when each account's ENIs count against its own copy of the quota
     *                       ({@code vpcs[*].eniQuotaCountedPer: account} [assumed]); null (left out of summary.json)
     *                       under {@code vpc}, the default: one quota for every account's ENIs
     * @param byAccount      under {@code account}, each account's copy (its ENIs in the VPC against its own {@code
     *                       eniQuota}; the owner's holds other services' ENIs), by account id in the scenario's order:
     *                       the figures above are then every account's together; null (left out) under {@code vpc}
     */
    public record VpcSummary(int eniQuota, long peakEnis, long finalEnis, int otherUsedEnis,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            String eniQuotaCountedPer,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Map<String, VpcSummary> byAccount) {

        public VpcSummary {
            byAccount = byAccount == null ? null
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byAccount));
        }

        /** A VPC whose quota counts every account's ENIs together (or one account's copy). */
        public VpcSummary(int eniQuota, long peakEnis, long finalEnis, int otherUsedEnis) {
            this(eniQuota, peakEnis, finalEnis, otherUsedEnis, null, null);
        }

        /**
         * The quotas that were full at some moment (Lambda's peak and other services' ENIs at the end at the quota, as
         * every reader counted it): the VPC's own (key "") or, counted per account, each full account's copy; in
         * order.
         */
        public Map<String, VpcSummary> full() {
            Map<String, VpcSummary> out = new java.util.LinkedHashMap<>();
            if (byAccount == null) {
                if (peakEnis + otherUsedEnis >= eniQuota) {
                    out.put("", this);
                }
                return out;
            }
            byAccount.forEach((id, a) -> {
                if (a.peakEnis() + a.otherUsedEnis() >= a.eniQuota()) {
                    out.put(id, a);
                }
            });
            return out;
        }

        /** The highest use of a quota (the VPC's, or the fullest account's copy): peak + other services' ENIs. */
        public long mostUsed() {
            if (byAccount == null) {
                return peakEnis + otherUsedEnis;
            }
            long most = 0;
            for (VpcSummary a : byAccount.values()) {
                most = Math.max(most, a.peakEnis() + a.otherUsedEnis());
            }
            return most;
        }
    }

    /**
     * @param otherUsedIps        other tenants' addresses at the end of the run
     * @param otherUsedIpsRefused the most addresses other tenants asked for (the timeline's setOtherUsedIps) and did
     *                            not get at once, Lambda's ENIs holding the rest (the run caps them at what is free);
     *                            0, and left out of summary.json, when they always got them
     */
    public record SubnetSummary(String cidr, String az, int usableIps, int otherUsedIps, long minAvailableIps,
            long finalAvailableIps,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
            long otherUsedIpsRefused) {

        /** A subnet whose other tenants were never refused an address. */
        public SubnetSummary(String cidr, String az, int usableIps, int otherUsedIps, long minAvailableIps,
                long finalAvailableIps) {
            this(cidr, az, usableIps, otherUsedIps, minAvailableIps, finalAvailableIps, 0);
        }
    }

    /**
     * One ENI key (subnet + security groups): its peak ENIs and connections, and the time-average and
     * time-variance of its connections over the run.
     */
    public record KeySummary(String vpc, String subnet, List<String> securityGroups, long peakEnis,
            long finalEnis, long peakConnections, double meanConnections, double connectionsVariance) {
    }
}
