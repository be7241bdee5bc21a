// Writes Fashion-MNIST test images as 28x28 8-bit grayscale PNG files, using only Node.js.
//
// Usage: node fashion-mnist-png.mjs IMAGES_IDX_GZ LABELS_IDX_GZ OUTPUT_DIR NAMING
//   NAMING "label": one image per class, the first of that class in the file, named by its label
//                   ("Ankle boot.png"; "T-shirt/top" becomes "T-shirt or top.png").
//   NAMING "index": the same images, named "<class index>-<label slug>.png" ("9-ankle-boot.png").
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, deflateSync } from "node:zlib";

// Class names in the order of the Fashion-MNIST label values 0 to 9.
const LABELS = [
  "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
  "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
];
const IMAGES_MAGIC = 2051;
const LABELS_MAGIC = 2049;

const [imagesPath, labelsPath, outputDir, naming] = process.argv.slice(2);
if (!outputDir || !["label", "index"].includes(naming)) {
  console.error("Usage: node fashion-mnist-png.mjs IMAGES_IDX_GZ LABELS_IDX_GZ OUTPUT_DIR label|index");
  process.exit(2);
}

const images = readIdx(imagesPath, IMAGES_MAGIC);
const labels = readIdx(labelsPath, LABELS_MAGIC);
const [rows, cols] = [images.readUInt32BE(8), images.readUInt32BE(12)];
mkdirSync(outputDir, { recursive: true });

for (let label = 0; label < LABELS.length; label++) {
  const index = firstIndexOf(label);
  const start = 16 + index * rows * cols;
  const pixels = images.subarray(start, start + rows * cols);
  const file = join(outputDir, fileName(label));
  writeFileSync(file, grayPng(pixels, cols, rows));
  console.log(`${file}: test image ${index}, label ${label} (${LABELS[label]})`);
}

function readIdx(path, magic) {
  const bytes = gunzipSync(readFileSync(path));
  if (bytes.readUInt32BE(0) !== magic) {
    throw new Error(`${path}: expected IDX magic number ${magic}, found ${bytes.readUInt32BE(0)}`);
  }
  return bytes;
}

function firstIndexOf(label) {
  const count = labels.readUInt32BE(4);
  for (let i = 0; i < count; i++) {
    if (labels[8 + i] === label) {
      return i;
    }
  }
  throw new Error(`No test image has label ${label}`);
}

function fileName(label) {
  const name = LABELS[label];
  if (naming === "label") {
    return name.replace("/", " or ") + ".png";
  }
  return `${label}-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.png`;
}

// PNG with one IHDR, one IDAT and an IEND chunk: bit depth 8, colour type 0 (grayscale), and
// filter type 0 (none) on every row.
function grayPng(pixels, width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) {
    pixels.copy(raw, y * (width + 1) + 1, y * width, (y + 1) * width);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

// CRC-32 as PNG defines it: polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF.
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}
