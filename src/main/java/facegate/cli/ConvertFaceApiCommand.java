package facegate.cli;

import facegate.embed.FaceApiConverter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Converts face-api's recognition and landmark networks into DJL models under {@code --out}. */
@Command(
    name = "convert-faceapi",
    description = "Convert @vladmandic/face-api tfjs weights to DJL models (offline).")
final class ConvertFaceApiCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--package",
      required = true,
      description = "the unpacked npm package (holds package.json, LICENSE, model/)")
  Path packageDir;

  @Option(names = "--out", defaultValue = "models", description = "output directory")
  Path outDir;

  @Override
  public Integer call() {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    String command = "facegate " + String.join(" ", args);
    List<Path> written = new FaceApiConverter(packageDir, outDir, command).convertAll();
    for (Path dir : written) {
      spec.commandLine().getOut().println("wrote " + dir);
    }
    return 0;
  }
}
