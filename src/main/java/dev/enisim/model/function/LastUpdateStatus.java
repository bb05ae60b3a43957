package dev.enisim.model.function;

/** AWS's {@code LastUpdateStatus} of a function configuration update. */
public enum LastUpdateStatus {
    InProgress, Successful, Failed
}
