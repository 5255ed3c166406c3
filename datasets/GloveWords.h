// glove:100d's built-in word lists, for its queries (Glove.h): the analogy word pairs (in
// Glove.h's gloveAnalogies()) and the stop words that the word queries skip.
#pragma once

#include <string_view>

namespace ada {

// Whether `word` is on the built-in list of English stop words ("the", "which", "however", …).
[[nodiscard]] bool isGloveStopWord(std::string_view word);

} // namespace ada
