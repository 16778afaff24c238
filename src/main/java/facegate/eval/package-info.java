/**
 * Evaluation: verification protocols (LFW pairs, k-fold thresholds, ROC, TAR@FAR, EER, AUC) and the
 * runs that score a model on them.
 */
package facegate.eval;
