package facegate.train;

import ai.djl.Device;
import facegate.embed.DlibTail;
import facegate.embed.TrainableNetwork;
import facegate.eval.PairsProtocol;
import facegate.eval.PoseGroupAccuracy;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The data of the CFP cross-validation: CFP faces with their poses and cached trunk features, CFP's
 * two protocols, LFW's pair faces, features and pairs, the CFP identities never trained on (also in
 * the LFW pairs), and optional extra training people (LFW people in no LFW pair, CelebA) screened
 * so that none of them is a CFP or LFW-pairs person ({@link ExtraPeopleScreen}).
 *
 * @param excluded CFP identities (folder names) never trained on
 * @param extra extra training faces (all treated as frontal), possibly empty
 * @param trunkKey fingerprint of the trunk weights and the crop pipeline, for derived caches
 */
public record CfpInputs(
    List<FaceSample> cfp,
    boolean[] profile,
    float[][] cfpFeatures,
    CfpCrossValidation.Pairs frontalProfile,
    CfpCrossValidation.Pairs frontalFrontal,
    List<FaceSample> lfw,
    float[][] lfwFeatures,
    CfpCrossValidation.Pairs lfwPairs,
    Set<String> excluded,
    List<FaceSample> extra,
    float[][] extraFeatures,
    String trunkKey) {
  public CfpInputs {
    cfp = List.copyOf(cfp);
    lfw = List.copyOf(lfw);
    extra = List.copyOf(extra);
    excluded = Set.copyOf(excluded);
    if (profile.length != cfp.size()
        || cfpFeatures.length != 2 * cfp.size()
        || lfwFeatures.length != 2 * lfw.size()
        || extraFeatures.length != 2 * extra.size()) {
      throw new IllegalArgumentException("need one pose and two feature rows per face");
    }
  }

  /**
   * Where the faces come from (already aligned by the crop cache).
   *
   * @param cfpFolder the CFP folder (images/, poses.tsv, names.tsv, protocol/)
   * @param extraFaces extra training faces (may be empty)
   */
  public record Sources(
      Path cfpFolder,
      List<FaceSample> cfpFaces,
      Path lfwImages,
      PairsProtocol lfwProtocol,
      List<FaceSample> lfwFaces,
      List<FaceSample> extraFaces) {}

  /**
   * Reads the protocols, computes (or loads) the trunk features under {@code featureCache} and
   * screens the extra people.
   *
   * @param cropFingerprint the crop cache's fingerprint (part of the features' key)
   */
  public static CfpInputs prepare(
      Sources sources, Path model, Path featureCache, String cropFingerprint, PrintStream log) {
    Path cfpImages = sources.cfpFolder().resolve("images");
    PairsProtocol fp =
        PairsProtocol.read(sources.cfpFolder().resolve("protocol/pairs-FP-folds1-5.txt"));
    PairsProtocol ff =
        PairsProtocol.read(sources.cfpFolder().resolve("protocol/pairs-FF-folds1-5.txt"));
    Map<String, String> poses =
        PoseGroupAccuracy.readLabels(sources.cfpFolder().resolve("poses.tsv"));
    List<FaceSample> cfpFaces = sources.cfpFaces();
    boolean[] profile = new boolean[cfpFaces.size()];
    for (int i = 0; i < profile.length; i++) {
      Path source = Path.of(cfpFaces.get(i).source());
      int n = source.getNameCount();
      profile[i] = "profile".equals(poses.get(source.subpath(n - 2, n).toString()));
    }
    Map<String, String> cfpNames = names(sources.cfpFolder().resolve("names.tsv"));
    Set<String> lfwNames = pairNames(sources.lfwProtocol());
    Set<String> excluded = new HashSet<>();
    cfpNames.forEach(
        (id, name) -> {
          if (lfwNames.contains(name)) {
            excluded.add(id);
          }
        });
    log.printf("%d CFP people are also in the LFW pairs: not trained on%n", excluded.size());
    String trunkKey = model + "|dlib-trunk-stages1-3|" + cropFingerprint;
    try (TrainableNetwork network = TrainableNetwork.load(model, Device.cpu());
        DlibTail tail = DlibTail.of(network)) {
      float[][] cfpFeatures = features(featureCache, "cfp", trunkKey, cfpFaces, tail, log);
      float[][] lfwFeatures =
          features(featureCache, "lfw", trunkKey, sources.lfwFaces(), tail, log);
      float[][] extraFeatures =
          features(featureCache, "extra", trunkKey, sources.extraFaces(), tail, log);
      CfpCrossValidation.Pairs lfwPairs = pairs(sources.lfwProtocol(), sources.lfwImages());
      ExtraPeopleScreen.Kept kept =
          new ExtraPeopleScreen(tail)
              .keep(
                  sources.extraFaces(),
                  extraFeatures,
                  List.of(cfpFaces, sources.lfwFaces()),
                  List.of(cfpFeatures, lfwFeatures),
                  new HashSet<>(cfpNames.values()),
                  log);
      return new CfpInputs(
          cfpFaces,
          profile,
          cfpFeatures,
          pairs(fp, cfpImages),
          pairs(ff, cfpImages),
          sources.lfwFaces(),
          lfwFeatures,
          lfwPairs,
          excluded,
          kept.faces(),
          kept.features(),
          trunkKey);
    }
  }

  /** Every image the LFW pairs name, labelled with its person. */
  public static List<LabelledImage> lfwPairImages(Path lfwImages, PairsProtocol pairs) {
    List<LabelledImage> images = new ArrayList<>();
    for (Path image : pairs.images(lfwImages)) {
      images.add(new LabelledImage(image.getParent().getFileName().toString(), image));
    }
    return images;
  }

  /**
   * LFW people in no pair of {@code pairs} with at least two images, at most {@code maxPerPerson}
   * each (first by name): extra training people disjoint from LFW's test pairs.
   */
  public static List<LabelledImage> lfwExtraImages(
      Path lfwImages, PairsProtocol pairs, int maxPerPerson) {
    Set<String> inPairs = pairNames(pairs);
    Map<String, List<LabelledImage>> byPerson = new TreeMap<>();
    for (LabelledImage image : FaceDatasets.folderPerIdentity(lfwImages)) {
      if (!inPairs.contains(image.identity())) {
        byPerson.computeIfAbsent(image.identity(), k -> new ArrayList<>()).add(image);
      }
    }
    List<LabelledImage> chosen = new ArrayList<>();
    for (List<LabelledImage> images : byPerson.values()) {
      if (images.size() >= 2) {
        chosen.addAll(images.subList(0, Math.min(maxPerPerson, images.size())));
      }
    }
    return chosen;
  }

  /** The training pool: CFP faces then extra faces. */
  public List<FaceSample> pool() {
    List<FaceSample> pool = new ArrayList<>(cfp);
    pool.addAll(extra);
    return pool;
  }

  /** Trunk features of the pool, two rows per face. */
  public float[][] poolFeatures() {
    float[][] rows = new float[cfpFeatures.length + extraFeatures.length][];
    System.arraycopy(cfpFeatures, 0, rows, 0, cfpFeatures.length);
    System.arraycopy(extraFeatures, 0, rows, cfpFeatures.length, extraFeatures.length);
    return rows;
  }

  /** Pose of each pool face (extra faces count as frontal). */
  public boolean[] poolProfile() {
    boolean[] rows = new boolean[cfp.size() + extra.size()];
    System.arraycopy(profile, 0, rows, 0, profile.length);
    return rows;
  }

  private static float[][] features(
      Path cache,
      String name,
      String trunkKey,
      List<FaceSample> faces,
      DlibTail tail,
      PrintStream log) {
    if (faces.isEmpty()) {
      return new float[0][];
    }
    String key = trunkKey + "|" + faces.stream().map(FaceSample::source).toList().hashCode();
    int[] last = {0};
    return TrunkFeatureCache.loadOrCompute(
        cache.resolve(name + ".bin"),
        key,
        faces,
        tail,
        done -> {
          if (done - last[0] >= 512 || done == faces.size()) {
            log.printf("trunk %s: %d/%d faces%n", name, done, faces.size());
            last[0] = done;
          }
        });
  }

  /** Pairs of a protocol as the crop cache names their images. */
  static CfpCrossValidation.Pairs pairs(PairsProtocol protocol, Path images) {
    List<String> left = new ArrayList<>();
    List<String> right = new ArrayList<>();
    boolean[] same = new boolean[protocol.pairs().size()];
    int[] folds = new int[same.length];
    for (int i = 0; i < same.length; i++) {
      PairsProtocol.Pair pair = protocol.pairs().get(i);
      left.add(pair.left(images).toString());
      right.add(pair.right(images).toString());
      same[i] = pair.same();
      folds[i] = pair.fold();
    }
    return new CfpCrossValidation.Pairs(left, right, same, folds);
  }

  private static Set<String> pairNames(PairsProtocol pairs) {
    Set<String> names = new HashSet<>();
    pairs
        .pairs()
        .forEach(
            p -> {
              names.add(p.leftName());
              names.add(p.rightName());
            });
    return names;
  }

  /** CFP id to the person's name in LFW spelling (spaces as underscores). */
  private static Map<String, String> names(Path namesTsv) {
    Map<String, String> names = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(namesTsv, StandardCharsets.UTF_8)) {
        String[] fields = line.split("\t");
        if (fields.length == 2) {
          names.put(fields[0], fields[1].strip().replace(' ', '_'));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + namesTsv, e);
    }
    return names;
  }
}
