package io.gridcast.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LassoLarsTest {

    /**
     * With orthogonal inputs ({@code X'X = n I}) the lasso has a closed form: each weight is
     * {@code z_j = x_j'y / n} shrunk towards zero by alpha, and zero once |z_j| <= alpha.
     */
    @Test
    void softThresholdsOrthogonalInputs() {
        int samples = 10;
        double[][] gram = {{10, 0, 0}, {0, 10, 0}, {0, 0, 10}};
        double[] correlations = {30, -12, 5};

        double[] weights = new LassoLars(gram, correlations, samples).solve(1.0);

        assertThat(weights[0]).isCloseTo(2.0, within(1e-12));
        assertThat(weights[1]).isCloseTo(-0.2, within(1e-12));
        assertThat(weights[2]).isZero();
    }

    @Test
    void walksBreakpointsAtEachCorrelation() {
        double[][] gram = {{10, 0, 0}, {0, 10, 0}, {0, 0, 10}};
        double[] correlations = {30, -12, 5};

        List<LassoLars.Breakpoint> path = new LassoLars(gram, correlations, 10).path();

        assertThat(path).extracting(LassoLars.Breakpoint::alpha)
                .containsExactly(3.0, 1.2, 0.5, 0.0);
        double[] leastSquares = path.get(3).coefficients();
        assertThat(path).extracting(LassoLars.Breakpoint::degreesOfFreedom)
                .containsExactly(0, 1, 2, 3);
        assertThat(leastSquares[0]).isCloseTo(3.0, within(1e-12));
        assertThat(leastSquares[1]).isCloseTo(-1.2, within(1e-12));
        assertThat(leastSquares[2]).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void skipsAnInputThatRepeatsAnother() {
        double[][] gram = {{10, 10}, {10, 10}};
        double[] correlations = {20, 20};

        double[] weights = new LassoLars(gram, correlations, 10).solve(0.0);

        assertThat(weights[0] + weights[1]).isCloseTo(2.0, within(1e-12));
    }

    /**
     * With y'y = 200 and n = 10 (var(y) = 20), the residual sums of squares at the breakpoints
     * alpha = 3, 1.2, 0.5, 0 are 200, 124.4, 100.6 and 93.1 (y'y - 2 w'X'y + w'X'X w), so
     * {@code n * mse / var(y) + 2 df} is 10, 8.22, 9.03 and 10.655: alpha 1.2 wins.
     */
    @Test
    void picksThePenaltyWithTheSmallestAkaikeCriterion() {
        double[][] gram = {{10, 0, 0}, {0, 10, 0}, {0, 0, 10}};
        double[] correlations = {30, -12, 5};

        double alpha = new LassoLars(gram, correlations, 10)
                .alphaByCriterion(200.0, LearForecaster.AKAIKE_PENALTY);

        assertThat(alpha).isCloseTo(1.2, within(1e-12));
    }
}
