package org.imageclassifier.core.image.jpeg;

/** JPEG marker codes (the byte after 0xFF), from ITU-T T.81 table B.1. */
final class Markers {

  static final int SOF0 = 0xC0;
  static final int SOF1 = 0xC1;
  static final int SOF2 = 0xC2;
  static final int SOF3 = 0xC3;
  static final int DHT = 0xC4;
  static final int SOF15 = 0xCF;
  static final int DAC = 0xCC;
  static final int JPG = 0xC8;
  static final int RST0 = 0xD0;
  static final int RST7 = 0xD7;
  static final int SOI = 0xD8;
  static final int EOI = 0xD9;
  static final int SOS = 0xDA;
  static final int DQT = 0xDB;
  static final int DNL = 0xDC;
  static final int DRI = 0xDD;
  static final int DHP = 0xDE;
  static final int EXP = 0xDF;
  static final int APP0 = 0xE0;
  static final int APP14 = 0xEE;
  static final int SOF55 = 0xF7;
  static final int LSE = 0xF8;

  private Markers() {}

  /** Returns whether the code is a start-of-frame marker, SOF0 to SOF15 (not DHT, JPG or DAC). */
  static boolean isStartOfFrame(int code) {
    return code >= SOF0 && code <= SOF15 && code != DHT && code != JPG && code != DAC;
  }

  static boolean isRestart(int code) {
    return code >= RST0 && code <= RST7;
  }
}
