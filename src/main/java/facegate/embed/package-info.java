/**
 * DJL: the face networks, their translator and a predictor pool. face-api's tfjs weights are read
 * by {@link facegate.embed.TfjsWeights} and converted once by {@link
 * facegate.embed.FaceApiConverter} into DJL parameter files under {@code models/}; at run time
 * {@link facegate.embed.DjlFaceEmbedder}, {@link facegate.embed.DjlLandmarkLocator} and {@link
 * facegate.embed.DjlSsdMobilenet} (the SSD face detection network) load them offline. No DJL type
 * appears in a public signature: callers see core records only. The SSD network is only the
 * network: it implements {@link facegate.core.DetectionNetwork}, and the detector built on it
 * (padding, suppression, boxes in image pixels) is {@code facegate.vision.SsdFaceDetector}.
 *
 * <p>TFJS graph models (tfjs-converter's {@code model.json} + shards) run as shipped through the
 * general importer {@link facegate.embed.TfjsGraph}: an op table ({@code TfjsOps}: spatial, shape
 * and math ops, each a small function on DJL arrays) over the GraphDef nodes, checked against tfjs
 * by {@code TfjsGraphParityTest}. {@link facegate.embed.TfjsImageNetwork} adapts one such graph
 * with a square image input to {@link facegate.core.SquareImageNetwork} (MediaPipe's face
 * detectors; later anti-spoofing and liveness models).
 */
package facegate.embed;
