// Option parsing shared by the CLI's subcommands: the algorithm's options (ε, δ, k, preset,
// sampler, …), number parsing with messages that name the option, and the error types that main()
// turns into exit codes.
#pragma once

#include "core/Config.h"
#include "core/Head.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace ada::cli {

// Exit codes: 0 success, 1 data or I/O problem, 2 the command line itself is wrong.
inline constexpr int kExitOk = 0;
inline constexpr int kExitDataError = 1;
inline constexpr int kExitUsageError = 2;

// The command line is wrong (unknown option, bad number, missing argument): exit 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A file could not be written: exit 1.
class IoError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The algorithm options as the user typed them; unset fields keep the preset's value.
struct AlgorithmOptions {
    ada::Preset preset = ada::Preset::Paper;
    double epsilon = 0.3;
    double delta = 0.1;
    int k = 1;
    std::optional<double> temperature;
    std::optional<ada::Sampler> sampler;
    std::optional<ada::ImportanceWeights> weights;
    std::optional<bool> exactWinner;
    std::optional<double> warmupCap;
    bool hadamard = false;
    std::optional<double> fudgeBest;
    std::optional<double> fudgeLog;
    std::optional<double> noiseBound;
    std::uint64_t seed = 42;
};

// Options every subcommand that runs the algorithm on a dataset accepts.
struct CommonOptions {
    QString dataset;
    std::optional<int> queries; // the first M queries; unset: all
    QString jsonPath;           // empty: no JSON
    AlgorithmOptions algorithm;
};

// Adds --queries, --json and the algorithm options to `parser`, and the DATASET positional.
void addCommonOptions(QCommandLineParser& parser);

// Parses `arguments` (argv without the subcommand name, argv[0] kept first). Returns false when
// --help was given (the help text is then printed); throws UsageError otherwise on any problem.
bool parseCommandLine(QCommandLineParser& parser, const QStringList& arguments, const QString& commandName);

// Reads what addCommonOptions() added. Throws UsageError naming the option on a bad value.
[[nodiscard]] CommonOptions readCommonOptions(const QCommandLineParser& parser);

// The run's Config: the preset's configuration around the user's ε, δ, k, β, seed, then the
// explicit overrides. The dataset's known noise bound is used for uniform samplers only (the
// theory configuration, ALGORITHM.md §6.3). Throws std::invalid_argument via Config::validate().
[[nodiscard]] ada::Config buildConfig(const AlgorithmOptions& options, const ada::Dataset& dataset);

// Checks the dataset against the options before any work: it has queries, M fits, k < n.
// Throws UsageError (the numbers the user typed do not fit this dataset) or DatasetError.
[[nodiscard]] int resolveQueryCount(const CommonOptions& options, const ada::Dataset& dataset);

// Number parsing with a message naming the option, e.g. "--eps expects a number, got 'abc'".
[[nodiscard]] double parseDouble(const QString& option, const QString& text);
[[nodiscard]] int parseInt(const QString& option, const QString& text);
[[nodiscard]] std::uint64_t parseUnsigned(const QString& option, const QString& text);
// A sampler name (is-wor-ht, …); an unknown one is a usage error listing the accepted names.
[[nodiscard]] ada::Sampler parseSamplerOption(const QString& option, const QString& text);

[[nodiscard]] std::string toStdString(const QString& text);

} // namespace ada::cli
