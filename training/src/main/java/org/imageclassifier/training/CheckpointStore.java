package org.imageclassifier.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.imageclassifier.core.model.ModelPackage;

/**
 * Saves and loads training checkpoints in one folder: {@value #PARAMETERS_FILE} with the network's
 * parameters (DJL's format, batch-norm running statistics included) and {@value #STATE_FILE} with
 * the {@link TrainingState}. Each file is written to a temporary name and then moved into place,
 * parameters first, so a crash mid-save leaves the previous checkpoint readable.
 *
 * <p>The optimiser's own state (Adam's moment estimates, SGD's momentum) is not saved, because DJL
 * keeps it private: a resumed run rebuilds it from zero, so its weights drift slightly from those
 * of an uninterrupted run.
 */
public final class CheckpointStore {

  /** File name of the training state. */
  public static final String STATE_FILE = "checkpoint.json";

  /** File name of the network parameters. */
  public static final String PARAMETERS_FILE = "network.params";

  private final Path directory;

  /** Creates a store in {@code directory}, which is created on the first save. */
  public CheckpointStore(Path directory) {
    this.directory = directory;
  }

  /** Returns the folder of the checkpoint. */
  public Path directory() {
    return directory;
  }

  /**
   * Loads the checkpoint into an initialised block when one exists.
   *
   * @param fingerprint the current run's fingerprint
   * @return the saved state, or empty when the folder holds no checkpoint
   * @throws CheckpointMismatchException when the checkpoint belongs to other settings or data
   */
  public Optional<TrainingState> load(Block block, NDManager manager, String fingerprint)
      throws IOException {
    Path stateFile = directory.resolve(STATE_FILE);
    if (!Files.isRegularFile(stateFile)) {
      return Optional.empty();
    }
    TrainingState state = ModelPackage.mapper().readValue(stateFile.toFile(), TrainingState.class);
    if (!state.fingerprint().equals(fingerprint)) {
      throw new CheckpointMismatchException(directory, state.fingerprint(), fingerprint);
    }
    loadParameters(directory.resolve(PARAMETERS_FILE), block, manager);
    return Optional.of(state);
  }

  /**
   * Loads parameters saved by {@link #save} into the initialised block of {@code model}.
   *
   * @throws DatasetException when the file is missing or belongs to another network
   */
  public static void loadParameters(Path file, ai.djl.Model model) throws IOException {
    loadParameters(file, model.getBlock(), model.getNDManager());
  }

  private static void loadParameters(Path file, Block block, NDManager manager) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new DatasetException(
          "Parameter file not found: %s. Point the model channel at the checkpoint folder of an earlier run."
              .formatted(file));
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      block.loadParameters(manager, in);
    } catch (MalformedModelException | IllegalArgumentException e) {
      throw new DatasetException(
          "Cannot load the parameters in %s: %s. They must come from a run with the same filters, convs_per_block, batch_norm, dropout and head."
              .formatted(file, e.getMessage()),
          e);
    }
  }

  /** Saves the state and the block's parameters, replacing the previous checkpoint. */
  public void save(TrainingState state, Block block) throws IOException {
    Files.createDirectories(directory);
    Path parameters = directory.resolve(PARAMETERS_FILE + ".tmp");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(parameters)))) {
      block.saveParameters(out);
    }
    Path stateFile = directory.resolve(STATE_FILE + ".tmp");
    ModelPackage.mapper().writerWithDefaultPrettyPrinter().writeValue(stateFile.toFile(), state);
    move(parameters, directory.resolve(PARAMETERS_FILE));
    move(stateFile, directory.resolve(STATE_FILE));
  }

  private static void move(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
