package facegate.pipeline;

import facegate.core.InferenceMetrics;
import facegate.core.Person;
import facegate.embed.BatchingFaceEmbedder;
import facegate.embed.DjlFaceEmbedder;
import facegate.embed.DjlLandmarkLocator;
import facegate.embed.DjlSsdMobilenet;
import facegate.embed.FaceEmbedder;
import facegate.embed.GraphFaceEmbedder;
import facegate.embed.MeteredFaceEmbedder;
import facegate.gallery.FaceCrops;
import facegate.gallery.FolderFaceCrops;
import facegate.gallery.Gallery;
import facegate.gallery.GalleryOptions;
import facegate.gallery.HnswGallery;
import facegate.gallery.PostgresGallery;
import facegate.liveness.TextureLivenessDetector;
import facegate.vision.FallbackFaceDetector;
import facegate.vision.ImageDecoder;
import facegate.vision.MediaPipeFaceDetector;
import facegate.vision.SsdFaceDetector;
import facegate.vision.SsdSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that builds facegate's long-lived parts from settings: the face pipeline ({@link
 * FaceRecognizer}), the gallery, the face crops and the {@link FaceService} over them. The HTTP
 * service's factory and the CLI map their configuration or options to {@link PipelineSettings} and
 * {@link ServiceSettings} and call here, so both run the same pipeline and make the same decisions.
 * One method per part, so that a container can manage each as a bean; whoever calls one owns and
 * closes what it returns.
 */
public final class Composition {
  private static final Logger LOG = LoggerFactory.getLogger(Composition.class);

  private Composition() {}

  /**
   * The standard pipeline: MediaPipe's short-range face detector (photo at 0.7 of its square), its
   * full-range detector where that finds no face, face-api's SSD where neither does (the MediaPipe
   * models are read from beside {@code settings.detectorModel()}, the SSD's folder; the Haar
   * cascades no longer run: measured in docs/vision-detect-rate.md), and the landmark and embedding
   * networks, each loaded from its model folder. With {@code settings.load()}, {@link
   * FaceRecognizer#largestFace} and its siblings decode, detect and align on {@code load.threads()}
   * threads behind a queue of {@code load.queue()} photos, and chips of concurrent callers share
   * forward passes of the embedding network ({@link BatchingFaceEmbedder}, {@code
   * load.embedWorkers()} passes at once, at most the predictors). When either queue is full a call
   * fails at once with {@code overloaded}. What was loaded before a failure is closed again.
   */
  public static FaceRecognizer recognizer(PipelineSettings settings) {
    int predictors = settings.predictors();
    LoadSettings load = settings.load();
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      MediaPipeFaceDetector shortRange =
          MediaPipeDetectors.load(
              settings.detectorModel().resolveSibling(MediaPipeDetectors.SHORT_RANGE_MODEL),
              MediaPipeFaceDetector.Range.SHORT,
              MediaPipeDetectors.SHORT_RANGE_SETTINGS);
      opened.add(shortRange);
      MediaPipeFaceDetector fullRange =
          MediaPipeDetectors.load(
              settings.detectorModel().resolveSibling(MediaPipeDetectors.FULL_RANGE_MODEL),
              MediaPipeFaceDetector.Range.FULL,
              MediaPipeDetectors.FULL_RANGE_SETTINGS);
      opened.add(fullRange);
      SsdSettings ssdSettings = SsdSettings.defaults().withPredictors(predictors);
      SsdFaceDetector ssd =
          new SsdFaceDetector(
              DjlSsdMobilenet.load(settings.detectorModel(), ssdSettings.predictors()),
              ssdSettings);
      opened.add(ssd);
      DjlLandmarkLocator landmarks =
          DjlLandmarkLocator.load(settings.landmarkModel(), predictors, 32);
      opened.add(landmarks);
      FaceEmbedder embedder =
          embedder(settings.embeddingModel(), predictors, load == null ? 32 : load.maxBatch());
      BoundedStage stage = null;
      if (load == null) {
        embedder = new MeteredFaceEmbedder(embedder);
      } else {
        embedder =
            new BatchingFaceEmbedder(
                embedder,
                load.maxBatch(),
                load.maxWaitMillis(),
                load.embedQueue(),
                Math.min(predictors, load.embedWorkers()));
        stage = new BoundedStage("align", load.threads(), load.queue());
      }
      opened.add(embedder);
      if (stage != null) {
        opened.add(stage);
      }
      return new FaceRecognizer(
          new ImageDecoder(),
          new FallbackFaceDetector(shortRange, new FallbackFaceDetector(fullRange, ssd)),
          landmarks,
          embedder,
          opened,
          stage);
    } catch (RuntimeException e) {
      FaceRecognizer.closeAll(opened, e);
      throw e;
    }
  }

  /**
   * The embedding network in {@code modelDir}: a TFJS graph model ({@link GraphFaceEmbedder}) when
   * its {@code model.json} says {@code tfjs-graph}, otherwise a DJL network with {@code predictors}
   * predictors and batches of at least 32.
   */
  private static FaceEmbedder embedder(Path modelDir, int predictors, int batchSize) {
    if (GraphFaceEmbedder.handles(modelDir)) {
      return GraphFaceEmbedder.load(modelDir);
    }
    return DjlFaceEmbedder.load(modelDir, predictors, Math.max(32, batchSize));
  }

  /**
   * The gallery for {@code recognizer}'s model: in PostgreSQL when {@code settings.postgres()} is
   * set, otherwise in {@code settings.galleryDir()} (locked while open). A gallery of another model
   * or dimension fails to open.
   */
  public static Gallery gallery(ServiceSettings settings, FaceRecognizer recognizer) {
    GalleryOptions options =
        GalleryOptions.of(recognizer.galleryModelName(), recognizer.dimension());
    return settings.postgres() != null
        ? PostgresGallery.open(settings.postgres(), options)
        : HnswGallery.open(settings.galleryDir(), options);
  }

  /**
   * Where enrollment keeps face crops: {@link FaceCrops#NONE} unless {@code settings.storeCrops()},
   * otherwise {@code <galleryDir>/crops/}, from which crops of people no longer in {@code gallery}
   * (left by a crash) are deleted here.
   */
  public static FaceCrops crops(ServiceSettings settings, Gallery gallery) {
    if (!settings.storeCrops()) {
      return FaceCrops.NONE;
    }
    Path folder = settings.galleryDir().resolve("crops");
    FolderFaceCrops crops = new FolderFaceCrops(folder);
    List<String> enrolled =
        gallery.list(0, gallery.size()).people().stream().map(Person::id).toList();
    int stale = crops.retainOnly(enrolled);
    LOG.info("Storing face crops in {} ({} stale ones deleted)", folder, stale);
    return crops;
  }

  /**
   * The service over {@code gallery}, reporting {@code recognizer}'s batch sizes and queue depths
   * to {@code metrics} ({@link InferenceMetrics#NONE}: nowhere). The verify threshold is the
   * operator's or else the model's calibrated one; an explicit one applies to identification too,
   * otherwise the model's identify threshold when calibrated (see {@link
   * FaceService#resolveIdentifyThreshold}). Probes are embedded single-view first only when {@code
   * settings.singleView()} and the model has a calibrated margin.
   *
   * @throws facegate.core.FaceException {@code configuration_invalid} when there is no threshold or
   *     it is not a cosine in [-1, 1]
   */
  public static FaceService service(
      ServiceSettings settings,
      FaceRecognizer recognizer,
      Gallery gallery,
      FaceCrops crops,
      InferenceMetrics metrics) {
    return service(settings, recognizer, gallery, crops, metrics, NormalizationSettings.OFF);
  }

  /**
   * {@link #service(ServiceSettings, FaceRecognizer, Gallery, FaceCrops, InferenceMetrics)},
   * deciding verify requests on cohort-normalised scores when {@code normalization.enabled()}: the
   * default cohort, its top-k and switch-over come from the model's {@code normalization} card, the
   * threshold from the operator or else the card. Probes are embedded single-view first only when
   * {@code settings.singleView()} and the card has a calibrated normalised margin.
   *
   * @throws facegate.core.FaceException {@code configuration_invalid} when normalisation is on but
   *     the model has no normalisation card, no cohort file or no threshold
   */
  public static FaceService service(
      ServiceSettings settings,
      FaceRecognizer recognizer,
      Gallery gallery,
      FaceCrops crops,
      InferenceMetrics metrics,
      NormalizationSettings normalization) {
    FaceService raw = rawService(settings, recognizer, gallery, crops, metrics);
    if (!normalization.enabled()) {
      return raw;
    }
    ScoreNormalization scoring = CohortLoader.load(normalization, gallery);
    return raw.normalized(
        scoring, settings.singleView() ? scoring.singleViewMargin() : OptionalDouble.empty());
  }

  private static FaceService rawService(
      ServiceSettings settings,
      FaceRecognizer recognizer,
      Gallery gallery,
      FaceCrops crops,
      InferenceMetrics metrics) {
    recognizer.reportTo(metrics);
    double threshold =
        FaceService.resolveThreshold(
            settings.verifyThreshold(), recognizer.verifyThreshold(), settings.thresholdSetting());
    double identifyThreshold =
        FaceService.resolveIdentifyThreshold(
            settings.verifyThreshold(), recognizer.identifyThreshold(), threshold);
    OptionalDouble singleViewMargin =
        settings.singleView() ? recognizer.singleViewMargin() : OptionalDouble.empty();
    return new FaceService(
        recognizer, gallery, threshold, identifyThreshold, crops, singleViewMargin);
  }

  /**
   * The liveness check of the texture model in {@code modelFolder} over {@code recognizer}'s
   * decoder and detector, with the model's calibrated threshold unless {@code threshold} is given.
   *
   * @throws facegate.core.FaceException {@code model_not_found} or {@code model_invalid} for a
   *     missing or unreadable model; {@code configuration_invalid} for a threshold outside [0, 1]
   */
  public static LivenessCheck liveness(
      Path modelFolder, OptionalDouble threshold, FaceRecognizer recognizer) {
    TextureLivenessDetector detector = TextureLivenessDetector.load(modelFolder);
    return new LivenessCheck(recognizer, detector, threshold.orElse(detector.model().threshold()));
  }
}
