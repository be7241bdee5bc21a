package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;

import org.imageclassifier.core.image.ImageFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalServers.class)
class SnapStartPrimingTest {

  private static Bucket bucket;
  private static ClassifyService service;

  @BeforeAll
  static void createService(AwsEndpoints aws) throws Exception {
    bucket = Bucket.create(aws, "snapstart-priming");
    service = ClassifyService.create(bucket.config());
  }

  @AfterAll
  static void closeService() {
    service.close();
  }

  @Test
  void primingImagesClassify() throws Exception {
    var images = SnapStartPriming.images();

    assertThat(images).hasSize(2);
    assertThat(service.classify(images.get(0), "test").image().format())
        .isEqualTo(ImageFormat.JPEG.name());
    assertThat(service.classify(images.get(1), "test").image().format())
        .isEqualTo(ImageFormat.PNG.name());
  }

  @Test
  void primingStoresNothing() throws Exception {
    SnapStartPriming.register(service).prime();

    assertThat(bucket.itemCount()).isZero();
    assertThat(bucket.resultObjectCount()).isZero();
  }
}
