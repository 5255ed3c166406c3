// The 16-bit floating-point formats of model checkpoints, widened to float32 exactly: IEEE
// binary16 (NumPy's float16, safetensors' F16) and bfloat16 (safetensors' BF16).
#pragma once

#include <bit>
#include <cstdint>

namespace ada {

// IEEE binary16 → binary32, exact for every input: subnormals are renormalized, inf and nan keep
// their sign and payload.
inline float halfToFloat(std::uint16_t h)
{
    const std::uint32_t sign = std::uint32_t{h & 0x8000u} << 16;
    const std::uint32_t exponent = (h >> 10) & 0x1fu, mantissa = h & 0x3ffu;
    if (exponent == 0x1f) // inf, nan
        return std::bit_cast<float>(sign | 0x7f800000u | mantissa << 13);
    if (exponent != 0)
        return std::bit_cast<float>(sign | (exponent + 127 - 15) << 23 | mantissa << 13);
    if (mantissa == 0)
        return std::bit_cast<float>(sign);
    // A subnormal, mantissa · 2^-24: shift its leading 1 into the implicit bit.
    const auto shift = static_cast<std::uint32_t>(std::countl_zero(mantissa) - 21);
    return std::bit_cast<float>(sign | (127 - 15 + 1 - shift) << 23 | ((mantissa << shift) & 0x3ffu) << 13);
}

// bfloat16 is the upper half of a binary32.
inline float bfloat16ToFloat(std::uint16_t h)
{
    return std::bit_cast<float>(std::uint32_t{h} << 16);
}

} // namespace ada
