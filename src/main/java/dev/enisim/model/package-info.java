/**
 * The Lambda/VPC world. The model is a function of (state, event, now): it never reads a clock, never writes a
 * file, and schedules follow-up events only through {@link dev.enisim.model.Port}. What happens is told to a
 * {@link dev.enisim.model.WorldListener} as values (indices, {@link dev.enisim.model.eni.EniId}, enums); at any
 * moment {@link dev.enisim.model.World#snapshot()} gives the world as immutable values.
 *
 * <p>Structure (no cycle; each rule has one owner): {@link dev.enisim.model.WorldBuilder} builds the parts
 * bottom-up (the one place that constructs them), then the VPCs, subnets, security groups, accounts and functions
 * in scenario order; its {@code build()} gives the running {@link dev.enisim.model.World}, the one dispatch point
 * for events, with nothing left to add. Timeline actions ({@link dev.enisim.model.SimEvent.Control}) name
 * functions, subnets, security groups, roles and AZs by index. {@code Network} (VPCs, subnets, AZ health) &lt;- {@code EniFleet} (ENIs per
 * key: creation, scale-out and its back-off, deletion, orphans) &lt;- {@code EnvironmentPool} (warm reuse,
 * keep-alive, provisioned) &lt;- {@code Lifecycle} (function states, versions, updates, idle reclaim) and {@code
 * Admission} (orders {@code Concurrency}, {@code ScalingRate}, environments and ports for each invocation). How
 * functions reach their VPC is a {@link dev.enisim.model.Networking} strategy (Hyperplane, legacy); why an ENI
 * cannot be had is one {@link dev.enisim.model.EniFailure}. The mutable types ({@code IpPool}, {@code EniQuota},
 * {@code EniPool}, {@code HyperplaneEni}, {@code LambdaFunction}, {@code Environments}, ...) are package-private.
 * The sub-packages hold value types only: {@code network} (Cidr), {@code eni} (EniKey, EniState, EniId),
 * {@code function} (State, StateReasonCode, LastUpdateStatus, FunctionConfiguration); they import nothing of this one.
 *
 * <p>May import: {@code java.*}, Commons Math's {@code RandomGenerator}.
 */
package dev.enisim.model;
