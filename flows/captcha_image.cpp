// captcha_image.cpp: digits from several Debian fonts, touching and overlapping, crossed by
// strokes in their own colour and bent by a wave, over noise. scripts/captcha-attack measures
// what this buys against Tesseract and a template matcher that knows the fonts.
// The digits are rendered once per process in every font, size and angle and then stamped,
// because rasterising a rotated TrueType glyph on every request would cost most of the request.
// A font that is not installed is skipped; with none, gd's built-in font is stamped instead,
// so a captcha is always drawn.
#include "flows/captcha_image.h"

#include <gd.h>
#include <gdfontg.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

namespace xueji {
namespace {

// Regular faces whose digits differ in shape (open or closed 4, flat or hooked 1, serifs), from
// fonts-dejavu-core, fonts-liberation and fonts-freefont-ttf. Regular, not bold: their strokes
// are as thin as the crossing strokes, so an attacker cannot erode the strokes away and keep
// the digits (bold digits raised the template attack from about 1% to 5%).
constexpr std::array<const char*, 7> kFontPaths = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSerif.ttf",
};
constexpr std::array<int, 7> kAnglesDegrees = {-24, -16, -8, 0, 8, 16, 24};
constexpr std::array<int, 3> kPointSizes = {21, 24, 27};
constexpr int kGlyphBox = 56;
constexpr double kPi = 3.14159265358979;

struct ImageDeleter {
  void operator()(gdImage* image) const { gdImageDestroy(image); }
};
using Image = std::unique_ptr<gdImage, ImageDeleter>;
struct GdBufferDeleter {
  void operator()(void* buffer) const { gdFree(buffer); }
};

// A digit as the set pixels of its bounding box, and each row's leftmost and rightmost ink
// (-1 in an empty row), by which digits are set to touch.
struct Glyph {
  int width = 0;
  int height = 0;
  std::vector<bool> ink;
  std::vector<int> row_left;
  std::vector<int> row_right;

  void find_rows() {
    row_left.assign(static_cast<std::size_t>(height), -1);
    row_right.assign(static_cast<std::size_t>(height), -1);
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x) {
        if (!ink[static_cast<std::size_t>(y * width + x)]) continue;
        if (row_left[static_cast<std::size_t>(y)] < 0) row_left[static_cast<std::size_t>(y)] = x;
        row_right[static_cast<std::size_t>(y)] = x;
      }
    }
  }
};

// The digit in one font, size and angle, or nothing when the font cannot be used.
bool render_glyph(const char* font, int size, int degrees, char digit, Glyph& glyph) {
  Image canvas(gdImageCreate(kGlyphBox, kGlyphBox));
  if (!canvas) throw std::runtime_error("gdImageCreate failed");
  gdImageColorAllocate(canvas.get(), 255, 255, 255);
  int black = gdImageColorAllocate(canvas.get(), 0, 0, 0);
  int box[8];
  std::string text(1, digit);
  // A negative colour turns anti-aliasing off: the stamp is one colour, recoloured per image.
  char* error = gdImageStringFT(canvas.get(), box, -black, const_cast<char*>(font), size,
                                degrees * kPi / 180.0, 14, 42, text.data());
  if (error != nullptr) return false;
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
  if (max_x < 0) return false;
  glyph.width = max_x - min_x + 1;
  glyph.height = max_y - min_y + 1;
  glyph.ink.assign(static_cast<std::size_t>(glyph.width * glyph.height), false);
  for (int y = 0; y < glyph.height; ++y) {
    for (int x = 0; x < glyph.width; ++x) {
      glyph.ink[static_cast<std::size_t>(y * glyph.width + x)] =
          gdImageGetPixel(canvas.get(), min_x + x, min_y + y) == black;
    }
  }
  glyph.find_rows();
  return true;
}

// gd's built-in giant font as a glyph: the fallback when no font file is installed.
Glyph builtin_glyph(char digit) {
  gdFontPtr font = gdFontGetGiant();
  Glyph glyph;
  glyph.width = font->w;
  glyph.height = font->h;
  glyph.ink.resize(static_cast<std::size_t>(font->w * font->h));
  const char* bits = font->data + (digit - font->offset) * font->w * font->h;
  for (std::size_t i = 0; i < glyph.ink.size(); ++i) glyph.ink[i] = bits[i] != 0;
  glyph.find_rows();
  return glyph;
}

// Every digit in every installed font, size and angle.
const std::array<std::vector<Glyph>, 10>& digit_glyphs() {
  static const std::array<std::vector<Glyph>, 10> glyphs = [] {
    std::array<std::vector<Glyph>, 10> all;
    for (const char* font : kFontPaths) {
      Glyph probe;
      if (!render_glyph(font, kPointSizes[0], 0, '0', probe)) continue;  // not installed
      for (int d = 0; d < 10; ++d) {
        for (int size : kPointSizes) {
          for (int degrees : kAnglesDegrees) {
            Glyph g;
            if (render_glyph(font, size, degrees, static_cast<char>('0' + d), g)) {
              all[d].push_back(std::move(g));
            }
          }
        }
      }
    }
    for (int d = 0; d < 10; ++d) {
      if (all[d].empty()) all[d].push_back(builtin_glyph(static_cast<char>('0' + d)));
    }
    gdFontCacheShutdown();  // the loaded faces are not needed again: about 2 MB per process
    return all;
  }();
  return glyphs;
}

// An image needs hundreds of small random numbers; one DRBG call per image instead of one per
// number keeps drawing cheap. (The answer itself is drawn elsewhere, straight from the DRBG.)
class NoiseSource {
 public:
  explicit NoiseSource(crypto::Random& random) : bytes_(random.bytes(1024)) {}
  int between(int low, int high) {
    if (next_ + 2 > bytes_.size()) next_ = 0;  // reuse rather than fail; it is only noise
    unsigned v = (static_cast<unsigned char>(bytes_[next_]) << 8) |
                 static_cast<unsigned char>(bytes_[next_ + 1]);
    next_ += 2;
    return low + static_cast<int>(v % static_cast<unsigned>(high - low + 1));
  }
  double real(double low, double high) { return low + (high - low) * between(0, 1000) / 1000.0; }
  int colour(gdImage* image, int low, int high) {
    return gdImageColorAllocate(image, between(low, high), between(low, high), between(low, high));
  }

 private:
  std::string bytes_;
  std::size_t next_ = 0;
};

// The digits and their strokes as one bitmap, before the wave bends it.
class Mask {
 public:
  void set(int x, int y) {
    if (x >= 0 && x < kCaptchaWidth && y >= 0 && y < kCaptchaHeight) at(x, y) = 1;
  }
  std::uint8_t get(int x, int y) const {
    if (x < 0 || x >= kCaptchaWidth || y < 0 || y >= kCaptchaHeight) return 0;
    return bits_[static_cast<std::size_t>(y * kCaptchaWidth + x)];
  }
  std::uint8_t& at(int x, int y) { return bits_[static_cast<std::size_t>(y * kCaptchaWidth + x)]; }

 private:
  std::array<std::uint8_t, kCaptchaWidth * kCaptchaHeight> bits_{};
};

void stamp(Mask& mask, const Glyph& glyph, int left, int top) {
  for (int y = 0; y < glyph.height; ++y) {
    for (int x = 0; x < glyph.width; ++x) {
      if (glyph.ink[static_cast<std::size_t>(y * glyph.width + x)]) mask.set(left + x, top + y);
    }
  }
}

// Places the digits side by side, each touching or overlapping the ink before it by up to two
// pixels where they come closest, so that no gap tells where one digit ends.
void draw_digits(Mask& mask, const std::string& digits, NoiseSource& random, int& left,
                 int& right) {
  const auto& glyphs = digit_glyphs();
  struct Placed {
    const Glyph* glyph;
    int x;
    int top;
  };
  std::vector<Placed> placed;
  std::array<int, kCaptchaHeight> edge;  // rightmost ink so far per row, in layout coordinates
  edge.fill(-1000);
  int extent = 0;
  for (char digit : digits) {
    const auto& variants = glyphs[static_cast<std::size_t>(digit - '0')];
    const Glyph& g = variants[static_cast<std::size_t>(
        random.between(0, static_cast<int>(variants.size()) - 1))];
    int top = (kCaptchaHeight - g.height) / 2 + random.between(-4, 4);
    top = std::clamp(top, 1, std::max(1, kCaptchaHeight - 1 - g.height));
    int x = placed.empty() ? 0 : extent - g.width / 2;  // when no row is shared
    // A narrow digit (a 1) lost among its neighbours is the one people misread: it keeps a gap.
    bool narrow = g.width < 10 || (!placed.empty() && placed.back().glyph->width < 10);
    int gap = narrow ? random.between(1, 2) : random.between(-1, 1);
    bool shared = false;
    for (int r = 0; r < g.height && top + r < kCaptchaHeight; ++r) {
      int before = edge[static_cast<std::size_t>(top + r)];
      int own = g.row_left[static_cast<std::size_t>(r)];
      if (before < -999 || own < 0) continue;
      int wanted = before + 1 + gap - own;
      x = shared ? std::max(x, wanted) : wanted;
      shared = true;
    }
    for (int r = 0; r < g.height && top + r < kCaptchaHeight; ++r) {
      int own = g.row_right[static_cast<std::size_t>(r)];
      if (own >= 0) {
        int& e = edge[static_cast<std::size_t>(top + r)];
        e = std::max(e, x + own);
      }
    }
    placed.push_back({&g, x, top});
    extent = std::max(extent, x + g.width);
  }
  int offset = std::max(1, (kCaptchaWidth - extent) / 2 + random.between(-8, 8));
  offset = std::min(offset, std::max(1, kCaptchaWidth - 1 - extent));
  for (const Placed& p : placed) stamp(mask, *p.glyph, offset + p.x, p.top);
  left = offset;
  right = offset + extent;
}

// A stroke through the digits in their colour and width: a sine curve.
void draw_crossing_curve(Mask& mask, NoiseSource& random, int left, int right) {
  double middle = random.real(kCaptchaHeight * 0.35, kCaptchaHeight * 0.65);
  double amplitude = random.real(3, 6);
  double period = random.real(40, 90);
  double phase = random.real(0, 2 * kPi);
  int from = std::max(0, left - random.between(2, 10));
  int to = std::min(kCaptchaWidth - 1, right + random.between(2, 10));
  for (int x = from; x <= to; ++x) {
    int y = static_cast<int>(std::lround(middle + amplitude * std::sin(2 * kPi * x / period + phase)));
    mask.set(x, y);
  }
}

// A thin straight stroke in the digits' colour across most of the text.
void draw_crossing_line(Mask& mask, NoiseSource& random, int left, int right) {
  int x0 = left + random.between(-6, 6);
  int x1 = right + random.between(-6, 6);
  double y0 = random.between(6, kCaptchaHeight - 6);
  double y1 = random.between(6, kCaptchaHeight - 6);
  for (int x = x0; x <= x1; ++x) {
    mask.set(x, static_cast<int>(std::lround(y0 + (y1 - y0) * (x - x0) / std::max(1, x1 - x0))));
  }
}

// Bends the whole text: rows slide sideways and columns up and down along two sine waves.
Mask warp(const Mask& mask, NoiseSource& random) {
  double ax = random.real(0.6, 1.2), px = random.real(40, 66), fx = random.real(0, 2 * kPi);
  double ay = random.real(2.0, 4.0), py = random.real(35, 63), fy = random.real(0, 2 * kPi);
  std::array<int, kCaptchaHeight> shift_x{};
  std::array<int, kCaptchaWidth> shift_y{};
  for (int y = 0; y < kCaptchaHeight; ++y) {
    shift_x[static_cast<std::size_t>(y)] =
        static_cast<int>(std::lround(ax * std::sin(2 * kPi * y / px + fx)));
  }
  for (int x = 0; x < kCaptchaWidth; ++x) {
    shift_y[static_cast<std::size_t>(x)] =
        static_cast<int>(std::lround(ay * std::sin(2 * kPi * x / py + fy)));
  }
  Mask bent;
  for (int y = 0; y < kCaptchaHeight; ++y) {
    for (int x = 0; x < kCaptchaWidth; ++x) {
      if (mask.get(x + shift_x[static_cast<std::size_t>(y)],
                   y + shift_y[static_cast<std::size_t>(x)])) {
        bent.at(x, y) = 1;
      }
    }
  }
  return bent;
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
  Mask mask;
  int left = 0, right = 0;
  draw_digits(mask, digits, random, left, right);
  draw_crossing_curve(mask, random, left, right);
  draw_crossing_line(mask, random, left, right);
  Mask bent = warp(mask, random);

  Image image(gdImageCreate(kCaptchaWidth, kCaptchaHeight));
  if (!image) throw std::runtime_error("gdImageCreate failed");
  gdImage* im = image.get();
  // The first colour of a palette image is its background.
  gdImageColorAllocate(im, random.between(238, 250), random.between(238, 250),
                       random.between(238, 250));
  noise_lines(im, random, 4, 130, 210);
  int ink = random.colour(im, 10, 80);
  for (int y = 0; y < kCaptchaHeight; ++y) {
    for (int x = 0; x < kCaptchaWidth; ++x) {
      if (bent.get(x, y)) gdImageSetPixel(im, x, y, ink);
    }
  }
  std::array<int, 4> dots = {ink, random.colour(im, 60, 140), random.colour(im, 120, 200),
                             random.colour(im, 150, 220)};
  for (int i = 0; i < 80; ++i) {
    gdImageSetPixel(im, random.between(0, kCaptchaWidth - 1), random.between(0, kCaptchaHeight - 1),
                    dots[static_cast<std::size_t>(random.between(0, 3))]);
  }

  int size = 0;
  // zlib level 1, not the default 6: measured here 0.16-0.21 ms per image against 0.33 ms, for
  // 1.38 KB against 1.20 KB. Every form POST draws one, so this is CPU at the August peak.
  std::unique_ptr<void, GdBufferDeleter> png(gdImagePngPtrEx(im, &size, 1));
  if (!png || size <= 0) throw std::runtime_error("gdImagePngPtr failed");
  return std::string(static_cast<const char*>(png.get()), static_cast<std::size_t>(size));
}

}  // namespace xueji
