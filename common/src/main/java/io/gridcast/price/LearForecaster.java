package io.gridcast.price;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The LEAR model of the epftoolbox benchmark: for each hour of the day a
 * lasso-regularised linear regression on {@link LearFeatures}, fitted after the invariant
 * transform of inputs and prices, its penalty chosen by the Akaike criterion along the lasso
 * path, and recalibrated every day on the calibration window of days just before the day
 * forecast. With several windows the forecast is the mean of one LEAR per window, the
 * ensemble the benchmark publishes as "LEAR".
 *
 * <p>The penalty choice reproduces the benchmark's implementation, scikit-learn's LassoLarsIC
 * with the defaults of its versions up to 1.0: the Akaike criterion is evaluated on inputs
 * centred and scaled to unit L2 norm, and the chosen penalty is then applied to the lasso on
 * the transformed, unscaled inputs.
 *
 * @param calibrationWindowsDays days before the forecast day used for each recalibration
 */
public record LearForecaster(int[] calibrationWindowsDays) implements Serializable {

    /** Weight of the degrees of freedom in the information criterion: 2 is Akaike's. */
    public static final double AKAIKE_PENALTY = 2.0;

    public LearForecaster {
        if (calibrationWindowsDays.length == 0) {
            throw new IllegalArgumentException("LEAR needs at least one calibration window");
        }
        for (int window : calibrationWindowsDays) {
            if (window < LearFeatures.HISTORY_DAYS + 2 * LearFeatures.COUNT / PriceDays.HOURS) {
                throw new IllegalArgumentException("Invalid LEAR calibration window: " + window
                        + " days (expected at least "
                        + (LearFeatures.HISTORY_DAYS + 2 * LearFeatures.COUNT / PriceDays.HOURS)
                        + ")");
            }
        }
        calibrationWindowsDays = calibrationWindowsDays.clone();
    }

    /** Returns the maximum calibration window, in days. */
    public int maxWindowDays() {
        return Arrays.stream(calibrationWindowsDays).max().orElseThrow();
    }

    /** Forecasts the 24 prices of day {@code day}: the mean of each window's model. */
    public double[] forecastDay(PriceDays days, int day) {
        double[] mean = new double[PriceDays.HOURS];
        for (int window : calibrationWindowsDays) {
            double[] forecast = calibrate(days, day, window).forecast(days, day);
            for (int hour = 0; hour < PriceDays.HOURS; hour++) {
                mean[hour] += forecast[hour] / calibrationWindowsDays.length;
            }
        }
        return mean;
    }

    /** Fits the 24 hourly models on the {@code windowDays} days before day {@code day}. */
    public static DayModel calibrate(PriceDays days, int day, int windowDays) {
        int firstSample = day - windowDays + LearFeatures.HISTORY_DAYS;
        if (firstSample < LearFeatures.HISTORY_DAYS) {
            throw new IllegalArgumentException("LEAR with a " + windowDays + "-day window needs "
                    + windowDays + " days before " + days.date(day) + ", but the series of "
                    + days.market() + " starts on " + days.firstDay());
        }
        int samples = day - firstSample;
        double[][] inputs = new double[samples][];
        double[][] prices = new double[samples][];
        for (int i = 0; i < samples; i++) {
            inputs[i] = LearFeatures.row(days, firstSample + i);
            prices[i] = days.pricePerMwh()[firstSample + i].clone();
        }
        InvariantScaler inputScaler = InvariantScaler.fit(inputs, LearFeatures.CONTINUOUS);
        InvariantScaler priceScaler = InvariantScaler.fit(prices, PriceDays.HOURS);
        for (int i = 0; i < samples; i++) {
            inputScaler.transformInPlace(inputs[i]);
            priceScaler.transformInPlace(prices[i]);
        }
        return fitHours(windowDays, inputs, prices, inputScaler, priceScaler);
    }

    private static DayModel fitHours(int windowDays, double[][] inputs, double[][] prices,
            InvariantScaler inputScaler, InvariantScaler priceScaler) {
        CentredMoments moments = CentredMoments.of(inputs, prices);
        double[][] unitGram = moments.unitNormGram();
        double[] alphas = new double[PriceDays.HOURS];
        double[][] coefficients = new double[PriceDays.HOURS][];
        double[] intercepts = new double[PriceDays.HOURS];
        for (int hour = 0; hour < PriceDays.HOURS; hour++) {
            double[] correlations = moments.correlations(hour);
            alphas[hour] = new LassoLars(unitGram, moments.unitNormCorrelations(hour),
                    inputs.length).alphaByCriterion(moments.targetSquares(hour), AKAIKE_PENALTY);
            coefficients[hour] = new LassoLars(moments.gram(), correlations, inputs.length)
                    .solve(alphas[hour]);
            intercepts[hour] = moments.intercept(hour, coefficients[hour]);
        }
        return new DayModel(windowDays, alphas, coefficients, intercepts, inputScaler,
                priceScaler);
    }

    /**
     * The 24 hourly models of one recalibration, in the transformed space.
     *
     * @param windowDays calibration window, days
     * @param alphas chosen lasso penalty per hour
     * @param coefficients input weights per hour, in {@link LearFeatures} order
     * @param intercepts constant per hour
     */
    public record DayModel(int windowDays, double[] alphas, double[][] coefficients,
            double[] intercepts, InvariantScaler inputScaler, InvariantScaler priceScaler)
            implements Serializable {

        /** Forecasts the 24 prices of day {@code day}, per MWh. */
        public double[] forecast(PriceDays days, int day) {
            double[] row = LearFeatures.row(days, day);
            inputScaler.transformInPlace(row);
            double[] prices = new double[PriceDays.HOURS];
            for (int hour = 0; hour < PriceDays.HOURS; hour++) {
                double transformed = intercepts[hour];
                for (int j = 0; j < row.length; j++) {
                    transformed += coefficients[hour][j] * row[j];
                }
                prices[hour] = priceScaler.inverse(hour, transformed);
            }
            return prices;
        }

        /** Number of non-zero input weights of hour {@code hour}. */
        public int selectedInputs(int hour) {
            return (int) Arrays.stream(coefficients[hour]).filter(w -> w != 0.0).count();
        }
    }
}
