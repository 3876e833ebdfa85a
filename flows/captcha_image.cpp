// captcha_image.cpp: tilted TrueType digits over noise lines and dots. The digits are rendered
// once per process in a few sizes and angles and then stamped, because rasterising a rotated
// TrueType glyph on every request would cost most of the request. Without the font, gd's
// built-in font is used so a captcha is always drawn.
#include "flows/captcha_image.h"

#include <gd.h>
#include <gdfontg.h>

#include <array>
#include <memory>
#include <stdexcept>
#include <vector>

namespace xueji {
namespace {

constexpr const char* kFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
constexpr std::array<int, 6> kAnglesDegrees = {-25, -15, -5, 5, 15, 25};
constexpr std::array<int, 2> kPointSizes = {18, 21};
constexpr int kGlyphBox = 40;

struct ImageDeleter {
  void operator()(gdImage* image) const { gdImageDestroy(image); }
};
using Image = std::unique_ptr<gdImage, ImageDeleter>;
struct GdBufferDeleter {
  void operator()(void* buffer) const { gdFree(buffer); }
};

// A digit as the set pixels of its bounding box.
struct Glyph {
  int width = 0;
  int height = 0;
  std::vector<bool> ink;
};

// Every digit in every size and angle, or empty when the font cannot be used.
std::vector<Glyph> render_glyphs(char digit) {
  std::vector<Glyph> glyphs;
  for (int size : kPointSizes) {
    for (int degrees : kAnglesDegrees) {
      Image canvas(gdImageCreate(kGlyphBox, kGlyphBox));
      if (!canvas) throw std::runtime_error("gdImageCreate failed");
      gdImageColorAllocate(canvas.get(), 255, 255, 255);
      int black = gdImageColorAllocate(canvas.get(), 0, 0, 0);
      int box[8];
      std::string text(1, digit);
      // A negative colour turns anti-aliasing off: the stamp is one colour, recoloured per image.
      char* error = gdImageStringFT(canvas.get(), box, -black, const_cast<char*>(kFontPath), size,
                                    degrees * 3.14159265 / 180.0, 10, 30, text.data());
      if (error != nullptr) return {};
      Glyph g;
      int min_x = kGlyphBox, min_y = kGlyphBox, max_x = -1, max_y = -1;
      for (int y = 0; y < kGlyphBox; ++y) {
        for (int x = 0; x < kGlyphBox; ++x) {
          if (gdImageGetPixel(canvas.get(), x, y) != black) continue;
          min_x = std::min(min_x, x);
          min_y = std::min(min_y, y);
          max_x = std::max(max_x, x);
          max_y = std::max(max_y, y);
        }
      }
      if (max_x < 0) return {};
      g.width = max_x - min_x + 1;
      g.height = max_y - min_y + 1;
      g.ink.resize(static_cast<std::size_t>(g.width * g.height));
      for (int y = 0; y < g.height; ++y) {
        for (int x = 0; x < g.width; ++x) {
          g.ink[static_cast<std::size_t>(y * g.width + x)] =
              gdImageGetPixel(canvas.get(), min_x + x, min_y + y) == black;
        }
      }
      glyphs.push_back(std::move(g));
    }
  }
  return glyphs;
}

const std::array<std::vector<Glyph>, 10>& digit_glyphs() {
  static const std::array<std::vector<Glyph>, 10> glyphs = [] {
    std::array<std::vector<Glyph>, 10> all;
    for (int d = 0; d < 10; ++d) all[d] = render_glyphs(static_cast<char>('0' + d));
    return all;
  }();
  return glyphs;
}

// An image needs hundreds of small random numbers; one DRBG call per image instead of one per
// number keeps drawing cheap. (The answer itself is drawn elsewhere, straight from the DRBG.)
class NoiseSource {
 public:
  explicit NoiseSource(crypto::Random& random) : bytes_(random.bytes(2048)) {}
  int between(int low, int high) {
    if (next_ + 2 > bytes_.size()) next_ = 0;  // reuse rather than fail; it is only noise
    unsigned v = (static_cast<unsigned char>(bytes_[next_]) << 8) |
                 static_cast<unsigned char>(bytes_[next_ + 1]);
    next_ += 2;
    return low + static_cast<int>(v % static_cast<unsigned>(high - low + 1));
  }
  int colour(gdImage* image, int low, int high) {
    return gdImageColorAllocate(image, between(low, high), between(low, high), between(low, high));
  }

 private:
  std::string bytes_;
  std::size_t next_ = 0;
};

void stamp(gdImage* image, const Glyph& glyph, int left, int top, int colour) {
  for (int y = 0; y < glyph.height; ++y) {
    for (int x = 0; x < glyph.width; ++x) {
      if (glyph.ink[static_cast<std::size_t>(y * glyph.width + x)]) {
        gdImageSetPixel(image, left + x, top + y, colour);
      }
    }
  }
}

void noise_lines(gdImage* image, NoiseSource& random, int count, int low, int high) {
  for (int i = 0; i < count; ++i) {
    gdImageLine(image, random.between(0, kCaptchaWidth), random.between(0, kCaptchaHeight),
                random.between(0, kCaptchaWidth), random.between(0, kCaptchaHeight),
                random.colour(image, low, high));
  }
}

}  // namespace

std::string draw_captcha_png(const std::string& digits, crypto::Random& drbg) {
  NoiseSource random(drbg);
  Image image(gdImageCreate(kCaptchaWidth, kCaptchaHeight));
  if (!image) throw std::runtime_error("gdImageCreate failed");
  gdImage* im = image.get();
  gdImageColorAllocate(im, 245, 247, 250);  // the first colour of a palette image is its background

  noise_lines(im, random, 6, 120, 200);
  const auto& glyphs = digit_glyphs();
  const int step = kCaptchaWidth / static_cast<int>(digits.size() + 1);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    int colour = random.colour(im, 10, 90);
    int x = step / 2 + static_cast<int>(i) * step + random.between(0, 8);
    const auto& variants = glyphs[static_cast<std::size_t>(digits[i] - '0')];
    if (variants.empty()) {
      gdImageChar(im, gdFontGetGiant(), x, random.between(8, 16), digits[i], colour);
      continue;
    }
    const Glyph& g = variants[static_cast<std::size_t>(
        random.between(0, static_cast<int>(variants.size()) - 1))];
    stamp(im, g, x, std::max(1, (kCaptchaHeight - g.height) / 2 + random.between(-4, 4)), colour);
  }
  for (int i = 0; i < 120; ++i) {
    gdImageSetPixel(im, random.between(0, kCaptchaWidth - 1), random.between(0, kCaptchaHeight - 1),
                    random.colour(im, 60, 180));
  }
  for (int i = 0; i < 2; ++i) {
    gdImageLine(im, 0, random.between(8, kCaptchaHeight - 8), kCaptchaWidth - 1,
                random.between(8, kCaptchaHeight - 8), random.colour(im, 40, 110));
  }

  int size = 0;
  // zlib level 1, not the default 6: measured here 0.16-0.21 ms per image against 0.33 ms, for
  // 1.38 KB against 1.20 KB. Every form POST draws one, so this is CPU at the August peak.
  std::unique_ptr<void, GdBufferDeleter> png(gdImagePngPtrEx(im, &size, 1));
  if (!png || size <= 0) throw std::runtime_error("gdImagePngPtr failed");
  return std::string(static_cast<const char*>(png.get()), static_cast<std::size_t>(size));
}

}  // namespace xueji
