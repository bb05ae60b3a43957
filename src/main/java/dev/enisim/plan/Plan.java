package dev.enisim.plan;

import java.util.List;

/**
 * The answers of {@code enisim plan}, shaped as {@code plan.json}: each simulated answer with the analytic
 * estimate beside it where one exists. {@code subnetsUnderOtherModel} is the subnet sizing under the other network
 * model (legacy for a Hyperplane scenario and the other way round) when asked, else empty.
 *
 * @param failsAsIs       how the scenario already fails as it is, one sentence each (a function that ends Failed,
 *                        each class of failing invocations with its count); empty when nothing fails
 * @param failedFunctions the functions that end Failed as it is: they get no keep-warm advice (keeping a Failed
 *                        function warm does not help; its failure must be fixed first)
 * @param assumptions     the assumption preset the answers hold under ({@code documented}, {@code field})
 * @param sizingNotes     when the subnet sizes cannot be trusted as they stand: the demand was held down by a limit
 *                        (the ENI quota refused ENIs even with every subnet at /16), or no size up to /16 fits
 * @param failsInWarmUp   the classes of failures of the run as it is that all fell in the warm-up
 *                        ({@link Headroom#warmUpSeconds}), in the words of {@code failsAsIs}: said, not counted as the
 *                        scenario failing (they are not in {@code failsAsIs}); empty when none
 * @param warmUpNotApplied why the warm-up asked for (plan --warm-up) left nothing out: the run is not longer than
 *                        twice it, or its buckets are longer than it; every failure and peak then counts ({@link
 *                        Headroom#warmUpSeconds} is 0); null when it applies or none was asked for
 * @param maxFailedFraction the failed fraction of the run's invocations at or under which a class of failures does
 *                        not count (plan --max-failed-fraction): not the scenario failing as it is, not a limit hit
 *                        in the traffic headroom; 0 (the default): any failure counts
 * @param failsWithinThreshold the classes of failures of the run as it is within {@code maxFailedFraction}, in the
 *                        words of {@code failsAsIs}: said, not counted as the scenario failing; empty when none
 * @param noKeepWarm      functions given no keep-warm advice for another reason than ending Failed, with why (one
 *                        whose subnets are all in an Availability Zone the scenario takes down); empty when none
 * @param functionErrors  the function errors of the run as it is that are not capacity (TaskTimedOut: a function's
 *                        own timeout against its duration distribution), in the words of {@code failsAsIs}: said
 *                        apart, not counted as the scenario failing (they are not in {@code failsAsIs}); empty when
 *                        none
 * @param source          the scenario planned, for the display names ({@code name}: an imported Name tag) of its
 *                        subnets, security groups and VPCs: the terminal and plan.html label them as the run's do
 *                        ({@code private-a (subnet-0a1b...)}); not in plan.json, whose figures stay keyed by id
 *                        ({@link #names} maps them); null (a plan written by hand, in tests): ids alone
 * @param accountQuotas   with several accounts, each account's network interfaces per Region at the design's peak
 *                        against its own quota, the account closest to its quota first ("which account runs out
 *                        first"); empty (left out of plan.json) with one account
 */
public record Plan(String scenario, long seed, String networkModel, List<String> failsAsIs,
        List<String> failedFunctions, List<SubnetAdvice> subnets,
        List<SubnetAdvice> subnetsUnderOtherModel, List<VpcAdvice> vpcs, Headroom headroom, TeardownWait teardown,
        List<IdleAdvice> idle,
        String assumptions,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        List<SharedSubnet> sharedSubnets,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<String> sizingNotes,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<String> failsInWarmUp,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        String warmUpNotApplied,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
        double maxFailedFraction,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<String> failsWithinThreshold,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<String> noKeepWarm,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<String> functionErrors,
        @com.fasterxml.jackson.annotation.JsonIgnore
        dev.enisim.scenario.Scenario source,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<AccountQuota> accountQuotas) {

    public Plan {
        accountQuotas = accountQuotas == null ? List.of() : List.copyOf(accountQuotas);
    }

    /** One account, or no account's quota said. */
    public Plan(String scenario, long seed, String networkModel, List<String> failsAsIs,
            List<String> failedFunctions, List<SubnetAdvice> subnets, List<SubnetAdvice> subnetsUnderOtherModel,
            List<VpcAdvice> vpcs, Headroom headroom, TeardownWait teardown, List<IdleAdvice> idle,
            String assumptions, List<SharedSubnet> sharedSubnets, List<String> sizingNotes,
            List<String> failsInWarmUp, String warmUpNotApplied, double maxFailedFraction,
            List<String> failsWithinThreshold, List<String> noKeepWarm, List<String> functionErrors,
            dev.enisim.scenario.Scenario source) {
        this(scenario, seed, networkModel, failsAsIs, failedFunctions, subnets, subnetsUnderOtherModel, vpcs,
                headroom, teardown, idle, assumptions, sharedSubnets, sizingNotes, failsInWarmUp, warmUpNotApplied,
                maxFailedFraction, failsWithinThreshold, noKeepWarm, functionErrors, source, List.of());
    }

    /**
     * An account's network interfaces per Region (several accounts only): the most it held at once in the demand
     * runs (every subnet at /16, no VPC quota in the way; its functions' Lambda ENIs after the warm-up, as section 2's
     * VPC peaks count them, the other services' ENIs of the VPCs it owns and its otherNetworkInterfaces), against its
     * own quota.
     *
     * @param account                    its id
     * @param index                      its place in {@code accounts}, for the field to raise
     * @param networkInterfacesPerRegion its quota
     * @param peakNetworkInterfaces      the most over the demand runs (after the warm-up)
     * @param spare                      the quota less the peak (negative: short)
     * @param vpcEnis                    per VPC its functions use, its Lambda ENIs there at the design's peak (its
     *                                   keys' peaks after the warm-up, as section 2's), counted in that VPC's ENI
     *                                   quota, in the scenario's order
     */
    public record AccountQuota(String account, int index, int networkInterfacesPerRegion, long peakNetworkInterfaces,
            long spare, java.util.Map<String, Long> vpcEnis,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
            long warmUpPeakNetworkInterfaces) {

        /**
         * {@code warmUpPeakNetworkInterfaces}: when the warm-up left ENIs the traffic after it does not need, the most
         * the account held at once, the warm-up's included (as {@link VpcAdvice#warmUpPeakEnis}); else 0, left out.
         * {@code peakNetworkInterfaces} and {@code spare} are after the warm-up.
         */
        public AccountQuota {
            vpcEnis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vpcEnis));
        }

        /** Nothing left by the warm-up. */
        public AccountQuota(String account, int index, int networkInterfacesPerRegion, long peakNetworkInterfaces,
                long spare, java.util.Map<String, Long> vpcEnis) {
            this(account, index, networkInterfacesPerRegion, peakNetworkInterfaces, spare, vpcEnis, 0);
        }
    }

    /** Without the scenario's names: ids alone. */
    public Plan(String scenario, long seed, String networkModel, List<String> failsAsIs,
            List<String> failedFunctions, List<SubnetAdvice> subnets, List<SubnetAdvice> subnetsUnderOtherModel,
            List<VpcAdvice> vpcs, Headroom headroom, TeardownWait teardown, List<IdleAdvice> idle,
            String assumptions, List<SharedSubnet> sharedSubnets, List<String> sizingNotes,
            List<String> failsInWarmUp, String warmUpNotApplied, double maxFailedFraction,
            List<String> failsWithinThreshold, List<String> noKeepWarm, List<String> functionErrors) {
        this(scenario, seed, networkModel, failsAsIs, failedFunctions, subnets, subnetsUnderOtherModel, vpcs,
                headroom, teardown, idle, assumptions, sharedSubnets, sizingNotes, failsInWarmUp, warmUpNotApplied,
                maxFailedFraction, failsWithinThreshold, noKeepWarm, functionErrors, null);
    }

    /**
     * plan.json's {@code names}: the display name of each subnet, security group and VPC of the scenario that has
     * one, by id (the figures are keyed by id); empty, so left out, when none is named.
     */
    @com.fasterxml.jackson.annotation.JsonProperty("names")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    public java.util.Map<String, String> names() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (source != null) {
            for (dev.enisim.scenario.Scenario.Vpc v : source.vpcs()) {
                if (v.name() != null) {
                    out.put(v.id(), v.name());
                }
                for (dev.enisim.scenario.Scenario.Subnet s : v.subnets()) {
                    if (s.name() != null) {
                        out.put(s.id(), s.name());
                    }
                }
                out.putAll(v.groupNames());
            }
        }
        return out;
    }

    /** No function error apart from capacity failures. */
    public Plan(String scenario, long seed, String networkModel, List<String> failsAsIs,
            List<String> failedFunctions, List<SubnetAdvice> subnets, List<SubnetAdvice> subnetsUnderOtherModel,
            List<VpcAdvice> vpcs, Headroom headroom, TeardownWait teardown, List<IdleAdvice> idle,
            String assumptions, List<SharedSubnet> sharedSubnets, List<String> sizingNotes,
            List<String> failsInWarmUp, String warmUpNotApplied, double maxFailedFraction,
            List<String> failsWithinThreshold, List<String> noKeepWarm) {
        this(scenario, seed, networkModel, failsAsIs, failedFunctions, subnets, subnetsUnderOtherModel, vpcs,
                headroom, teardown, idle, assumptions, sharedSubnets, sizingNotes, failsInWarmUp, warmUpNotApplied,
                maxFailedFraction, failsWithinThreshold, noKeepWarm, List.of());
    }

    /** Any failure counts; no function left without keep-warm advice but those that end Failed. */
    public Plan(String scenario, long seed, String networkModel, List<String> failsAsIs,
            List<String> failedFunctions, List<SubnetAdvice> subnets, List<SubnetAdvice> subnetsUnderOtherModel,
            List<VpcAdvice> vpcs, Headroom headroom, TeardownWait teardown, List<IdleAdvice> idle,
            String assumptions, List<SharedSubnet> sharedSubnets, List<String> sizingNotes,
            List<String> failsInWarmUp, String warmUpNotApplied) {
        this(scenario, seed, networkModel, failsAsIs, failedFunctions, subnets, subnetsUnderOtherModel, vpcs,
                headroom, teardown, idle, assumptions, sharedSubnets, sizingNotes, failsInWarmUp, warmUpNotApplied,
                0, List.of(), List.of());
    }

    /** The warm-up applied, or none asked for. */
    public Plan(String scenario, long seed, String networkModel, List<String> failsAsIs,
            List<String> failedFunctions, List<SubnetAdvice> subnets, List<SubnetAdvice> subnetsUnderOtherModel,
            List<VpcAdvice> vpcs, Headroom headroom, TeardownWait teardown, List<IdleAdvice> idle,
            String assumptions, List<SharedSubnet> sharedSubnets, List<String> sizingNotes,
            List<String> failsInWarmUp) {
        this(scenario, seed, networkModel, failsAsIs, failedFunctions, subnets, subnetsUnderOtherModel, vpcs,
                headroom, teardown, idle, assumptions, sharedSubnets, sizingNotes, failsInWarmUp, null);
    }

    /** No failure all in the warm-up. */
    public Plan(String scenario, long seed, String networkModel, List<String> failsAsIs,
            List<String> failedFunctions, List<SubnetAdvice> subnets, List<SubnetAdvice> subnetsUnderOtherModel,
            List<VpcAdvice> vpcs, Headroom headroom, TeardownWait teardown, List<IdleAdvice> idle,
            String assumptions, List<SharedSubnet> sharedSubnets, List<String> sizingNotes) {
        this(scenario, seed, networkModel, failsAsIs, failedFunctions, subnets, subnetsUnderOtherModel, vpcs,
                headroom, teardown, idle, assumptions, sharedSubnets, sizingNotes, List.of());
    }

    /** Without sizing notes. */
    public Plan(String scenario, long seed, String networkModel, List<String> failsAsIs,
            List<String> failedFunctions, List<SubnetAdvice> subnets, List<SubnetAdvice> subnetsUnderOtherModel,
            List<VpcAdvice> vpcs, Headroom headroom, TeardownWait teardown, List<IdleAdvice> idle,
            String assumptions, List<SharedSubnet> sharedSubnets) {
        this(scenario, seed, networkModel, failsAsIs, failedFunctions, subnets, subnetsUnderOtherModel, vpcs,
                headroom, teardown, idle, assumptions, sharedSubnets, List.of());
    }

    /** A plan of a single-account scenario (no shared subnets). */
    public Plan(String scenario, long seed, String networkModel, List<String> failsAsIs,
            List<String> failedFunctions, List<SubnetAdvice> subnets, List<SubnetAdvice> subnetsUnderOtherModel,
            List<VpcAdvice> vpcs, Headroom headroom, TeardownWait teardown, List<IdleAdvice> idle,
            String assumptions) {
        this(scenario, seed, networkModel, failsAsIs, failedFunctions, subnets, subnetsUnderOtherModel, vpcs,
                headroom, teardown, idle, assumptions, null);
    }

    /**
     * Who consumes a subnet of a VPC shared between accounts (several accounts only): its owner, and per account
     * its functions there, its keys and the addresses its ENIs hold at the design's peak (the demand runs', as
     * section 1's peak IPs). Each account's keys are its own, so each takes its own addresses from the subnet.
     * {@code minAvailableIps} is the run as it is: the fewest addresses left free in the subnet as configured.
     */
    public record SharedSubnet(String subnet, String vpc, String owner, int usableIps, int otherUsedIps,
            long minAvailableIps, List<Consumer> consumers) {
    }

    /**
     * @param peakIps the most addresses its ENIs in the subnet held at once (sum of its keys' peaks there) in the
     *                demand runs (every subnet at /16, no quota in the way): what the design needs, not what the run
     *                as it is let through (0 for an account whose function ended Failed)
     */
    public record Consumer(String account, List<String> functions, List<String> keys, long peakIps) {
    }

    /**
     * @param peakLambdaIps        most addresses Lambda held at once when the subnet was not a constraint: the
     *                             most over {@code demandReplications} runs
     * @param analyticLambdaIps    ENIs the keys in this subnet need by the formulas (peak connections / 65,000
     *                             per key, or the legacy 3 GB rule on peak environments)
     * @param recommendedPrefix    the smallest subnet (largest prefix) with no invocation failing for IPs
     * @param otherUsedIps         the most addresses other tenants hold during the run (its otherUsedIps, or more set
     *                             by the timeline's setOtherUsedIps): the size is for them at their most
     * @param headroomIps          usable - others - the most Lambda IPs at the current size (negative: short):
     *                             the peak, or the most the ENIs held, the warm-up's included ({@code
     *                             warmUpLambdaIps}: each keeps its address), with an address for each of {@code
     *                             inactiveKeys}
     * @param failuresAtRecommended IP failures when re-run at the recommended size (expected 0), summed over
     *                             {@code runsAtRecommended} replications other than those the size was taken from;
     *                             {@code runsFailedAtRecommended} of them had any
     * @param failuresOneSmaller   IP failures one prefix smaller (expected > 0), over {@code runsOneSmaller} other
     *                             replications (they stop at the first that fails: {@code runsFailedOneSmaller} is 1
     *                             then), -1 when /28 is already the smallest,
     *                             {@link #OTHERS_DO_NOT_FIT} when one prefix smaller cannot even hold the subnet's
     *                             other tenants' addresses (not run: no such subnet can be configured)
     * @param warmUpLambdaIps      when the warm-up ({@link Headroom#warmUpSeconds}) left ENIs the traffic after it
     *                             does not need: the most addresses Lambda's ENIs held at once, the warm-up's
     *                             included (the most over the demand runs); else 0. {@code peakLambdaIps} and the
     *                             formula are after the warm-up, while the recommended size and {@code headroomIps}
     *                             hold these too: an ENI keeps its address until Lambda deletes it
     * @param othersRefusedOneSmaller the most addresses the subnet's other tenants asked for (the timeline's
     *                             setOtherUsedIps) and did not get in a run one prefix smaller (the run caps them at
     *                             what Lambda's ENIs leave free): that size runs out for them, counted as failing in
     *                             {@code runsFailedOneSmaller}; 0 when they always got what they asked for
     * @param cannotGrowInPlace    when the recommended size is larger than the subnet and, at its network address,
     *                             would overlap another subnet of the VPC: "a /25 at 10.1.0.0 overlaps subnet-b
     *                             (10.1.0.64/26)"; else null
     * @param inactiveKeys         the subnet's Hyperplane keys (security-group sets) that a demand run never made
     *                             because every function of the key stayed {@code Inactive} in it (an
     *                             {@code existing: Inactive} function not invoked): the most over the demand runs.
     *                             Each needs an ENI, so an address, when a function of it wakes (its first
     *                             invocation after the quiet restores it), so the recommended size and
     *                             {@code headroomIps} count one address each (the formula already did); 0 when none
     * @param inactiveFunctions    the functions of those keys, in the scenario's order (any demand run's); empty
     *                             when none
     * @param enisInPlace          the ENIs in place at the run's start on the subnet's keys that Hyperplane scaled out
     *                             before the run ({@code vpcs[*].enisAtStart}: an {@code existing: Active} function's
     *                             key that starts with more than one); 0 when none. Each such key keeps them through
     *                             the plan's horizon (enisim models no scale-in; Lambda deletes a key's ENIs only when
     *                             no function uses it or after weeks idle), so {@code analyticLambdaIps} counts at
     *                             least its ENIs in place, whatever its connections
     */
    public record SubnetAdvice(String subnet, String cidr, int usableIps, int otherUsedIps, long peakLambdaIps,
            long analyticLambdaIps, int recommendedPrefix, int recommendedUsableIps, long headroomIps,
            long failuresAtRecommended, long failuresOneSmaller, int demandReplications, int runsAtRecommended,
            int runsFailedAtRecommended, int runsOneSmaller, int runsFailedOneSmaller,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
            long warmUpLambdaIps,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
            long othersRefusedOneSmaller,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            String cannotGrowInPlace,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
            long inactiveKeys,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            List<String> inactiveFunctions,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
            long enisInPlace) {

        public SubnetAdvice {
            inactiveFunctions = List.copyOf(inactiveFunctions);
        }

        /** No key scaled out before the run. */
        public SubnetAdvice(String subnet, String cidr, int usableIps, int otherUsedIps, long peakLambdaIps,
                long analyticLambdaIps, int recommendedPrefix, int recommendedUsableIps, long headroomIps,
                long failuresAtRecommended, long failuresOneSmaller, int demandReplications, int runsAtRecommended,
                int runsFailedAtRecommended, int runsOneSmaller, int runsFailedOneSmaller, long warmUpLambdaIps,
                long othersRefusedOneSmaller, String cannotGrowInPlace, long inactiveKeys,
                List<String> inactiveFunctions) {
            this(subnet, cidr, usableIps, otherUsedIps, peakLambdaIps, analyticLambdaIps, recommendedPrefix,
                    recommendedUsableIps, headroomIps, failuresAtRecommended, failuresOneSmaller, demandReplications,
                    runsAtRecommended, runsFailedAtRecommended, runsOneSmaller, runsFailedOneSmaller, warmUpLambdaIps,
                    othersRefusedOneSmaller, cannotGrowInPlace, inactiveKeys, inactiveFunctions, 0);
        }

        /** No key left unmade by functions asleep in the demand runs. */
        public SubnetAdvice(String subnet, String cidr, int usableIps, int otherUsedIps, long peakLambdaIps,
                long analyticLambdaIps, int recommendedPrefix, int recommendedUsableIps, long headroomIps,
                long failuresAtRecommended, long failuresOneSmaller, int demandReplications, int runsAtRecommended,
                int runsFailedAtRecommended, int runsOneSmaller, int runsFailedOneSmaller, long warmUpLambdaIps,
                long othersRefusedOneSmaller, String cannotGrowInPlace) {
            this(subnet, cidr, usableIps, otherUsedIps, peakLambdaIps, analyticLambdaIps, recommendedPrefix,
                    recommendedUsableIps, headroomIps, failuresAtRecommended, failuresOneSmaller, demandReplications,
                    runsAtRecommended, runsFailedAtRecommended, runsOneSmaller, runsFailedOneSmaller, warmUpLambdaIps,
                    othersRefusedOneSmaller, cannotGrowInPlace, 0, List.of());
        }

        /** Other tenants never refused, the size can grow in place (or needs not grow). */
        public SubnetAdvice(String subnet, String cidr, int usableIps, int otherUsedIps, long peakLambdaIps,
                long analyticLambdaIps, int recommendedPrefix, int recommendedUsableIps, long headroomIps,
                long failuresAtRecommended, long failuresOneSmaller, int demandReplications, int runsAtRecommended,
                int runsFailedAtRecommended, int runsOneSmaller, int runsFailedOneSmaller, long warmUpLambdaIps) {
            this(subnet, cidr, usableIps, otherUsedIps, peakLambdaIps, analyticLambdaIps, recommendedPrefix,
                    recommendedUsableIps, headroomIps, failuresAtRecommended, failuresOneSmaller, demandReplications,
                    runsAtRecommended, runsFailedAtRecommended, runsOneSmaller, runsFailedOneSmaller, warmUpLambdaIps,
                    0, null);
        }

        /** Nothing left by the warm-up. */
        public SubnetAdvice(String subnet, String cidr, int usableIps, int otherUsedIps, long peakLambdaIps,
                long analyticLambdaIps, int recommendedPrefix, int recommendedUsableIps, long headroomIps,
                long failuresAtRecommended, long failuresOneSmaller, int demandReplications, int runsAtRecommended,
                int runsFailedAtRecommended, int runsOneSmaller, int runsFailedOneSmaller) {
            this(subnet, cidr, usableIps, otherUsedIps, peakLambdaIps, analyticLambdaIps, recommendedPrefix,
                    recommendedUsableIps, headroomIps, failuresAtRecommended, failuresOneSmaller, demandReplications,
                    runsAtRecommended, runsFailedAtRecommended, runsOneSmaller, runsFailedOneSmaller, 0);
        }

        /** One replication each (a figure written by hand, in tests). */
        public SubnetAdvice(String subnet, String cidr, int usableIps, int otherUsedIps, long peakLambdaIps,
                long analyticLambdaIps, int recommendedPrefix, int recommendedUsableIps, long headroomIps,
                long failuresAtRecommended, long failuresOneSmaller) {
            this(subnet, cidr, usableIps, otherUsedIps, peakLambdaIps, analyticLambdaIps, recommendedPrefix,
                    recommendedUsableIps, headroomIps, failuresAtRecommended, failuresOneSmaller, 1, 1,
                    failuresAtRecommended > 0 ? 1 : 0, failuresOneSmaller < 0 ? 0 : 1, failuresOneSmaller > 0 ? 1 : 0);
        }

        /** {@link #failuresOneSmaller()} when the smaller subnet's usable addresses are fewer than its others'. */
        public static final long OTHERS_DO_NOT_FIT = -2;
    }

    /**
     * @param consolidatedEnis ENIs if every function used one security-group set (one key per subnet); under the
     *                         legacy model the peak itself (each ENI is one function's: none to save)
     * @param otherUsedEnis    the most ENIs other services (EFS mount targets...) hold in the VPC during the run:
     *                         its otherUsedEnis, or more set by the timeline; they count against the same quota
     * @param warmUpPeakEnis   when the warm-up ({@link Headroom#warmUpSeconds}) left ENIs the traffic after it does
     *                         not need: the most Lambda ENIs the VPC held at once, the warm-up's included; else 0.
     *                         {@code peakEnis}, the keys and {@link #room()} are after the warm-up
     * @param inactiveKeys     the VPC's Hyperplane keys (one per subnet and security-group set) that a demand run never
     *                         made because every function of the key stayed {@code Inactive} in it, as
     *                         {@link SubnetAdvice#inactiveKeys} counts them per subnet: the ENIs they need when their
     *                         functions wake, beyond {@code peakEnis} (the most over the demand runs of a run's ENIs
     *                         and its asleep keys, less {@code peakEnis}: a key one run woke is in the peak once).
     *                         {@link #room()} counts them; 0 when none
     * @param inactiveFunctions the functions of those keys, in the scenario's order (any demand run's); empty when none
     */
    public record VpcAdvice(String vpc, int eniQuota, long peakEnis, List<KeyUse> keys, long consolidatedEnis,
            long savedByConsolidating, int otherUsedEnis,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
            long warmUpPeakEnis,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
            long inactiveKeys,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            List<String> inactiveFunctions,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            java.util.Map<String, Long> accountQuotaUse) {

        /**
         * {@code accountQuotaUse}: under {@code vpcs[*].eniQuotaCountedPer: account} [assumed], each account's use of
         * its own copy of the quota at the design's peak (after the warm-up): its Lambda ENIs in the VPC, and for the
         * VPC's owner other services' ENIs ({@code otherUsedEnis}) too; by account id, in the scenario's order.
         * {@code peakEnis} is then every account's together and {@link #room()} the fullest copy's. Empty (left out of
         * plan.json) when one quota counts every account's ENIs.
         */
        public VpcAdvice {
            inactiveFunctions = List.copyOf(inactiveFunctions);
            accountQuotaUse = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(accountQuotaUse));
        }

        /** One quota for every account's ENIs in the VPC. */
        public VpcAdvice(String vpc, int eniQuota, long peakEnis, List<KeyUse> keys, long consolidatedEnis,
                long savedByConsolidating, int otherUsedEnis, long warmUpPeakEnis, long inactiveKeys,
                List<String> inactiveFunctions) {
            this(vpc, eniQuota, peakEnis, keys, consolidatedEnis, savedByConsolidating, otherUsedEnis, warmUpPeakEnis,
                    inactiveKeys, inactiveFunctions, java.util.Map.of());
        }

        /** The account whose copy of the quota is fullest ({@link #accountQuotaUse}; the first of equals), or null. */
        public String fullestAccount() {
            String out = null;
            for (java.util.Map.Entry<String, Long> e : accountQuotaUse.entrySet()) {
                if (out == null || e.getValue() > accountQuotaUse.get(out)) {
                    out = e.getKey();
                }
            }
            return out;
        }

        /** No key left unmade by functions asleep in the demand runs. */
        public VpcAdvice(String vpc, int eniQuota, long peakEnis, List<KeyUse> keys, long consolidatedEnis,
                long savedByConsolidating, int otherUsedEnis, long warmUpPeakEnis) {
            this(vpc, eniQuota, peakEnis, keys, consolidatedEnis, savedByConsolidating, otherUsedEnis, warmUpPeakEnis,
                    0, List.of());
        }

        /** Nothing left by the warm-up. */
        public VpcAdvice(String vpc, int eniQuota, long peakEnis, List<KeyUse> keys, long consolidatedEnis,
                long savedByConsolidating, int otherUsedEnis) {
            this(vpc, eniQuota, peakEnis, keys, consolidatedEnis, savedByConsolidating, otherUsedEnis, 0);
        }

        /** Without other services' ENIs. */
        public VpcAdvice(String vpc, int eniQuota, long peakEnis, List<KeyUse> keys, long consolidatedEnis,
                long savedByConsolidating) {
            this(vpc, eniQuota, peakEnis, keys, consolidatedEnis, savedByConsolidating, 0);
        }

        /**
         * ENIs of the quota left at Lambda's peak, other services' at their most (both peaks taken together), and an ENI
         * for each key of the functions asleep in the demand runs ({@link #inactiveKeys}).
         */
        public long room() {
            if (!accountQuotaUse.isEmpty()) { // each account's own copy: the fullest one's room (asleep keys in it)
                return eniQuota - accountQuotaUse.get(fullestAccount()) - inactiveKeys;
            }
            return eniQuota - peakEnis - inactiveKeys - otherUsedEnis;
        }
    }

    /**
     * A key's ENIs and connections at their most after the warm-up ({@link VpcAdvice#warmUpPeakEnis}).
     *
     * @param peakConnections under the legacy model, the key's (its function's) peak execution environments
     */
    public record KeyUse(String key, long peakEnis, long peakConnections) {
    }

    /**
     * The traffic multiplier at which a limit is first hit, and which ({@code ENI}, {@code IP},
     * {@code concurrency}, {@code scaling-rate} (environments not added fast enough), {@code request-rate}
     * (requests per second over 10 x the concurrency limit), {@code connections}: 65,000 per ENI, NoFreePortOnEni); null multiplier when none is hit up to the largest tried.
     * {@code atRecommendedSizes}: when a limit is hit at today's traffic already and the plan resizes subnets, the same
     * search with every subnet at its recommended size (the headroom once the plan is applied), else null.
     * {@code replications}: each probe ran up to that many replications, a limit hit when any of them hit it;
     * {@code lastClearMultiplier}: the largest multiplier at which none did, below the first limit (the search stops
     * within 5% of it), null when today's traffic hits one already.
     * {@code warmUpSeconds}: throttles and failures in this long from the run's start, or from a function's turning
     * Active, are not counted as a limit hit (the simulation starts every function with no warm environment, a
     * ramp a deployed function does not go through); 0 when none is left out.
     * {@code searches}: with plan --headroom-searches S above 1, each search's answer (search k ran replications
     * k x {@code replications} to (k+1) x {@code replications} - 1 at every multiplier), the one given first (the
     * lowest first limit: the one to plan on); empty with one search (the answer is then that of the scenario's
     * seed's first {@code replications} replications: another seed moves it).
     * {@code staggered}: when EC2's request limit ({@code hyperplane.ec2RequestLimit}) refuses the deployment's ENIs
     * at today's traffic (as it is, and at the recommended sizes when the plan resizes subnets), the rollout that
     * keeps the creations within it and the search on that rollout; else null.
     */
    public record Headroom(Double firstLimitAtMultiplier, List<String> limitsHit, double largestTried,
            List<Probe> probes,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Headroom atRecommendedSizes,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Double lastClearMultiplier, int replications,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
            double warmUpSeconds,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            List<Search> searches,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Staggered staggered) {

        /** One search, no staggered rollout. */
        public Headroom(Double firstLimitAtMultiplier, List<String> limitsHit, double largestTried,
                List<Probe> probes, Headroom atRecommendedSizes, Double lastClearMultiplier, int replications,
                double warmUpSeconds) {
            this(firstLimitAtMultiplier, limitsHit, largestTried, probes, atRecommendedSizes, lastClearMultiplier,
                    replications, warmUpSeconds, List.of(), null);
        }

        /** No warm-up left out of the judgement. */
        public Headroom(Double firstLimitAtMultiplier, List<String> limitsHit, double largestTried,
                List<Probe> probes, Headroom atRecommendedSizes, Double lastClearMultiplier, int replications) {
            this(firstLimitAtMultiplier, limitsHit, largestTried, probes, atRecommendedSizes, lastClearMultiplier,
                    replications, 0);
        }

        public Headroom(Double firstLimitAtMultiplier, List<String> limitsHit, double largestTried,
                List<Probe> probes) {
            this(firstLimitAtMultiplier, limitsHit, largestTried, probes, null);
        }

        public Headroom(Double firstLimitAtMultiplier, List<String> limitsHit, double largestTried,
                List<Probe> probes, Headroom atRecommendedSizes) {
            this(firstLimitAtMultiplier, limitsHit, largestTried, probes, atRecommendedSizes, null, 1);
        }

        /** This search, and the one at the recommended sizes. */
        Headroom withAtRecommendedSizes(Headroom after) {
            return new Headroom(firstLimitAtMultiplier, limitsHit, largestTried, probes, after, lastClearMultiplier,
                    replications, warmUpSeconds, searches, staggered);
        }

        /** This search, and the one of a rollout staggered under EC2's request limit. */
        Headroom withStaggered(Staggered s) {
            return new Headroom(firstLimitAtMultiplier, limitsHit, largestTried, probes, atRecommendedSizes,
                    lastClearMultiplier, replications, warmUpSeconds, searches, s);
        }

        /** This search's answer with every search's ({@link #searches}). */
        Headroom withSearches(List<Search> all) {
            return new Headroom(firstLimitAtMultiplier, limitsHit, largestTried, probes, atRecommendedSizes,
                    lastClearMultiplier, replications, warmUpSeconds, List.copyOf(all), staggered);
        }

        /** What the first limit was, in words (its probe's {@link Probe#details}); empty when none was hit. */
        public List<String> firstLimitDetails() {
            List<String> out = List.of();
            for (Probe p : probes) {
                if (firstLimitAtMultiplier != null && p.multiplier() == firstLimitAtMultiplier) {
                    out = p.details();
                }
            }
            return out;
        }
    }

    /**
     * One search's answer (plan --headroom-searches): as {@link Headroom}'s; a null {@code firstLimitAtMultiplier}
     * when no limit was hit up to the largest tried.
     *
     * @param firstReplication the first of the replications its probes ran
     */
    public record Search(int firstReplication, Double firstLimitAtMultiplier, Double lastClearMultiplier,
            List<String> limitsHit) {
    }

    /**
     * A rollout that keeps the deployment's ENI creations within EC2's request limit ({@code
     * hyperplane.ec2RequestLimit}: a bucket of {@code burst} CreateNetworkInterface calls refilled at {@code
     * refillPerSecond}), and the traffic headroom of the design deployed that way. The functions are created in
     * their order ({@code createdAt}, then the scenario's), each when the bucket holds a call for each ENI its new
     * keys will have (a key an earlier function made is shared: no call; a key's ENIs are those the design's traffic
     * scales it to, {@link Wave#scaleOutEnis()}), a second after the refill; a function with more new keys than the
     * burst cannot be created whole by any rollout: {@code cannot} says which, and there is no search ({@code
     * headroom} null).
     *
     * @param waves    the functions created at each time, in order (their ENIs: one per new key, and its scale-out)
     * @param headroom the traffic headroom of the design (every subnet at its recommended size when the plan resizes
     *                 any) with its functions created at the waves' times; null when no rollout fits
     * @param enisInPlace the ENIs in place at the start on keys Hyperplane scaled out before the run ({@code
     *                 vpcs[*].enisAtStart}: an {@code existing: Active} function's key that starts with more than
     *                 one); 0 when none. They hold their addresses already and were made before the run: no call to
     *                 EC2 for them; only such a key's scale-out beyond them is taken from the bucket at 0 s
     */
    public record Staggered(int burst, double refillPerSecond, List<Wave> waves,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            String cannot,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Headroom headroom,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
            int enisInPlace) {

        /** No key scaled out before the run. */
        public Staggered(int burst, double refillPerSecond, List<Wave> waves, String cannot, Headroom headroom) {
            this(burst, refillPerSecond, waves, cannot, headroom, 0);
        }
    }

    /**
     * Functions created at one time of a staggered rollout, {@code atSeconds} from the run's start, the new ENIs
     * they ask EC2 for then (one per new key) and {@code scaleOutEnis}, the ENIs more their new keys scale out to
     * with the design's traffic (the most each key had in the plan's demand runs, less its first: calls EC2 gets
     * once the wave's functions take traffic, which the next wave leaves room for).
     */
    public record Wave(double atSeconds, List<String> functions, int enis,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
            int scaleOutEnis) {

        /** A wave whose keys do not scale out. */
        public Wave(double atSeconds, List<String> functions, int enis) {
            this(atSeconds, functions, enis, 0);
        }
    }

    /**
     * One run of the search: the multiplier, the limits it hit, and each limit in words: which function or the
     * account, the error or throttle reason AWS gives, and how many of how many invocations met it (a limit met
     * by 4 invocations in 6 million is hit, and the planner should see that it was 4). {@code runs}: the
     * replications run at this multiplier (they stop at the first that hits a limit; its details are given).
     * {@code warmUpOnly}: limits the runs met only in the warm-up ({@link Headroom#warmUpSeconds}: the first minutes
     * of the run, or of a function's turning Active, while its environments ramp up from none), not counted as hit.
     */
    public record Probe(double multiplier, List<String> limitsHit, List<String> details, int runs,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            List<String> warmUpOnly) {

        /** No limit met only in the warm-up. */
        public Probe(double multiplier, List<String> limitsHit, List<String> details, int runs) {
            this(multiplier, limitsHit, details, runs, List.of());
        }

        public Probe(double multiplier, List<String> limitsHit) {
            this(multiplier, limitsHit, List.of());
        }

        public Probe(double multiplier, List<String> limitsHit, List<String> details) {
            this(multiplier, limitsHit, details, 1);
        }
    }

    /**
     * How long deleting every function waits for Lambda to delete its ENIs, over replications, and the analytic
     * quantiles of the maximum of {@code enis} independent deletion times. Each replication runs on for
     * {@code horizonSeconds} after the deletions (see {@code Planner.teardownHorizonMicros}: long enough that one is
     * cut short with a chance of 1 in 10,000); {@code censoredReplications} were cut short all the same (an ENI still
     * there at the horizon: their wait is longer than it, never counted as short), and a quantile that rests on one
     * of them is censored ({@code p50Censored}, {@code p99Censored}): its figure is the horizon, a lower bound.
     * {@code design}: which design is torn down when it is not the scenario as it is (the one the plan recommends:
     * every subnet at its recommended size, every ENI created), null when it is.
     *
     * @param timelineKept         the actions of the scenario's timeline the teardown keeps (what stands at its end:
     *                             a role deleted, a VpcConfig updated...; {@code Variants.standing}), as the timeline
     *                             names them with their times; empty (left out of plan.json) when none
     * @param orphanedEnis         the most ENIs orphaned in one replication: Lambda could not delete them (their
     *                             function's execution role had lost its EC2 permissions), so the teardown never
     *                             ends by itself. Then every quantile, simulated and analytic, is infinite (left out of
     *                             plan.json): no wait is long enough. 0 (left out) when none
     * @param orphanedReplications the replications in which an ENI was orphaned; 0 (left out) when none
     * @param rolesWithoutEc2      when ENIs were orphaned, the roles that end the scenario without their EC2
     *                             network-interface permissions (deleted or revoked); empty (left out) otherwise
     */
    public record TeardownWait(int replications, int enis,
            @com.fasterxml.jackson.annotation.JsonInclude(value = com.fasterxml.jackson.annotation.JsonInclude.Include
                    .CUSTOM, valueFilter = Infinite.class) double p50Seconds,
            @com.fasterxml.jackson.annotation.JsonInclude(value = com.fasterxml.jackson.annotation.JsonInclude.Include
                    .CUSTOM, valueFilter = Infinite.class) double p99Seconds,
            @com.fasterxml.jackson.annotation.JsonInclude(value = com.fasterxml.jackson.annotation.JsonInclude.Include
                    .CUSTOM, valueFilter = Infinite.class) double analyticP50Seconds,
            @com.fasterxml.jackson.annotation.JsonInclude(value = com.fasterxml.jackson.annotation.JsonInclude.Include
                    .CUSTOM, valueFilter = Infinite.class) double analyticP99Seconds,
            int censoredReplications, double horizonSeconds,
            boolean p50Censored, boolean p99Censored,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            String design,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            List<String> timelineKept,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include
                    .NON_DEFAULT) int orphanedEnis,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include
                    .NON_DEFAULT) int orphanedReplications,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            List<String> rolesWithoutEc2) {

        public TeardownWait {
            timelineKept = List.copyOf(timelineKept);
            rolesWithoutEc2 = List.copyOf(rolesWithoutEc2);
        }

        /** A teardown with no timeline kept and no ENI orphaned. */
        public TeardownWait(int replications, int enis, double p50Seconds, double p99Seconds,
                double analyticP50Seconds, double analyticP99Seconds, int censoredReplications, double horizonSeconds,
                boolean p50Censored, boolean p99Censored, String design) {
            this(replications, enis, p50Seconds, p99Seconds, analyticP50Seconds, analyticP99Seconds,
                    censoredReplications, horizonSeconds, p50Censored, p99Censored, design, List.of(), 0, 0, List.of());
        }

        /** The scenario's design as it is. */
        public TeardownWait(int replications, int enis, double p50Seconds, double p99Seconds,
                double analyticP50Seconds, double analyticP99Seconds, int censoredReplications, double horizonSeconds,
                boolean p50Censored, boolean p99Censored) {
            this(replications, enis, p50Seconds, p99Seconds, analyticP50Seconds, analyticP99Seconds,
                    censoredReplications, horizonSeconds, p50Censored, p99Censored, null);
        }

        /** No replication cut short (a figure written by hand, in tests). */
        public TeardownWait(int replications, int enis, double p50Seconds, double p99Seconds,
                double analyticP50Seconds, double analyticP99Seconds) {
            this(replications, enis, p50Seconds, p99Seconds, analyticP50Seconds, analyticP99Seconds, 0,
                    Double.NaN, false, false);
        }

        /** ENIs were orphaned: the teardown never ends by itself, and no quantile of it is finite. */
        public boolean orphaned() {
            return orphanedEnis > 0;
        }
    }

    /**
     * plan.json leaves out a teardown quantile that is infinite (orphaned ENIs: no wait is long enough), where JSON
     * has no number for it. Jackson's filter: a value it equals is left out.
     */
    public static final class Infinite {
        @Override
        public boolean equals(Object o) {
            return o instanceof Double d && d.isInfinite();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /**
     * @param longestQuietSeconds    quiet period after which the next invocation fails (the idle rule)
     * @param keepWarmEverySeconds   a keep-warm interval that avoids it with a 2x margin
     * @param failsAfterLongerQuiet  simulated: an invocation after a quiet period 1 h longer fails (half the rule
     *                               longer for a rule of an hour or less: {@link Planner#idleMargin})
     * @param passesAfterShorterQuiet simulated: an invocation after a quiet period 1 h shorter succeeds (half the
     *                               rule shorter for a rule of an hour or less)
     * @param keepWarmCostPerMonth   what pinging at that interval costs in 30 days at the scenario's price table
     *                               (each ping a billed request of 1 ms and, after more idle than the keep-alive,
     *                               a cold start whose mean INIT is billed when prices.billInit is on), against the
     *                               failed invocation after
     *                               each longer quiet period it prevents
     * @param inactiveNow            for a function that starts {@code existing: Inactive}: that its next invocation
     *                               fails now, before any quiet period (the advice is for after its restore), in
     *                               words ({@link Plan#INACTIVE_NOW}); null for any other
     */
    public record IdleAdvice(String function, double longestQuietSeconds, double keepWarmEverySeconds,
            boolean failsAfterLongerQuiet, boolean passesAfterShorterQuiet, double keepWarmCostPerMonth,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            String inactiveNow) {

        /** A function that is not Inactive now. */
        public IdleAdvice(String function, double longestQuietSeconds, double keepWarmEverySeconds,
                boolean failsAfterLongerQuiet, boolean passesAfterShorterQuiet, double keepWarmCostPerMonth) {
            this(function, longestQuietSeconds, keepWarmEverySeconds, failsAfterLongerQuiet, passesAfterShorterQuiet,
                    keepWarmCostPerMonth, null);
        }
    }

    /**
     * {@link IdleAdvice#inactiveNow} of a function that starts {@code existing: Inactive} (domain: an invocation of
     * an Inactive function fails with ResourceNotReadyException and starts the restore, and invocations fail until
     * its ENIs are made again, as at creation). Said beside its keep-warm advice, which holds once it is restored.
     */
    public static final String INACTIVE_NOW = "Inactive now (existing: Inactive): its next invocation fails"
            + " (ResourceNotReadyException) and starts its restore (Pending, Restoring), and every invocation fails"
            + " until the restore is over; the keep-warm advice is for after it";
}
