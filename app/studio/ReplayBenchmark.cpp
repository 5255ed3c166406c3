#include "ReplayBenchmark.h"

#include "MainWindow.h"
#include "PlaybackController.h"

#include "datasets/SyntheticDatasets.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <QTextStream>
#include <qcustomplot.h>

namespace ada {

namespace {

RunDataPtr recordSynthetic(const QString& spec)
{
    const Dataset ds = generateSynthetic(parseSyntheticSpec(spec.toStdString()));
    return recordRun(ds, 0, Config::forPreset(Preset::Paper));
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
        const RunDataPtr run = recordSynthetic(spec);
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
