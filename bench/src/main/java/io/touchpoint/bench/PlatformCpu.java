package io.touchpoint.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU each process of a local platform uses over a stretch of a run: the apps (from the launcher's pid files),
 * the launcher (their parent, which runs the MongoDB stand-in), RabbitMQ ({@code beam.smp}) and this load generator.
 * On a machine whose speed varies from hour to hour, CPU per interaction says where the cost is better than a rate.
 */
final class PlatformCpu {

    private final List<ProcessCpu> processes;

    private Map<String, Double> start = Map.of();

    private PlatformCpu(List<ProcessCpu> processes) {
        this.processes = processes;
    }

    /** The processes of the platform whose pid files are in {@code pids}, those found running. */
    static PlatformCpu of(Path pids) {
        List<ProcessCpu> processes = new ArrayList<>();
        try (Stream<Path> files = Files.list(pids)) {
            files.filter(file -> file.getFileName().toString().endsWith(".pid"))
                    .sorted()
                    .forEach(file -> ProcessCpu.fromPidFile(
                                    file, file.getFileName().toString().replace(".pid", ""))
                            .ifPresent(processes::add));
        } catch (Exception noPlatformHere) {
            // Nothing to list: the figures say so.
        }
        processes.stream()
                .findFirst()
                .flatMap(app -> ProcessHandle.of(app.pid()).flatMap(ProcessHandle::parent))
                .map(launcher -> new ProcessCpu(launcher.pid(), "launcher (stand-in)"))
                .ifPresent(processes::add);
        ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .command()
                        .map(c -> c.endsWith("beam.smp"))
                        .orElse(false))
                .findFirst()
                .map(rabbit -> new ProcessCpu(rabbit.pid(), "RabbitMQ"))
                .ifPresent(processes::add);
        processes.add(new ProcessCpu(ProcessHandle.current().pid(), "load generator (this)"));
        return new PlatformCpu(processes);
    }

    /** The processes found, the load generator last. */
    List<ProcessCpu> processes() {
        return List.copyOf(processes);
    }

    /** Starts a stretch. */
    void start() {
        start = seconds();
    }

    /** Prints each process's CPU per unit of work since {@link #start()}, and the platform's total. */
    void print(long units, String unit) {
        Map<String, Double> now = seconds();
        double platform = 0;
        System.out.printf("CPU per %s over the saturated and half-load runs (%d %ss):%n", unit, units, unit);
        for (Map.Entry<String, Double> process : now.entrySet()) {
            double millis = (process.getValue() - start.getOrDefault(process.getKey(), process.getValue())) * 1000;
            System.out.printf("  %-24s %8.2f ms%n", process.getKey(), millis / units);
            if (!process.getKey().startsWith("load generator")) {
                platform += millis;
            }
        }
        System.out.printf("  %-24s %8.2f ms%n", "platform (all but this)", platform / units);
    }

    private Map<String, Double> seconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (ProcessCpu process : processes) {
            Optional<Double> used = Optional.empty();
            try {
                used = Optional.of(process.seconds());
            } catch (RuntimeException gone) {
                // A process that stopped meanwhile has no figure.
            }
            used.ifPresent(value -> seconds.put(process.name(), value));
        }
        return seconds;
    }
}
