package facegate.pose;

import ai.djl.ndarray.NDArray;

/**
 * The render-repair losses, on NCHW images in [-1, 1], unit-length embeddings {@code [N, d]} and
 * PatchGAN scores. Each returns a scalar; the adversarial terms are least squares (LSGAN, Mao et
 * al. 2017). A symmetry term (TP-GAN) is not among them: it holds for frontal outputs only, and the
 * repaired faces keep the photo's own pose.
 */
final class RepairLosses {
  private RepairLosses() {}

  /** Mean absolute difference. */
  static NDArray l1(NDArray repaired, NDArray truth) {
    return repaired.sub(truth).abs().mean();
  }

  /** 1 − the mean cosine of matching rows of two unit-length embedding batches. */
  static NDArray identity(NDArray embeddings, NDArray sourceEmbeddings) {
    return embeddings.mul(sourceEmbeddings).sum(new int[] {1}).mean().neg().add(1);
  }

  /** The generator's adversarial term: mean (D(fake) − 1)². */
  static NDArray generatorAdversarial(NDArray fakeScores) {
    return fakeScores.sub(1).square().mean();
  }

  /** The discriminator's loss: mean (D(real) − 1)² + mean D(fake)². */
  static NDArray discriminator(NDArray realScores, NDArray fakeScores) {
    return realScores.sub(1).square().mean().add(fakeScores.square().mean());
  }

  /** Anisotropic total variation: mean |vertical step| + mean |horizontal step|. */
  static NDArray totalVariation(NDArray images) {
    long h = images.getShape().get(2);
    long w = images.getShape().get(3);
    NDArray vertical = images.get(":, :, 1:, :").sub(images.get(":, :, :" + (h - 1) + ", :"));
    NDArray horizontal = images.get(":, :, :, 1:").sub(images.get(":, :, :, :" + (w - 1)));
    return vertical.abs().mean().add(horizontal.abs().mean());
  }
}
