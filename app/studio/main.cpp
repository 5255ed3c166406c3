// adasoftmax-studio: the desktop application. Thin: parse the command line, show the window.
#include "MainWindow.h"
#include "ReplayBenchmark.h"
#include "Scenario.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QJsonDocument>
#include <QSettings>
#include <QTextStream>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("AdaSoftmax"));
    QApplication::setApplicationName(QStringLiteral("AdaSoftmax Studio"));
    QApplication::setApplicationVersion(QStringLiteral(ADASOFTMAX_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("AdaSoftmax Studio: watch adaptive softmax work, round by round."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {"scenario", "Open the scenario FILE (JSON) at start.", "FILE"},
        {"screenshot", "Run the start-up scenario, save a screenshot of the window to FILE (PNG) and quit.",
         "FILE"},
        {"bench-replay",
         "Measure replay frames per second for n = 1 000 and n = 50 000, print them and quit."},
        {"variance-lab", "With --screenshot: also run the variance lab's paper figure and show it."},
        {"speedup-report", "With --screenshot: also run the speedup report on the dataset and show it."},
    });
    parser.process(app);
    if (parser.isSet("bench-replay"))
        return ada::runReplayBenchmark();

    ada::Scenario scenario; // the built-in teaching instance
    if (parser.isSet("scenario")) {
        try {
            scenario = ada::Scenario::load(parser.value("scenario"));
        } catch (const std::exception& e) {
            QTextStream(stderr) << "adasoftmax-studio: error: " << QString::fromUtf8(e.what()) << '\n';
            return 2;
        }
    } else if (const QByteArray last = QSettings().value(QStringLiteral("scenario/last")).toByteArray();
               !last.isEmpty() && !parser.isSet("screenshot")) {
        try {
            scenario = ada::Scenario::fromJson(QJsonDocument::fromJson(last).object());
        } catch (const std::exception&) {
            // A stale or damaged saved scenario: start from the built-in instance instead.
        }
    }
    ada::MainWindow window;
    if (parser.isSet("screenshot"))
        window.screenshotAfterRun(parser.value("screenshot"));
    if (parser.isSet("variance-lab"))
        window.showVarianceLabInScreenshot();
    if (parser.isSet("speedup-report"))
        window.showReportInScreenshot();
    window.show();
    window.openScenario(scenario);
    return app.exec();
}
