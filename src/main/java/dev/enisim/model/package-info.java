/**
 * The Lambda/VPC world. The model is a function of (state, event, now): it never reads a clock, never writes a
 * file, and schedules follow-up events only through {@link dev.enisim.model.Port}. What happens is told to a
 * {@link dev.enisim.model.WorldListener} (and {@link dev.enisim.model.AsyncListener},
 * {@link dev.enisim.model.SqsListener}) as values (indices, {@link dev.enisim.model.eni.EniId}, enums); at any
 * moment {@link dev.enisim.model.LambdaService#snapshot()} gives the world as immutable values.
 *
 * <p>Public surface (read-only, held by {@code LayeringTest}): one class with state,
 * {@link dev.enisim.model.LambdaService}, what a run builds and drives (its {@code Builder} declares the scenario
 * in order; then {@code arrive}, {@code handle}, {@code snapshot()}, {@code checkInvariants()}); everything else
 * public is a record, enum or interface: settings ({@link dev.enisim.model.WorldSettings} and the scenario's view
 * of it, {@link dev.enisim.model.HyperplaneLimits}, {@link dev.enisim.model.Legacy}, {@code Scaling},
 * {@code WarmRouting}, {@code ProvisionedAllocation}, {@code AsyncConfig}, {@code SqsConfig}, {@code NetworkModel}),
 * events ({@link dev.enisim.model.SimEvent}), what metrics implement and read (the listeners, {@code Outcome},
 * {@code AsyncDrop}, {@link dev.enisim.model.WorldSnapshot}, {@code Teardown}) and {@code Port}. Every class with
 * state is package-private: the running {@code World}, its {@code WorldBuilder}, {@code AsyncInvocations},
 * {@code SqsEventSource}, the {@code Networking} strategies, {@code IpPool}, {@code EniQuota}, {@code EniPool},
 * {@code HyperplaneEni}, {@code LambdaFunction}, {@code Environments}, ...
 *
 * <p>Structure (no cycle; each rule has one owner): {@code WorldBuilder} builds the parts bottom-up (the one place
 * that constructs them), then the VPCs, subnets, security groups, accounts and functions in scenario order; its
 * {@code build()} gives the running {@code World}, the one dispatch point for the world's events, with nothing
 * left to add; {@code LambdaService} adds the asynchronous queue and the SQS pollers, sources of invocations
 * above the world's admission. Timeline actions ({@link dev.enisim.model.SimEvent.Control}) name functions,
 * subnets, security groups, roles and AZs by index. {@code Network} (VPCs, subnets, AZ health) &lt;-
 * {@code EniFleet} (ENIs per key: creation, scale-out and its back-off, deletion, orphans) &lt;-
 * {@code EnvironmentPool} (warm reuse, keep-alive, provisioned) &lt;- {@code Lifecycle} (function states,
 * versions, updates, idle reclaim) and {@code Admission} (orders {@code Concurrency}, {@code ScalingRate},
 * environments and ports for each invocation). How functions reach their VPC is a {@code Networking} strategy
 * (Hyperplane, legacy), made from the public parameters; why an ENI cannot be had is one {@code EniFailure}.
 * The sub-packages hold value types only: {@code network} (Cidr), {@code eni} (EniKey, EniState, EniId),
 * {@code function} (State, StateReasonCode, LastUpdateStatus, FunctionConfiguration); they import nothing of this
 * one.
 *
 * <p>May import: {@code java.*}, Commons Math's {@code RandomGenerator}.
 */
package dev.enisim.model;
