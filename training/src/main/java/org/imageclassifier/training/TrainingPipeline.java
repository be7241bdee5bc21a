package org.imageclassifier.training;

import ai.djl.engine.Engine;
import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imageclassifier.core.model.InferenceException;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelLoadException;
import org.imageclassifier.core.preprocess.Preprocessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training run step by step: load and preprocess Fashion-MNIST, train the CNN, evaluate it on
 * the test images, export it to ONNX and publish it after the parity check.
 */
public final class TrainingPipeline {

  /** Name of the model in model.json. */
  public static final String MODEL_NAME = "fashion-mnist-cnn";

  private static final Logger LOG = LoggerFactory.getLogger(TrainingPipeline.class);

  private TrainingPipeline() {}

  /**
   * Runs the whole job.
   *
   * @return what was written and measured
   * @throws IOException when the data cannot be read or the model cannot be written
   * @throws ParityException when the ONNX export disagrees with the trained network; no model is
   *     written then
   */
  public static JobResult run(JobOptions options)
      throws IOException, ParityException, ModelLoadException, InferenceException {
    Instant started = Instant.now();
    NetworkSpec spec = NetworkSpec.fashionMnistCnn();
    PreparedData data = prepare(spec, options);
    try (TrainedNetwork network = train(spec, data, options.hyperparameters())) {
      Evaluation test = network.evaluate(data.test());
      ContractDraft draft = draft(options, data, network, test, started);
      ParityCheck parity = ParityCheck.against(network, data.test(), options.parityImages());
      ModelProto onnx = OnnxExporter.export(spec, network.block(), MODEL_NAME);
      ParityReport report = ModelPublisher.publish(onnx, draft, parity, options.outputDirectory());
      LOG.info(
          "model written: directory={} version={} testAccuracy={} parityImages={} maxAbsLogitDifference={}",
          options.outputDirectory().toAbsolutePath(),
          options.version(),
          "%.4f".formatted(test.accuracy()),
          report.images(),
          "%.3g".formatted(report.maxAbsDifference()));
      return new JobResult(options.outputDirectory(), options.version(), test, report);
    }
  }

  /** Loads both splits, measures the normalisation on the training images and preprocesses. */
  public static PreparedData prepare(NetworkSpec spec, JobOptions options) throws IOException {
    LabeledImages train =
        FashionMnist.load(options.dataDirectory(), FashionMnist.Split.TRAIN, options.trainLimit());
    LabeledImages test =
        FashionMnist.load(options.dataDirectory(), FashionMnist.Split.TEST, options.testLimit());
    Map<String, String> checksums = FashionMnist.checksums(options.dataDirectory());
    ModelContract.Input input = spec.input(OnnxExporter.INPUT_NAME);
    ModelContract.Preprocessing preprocessing = DatasetEncoder.normalisation(input, train.images());
    Preprocessor preprocessor = new Preprocessor(input, preprocessing);
    LOG.info(
        "data loaded: trainImages={} testImages={} mean={} std={}",
        train.count(),
        test.count(),
        preprocessing.mean()[0],
        preprocessing.std()[0]);
    return new PreparedData(
        input,
        preprocessing,
        DatasetEncoder.encode(preprocessor, train),
        DatasetEncoder.encode(preprocessor, test),
        checksums);
  }

  /** Trains the network and logs one line per epoch. */
  public static TrainedNetwork train(
      NetworkSpec spec, PreparedData data, Hyperparameters settings) {
    return NetworkTrainer.train(
        spec, settings, data.train(), data.test(), metrics -> logEpoch(metrics, settings));
  }

  /**
   * Assembles model.json, apart from the ONNX checksum and the parity report.
   *
   * @param started start of the run; the end is now
   */
  public static ContractDraft draft(
      JobOptions options,
      PreparedData data,
      TrainedNetwork network,
      Evaluation test,
      Instant started) {
    Instant finished = Instant.now();
    Hyperparameters settings = options.hyperparameters();
    TrainingProvenance provenance =
        new TrainingProvenance(
            dataset(options, data),
            hyperparameters(settings),
            settings.seed(),
            settings.epochs(),
            test.accuracy(),
            test.loss(),
            network.history(),
            network.parameterCount(),
            network.spec().describe(),
            started.toString(),
            finished.toString(),
            Duration.between(started, finished).toMillis() / 1000.0,
            software(),
            null);
    return new ContractDraft(
        MODEL_NAME,
        options.version(),
        data.input(),
        data.preprocessing(),
        FashionMnist.LABELS,
        provenance);
  }

  private static TrainingProvenance.DatasetInfo dataset(JobOptions options, PreparedData data) {
    return new TrainingProvenance.DatasetInfo(
        FashionMnist.NAME,
        options.dataDirectory().toAbsolutePath().normalize().toString(),
        data.checksums(),
        data.train().count(),
        data.test().count());
  }

  private static Map<String, Object> hyperparameters(Hyperparameters settings) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("optimizer", "adam");
    values.put("learningRate", settings.learningRate());
    values.put("batchSize", settings.batchSize());
    values.put("loss", "softmax cross-entropy");
    return values;
  }

  private static Map<String, String> software() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("djl", Engine.getDjlVersion());
    versions.put("pytorch", Engine.getEngine(NetworkTrainer.ENGINE).getVersion());
    versions.put("java", Runtime.version().toString());
    versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    return versions;
  }

  private static void logEpoch(EpochMetrics metrics, Hyperparameters settings) {
    LOG.info(
        "epoch {}/{}: trainLoss={} trainAccuracy={} testLoss={} testAccuracy={} elapsedSeconds={}",
        metrics.epoch(),
        settings.epochs(),
        "%.4f".formatted(metrics.trainLoss()),
        "%.4f".formatted(metrics.trainAccuracy()),
        "%.4f".formatted(metrics.testLoss()),
        "%.4f".formatted(metrics.testAccuracy()),
        "%.1f".formatted(metrics.elapsedSeconds()));
  }
}
