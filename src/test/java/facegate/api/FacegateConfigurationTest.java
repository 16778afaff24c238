package facegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.gallery.PostgresSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanCreationException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FacegateConfigurationTest {
  @Test
  void bindsDefaultsAndOverrides() {
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("facegate.models-dir", "/opt/models"))) {
      FacegateConfiguration configuration = context.getBean(FacegateConfiguration.class);
      assertEquals("/opt/models", configuration.modelsDir());
      assertEquals("dlib-resnet-faceapi", configuration.model());
      assertEquals("gallery", configuration.galleryDir());
      assertEquals(2, configuration.predictors());
      assertNull(configuration.verifyThreshold());
      assertEquals(OptionalDouble.empty(), configuration.configuredThreshold());
      assertTrue(configuration.verifySingleView());
      ApiKeysConfiguration keys = context.getBean(ApiKeysConfiguration.class);
      assertEquals(List.of(), keys.admin());
      assertEquals(List.of(), keys.verifier());
      assertFalse(context.getBean(GalleryConfiguration.class).storeCrops(), "privacy default");
    }
  }

  @Test
  void bindsVerifySingleViewOff() {
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("facegate.verify-single-view", "false"))) {
      assertFalse(context.getBean(FacegateConfiguration.class).verifySingleView());
    }
  }

  @Test
  void bindsStoreCrops() {
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("facegate.gallery.store-crops", "true"))) {
      assertTrue(context.getBean(GalleryConfiguration.class).storeCrops());
    }
  }

  @Test
  void bindsGalleryThresholdPredictorsAndKeys() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "facegate.gallery-dir", "/var/lib/facegate",
                "facegate.verify-threshold", "0.91",
                "facegate.predictors", "4",
                // Environment variables arrive as comma-separated strings.
                "facegate.keys.admin", "a1,a2",
                "facegate.keys.verifier", List.of("v1")))) {
      FacegateConfiguration configuration = context.getBean(FacegateConfiguration.class);
      assertEquals("/var/lib/facegate", configuration.galleryDir());
      assertEquals(OptionalDouble.of(0.91), configuration.configuredThreshold());
      assertEquals(4, configuration.predictors());
      ApiKeysConfiguration keys = context.getBean(ApiKeysConfiguration.class);
      assertEquals(List.of("a1", "a2"), keys.admin());
      assertEquals(List.of("v1"), keys.verifier());
    }
  }

  @Test
  void galleryStoreDefaultsToTheFileAndBindsPostgresSettings() {
    try (ApplicationContext context = ApplicationContext.run()) {
      GalleryStoreConfiguration store = context.getBean(GalleryStoreConfiguration.class);
      assertEquals("file", store.store());
      assertEquals(false, store.postgres());
      assertEquals(5000, store.catchUpIntervalMillis());
      FaceException missing = assertThrows(FaceException.class, store::postgresSettings);
      assertEquals(ErrorCode.CONFIGURATION_INVALID, missing.errorCode());
    }
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "facegate.gallery.store", "postgres",
                "facegate.gallery.postgres-url", "jdbc:postgresql://db:5432/faces",
                "facegate.gallery.postgres-user", "fg",
                "facegate.gallery.postgres-password", "pw",
                "facegate.gallery.catch-up-interval-millis", "750"))) {
      GalleryStoreConfiguration store = context.getBean(GalleryStoreConfiguration.class);
      assertTrue(store.postgres());
      assertEquals(
          new PostgresSettings("jdbc:postgresql://db:5432/faces", "fg", "pw", 750),
          store.postgresSettings());
    }
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("facegate.gallery.store", "mysql"))) {
      assertThrows(
          BeanCreationException.class, () -> context.getBean(GalleryStoreConfiguration.class));
    }
  }

  @Test
  void rejectsAThresholdOutsideTheCosineRange() {
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("facegate.verify-threshold", "1.5"))) {
      BeanCreationException e =
          assertThrows(
              BeanCreationException.class, () -> context.getBean(FacegateConfiguration.class));
      StringBuilder messages = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        messages.append(t.getMessage());
      }
      assertTrue(
          messages.toString().contains("verifyThreshold - must be less than"), messages.toString());
    }
  }
}
