package org.imageclassifier.core.image.jpeg;

import org.imageclassifier.core.image.ImageDecodeException;
import org.imageclassifier.core.image.PixelPlanes;

/**
 * Walks the segments of one JPEG file: reads the header, then decodes each scan as it comes and
 * assembles the output at EOI. One instance serves one decode call.
 */
final class JpegStreamDecoder {

  /**
   * Maximum scans per file. cjpeg's default progressive script writes 10 scans for YCbCr. The limit
   * bounds the time that a crafted progressive file with thousands of tiny scans can take.
   */
  static final int MAX_SCANS = 500;

  private final SegmentReader segments;
  private final TableReader tables;
  private final ScaledIdct idct = ScaledIdct.create();
  private JpegHeader header;
  private Frame frame;
  private int scanCount;

  JpegStreamDecoder(byte[] data) {
    this.segments = new SegmentReader(data);
    this.tables = new TableReader(segments);
  }

  /**
   * Reads the segments up to and including the frame header.
   *
   * @throws ImageDecodeException when the file is damaged before or in its frame header
   * @throws UnsupportedJpegException when the frame uses a feature this decoder lacks
   */
  JpegHeader readHeader() throws ImageDecodeException, UnsupportedJpegException {
    segments.readStartOfImage();
    while (header == null) {
      int marker = segments.readMarker();
      if (Markers.isStartOfFrame(marker)) {
        header = FrameHeaderReader.read(segments, marker, tables.adobeTransform());
        tables.checkColourModel(header);
      } else if (marker == Markers.SOS || marker == Markers.EOI) {
        throw JpegErrors.corrupt("marker 0x%02X comes before the frame header".formatted(marker));
      } else {
        tables.read(marker);
      }
    }
    return header;
  }

  /**
   * Decodes the scans that follow the header read by {@link #readHeader}.
   *
   * @param scale the scale denominator: 1, 2, 4 or 8
   * @param channels 1 for luma or gray, 3 for RGB
   */
  PixelPlanes decode(int scale, int channels)
      throws ImageDecodeException, UnsupportedJpegException {
    frame = Frame.create(header, scale, channels);
    if (header.progressive()) {
      for (FrameComponent component : frame.components) {
        component.allocateCoefficients();
      }
    }
    while (true) {
      int marker = segments.readMarker();
      if (marker == Markers.EOI) {
        return finish(channels);
      }
      if (marker == Markers.SOS) {
        readScan();
      } else if (Markers.isStartOfFrame(marker)) {
        throw JpegErrors.corrupt("the file has a second frame header");
      } else {
        tables.read(marker);
      }
    }
  }

  private void readScan() throws ImageDecodeException, UnsupportedJpegException {
    if (++scanCount > MAX_SCANS) {
      throw JpegErrors.corrupt("the file has more than " + MAX_SCANS + " scans");
    }
    tables.checkColourModel(header);
    ScanHeader scan = ScanHeader.read(segments, frame, header.progressive());
    tables.bind(scan);
    ScanContext context =
        new ScanContext(
            segments.data(),
            segments.position(),
            frame,
            scan.components(),
            tables.restartInterval());
    segments.seek(decodeScan(scan, context));
  }

  /** Decodes or skips the scan's entropy-coded data and returns the offset of the next marker. */
  private int decodeScan(ScanHeader scan, ScanContext context) throws ImageDecodeException {
    if (!header.progressive()) {
      markScanned(scan, true);
      return new SequentialScanDecoder(context, idct).decode();
    }
    if (scan.spectralStart() == 0) {
      markScanned(scan, scan.successiveHigh() == 0);
      return new ProgressiveDcDecoder(context, scan.successiveHigh() != 0, scan.successiveLow())
          .decode();
    }
    if (scan.components()[0].coefficientLimit <= 1) {
      return skipScan(context.start());
    }
    int[] band = {scan.spectralStart(), scan.spectralEnd()};
    return new ProgressiveAcDecoder(context, band, scan.successiveHigh() != 0, scan.successiveLow())
        .decode();
  }

  private static void markScanned(ScanHeader scan, boolean firstPass) throws ImageDecodeException {
    for (FrameComponent component : scan.components()) {
      if (firstPass && component.scanned && !scan.progressive()) {
        throw JpegErrors.corrupt(
            "component %d appears in two sequential scans".formatted(component.spec.id()));
      }
      component.scanned |= firstPass;
    }
  }

  /** Skips an AC scan whose coefficients the output does not need, restart markers included. */
  private int skipScan(int start) throws ImageDecodeException {
    byte[] data = segments.data();
    int marker = BitReader.findMarker(data, start);
    while (Markers.isRestart(data[marker + 1] & 0xFF)) {
      marker = BitReader.findMarker(data, marker + 2);
    }
    return marker;
  }

  private PixelPlanes finish(int channels) throws ImageDecodeException {
    for (FrameComponent component : frame.components) {
      if (component.inOutput() && !component.scanned) {
        throw JpegErrors.corrupt(
            "the file ends without a scan of component " + component.spec.id());
      }
    }
    if (header.progressive()) {
      new CoefficientRenderer(idct).render(frame);
    }
    return PlaneAssembler.assemble(frame, channels);
  }
}
