package dev.enisim.scenario;

/** One thing wrong with a scenario: where ({@code functions[2].vpcConfig.subnetIds[0]}) and what was expected. */
public record Problem(String path, String message) {

    @Override
    public String toString() {
        return (path.isEmpty() ? "(root)" : path) + ": " + message;
    }
}
