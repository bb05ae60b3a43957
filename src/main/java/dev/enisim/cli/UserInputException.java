package dev.enisim.cli;

/** Bad input that is not a scenario problem (an unusable --out folder, say): exit code 2, message only. */
final class UserInputException extends RuntimeException {
    UserInputException(String message) {
        super(message);
    }
}
