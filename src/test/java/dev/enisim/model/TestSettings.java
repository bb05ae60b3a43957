package dev.enisim.model;

/** The settings of a world built in a test, as the scenario's record gives them to the model. */
record TestSettings(int accountConcurrencyLimit, int connectionsPerEni, long eniRetryBackoffMicros,
        long idleReclaimAfterMicros, long keepAliveMicros, Scaling scalingRule, WarmRouting warmRouting,
        int networkInterfacesPerRegion, long stuckPendingAfterMicros, ProvisionedAllocation provisioning)
        implements WorldSettings.Configuration {
}
