package facegate.eval;

/**
 * Open-set identification rates over thresholds, strictest first.
 *
 * @param thresholds decreasing
 * @param fpir false positive identification rate at each threshold (non-decreasing)
 * @param dir detection and identification rate at each threshold (non-decreasing)
 */
public record OpenSetCurve(double[] thresholds, double[] fpir, double[] dir) {
  public OpenSetCurve {
    if (thresholds.length != fpir.length || thresholds.length != dir.length) {
      throw new IllegalArgumentException("one FPIR and one DIR per threshold");
    }
    thresholds = thresholds.clone();
    fpir = fpir.clone();
    dir = dir.clone();
  }

  /**
   * The lowest threshold whose FPIR is at most {@code rate}; {@code +infinity} when none is (there
   * are no points).
   */
  public double thresholdAtFpir(double rate) {
    double threshold = Double.POSITIVE_INFINITY;
    for (int i = 0; i < thresholds.length; i++) {
      if (fpir[i] <= rate) {
        threshold = thresholds[i];
      }
    }
    return threshold;
  }

  /** DIR at {@link #thresholdAtFpir}; 0 when there is no such threshold. */
  public double dirAtFpir(double rate) {
    double best = 0;
    for (int i = 0; i < thresholds.length; i++) {
      if (fpir[i] <= rate) {
        best = dir[i];
      }
    }
    return best;
  }

  @Override
  public double[] thresholds() {
    return thresholds.clone();
  }

  @Override
  public double[] fpir() {
    return fpir.clone();
  }

  @Override
  public double[] dir() {
    return dir.clone();
  }
}
