package io.touchpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class OptionsTests {

    @Test
    void givenValuesWinOverDefaults() {
        Options options = Options.parse("--requests=500", "--gateway=http://host:9080/x=y");
        assertThat(options.getInt("requests", 2000)).isEqualTo(500);
        assertThat(options.getInt("concurrency", 8)).isEqualTo(8);
        assertThat(options.get("gateway", "")).isEqualTo("http://host:9080/x=y");
    }

    @Test
    void argumentsThatAreNotNameValuePairsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("requests"));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--requests"));
    }
}
