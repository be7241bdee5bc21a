"""Writes the decoder test corpus and its manifest, cases.csv.

Usage: make_corpus.py SKIMAGE_DATA_DIR OUTPUT_DIR

Every file is small. Each manifest row names the file, the expected outcome (CLASSIFIED or
FAILED), the error code for failures, and for images the format and the width, height and EXIF
orientation as displayed after the orientation is applied.
"""
import base64
import gzip
import io
import os
import random
import struct
import subprocess
import sys
import zipfile
import zlib

from PIL import Image

data_dir, out = sys.argv[1], sys.argv[2]
rows = []


def path(name):
    return os.path.join(out, name)


def ok(name, fmt, width, height, orientation=1):
    rows.append(f"{name},CLASSIFIED,,{fmt},{width},{height},{orientation}")


def failed(name, code):
    rows.append(f"{name},FAILED,{code},,,,")


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


cat = Image.open(os.path.join(data_dir, "chelsea.png")).convert("RGB").resize((120, 80))
coffee = Image.open(os.path.join(data_dir, "coffee.png")).convert("RGB").resize((96, 64))
cat.save(path("_cat.ppm"))


def with_alpha(image):
    """Returns the image with an alpha ramp: transparent at the left, opaque at the right."""
    alpha = Image.linear_gradient("L").rotate(90).resize(image.size)
    rgba = image.convert("RGBA")
    rgba.putalpha(alpha)
    return rgba


# JPEG
cat.save(path("jpeg-baseline.jpg"), quality=90)
ok("jpeg-baseline.jpg", "JPEG", 120, 80)
cat.save(path("jpeg-progressive.jpg"), quality=90, progressive=True)
ok("jpeg-progressive.jpg", "JPEG", 120, 80)
cat.convert("L").save(path("jpeg-gray.jpg"), quality=90)
ok("jpeg-gray.jpg", "JPEG", 120, 80)
cat.save(path("jpeg-444.jpg"), quality=95, subsampling=0)
ok("jpeg-444.jpg", "JPEG", 120, 80)
cat.save(path("jpeg-422.jpg"), quality=75, subsampling=1)
ok("jpeg-422.jpg", "JPEG", 120, 80)
coffee.save(path("jpeg-odd-size.jpg"), quality=85)
ok("jpeg-odd-size.jpg", "JPEG", 96, 64)
run("cjpeg", "-restart", "1", "-outfile", path("jpeg-restart-markers.jpg"), path("_cat.ppm"))
ok("jpeg-restart-markers.jpg", "JPEG", 120, 80)
run("cjpeg", "-arithmetic", "-outfile", path("jpeg-arithmetic.jpg"), path("_cat.ppm"))
failed("jpeg-arithmetic.jpg", "UNSUPPORTED_FORMAT")
cat.convert("CMYK").save(path("jpeg-cmyk-adobe.jpg"), quality=90)
ok("jpeg-cmyk-adobe.jpg", "JPEG", 120, 80)
run("/usr/bin/convert", path("_cat.ppm"), "-colorspace", "CMYK", "-quality", "90", path("jpeg-ycck-adobe.jpg"))
ok("jpeg-ycck-adobe.jpg", "JPEG", 120, 80)

quadrants = Image.new("RGB", (40, 20), (255, 0, 0))
quadrants.paste((0, 255, 0), (20, 0, 40, 10))
quadrants.paste((0, 0, 255), (0, 10, 20, 20))
quadrants.paste((255, 255, 255), (20, 10, 40, 20))
for orientation in range(1, 9):
    exif = Image.Exif()
    exif[0x0112] = orientation
    name = f"jpeg-exif-orientation-{orientation}.jpg"
    quadrants.save(path(name), quality=95, subsampling=0, exif=exif.tobytes())
    swapped = orientation >= 5
    ok(name, "JPEG", 20 if swapped else 40, 40 if swapped else 20, orientation)

baseline = open(path("jpeg-baseline.jpg"), "rb").read()
open(path("jpeg-truncated.jpg"), "wb").write(baseline[: len(baseline) * 6 // 10])
failed("jpeg-truncated.jpg", "CORRUPT_IMAGE")
sos = baseline.index(b"\xff\xda")
open(path("jpeg-headers-only.jpg"), "wb").write(baseline[:sos])
failed("jpeg-headers-only.jpg", "CORRUPT_IMAGE")

# PNG
cat.convert("L").save(path("png-gray-8bit.png"))
ok("png-gray-8bit.png", "PNG", 120, 80)
cat.convert("L").point(lambda v: v * 257, "I").convert("I;16").save(path("png-gray-16bit.png"))
ok("png-gray-16bit.png", "PNG", 120, 80)
with_alpha(cat).convert("LA").save(path("png-gray-alpha-8bit.png"))
ok("png-gray-alpha-8bit.png", "PNG", 120, 80)
run("/usr/bin/convert", path("png-gray-alpha-8bit.png"), "-depth", "16", "-define", "png:bit-depth=16", "-define", "png:color-type=4",
    path("png-gray-alpha-16bit.png"))
ok("png-gray-alpha-16bit.png", "PNG", 120, 80)
cat.convert("P", palette=Image.ADAPTIVE, colors=64).save(path("png-palette.png"))
ok("png-palette.png", "PNG", 120, 80)
palette = cat.convert("P", palette=Image.ADAPTIVE, colors=64)
palette.save(path("png-palette-transparent.png"), transparency=0)
ok("png-palette-transparent.png", "PNG", 120, 80)
cat.save(path("png-rgb-8bit.png"))
ok("png-rgb-8bit.png", "PNG", 120, 80)
run("/usr/bin/convert", path("_cat.ppm"), "-depth", "16", "PNG48:" + path("png-rgb-16bit.png"))
ok("png-rgb-16bit.png", "PNG", 120, 80)
with_alpha(cat).save(path("png-rgba-8bit.png"))
ok("png-rgba-8bit.png", "PNG", 120, 80)
run("/usr/bin/convert", path("png-rgba-8bit.png"), "-depth", "16", "PNG64:" + path("png-rgba-16bit.png"))
ok("png-rgba-16bit.png", "PNG", 120, 80)
run("/usr/bin/convert", path("_cat.ppm"), "-interlace", "PNG", path("png-interlaced.png"))
ok("png-interlaced.png", "PNG", 120, 80)
cat.convert("1").save(path("png-bilevel-1bit.png"))
ok("png-bilevel-1bit.png", "PNG", 120, 80)
Image.new("RGB", (1, 1), (200, 30, 30)).save(path("png-1x1.png"))
ok("png-1x1.png", "PNG", 1, 1)
rgb_png = open(path("png-rgb-8bit.png"), "rb").read()
open(path("png-truncated.png"), "wb").write(rgb_png[: len(rgb_png) // 2])
failed("png-truncated.png", "CORRUPT_IMAGE")


def png_chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


bomb = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 100000, 100000, 8, 0, 0, 0, 0))
bomb += png_chunk(b"IDAT", zlib.compress(b"\0" * 64)) + png_chunk(b"IEND", b"")
open(path("png-bomb-100000x100000.png"), "wb").write(bomb)
failed("png-bomb-100000x100000.png", "IMAGE_TOO_LARGE")

# Fashion-MNIST: the first official test image, an ankle boot.
with gzip.open("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz") as images:
    pixels = images.read(16 + 28 * 28)[16:]
Image.frombytes("L", (28, 28), pixels).save(path("fashion-mnist-ankle-boot.png"))
ok("fashion-mnist-ankle-boot.png", "PNG", 28, 28)

# GIF, BMP, TIFF
cat.convert("P", palette=Image.ADAPTIVE).save(path("gif-static.gif"))
ok("gif-static.gif", "GIF", 120, 80)
frames = [cat, coffee.resize((120, 80)), cat.transpose(Image.FLIP_LEFT_RIGHT)]
frames = [f.convert("P", palette=Image.ADAPTIVE) for f in frames]
frames[0].save(path("gif-animated.gif"), save_all=True, append_images=frames[1:], duration=100, loop=0)
ok("gif-animated.gif", "GIF", 120, 80)
palette.save(path("gif-transparent.gif"), transparency=0)
ok("gif-transparent.gif", "GIF", 120, 80)
gif_bomb = b"GIF89a" + struct.pack("<HHBBB", 65535, 8191, 0, 0, 0)
gif_bomb += b"\x2c" + struct.pack("<HHHHB", 0, 0, 65535, 8191, 0) + b"\x02\x02\x4c\x01\x00\x3b"
open(path("gif-bomb-65535x8191.gif"), "wb").write(gif_bomb)
failed("gif-bomb-65535x8191.gif", "IMAGE_TOO_LARGE")
cat.save(path("bmp-24bit.bmp"))
ok("bmp-24bit.bmp", "BMP", 120, 80)
cat.convert("P", palette=Image.ADAPTIVE).save(path("bmp-8bit-palette.bmp"))
ok("bmp-8bit-palette.bmp", "BMP", 120, 80)
cat.save(path("tiff-rgb-uncompressed.tif"))
ok("tiff-rgb-uncompressed.tif", "TIFF", 120, 80)
cat.save(path("tiff-rgb-lzw.tif"), compression="tiff_lzw")
ok("tiff-rgb-lzw.tif", "TIFF", 120, 80)
cat.convert("L").point(lambda v: v * 257, "I").convert("I;16").save(path("tiff-gray-16bit.tif"))
ok("tiff-gray-16bit.tif", "TIFF", 120, 80)

# WebP
cat.save(path("webp-lossy.webp"), quality=80)
ok("webp-lossy.webp", "WEBP", 120, 80)
cat.save(path("webp-lossless.webp"), lossless=True)
ok("webp-lossless.webp", "WEBP", 120, 80)
with_alpha(cat).save(path("webp-alpha.webp"), quality=80)
ok("webp-alpha.webp", "WEBP", 120, 80)
frames[0].convert("RGB").save(path("webp-animated.webp"), save_all=True,
                              append_images=[f.convert("RGB") for f in frames[1:]], duration=100)
failed("webp-animated.webp", "UNSUPPORTED_FORMAT")

# Formats with no decoder here
run("heif-enc", "-q", "50", "-o", path("heic-photo.heic"), path("jpeg-baseline.jpg"))
failed("heic-photo.heic", "UNSUPPORTED_FORMAT")
run("avifenc", path("png-rgb-8bit.png"), path("avif-photo.avif"))
failed("avif-photo.avif", "UNSUPPORTED_FORMAT")

# Not images
open(path("empty.jpg"), "wb").close()
failed("empty.jpg", "EMPTY_IMAGE")
open(path("text.jpg"), "w").write("This is a text file with an image extension.\n")
failed("text.jpg", "NOT_AN_IMAGE")
pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
pdf += b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
open(path("document.pdf"), "wb").write(pdf)
failed("document.pdf", "NOT_AN_IMAGE")
open(path("page.html"), "w").write("<!doctype html><title>Not an image</title><p>Hello</p>\n")
failed("page.html", "NOT_AN_IMAGE")
archive = io.BytesIO()
with zipfile.ZipFile(archive, "w") as zip_file:
    zip_file.writestr("image.png", rgb_png)
open(path("archive.zip"), "wb").write(archive.getvalue())
failed("archive.zip", "NOT_AN_IMAGE")
open(path("random.bin"), "wb").write(random.Random(7).randbytes(4096))
failed("random.bin", "NOT_AN_IMAGE")

# Damaged headers and header bombs of the formats whose readers allocate the full resolution.
# The DecodeFuzzTest seeds include every file here.
open(path("jpeg-comment-length-0.jpg"), "wb").write(baseline[:2] + b"\xff\xfe\x00\x00" + baseline[2:])
failed("jpeg-comment-length-0.jpg", "CORRUPT_IMAGE")
png_zero = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 0, 80, 8, 2, 0, 0, 0))
png_zero += png_chunk(b"IDAT", zlib.compress(b"\0" * 64)) + png_chunk(b"IEND", b"")
open(path("png-zero-width.png"), "wb").write(png_zero)
failed("png-zero-width.png", "CORRUPT_IMAGE")
open(path("png-saved-as.jpg"), "wb").write(rgb_png)
ok("png-saved-as.jpg", "PNG", 120, 80)


def tiff_entry(tag, kind, value):
    """Returns one little-endian IFD entry with a single SHORT (3) or LONG (4) value."""
    return struct.pack("<HHII", tag, kind, 1, value)


tiff_entries = [(256, 4, 30000), (257, 4, 30000), (258, 3, 8), (259, 3, 1), (262, 3, 1),
                (273, 4, 122), (277, 3, 1), (278, 4, 30000), (279, 4, 900000000)]
tiff_bomb = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", len(tiff_entries))
tiff_bomb += b"".join(tiff_entry(*entry) for entry in tiff_entries) + struct.pack("<I", 0)
open(path("tiff-bomb-30000x30000.tif"), "wb").write(tiff_bomb + b"\0" * 64)
failed("tiff-bomb-30000x30000.tif", "IMAGE_TOO_LARGE")
lossless = open(path("webp-lossless.webp"), "rb").read()
vp8x = b"VP8X" + struct.pack("<I", 10) + b"\0\0\0\0" + (16383).to_bytes(3, "little") * 2
webp_body = b"WEBP" + vp8x + lossless[12:]
open(path("webp-bomb-16384x16384.webp"), "wb").write(b"RIFF" + struct.pack("<I", len(webp_body)) + webp_body)
failed("webp-bomb-16384x16384.webp", "IMAGE_TOO_LARGE")
bmp_header = struct.pack("<IiiHHIIiiII", 40, 40000, 40000, 1, 8, 1, 2, 2835, 2835, 256, 0)
bmp_palette = b"\0\0\0\0" * 256
bmp_pixels = b"\x00\x01"  # RLE8 end of bitmap
bmp_offset = 14 + len(bmp_header) + len(bmp_palette)
bmp_bomb = b"BM" + struct.pack("<IHHI", bmp_offset + len(bmp_pixels), 0, 0, bmp_offset)
open(path("bmp-rle-bomb-40000x40000.bmp"), "wb").write(bmp_bomb + bmp_header + bmp_palette + bmp_pixels)
failed("bmp-rle-bomb-40000x40000.bmp", "IMAGE_TOO_LARGE")

# Inputs found by fuzzing, kept as the fuzzer wrote them. This WebP has an alpha plane whose
# lossless (VP8L) data runs past its chunk to the end of the file; TwelveMonkeys 3.14 read on as
# zeros, one EOFException per byte, for 12 s.
webp_overrun = base64.b64decode(
    "UklGRh4IAABXRUJQVlA4WAoAAAAQAAAAdwAATwAAQUxQSCQAAAAFHxABEREOBZFsUP2b8H4BRFJEAxPR/3HoxWIwCAKC"
    "V6P+JwBWUDgg1AcAAJAkAJ0BKngAUAA+bTKTRyQjIaEnM5zggA2JYwC11iDZn2Y9JKlYrvuH/T+GflZBLtM6oe/GX5C+"
    "m4W14eM8HbHfKjudm67GlNicFyOqS2y5Y72v4aH9u/hvsnVV5gFjgvgr0VJJRkYeCAAAV0VCUFZQOFgKAAAAEAAAAHcA"
    "AE8AAEFMUEgkAAAABR8wARERDgWRbFD9m/B+AURSRAMT0f9x6MViMAgCglej/if/////////////////////////////"
    "/////////////////////////////////////////////////////////////////////////////////////wBWUDgg"
    "1AcAAJAkAJ0BKngAUAA+bTKTRyQjIaEnM5zggA2JYwC11iDZn2Y9JKlYrvuH/T+CflZBLtM6oe/GX5C+ZYS14eM8HbHf"
    "Kjudm67GlNicFyOqS2y5Y72v4aH9u/hvsnVV5gFjgvgr0ZLeJw/NIjTMWU6/kPnDRqbzKBJ0n8fgsJ4xK7Le4kT5Wiaw"
    "4aTu41DUkYpI5j1vAXm/lOrYwycjrGe9VGyig9X1F5LSRnpCLqU4Aj/fHzXpIRDz+pf76B5np5Mimp2YElJ8OJ6k9Mf+"
    "CkEXsFZ2vQbWufz/MoYYq3Hsz67M3yhkGvUVcnU7P8NZHwAQZdiNqIeXnMZ1IYcBqiffz6sqIVDAuG4W2hjO0bXF9jT2"
    "Ui1MUqeA8FOUWTgJHJ63bveguEjiaPSRQSdsyCHn51qKUrrhf81PRPDmLdU2B4yum8Wririq6wAAAAAAAAAAAAAAAAAA"
    "ALZd+f/OEvjHvrEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEzva3vfqvChWsRg"
    "p07YNItfozCWAAAAn8E6ZrmpXao01WpBxpziLVAeZFyRwJJ6Q+c7wQYgK+R2yOuJl7BOCZ72XBRHAycNNYIeTzyEljO2"
    "aimUFo3FB31t7omgmA9wttkgLEUw6I1fH8drDUU6Vu3CfUHi0GQHvEKPNLnEj3Fl/6pYRQRcWF/F9lEgVnhpdFFhGENz"
    "x/4KQRewVna9Bta5/P8yhhircezPrszfKGQa9RVydTs/w1kfABBl2I2oh5ecxnUhhwGqJ9/PqyohUMC4bhbaGM7RtUIJ"
    "NEFkb2Jl9lItTFKngPBTlFk4CRyet273oLhI4mj0kUElJ2zIIefnWopSuuF/zU9E8OYt1TYHjK6bxauKuKrr/MX5dQ18"
    "4zGLWQxfjwNjpXnTXaJYjlpEXngZZIq/eguwCVSSlEa9s+tsbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1t"
    "bW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tVZgt4wUf2Q+/zbMY+GIDAAyUg7Zd+QAAEvjH"
    "vrFM72t736rwoVrEYKdG2DiLX6Mwll54GWSKv3oLsAAA"
)
open(path("webp-alpha-overrun.webp"), "wb").write(webp_overrun)
failed("webp-alpha-overrun.webp", "CORRUPT_IMAGE")

os.remove(path("_cat.ppm"))
with open(path("cases.csv"), "w") as manifest:
    manifest.write("file,outcome,errorCode,format,width,height,orientation\n")
    manifest.write("\n".join(rows) + "\n")
print(f"{len(rows)} cases")
