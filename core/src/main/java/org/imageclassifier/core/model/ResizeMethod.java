package org.imageclassifier.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Resampling method used to bring an image to the model's input size. */
public enum ResizeMethod {
  /**
   * Area averaging when shrinking: each output pixel is the mean of the source pixels it covers,
   * weighted by the covered area, so there is no aliasing. Bilinear interpolation when enlarging.
   */
  AREA,
  /** Bilinear interpolation in both directions; aliases when shrinking by more than 2x. */
  BILINEAR;

  /** Returns the lowercase name used in model.json. */
  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the model.json name, ignoring case.
   *
   * @throws IllegalArgumentException when the name is not area or bilinear
   */
  @JsonCreator
  public static ResizeMethod fromJson(String value) {
    for (ResizeMethod method : values()) {
      if (method.jsonName().equalsIgnoreCase(value)) {
        return method;
      }
    }
    throw new IllegalArgumentException(
        "Invalid resize method '" + value + "': expected area or bilinear");
  }
}
