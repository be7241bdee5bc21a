package org.imageclassifier.training;

import java.nio.file.Path;

/**
 * Output folder and measurements of a finished training job.
 *
 * @param outputDirectory the model folder written
 * @param version the model version
 * @param test loss and accuracy on the test images
 * @param parity the passed parity check
 */
public record JobResult(
    Path outputDirectory, String version, Evaluation test, ParityReport parity) {}
