package facegate.api;

import facegate.pose.FaceView;

/**
 * How answers show a face's {@link FaceView}: {@code view} ({@code frontal}, {@code half}, {@code
 * profile} or {@code unknown}) and {@code yawDegrees}, rounded to 0.1 degree, positive when the
 * nose points towards the image's right edge, null when unknown.
 */
final class ViewFields {
  private ViewFields() {}

  /** The yaw rounded to 0.1 degree; null when unknown or when {@code view} is null. */
  static Double yaw(FaceView view) {
    return view == null ? null : view.roundedYawDegrees();
  }

  /** The view's name; null when {@code view} is null. */
  static String name(FaceView view) {
    return view == null ? null : view.view();
  }
}
