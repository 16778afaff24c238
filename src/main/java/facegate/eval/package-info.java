/**
 * Evaluation: verification protocols (LFW pairs, k-fold thresholds, ROC, DET, TAR@FAR, EER, AUC),
 * verification as binary classification (logistic regression on pair features, cross-validated by
 * fold), one-shot open-set identification (CMC, DIR at FPIR), accuracy by pose group, and the HTML
 * reports with their JFreeChart plots.
 */
package facegate.eval;
