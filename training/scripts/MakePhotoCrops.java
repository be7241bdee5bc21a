import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Cuts the image-folder test data from three photos of Debian's python3-skimage package: seeded
 * random square crops, scaled to 32x32 and written as PNG and JPEG in turn, one folder per class.
 *
 * <p>Run from the repository root after extracting the package:
 *
 * <pre>
 * cd /tmp && apt-get download python3-skimage && dpkg -x python3-skimage_*.deb skimage
 * java training/scripts/MakePhotoCrops.java /tmp/skimage/usr/lib/python3/dist-packages/skimage/data \
 *     training/src/test/resources/photos
 * </pre>
 */
public class MakePhotoCrops {

  private static final String[][] CLASSES = {
    {"cat", "chelsea.png"}, {"coffee", "coffee.png"}, {"rocket", "rocket.jpg"}
  };
  private static final int SIZE = 32;

  public static void main(String[] args) throws IOException {
    File source = new File(args[0]);
    File target = new File(args[1]);
    Random random = new Random(20261204L);
    for (String[] entry : CLASSES) {
      BufferedImage photo = ImageIO.read(new File(source, entry[1]));
      writeCrops(photo, new File(target, "train/" + entry[0]), 16, random);
      writeCrops(photo, new File(target, "test/" + entry[0]), 6, random);
    }
  }

  private static void writeCrops(BufferedImage photo, File folder, int count, Random random)
      throws IOException {
    folder.mkdirs();
    for (int i = 0; i < count; i++) {
      int side = Math.min(photo.getWidth(), photo.getHeight()) / 3 + random.nextInt(40);
      int x = random.nextInt(photo.getWidth() - side + 1);
      int y = random.nextInt(photo.getHeight() - side + 1);
      BufferedImage crop = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
      Graphics2D graphics = crop.createGraphics();
      graphics.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      graphics.drawImage(photo, 0, 0, SIZE, SIZE, x, y, x + side, y + side, null);
      graphics.dispose();
      String format = i % 2 == 0 ? "png" : "jpg";
      ImageIO.write(crop, format, new File(folder, "%02d.%s".formatted(i, format)));
    }
  }
}
