package io.gridcast.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AsinhMedianScalerTest {

    private static final double[][] PRICES = {{10, 20, 30}, {40, 50, 500}};

    @Test
    void fitsMedianAndScaledDeviation() {
        AsinhMedianScaler scaler = AsinhMedianScaler.fit(PRICES, 0, 2);

        assertThat(scaler.median()).isEqualTo(35.0);
        assertThat(scaler.mad()).isCloseTo(15.0 / AsinhMedianScaler.NORMAL_MAD_RATIO,
                within(1e-12));
    }

    @Test
    void fitsOnRequestedDaysOnly() {
        AsinhMedianScaler scaler = AsinhMedianScaler.fit(PRICES, 0, 1);

        assertThat(scaler.median()).isEqualTo(20.0);
    }

    @Test
    void unscaleInvertsScale() {
        AsinhMedianScaler scaler = AsinhMedianScaler.fit(PRICES, 0, 2);

        for (double pricePerMwh : new double[] {-150, 0, 35, 500, 3000}) {
            assertThat(scaler.unscale(scaler.scale(pricePerMwh))).as("price %s", pricePerMwh)
                    .isCloseTo(pricePerMwh, within(1e-9 * Math.max(1, Math.abs(pricePerMwh))));
        }
    }

    @Test
    void spikesCompressLogarithmically() {
        AsinhMedianScaler scaler = AsinhMedianScaler.fit(PRICES, 0, 2);

        assertThat(scaler.scale(35)).isEqualTo(0.0);
        assertThat(scaler.scale(3000)).isLessThan(7);
    }
}
