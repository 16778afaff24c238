package facegate.cli;

import facegate.train.FaceSample;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code crops}: aligns training datasets once through the real pipeline into their crop caches
 * (what {@code train} also does on first use); prints how many faces each cache holds.
 */
@Command(
    name = "crops",
    description = "Builds the aligned-crop caches of training datasets (train does it on demand).")
final class CropsCommand implements Callable<Integer> {
  @Mixin DatasetOptions datasets;

  @Override
  public Integer call() {
    List<FaceSample> samples = datasets.loadOrBuild("crops");
    long identities = samples.stream().map(FaceSample::identity).distinct().count();
    System.out.printf("faces=%d identities=%d%n", samples.size(), identities);
    return 0;
  }
}
