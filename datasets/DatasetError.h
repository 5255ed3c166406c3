// The one exception type every dataset reader and generator throws: its message names the file
// (or spec) and the problem, ready to show to a user as is.
#pragma once

#include <stdexcept>
#include <string>

namespace ada {

class DatasetError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace ada
