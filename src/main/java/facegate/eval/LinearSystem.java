package facegate.eval;

/** Solves small dense linear systems (Gaussian elimination with partial pivoting). */
final class LinearSystem {
  private LinearSystem() {}

  /**
   * The {@code x} with {@code a · x = b}; {@code a} and {@code b} are left unchanged.
   *
   * @throws IllegalArgumentException when {@code a} is singular (a zero pivot)
   */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      if (a[i].length != n) {
        throw new IllegalArgumentException("the matrix must be square and match b");
      }
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int column = 0; column < n; column++) {
      int pivot = column;
      for (int row = column + 1; row < n; row++) {
        if (Math.abs(m[row][column]) > Math.abs(m[pivot][column])) {
          pivot = row;
        }
      }
      if (m[pivot][column] == 0) {
        throw new IllegalArgumentException("singular matrix at column " + column);
      }
      double[] swap = m[column];
      m[column] = m[pivot];
      m[pivot] = swap;
      for (int row = column + 1; row < n; row++) {
        double factor = m[row][column] / m[column][column];
        if (factor != 0) {
          for (int k = column; k <= n; k++) {
            m[row][k] -= factor * m[column][k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int row = n - 1; row >= 0; row--) {
      double sum = m[row][n];
      for (int k = row + 1; k < n; k++) {
        sum -= m[row][k] * x[k];
      }
      x[row] = sum / m[row][row];
    }
    return x;
  }
}
