/**
 * JavaCV/OpenCV image work: decoding with limits, face detection, alignment and cropping. Every
 * OpenCV Mat is opened and closed here; the rest of facegate sees core records only.
 */
package facegate.vision;
