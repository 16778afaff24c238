package facegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.pipeline.NormalizationSettings;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NormalizationConfigurationTest {
  @Test
  void isOffByDefault() {
    try (ApplicationContext context = ApplicationContext.run(Map.of())) {
      NormalizationSettings settings =
          context.getBean(NormalizationConfiguration.class).settings(Path.of("m"));
      assertFalse(settings.enabled());
      assertEquals(OptionalDouble.empty(), settings.threshold());
      assertEquals(Set.of(), settings.excludedSources());
    }
  }

  @Test
  void bindsOverrides() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "facegate.normalization.enabled", "true",
                "facegate.normalization.threshold", "2.5",
                "facegate.normalization.exclude-cohort-sources", "jaffe,lfw"))) {
      NormalizationSettings settings =
          context.getBean(NormalizationConfiguration.class).settings(Path.of("m"));
      assertTrue(settings.enabled());
      assertEquals(OptionalDouble.of(2.5), settings.threshold());
      assertEquals(Set.of("jaffe", "lfw"), settings.excludedSources());
      assertEquals(Path.of("m"), settings.modelDir());
    }
  }
}
