// qr_image.cpp: libqrencode modules → a palette libgd image → PNG bytes.
#include "flows/qr_image.h"

#include <gd.h>
#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace xueji {
namespace {

struct QrDeleter {
  void operator()(QRcode* code) const { QRcode_free(code); }
};
struct ImageDeleter {
  void operator()(gdImage* image) const { gdImageDestroy(image); }
};
struct GdBufferDeleter {
  void operator()(void* buffer) const { gdFree(buffer); }
};

}  // namespace

std::string qr_png(std::string_view text) {
  std::string input(text);  // QRcode_encodeString wants a NUL-terminated string
  // Version 0: the smallest symbol that fits. Case-sensitive 8-bit mode keeps the URI intact.
  std::unique_ptr<QRcode, QrDeleter> code(
      QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!code) throw std::runtime_error("QRcode_encodeString failed");

  const int modules = code->width;
  const int side = (modules + 2 * kQrQuietModules) * kQrModulePixels;
  std::unique_ptr<gdImage, ImageDeleter> image(gdImageCreate(side, side));
  if (!image) throw std::runtime_error("gdImageCreate failed");
  gdImage* im = image.get();
  gdImageColorAllocate(im, 255, 255, 255);  // the first palette colour is the background
  int black = gdImageColorAllocate(im, 0, 0, 0);
  for (int y = 0; y < modules; ++y) {
    for (int x = 0; x < modules; ++x) {
      // Bit 0 of each byte is the module's colour (1 = dark); the other bits are encoder notes.
      if ((code->data[y * modules + x] & 1) == 0) continue;
      int left = (x + kQrQuietModules) * kQrModulePixels;
      int top = (y + kQrQuietModules) * kQrModulePixels;
      gdImageFilledRectangle(im, left, top, left + kQrModulePixels - 1, top + kQrModulePixels - 1,
                             black);
    }
  }
  int size = 0;
  std::unique_ptr<void, GdBufferDeleter> png(gdImagePngPtr(im, &size));
  if (!png || size <= 0) throw std::runtime_error("gdImagePngPtr failed");
  return std::string(static_cast<const char*>(png.get()), static_cast<std::size_t>(size));
}

}  // namespace xueji
