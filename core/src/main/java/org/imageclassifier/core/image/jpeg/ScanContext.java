package org.imageclassifier.core.image.jpeg;

/**
 * What a scan decoder needs from the stream: where the entropy-coded data starts and which
 * components the scan codes, in scan order.
 *
 * @param data the whole JPEG file
 * @param start offset of the first byte after the SOS segment
 * @param frame the component layout
 * @param components the components of this scan, in scan order
 * @param restartInterval MCUs per restart interval, 0 for none
 */
record ScanContext(
    byte[] data, int start, Frame frame, FrameComponent[] components, int restartInterval) {}
