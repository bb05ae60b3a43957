package dev.enisim.model;

/**
 * A timeline action Lambda refused, as its API would: an UpdateFunctionConfiguration while an update is in progress
 * (ResourceConflictException), a DeleteFunction of a function or version that is not there
 * (ResourceNotFoundException). The function is as the call named it, a version qualified ({@code api:3}).
 *
 * @param atMicros when the action was called
 * @param action   the API operation: CreateFunction, UpdateFunctionConfiguration, PublishVersion, DeleteFunction
 * @param function the function name the call gave
 * @param error    the exception Lambda answered with
 */
public record RejectedAction(long atMicros, String action, String function, String error) {
}
