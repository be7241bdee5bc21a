package org.imageclassifier.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The data of a job: the {@code train} channel, the validation images (the {@code validation}
 * channel, or a stratified part of the training channel held out with the run's seed) and the
 * optional {@code test} channel. Test images are evaluated once, after training, and never choose
 * anything.
 *
 * @param train the training channel
 * @param trainIndices the training channel's images used for training
 * @param validation the data set of the validation images, or null without validation
 * @param validationIndices which of its images validate
 * @param validationSource {@code channel}, {@code held-out} or {@code none}
 * @param test the test channel, or null
 * @param trainPath folder of the training channel
 * @param testPath folder of the test channel, or null
 * @param initialWeights the parameter file of the optional {@code model} channel, which training
 *     starts from instead of a random initialisation, or null
 */
public record DataChannels(
    LabeledDataset train,
    int[] trainIndices,
    LabeledDataset validation,
    int[] validationIndices,
    String validationSource,
    LabeledDataset test,
    Path trainPath,
    Path testPath,
    Path initialWeights) {

  /** Name of the required channel. */
  public static final String TRAIN = "train";

  /**
   * Reads the channels.
   *
   * @throws DatasetException when the training channel is missing, a channel is invalid or the
   *     channels disagree on the classes
   */
  public static DataChannels load(JobPaths paths, JobSettings settings) throws IOException {
    Path trainPath = paths.channel(TRAIN);
    if (!Files.isDirectory(trainPath)) {
      throw new DatasetException(
          "Training channel not found: %s. Give the job a channel named train with IDX files or one image folder per class."
              .formatted(trainPath));
    }
    Hyperparameters.DataSettings data = settings.hyperparameters().data();
    LabeledDataset train = read(trainPath, settings, data.trainLimit());
    LabeledDataset validation = optional(paths.channel("validation"), settings, 0, train);
    LabeledDataset test = optional(paths.channel("test"), settings, data.testLimit(), train);
    Path testPath = test == null ? null : paths.channel("test");
    Path weights = initialWeights(paths);
    if (validation != null) {
      int[] all = DatasetEncoder.all(validation);
      return new DataChannels(
          train,
          DatasetEncoder.all(train),
          validation,
          all,
          "channel",
          test,
          trainPath,
          testPath,
          weights);
    }
    if (data.validationFraction() > 0) {
      StratifiedSplit split = split(train, data.validationFraction(), settings);
      return new DataChannels(
          train,
          split.train(),
          train,
          split.heldOut(),
          "held-out",
          test,
          trainPath,
          testPath,
          weights);
    }
    return new DataChannels(
        train,
        DatasetEncoder.all(train),
        null,
        new int[0],
        "none",
        test,
        trainPath,
        testPath,
        weights);
  }

  /**
   * Returns the parameter file of the {@code model} channel, SageMaker's channel for incremental
   * training, or null without that channel.
   */
  private static Path initialWeights(JobPaths paths) throws DatasetException {
    Path channel = paths.channel("model");
    if (!Files.isDirectory(channel)) {
      return null;
    }
    Path file = channel.resolve(CheckpointStore.PARAMETERS_FILE);
    if (!Files.isRegularFile(file)) {
      throw new DatasetException(
          "The model channel %s has no %s. Point it at the checkpoint folder of an earlier run."
              .formatted(channel, CheckpointStore.PARAMETERS_FILE));
    }
    return file;
  }

  private static StratifiedSplit split(
      LabeledDataset train, double fraction, JobSettings settings) {
    return StratifiedSplit.of(
        train.labels(), train.classes().size(), fraction, settings.hyperparameters().seed());
  }

  private static LabeledDataset optional(
      Path directory, JobSettings settings, int limit, LabeledDataset train) throws IOException {
    if (!Files.isDirectory(directory)) {
      return null;
    }
    LabeledDataset dataset = read(directory, settings, limit);
    if (!dataset.classes().equals(train.classes())) {
      throw new DatasetException(
          "Channel %s has the classes %s but the training channel has %s. Give every channel the same class folders."
              .formatted(directory, dataset.classes(), train.classes()));
    }
    return dataset;
  }

  /** Reads IDX files when the folder has them, else class subfolders of images. */
  static LabeledDataset read(Path directory, JobSettings settings, int limit) throws IOException {
    if (IdxDataset.isIdx(directory)) {
      List<String> classes =
          settings.classNames() != null ? settings.classNames() : FashionMnist.LABELS;
      return IdxDataset.read(directory, classes, limit);
    }
    Hyperparameters.DataSettings data = settings.hyperparameters().data();
    return FolderDataset.read(directory, data.channels(), data.imageSize());
  }
}
