package facegate.eval;

import java.util.Arrays;

/**
 * L2-regularised logistic regression fitted by Newton's method, each step solved by conjugate
 * gradients with Hessian-vector products (truncated Newton): no d x d Hessian is formed, so a step
 * costs O(rows x features) per CG iteration instead of O(rows x features²), which matters for
 * 1,024-d embeddings. A backtracking line search keeps every step from raising the loss. Features
 * are standardised (mean 0, standard deviation 1 over the training rows) before fitting; the
 * penalty {@code l2 / 2 · |w|²} applies to the weights, not to the bias. With {@code l2 > 0} the
 * optimum is finite even on separable data.
 *
 * @param weights one per feature, on standardised features
 * @param bias the intercept
 * @param means the training mean of each feature
 * @param scales the training standard deviation of each feature (1 where it was 0)
 */
public record LogisticRegression(double[] weights, double bias, double[] means, double[] scales) {
  private static final int MAX_ITERATIONS = 50;
  private static final double TOLERANCE = 1e-10;
  private static final double GRADIENT_TOLERANCE = 1e-12;

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
      double[] margins = margins(x, theta);
      double[] gradient = gradient(x, labels, margins, theta, l2);
      if (maxAbs(gradient) < GRADIENT_TOLERANCE * x.length) {
        break;
      }
      double[] curvature = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        double p = sigmoid(margins[i]);
        curvature[i] = Math.max(p * (1 - p), 1e-12);
      }
      double[] step = conjugateGradient(x, curvature, l2, gradient);
      double change = lineSearch(x, labels, l2, theta, step);
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

  /** Each row's logit under {@code theta} (weights, then bias). */
  private static double[] margins(double[][] x, double[] theta) {
    int features = theta.length - 1;
    double[] margins = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double z = theta[features];
      for (int j = 0; j < features; j++) {
        z += theta[j] * x[i][j];
      }
      margins[i] = z;
    }
    return margins;
  }

  private static double[] gradient(
      double[][] x, boolean[] labels, double[] margins, double[] theta, double l2) {
    int features = theta.length - 1;
    double[] gradient = new double[theta.length];
    for (int i = 0; i < x.length; i++) {
      double error = sigmoid(margins[i]) - (labels[i] ? 1 : 0);
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

  /**
   * The Hessian times {@code v} without forming the Hessian: {@code Xᵀ C X v + l2 v} (weights
   * only), with C the rows' curvatures p(1 - p) and X extended by a column of ones for the bias.
   */
  private static double[] hessianTimes(double[][] x, double[] curvature, double l2, double[] v) {
    int features = v.length - 1;
    double[] product = new double[v.length];
    for (int i = 0; i < x.length; i++) {
      double z = v[features];
      for (int j = 0; j < features; j++) {
        z += x[i][j] * v[j];
      }
      z *= curvature[i];
      for (int j = 0; j < features; j++) {
        product[j] += z * x[i][j];
      }
      product[features] += z;
    }
    for (int j = 0; j < features; j++) {
      product[j] += l2 * v[j];
    }
    product[features] += 1e-9 * v[features]; // keeps the bias solvable when every row is one class
    return product;
  }

  /**
   * The Newton step H⁻¹ g by conjugate gradients (H is symmetric positive definite), stopped at a
   * residual of {@code min(0.5, sqrt|g|) |g|} (a truncated Newton step: superlinear convergence) or
   * after {@code 2 (d + 1)} iterations.
   */
  private static double[] conjugateGradient(
      double[][] x, double[] curvature, double l2, double[] gradient) {
    double[] step = new double[gradient.length];
    double[] residual = gradient.clone();
    double[] direction = gradient.clone();
    double residualSquared = dot(residual, residual);
    double gradientNorm = Math.sqrt(residualSquared);
    double tolerance = Math.min(0.5, Math.sqrt(gradientNorm)) * gradientNorm;
    for (int iteration = 0; iteration < 2 * gradient.length; iteration++) {
      if (Math.sqrt(residualSquared) <= tolerance) {
        break;
      }
      double[] product = hessianTimes(x, curvature, l2, direction);
      double alpha = residualSquared / dot(direction, product);
      for (int j = 0; j < step.length; j++) {
        step[j] += alpha * direction[j];
        residual[j] -= alpha * product[j];
      }
      double next = dot(residual, residual);
      for (int j = 0; j < step.length; j++) {
        direction[j] = residual[j] + next / residualSquared * direction[j];
      }
      residualSquared = next;
    }
    return step;
  }

  /**
   * Moves {@code theta} by {@code -step}, halved until the penalised loss does not grow (at most 30
   * times); returns the largest change of a parameter.
   */
  private static double lineSearch(
      double[][] x, boolean[] labels, double l2, double[] theta, double[] step) {
    double before = loss(x, labels, l2, theta);
    double scale = 1;
    double[] candidate = new double[theta.length];
    for (int halving = 0; halving < 30; halving++, scale /= 2) {
      for (int j = 0; j < theta.length; j++) {
        candidate[j] = theta[j] - scale * step[j];
      }
      if (loss(x, labels, l2, candidate) <= before) {
        break;
      }
    }
    double change = 0;
    for (int j = 0; j < theta.length; j++) {
      change = Math.max(change, Math.abs(candidate[j] - theta[j]));
      theta[j] = candidate[j];
    }
    return change;
  }

  /** The negative log-likelihood plus {@code l2 / 2 |w|²}. */
  static double loss(double[][] x, boolean[] labels, double l2, double[] theta) {
    double[] margins = margins(x, theta);
    double loss = 0;
    for (int i = 0; i < x.length; i++) {
      double z = labels[i] ? -margins[i] : margins[i];
      loss += z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)); // log(1 + e^z)
    }
    for (int j = 0; j < theta.length - 1; j++) {
      loss += l2 / 2 * theta[j] * theta[j];
    }
    return loss;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += a[j] * b[j];
    }
    return sum;
  }

  private static double maxAbs(double[] values) {
    double max = 0;
    for (double value : values) {
      max = Math.max(max, Math.abs(value));
    }
    return max;
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
