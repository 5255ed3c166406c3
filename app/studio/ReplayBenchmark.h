// `adasoftmax-studio --bench-replay`: frames per second of a full replay, where every frame shows the
// next step on all views and replots every visible view into a 1280 × 800 pixmap.
#pragma once

namespace ada {

int runReplayBenchmark();

} // namespace ada
