package facegate.eval;

/**
 * Presentation attack detection error rates (ISO/IEC 30107-3) at one operating point.
 *
 * @param attacks presentation attacks judged, at least 0
 * @param attacksAccepted attacks judged live (APCER's numerator)
 * @param bonaFide live presentations judged, at least 0
 * @param bonaFideRefused live presentations judged attacks (BPCER's numerator)
 */
public record LivenessRates(int attacks, int attacksAccepted, int bonaFide, int bonaFideRefused) {
  public LivenessRates {
    if (attacksAccepted < 0
        || attacksAccepted > attacks
        || bonaFideRefused < 0
        || bonaFideRefused > bonaFide) {
      throw new IllegalArgumentException("counts out of range: " + attacksAccepted + "/" + attacks);
    }
  }

  /** The counts of {@code scores} against {@code threshold}: live when score ≥ threshold. */
  public static LivenessRates of(double[] scores, boolean[] live, double[] thresholds) {
    int attacks = 0, accepted = 0, bonaFide = 0, refused = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean judgedLive = scores[i] >= thresholds[i];
      if (live[i]) {
        bonaFide++;
        refused += judgedLive ? 0 : 1;
      } else {
        attacks++;
        accepted += judgedLive ? 1 : 0;
      }
    }
    return new LivenessRates(attacks, accepted, bonaFide, refused);
  }

  /** Attack presentation classification error rate: attacks accepted; NaN without attacks. */
  public double apcer() {
    return attacks == 0 ? Double.NaN : (double) attacksAccepted / attacks;
  }

  /** Bona fide presentation classification error rate: live faces refused; NaN without any. */
  public double bpcer() {
    return bonaFide == 0 ? Double.NaN : (double) bonaFideRefused / bonaFide;
  }

  /** Average classification error rate, the mean of APCER and BPCER. */
  public double acer() {
    return (apcer() + bpcer()) / 2;
  }
}
