package facegate.vision;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.opencv.opencv_core.FileStorage;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Builds OpenCV cascade classifiers from the XML files that ship inside the bytedeco OpenCV jar,
 * parsed from memory (no temporary files). The XML text is read from the classpath once per JVM.
 */
final class CascadeLoader {
  static final String RESOURCE_DIRECTORY =
      "/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/";
  static final String PROFILE = "haarcascade_profileface.xml";

  private static final Map<String, String> XML_BY_NAME = new ConcurrentHashMap<>();

  private CascadeLoader() {}

  /**
   * A new classifier for the cascade file {@code fileName}; the caller closes it.
   *
   * @throws FaceException {@link ErrorCode#MODEL_NOT_FOUND} when the jar lacks the file, {@link
   *     ErrorCode#MODEL_INVALID} when OpenCV cannot read it
   */
  static CascadeClassifier load(String fileName) {
    String xml = XML_BY_NAME.computeIfAbsent(fileName, CascadeLoader::readResource);
    CascadeClassifier classifier = new CascadeClassifier();
    try (FileStorage storage = new FileStorage(xml, FileStorage.READ | FileStorage.MEMORY)) {
      if (!classifier.read(storage.getFirstTopLevelNode()) || classifier.empty()) {
        classifier.close();
        throw new FaceException(
            ErrorCode.MODEL_INVALID,
            "OpenCV could not read the cascade " + fileName + "; check the opencv jar version");
      }
    }
    return classifier;
  }

  private static String readResource(String fileName) {
    try (InputStream in = CascadeLoader.class.getResourceAsStream(RESOURCE_DIRECTORY + fileName)) {
      if (in == null) {
        throw new FaceException(
            ErrorCode.MODEL_NOT_FOUND,
            "cascade "
                + RESOURCE_DIRECTORY
                + fileName
                + " is not on the classpath; add the"
                + " org.bytedeco:opencv linux-x86_64 jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cascade " + fileName, e);
    }
  }
}
