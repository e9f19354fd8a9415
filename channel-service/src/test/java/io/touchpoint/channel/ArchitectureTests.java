package io.touchpoint.channel;

import io.touchpoint.test.architecture.LayeringRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    @Test
    void layeringHolds() {
        LayeringRules.check(ChannelServiceApplication.class);
    }
}
