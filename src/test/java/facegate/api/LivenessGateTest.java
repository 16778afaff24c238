package facegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class LivenessGateTest {
  @Test
  void thePartOverridesTheDefault() {
    assertTrue(LivenessGate.wanted("true", false));
    assertFalse(LivenessGate.wanted("false", true));
    assertTrue(LivenessGate.wanted(null, true));
    assertFalse(LivenessGate.wanted("", false));
    FaceException bad = assertThrows(FaceException.class, () -> LivenessGate.wanted("yes", false));
    assertEquals(ErrorCode.MALFORMED_REQUEST, bad.errorCode());
  }

  @Test
  void configurationIsOffByDefaultAndBinds() {
    try (ApplicationContext context = ApplicationContext.run()) {
      LivenessConfiguration defaults = context.getBean(LivenessConfiguration.class);
      assertFalse(defaults.enabled());
      assertEquals("liveness-texture", defaults.model());
      assertEquals(OptionalDouble.empty(), defaults.configuredThreshold());
    }
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of("facegate.liveness.enabled", "true", "facegate.liveness.threshold", "0.3"))) {
      LivenessConfiguration set = context.getBean(LivenessConfiguration.class);
      assertTrue(set.enabled());
      assertEquals(OptionalDouble.of(0.3), set.configuredThreshold());
    }
  }
}
