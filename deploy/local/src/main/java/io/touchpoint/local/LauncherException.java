package io.touchpoint.local;

/** A problem the user can fix, reported as one clear message without a stack trace. */
class LauncherException extends RuntimeException {

    LauncherException(String message) {
        super(message);
    }

    LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
