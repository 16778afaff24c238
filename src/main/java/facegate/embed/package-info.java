/**
 * The DJL networks: the face embedding network and the landmark network, their translators and
 * predictor pools. DJL types stay inside this package.
 */
package facegate.embed;
