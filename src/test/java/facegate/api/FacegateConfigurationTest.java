package facegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FacegateConfigurationTest {
  @Test
  void bindsDefaultsAndOverrides() {
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("facegate.models-dir", "/opt/models"))) {
      FacegateConfiguration configuration = context.getBean(FacegateConfiguration.class);
      assertEquals("/opt/models", configuration.modelsDir());
      assertEquals("dlib-resnet-faceapi", configuration.model());
    }
  }
}
