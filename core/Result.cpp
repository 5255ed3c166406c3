#include "Result.h"

namespace ada {

std::string_view toString(Phase phase)
{
    switch (phase) {
    case Phase::Warmup: return "warm-up";
    case Phase::Elimination: return "elimination";
    case Phase::Winner: return "winner";
    case Phase::Partition: return "partition";
    case Phase::Done: return "done";
    }
    return "unknown";
}

} // namespace ada
