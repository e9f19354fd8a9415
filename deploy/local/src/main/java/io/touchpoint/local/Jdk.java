package io.touchpoint.local;

import java.nio.file.Path;

/** A JDK installation and its feature release number (17, 21, 25, ...). */
record Jdk(Path home, int featureVersion) {

    Path javaExecutable() {
        return home.resolve("bin").resolve("java");
    }

    boolean supportsVirtualThreads() {
        return featureVersion >= 21;
    }

    /** {@code -XX:+AutoCreateSharedArchive} (JDK 19+): the JVM writes and refreshes its own CDS archive. */
    boolean supportsAutoCreatedSharedArchive() {
        return featureVersion >= 19;
    }

    @Override
    public String toString() {
        return "JDK " + featureVersion + " (" + home + ")";
    }
}
