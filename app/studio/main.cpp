// adasoftmax-studio: the desktop application. Thin: parse the command line, show the window.
#include "MainWindow.h"
#include "Preferences.h"
#include "ReplayBenchmark.h"
#include "Scenario.h"

#include "core/AllocatorTuning.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QJsonDocument>
#include <QSettings>
#include <QTextStream>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    ada::configureAllocatorForQueries();
    QApplication::setOrganizationName(QStringLiteral("AdaSoftmax"));
    QApplication::setApplicationName(QStringLiteral("AdaSoftmax Studio"));
    QApplication::setApplicationVersion(QStringLiteral(ADASOFTMAX_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/adasoftmax.svg")));
    QApplication::setDesktopFileName(QStringLiteral("adasoftmax-studio"));
    // The language must be known before any string is translated, so --language is read ahead of
    // the parser (whose own help text it translates too).
    QString language = ada::languageSetting();
    const QStringList args = QApplication::arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--language")); i >= 0 && i + 1 < args.size())
        language = args[i + 1];
    // The same for --theme: the palette must be set before the first widget exists.
    ada::installTranslations(language);
    ada::Theme theme = ada::themeSetting();
    if (const qsizetype i = args.indexOf(QStringLiteral("--theme")); i >= 0 && i + 1 < args.size())
        theme = args[i + 1] == QLatin1String("dark") ? ada::Theme::Dark
            : args[i + 1] == QLatin1String("light")  ? ada::Theme::Light
                                                     : ada::Theme::System;
    ada::applyTheme(theme);
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "AdaSoftmax Studio: watch adaptive softmax work, round by round."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {"scenario", QCoreApplication::translate("main", "Open the scenario FILE (JSON) at start."),
         QCoreApplication::translate("main", "FILE")},
        {"screenshot",
         QCoreApplication::translate(
             "main", "Run the start-up scenario, save a screenshot of the window to FILE (PNG) and quit."),
         QCoreApplication::translate("main", "FILE")},
        {"bench-replay",
         QCoreApplication::translate(
             "main", "Measure replay frames per second for n = 1 000 and n = 50 000, print them and quit.")},
        {"variance-lab",
         QCoreApplication::translate(
             "main", "With --screenshot: also run the variance lab's paper figure and show it.")},
        {"speedup-report",
         QCoreApplication::translate(
             "main", "With --screenshot: also run the speedup report on the dataset and show it.")},
        {"language",
         QCoreApplication::translate("main", "Use the language CODE (en, de, zh_CN) for this start only."),
         QCoreApplication::translate("main", "CODE")},
        {"theme",
         QCoreApplication::translate("main", "Use the THEME (system, light, dark) for this start only."),
         QCoreApplication::translate("main", "THEME")},
        {"lesson", QCoreApplication::translate("main", "Start the guided lesson N (1 … 5)."),
         QCoreApplication::translate("main", "N")},
        {"lesson-step",
         QCoreApplication::translate("main",
                                     "With --lesson and --screenshot: take the picture at step K (1-based)."),
         QCoreApplication::translate("main", "K")},
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
    if (parser.isSet("lesson"))
        window.startLesson(parser.value("lesson").toInt() - 1,
                           std::max(0, parser.value("lesson-step").toInt() - 1));
    else
        window.openScenario(scenario);
    return app.exec();
}
