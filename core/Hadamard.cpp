#include "Hadamard.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace ada {

Eigen::Index nextPowerOfTwo(Eigen::Index d)
{
    if (d < 1)
        throw std::invalid_argument("nextPowerOfTwo needs d ≥ 1");
    Eigen::Index p = 1;
    while (p < d)
        p *= 2;
    return p;
}

void fastWalshHadamard(Eigen::Ref<Eigen::VectorXd> v)
{
    const Eigen::Index len = v.size();
    if (len < 1 || (len & (len - 1)) != 0)
        throw std::invalid_argument("the Walsh–Hadamard transform needs a power-of-two length, got "
                                    + std::to_string(len));
    // Iterative butterflies (Sylvester ordering), then 1/√len so that H Hᵀ = I (§3.6).
    for (Eigen::Index h = 1; h < len; h *= 2)
        for (Eigen::Index i = 0; i < len; i += 2 * h)
            for (Eigen::Index j = i; j < i + h; ++j) {
                const double a = v[j], b = v[j + h];
                v[j] = a + b;
                v[j + h] = a - b;
            }
    v *= 1.0 / std::sqrt(double(len));
}

} // namespace ada
