package io.touchpoint.local;

import java.io.PrintStream;

/** What the launcher tells the person who started it: short lines on standard output, warnings on standard error. */
final class Console {

    private static final String PREFIX = "touchpoint | ";

    private final PrintStream out;

    private final PrintStream err;

    Console(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    void info(String message) {
        out.println(PREFIX + message);
        out.flush();
    }

    void warn(String message) {
        err.println(PREFIX + "WARNING: " + message);
        err.flush();
    }

    void error(String message) {
        err.println(PREFIX + "ERROR: " + message);
        err.flush();
    }

    /** A framed block that is hard to miss. */
    void banner(String... lines) {
        String rule = "!".repeat(100);
        err.println(rule);
        for (String line : lines) {
            err.println("!! " + line);
        }
        err.println(rule);
        err.flush();
    }

    void raw(String text) {
        out.println(text);
        out.flush();
    }
}
