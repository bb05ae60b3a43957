package dev.enisim.model;

/**
 * enisim's bounds on a function's egress through NAT gateways, stated once for the model and the scenario's reader
 * (an interface only to hold constants: the model's public types are values, LayeringTest; nothing implements it).
 */
public interface EgressLimits {

    /**
     * The most hot destinations a function's egress may name: a bound of enisim's model (the NAT gateways' scratch
     * array of the connections each route opens), not an AWS limit; the scenario's reader refuses more.
     */
    int MAX_DESTINATIONS = 16;
}
