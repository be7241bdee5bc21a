package org.imageclassifier.function.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTest {

  @Test
  void routeKeysMatchTemplate() {
    assertThat(Route.CLASSIFY.routeKey()).isEqualTo("POST /classify");
    assertThat(Route.UPLOADS.routeKey()).isEqualTo("POST /uploads");
    assertThat(Route.RESULT.routeKey()).isEqualTo("GET /results/{key+}");
    assertThat(Route.ofRouteKey("GET /results/{key+}")).contains(Route.RESULT);
    assertThat(Route.ofRouteKey("$default")).isEmpty();
    assertThat(Route.ofRouteKey(null)).isEmpty();
  }

  @Test
  void exactRouteMatchesOnlyItsPath() {
    assertThat(Route.CLASSIFY.match("POST", "/classify")).contains(Map.of());
    assertThat(Route.CLASSIFY.match("GET", "/classify")).isEmpty();
    assertThat(Route.CLASSIFY.match("POST", "/classify/")).isEmpty();
    assertThat(Route.UPLOADS.match("POST", "/classify")).isEmpty();
  }

  @Test
  void greedyParameterKeepsSlashes() {
    assertThat(Route.RESULT.match("GET", "/results/uploads/a b.png"))
        .contains(Map.of(Route.KEY_PARAMETER, "uploads/a b.png"));
    assertThat(Route.RESULT.match("GET", "/results/")).isEmpty();
    assertThat(Route.RESULT.match("GET", "/results")).isEmpty();
    assertThat(Route.RESULT.match("POST", "/results/uploads/a.png")).isEmpty();
  }

  @Test
  void resultPathEncodesKeyAsOneSegment() {
    assertThat(Route.resultPath("uploads/a b+c.png")).isEqualTo("/results/uploads%2Fa%20b%2Bc.png");
  }
}
