package io.touchpoint.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTests {

    private static final long OWN_PID = ProcessHandle.current().pid();

    @TempDir
    Path root;

    @Test
    void claimRecordsTheLauncherPid() {
        RunDirectory run = prepared();
        run.claim(OWN_PID);
        assertThat(RunDirectory.readPid(run.launcherPidFile())).contains(OWN_PID);
    }

    @Test
    void claimIsRefusedWhileAnotherLauncherIsAlive() throws IOException {
        RunDirectory run = prepared();
        // this test JVM plays the other, still running launcher
        Files.writeString(run.launcherPidFile(), Long.toString(OWN_PID));
        assertThatThrownBy(() -> run.claim(OWN_PID + 1))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("already running")
                .hasMessageContaining("touchpoint down");
    }

    @Test
    void claimIsRefusedWhileAnAppOfACrashedLauncherIsAlive() throws IOException {
        RunDirectory run = prepared();
        Files.writeString(run.pidDirectory().resolve("ticket-service.pid"), Long.toString(OWN_PID));
        assertThatThrownBy(() -> run.claim(OWN_PID + 1))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("left ticket-service running");
    }

    @Test
    void stalePidFilesAreClearedOnClaim() throws IOException {
        RunDirectory run = prepared();
        Path stale = run.pidDirectory().resolve("gateway.pid");
        Files.writeString(stale, Long.toString(Long.MAX_VALUE));
        Files.writeString(run.launcherPidFile(), Long.toString(Long.MAX_VALUE));
        run.claim(OWN_PID);
        assertThat(stale).doesNotExist();
        assertThat(RunDirectory.readPid(run.launcherPidFile())).contains(OWN_PID);
    }

    @Test
    void releaseRemovesOnlyItsOwnClaim() throws IOException {
        RunDirectory run = prepared();
        run.claim(OWN_PID);
        run.release(OWN_PID + 1);
        assertThat(run.launcherPidFile()).exists();
        run.release(OWN_PID);
        assertThat(run.launcherPidFile()).doesNotExist();
    }

    private RunDirectory prepared() {
        RunDirectory run = new RunDirectory(root);
        run.createFolders();
        return run;
    }
}
