package org.imageclassifier.function;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of results of a {@link LabelQuery}, newest first.
 *
 * @param items the results
 * @param nextToken the token of the next page, or null on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultPage(List<ClassificationResult> items, String nextToken) {

  /** Creates a page with an unmodifiable copy of the items. */
  public ResultPage {
    items = List.copyOf(items);
  }
}
