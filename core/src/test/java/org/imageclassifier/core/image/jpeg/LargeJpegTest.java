package org.imageclassifier.core.image.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.imageclassifier.core.image.PixelPlanes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Decodes a 4033x3025 photo, the size of a phone camera plus one pixel so that neither side is a
 * multiple of 16, made at test time by upscaling a committed crop and encoding it with ImageIO at
 * quality 90 (4:2:0).
 */
class LargeJpegTest {

  private static final int WIDTH = 4033;
  private static final int HEIGHT = 3025;

  private static byte[] jpeg;

  private final ScaledJpegDecoder decoder = new ScaledJpegDecoder(100_000_000L);

  @BeforeAll
  static void encodeLargePhoto() throws IOException {
    BufferedImage crop =
        ImageIO.read(new ByteArrayInputStream(TestJpegs.load("photo-retina-420.jpg")));
    BufferedImage large = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D graphics = large.createGraphics();
    graphics.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    graphics.drawImage(crop, 0, 0, WIDTH, HEIGHT, null);
    graphics.dispose();
    jpeg = encode(large);
  }

  private static byte[] encode(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(output);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  @Test
  void eighthScaleMatchesBlockAverage() throws Exception {
    PixelPlanes actual = decoder.decode(jpeg, 8, 3);

    PixelPlanes expected = ReferenceDecoder.blockAverage(ReferenceDecoder.decodeFull(jpeg, 3), 8);
    assertThat(actual.width()).isEqualTo(505);
    assertThat(actual.height()).isEqualTo(379);
    assertThat(ReferenceDecoder.psnr(expected, actual)).isGreaterThan(45);
  }

  @Test
  void eighthScaleAllocatesAFewMegabytes() throws Exception {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    decoder.decode(jpeg, 8, 3);

    long before = threads.getCurrentThreadAllocatedBytes();
    PixelPlanes planes = decoder.decode(jpeg, 8, 3);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    // Output 505x379x3 floats (2.3 MB) plus one float per luma block and four per chroma block.
    long outputBytes = 4L * planes.samples().length;
    assertThat(allocated).isBetween(outputBytes, 8_000_000L);
  }
}
