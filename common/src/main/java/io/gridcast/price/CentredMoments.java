package io.gridcast.price;

/**
 * Means, Gram matrix and cross-products of centred inputs and targets: everything the lasso
 * path needs, computed once for the 24 hourly targets that share the same inputs.
 */
final class CentredMoments {

    private final double[] inputMeans;
    private final double[] targetMeans;
    private final double[][] gram;
    private final double[][] crossProducts;
    private final double[] targetSquares;
    private final double[] inputNorms;

    private CentredMoments(double[] inputMeans, double[] targetMeans, double[][] gram,
            double[][] crossProducts, double[] targetSquares) {
        this.inputMeans = inputMeans;
        this.targetMeans = targetMeans;
        this.gram = gram;
        this.crossProducts = crossProducts;
        this.targetSquares = targetSquares;
        this.inputNorms = new double[gram.length];
        for (int j = 0; j < gram.length; j++) {
            double norm = Math.sqrt(gram[j][j]);
            inputNorms[j] = norm > 0 ? norm : 1.0;
        }
    }

    static CentredMoments of(double[][] inputs, double[][] targets) {
        int p = inputs[0].length;
        int t = targets[0].length;
        double[] inputMeans = columnMeans(inputs);
        double[] targetMeans = columnMeans(targets);
        double[][] gram = new double[p][p];
        double[][] crossProducts = new double[p][t];
        double[] targetSquares = new double[t];
        double[] x = new double[p];
        double[] y = new double[t];
        for (int i = 0; i < inputs.length; i++) {
            for (int j = 0; j < p; j++) {
                x[j] = inputs[i][j] - inputMeans[j];
            }
            for (int k = 0; k < t; k++) {
                y[k] = targets[i][k] - targetMeans[k];
                targetSquares[k] += y[k] * y[k];
            }
            accumulate(gram, crossProducts, x, y);
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                gram[k][j] = gram[j][k];
            }
        }
        return new CentredMoments(inputMeans, targetMeans, gram, crossProducts, targetSquares);
    }

    private static void accumulate(double[][] gram, double[][] crossProducts, double[] x,
            double[] y) {
        for (int j = 0; j < x.length; j++) {
            double xj = x[j];
            if (xj == 0.0) {
                continue;
            }
            double[] gramRow = gram[j];
            for (int k = 0; k <= j; k++) {
                gramRow[k] += xj * x[k];
            }
            double[] crossRow = crossProducts[j];
            for (int k = 0; k < y.length; k++) {
                crossRow[k] += xj * y[k];
            }
        }
    }

    private static double[] columnMeans(double[][] rows) {
        double[] means = new double[rows[0].length];
        for (double[] row : rows) {
            for (int j = 0; j < means.length; j++) {
                means[j] += row[j];
            }
        }
        for (int j = 0; j < means.length; j++) {
            means[j] /= rows.length;
        }
        return means;
    }

    double[][] gram() {
        return gram;
    }

    double[] correlations(int target) {
        double[] column = new double[gram.length];
        for (int j = 0; j < column.length; j++) {
            column[j] = crossProducts[j][target];
        }
        return column;
    }

    double targetSquares(int target) {
        return targetSquares[target];
    }

    /** Returns the Gram matrix of the inputs scaled to unit norm. */
    double[][] unitNormGram() {
        double[][] scaled = new double[gram.length][gram.length];
        for (int j = 0; j < gram.length; j++) {
            for (int k = 0; k < gram.length; k++) {
                scaled[j][k] = gram[j][k] / (inputNorms[j] * inputNorms[k]);
            }
        }
        return scaled;
    }

    double[] unitNormCorrelations(int target) {
        double[] column = correlations(target);
        for (int j = 0; j < column.length; j++) {
            column[j] /= inputNorms[j];
        }
        return column;
    }

    /** Returns the constant that makes a model with {@code coefficients} fit the means. */
    double intercept(int target, double[] coefficients) {
        double intercept = targetMeans[target];
        for (int j = 0; j < coefficients.length; j++) {
            intercept -= coefficients[j] * inputMeans[j];
        }
        return intercept;
    }
}
