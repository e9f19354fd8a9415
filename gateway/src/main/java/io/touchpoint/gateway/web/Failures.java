package io.touchpoint.gateway.web;

import java.util.function.Predicate;

/** What a failure of a proxied request was, wherever in its chain of causes Reactor or Netty put it. */
public final class Failures {

    private Failures() {}

    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return anyCause(failure, type::isInstance);
    }

    public static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
