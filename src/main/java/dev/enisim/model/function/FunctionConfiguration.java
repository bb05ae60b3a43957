package dev.enisim.model.function;

import java.util.List;
import java.util.OptionalInt;

/**
 * What the model reads of a function's configuration (AWS's GetFunctionConfiguration, the parts the model uses).
 * The scenario's function record is one: the model reads the record the loader validated, no copy of it. Methods
 * named as the record's components, so that a field the model needs is a component here and there.
 */
public interface FunctionConfiguration {

    String name();

    /** 128 to 10,240 MB. */
    int memoryMb();

    /** An invocation running longer ends at this time as a function error. */
    long timeoutMicros();

    /** Reserved concurrency; empty when the function draws from the unreserved pool. */
    OptionalInt reservedConcurrency();

    /** Connections an invocation holds on its ENI while it runs. */
    int connectionsPerInvocation();

    /** Persistent connections each execution environment holds for its whole life. */
    int connectionsPerEnvironment();

    /** Environments kept initialised while the function is Active. */
    int provisionedConcurrency();

    /** The execution role's name. */
    String role();

    /** The VpcConfig's subnet ids, in the order given; empty when not attached to a VPC. */
    List<String> subnetIds();

    /** The VpcConfig's security-group ids. */
    List<String> securityGroupIds();
}
