/**
 * Training of embedding networks: labelled face datasets cached as aligned chips, identity splits,
 * the PK batch sampler, triplet losses and miners on DJL arrays, augmentation, backbones (the
 * imported dlib ResNet to fine-tune, a small network from scratch) and the training loop with its
 * checkpoints, validation and manifest.
 */
package facegate.train;
