package facegate.cli;

import facegate.eval.PairsProtocol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A fold's pairs as the crop cache names their images: left and right files, and the labels. */
record FoldPairs(List<String> left, List<String> right, boolean[] same) {
  static FoldPairs of(List<PairsProtocol.Pair> fold, Path images) {
    List<String> left = new ArrayList<>();
    List<String> right = new ArrayList<>();
    boolean[] same = new boolean[fold.size()];
    for (int i = 0; i < fold.size(); i++) {
      left.add(fold.get(i).left(images).toString());
      right.add(fold.get(i).right(images).toString());
      same[i] = fold.get(i).same();
    }
    return new FoldPairs(left, right, same);
  }
}
