package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkTrainerTest {

  private static final Architecture ARCHITECTURE =
      new Architecture(List.of(8, 16), 1, true, 0.25f, false);
  private static final NetworkSpec SPEC = NetworkSpec.of(1, 28, 28, 10, ARCHITECTURE);

  private static PreparedData data;

  @TempDir Path temp;

  @BeforeAll
  static void prepareSmallSet() throws IOException {
    System.setProperty("ai.djl.offline", "true");
    IdxDataset train = IdxDataset.read(TestData.fashionTrain(), FashionMnist.LABELS, 300);
    IdxDataset test = IdxDataset.read(TestData.fashionTest(), FashionMnist.LABELS, 100);
    DataChannels channels =
        new DataChannels(
            train,
            DatasetEncoder.all(train),
            test,
            DatasetEncoder.all(test),
            "channel",
            null,
            TestData.fashionTrain(),
            null,
            null);
    data = TrainingPipeline.prepare(SPEC, channels);
  }

  private static Hyperparameters settings(int epochs, int seed) {
    Hyperparameters.Optimization optimization =
        new Hyperparameters.Optimization(
            Hyperparameters.OptimizerKind.ADAM,
            0.003f,
            0.9f,
            0f,
            Hyperparameters.ScheduleKind.COSINE,
            0,
            10,
            0.1f);
    return new Hyperparameters(
        epochs,
        32,
        seed,
        optimization,
        ARCHITECTURE,
        new Hyperparameters.Augmentation(2, true),
        Hyperparameters.DataSettings.DEFAULT);
  }

  private static NetworkTrainer.Inputs inputs(Hyperparameters settings) {
    return new NetworkTrainer.Inputs(
        SPEC,
        settings,
        data.train(),
        data.validation(),
        DatasetEncoder.blackValue(data.preprocessing()),
        null);
  }

  @Test
  void sameSeedGivesSameWeights() {
    float[][] first = trainAndPredict(settings(1, 7));
    float[][] second = trainAndPredict(settings(1, 7));

    assertThat(second).isDeepEqualTo(first);
  }

  @Test
  void otherSeedGivesOtherWeights() {
    float[][] first = trainAndPredict(settings(1, 7));
    float[][] second = trainAndPredict(settings(1, 8));

    assertThat(second[0]).isNotEqualTo(first[0]);
  }

  @Test
  void historyRecordsEveryEpoch() {
    try (TrainedNetwork network =
        NetworkTrainer.train(inputs(settings(2, 7)), new NetworkTrainer.Listener() {})) {
      List<EpochMetrics> history = network.history();

      assertThat(history).extracting(EpochMetrics::epoch).containsExactly(1, 2);
      assertThat(history.get(1).validationAccuracy()).isBetween(0.0, 1.0);
      assertThat(history.get(1).learningRate()).isLessThan(history.get(0).learningRate());
      assertThat(history.get(1).elapsedSeconds()).isGreaterThan(history.get(0).elapsedSeconds());
    }
  }

  @Test
  void finishedCheckpointResumesWithoutTraining() throws Exception {
    CheckpointStore store = new CheckpointStore(temp.resolve("checkpoints"));
    float[][] trained;
    try (TrainedNetwork network =
        new NetworkTrainer(
                inputs(settings(1, 7)),
                store,
                "run-a",
                new StopSignal(),
                new NetworkTrainer.Listener() {})
            .train()) {
      trained = network.logits(data.validation());
    }
    List<Integer> batches = new java.util.ArrayList<>();
    NetworkTrainer.Listener counting =
        new NetworkTrainer.Listener() {
          @Override
          public void onBatch(int epoch, int batch, int total) {
            batches.add(batch);
          }
        };

    try (TrainedNetwork resumed =
        new NetworkTrainer(inputs(settings(1, 7)), store, "run-a", new StopSignal(), counting)
            .train()) {
      assertThat(batches).isEmpty();
      assertThat(resumed.logits(data.validation())).isDeepEqualTo(trained);
      assertThat(resumed.history()).hasSize(1);
    }
  }

  @Test
  void checkpointOfOtherRunRejected() throws Exception {
    CheckpointStore store = new CheckpointStore(temp.resolve("checkpoints"));
    new NetworkTrainer(
            inputs(settings(1, 7)),
            store,
            "run-a",
            new StopSignal(),
            new NetworkTrainer.Listener() {})
        .train()
        .close();

    NetworkTrainer other =
        new NetworkTrainer(
            inputs(settings(1, 7)),
            store,
            "run-b",
            new StopSignal(),
            new NetworkTrainer.Listener() {});

    assertThatThrownBy(other::train)
        .isInstanceOf(CheckpointMismatchException.class)
        .hasMessageContaining("fingerprint run-a, this run run-b")
        .hasMessageEndingWith(
            "Empty the checkpoint folder or give the job a new checkpoint location.");
  }

  @Test
  void stopRequestSavesMidEpochCheckpoint() throws Exception {
    CheckpointStore store = new CheckpointStore(temp.resolve("checkpoints"));
    StopSignal stop = new StopSignal();
    NetworkTrainer.Listener stopAfterThirdBatch =
        new NetworkTrainer.Listener() {
          @Override
          public void onBatch(int epoch, int batch, int total) {
            if (batch == 3) {
              stop.request();
            }
          }
        };
    NetworkTrainer trainer =
        new NetworkTrainer(inputs(settings(2, 7)), store, "run-a", stop, stopAfterThirdBatch);

    assertThatThrownBy(trainer::train)
        .isInstanceOf(TrainingStoppedException.class)
        .hasMessageContaining("resumes at epoch 1, batch 3");
    TrainingState state =
        org.imageclassifier.core.model.ModelPackage.mapper()
            .readValue(store.directory().resolve("checkpoint.json").toFile(), TrainingState.class);
    assertThat(state.completedEpochs()).isZero();
    assertThat(state.nextBatch()).isEqualTo(3);
    assertThat(state.seen()).isEqualTo(96);
  }

  @Test
  void resumedTrainingUpdatesLoadedWeights() throws Exception {
    CheckpointStore store = new CheckpointStore(temp.resolve("checkpoints"));
    StopSignal stop = new StopSignal();
    NetworkTrainer.Listener stopAfterFirstEpoch =
        new NetworkTrainer.Listener() {
          @Override
          public void onEpoch(EpochMetrics metrics, double remainingSeconds) {
            stop.request();
          }
        };
    NetworkTrainer first =
        new NetworkTrainer(inputs(settings(2, 7)), store, "run-a", stop, stopAfterFirstEpoch);
    assertThatThrownBy(first::train).isInstanceOf(TrainingStoppedException.class);
    float[][] checkpointed;
    try (TrainedNetwork loaded =
        new NetworkTrainer(
                inputs(settings(1, 7)),
                store,
                "run-a",
                new StopSignal(),
                new NetworkTrainer.Listener() {})
            .train()) {
      checkpointed = loaded.logits(data.validation());
    }

    try (TrainedNetwork resumed =
        new NetworkTrainer(
                inputs(settings(2, 7)),
                store,
                "run-a",
                new StopSignal(),
                new NetworkTrainer.Listener() {})
            .train()) {
      List<EpochMetrics> history = resumed.history();
      assertThat(history).hasSize(2);
      assertThat(history.get(1).trainLoss()).isLessThan(history.get(0).trainLoss());
      assertThat(resumed.logits(data.validation())[0]).isNotEqualTo(checkpointed[0]);
    }
  }

  @Test
  void initialWeightsReplaceRandomStart() throws Exception {
    CheckpointStore store = new CheckpointStore(temp.resolve("first"));
    float[][] trained;
    try (TrainedNetwork network =
        new NetworkTrainer(
                inputs(settings(2, 7)),
                store,
                "run-a",
                new StopSignal(),
                new NetworkTrainer.Listener() {})
            .train()) {
      trained = network.logits(data.validation());
    }
    Hyperparameters settings = settings(1, 7);
    NetworkTrainer.Inputs warm =
        new NetworkTrainer.Inputs(
            SPEC,
            settings,
            data.train(),
            data.validation(),
            DatasetEncoder.blackValue(data.preprocessing()),
            store.directory().resolve(CheckpointStore.PARAMETERS_FILE));

    try (TrainedNetwork network = NetworkTrainer.train(warm, new NetworkTrainer.Listener() {});
        TrainedNetwork cold =
            NetworkTrainer.train(inputs(settings), new NetworkTrainer.Listener() {})) {
      double warmLoss = network.history().getFirst().trainLoss();
      double coldLoss = cold.history().getFirst().trainLoss();
      assertThat(warmLoss).isLessThan(coldLoss);
      assertThat(network.logits(data.validation())[0]).isNotEqualTo(trained[0]);
    }
  }

  private static float[][] trainAndPredict(Hyperparameters settings) {
    try (TrainedNetwork network =
        NetworkTrainer.train(inputs(settings), new NetworkTrainer.Listener() {})) {
      return network.logits(data.validation());
    }
  }
}
