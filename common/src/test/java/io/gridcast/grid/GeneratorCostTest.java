package io.gridcast.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeneratorCostTest {

    private static final GeneratorCost CURVE = new GeneratorCost(new double[0],
            new double[] {0, 10, 20}, new double[] {0, 20, 60}, 0.0);

    @Test
    void piecewiseCostAtPoints() {
        assertThat(CURVE.costUsdPerHour(0)).isEqualTo(0.0);
        assertThat(CURVE.costUsdPerHour(10)).isEqualTo(20.0);
        assertThat(CURVE.costUsdPerHour(20)).isEqualTo(60.0);
    }

    @Test
    void piecewiseCostBetweenAndBeyond() {
        assertThat(CURVE.costUsdPerHour(5)).isEqualTo(10.0);
        assertThat(CURVE.costUsdPerHour(15)).isEqualTo(40.0);
        assertThat(CURVE.costUsdPerHour(25)).isEqualTo(80.0);
        assertThat(CURVE.costUsdPerHour(-5)).isEqualTo(-10.0);
    }

    @Test
    void polynomialCostIncludesConstant() {
        GeneratorCost cost = new GeneratorCost(new double[] {0.11, 5, 150}, new double[0],
                new double[0], 1500);

        assertThat(cost.costUsdPerHour(10)).isCloseTo(211.0, within(1e-9));
    }
}
