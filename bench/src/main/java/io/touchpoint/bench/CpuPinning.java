package io.touchpoint.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The gateway on CPUs of its own for a run, and every other process of the local platform (the services, the launcher
 * with the MongoDB stand-in, RabbitMQ and this load generator) on the rest, set with {@code taskset} (Linux,
 * util-linux); {@link #close()} gives every process back the CPUs it had. That is the layout of a deployment, where the
 * gateway scales on hosts of its own: the direct and gateway paths then get the same CPUs for the service, and the
 * gateway's own work no longer takes the service's.
 */
final class CpuPinning implements AutoCloseable {

    private record Pinned(ProcessCpu process, String previousCpus) {}

    private final List<Pinned> pinned;

    private final String layout;

    private CpuPinning(List<Pinned> pinned, String layout) {
        this.pinned = pinned;
        this.layout = layout;
    }

    /** The gateway on the last {@code gatewayCpus} of this process's CPUs, the rest of the platform on the others. */
    static CpuPinning gatewayApart(Path pids, int gatewayCpus) throws IOException, InterruptedException {
        List<Integer> cpus = cpuList(
                taskset("-c", "-p", Long.toString(ProcessHandle.current().pid())));
        if (gatewayCpus >= cpus.size()) {
            throw new IllegalArgumentException("--gateway-cpus=" + gatewayCpus + " leaves no CPU for the rest: this"
                    + " process may use " + cpus.size());
        }
        String gatewaySet = join(cpus.subList(cpus.size() - gatewayCpus, cpus.size()));
        String restSet = join(cpus.subList(0, cpus.size() - gatewayCpus));
        List<ProcessCpu> processes = PlatformCpu.of(pids).processes();
        if (processes.stream().noneMatch(process -> process.name().equals("gateway"))) {
            throw new IllegalStateException("no running gateway in " + pids + ": nothing to pin");
        }
        List<Pinned> pinned = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        try {
            for (ProcessCpu process : processes) {
                String pid = Long.toString(process.pid());
                String previous = afterColon(taskset("-c", "-p", pid));
                boolean isGateway = process.name().equals("gateway");
                // -a: every thread the process has; threads it starts later inherit their creator's CPUs.
                taskset("-a", "-c", "-p", isGateway ? gatewaySet : restSet, pid);
                pinned.add(new Pinned(process, previous));
                if (!isGateway) {
                    rest.add(process.name());
                }
            }
        } catch (IOException | RuntimeException e) {
            new CpuPinning(pinned, "").close();
            throw e;
        }
        return new CpuPinning(
                pinned, "gateway on CPU " + gatewaySet + "; " + String.join(", ", rest) + " on CPU " + restSet);
    }

    /** Which process runs where, for the run's header. */
    String layout() {
        return layout;
    }

    @Override
    public void close() {
        for (Pinned each : pinned) {
            try {
                taskset(
                        "-a",
                        "-c",
                        "-p",
                        each.previousCpus(),
                        Long.toString(each.process().pid()));
            } catch (IOException | InterruptedException | RuntimeException e) {
                System.out.printf(
                        "could not give %s (pid %d) its CPUs %s back: %s%n",
                        each.process().name(), each.process().pid(), each.previousCpus(), e);
            }
        }
    }

    /** {@code 0-2,5}: the CPUs of a list in taskset's (and the kernel's) syntax. */
    static List<Integer> cpuList(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String range : afterColon(list).split(",")) {
            String[] bounds = range.trim().split("-");
            int first = Integer.parseInt(bounds[0]);
            int last = bounds.length == 2 ? Integer.parseInt(bounds[1]) : first;
            for (int cpu = first; cpu <= last; cpu++) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }

    private static String join(List<Integer> cpus) {
        return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** taskset prints "pid 42's current affinity list: 0,1": the list. */
    private static String afterColon(String line) {
        return line.substring(line.lastIndexOf(':') + 1).trim();
    }

    private static String taskset(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("taskset"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        // With -a, one line per thread; the last one says what was set.
        return output.substring(output.lastIndexOf('\n') + 1);
    }
}
