// Progress of a long dataset load (training a Fashion-MNIST head, downloading GloVe).
#pragma once

#include <functional>
#include <string_view>

namespace ada {

// `done` of `total` units of `stage` ("reading", "training", "downloading", "converting",
// "writing cache"). Return false to cancel: the load then throws DatasetError "<name>: cancelled".
// Called on the thread that called the load.
using DatasetProgress = std::function<bool(int done, int total, std::string_view stage)>;

} // namespace ada
