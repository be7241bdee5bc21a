package org.imageclassifier.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Provenance of a trained model, stored as the {@code training} object of model.json.
 *
 * @param dataset the channels the model was trained, validated and tested on
 * @param hyperparameters the hyperparameters exactly as given to the job
 * @param seed the run's random seed
 * @param epochs passes over the training set
 * @param summary the final evaluation
 * @param history per-epoch metrics
 * @param parameterCount scalar parameters, batch-norm running statistics included
 * @param architecture one description per layer, in order
 * @param startedAt UTC start of the job that wrote the model, ISO-8601
 * @param finishedAt UTC end of training and evaluation, before the export, ISO-8601
 * @param trainingSeconds wall-clock seconds spent training, summed over resumed runs
 * @param software library and runtime versions
 * @param parity the ONNX parity check, or null before it ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingProvenance(
    DatasetInfo dataset,
    Map<String, String> hyperparameters,
    int seed,
    int epochs,
    Summary summary,
    List<EpochMetrics> history,
    long parameterCount,
    List<String> architecture,
    String startedAt,
    String finishedAt,
    double trainingSeconds,
    Map<String, String> software,
    ParityReport parity) {

  /**
   * The data channels.
   *
   * @param train the training channel
   * @param trainImages images trained on
   * @param validation where the validation images came from: {@code channel}, {@code held-out} (a
   *     stratified part of the training channel) or {@code none}
   * @param validationImages validation images
   * @param test the test channel, or null
   * @param testImages test images, 0 without a test channel
   * @param initialWeights the {@code model} channel's parameters that training started from, or
   *     null when it started from a random initialisation
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DatasetInfo(
      ChannelInfo train,
      int trainImages,
      String validation,
      int validationImages,
      ChannelInfo test,
      int testImages,
      ChannelInfo initialWeights) {}

  /**
   * One data channel.
   *
   * @param source folder the channel was read from
   * @param format {@code idx}, {@code image-folder} or {@code djl-parameters}
   * @param sha256 lowercase hex SHA-256 digests, by file name
   */
  public record ChannelInfo(String source, String format, Map<String, String> sha256) {}

  /**
   * The final evaluation, the headline of {@code metrics.json}.
   *
   * @param split {@code test}, or {@code validation} without a test channel
   * @param images images evaluated
   * @param accuracy share classified correctly, in [0, 1]
   * @param loss mean cross-entropy
   * @param macroF1 unweighted mean of the per-class F1 scores
   * @param expectedCalibrationError expected calibration error of the top-class probability
   */
  public record Summary(
      String split,
      int images,
      double accuracy,
      double loss,
      double macroF1,
      double expectedCalibrationError) {}

  /** Returns a copy with the parity report set. */
  public TrainingProvenance withParity(ParityReport report) {
    return new TrainingProvenance(
        dataset,
        hyperparameters,
        seed,
        epochs,
        summary,
        history,
        parameterCount,
        architecture,
        startedAt,
        finishedAt,
        trainingSeconds,
        software,
        report);
  }
}
