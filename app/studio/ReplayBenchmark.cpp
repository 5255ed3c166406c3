#include "ReplayBenchmark.h"

#include "MainWindow.h"
#include "PlaybackBar.h"

#include "core/AdaptiveSoftmax.h"
#include "core/ExactSoftmax.h"
#include "datasets/SyntheticDatasets.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <QTextStream>
#include <qcustomplot.h>

namespace ada {

namespace {

RunDataPtr recordRun(const QString& spec)
{
    const Dataset ds = generateSynthetic(parseSyntheticSpec(spec.toStdString()));
    const Config config = Config::forPreset(Preset::Paper);
    const Eigen::VectorXf x = ds.queries.row(0).transpose();
    Recorder recorder;
    const Result result = runAdaptiveSoftmax(ds.head, x, config, &recorder);
    auto run = std::make_shared<RunData>();
    run->trace = recorder.takeTrace();
    run->trueLogits = exactLogits(ds.head, x, 1.0);
    run->trueLogPartition = logSumExp(run->trueLogits);
    run->config = config;
    run->arms = ds.head.arms();
    run->dim = ds.head.dim();
    run->effectiveDim = result.effectiveDim;
    run->datasetName = QString::fromStdString(ds.name);
    return run;
}

} // namespace

int runReplayBenchmark()
{
    QTextStream out(stdout);
    out << "replay benchmark: every frame = showStep on all views + a full replot into a 1280×800 pixmap\n";
    out << QStringLiteral("%1  %2  %3  %4\n")
               .arg("arms n", 8)
               .arg("steps", 6)
               .arg("frames", 7)
               .arg("frames/s", 9);
    for (const QString& spec : {QStringLiteral("synthetic:noisy?n=1000&d=512&m=1&seed=1"),
                                QStringLiteral("synthetic:noisy?n=50000&d=64&m=1&seed=1")}) {
        const RunDataPtr run = recordRun(spec);
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        window.showRun(run);
        QApplication::processEvents();
        QElapsedTimer clock;
        clock.start();
        int frames = 0;
        // At least one pass over the whole trace and at least two seconds.
        while (frames < run->steps() || clock.elapsed() < 2000) {
            window.renderStep(frames % run->steps());
            for (QCustomPlot* plot : window.plots())
                plot->replot(QCustomPlot::rpImmediateRefresh);
            const QPixmap frame = window.grab();
            if (frame.isNull())
                return 1;
            ++frames;
        }
        const double fps = frames / (double(clock.nsecsElapsed()) * 1e-9);
        out << QStringLiteral("%1  %2  %3  %4\n")
                   .arg(run->arms, 8)
                   .arg(run->steps(), 6)
                   .arg(frames, 7)
                   .arg(fps, 9, 'f', 1);
        out.flush();
    }
    return 0;
}

} // namespace ada
