package facegate.pipeline;

import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.Match;
import facegate.core.Person;
import facegate.gallery.FaceCrops;
import facegate.gallery.Gallery;
import facegate.gallery.Page;
import facegate.pose.FaceRenderer3d;
import facegate.vision.PngEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Enrollment, verification and identification over one gallery: the decisions the HTTP API and the
 * CLI both make, made here once. Accept rule, everywhere: the cosine score is at least the
 * threshold. Thread-safe when the recognizer and gallery are (the standard ones are).
 *
 * <p>Inputs are checked before any inference runs: an invalid id, an id already enrolled, an
 * unknown person or an out-of-range {@code k} fail fast with their error code. A photo without a
 * face fails with {@code no_face}; undecodable bytes with the decoder's codes.
 */
public final class FaceService {
  /** Most candidates {@link #identify} returns. */
  public static final int MAX_CANDIDATES = 100;

  /** Default number of candidates. */
  public static final int DEFAULT_CANDIDATES = 5;

  /** Largest page {@link #people} returns. */
  public static final int MAX_PAGE = 500;

  /** Turns a photo into its largest face (embedding and chip); {@code no_face} if it has none. */
  @FunctionalInterface
  interface PhotoEmbedder {
    FoundFace largestFace(ProbePhoto photo);
  }

  /**
   * A probe embedded from its chip alone (one chip instead of two), completed with its mirrored
   * chip only when needed ({@link FaceRecognizer#largestFaceSingleView}, {@link
   * FaceRecognizer#withMirror}).
   */
  interface SingleViewEmbedder {
    FoundFace singleView(ProbePhoto photo);

    Embedding withMirror(FoundFace singleView);
  }

  /** Embeddings of synthesized pose views of a found face (extra templates at enrollment). */
  @FunctionalInterface
  interface ViewEmbedder {
    List<Embedding> views(FoundFace face);
  }

  /** The 3D re-rendering for pose views, made on first use and shared (it is thread-safe). */
  private static final class PoseRenderer {
    static final FaceRenderer3d INSTANCE = FaceRenderer3d.shipped();
  }

  private final PhotoEmbedder embedder;
  private final SingleViewEmbedder singleView;
  private final OptionalDouble singleViewMargin;
  private final ViewEmbedder poseViews;
  private final Gallery gallery;
  private final double threshold;
  private final double identifyThreshold;
  private final FaceCrops crops;
  private final ScoreNormalization normalization; // null: decisions on the cosine
  private final Object enrollments = new Object();

  /**
   * The service over {@code recognizer}'s pipeline; {@link Composition#service} builds it from
   * settings.
   *
   * @param threshold the verify threshold, a cosine in [-1, 1]; see {@link #resolveThreshold}
   * @param identifyThreshold the score a candidate needs for {@link #identify} to call the face
   *     known, a cosine in [-1, 1]; see {@link #resolveIdentifyThreshold}
   * @param crops where enrollment photos' aligned crops are kept ({@link FaceCrops#NONE}: nowhere)
   * @param singleViewMargin when present, {@link #verify(byte[], String)} embeds the probe's chip
   *     alone first and adds its mirror image only when the score lies within this margin of the
   *     threshold (usually the model's calibrated {@link FaceRecognizer#singleViewMargin}); when
   *     empty, every probe is embedded with its mirror image
   */
  FaceService(
      FaceRecognizer recognizer,
      Gallery gallery,
      double threshold,
      double identifyThreshold,
      FaceCrops crops,
      OptionalDouble singleViewMargin) {
    this(
        recognizer::largestFace,
        face -> recognizer.embedViews(face, PoseRenderer.INSTANCE),
        gallery,
        threshold,
        identifyThreshold,
        crops,
        new SingleViewEmbedder() {
          @Override
          public FoundFace singleView(ProbePhoto photo) {
            return recognizer.largestFaceSingleView(photo);
          }

          @Override
          public Embedding withMirror(FoundFace singleView) {
            return recognizer.withMirror(singleView);
          }
        },
        singleViewMargin);
  }

  /**
   * @param singleView may be null when {@code singleViewMargin} is empty
   */
  FaceService(
      PhotoEmbedder embedder,
      ViewEmbedder poseViews,
      Gallery gallery,
      double threshold,
      double identifyThreshold,
      FaceCrops crops,
      SingleViewEmbedder singleView,
      OptionalDouble singleViewMargin) {
    this(
        embedder,
        poseViews,
        gallery,
        threshold,
        identifyThreshold,
        crops,
        singleView,
        singleViewMargin,
        null);
  }

  private FaceService(
      PhotoEmbedder embedder,
      ViewEmbedder poseViews,
      Gallery gallery,
      double threshold,
      double identifyThreshold,
      FaceCrops crops,
      SingleViewEmbedder singleView,
      OptionalDouble singleViewMargin,
      ScoreNormalization normalization) {
    this.normalization = normalization;
    this.singleViewMargin = Objects.requireNonNull(singleViewMargin, "singleViewMargin");
    if (singleViewMargin.isPresent()) {
      Objects.requireNonNull(singleView, "singleView");
      if (!(singleViewMargin.getAsDouble() >= 0)) {
        throw new IllegalArgumentException(
            "singleViewMargin must be at least 0: " + singleViewMargin);
      }
    }
    this.singleView = singleView;
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.poseViews = Objects.requireNonNull(poseViews, "poseViews");
    this.gallery = Objects.requireNonNull(gallery, "gallery");
    this.threshold = requireThreshold(threshold);
    this.identifyThreshold = requireThreshold(identifyThreshold);
    this.crops = Objects.requireNonNull(crops, "crops");
  }

  /**
   * This service deciding verify requests on cohort-normalised scores ({@link ScoreNormalization}).
   * With {@code singleViewMargin} (in normalised units: the card's calibrated margin, see {@code
   * calibrate --normalized-single-view}) a probe's chip is embedded alone first and its mirror
   * image added only when the normalised score lies within the margin of the normalised threshold;
   * when empty, every probe is embedded with its mirror image.
   */
  FaceService normalized(ScoreNormalization normalization, OptionalDouble singleViewMargin) {
    return new FaceService(
        embedder,
        poseViews,
        gallery,
        threshold,
        identifyThreshold,
        crops,
        singleView,
        singleViewMargin,
        Objects.requireNonNull(normalization, "normalization"));
  }

  /** The threshold on normalised scores, empty when verify decides on the cosine. */
  public OptionalDouble normalizedThreshold() {
    return normalization == null
        ? OptionalDouble.empty()
        : OptionalDouble.of(normalization.threshold());
  }

  /**
   * The identification threshold to use: an operator's explicit verify threshold applies to
   * identification too; otherwise the model's calibrated {@code identifyThreshold} (an open-set
   * operating point, stricter than the 1:1 one), falling back to the verify threshold.
   *
   * @param configuredVerify the operator's verify threshold setting, or empty
   * @param calibratedIdentify the model's {@code identifyThreshold}, or empty
   * @param verifyThreshold the resolved verify threshold
   */
  public static double resolveIdentifyThreshold(
      OptionalDouble configuredVerify, OptionalDouble calibratedIdentify, double verifyThreshold) {
    if (configuredVerify.isPresent() || calibratedIdentify.isEmpty()) {
      return requireThreshold(verifyThreshold);
    }
    return requireThreshold(calibratedIdentify.getAsDouble());
  }

  /**
   * The threshold to use: an explicit setting wins over the model's calibrated one.
   *
   * @param configured the operator's setting (configuration or command-line option), or empty
   * @param calibrated the model's {@code verifyThreshold}, or empty when uncalibrated
   * @param how where the operator can set it, named in the error message
   * @throws FaceException {@code configuration_invalid} when neither is set or the value is not a
   *     cosine in [-1, 1]
   */
  public static double resolveThreshold(
      OptionalDouble configured, OptionalDouble calibrated, String how) {
    if (configured.isPresent()) {
      return requireThreshold(configured.getAsDouble());
    }
    if (calibrated.isPresent()) {
      return requireThreshold(calibrated.getAsDouble());
    }
    throw new FaceException(
        ErrorCode.CONFIGURATION_INVALID,
        "no verify threshold: the model's model.json has no calibrated verifyThreshold; set "
            + how
            + " (a cosine, e.g. 0.9) or calibrate the model with `facegate eval --calibrate`");
  }

  private static double requireThreshold(double threshold) {
    if (!(threshold >= -1 && threshold <= 1)) {
      throw new FaceException(
          ErrorCode.CONFIGURATION_INVALID,
          "verify threshold must be a cosine in [-1, 1], got " + threshold);
    }
    return threshold;
  }

  public double threshold() {
    return threshold;
  }

  public double identifyThreshold() {
    return identifyThreshold;
  }

  /**
   * How close to the threshold a single-view probe's score must lie to be re-scored with its
   * mirrored chip (in normalised units when verify decides on normalised scores); empty when every
   * probe is embedded with its mirror image.
   */
  public OptionalDouble singleViewMargin() {
    return singleViewMargin;
  }

  /**
   * Enrolls a new person with one template from the largest face in {@code photo}. When crops are
   * kept, the face's aligned chip is stored (durably) before the person is enrolled and deleted
   * again if enrollment fails.
   */
  public Enrollment enroll(String id, String name, byte[] photo) {
    return enroll(id, name, photo, false);
  }

  /**
   * {@link #enroll(String, String, byte[])}, and with {@code poseViews} the face's 3D re-renderings
   * at ±20°, ±40° and ±60° yaw as six more templates of the person ({@code
   * FaceRenderer3d.DEFAULT_YAWS}): identify and verify take the best-matching template, so a turned
   * probe can meet a turned template. Costs six more embeddings at enrollment.
   */
  public Enrollment enroll(String id, String name, byte[] photo, boolean poseViews) {
    Person.requireValidId(id);
    if (name != null && name.length() > 256) {
      throw new FaceException(ErrorCode.MALFORMED_REQUEST, "name is longer than 256 characters");
    }
    if (gallery.find(id).isPresent()) {
      throw personExists(id);
    }
    FoundFace face = embedder.largestFace(ProbePhoto.of(photo));
    List<Embedding> templates = new ArrayList<>();
    templates.add(face.embedding());
    if (poseViews) {
      templates.addAll(this.poseViews.views(face));
    }
    byte[] crop = crops.enabled() ? PngEncoder.encode(face.chip()) : null;
    synchronized (enrollments) {
      if (gallery.find(id).isPresent()) {
        throw personExists(id);
      }
      if (crop != null) {
        crops.put(id, crop);
      }
      try {
        return new Enrollment(gallery.enroll(id, name, templates), face.view());
      } catch (RuntimeException e) {
        if (crop != null) {
          crops.remove(id);
        }
        throw e;
      }
    }
  }

  /**
   * The stored crop (PNG) of an enrolled person; empty when crops are not kept or none was stored
   * for them; {@code person_not_found} when no such person is enrolled.
   */
  public Optional<byte[]> crop(String id) {
    requirePerson(id);
    return crops.png(id);
  }

  /** Whether enrollment keeps face crops. */
  public boolean keepsCrops() {
    return crops.enabled();
  }

  /**
   * Whether {@code photo} shows the enrolled person {@code id} (compared with each template). With
   * a single-view margin, the probe's chip is embedded alone first; only a score within the margin
   * of the threshold is recomputed with the mirrored chip added, so the decision is the one the
   * full embedding would give (the score is the full embedding's only when it was recomputed). A
   * normalising service decides on the normalised score of the probe with the best template, and
   * its margin and threshold are in normalised units.
   */
  public Verification verify(byte[] photo, String id) {
    return verify(ProbePhoto.of(photo), id);
  }

  /** {@link #verify(byte[], String)} of a probe an earlier step may have detected already. */
  public Verification verify(ProbePhoto photo, String id) {
    requirePerson(id);
    Function<Embedding, Verification> decision =
        normalization == null ? probe -> decide(score(id, probe)) : normalizedDecision(id);
    if (singleViewMargin.isEmpty()) {
      FoundFace probe = embedder.largestFace(photo);
      return decision.apply(probe.embedding()).withViews(probe.view(), null);
    }
    FoundFace probe = singleView.singleView(photo);
    Verification first = decision.apply(probe.embedding());
    double deciding = first.normalizedScore().orElse(first.score());
    if (Math.abs(deciding - first.threshold()) < singleViewMargin.getAsDouble()) {
      first = decision.apply(singleView.withMirror(probe));
    }
    return first.withViews(probe.view(), null);
  }

  /** The normalised decision for a probe claiming {@code id}, over the templates of {@code id}. */
  private Function<Embedding, Verification> normalizedDecision(String id) {
    List<Embedding> templates = gallery.templates(id).orElseThrow(() -> personNotFound(id));
    return probe -> normalization.enrolled(probe, id, templates, threshold);
  }

  private double score(String id, Embedding probe) {
    Match match = gallery.compare(id, probe).orElseThrow(() -> personNotFound(id));
    return match.score();
  }

  /** Whether the largest faces of two photos are the same person. */
  public Verification verifyPhotos(byte[] photo, byte[] otherPhoto) {
    return verifyPhotos(ProbePhoto.of(photo), otherPhoto);
  }

  /** {@link #verifyPhotos(byte[], byte[])} with a probe that may be detected already. */
  public Verification verifyPhotos(ProbePhoto photo, byte[] otherPhoto) {
    FoundFace first = embedder.largestFace(photo);
    FoundFace second = embedder.largestFace(ProbePhoto.of(otherPhoto));
    Verification decision =
        normalization != null
            ? normalization.photos(first.embedding(), second.embedding(), threshold)
            : decide(first.embedding().cosine(second.embedding()));
    return decision.withViews(first.view(), second.view());
  }

  /**
   * The {@code k} enrolled people most like the largest face in {@code photo}; {@code unknown} when
   * none scores at least the identification threshold.
   *
   * @param k 1..{@value #MAX_CANDIDATES}
   */
  public Identification identify(byte[] photo, int k) {
    return identify(ProbePhoto.of(photo), k);
  }

  /** {@link #identify(byte[], int)} of a probe an earlier step may have detected already. */
  public Identification identify(ProbePhoto photo, int k) {
    if (k < 1 || k > MAX_CANDIDATES) {
      throw new FaceException(
          ErrorCode.MALFORMED_REQUEST, "k must be in 1.." + MAX_CANDIDATES + ", got " + k);
    }
    FoundFace probe = embedder.largestFace(photo);
    List<Match> candidates = gallery.search(probe.embedding(), k);
    boolean unknown = candidates.stream().noneMatch(match -> match.score() >= identifyThreshold);
    return new Identification(unknown, candidates, identifyThreshold, probe.view());
  }

  /** The enrolled person {@code id}; {@code person_not_found} if there is none. */
  public Person person(String id) {
    return requirePerson(id);
  }

  /**
   * A page of enrolled people, ordered by id.
   *
   * @param offset at least 0
   * @param limit 1..{@value #MAX_PAGE}
   */
  public Page people(int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
      throw new FaceException(
          ErrorCode.MALFORMED_REQUEST,
          "offset must be at least 0 and limit in 1.."
              + MAX_PAGE
              + ", got offset="
              + offset
              + " limit="
              + limit);
    }
    return gallery.list(offset, limit);
  }

  /** Removes a person; {@code person_not_found} if there is none. */
  public void remove(String id) {
    Person.requireValidId(id);
    synchronized (enrollments) {
      if (!gallery.remove(id)) {
        throw personNotFound(id);
      }
      crops.remove(id);
    }
  }

  private Verification decide(double score) {
    return new Verification(score >= threshold, score, threshold);
  }

  private Person requirePerson(String id) {
    Person.requireValidId(id);
    return gallery.find(id).orElseThrow(() -> personNotFound(id));
  }

  private static FaceException personNotFound(String id) {
    return new FaceException(
        ErrorCode.PERSON_NOT_FOUND, "no person with id '" + id + "' is enrolled");
  }

  private static FaceException personExists(String id) {
    return new FaceException(
        ErrorCode.PERSON_EXISTS,
        "a person with id '" + id + "' is already enrolled; delete them first or use another id");
  }
}
