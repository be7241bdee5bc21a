package org.imageclassifier.core.image;

import java.util.Optional;
import org.imageclassifier.core.image.jpeg.JpegHeader;
import org.imageclassifier.core.image.jpeg.ScaledJpegDecoder;
import org.imageclassifier.core.image.jpeg.UnsupportedJpegException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes JPEG files at reduced scale with {@link ScaledJpegDecoder}, so a 12-megapixel photo
 * becomes a 504x378 image without a full-size buffer. Some files go to the ImageIO path instead,
 * and for them this class returns nothing. These are files with features the scaled decoder lacks
 * (CMYK, YCCK, Adobe RGB, 12-bit), and files it rejects as damaged: it is stricter than libjpeg
 * about some recoverable damage, such as a wrong restart marker number.
 */
final class ScaledJpegPath {

  private static final Logger LOG = LoggerFactory.getLogger(ScaledJpegPath.class);

  private final ScaledJpegDecoder decoder;
  private final long maxPixels;

  ScaledJpegPath(long maxPixels) {
    this.decoder = new ScaledJpegDecoder(maxPixels);
    this.maxPixels = maxPixels;
  }

  /**
   * Decodes at the largest scale whose output keeps at least twice the target size, like the
   * subsampling of the ImageIO path.
   *
   * @throws ImageDecodeException when the header declares more pixels than the budget
   */
  Optional<DecodedImage> decode(byte[] jpeg, DecodeTarget target) throws ImageDecodeException {
    try {
      JpegHeader header = decoder.readHeader(jpeg);
      DecodeTarget.checkBudget(header.width(), header.height(), maxPixels);
      int denominator =
          ScaledJpegDecoder.scaleDenominatorFor(
              header.width(), header.height(), 2 * target.storedWidth(), 2 * target.storedHeight());
      PixelPlanes stored = decoder.decode(jpeg, denominator, target.channels());
      return Optional.of(target.display(ImageFormat.JPEG, header.width(), header.height(), stored));
    } catch (UnsupportedJpegException e) {
      LOG.debug("Scaled JPEG decoder does not support {}; using ImageIO", e.feature());
      return Optional.empty();
    } catch (ImageDecodeException e) {
      if (e.code() == ErrorCode.IMAGE_TOO_LARGE) {
        throw e;
      }
      LOG.debug("Scaled JPEG decoder rejected the file ({}); trying ImageIO", e.getMessage());
      return Optional.empty();
    }
  }
}
