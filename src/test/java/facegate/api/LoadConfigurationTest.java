package facegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import facegate.pipeline.LoadSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanCreationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadConfigurationTest {
  @Test
  void bindsTheDocumentedDefaults() {
    try (ApplicationContext context = ApplicationContext.run(Map.of())) {
      LoadConfiguration load = context.getBean(LoadConfiguration.class);
      assertEquals(new LoadSettings(2, 32, 32, 0, 256, 1), load.settings());
      assertEquals(LoadSettings.DEFAULTS, load.settings());
      assertEquals(1, load.retryAfterSeconds());
    }
  }

  @Test
  void bindsOverrides() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "facegate.load.threads", "4",
                "facegate.load.queue", "0",
                "facegate.load.max-batch", "8",
                "facegate.load.max-wait-millis", "20",
                "facegate.load.embed-queue", "64",
                "facegate.load.embed-workers", "2",
                "facegate.load.retry-after-seconds", "3"))) {
      LoadConfiguration load = context.getBean(LoadConfiguration.class);
      assertEquals(new LoadSettings(4, 0, 8, 20, 64, 2), load.settings());
      assertEquals(3, load.retryAfterSeconds());
    }
  }

  @Test
  void rejectsAZeroBatch() {
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("facegate.load.max-batch", "0"))) {
      assertThrows(BeanCreationException.class, () -> context.getBean(LoadConfiguration.class));
    }
  }
}
