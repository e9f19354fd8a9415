package io.touchpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuPinningTests {

    @Test
    void readsTasksetsAffinityListWithRangesAndSingleCpus() {
        assertThat(CpuPinning.cpuList("pid 6109's current affinity list: 0,1")).containsExactly(0, 1);
        assertThat(CpuPinning.cpuList("0-2,5,7-8")).containsExactly(0, 1, 2, 5, 7, 8);
        assertThat(CpuPinning.cpuList("3")).containsExactly(3);
    }
}
