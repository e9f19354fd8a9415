package io.touchpoint.local;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The command line of an app's JVM: small, predictable footprint so five JVMs share two cores comfortably. */
final class JvmOptions {

    static final List<String> FOOTPRINT = List.of(
            "-Xmx256m",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:+UseSerialGC",
            // C1 only: starts noticeably faster on 2 cores; peak throughput is a bench/ question, not a local one.
            "-XX:TieredStopAtLevel=1",
            "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError");

    /** The JVM refuses to start with two of these, so a collector among the extra options replaces the footprint's. */
    private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use(Serial|Parallel|G1|Z|Shenandoah|Epsilon)GC");

    private JvmOptions() {}

    /**
     * {@code java <footprint> [CDS archive] [virtual threads] <extra> -jar <jar>}; extra options come last so they
     * win.
     */
    static List<String> command(Jdk jdk, List<String> extraOptions, ExtractedApp app) {
        List<String> command = new ArrayList<>();
        command.add(jdk.javaExecutable().toString());
        boolean ownCollector = extraOptions.stream().anyMatch(JvmOptions::selectsCollector);
        FOOTPRINT.stream()
                .filter(option -> !(ownCollector && selectsCollector(option)))
                .forEach(command::add);
        app.sharedArchive().ifPresent(archive -> {
            // Written at the first exit, used from the next start on, rewritten when the JDK or the jars change.
            command.add("-XX:+AutoCreateSharedArchive");
            command.add("-XX:SharedArchiveFile=" + archive);
            command.add("-Xlog:cds=off");
            command.add("-Xlog:cds+dynamic=off");
        });
        if (jdk.supportsVirtualThreads()) {
            command.add("-Dspring.threads.virtual.enabled=true");
        }
        command.addAll(extraOptions);
        command.add("-jar");
        command.add(app.jar().toString());
        return command;
    }

    private static boolean selectsCollector(String option) {
        return COLLECTOR.matcher(option).matches();
    }
}
