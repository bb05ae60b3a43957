package dev.enisim.model;

/**
 * How functions reach their VPC. {@link #HYPERPLANE} (since September 2019): shared ENIs per (subnet, security
 * groups), made when the function is created. {@link #LEGACY} (before): ENIs per function and subnet, each
 * serving 3 GB / memory execution environments, made and attached during cold starts through EC2's API.
 */
public enum NetworkModel {
    HYPERPLANE, LEGACY
}
