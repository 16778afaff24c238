package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * One TFJS graph op on DJL arrays. Tensors keep TensorFlow's layout (NHWC for images); ops that
 * need PyTorch's NCHW transpose around the call. Arrays an op creates from scratch go to {@code
 * manager}, the caller's per-run manager.
 */
@FunctionalInterface
interface TfjsOp {
  NDArray apply(TfjsGraphNode node, NDList inputs, NDManager manager);
}
