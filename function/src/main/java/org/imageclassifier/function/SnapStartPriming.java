package org.imageclassifier.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.imageclassifier.core.image.ImageDecodeException;
import org.imageclassifier.core.model.InferenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Primes an execution environment before Lambda SnapStart takes its snapshot: classifies bundled
 * sample images (a JPEG through the scaled decoder, a PNG through ImageIO) {@value #ROUNDS} times,
 * so that the ONNX Runtime session has run, the decoders' classes are loaded and their hot loops
 * are JIT-compiled in the snapshot. Every restored environment then starts warm.
 *
 * <p>Nothing is stored or sent: priming uses the in-memory classification path, so no S3 or
 * DynamoDB call and no id or random seed ends up in the snapshot. Without SnapStart (no CRaC
 * runtime) the hook never runs and costs nothing.
 *
 * <p>Note that the CRaC context holds resources through weak references: the handler keeps this
 * object in a field.
 */
final class SnapStartPriming implements Resource {

  /** Classpath resources of the priming images. */
  static final List<String> IMAGES = List.of("priming/photo.jpg", "priming/fashion.png");

  /**
   * Classifications per image. The scaled JPEG decoder's loops reach C2's final code after about 50
   * decodes of a photo; Lambda's java21 runtime stops at C1 by default, which compiles sooner.
   */
  static final int ROUNDS = 60;

  /** Request id stored in the (discarded) priming results. */
  static final String REQUEST_ID = "snapstart-priming";

  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

  private final ClassifyService service;

  private SnapStartPriming(ClassifyService service) {
    this.service = service;
  }

  /**
   * Creates the priming hook of a service and registers it with the global CRaC context.
   *
   * @return the hook, which the caller must keep referenced
   */
  static SnapStartPriming register(ClassifyService service) {
    SnapStartPriming priming = new SnapStartPriming(service);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  /**
   * Classifies the priming images {@value #ROUNDS} times each.
   *
   * @throws ImageDecodeException when a bundled image does not decode, a build defect
   * @throws InferenceException when the engine fails
   */
  void prime() throws ImageDecodeException, InferenceException {
    List<byte[]> images = images();
    long start = System.nanoTime();
    for (int round = 0; round < ROUNDS; round++) {
      for (byte[] image : images) {
        service.classify(image, REQUEST_ID);
      }
    }
    LOG.atInfo()
        .addKeyValue("classifications", ROUNDS * images.size())
        .addKeyValue("durationMs", (System.nanoTime() - start) / 1_000_000)
        .log("Primed the classifier for the snapshot");
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to refresh: priming opened no connection and fetched no credentials.
  }

  /** Reads the priming images from the classpath. */
  static List<byte[]> images() {
    List<byte[]> images = new ArrayList<>();
    for (String resource : IMAGES) {
      try (InputStream in = SnapStartPriming.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("The function jar has no " + resource + "; rebuild it");
        }
        images.add(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + resource, e);
      }
    }
    return images;
  }
}
