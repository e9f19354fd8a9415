package io.touchpoint.ticket.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.ticket.application.reporting.DurationFigures;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DurationFiguresTests {

    @Test
    void percentilesAreNearestRankValues() {
        DurationFigures figures = DurationFigures.of(List.of(600L, 60L, 3600L, 120L));

        assertThat(figures).isEqualTo(new DurationFigures(4, 120L, 3600L, 1095L));
    }

    @Test
    void ninetyPercentOfTenIsTheNinthValue() {
        DurationFigures figures =
                DurationFigures.of(LongStream.rangeClosed(1, 10).boxed().toList());

        assertThat(figures.median()).isEqualTo(5);
        assertThat(figures.p90()).isEqualTo(9);
        assertThat(figures.average()).isEqualTo(6); // 5.5, rounded half up
    }

    @Test
    void oneValueIsEveryFigure() {
        assertThat(DurationFigures.of(List.of(42L))).isEqualTo(new DurationFigures(1, 42L, 42L, 42L));
    }

    @Test
    void noValuesHaveNoFigures() {
        assertThat(DurationFigures.of(List.of())).isEqualTo(DurationFigures.NONE);
    }
}
