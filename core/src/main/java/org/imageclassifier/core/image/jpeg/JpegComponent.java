package org.imageclassifier.core.image.jpeg;

/**
 * One colour component of a JPEG frame, as declared in its start-of-frame segment.
 *
 * @param id the component identifier that scans refer to (JFIF uses 1 = Y, 2 = Cb, 3 = Cr)
 * @param horizontalSampling horizontal sampling factor, 1 to 4
 * @param verticalSampling vertical sampling factor, 1 to 4
 * @param quantizationTableId the quantization table slot, 0 to 3
 */
public record JpegComponent(
    int id, int horizontalSampling, int verticalSampling, int quantizationTableId) {}
