package org.imageclassifier.training;

import ai.djl.engine.Engine;
import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imageclassifier.core.model.InferenceException;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelLoadException;
import org.imageclassifier.core.preprocess.Preprocessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training job step by step: read the channels, preprocess them with core, train (resuming a
 * checkpoint when there is one), evaluate, export to ONNX and publish the model folder with its
 * report after the parity check.
 */
public final class TrainingPipeline {

  /** Default model name in model.json. */
  public static final String MODEL_NAME = "fashion-mnist-cnn";

  private static final Logger LOG = LoggerFactory.getLogger(TrainingPipeline.class);

  private static final DateTimeFormatter VERSION_FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

  private TrainingPipeline() {}

  /**
   * Runs the whole job.
   *
   * @param out where the per-epoch metrics lines go
   * @return what was written and measured
   * @throws TrainingStoppedException when {@code stop} was requested; a checkpoint was saved
   * @throws ParityException when the ONNX export disagrees with the trained network; no model is
   *     written then
   */
  public static JobResult run(
      JobPaths paths, JobSettings settings, StopSignal stop, PrintStream out, Instant started)
      throws IOException,
          ParityException,
          ModelLoadException,
          InferenceException,
          TrainingStoppedException {
    DataChannels channels = DataChannels.load(paths, settings);
    NetworkSpec spec = spec(channels.train(), settings.hyperparameters());
    PreparedData data = prepare(spec, channels);
    NetworkTrainer trainer =
        new NetworkTrainer(
            inputs(spec, settings.hyperparameters(), data, channels.initialWeights()),
            new CheckpointStore(paths.checkpointDirectory()),
            Fingerprint.of(settings, spec, channels),
            stop,
            new ProgressPrinter(out, settings.hyperparameters().epochs(), System.console()));
    try (TrainedNetwork network = trainer.train()) {
      network.averageWithMirror(settings.testTimeFlip());
      JobResult result = finish(paths, settings, channels, data, network, started);
      out.println(ProgressPrinter.finalLine(result.metrics()));
      out.flush();
      return result;
    }
  }

  private static JobResult finish(
      JobPaths paths,
      JobSettings settings,
      DataChannels channels,
      PreparedData data,
      TrainedNetwork network,
      Instant started)
      throws IOException, ParityException, ModelLoadException, InferenceException {
    List<String> labels = channels.train().classes();
    ClassificationMetrics metrics = evaluate(data, labels, network);
    String version =
        settings.modelVersion() != null ? settings.modelVersion() : VERSION_FORMAT.format(started);
    ContractDraft draft =
        new ContractDraft(
            settings.modelName(),
            version,
            data.input(),
            data.preprocessing(),
            labels,
            settings.confidenceThreshold(),
            provenance(settings, channels, data, network, metrics, started));
    ParityCheck parity =
        ParityCheck.against(network, data.evaluationSet(), settings.parityImages());
    ModelProto onnx =
        OnnxExporter.export(
            network.spec(), network.block(), settings.modelName(), network.averagesWithMirror());
    ReportWriter report =
        new ReportWriter(settings.modelName(), version, metrics, network.history());
    ParityReport parityReport =
        ModelPublisher.publish(onnx, draft, parity, paths.modelDirectory(), report::write);
    logWritten(paths, version, metrics, parityReport);
    return new JobResult(paths.modelDirectory(), version, metrics, parityReport);
  }

  /** Evaluates the network on the test images, or on the validation images without a test set. */
  private static ClassificationMetrics evaluate(
      PreparedData data, List<String> labels, TrainedNetwork network) {
    TensorSet images = data.evaluationSet();
    return ClassificationMetrics.of(
        data.evaluationSplit(), labels, network.logits(images), images.labels());
  }

  private static void logWritten(
      JobPaths paths, String version, ClassificationMetrics metrics, ParityReport parity) {
    LOG.info(
        "model written: directory={} version={} split={} accuracy={} parityImages={} maxAbsLogitDifference={}",
        paths.modelDirectory().toAbsolutePath(),
        version,
        metrics.split(),
        "%.4f".formatted(metrics.accuracy()),
        parity.images(),
        "%.3g".formatted(parity.maxAbsDifference()));
  }

  /** Builds the network for the training channel's input size and classes. */
  public static NetworkSpec spec(LabeledDataset train, Hyperparameters settings) {
    int classes = train.classes().size();
    if (train instanceof IdxDataset idx) {
      IdxImages images = idx.images();
      return NetworkSpec.of(1, images.height(), images.width(), classes, settings.architecture());
    }
    int size = settings.data().imageSize();
    return NetworkSpec.of(settings.data().channels(), size, size, classes, settings.architecture());
  }

  /** Measures the normalisation on the training images and preprocesses every split. */
  public static PreparedData prepare(NetworkSpec spec, DataChannels channels) {
    ModelContract.Input input = spec.input(OnnxExporter.INPUT_NAME);
    ModelContract.Preprocessing preprocessing =
        DatasetEncoder.normalisation(input, channels.train(), channels.trainIndices());
    Preprocessor preprocessor = new Preprocessor(input, preprocessing);
    TensorSet train =
        DatasetEncoder.encode(preprocessor, channels.train(), channels.trainIndices());
    TensorSet validation =
        channels.validation() == null
            ? null
            : DatasetEncoder.encode(
                preprocessor, channels.validation(), channels.validationIndices());
    TensorSet test =
        channels.test() == null
            ? null
            : DatasetEncoder.encode(
                preprocessor, channels.test(), DatasetEncoder.all(channels.test()));
    LOG.info(
        "data prepared: trainImages={} validationImages={} validation={} testImages={} mean={} std={}",
        train.count(),
        validation == null ? 0 : validation.count(),
        channels.validationSource(),
        test == null ? 0 : test.count(),
        preprocessing.mean(),
        preprocessing.std());
    if (validation == null && test == null) {
      throw new IllegalArgumentException(
          "The job has no validation or test images to evaluate the model on: validation_fraction is 0 and there is no validation or test channel. Set validation_fraction above 0 or add a validation or test channel.");
    }
    return new PreparedData(input, preprocessing, train, validation, test);
  }

  private static NetworkTrainer.Inputs inputs(
      NetworkSpec spec, Hyperparameters settings, PreparedData data, Path initialWeights) {
    float[] fill = DatasetEncoder.blackValue(data.preprocessing());
    return new NetworkTrainer.Inputs(
        spec, settings, data.train(), data.validation(), fill, initialWeights);
  }

  private static TrainingProvenance provenance(
      JobSettings settings,
      DataChannels channels,
      PreparedData data,
      TrainedNetwork network,
      ClassificationMetrics metrics,
      Instant started) {
    List<EpochMetrics> history = network.history();
    return new TrainingProvenance(
        dataset(channels, data),
        new java.util.TreeMap<>(settings.raw()),
        settings.hyperparameters().seed(),
        settings.hyperparameters().epochs(),
        metrics.summary(),
        history,
        network.parameterCount(),
        architecture(network),
        started.toString(),
        Instant.now().toString(),
        history.isEmpty() ? 0 : history.getLast().elapsedSeconds(),
        software(),
        null);
  }

  private static List<String> architecture(TrainedNetwork network) {
    List<String> layers = new java.util.ArrayList<>(network.spec().describe());
    if (network.averagesWithMirror()) {
      layers.add("output: mean of the logits of the image and its mirror image");
    }
    return layers;
  }

  private static TrainingProvenance.DatasetInfo dataset(DataChannels channels, PreparedData data) {
    TrainingProvenance.ChannelInfo train = channel(channels.trainPath(), channels.train());
    TrainingProvenance.ChannelInfo test =
        channels.test() == null ? null : channel(channels.testPath(), channels.test());
    return new TrainingProvenance.DatasetInfo(
        train,
        data.train().count(),
        channels.validationSource(),
        data.validation() == null ? 0 : data.validation().count(),
        test,
        data.test() == null ? 0 : data.test().count(),
        initialWeights(channels.initialWeights()));
  }

  private static TrainingProvenance.ChannelInfo initialWeights(Path file) {
    if (file == null) {
      return null;
    }
    try {
      Map<String, String> sha256 = Map.of(file.getFileName().toString(), Checksums.sha256(file));
      return new TrainingProvenance.ChannelInfo(
          file.getParent().toAbsolutePath().normalize().toString(), "djl-parameters", sha256);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static TrainingProvenance.ChannelInfo channel(
      java.nio.file.Path path, LabeledDataset dataset) {
    return new TrainingProvenance.ChannelInfo(
        path.toAbsolutePath().normalize().toString(), dataset.format(), dataset.checksums());
  }

  private static Map<String, String> software() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("djl", Engine.getDjlVersion());
    versions.put("pytorch", Engine.getEngine(NetworkTrainer.ENGINE).getVersion());
    versions.put("java", Runtime.version().toString());
    versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    return versions;
  }
}
