package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void operatingPointsAreNamedByTheirRate() {
    assertEquals("far1e-3", Calibration.rateName("far", 1e-3));
    assertEquals("far1e-2", Calibration.rateName("far", 0.01));
    assertEquals("fpir1e-2", Calibration.rateName("fpir", 0.01));
    assertEquals("far0.005", Calibration.rateName("far", 0.005));
  }
}
