package org.imageclassifier.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Provenance of a trained model, stored as the {@code training} object of model.json.
 *
 * @param dataset the data the model was trained and tested on
 * @param hyperparameters optimiser, loss, batch size and learning rate
 * @param seed the run's random seed
 * @param epochs passes over the training set
 * @param testAccuracy accuracy on the test images after the last epoch, in [0, 1]
 * @param testLoss mean cross-entropy on the test images after the last epoch
 * @param history per-epoch metrics
 * @param parameterCount trained scalar parameters
 * @param architecture one description per layer, in order
 * @param startedAt UTC start of the run, ISO-8601
 * @param finishedAt UTC end of training and evaluation, before the export, ISO-8601
 * @param durationSeconds seconds from start to finish
 * @param software library and runtime versions
 * @param parity the ONNX parity check, or null before it ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingProvenance(
    DatasetInfo dataset,
    Map<String, Object> hyperparameters,
    int seed,
    int epochs,
    double testAccuracy,
    double testLoss,
    List<EpochMetrics> history,
    long parameterCount,
    List<String> architecture,
    String startedAt,
    String finishedAt,
    double durationSeconds,
    Map<String, String> software,
    ParityReport parity) {

  /**
   * The training data.
   *
   * @param name data set name
   * @param source folder the IDX files were read from
   * @param sha256 lowercase hex SHA-256 of each IDX file, by file name
   * @param trainImages training images used
   * @param testImages test images used
   */
  public record DatasetInfo(
      String name, String source, Map<String, String> sha256, int trainImages, int testImages) {}

  /** Returns a copy with the parity report set. */
  public TrainingProvenance withParity(ParityReport report) {
    return new TrainingProvenance(
        dataset,
        hyperparameters,
        seed,
        epochs,
        testAccuracy,
        testLoss,
        history,
        parameterCount,
        architecture,
        startedAt,
        finishedAt,
        durationSeconds,
        software,
        report);
  }
}
