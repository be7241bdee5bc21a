package org.imageclassifier.training;

import java.nio.file.Path;

/**
 * What a finished training job wrote and measured.
 *
 * @param outputDirectory the model folder written
 * @param version the model version
 * @param metrics the final evaluation
 * @param parity the passed parity check
 */
public record JobResult(
    Path outputDirectory, String version, ClassificationMetrics metrics, ParityReport parity) {}
