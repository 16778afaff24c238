package facegate.cli;

import facegate.core.FaceBox;
import facegate.core.FaceException;
import facegate.core.RgbImage;
import facegate.eval.LivenessLabels;
import facegate.eval.LivenessSample;
import facegate.pipeline.FaceRecognizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

/**
 * The liveness features of every labelled frame of a data set: each frame decoded, its largest face
 * found as the service finds it, and the features of it computed (and timed): the texture features
 * of the crops around it, or a network's score. Frames without a face are counted and left out.
 *
 * @param samples the frames with a face, in the labels' order
 * @param noFace the frames where no face was found
 * @param featureMillis per sample, the time the features took (crops, resampling, histograms or the
 *     network)
 * @param detectMillis per frame with a face, the time decoding and detection took
 */
record LivenessFrames(
    List<LivenessSample> samples,
    List<String> noFace,
    double[] featureMillis,
    double[] detectMillis) {

  /** Reads and describes every frame of {@code data} on {@code threads} threads. */
  static LivenessFrames extract(
      Path data,
      List<LivenessLabels> labels,
      FaceRecognizer recognizer,
      BiFunction<RgbImage, FaceBox, double[]> features,
      int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Optional<double[]>>> futures = new ArrayList<>();
      for (LivenessLabels label : labels) {
        futures.add(pool.submit(() -> describe(data.resolve(label.path()), recognizer, features)));
      }
      List<LivenessSample> samples = new ArrayList<>();
      List<String> noFace = new ArrayList<>();
      double[] featureMillis = new double[labels.size()];
      double[] detectMillis = new double[labels.size()];
      for (int i = 0; i < labels.size(); i++) {
        Optional<double[]> described = futures.get(i).get();
        LivenessLabels label = labels.get(i);
        if (described.isEmpty()) {
          noFace.add(label.path());
          continue;
        }
        double[] row = described.get();
        detectMillis[samples.size()] = row[0];
        featureMillis[samples.size()] = row[1];
        samples.add(
            new LivenessSample(
                label.path(),
                label.subject(),
                label.live(),
                Arrays.copyOfRange(row, 2, row.length)));
      }
      return new LivenessFrames(
          List.copyOf(samples),
          List.copyOf(noFace),
          Arrays.copyOf(featureMillis, samples.size()),
          Arrays.copyOf(detectMillis, samples.size()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading frames", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Detection millis, feature millis, then the features; empty without a face. */
  private static Optional<double[]> describe(
      Path file, FaceRecognizer recognizer, BiFunction<RgbImage, FaceBox, double[]> describer) {
    long start = System.nanoTime();
    RgbImage image;
    try {
      image = recognizer.decode(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (FaceException e) {
      throw new FaceException(e.errorCode(), file + ": " + e.getMessage(), e);
    }
    Optional<FaceBox> box = recognizer.largestFaceBox(image);
    long detected = System.nanoTime();
    if (box.isEmpty()) {
      return Optional.empty();
    }
    double[] features = describer.apply(image, box.get());
    long done = System.nanoTime();
    double[] row = new double[features.length + 2];
    row[0] = (detected - start) / 1e6;
    row[1] = (done - detected) / 1e6;
    System.arraycopy(features, 0, row, 2, features.length);
    return Optional.of(row);
  }
}
