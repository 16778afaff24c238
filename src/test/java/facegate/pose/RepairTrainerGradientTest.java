package facegate.pose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

/**
 * {@link RepairTrainer#finiteGradients} and {@link PoseGanTrainer#zeroGradients}: the guard that
 * skips an update with NaN or ∞ in it, and what clears such gradients (a gradient collector's own
 * zeroing does not).
 */
class RepairTrainerGradientTest {
  private static boolean finiteAfter(Trainer trainer, float factor) {
    try (GradientCollector collector = trainer.newGradientCollector()) {
      NDArray input = trainer.getManager().create(new float[] {1, 2}, new Shape(1, 2));
      NDArray out = trainer.forward(new NDList(input)).singletonOrThrow();
      collector.backward(out.mul(factor).sum());
    }
    return RepairTrainer.finiteGradients(trainer.getModel());
  }

  @Test
  void finiteGradientsPassNanAndInfinityDoNot() {
    try (Model model = Model.newInstance("guard")) {
      model.setBlock(Linear.builder().setUnits(1).build());
      try (Trainer trainer = model.newTrainer(GanTensors.adamConfig(1e-3f, Loss.l1Loss()))) {
        trainer.initialize(new Shape(1, 2));
        assertTrue(finiteAfter(trainer, 1));
        assertFalse(finiteAfter(trainer, Float.NaN));
        // a collector's zeroing subtracts the gradient from itself: NaN stays NaN
        assertFalse(finiteAfter(trainer, 2));
        PoseGanTrainer.zeroGradients(trainer.getModel());
        assertTrue(finiteAfter(trainer, 2));
        assertFalse(finiteAfter(trainer, Float.POSITIVE_INFINITY));
        PoseGanTrainer.zeroGradients(trainer.getModel());
        assertTrue(finiteAfter(trainer, 1));
      }
    }
  }
}
