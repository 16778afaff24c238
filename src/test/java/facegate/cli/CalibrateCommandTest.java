package facegate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalibrateCommandTest {
  @Test
  void operatingPointsAreNamedByTheirRate() {
    assertEquals("far1e-3", CalibrateCommand.rateName("far", 1e-3));
    assertEquals("far1e-2", CalibrateCommand.rateName("far", 0.01));
    assertEquals("fpir1e-2", CalibrateCommand.rateName("fpir", 0.01));
    assertEquals("far0.005", CalibrateCommand.rateName("far", 0.005));
  }
}
