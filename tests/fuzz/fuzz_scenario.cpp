// libFuzzer target: scenario files (app/studio/Scenario.h), through Scenario::load as the studio and
// the CLI open them. Documented errors are std::invalid_argument (bad JSON, a bad field) and
// std::runtime_error (I/O); anything else, or a crash, is a bug. A scenario that loads must also
// survive a save/load round trip unchanged.
#include "FuzzSupport.h"

#include "app/studio/Scenario.h"

#include <QString>

#include <cstdlib>
#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString path = QString::fromStdString(fuzz::writeInput("scenario.json", data, size));
    ada::Scenario s;
    try {
        s = ada::Scenario::load(path);
    } catch (const std::invalid_argument&) {
        return 0;
    } catch (const std::runtime_error&) {
        return 0;
    }
    const QString again = QString::fromStdString((fuzz::workDir() / "again.json").string());
    s.save(again);
    const ada::Scenario t = ada::Scenario::load(again);
    if (t.toJson() != s.toJson())
        std::abort(); // a saved scenario must open as itself
    return 0;
}
