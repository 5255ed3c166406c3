// Runs and loads on a worker thread (DESIGN.md "Threading in the GUI"). The GUI thread only sends
// requests and receives finished values; it never computes. Every request gets an id; a newer
// request cancels the older one through the core's observer, and stale results are dropped.
#pragma once

#include "core/Config.h"
#include "core/Evaluation.h"
#include "core/Head.h"
#include "core/SpeedupReport.h"
#include "core/VarianceLab.h"
#include "widgets/RunData.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace ada {

using DatasetPtr = std::shared_ptr<const Dataset>;

class RunWorker;

class RunController : public QObject {
    Q_OBJECT

public:
    explicit RunController(QObject* parent = nullptr);
    ~RunController() override; // cancels, quits the thread and waits for it

    void loadDataset(const QString& name);
    void startRun(DatasetPtr dataset, int query, const Config& config);
    void tuneFudge(DatasetPtr dataset, const Config& config);
    // Writes the dataset as an HDF5 head file (HEAD_FORMAT.md) on the worker thread.
    void saveDataset(DatasetPtr dataset, const QString& path);
    // The variance lab on one row (index, /vocab name, "top" or "random") and query, with β.
    void runVarianceLab(DatasetPtr dataset, const QString& row, int query, double beta,
                        const VarianceLabOptions& options);
    // The speedup report (core/SpeedupReport.h). The head's SVD is kept on the worker and reused
    // while the same dataset is reported on again (§11.1: computed once per head).
    void runReport(DatasetPtr dataset, const SpeedupReportOptions& options);
    // Many queries at one configuration (runExperiment, no tuning unless options.tune says so): the
    // lesson on ε and δ counts failures against δ.
    void runExperiment(DatasetPtr dataset, const ExperimentOptions& options);
    void cancel();
    [[nodiscard]] bool busy() const { return busy_; }

    // Worker objects alive (tests assert it returns to its baseline).
    static int liveTraceCount();

signals:
    void datasetLoaded(ada::DatasetPtr dataset);
    void datasetSaved(const QString& path);
    void runFinished(ada::RunDataPtr run);
    void fudgeTuned(ada::FudgeFactors fudge);
    void varianceLabFinished(std::shared_ptr<const ada::VarianceLabResult> result, const QString& caption);
    void reportFinished(std::shared_ptr<const ada::SpeedupReport> report);
    void experimentFinished(std::shared_ptr<const ada::ExperimentReport> report);
    void failed(const QString& message);
    void progress(int percent, const QString& stage);
    void busyChanged(bool busy);

private:
    friend class RunWorker;
    quint64 nextRequest();
    void deliver(quint64 id, const std::function<void()>& emitResult, bool final = true);
    void setBusy(bool busy);

    QThread thread_;
    RunWorker* worker_;
    std::shared_ptr<std::atomic<quint64>> current_; // the latest request id, read by the worker
    quint64 issued_ = 0;
    bool busy_ = false;
};

} // namespace ada
