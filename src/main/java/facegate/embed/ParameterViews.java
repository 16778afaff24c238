package facegate.embed;

import ai.djl.ndarray.NDArray;

/**
 * Arrays made from a parameter during a forward pass. DJL attaches an operation's result to the
 * manager of its first operand: a reshape of a parameter's array would belong to the model's
 * manager and live until the model closes, one more native tensor per layer and call (the service
 * leaked about 56 a verify, 11 KB of heap each op in a 10-minute soak, before this).
 */
final class ParameterViews {
  private ParameterViews() {}

  /** {@code derived}, now owned by the manager of {@code input} (freed with the call's arrays). */
  static NDArray ownedLike(NDArray derived, NDArray input) {
    derived.attach(input.getManager());
    return derived;
  }
}
