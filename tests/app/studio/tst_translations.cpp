// The translations: each .ts file is complete (no unfinished entries, at most 5 % of translations
// equal to their English source, the same placeholders as the source), each compiled .qm loads and changes
// the main window's strings, and Qt's own translations come with it.
#include "app/studio/Lessons.h"
#include "app/studio/MainWindow.h"
#include "app/studio/Preferences.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace ada;

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void tsFileIsComplete_data();
    void tsFileIsComplete();
    void translationChangesTheWindow_data();
    void translationChangesTheWindow();
    void englishIsTheSource();

private:
    QTemporaryDir settingsDir_;
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
    QCoreApplication::setOrganizationName(QStringLiteral("AdaSoftmax"));
    QCoreApplication::setApplicationName(QStringLiteral("AdaSoftmax Studio Test"));
}

void TestTranslations::tsFileIsComplete_data()
{
    QTest::addColumn<QString>("path");
    for (const char* code : {"de", "zh_CN"})
        QTest::newRow(code) << QStringLiteral(TRANSLATIONS_DIR "/adasoftmax_%1.ts").arg(QLatin1String(code));
}

void TestTranslations::tsFileIsComplete()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    QXmlStreamReader xml(&file);
    int messages = 0, same = 0;
    QStringList unfinished, placeholders;
    // A translation must use the same arg() placeholders (%1, %L2, …) as its source.
    const QRegularExpression marker(QStringLiteral("%L?\\d+"));
    auto markers = [&marker](const QString& text) {
        QStringList found;
        for (auto it = marker.globalMatch(text); it.hasNext();)
            found << it.next().captured();
        found.sort();
        return found;
    };
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString text = xml.readElementText();
            ++messages;
            if (!type.isEmpty() || text.isEmpty()) // unfinished, vanished or obsolete
                unfinished << source;
            else if (text == source)
                ++same;
            if (!text.isEmpty() && markers(text) != markers(source))
                placeholders << source;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 300);
    QVERIFY2(unfinished.isEmpty(),
             qPrintable(
                 QStringLiteral("%1 unfinished, e.g. '%2'").arg(unfinished.size()).arg(unfinished.value(0))));
    QVERIFY2(placeholders.isEmpty(),
             qPrintable(QStringLiteral("placeholders differ in '%1'").arg(placeholders.value(0))));
    QVERIFY2(same * 20 <= messages,
             qPrintable(QStringLiteral("%1 of %2 translations equal their source").arg(same).arg(messages)));
}

void TestTranslations::translationChangesTheWindow_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("file");    // the File menu's title
    QTest::addColumn<QString>("lessons"); // the Lessons menu's title
    QTest::addColumn<QString>("close");   // Qt's own "Close" button
    QTest::newRow("de") << "de"
                        << "&Datei"
                        << "&Lektionen"
                        << "Schließen";
    QTest::newRow("zh_CN") << "zh_CN"
                           << "文件(&F)"
                           << "课程(&L)"
                           << "关闭";
}

void TestTranslations::translationChangesTheWindow()
{
    QFETCH(QString, code);
    QFETCH(QString, file);
    QFETCH(QString, lessons);
    QFETCH(QString, close);
    QVERIFY(installTranslations(code));
    {
        MainWindow window;
        const QList<QAction*> menus = window.menuBar()->actions();
        QCOMPARE(menus.at(0)->text(), file);
        QVERIFY(std::any_of(menus.begin(), menus.end(), [&](QAction* a) { return a->text() == lessons; }));
        QVERIFY(window.windowTitle() == QLatin1String("AdaSoftmax Studio")); // the name stays
        QVERIFY(Lessons::all().front().title != QLatin1String("1 · What exact softmax costs"));
        QDialogButtonBox box(QDialogButtonBox::Close);
        QCOMPARE(box.button(QDialogButtonBox::Close)->text(), close);
    }
    QVERIFY(!installTranslations(QStringLiteral("en"))); // English is the source: no .qm
}

void TestTranslations::englishIsTheSource()
{
    installTranslations(QStringLiteral("en"));
    MainWindow window;
    QCOMPARE(window.menuBar()->actions().at(0)->text(), QStringLiteral("&File"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
