package facegate.pipeline;

import facegate.core.AlignedFace;
import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceBox;
import facegate.core.FaceDetector;
import facegate.core.FaceException;
import facegate.core.FaceViewSynthesizer;
import facegate.core.InferenceMetrics;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.embed.FaceEmbedder;
import facegate.embed.LandmarkLocator;
import facegate.pose.FaceView;
import facegate.pose.ViewEstimator;
import facegate.vision.FaceAligner;
import facegate.vision.ImageDecoder;
import facegate.vision.Mirror;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The face pipeline behind the API and the CLI: decode, detect, locate landmarks, align to the
 * embedding network's chip, embed. Thread-safe when its parts are. {@link Composition#recognizer}
 * builds the standard one.
 *
 * <p>Landmarks of a frontal-cascade box are located once, in a square crop placed where a crop
 * around the face's landmarks lands on average ({@link #FRONTAL_CROP_SCALE}, {@link
 * #FRONTAL_CROP_SHIFT_DOWN}). For boxes of the profile cascade and of the SSD detector, which frame
 * faces less regularly, they are located twice: in a crop around the box, then in a crop around the
 * landmarks found. Measured on LFW folds 1-5 and one-shot identification: the calibrated single
 * pass matches two passes (accuracy 0.9833 vs 0.9817, DIR at FPIR 1% 0.6776 vs 0.6743) at 10-17 ms
 * less per photo; a single pass on the plain box crop did not (DIR 0.6550).
 */
public final class FaceRecognizer implements AutoCloseable {
  /**
   * Changes whenever the pipeline would embed an image differently (detector settings, crops,
   * alignment), so that cached embeddings of an older pipeline are not reused.
   */
  public static final String PIPELINE_VERSION =
      "mediapipe-short@0.7+full@1-fallback+ssd-fallback/landmarks-1pass-frontal@1.10+0.148-2pass-other/dlib-chip-0.25/mirror-sum";

  /** Crop side around the detector's box, as a multiple of the box's larger side. */
  static final double BOX_CROP_SCALE = 1.25;

  /** Crop side around the landmarks' bounding box, as a multiple of its larger side. */
  static final double LANDMARK_CROP_SCALE = 1.2;

  /**
   * The single crop for a frontal-cascade box: side and downward shift of its centre, as multiples
   * of the box's larger side. Where the second pass's crop lands on average: measured on 990 random
   * LFW photos (frontal boxes of detectLargest), the crop around the first pass's landmarks is
   * 0.8815 ± 0.0482 times the first crop's side and its centre lies 0.1187 ± 0.0191 sides lower and
   * -0.0096 ± 0.0455 sides to the right; times 1.25 gives these constants.
   */
  static final double FRONTAL_CROP_SCALE = 1.10;

  /** See {@link #FRONTAL_CROP_SCALE}. */
  static final double FRONTAL_CROP_SHIFT_DOWN = 0.148;

  private final ImageDecoder decoder;
  private final FaceDetector detector;
  private final List<AutoCloseable> owned;
  private final LandmarkLocator landmarkLocator;
  private final FaceAligner aligner;
  private final FaceEmbedder embedder;
  private final ViewEstimator views = ViewEstimator.shipped();
  private final BoundedStage stage; // null: photos are processed on the caller's thread

  /**
   * A pipeline of the given parts, processing photos on the caller's thread; {@link
   * Composition#recognizer} builds the standard one.
   *
   * @param owned what {@link #close()} closes, in reverse order (the parts this recognizer owns)
   */
  FaceRecognizer(
      ImageDecoder decoder,
      FaceDetector detector,
      LandmarkLocator landmarkLocator,
      FaceEmbedder embedder,
      List<AutoCloseable> owned) {
    this(decoder, detector, landmarkLocator, embedder, owned, null);
  }

  /**
   * @param stage where {@link #largestFace} and its siblings decode, detect and align; null for the
   *     caller's thread
   */
  FaceRecognizer(
      ImageDecoder decoder,
      FaceDetector detector,
      LandmarkLocator landmarkLocator,
      FaceEmbedder embedder,
      List<AutoCloseable> owned,
      BoundedStage stage) {
    this.stage = stage;
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.detector = Objects.requireNonNull(detector, "detector");
    this.landmarkLocator = Objects.requireNonNull(landmarkLocator, "landmarkLocator");
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.owned = List.copyOf(owned);
    this.aligner = FaceAligner.forNetwork(embedder.chipAlignment(), embedder.inputSize());
  }

  /** Decodes image bytes; bad input fails with a {@link FaceException} saying why. */
  public RgbImage decode(byte[] imageBytes) {
    return decoder.decode(imageBytes);
  }

  /**
   * The box of the largest face in {@code image} as verify and identify would find it; empty when
   * there is none. Runs on the caller's thread.
   */
  public Optional<FaceBox> largestFaceBox(RgbImage image) {
    return detector.detectLargest(image).stream().findFirst();
  }

  /**
   * The aligned faces of an image, largest first; empty when there is none. With {@code allFaces}
   * false, at most the largest.
   */
  public List<AlignedFace> alignFaces(RgbImage image, boolean allFaces) {
    List<FaceBox> boxes = allFaces ? detector.detect(image) : detector.detectLargest(image);
    List<AlignedFace> faces = new ArrayList<>();
    for (FaceBox box : boxes) {
      faces.add(aligner.align(image, box, locateLandmarks(image, box)));
    }
    return faces;
  }

  /**
   * Every face in the photo and the aligned chip of the largest, for showing what enrollment would
   * use; no embedding is computed. Runs on the bounded pool when there is one, like every decode.
   * Bad bytes fail with the decoder's codes; no face is an empty preview, not an error.
   */
  public FacePreview preview(byte[] imageBytes) {
    return stage == null ? previewNow(imageBytes) : stage.call(() -> previewNow(imageBytes));
  }

  /** {@link #preview} on this thread; decoding a large photo is the costly part of it. */
  private FacePreview previewNow(byte[] imageBytes) {
    RgbImage image = decode(imageBytes);
    List<FaceBox> boxes = detector.detect(image);
    Optional<AlignedFace> largest =
        boxes.isEmpty()
            ? Optional.empty()
            : Optional.of(aligner.align(image, boxes.get(0), locateLandmarks(image, boxes.get(0))));
    List<FaceView> faceViews = new ArrayList<>();
    for (FaceBox box : boxes) {
      faceViews.add(faceViews.isEmpty() ? views.estimate(largest.get()) : views.estimate(box));
    }
    return new FacePreview(image.width(), image.height(), boxes, largest, faceViews);
  }

  /**
   * Sends batch sizes and queue depths to {@code metrics} from now on (the service binds them to
   * Prometheus): whatever the embedder reports (the standard pipeline's: with batching, the size of
   * each shared forward pass and the chips waiting; without, the chips of each call) and the photos
   * waiting for the pool, when there is one.
   */
  void reportTo(InferenceMetrics metrics) {
    embedder.reportTo(metrics, "embedding");
    if (stage != null) {
      metrics.registerQueue("align", stage::queued);
    }
  }

  /**
   * Landmarks of the face in {@code box}, in image pixels: one pass for a frontal-cascade box, two
   * for any other (see the class comment).
   */
  public Landmarks locateLandmarks(RgbImage image, FaceBox box) {
    double boxSide = Math.max(box.width(), box.height());
    if (box.view() == FaceBox.View.FRONTAL) {
      return locateIn(
          image,
          box.centerX(),
          box.centerY() + FRONTAL_CROP_SHIFT_DOWN * boxSide,
          FRONTAL_CROP_SCALE * boxSide);
    }
    double side = boxSide * BOX_CROP_SCALE;
    Landmarks first = locateIn(image, box.centerX(), box.centerY(), side);
    double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    for (int i = 0; i < Landmarks.COUNT; i++) {
      minX = Math.min(minX, first.x(i));
      maxX = Math.max(maxX, first.x(i));
      minY = Math.min(minY, first.y(i));
      maxY = Math.max(maxY, first.y(i));
    }
    double refinedSide = Math.max(maxX - minX, maxY - minY) * LANDMARK_CROP_SCALE;
    if (!(refinedSide > 4)) {
      return first;
    }
    return locateIn(image, (minX + maxX) / 2, (minY + maxY) / 2, refinedSide);
  }

  private Landmarks locateIn(RgbImage image, double centerX, double centerY, double side) {
    int size = landmarkLocator.inputSize();
    RgbImage crop = FaceAligner.cropSquare(image, centerX, centerY, side, size);
    Landmarks inCrop = landmarkLocator.locate(List.of(crop)).get(0);
    double scale = side / size;
    double[] xy = inCrop.xy();
    for (int i = 0; i < Landmarks.COUNT; i++) {
      xy[2 * i] = centerX - side / 2 + xy[2 * i] * scale;
      xy[2 * i + 1] = centerY - side / 2 + xy[2 * i + 1] * scale;
    }
    return new Landmarks(xy);
  }

  /**
   * Embeddings of aligned faces, batched: each is the normalised sum of the embeddings of the chip
   * and of its mirror image (measured on LFW folds 1-5: accuracy 97.73% without, 98.17% with).
   */
  public List<Embedding> embed(List<AlignedFace> faces) {
    return embedChips(faces.stream().map(AlignedFace::chip).toList());
  }

  /**
   * Embeddings of pose views of {@code face} made by {@code synthesizer} (e.g. the 3D re-rendering
   * at ±20°, ±40°, ±60°), each embedded like a photo's chip; empty when it makes none.
   */
  public List<Embedding> embedViews(FoundFace face, FaceViewSynthesizer synthesizer) {
    return embedChips(synthesizer.synthesize(face.chip(), face.chipLandmarks(), new Random(0)));
  }

  /**
   * The embedding of {@code face}'s chip and its mirror image, from {@code singleView} (the
   * embedding of the chip alone, as {@link #largestFaceSingleView} gives it): only the mirrored
   * chip is embedded. Equals {@link #largestFace}'s embedding of the same photo.
   */
  public Embedding withMirror(FoundFace singleView) {
    return mirrorSum(singleView.embedding(), embedOne(Mirror.horizontal(singleView.chip())));
  }

  private static Embedding mirrorSum(Embedding chip, Embedding mirrored) {
    float[] sum = chip.values();
    float[] other = mirrored.values();
    for (int d = 0; d < sum.length; d++) {
      sum[d] += other[d];
    }
    return Embedding.normalize(sum);
  }

  /**
   * The embedding of a chip aligned elsewhere (e.g. a profile chip, {@code vision.ProfileAligner}),
   * made as {@link #embed} makes a face's: chip plus mirrored chip. The chip must have the
   * embedder's input size.
   */
  public Embedding embedChip(RgbImage chip) {
    return embedChips(List.of(chip)).get(0);
  }

  /** {@link #embed}'s work on aligned chips: chip plus mirrored chip, summed and normalised. */
  private List<Embedding> embedChips(List<RgbImage> faceChips) {
    List<RgbImage> chips = new ArrayList<>(faceChips.size() * 2);
    for (RgbImage chip : faceChips) {
      chips.add(chip);
      chips.add(Mirror.horizontal(chip));
    }
    List<Embedding> both = embedder.embed(chips);
    List<Embedding> averaged = new ArrayList<>(faceChips.size());
    for (int i = 0; i < faceChips.size(); i++) {
      averaged.add(mirrorSum(both.get(2 * i), both.get(2 * i + 1)));
    }
    return averaged;
  }

  /**
   * The largest face of the image with its embedding and chip; fails with {@code no_face} if there
   * is none.
   */
  public FoundFace largestFace(byte[] imageBytes) {
    return largestFace(ProbePhoto.of(imageBytes));
  }

  /** {@link #largestFace(byte[])}, decoding and detecting only if no step has done so yet. */
  public FoundFace largestFace(ProbePhoto photo) {
    AlignedFace face = alignDetected(photo);
    return found(face, embed(List.of(face)).get(0));
  }

  /**
   * {@link #largestFace} with one embedding chip instead of two: the embedding is of the chip
   * alone, without its mirror image (which {@link #withMirror} adds later if needed). Half the
   * embedding work when chips of concurrent calls share forward passes; a lone chip costs about as
   * much as two on this CPU (see {@code DjlFaceEmbedder.embed}). Scores of such a probe against
   * mirror-summed templates differ from the full pipeline's by at most the model's {@link
   * #singleViewMargin} in all but a calibrated share of cases.
   */
  public FoundFace largestFaceSingleView(byte[] imageBytes) {
    return largestFaceSingleView(ProbePhoto.of(imageBytes));
  }

  /** {@link #largestFaceSingleView(byte[])} of a probe that may be detected already. */
  public FoundFace largestFaceSingleView(ProbePhoto photo) {
    AlignedFace face = alignDetected(photo);
    return found(face, embedOne(face.chip()));
  }

  private FoundFace found(AlignedFace face, Embedding embedding) {
    return new FoundFace(
        embedding, face.chip(), aligner.chipLandmarks(face.landmarks()), views.estimate(face));
  }

  /**
   * The decoded photo and its largest face, decoded and detected once per {@code photo} (on the
   * bounded pool when there is one); bad bytes fail with the decoder's codes, no face with {@code
   * no_face}.
   */
  public ProbePhoto.Detected detectLargest(ProbePhoto photo) {
    return photo.detected(bytes -> onStage(() -> detectIn(decode(bytes))));
  }

  private ProbePhoto.Detected detectIn(RgbImage image) {
    FaceBox face = largestFaceBox(image).orElseThrow(FaceRecognizer::noFace);
    return new ProbePhoto.Detected(image, face);
  }

  private AlignedFace alignDetected(ProbePhoto photo) {
    ProbePhoto.Detected found = detectLargest(photo);
    RgbImage image = found.image();
    return onStage(() -> aligner.align(image, found.face(), locateLandmarks(image, found.face())));
  }

  private <T> T onStage(Supplier<T> task) {
    return stage == null ? task.get() : stage.call(task::get);
  }

  /** {@link #largestFaceSingleView}'s embedding; empty if the image has no face. */
  public Optional<Embedding> findLargestSingleView(byte[] imageBytes) {
    return alignLargest(imageBytes).stream().findFirst().map(face -> embedOne(face.chip()));
  }

  private Embedding embedOne(RgbImage chip) {
    return embedder.embed(List.of(chip)).get(0);
  }

  private static FaceException noFace() {
    return new FaceException(
        ErrorCode.NO_FACE,
        "no face found in the image; send a photo where the face is visible, lit and"
            + " at least 40 pixels wide");
  }

  /** The embedding of the largest face in the image; empty if there is none. */
  public Optional<Embedding> findLargest(byte[] imageBytes) {
    List<AlignedFace> faces = alignLargest(imageBytes);
    return faces.isEmpty() ? Optional.empty() : Optional.of(embed(faces).get(0));
  }

  /** Decodes, detects and aligns the largest face, on the bounded pool when there is one. */
  private List<AlignedFace> alignLargest(byte[] imageBytes) {
    return stage == null
        ? alignFaces(decode(imageBytes), false)
        : stage.call(() -> alignFaces(decode(imageBytes), false));
  }

  public FaceEmbedder embedder() {
    return embedder;
  }

  /** The embedding model's name, as the model's card says. */
  public String modelName() {
    return embedder.modelName();
  }

  /** What a gallery of this recognizer's templates records as their model (name and input). */
  public String galleryModelName() {
    return embedder.galleryModelName();
  }

  /** The embedding dimension. */
  public int dimension() {
    return embedder.dimension();
  }

  /** The embedding model's calibrated verify threshold, empty when it is uncalibrated. */
  public OptionalDouble verifyThreshold() {
    return embedder.verifyThreshold();
  }

  /**
   * The embedding model's calibrated single-view margin: how far (in cosine) a single-view probe's
   * score may lie from the mirror-summed probe's score; empty when it is uncalibrated.
   */
  public OptionalDouble singleViewMargin() {
    return embedder.singleViewMargin();
  }

  /** The embedding model's calibrated identification threshold, empty when it has none. */
  public OptionalDouble identifyThreshold() {
    return embedder.identifyThreshold();
  }

  @Override
  public void close() {
    closeAll(owned, null);
  }

  /** Closes in reverse order; failures are added to {@code failure} or thrown at the end. */
  static void closeAll(List<AutoCloseable> resources, RuntimeException failure) {
    RuntimeException first = failure;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("cannot release a pipeline part", e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (failure == null && first != null) {
      throw first;
    }
  }
}
