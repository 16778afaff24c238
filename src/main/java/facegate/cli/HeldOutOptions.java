package facegate.cli;

import facegate.train.FaceSample;
import facegate.train.IdentitySplit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The identities a generator never trains on and its evaluation uses: {@code train-repair} trains
 * on {@link IdentitySplit#training()}, {@code turn-eval} measures on {@link
 * IdentitySplit#validation()}, with the same fraction and seed.
 */
final class HeldOutOptions {
  @Option(
      names = "--held-out-fraction",
      defaultValue = "0",
      description =
          "Fraction of the identities held out of training for turn-eval (default:"
              + " ${DEFAULT-VALUE}).")
  double fraction;

  @Option(
      names = "--held-out-seed",
      defaultValue = "24",
      description = "Seed choosing the held-out identities (default: ${DEFAULT-VALUE}).")
  long seed;

  IdentitySplit split(List<FaceSample> samples) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("--held-out-fraction must be in [0, 1): " + fraction);
    }
    return IdentitySplit.of(samples, fraction, seed, Set.of());
  }

  String describe() {
    return String.format(Locale.ROOT, "fraction %.3f of identities, seed %d", fraction, seed);
  }
}
