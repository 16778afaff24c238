/**
 * Training of embedding networks: labelled face datasets cached as aligned chips, identity splits,
 * the PK batch sampler, triplet losses and miners on DJL arrays, augmentation, backbones (the
 * imported dlib ResNet to fine-tune, a small network from scratch), the embedding trainer (on
 * {@link facegate.core.TrainingLoop}) with its validation, checkpoint and early-stopping listeners,
 * the starting network of a run, its manifest, and the scoring of a held-out fold.
 */
package facegate.train;
