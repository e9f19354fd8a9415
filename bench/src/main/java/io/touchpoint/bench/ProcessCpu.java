package io.touchpoint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time a process has used so far (user + system, from {@code /proc/<pid>/stat}; Linux only). CPU per request is
 * what the gateway costs whatever else runs on the machine, where requests per second depend on who gets the cores.
 */
record ProcessCpu(long pid, String name) {

    /** Clock ticks per second of /proc's times: 100 on every Linux this runs on (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100;

    /** The process whose pid the launcher wrote to {@code pidFile}, if it is running here. */
    static Optional<ProcessCpu> fromPidFile(Path pidFile, String name) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessCpu process = new ProcessCpu(pid, name);
            process.seconds();
            return Optional.of(process);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** CPU seconds used since the process started. */
    double seconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name (which may hold spaces, hence the last ')'): state is field 3, utime 14.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of " + name + " (pid " + pid + ")", e);
        }
    }
}
