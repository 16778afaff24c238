package facegate.cli;

import facegate.core.AlignedFace;
import facegate.eval.PairsProtocol;
import facegate.pipeline.Composition;
import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.PipelineSettings;
import facegate.train.CropCache;
import facegate.train.FaceCropper;
import facegate.train.FaceDatasets;
import facegate.train.FaceSample;
import facegate.train.LabelledImage;
import facegate.vision.FaceAligner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The training datasets and their crop caches: folder-per-identity trees and CelebA-style identity
 * lists, each aligned once by the real pipeline and cached.
 */
final class DatasetOptions {
  @Option(
      names = "--folder-dataset",
      description = "Folder-per-identity image tree (LFW layout); repeatable.")
  List<Path> folderDatasets = new ArrayList<>();

  @Option(
      names = "--list-dataset",
      description =
          "`image identity` list (CelebA layout), images in the `images` folder beside it;"
              + " repeatable.")
  List<Path> listDatasets = new ArrayList<>();

  @Option(
      names = "--crop-cache",
      defaultValue = "target/crops",
      description = "Folder of the aligned-crop caches (default: ${DEFAULT-VALUE}).")
  Path cacheRoot;

  @Option(
      names = "--landmark-model",
      defaultValue = "models/landmark68-faceapi",
      description = "Landmark model folder (default: ${DEFAULT-VALUE}).")
  Path landmarkModel;

  @Option(
      names = "--detector-model",
      defaultValue = "models/ssd-mobilenetv1-faceapi",
      description = "SSD detector folder (default: ${DEFAULT-VALUE}).")
  Path detectorModel;

  @Option(
      names = "--align-model",
      defaultValue = "models/dlib-resnet-faceapi",
      description =
          "Embedding model whose chip size the crops take; its weights are not used"
              + " (default: ${DEFAULT-VALUE}).")
  Path alignModel;

  @Option(
      names = "--crop-threads",
      defaultValue = "2",
      description = "Images aligned at once while building a cache (default: ${DEFAULT-VALUE}).")
  int cropThreads;

  @Option(
      names = "--max-images-per-identity",
      defaultValue = "0",
      description =
          "Use at most this many images of each identity (the first by file name); 0 = all"
              + " (default: ${DEFAULT-VALUE}).")
  int maxImagesPerIdentity;

  @Option(
      names = "--keep-pairs",
      description =
          "LFW-format pairs file whose images of --folder-dataset are always kept, whatever"
              + " --max-images-per-identity says (so that they can be tested).")
  Path keepPairs;

  /** One dataset to cache: a name for its cache folder and its images. */
  record Source(String name, List<LabelledImage> images) {}

  /** Every dataset given, listed (not yet aligned). */
  List<Source> sources() {
    List<Source> sources = new ArrayList<>();
    for (Path folder : folderDatasets) {
      List<LabelledImage> images = FaceDatasets.folderPerIdentity(folder);
      Set<Path> kept =
          keepPairs == null
              ? Set.of()
              : new HashSet<>(PairsProtocol.read(keepPairs).images(folder));
      sources.add(new Source(name(folder, "images"), capped(images, kept)));
    }
    for (Path list : listDatasets) {
      Path images = list.toAbsolutePath().getParent().resolve("images");
      String name = name(list.toAbsolutePath().getParent(), "");
      sources.add(
          new Source(name, capped(FaceDatasets.identityList(list, images, name + ":"), Set.of())));
    }
    if (sources.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "give --folder-dataset and/or --list-dataset");
    }
    return sources;
  }

  /**
   * Aligned faces of every dataset, from the caches, building what is missing first.
   *
   * @param progressLabel prefix of the progress bar while building
   */
  List<FaceSample> loadOrBuild(String progressLabel) {
    List<FaceSample> samples = new ArrayList<>();
    for (Source source : sources()) {
      samples.addAll(loadOrBuild(source, progressLabel));
    }
    return samples;
  }

  /** Aligned faces of one dataset, from its cache, building what is missing first. */
  List<FaceSample> loadOrBuild(Source source, String progressLabel) {
    CropCache cache = CropCache.at(cacheRoot, source.name(), fingerprint(), 150);
    if (!cache.isComplete(source.images())) {
      try (FaceRecognizer recognizer = openRecognizer(cropThreads)) {
        ProgressBar bar =
            new ProgressBar(
                System.err, progressLabel + " " + source.name(), source.images().size());
        int faces = cache.build(source.images(), cropper(recognizer), cropThreads, bar::update);
        System.err.printf(
            "%s: %d of %d images have a face (cache %s)%n",
            source.name(), faces, source.images().size(), cache.dir());
      }
    }
    return cache.load(source.images());
  }

  /** A dataset named after {@code folder} (as {@code --folder-dataset} names it). */
  static Source source(Path folder, List<LabelledImage> images) {
    return new Source(name(folder, "images"), images);
  }

  /**
   * At most {@link #maxImagesPerIdentity} images per identity, plus every image in {@code kept}.
   */
  private List<LabelledImage> capped(List<LabelledImage> images, Set<Path> kept) {
    if (maxImagesPerIdentity <= 0) {
      return images;
    }
    Map<String, Integer> counts = new HashMap<>();
    List<LabelledImage> chosen = new ArrayList<>();
    for (LabelledImage image : images) {
      int count = counts.merge(image.identity(), 1, Integer::sum);
      if (count <= maxImagesPerIdentity || kept.contains(image.path())) {
        chosen.add(image);
      }
    }
    return chosen;
  }

  /** These options as command-line arguments, for a child {@code train} over the same data. */
  List<String> asArguments() {
    List<String> args = new ArrayList<>();
    folderDatasets.forEach(f -> args.addAll(List.of("--folder-dataset", f.toString())));
    listDatasets.forEach(f -> args.addAll(List.of("--list-dataset", f.toString())));
    args.addAll(List.of("--crop-cache", cacheRoot.toString()));
    args.addAll(List.of("--landmark-model", landmarkModel.toString()));
    args.addAll(List.of("--detector-model", detectorModel.toString()));
    args.addAll(List.of("--align-model", alignModel.toString()));
    args.addAll(List.of("--crop-threads", Integer.toString(cropThreads)));
    args.addAll(List.of("--max-images-per-identity", Integer.toString(maxImagesPerIdentity)));
    if (keepPairs != null) {
      args.addAll(List.of("--keep-pairs", keepPairs.toString()));
    }
    return args;
  }

  /** The pipeline the crops are cut by; its embedding network is the --align-model's. */
  FaceRecognizer openRecognizer(int predictors) {
    return Composition.recognizer(
        new PipelineSettings(alignModel, landmarkModel, detectorModel, predictors, null));
  }

  static FaceCropper cropper(FaceRecognizer recognizer) {
    return (image, bytes) -> {
      List<AlignedFace> faces = recognizer.alignFaces(recognizer.decode(bytes), false);
      if (faces.isEmpty()) {
        return Optional.empty();
      }
      AlignedFace face = faces.get(0);
      FaceAligner aligner = new FaceAligner(face.chip().width(), 0.25);
      return Optional.of(
          new FaceSample(
              image.identity(),
              image.path().toString(),
              face.chip(),
              aligner.chipLandmarks(face.landmarks())));
    };
  }

  /** The pipeline version, the chip geometry and the detector and landmark parameters. */
  String fingerprint() {
    return ModelOptions.fingerprint(
        List.of("chip150-padding0.25"), List.of(landmarkModel, detectorModel));
  }

  /** A cache name from a dataset path: the folder's name, or its parent's when it is generic. */
  private static String name(Path path, String generic) {
    Path absolute = path.toAbsolutePath().normalize();
    String name = absolute.getFileName().toString();
    if (name.equals(generic) && absolute.getParent() != null) {
      name = absolute.getParent().getFileName().toString();
    }
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
