package facegate.eval;

import java.util.Arrays;

/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares). Features are standardised (mean 0, standard deviation 1 over the training rows) before
 * fitting; the penalty {@code l2 / 2 · |w|²} applies to the weights, not to the bias. With {@code
 * l2 > 0} the optimum is finite even on separable data.
 *
 * @param weights one per feature, on standardised features
 * @param bias the intercept
 * @param means the training mean of each feature
 * @param scales the training standard deviation of each feature (1 where it was 0)
 */
public record LogisticRegression(double[] weights, double bias, double[] means, double[] scales) {
  private static final int MAX_ITERATIONS = 50;
  private static final double TOLERANCE = 1e-10;

  public LogisticRegression {
    if (weights.length != means.length || weights.length != scales.length) {
      throw new IllegalArgumentException("one weight, mean and scale per feature");
    }
    weights = weights.clone();
    means = means.clone();
    scales = scales.clone();
  }

  /**
   * Fits the model.
   *
   * @param rows training rows, all of the same length, at least one
   * @param labels the class of each row
   * @param l2 the penalty on the weights, at least 0 (0 diverges on separable data)
   */
  public static LogisticRegression fit(double[][] rows, boolean[] labels, double l2) {
    if (rows.length == 0 || rows.length != labels.length || !(l2 >= 0)) {
      throw new IllegalArgumentException("need one label per row, at least one row, l2 >= 0");
    }
    int features = rows[0].length;
    double[] means = new double[features];
    double[] scales = new double[features];
    standardisation(rows, means, scales);
    double[][] x = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      x[i] = standardise(rows[i], means, scales);
    }
    double[] theta = new double[features + 1]; // weights, then the bias
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] step = LinearSystem.solve(hessian(x, theta, l2), gradient(x, labels, theta, l2));
      double change = 0;
      for (int j = 0; j < theta.length; j++) {
        theta[j] -= step[j];
        change = Math.max(change, Math.abs(step[j]));
      }
      if (change < TOLERANCE) {
        break;
      }
    }
    return new LogisticRegression(Arrays.copyOf(theta, features), theta[features], means, scales);
  }

  /** The probability that {@code row} belongs to the positive class. */
  public double probability(double[] row) {
    if (row.length != weights.length) {
      throw new IllegalArgumentException(
          "expected " + weights.length + " features, got " + row.length);
    }
    return sigmoid(logit(standardise(row, means, scales), weights, bias));
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public double[] means() {
    return means.clone();
  }

  @Override
  public double[] scales() {
    return scales.clone();
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  private static double logit(double[] x, double[] weights, double bias) {
    double z = bias;
    for (int j = 0; j < weights.length; j++) {
      z += weights[j] * x[j];
    }
    return z;
  }

  private static double[] gradient(double[][] x, boolean[] labels, double[] theta, double l2) {
    int features = theta.length - 1;
    double[] weights = Arrays.copyOf(theta, features);
    double[] gradient = new double[theta.length];
    for (int i = 0; i < x.length; i++) {
      double error = sigmoid(logit(x[i], weights, theta[features])) - (labels[i] ? 1 : 0);
      for (int j = 0; j < features; j++) {
        gradient[j] += error * x[i][j];
      }
      gradient[features] += error;
    }
    for (int j = 0; j < features; j++) {
      gradient[j] += l2 * theta[j];
    }
    return gradient;
  }

  private static double[][] hessian(double[][] x, double[] theta, double l2) {
    int features = theta.length - 1;
    double[] weights = Arrays.copyOf(theta, features);
    double[][] hessian = new double[theta.length][theta.length];
    double[] extended = new double[theta.length];
    for (double[] row : x) {
      double p = sigmoid(logit(row, weights, theta[features]));
      double weight = Math.max(p * (1 - p), 1e-12);
      System.arraycopy(row, 0, extended, 0, features);
      extended[features] = 1;
      for (int a = 0; a < extended.length; a++) {
        double scaled = weight * extended[a];
        for (int b = a; b < extended.length; b++) {
          hessian[a][b] += scaled * extended[b];
        }
      }
    }
    for (int a = 0; a < theta.length; a++) {
      for (int b = 0; b < a; b++) {
        hessian[a][b] = hessian[b][a];
      }
    }
    for (int j = 0; j < features; j++) {
      hessian[j][j] += l2;
    }
    hessian[features][features] += 1e-9; // keeps the bias solvable when every row is one class
    return hessian;
  }

  private static void standardisation(double[][] rows, double[] means, double[] scales) {
    for (double[] row : rows) {
      if (row.length != means.length) {
        throw new IllegalArgumentException("rows must all have " + means.length + " features");
      }
      for (int j = 0; j < row.length; j++) {
        means[j] += row[j] / rows.length;
      }
    }
    for (double[] row : rows) {
      for (int j = 0; j < row.length; j++) {
        scales[j] += (row[j] - means[j]) * (row[j] - means[j]) / rows.length;
      }
    }
    for (int j = 0; j < scales.length; j++) {
      scales[j] = scales[j] > 0 ? Math.sqrt(scales[j]) : 1;
    }
  }

  private static double[] standardise(double[] row, double[] means, double[] scales) {
    double[] x = new double[row.length];
    for (int j = 0; j < row.length; j++) {
      x[j] = (row[j] - means[j]) / scales[j];
    }
    return x;
  }
}
