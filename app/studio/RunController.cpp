#include "RunController.h"

#include "core/AdaptiveSoftmax.h"
#include "core/AllocatorTuning.h"
#include "core/ExactSoftmax.h"
#include "core/FudgeTuning.h"
#include "core/Rng.h"
#include "core/Trace.h"
#include "datasets/DatasetError.h"
#include "datasets/DatasetLoader.h"
#include "datasets/HeadFile.h"

#include <QMetaObject>

#include <mutex>

#include <algorithm>
#include <exception>

namespace ada {

namespace {

// Posts `f` to run on `target`'s thread: the one way requests reach the worker and results reach
// the GUI thread (no raw QMetaObject::invokeMethod elsewhere). Qt's event queue lives in libQt6Core,
// which is not built with ThreadSanitizer, so TSan cannot see that posting orders the functor's
// construction (on this thread) before its call (on the other) and reports the captures as raced.
// Holding one mutex across the post and taking it again before the call makes that order visible
// to TSan; it costs an uncontended lock per request and changes nothing else.
std::mutex& handoffMutex()
{
    static std::mutex m;
    return m;
}

template <typename F>
void post(QObject* target, F&& f)
{
    const std::lock_guard lock(handoffMutex());
    QMetaObject::invokeMethod(
        target,
        [fn = std::forward<F>(f)]() mutable {
            {
                const std::lock_guard seen(handoffMutex());
            }
            fn();
        },
        Qt::QueuedConnection);
}

} // namespace

namespace {

std::atomic<int> gLiveTraces{0};

} // namespace

// Lives on the worker thread; every method runs there (queued from RunController).
class RunWorker : public QObject {
public:
    RunWorker(RunController* controller, std::shared_ptr<std::atomic<quint64>> current)
        : controller_(controller)
        , current_(std::move(current))
    {
    }

    void load(quint64 id, const QString& name)
    {
        try {
            // Training a Fashion-MNIST head or downloading GloVe takes a while the first time: report
            // each stage and stop when a newer request (or cancel) supersedes this one.
            const auto onProgress = [this, id](int done, int total, std::string_view stage) {
                const int p = total > 0 ? static_cast<int>(100LL * done / total) : 0;
                const QString label = QString::fromUtf8(stage.data(), static_cast<qsizetype>(stage.size()));
                controller_->deliver(
                    id, [c = controller_, p, label] { emit c->progress(p, label); }, false);
                return current_->load() == id;
            };
            auto dataset
                = std::make_shared<Dataset>(loadDataset(name.toStdString(), ReadLimits{}, onProgress));
            releaseFreeHeap(); // the loader's transient buffers
            DatasetPtr ptr = std::move(dataset);
            controller_->deliver(id, [c = controller_, ptr] { emit c->datasetLoaded(ptr); });
        } catch (const std::exception& e) {
            fail(id, QString::fromUtf8(e.what()));
        }
    }

    // Saving is not a request that supersedes the current one (a run keeps going): it queues
    // behind it on this thread and always reports, success or failure.
    void save(const DatasetPtr& dataset, const QString& path)
    {
        QString error;
        try {
            writeHeadFile(*dataset, path.toStdString());
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        post(controller_, [c = controller_, path, error] {
            if (error.isEmpty())
                emit c->datasetSaved(path);
            else
                emit c->failed(error);
        });
    }

    void run(quint64 id, const DatasetPtr& dataset, int query, const Config& config)
    {
        ++gLiveTraces; // balanced below on every path: the leak check of the tests counts these
        struct Release {
            ~Release() { --gLiveTraces; }
        } release;
        try {
            const double exactPulls = double(dataset->head.arms()) * double(dataset->head.dim());
            int lastPercent = -1;
            // Stop as soon as a newer request exists; report the integer percent of n·D when it rises.
            RunDataPtr run = recordRun(*dataset, query, config, [&](const RunEvent& event) {
                if (current_->load(std::memory_order_relaxed) != id)
                    return false;
                const int percent = exactPulls > 0
                    ? static_cast<int>(std::min(99.0, 100.0 * double(event.totalPulls) / exactPulls))
                    : 0;
                if (percent > lastPercent) {
                    lastPercent = percent;
                    controller_->deliver(
                        id, [c = controller_, percent] { emit c->progress(percent, QObject::tr("running")); },
                        false);
                }
                return true;
            });
            if (!run || current_->load() != id)
                return; // a newer request superseded this one: nothing to report
            controller_->deliver(id, [c = controller_, run] { emit c->runFinished(run); });
        } catch (const std::exception& e) {
            fail(id, QString::fromUtf8(e.what()));
        }
    }

    void tune(quint64 id, const DatasetPtr& dataset, const Config& config)
    {
        try {
            const int m = static_cast<int>(dataset->queryCount());
            const int count = std::min(200, std::max(1, m / 2));
            std::vector<int> queries(static_cast<std::size_t>(count));
            for (int i = 0; i < count; ++i)
                queries[std::size_t(i)] = i;
            const PreparedHead prepared(dataset->head, config);
            const FudgeFactors f = tuneFudgeFactors(
                prepared, dataset->queries, queries, config,
                [this, id](int done, int total, std::string_view) {
                    const int p = total > 0 ? 100 * done / total : 0;
                    controller_->deliver(
                        id, [c = controller_, p] { emit c->progress(p, QObject::tr("tuning")); }, false);
                    return current_->load() == id;
                },
                dataset->excludedArms);
            if (current_->load() != id)
                return;
            controller_->deliver(id, [c = controller_, f] { emit c->fudgeTuned(f); });
        } catch (const std::exception& e) {
            fail(id, QString::fromUtf8(e.what()));
        }
    }

    void experiment(quint64 id, const DatasetPtr& dataset, const ExperimentOptions& options)
    {
        try {
            auto report = std::make_shared<const ExperimentReport>(
                ada::runExperiment(*dataset, options, [this, id](int done, int total, std::string_view) {
                    const int p = total > 0 ? 100 * done / total : 0;
                    controller_->deliver(
                        id, [c = controller_, p] { emit c->progress(p, QObject::tr("queries")); }, false);
                    return current_->load() == id;
                }));
            if (current_->load() != id || report->cancelled)
                return;
            controller_->deliver(id, [c = controller_, report] { emit c->experimentFinished(report); });
        } catch (const std::exception& e) {
            fail(id, QString::fromUtf8(e.what()));
        }
    }

    void varianceLab(quint64 id, const DatasetPtr& dataset, const QString& rowText, int query, double beta,
                     VarianceLabOptions options)
    {
        try {
            if (query < 0 || query >= dataset->queryCount())
                throw std::invalid_argument("the query index is outside the dataset's queries");
            const Eigen::VectorXf x = dataset->queries.row(query).transpose();
            const Eigen::VectorXd logits = exactLogits(dataset->head, x, beta);
            const int row = resolveArm(rowText.toStdString(), dataset->vocab, logits, options.seed);
            const Eigen::VectorXd a = dataset->head.weight.row(row).cast<double>().transpose();
            const Eigen::VectorXd l1
                = dataset->head.weight.cast<double>().cwiseAbs().colwise().sum().transpose();
            options.threads = std::max(1, QThread::idealThreadCount());
            auto result = std::make_shared<VarianceLabResult>(runVarianceLab(
                a, x.cast<double>(), l1, beta, options, [this, id](int done, int total, std::string_view) {
                    const int p = total > 0 ? 100 * done / total : 0;
                    controller_->deliver(
                        id, [c = controller_, p] { emit c->progress(p, QObject::tr("variance lab")); },
                        false);
                    return current_->load() == id;
                }));
            if (result->cancelled || current_->load() != id)
                return;
            QString name = QString::number(row);
            if (std::size_t(row) < dataset->vocab.size())
                name = QString::fromStdString(dataset->vocab[std::size_t(row)]);
            const QString caption = QObject::tr("row %1, query %2").arg(name).arg(query);
            std::shared_ptr<const VarianceLabResult> ptr = std::move(result);
            controller_->deliver(
                id, [c = controller_, ptr, caption] { emit c->varianceLabFinished(ptr, caption); });
        } catch (const std::exception& e) {
            fail(id, QString::fromUtf8(e.what()));
        }
    }

    void report(quint64 id, const DatasetPtr& dataset, SpeedupReportOptions options)
    {
        try {
            if (svdDataset_.lock() == dataset)
                options.svdCache = svd_;
            const auto onProgress = [this, id](int done, int total, std::string_view stage) {
                const int p = total > 0 ? static_cast<int>(100LL * done / total) : 0;
                const QString label = QString::fromUtf8(stage.data(), static_cast<qsizetype>(stage.size()));
                controller_->deliver(
                    id, [c = controller_, p, label] { emit c->progress(p, label); }, false);
                return current_->load() == id;
            };
            auto result = std::make_shared<SpeedupReport>(runSpeedupReport(*dataset, options, onProgress));
            if (result->svd) {
                svd_ = result->svd;
                svdDataset_ = dataset;
            }
            if (result->cancelled || current_->load() != id)
                return;
            std::shared_ptr<const SpeedupReport> ptr = std::move(result);
            controller_->deliver(id, [c = controller_, ptr] { emit c->reportFinished(ptr); });
        } catch (const std::exception& e) {
            fail(id, QString::fromUtf8(e.what()));
        }
    }

private:
    void fail(quint64 id, const QString& message)
    {
        controller_->deliver(id, [c = controller_, message] { emit c->failed(message); });
    }

    RunController* controller_;
    std::shared_ptr<std::atomic<quint64>> current_;
    // The last head's SVD (worker thread only): a second report on the same dataset reuses it.
    std::weak_ptr<const Dataset> svdDataset_;
    std::shared_ptr<const SvdSoftmax> svd_;
};

RunController::RunController(QObject* parent)
    : QObject(parent)
    , current_(std::make_shared<std::atomic<quint64>>(0))
{
    // For queued connections by anyone who connects these signals across threads.
    qRegisterMetaType<DatasetPtr>("ada::DatasetPtr");
    qRegisterMetaType<RunDataPtr>("ada::RunDataPtr");
    qRegisterMetaType<FudgeFactors>("ada::FudgeFactors");
    worker_ = new RunWorker(this, current_); // parentless: it moves to the thread and dies with it
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.setObjectName(QStringLiteral("adasoftmax-worker"));
    thread_.start();
}

RunController::~RunController()
{
    current_->store(~quint64(0)); // every pending or running request is now stale
    thread_.requestInterruption();
    thread_.quit();
    thread_.wait();
}

int RunController::liveTraceCount()
{
    return gLiveTraces.load();
}

quint64 RunController::nextRequest()
{
    const quint64 id = ++issued_;
    current_->store(id); // the running request sees a newer id at its next event and stops
    setBusy(true);
    return id;
}

void RunController::deliver(quint64 id, const std::function<void()>& emitResult, bool final)
{
    // Called on the worker thread: hop to the GUI thread, and drop it if a newer request exists.
    post(this, [this, id, emitResult, final] {
        if (id != current_->load())
            return;
        if (final)
            setBusy(false);
        emitResult();
    });
}

void RunController::setBusy(bool busy)
{
    if (busy_ == busy)
        return;
    busy_ = busy;
    emit busyChanged(busy);
}

void RunController::loadDataset(const QString& name)
{
    const quint64 id = nextRequest();
    post(worker_, [w = worker_, id, name] { w->load(id, name); });
}

void RunController::saveDataset(DatasetPtr dataset, const QString& path)
{
    post(worker_, [w = worker_, dataset, path] { w->save(dataset, path); });
}

void RunController::startRun(DatasetPtr dataset, int query, const Config& config)
{
    const quint64 id = nextRequest();
    post(worker_, [w = worker_, id, dataset, query, config] { w->run(id, dataset, query, config); });
}

void RunController::tuneFudge(DatasetPtr dataset, const Config& config)
{
    const quint64 id = nextRequest();
    post(worker_, [w = worker_, id, dataset, config] { w->tune(id, dataset, config); });
}

void RunController::runVarianceLab(DatasetPtr dataset, const QString& row, int query, double beta,
                                   const VarianceLabOptions& options)
{
    const quint64 id = nextRequest();
    post(worker_, [w = worker_, id, dataset, row, query, beta, options] {
        w->varianceLab(id, dataset, row, query, beta, options);
    });
}

void RunController::runReport(DatasetPtr dataset, const SpeedupReportOptions& options)
{
    const quint64 id = nextRequest();
    post(worker_, [w = worker_, id, dataset, options] { w->report(id, dataset, options); });
}

void RunController::runExperiment(DatasetPtr dataset, const ExperimentOptions& options)
{
    const quint64 id = nextRequest();
    post(worker_, [w = worker_, id, dataset, options] { w->experiment(id, dataset, options); });
}

void RunController::cancel()
{
    ++issued_;
    current_->store(issued_);
    setBusy(false);
}

} // namespace ada
