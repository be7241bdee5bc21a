package org.imageclassifier.function;

import java.util.List;

/**
 * The handler's return value: one outcome per record of the S3 event, in event order. S3 ignores
 * it; it is for tests, the local demo and {@code sam local invoke}.
 *
 * @param records the outcome of each record
 */
public record ClassifyResponse(List<RecordOutcome> records) {

  /** Creates a response with an unmodifiable copy of the outcomes. */
  public ClassifyResponse {
    records = List.copyOf(records);
  }
}
