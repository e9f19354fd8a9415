package io.touchpoint.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Collects the garbage of every JVM of a local platform (the apps and the launcher) with {@code jcmd <pid> GC.run},
 * so that a scenario does not pay for the one before it. A pass that overloads a service leaves its heap's old
 * generation full of requests that waited long enough to be promoted; the service's serial collector then stops it
 * for ~300 ms in a full collection at some moment of a later pass, whose p99 that stop decides (2026-11-25: at
 * ticket-service's old generation 143 of 175 MB, half-load p99 went to 173-270 ms on either path; collected first,
 * 7-9 ms on both in consecutive runs). A collection a scenario makes itself still counts.
 */
final class PlatformHeaps {

    private final Optional<Path> jcmd;
    private final List<ProcessCpu> jvms;
    private boolean warned;

    private PlatformHeaps(Optional<Path> jcmd, List<ProcessCpu> jvms) {
        this.jcmd = jcmd;
        this.jvms = jvms;
    }

    /** The platform's JVMs (from the launcher's pid files, and the launcher), with the running JDK's jcmd. */
    static PlatformHeaps of(Path pids) {
        List<ProcessCpu> jvms = PlatformCpu.of(pids).processes().stream()
                .filter(process -> !process.name().equals("RabbitMQ")
                        && process.pid() != ProcessHandle.current().pid())
                .toList();
        Optional<Path> jcmd = ProcessHandle.current()
                .info()
                .command()
                .map(java -> Path.of(java).resolveSibling("jcmd"))
                .filter(path -> path.toFile().canExecute());
        return new PlatformHeaps(jcmd, jvms);
    }

    /** Every JVM collected, one after the other; one that cannot be is left as it is, said once. */
    void collect() throws InterruptedException {
        for (ProcessCpu jvm : jvms) {
            if (jcmd.isEmpty() || !run(jvm.pid())) {
                if (!warned) {
                    System.out.printf(
                            "(the platform's heaps are not collected between passes: %s)%n",
                            jcmd.isEmpty() ? "no jcmd next to this java" : "jcmd failed on " + jvm.name());
                    warned = true;
                }
                return;
            }
        }
    }

    private boolean run(long pid) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(jcmd.orElseThrow().toString(), Long.toString(pid), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
                return false;
            }
            return process.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
