// captcha_image.cpp: tilted TrueType digits over noise lines and dots; the built-in font when
// the TrueType font is missing, so a captcha is always drawn.
#include "fcgi/captcha_image.h"

#include <gd.h>
#include <gdfontg.h>

#include <memory>
#include <stdexcept>

namespace xueji {
namespace {

constexpr const char* kFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

struct ImageDeleter {
  void operator()(gdImage* image) const { gdImageDestroy(image); }
};
struct GdBufferDeleter {
  void operator()(void* buffer) const { gdFree(buffer); }
};

int random_between(crypto::Random& random, int low, int high) {
  return low + static_cast<int>(random.uniform(static_cast<std::uint32_t>(high - low + 1)));
}

int random_colour(gdImage* image, crypto::Random& random, int low, int high) {
  return gdImageColorAllocate(image, random_between(random, low, high),
                              random_between(random, low, high), random_between(random, low, high));
}

}  // namespace

std::string draw_captcha_png(const std::string& digits, crypto::Random& random) {
  std::unique_ptr<gdImage, ImageDeleter> image(gdImageCreate(kCaptchaWidth, kCaptchaHeight));
  if (!image) throw std::runtime_error("gdImageCreate failed");
  gdImage* im = image.get();
  gdImageColorAllocate(im, 245, 247, 250);  // the first colour of a palette image is its background

  for (int i = 0; i < 6; ++i) {
    gdImageLine(im, random_between(random, 0, kCaptchaWidth), random_between(random, 0, kCaptchaHeight),
                random_between(random, 0, kCaptchaWidth), random_between(random, 0, kCaptchaHeight),
                random_colour(im, random, 120, 200));
  }
  const int step = kCaptchaWidth / static_cast<int>(digits.size() + 1);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    int colour = random_colour(im, random, 10, 90);
    int x = step / 2 + static_cast<int>(i) * step + random_between(random, 0, 8);
    int y = random_between(random, 26, 34);
    double angle = (random_between(random, -25, 25)) * 3.14159265 / 180.0;
    std::string glyph(1, digits[i]);
    int box[8];
    char* error = gdImageStringFT(im, box, colour, const_cast<char*>(kFontPath),
                                  random_between(random, 17, 21), angle, x, y, glyph.data());
    if (error != nullptr) {
      gdImageChar(im, gdFontGetGiant(), x, y - 18, digits[i], colour);
    }
  }
  for (int i = 0; i < 120; ++i) {
    gdImageSetPixel(im, random_between(random, 0, kCaptchaWidth - 1),
                    random_between(random, 0, kCaptchaHeight - 1), random_colour(im, random, 60, 180));
  }
  for (int i = 0; i < 2; ++i) {
    gdImageLine(im, 0, random_between(random, 8, kCaptchaHeight - 8), kCaptchaWidth - 1,
                random_between(random, 8, kCaptchaHeight - 8), random_colour(im, random, 40, 110));
  }

  int size = 0;
  std::unique_ptr<void, GdBufferDeleter> png(gdImagePngPtr(im, &size));
  if (!png || size <= 0) throw std::runtime_error("gdImagePngPtr failed");
  return std::string(static_cast<const char*>(png.get()), static_cast<std::size_t>(size));
}

}  // namespace xueji
