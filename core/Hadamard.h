// Orthonormal fast Walsh–Hadamard transform for the randomised Hadamard option (ALGORITHM.md §3.6).
#pragma once

#include <Eigen/Core>

namespace ada {

// Smallest power of two ≥ d (d ≥ 1).
[[nodiscard]] Eigen::Index nextPowerOfTwo(Eigen::Index d);

// In place, orthonormal (H Hᵀ = I): v ← H v / √len. The length must be a power of two.
void fastWalshHadamard(Eigen::Ref<Eigen::VectorXd> v);

} // namespace ada
