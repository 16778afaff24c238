package facegate.cli;

import facegate.core.AlignedFace;
import facegate.core.Embedding;
import facegate.core.FaceBox;
import facegate.core.FaceException;
import facegate.pipeline.FaceRecognizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code embed}: one JSON line per image with its faces (box, whether alignment fell back to a
 * plain crop, embedding), or its error code.
 */
@Command(name = "embed", description = "Detect, align and embed the faces of images.")
final class EmbedCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", description = "Image files.")
  List<Path> images;

  @Option(names = "--all", description = "Every face, not only the largest.")
  boolean allFaces;

  @Mixin ModelOptions models;

  @Override
  public Integer call() throws IOException {
    int failures = 0;
    try (FaceRecognizer recognizer = models.open(1)) {
      for (Path path : images) {
        try {
          List<AlignedFace> faces =
              recognizer.alignFaces(recognizer.decode(Files.readAllBytes(path)), allFaces);
          List<Embedding> embeddings = recognizer.embed(faces);
          System.out.println(json(path, faces, embeddings));
        } catch (FaceException e) {
          failures++;
          System.out.printf(
              "{\"image\":%s,\"error\":\"%s\",\"message\":%s}%n",
              quote(path.toString()), e.errorCode().code(), quote(e.getMessage()));
        }
      }
    }
    return failures == 0 ? 0 : 1;
  }

  private static String json(Path path, List<AlignedFace> faces, List<Embedding> embeddings) {
    StringJoiner list = new StringJoiner(",", "[", "]");
    for (int i = 0; i < faces.size(); i++) {
      FaceBox box = faces.get(i).box();
      StringJoiner vector = new StringJoiner(",", "[", "]");
      for (float v : embeddings.get(i).values()) {
        vector.add(String.format(Locale.ROOT, "%.6f", v));
      }
      list.add(
          String.format(
              Locale.ROOT,
              "{\"box\":[%.1f,%.1f,%.1f,%.1f],\"view\":\"%s\",\"fallbackCrop\":%s,\"embedding\":%s}",
              box.x(),
              box.y(),
              box.width(),
              box.height(),
              box.view(),
              faces.get(i).fallbackCrop(),
              vector));
    }
    return "{\"image\":" + quote(path.toString()) + ",\"faces\":" + list + "}";
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
