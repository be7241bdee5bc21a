package org.imageclassifier.training;

import java.nio.file.Path;

/**
 * The model folder and the measurements of a finished training job.
 *
 * @param outputDirectory the model folder written
 * @param version the model version
 * @param metrics the final evaluation
 * @param parity the passed parity check
 */
public record JobResult(
    Path outputDirectory, String version, ClassificationMetrics metrics, ParityReport parity) {}
