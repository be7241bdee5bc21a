package org.imageclassifier.core.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One input of the test corpus under {@code corpus/} in the test resources, with its expected
 * outcome from {@code corpus/cases.csv}. Other modules read the same cases through core's test jar.
 *
 * @param file file name inside {@code corpus/}
 * @param outcome {@code CLASSIFIED} or {@code FAILED}
 * @param errorCode the expected error code when FAILED, else empty
 * @param format expected format name when CLASSIFIED, else empty
 * @param width expected displayed width (after EXIF orientation), 0 when FAILED
 * @param height expected displayed height (after EXIF orientation), 0 when FAILED
 * @param orientation expected EXIF orientation, 0 when FAILED
 */
public record CorpusCase(
    String file,
    String outcome,
    String errorCode,
    String format,
    int width,
    int height,
    int orientation) {

  /** Resource folder of the corpus. */
  public static final String FOLDER = "/corpus/";

  /** Returns whether the input is expected to be classified. */
  public boolean classifies() {
    return "CLASSIFIED".equals(outcome);
  }

  /** Reads the file's bytes from the classpath. */
  public byte[] bytes() {
    try (InputStream in = CorpusCase.class.getResourceAsStream(FOLDER + file)) {
      return Objects.requireNonNull(in, "missing corpus file " + file).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads every case of {@code cases.csv}. */
  public static List<CorpusCase> all() {
    try (InputStream in = CorpusCase.class.getResourceAsStream(FOLDER + "cases.csv")) {
      String csv = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
      return csv.lines().skip(1).filter(line -> !line.isBlank()).map(CorpusCase::parse).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CorpusCase parse(String line) {
    String[] cells = line.split(",", -1);
    return new CorpusCase(
        cells[0],
        cells[1],
        cells[2],
        cells[3],
        number(cells[4]),
        number(cells[5]),
        number(cells[6]));
  }

  private static int number(String cell) {
    return cell.isEmpty() ? 0 : Integer.parseInt(cell);
  }

  @Override
  public String toString() {
    return file;
  }
}
