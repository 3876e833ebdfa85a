// qr_image.h: a QR code (libqrencode) drawn as a black-on-white PNG (libgd), for the otpauth URI
// of the two-factor binding page.
#pragma once
#include <string>
#include <string_view>

namespace xueji {

inline constexpr int kQrModulePixels = 5;  // one QR module as 5×5 pixels: sharp on any screen
inline constexpr int kQrQuietModules = 4;  // the white margin the QR standard asks for

// PNG bytes of `text` at error-correction level M; throws when it cannot be encoded.
std::string qr_png(std::string_view text);

}  // namespace xueji
