package facegate.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The yaws one {@link ChipYaw} read on a set of chips, and how many chips it found no face on.
 * Rates are over all chips, a chip without a face counting as a miss; means are over the chips read
 * (NaN when none was). Not thread-safe.
 */
final class YawReadings {
  private final List<Double> yaws = new ArrayList<>();
  private int noFace;

  void add(OptionalDouble yawDegrees) {
    if (yawDegrees.isPresent()) {
      yaws.add(yawDegrees.getAsDouble());
    } else {
      noFace++;
    }
  }

  int chips() {
    return yaws.size() + noFace;
  }

  int noFace() {
    return noFace;
  }

  /** The fraction of chips read within {@code toleranceDegrees} of {@code targetDegrees}. */
  double within(double targetDegrees, double toleranceDegrees) {
    return fraction(yaws.stream().filter(y -> Math.abs(y - targetDegrees) <= toleranceDegrees));
  }

  /** The fraction of chips whose |yaw| is within {@code toleranceDegrees} of {@code degrees}. */
  double absoluteWithin(double degrees, double toleranceDegrees) {
    return fraction(yaws.stream().filter(y -> Math.abs(Math.abs(y) - degrees) <= toleranceDegrees));
  }

  /** The fraction of chips read at |yaw| ≥ {@code degrees}. */
  double absoluteAtLeast(double degrees) {
    return fraction(yaws.stream().filter(y -> Math.abs(y) >= degrees));
  }

  double meanYaw() {
    return yaws.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  double meanAbsoluteYaw() {
    return yaws.stream().mapToDouble(Math::abs).average().orElse(Double.NaN);
  }

  private double fraction(java.util.stream.Stream<Double> read) {
    int all = chips();
    return all == 0 ? Double.NaN : read.count() / (double) all;
  }
}
